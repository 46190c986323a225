"""``deskbreak desktop install|uninstall``: deskbreak in the application menu, for any way it was installed.

A pip or pipx install has no menu entry or icons of its own, so on Wayland
the app would show a generic icon and name, and be missing from the menu.
These verbs install (and take out) the entry, icons, AppStream metainfo and
GNOME Shell extension from the installed package, with ``Exec`` the deskbreak
running now, on this profile (:mod:`deskbreak.adapters.menu_entry`).
``make install-desktop`` runs the same verb.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys

from deskbreak.core.i18n import translate
from deskbreak.core.profile import Profile


def desktop_command(args: argparse.Namespace, profile: Profile) -> int:
    from deskbreak.adapters import menu_entry
    from deskbreak.adapters.autostart import launch_command

    if not menu_entry.supported():
        print(translate("cli", "deskbreak: the application menu entry is for Linux and BSD desktops "
                               "(freedesktop.org), not {platform}").format(platform=sys.platform), file=sys.stderr)
        return 1
    # The profile's folders, as the login entry has them: the menu starts the deskbreak this one is.
    command = launch_command() + profile.command_line_options()
    try:
        if args.desktop_verb == "install":
            outcome = menu_entry.install(command)
        else:
            outcome = menu_entry.uninstall(command)
    except menu_entry.MenuEntryError as exc:
        print(f"deskbreak: {exc}", file=sys.stderr)
        return 1
    for path in outcome.written:
        print(translate("cli", "installed {path}").format(path=path))
    for path in outcome.removed:
        print(translate("cli", "removed {path}").format(path=path))
    for path in outcome.kept:
        print(translate("cli", "deskbreak: kept {path}: it was changed after deskbreak installed it").format(
            path=path), file=sys.stderr)
    if args.desktop_verb == "install":
        print(translate("cli", "deskbreak is in the application menu: {entry} starts {command}").format(
            entry=outcome.entry, command=shlex.join(command)))
        for uuid in outcome.gnome_extensions if shutil.which("gnome-shell") else ():
            print(translate("cli", "GNOME: to hold breaks for fullscreen windows, log in again, then run "
                                   "`gnome-extensions enable {uuid}`").format(uuid=uuid))
    elif not outcome.removed and not outcome.kept:
        print(translate("cli", "no menu entry of deskbreak's under {folder}: nothing to remove").format(
            folder=outcome.data_home))
    return 0
