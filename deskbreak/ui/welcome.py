"""The first-run note: deskbreak gives general information, not medical advice.

Shown once, until the user dismisses it, with the articles' own safety advice
so it is read before the first stretch rather than buried in a help page.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from deskbreak.core.catalog import SafetyNote

INTRO = (
    "deskbreak guides you through stretches from two articles on lower-back pain in "
    "runners and desk workers. It is general information, not medical advice."
)


class WelcomeWindow(QWidget):
    dismissed = Signal()

    def __init__(self, safety: Sequence[SafetyNote], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("deskbreak: Before you start")
        self.setObjectName("welcomeWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        font = intro.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        intro.setFont(font)
        layout.addWidget(intro)
        for note in safety:
            label = QLabel(f"• {note.text}")
            label.setWordWrap(True)
            label.setObjectName(f"safety:{note.id}")
            label.setToolTip(f"From {note.source.document}: \u201c{note.source.quote}\u201d")
            layout.addWidget(label)
        self.ok = QPushButton("Got it")
        self.ok.setObjectName("welcomeOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._dismiss)
        layout.addWidget(self.ok, alignment=Qt.AlignmentFlag.AlignRight)
        self.resize(560, self.sizeHint().height())

    def _dismiss(self) -> None:
        self.dismissed.emit()
        self.close()
