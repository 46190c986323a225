"""The control verbs (``pause``, ``status``, ``quit``, ...): one request to the running app.

The verbs and their arguments are the protocol table's
(:mod:`deskbreak.core.protocol`); this module sends one and prints the
reply. :func:`ask_running_app` is also how ``config set`` and ``runs`` reach
a running deskbreak.
"""

from __future__ import annotations

import argparse
import json
import sys

from deskbreak.core.i18n import translate
from deskbreak.core.profile import Profile
from deskbreak.core.protocol import Verb


def control_command(verb: Verb, args: argparse.Namespace, profile: Profile) -> int:
    reply = ask_running_app(profile, verb.name, **{a.name: getattr(args, a.name) for a in verb.arguments})
    if reply is None:
        print(translate("cli", "deskbreak is not running (for this profile)."), file=sys.stderr)
        return 1
    if not reply.get("ok"):
        failed = translate("cli", "the command failed")
        print(f"deskbreak: {reply.get('error', failed)}", file=sys.stderr)
        return 1
    if verb.json_output and args.json:
        json.dump({k: v for k, v in reply.items() if k != "ok"}, sys.stdout, indent=2)
        print()
        return 0
    print(reply.get("text", "ok") if verb.name != "quit" else translate("cli", "deskbreak is quitting."))
    return 0


def ask_running_app(profile: Profile, command: str, **arguments) -> dict | None:
    """Send one command to this profile's running deskbreak; None when none runs."""
    from PySide6.QtCore import QCoreApplication

    from deskbreak.shell.control_socket import send_command
    from deskbreak.shell.instance import server_name

    _app = QCoreApplication.instance() or QCoreApplication([])
    try:
        name = server_name(profile.data_dir)
    except OSError as exc:  # InstanceError: no private folder, so nothing can be listening
        print(f"deskbreak: {exc}", file=sys.stderr)
        return None
    return send_command(name, command, **arguments)


def instance_may_run(profile: Profile) -> bool:
    # Asking needs Qt; a profile whose data folder does not exist has no deskbreak running.
    return profile.data_dir.exists()

