"""The tray on KDE Plasma (issue 18 item 6): a late tray still gets the icon, and a left click works.

Plasma's tray is a StatusNotifierItem host: Qt registers the icon with
``org.kde.StatusNotifierWatcher``, and a left click comes back as the item's
``Activate(x, y)`` call, which is what the test makes. The module's KWin starts
without plasmashell; the first test starts it while deskbreak runs, as when
the shell restarts or starts late.
"""

from __future__ import annotations

import re
import time

from support.app_cli import first_run_note_read
from support.processes import wait_for

STATUS_WINDOW = "deskbreak"
WATCHER = "org.kde.StatusNotifierWatcher"


def tray_items(kwin) -> str:
    return kwin.gdbus(WATCHER, "/StatusNotifierWatcher", "org.freedesktop.DBus.Properties.Get", WATCHER,
                      "RegisteredStatusNotifierItems")


def our_item(kwin, app) -> str | None:
    """The bus name of deskbreak's tray item, when the watcher has it."""
    items = tray_items(kwin)
    for name in re.findall(r"'([^'/]+)/", items):
        if f"(uint32 {app.pid},)" == kwin.gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                   "org.freedesktop.DBus.GetConnectionUnixProcessID", name):
            return name
    return None


def status_windows(kwin, app) -> list[dict]:
    return [window for window in kwin.windows_of(app.pid) if window["title"] == STATUS_WINDOW]


def test_a_tray_that_appears_after_start_gets_the_icon(kwin, launch, tmp_path):
    first_run_note_read(tmp_path)
    app = launch(kwin, tmp_path, "--set", "runs=")
    app.wait_for_output(r"system tray: not available, status window shown", stream="stderr", timeout=10)
    wait_for(lambda: status_windows(kwin, app), 10, 0.2, "the status window in place of the tray")
    kwin.start_plasma()
    wait_for(lambda: our_item(kwin, app), 20, 0.3, "deskbreak's icon in Plasma's tray")
    wait_for(lambda: not status_windows(kwin, app), 10, 0.2, "the status window gives way to the tray")
    kwin.screenshot(tmp_path / "plasma-tray.png")


def test_a_left_click_on_the_icon_opens_deskbreak(kwin, launch, tmp_path):
    kwin.start_plasma()
    first_run_note_read(tmp_path)
    app = launch(kwin, tmp_path, "--set", "runs=")
    item = wait_for(lambda: our_item(kwin, app), 20, 0.3, "deskbreak's icon in Plasma's tray")
    kwin.gdbus(item, "/StatusNotifierItem", "org.kde.StatusNotifierItem.Activate", "600", "10")
    wait_for(lambda: status_windows(kwin, app), 10, 0.2, "deskbreak's window after a left click")
    time.sleep(0.5)
    kwin.screenshot(tmp_path / "plasma-left-click.png")
    assert "Failed to create grabbing popup" not in app.stderr()
