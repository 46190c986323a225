"""The Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 on CPython 3.11 returned None from void methods without taking
a reference; every ``painter.save()`` or ``timer.stop()`` drained None's
count until the interpreter aborted. pyproject.toml pins below it; this test
fails if a version with that bug is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage, QPainter


def test_void_methods_do_not_drain_none(qapp):
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.save()
        painter.restore()
        timer.stop()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 10, f"None lost {before - after} references"
