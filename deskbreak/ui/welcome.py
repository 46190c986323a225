"""The first-run note: deskbreak gives general information, not medical advice.

Shown once, until the user dismisses it, with the articles' own safety advice
so it is read before the first stretch rather than buried in a help page.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from deskbreak.core import markup
from deskbreak.core.content.catalog import SafetyNote
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.ui import screen_fit

INTRO = QT_TRANSLATE_NOOP(
    "welcome", "deskbreak guides you through stretches from two articles on lower-back pain in "
    "runners and desk workers. It is general information, not medical advice.")
SIDE = 24  # px: the note's margins
SPACING = 12  # px: between its parts


class WelcomeWindow(QWidget):
    dismissed = Signal()

    def __init__(self, safety: Sequence[SafetyNote], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("welcome", "deskbreak: Before you start"))
        self.setObjectName("welcomeWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(translate("welcome", INTRO))
        intro.setWordWrap(True)
        intro.setContentsMargins(SIDE, 0, SIDE, 0)
        font = intro.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        intro.setFont(font)
        # One label for the whole list: separate word-wrapped labels get
        # uneven heights from QLabel's height-for-width guesswork.
        items = "".join(f"<li style='margin-bottom:6px'>{markup.escape(translate('catalog', note.text))}</li>"
                        for note in safety)
        notes = QLabel(f"<ul style='margin-left:-24px'>{items}</ul>")
        notes.setObjectName("safetyNotes")
        notes.setWordWrap(True)
        notes.setContentsMargins(SIDE, 0, SIDE, 0)
        notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        notes.setToolTip(translate("welcome", "From {sources}").format(
            sources=", ".join(sorted({n.source.citation for n in safety}))))
        # The notes scroll on a screen too small for them; the button stays in view.
        scroll = QScrollArea()
        scroll.setObjectName("welcomeScroll")
        scroll.setAccessibleName(self.windowTitle())  # it takes Tab, to scroll the notes by key
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(notes)
        self.ok = QPushButton(translate("welcome", "Got it"))
        self.ok.setObjectName("welcomeOk")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._dismiss)
        button_row = QHBoxLayout()
        button_row.setContentsMargins(SIDE, 0, SIDE, 0)
        button_row.addStretch(1)
        button_row.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, SIDE, 0, SIDE)
        layout.setSpacing(SPACING)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(button_row)
        # The button takes the keyboard, not the notes' scroll area: Enter dismisses the note.
        self.ok.setFocus()
        # A line length that reads well; the wrapped labels take their heights from it.
        width = round(self.fontMetrics().height() * 37)
        height = (2 * SIDE + 2 * SPACING + intro.heightForWidth(width) + notes.heightForWidth(width)
                  + self.ok.sizeHint().height())
        screen_fit.place(self, QSize(width, height))

    def _dismiss(self) -> None:
        self.dismissed.emit()
        self.close()
