"""Puts deskbreak in the current user's application menu, or takes it out again.

    python packaging/install_desktop.py install [--exec PROGRAM]
    python packaging/install_desktop.py uninstall

``make install-desktop`` and ``make uninstall-desktop`` run this. Under
``$XDG_DATA_HOME`` (``~/.local/share`` when unset) ``install`` writes:

* ``applications/deskbreak.desktop``: ``packaging/deskbreak.desktop`` with
  ``Exec`` and ``TryExec`` set to the absolute PROGRAM (the venv's
  ``deskbreak`` by default), because a desktop session's ``PATH`` rarely
  holds ``.venv/bin``: with a bare ``Exec=deskbreak`` the menu entry would
  start nothing. The file keeps the name ``deskbreak.desktop`` because the
  app calls ``setDesktopFileName("deskbreak")``: that is how a shell pairs
  its windows with this entry and its icon.
* ``icons/hicolor/<N>x<N>/apps/deskbreak.png`` (from ``scripts/render_icons.py``)
  and ``icons/hicolor/scalable/apps/deskbreak.svg``.
* ``gnome-shell/extensions/deskbreak@deskbreak.github.io/``: deskbreak's GNOME
  Shell extension (``packaging/gnome-shell-extension``), which tells it about
  other apps' fullscreen windows. GNOME loads it after the next login, once
  the user enables it (``gnome-extensions enable deskbreak@deskbreak.github.io``);
  elsewhere the folder is never read.

``uninstall`` removes exactly those files, then the folders that this left
empty; it never touches anything else. Like xdg-utils, neither creates a
cache that was not there: an existing ``icon-theme.cache`` or
``mimeinfo.cache`` is refreshed (``gtk-update-icon-cache``,
``update-desktop-database``, when installed), and the icon theme folder is
touched so toolkits without a cache rescan it. A cache this script made
would go stale the next time something else installed an icon by hand, and
hide that icon.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENTRY_TEMPLATE = REPO / "packaging" / "deskbreak.desktop"
ICONS = REPO / "assets" / "icons"
GNOME_SHELL_EXTENSION = REPO / "packaging" / "gnome-shell-extension" / "deskbreak@deskbreak.github.io"
ICON_NAME = "deskbreak"
ENTRY_NAME = "deskbreak.desktop"
# What scripts/render_icons.py writes; tests/test_packaging.py checks they match.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def data_home() -> Path:
    # The XDG base directory spec: a relative value is invalid and is ignored.
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def installed_files(base: Path) -> dict[Path, Path | None]:
    """Each file install writes, with the file it copies (None: the menu entry, which is generated)."""
    hicolor = base / "icons" / "hicolor"
    files: dict[Path, Path | None] = {base / "applications" / ENTRY_NAME: None}
    for size in PNG_SIZES:
        name = f"{size}x{size}"
        files[hicolor / name / "apps" / f"{ICON_NAME}.png"] = ICONS / "hicolor" / name / "apps" / f"{ICON_NAME}.png"
    files[hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"] = ICONS / f"{ICON_NAME}.svg"
    extension = base / "gnome-shell" / "extensions" / GNOME_SHELL_EXTENSION.name
    for source in sorted(GNOME_SHELL_EXTENSION.iterdir()):
        files[extension / source.name] = source
    return files


def exec_value(program: Path) -> str:
    """``program`` as a desktop entry's Exec value, quoted as the spec asks (one home for that rule)."""
    sys.path.insert(0, str(REPO))
    from deskbreak.adapters.autostart import desktop_exec

    return desktop_exec([str(program)])


def menu_entry(program: Path) -> str:
    """The shipped entry with Exec (and TryExec, which hides the entry once PROGRAM is gone) pointing at PROGRAM."""
    command = exec_value(program)
    lines = []
    for line in ENTRY_TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith(("Exec=", "TryExec=")):
            if line.startswith("Exec="):
                lines += [f"TryExec={command}", f"Exec={command}"]
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def refresh_caches(base: Path) -> None:
    hicolor = base / "icons" / "hicolor"
    applications = base / "applications"
    if hicolor.is_dir():
        os.utime(hicolor)
        if (hicolor / "icon-theme.cache").exists() and shutil.which("gtk-update-icon-cache"):
            subprocess.run(["gtk-update-icon-cache", "--quiet", "--force", "--ignore-theme-index", str(hicolor)],
                           check=False)
    if (applications / "mimeinfo.cache").exists() and shutil.which("update-desktop-database"):
        subprocess.run(["update-desktop-database", "--quiet", str(applications)], check=False)


def install(program: Path) -> int:
    if not (program.is_file() and os.access(program, os.X_OK)):
        print(f"install-desktop: {program} is not an executable file (run `make run` once, or pass --exec)",
              file=sys.stderr)
        return 1
    base = data_home()
    for target, source in installed_files(base).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(menu_entry(program), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        print(f"installed {target}")
    refresh_caches(base)
    if shutil.which("gnome-shell"):
        print(f"GNOME: to hold breaks for fullscreen windows, log in again, then run "
              f"`gnome-extensions enable {GNOME_SHELL_EXTENSION.name}`")
    return 0


def uninstall() -> int:
    base = data_home()
    for target in installed_files(base):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        print(f"removed {target}")
        # The folders this emptied, up to (not including) the data home itself.
        folder = target.parent
        while folder != base and base in folder.parents:
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent
    refresh_caches(base)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="action", required=True)
    add = sub.add_parser("install", help="add the menu entry and icons")
    add.add_argument("--exec", dest="program", type=Path, default=Path(sys.executable).parent / "deskbreak",
                     help="the deskbreak program the entry starts (default: the one beside this Python)")
    sub.add_parser("uninstall", help="remove what install added")
    args = parser.parse_args(argv)
    if args.action == "install":
        # Absolute, but symlinks kept: a venv's files are reached through its own paths.
        return install(Path(os.path.abspath(args.program)))
    return uninstall()


if __name__ == "__main__":
    sys.exit(main())
