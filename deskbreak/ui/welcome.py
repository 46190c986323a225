"""The first-run note: deskbreak gives general information, not medical advice.

Shown once, until the user dismisses it, with the articles' own safety advice
so it is read before the first stretch rather than buried in a help page.
"""

from __future__ import annotations

import html
from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from deskbreak.core.catalog import SafetyNote
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate

INTRO = QT_TRANSLATE_NOOP(
    "welcome", "deskbreak guides you through stretches from two articles on lower-back pain in "
    "runners and desk workers. It is general information, not medical advice.")


class WelcomeWindow(QWidget):
    dismissed = Signal()

    def __init__(self, safety: Sequence[SafetyNote], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("welcome", "deskbreak: Before you start"))
        self.setObjectName("welcomeWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        intro = QLabel(translate("welcome", INTRO))
        intro.setWordWrap(True)
        font = intro.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        intro.setFont(font)
        layout.addWidget(intro)
        # One label for the whole list: separate word-wrapped labels get
        # uneven heights from QLabel's height-for-width guesswork.
        items = "".join(f"<li style='margin-bottom:6px'>{html.escape(translate('catalog', note.text))}</li>"
                        for note in safety)
        notes = QLabel(f"<ul style='margin-left:-24px'>{items}</ul>")
        notes.setObjectName("safetyNotes")
        notes.setWordWrap(True)
        notes.setToolTip(translate("welcome", "From {sources}").format(
            sources=", ".join(sorted({n.source.citation for n in safety}))))
        layout.addWidget(notes)
        self.ok = QPushButton(translate("welcome", "Got it"))
        self.ok.setObjectName("welcomeOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._dismiss)
        layout.addWidget(self.ok, alignment=Qt.AlignmentFlag.AlignRight)
        # A fixed width lets the wrapped labels take their natural heights.
        self.setFixedWidth(560)
        self.adjustSize()

    def _dismiss(self) -> None:
        self.dismissed.emit()
        self.close()
