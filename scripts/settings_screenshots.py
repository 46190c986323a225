"""Screenshots of every settings page, on the virtual desktop the tests use.

    .venv/bin/python scripts/settings_screenshots.py OUT_DIR

Starts Xvfb, openbox and the rest (tests/desktop/desktop.py), shows the real
settings dialog with a fresh profile at its natural size, and saves one PNG
per page (``settings-<page>.png``), for the README and for looking at.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the desktop harness and the tests' support package

from desktop.desktop import VirtualDesktop  # noqa: E402

SHOW_PAGES = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.content.poses import load_poses_or_none
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.routines_page import RoutinesPage
from deskbreak.ui.settings_dialog import SettingsDialog
out = Path(sys.argv[1])
catalog = load_catalog()
store = SettingsStore(out / "settings.toml")
page = RoutinesPage(catalog, catalog, load_poses_or_none(catalog))
dialog = SettingsDialog(store, routines_page=page,
                        autostart_location="~/.config/autostart/deskbreak.desktop")
dialog.show()
for row in range(dialog.sections.count()):
    dialog.sections.setCurrentRow(row)
    for _ in range(5):
        app.processEvents()
    name = dialog.sections.item(row).text().lower().replace(" ", "-")
    dialog.grab().save(str(out / f"settings-{name}.png"))
    print(out / f"settings-{name}.png")
"""


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        desktop = VirtualDesktop(Path(work)).start()
        try:
            subprocess.run([sys.executable, "-c", SHOW_PAGES, str(out)], env=desktop.env, check=True,
                           timeout=120)
        finally:
            desktop.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
