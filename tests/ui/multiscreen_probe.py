"""Run in a subprocess with two offscreen screens: where do the routine and the overlays go?

``python multiscreen_probe.py [x11|fullscreen|wayland] [BREAK_SCREEN]`` prints
one JSON line: the routine window's screen (as its native window reports it),
geometry and whether it is fullscreen; the same for each overlay; the same
again after "Show the break" brought the break back; what happens when an
overlay's "End break" is pressed; and what the user was told (``told``) of a
chosen screen that is not connected, over two breaks. With ``fullscreen`` the
windows are placed as on Wayland, where a client cannot position its windows:
fullscreen on their screens. With ``wayland`` the platform is taken for
Wayland (which, besides, never tells a client where the pointer is), and the
window decides for itself. ``BREAK_SCREEN`` is the ``break_screen`` setting
(``mouse`` unless given). ``python multiscreen_probe.py settings`` prints the
entries of the settings dialog's "Show breaks on" list instead.
"""

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import Settings
from deskbreak.ui.break_screens import ScreenGoneNotice
from deskbreak.ui.break_window import BreakWindow


def where(window: QWidget) -> list:
    handle = window.windowHandle()
    return [handle.screen().name(), list(window.geometry().getRect()),
            bool(window.windowState() & Qt.WindowState.WindowFullScreen), window.isVisible()]


def settings_page_entries() -> list[str]:
    from PySide6.QtWidgets import QComboBox

    from deskbreak.core.settings.store import SettingsStore
    from deskbreak.ui.settings_dialog import SettingsDialog

    with tempfile.TemporaryDirectory() as folder:
        dialog = SettingsDialog(SettingsStore(Path(folder) / "settings.toml"))
        field = dialog.findChild(QComboBox, "field:break_screen")
        return [field.itemText(index) for index in range(field.count())]


def break_on_two_screens(mode: str, break_screen: str) -> dict:
    if mode == "wayland":
        QGuiApplication.platformName = staticmethod(lambda: "wayland")
    QCursor.setPos(QPoint(1500, 300))  # on the right-hand screen
    catalog = load_catalog()
    told = []
    screen_gone = ScreenGoneNotice(lambda title, body: told.append([title, body]))
    report = {}
    for ordinal in ("first", "second"):
        window = BreakWindow(title="Sit-break", exercises=[catalog.exercise("walk-around")],
                             settings=Settings.defaults().with_value("break_screen", break_screen), clock=FakeClock(),
                             key_guard_s=0, fullscreen={"fullscreen": True, "x11": False}.get(mode),
                             screen_gone=screen_gone)
        outcomes = []
        window.finished.connect(outcomes.append)
        window.start()
        if ordinal == "first":
            report = {"routine": where(window), "overlays": [where(o) for o in window.overlays]}
            window.bring_back()
            report["brought_back"] = {"routine": where(window), "overlays": [where(o) for o in window.overlays]}
        window.overlays[0].findChild(QPushButton, "overlayEndButton").click()
        report[f"outcome_after_overlay_end_{ordinal}"] = outcomes
        report[f"overlays_after_end_{ordinal}"] = len(window.overlays)
    report["told"] = told
    return report


app = QApplication(sys.argv[:1])
mode = sys.argv[1] if len(sys.argv) > 1 else "x11"
if mode == "settings":
    print(json.dumps(settings_page_entries()))
else:
    print(json.dumps(break_on_two_screens(mode, sys.argv[2] if len(sys.argv) > 2 else "mouse")))
