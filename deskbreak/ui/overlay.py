"""Dimmed "Break in progress" overlays for the screens the routine is not on.

The routine itself shows on its screen (:mod:`deskbreak.ui.break_screens`
says which); every other screen gets a dark, translucent cover that says a
break is under way, fullscreen on that screen where the compositor places the
windows (Wayland). It never traps the user: it has an "End break" button,
and it is not modal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QScreen
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from deskbreak.core.i18n import translate
from deskbreak.ui.break_screens import show_again, show_fullscreen_on

DIM = QColor(15, 23, 42, 215)  # slate-900 at 84 %: text on it stays readable


class BreakOverlay(QWidget):
    endRequested = Signal()

    def __init__(self, screen: QScreen, title: str):
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("breakOverlay")
        self.setWindowTitle(translate("overlay", "deskbreak: {kind} in progress").format(kind=title))
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.covered_screen = screen
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        label = QLabel(translate("overlay", "{kind} in progress on your other screen").format(kind=title))
        label.setObjectName("overlayLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #f8fafc;")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        label.setFont(font)
        layout.addWidget(label)
        end = QPushButton(translate("overlay", "End break"))
        end.setObjectName("overlayEndButton")
        end.clicked.connect(self.endRequested)
        layout.addWidget(end, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def paintEvent(self, event) -> None:  # noqa: N802
        QPainter(self).fillRect(self.rect(), DIM)

    def show_on_screen(self, *, fullscreen: bool) -> None:
        """Show it over its screen: fullscreen there where that is the only way onto a screen."""
        if fullscreen:
            show_fullscreen_on(self, self.covered_screen)
        else:
            self.show()

    def bring_back(self, *, fullscreen: bool) -> None:
        """Show it again in front of whatever covered it."""
        show_again(self, self.covered_screen, fullscreen=fullscreen, activate=False)


def cover_other_screens(routine_screen: QScreen | None, title: str, *, fullscreen: bool = False) -> list[BreakOverlay]:
    """One overlay on every screen but ``routine_screen``, shown without taking focus."""
    overlays = []
    for screen in QGuiApplication.screens():
        if screen is routine_screen:
            continue
        overlay = BreakOverlay(screen, title)
        overlay.show_on_screen(fullscreen=fullscreen)
        overlays.append(overlay)
    return overlays
