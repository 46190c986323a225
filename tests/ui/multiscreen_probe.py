"""Run in a subprocess with two offscreen screens: where do the routine and the overlays go?

``python multiscreen_probe.py [fullscreen|wayland]`` prints one JSON line: the
routine window's screen (as its native window reports it), geometry and
whether it is fullscreen; the same for each overlay; the same again after
"Show the break" brought the break back; and what happens when an overlay's
"End break" is pressed. With ``fullscreen`` the windows are placed as on
Wayland, where a client cannot position its windows: fullscreen on their screens.
With ``wayland`` the platform is taken for Wayland (which, besides, never
tells a client where the pointer is), and the window decides for itself.
"""

import json
import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import Settings
from deskbreak.ui.break_window import BreakWindow


def where(window: QWidget) -> list:
    handle = window.windowHandle()
    return [handle.screen().name(), list(window.geometry().getRect()),
            bool(window.windowState() & Qt.WindowState.WindowFullScreen), window.isVisible()]


app = QApplication(sys.argv[:1])
mode = sys.argv[1] if len(sys.argv) > 1 else "x11"
if mode == "wayland":
    QGuiApplication.platformName = staticmethod(lambda: "wayland")
QCursor.setPos(QPoint(1500, 300))  # on the right-hand screen
catalog = load_catalog()
window = BreakWindow(title="Sit-break", exercises=[catalog.exercise("walk-around")],
                     settings=Settings.defaults(), clock=FakeClock(), key_guard_s=0,
                     fullscreen={"fullscreen": True, "x11": False}.get(mode))
outcomes = []
window.finished.connect(outcomes.append)
window.start()
report = {"routine": where(window), "overlays": [where(o) for o in window.overlays]}
window.bring_back()
report["brought_back"] = {"routine": where(window), "overlays": [where(o) for o in window.overlays]}
window.overlays[0].findChild(QPushButton, "overlayEndButton").click()
report["outcome_after_overlay_end"] = outcomes
report["overlays_after_end"] = len(window.overlays)
print(json.dumps(report))
