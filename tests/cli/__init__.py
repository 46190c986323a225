"""The command-line tier: `deskbreak` subcommands in this process (`cli.main`) or as a subprocess, offscreen."""
