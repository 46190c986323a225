"""WCAG AA contrast of the break window's colours, in a light and a dark theme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from deskbreak.ui import style
from deskbreak.ui.style import contrast

AA_TEXT = 4.5  # normal-size text
AA_LARGE = 3.0  # large text (the ring's numbers and captions) and graphics


def light_palette() -> QPalette:
    return QStyleFactory.create("Fusion").standardPalette()


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#171717", QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#303134", QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#2a6fdb", QPalette.ColorRole.HighlightedText: "#ffffff",
    }.items():
        palette.setColor(role, QColor(color))
    return palette


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_text_colours_pass_wcag_aa(qapp: QApplication, palette: QPalette):
    window = palette.color(QPalette.ColorRole.Window)
    card = style.card_color(palette)
    for background in (window, card):
        for name, colour in {
            "text": style.text_color(palette),
            "muted": style.muted_color(palette),
            "accent": style.accent_color(palette),
            "caution": style.caution_color(palette),
            "danger": style.danger_color(palette),
        }.items():
            assert contrast(colour, background) >= AA_TEXT, (name, colour.name(), background.name())
        for name, colour in {"rest": style.rest_color(palette), "ready": style.ready_color(palette),
                             "accent": style.accent_color(palette)}.items():
            assert contrast(colour, background) >= AA_LARGE, (name, colour.name(), background.name())
