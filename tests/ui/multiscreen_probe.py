"""Run in a subprocess with two offscreen screens: where do the routine and the overlays go?

Prints one JSON line: the routine window's screen, the overlays' screens and
geometries, and what happens when an overlay's "End break" is pressed.
"""

import json
import sys

from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QPushButton

from deskbreak.core.content.catalog import load_catalog
from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import Settings
from deskbreak.ui.break_window import BreakWindow

app = QApplication(sys.argv[:1])
QCursor.setPos(QPoint(1500, 300))  # on the right-hand screen
catalog = load_catalog()
window = BreakWindow(title="Sit-break", exercises=[catalog.exercise("walk-around")],
                     settings=Settings.defaults(), clock=FakeClock(), key_guard_s=0)
outcomes = []
window.finished.connect(outcomes.append)
window.start()
report = {
    "routine_screen": window.screen().name(),
    "overlays": [(o.screen().name(), o.geometry().getRect(), o.isVisible()) for o in window.overlays],
}
window.overlays[0].findChild(QPushButton, "overlayEndButton").click()
report["outcome_after_overlay_end"] = outcomes
report["overlays_after_end"] = len(window.overlays)
print(json.dumps(report))
