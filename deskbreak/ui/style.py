"""Shared look: fonts relative to the system font, colours derived from the palette.

Nothing here hard-codes a pixel font size or a theme. Fonts are the
application font scaled by a factor, so a user who enlarges the system font
gets a larger break window; colours come from the widget's :class:`QPalette`
(its highlight, text and window colours), blended where a softer shade is
needed, so light and dark themes both read well. The few colours the palette
has no role for (a calm green for rest, an amber for "get ready" and for
cautions) come in a light and a dark variant chosen by the palette's darkness.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QStyleOptionButton, QWidget

# Default point size assumed when the application font is set in pixels.
_FALLBACK_POINT_SIZE = 10.0


def base_point_size() -> float:
    """The application font's point size (the system font unless the app overrides it)."""
    size = QApplication.font().pointSizeF()
    return size if size > 0 else _FALLBACK_POINT_SIZE


def scaled_font(scale: float = 1.0, *, bold: bool = False, weight: QFont.Weight | None = None,
                base: QFont | None = None) -> QFont:
    """The application font (or ``base``) at ``scale`` times its size."""
    font = QFont(base if base is not None else QApplication.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * scale)))
    if weight is not None:
        font.setWeight(weight)
    elif bold:
        font.setWeight(QFont.Weight.Bold)
    return font


def blend(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    amount = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
        a.alphaF() + (b.alphaF() - a.alphaF()) * amount,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def text_color(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.WindowText)


def muted_color(palette: QPalette) -> QColor:
    """Secondary text: readable, clearly below the main text in the hierarchy."""
    return blend(text_color(palette), palette.color(QPalette.ColorRole.Window), 0.38)


WCAG_AA_TEXT = 4.5


def luminance(color: QColor) -> float:
    """WCAG 2 relative luminance."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(color: QColor, background: QColor, ratio: float = WCAG_AA_TEXT) -> QColor:
    """``color`` darkened (on light backgrounds) or lightened (on dark) until it
    reaches ``ratio`` against ``background``: the theme's hue, legible text."""
    towards = QColor("black") if background.lightnessF() >= 0.5 else QColor("white")
    step = 0.0
    adjusted = QColor(color)
    while contrast(adjusted, background) < ratio and step < 1.0:
        step += 0.05
        adjusted = blend(color, towards, step)
    return adjusted


def accent_color(palette: QPalette) -> QColor:
    """The theme's highlight, adjusted to pass WCAG AA as text on the window and on cards."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    accent = readable_on(accent, palette.color(QPalette.ColorRole.Window))
    return readable_on(accent, card_color(palette))


def rest_color(palette: QPalette) -> QColor:
    return QColor("#4cc38a") if is_dark(palette) else QColor("#23895a")


def ready_color(palette: QPalette) -> QColor:
    return QColor("#f0b44c") if is_dark(palette) else QColor("#b7700b")


def caution_color(palette: QPalette) -> QColor:
    return QColor("#f0b44c") if is_dark(palette) else QColor("#9a5b00")


def track_color(palette: QPalette) -> QColor:
    """The empty part of a progress ring."""
    return blend(palette.color(QPalette.ColorRole.Window), text_color(palette), 0.12)


def card_color(palette: QPalette) -> QColor:
    """A panel a step away from the window background (up in light themes, down in dark)."""
    window = palette.color(QPalette.ColorRole.Window)
    target = QColor("white") if not is_dark(palette) else text_color(palette)
    return blend(window, target, 0.55 if not is_dark(palette) else 0.06)


def tint(color: QColor, palette: QPalette, amount: float = 0.16) -> QColor:
    """A soft background of ``color`` over the window colour."""
    return blend(palette.color(QPalette.ColorRole.Window), color, amount)


def _color_text(palette: QPalette, color: QColor) -> None:
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.WindowText, color)
        palette.setColor(group, QPalette.ColorRole.Text, color)
        palette.setColor(group, QPalette.ColorRole.ButtonText, color)


def set_text_color(widget: QWidget, color: QColor) -> None:
    """Give ``widget`` a text colour without a style sheet (it keeps following font changes).

    A button must be a :class:`TextColorButton`: a palette of its own would
    leave a new image in the style's cache each time one is built.
    """
    if isinstance(widget, TextColorButton):
        widget.set_text_color(color)
        return
    if isinstance(widget, QAbstractButton):
        raise TypeError(f"{type(widget).__name__} {widget.objectName()!r}: give a button its text colour "
                        "as a TextColorButton, not with a palette of its own")
    palette = widget.palette()
    _color_text(palette, color)
    widget.setPalette(palette)


#: Per text colour (``QColor.rgba``): the palette it was made from (its cache key) and the palette.
_TEXT_PALETTES: dict[int, tuple[int, QPalette]] = {}


def text_palette(base: QPalette, color: QColor) -> QPalette:
    """``base`` with ``color`` as its text colours: the same palette, with the same cache key, every
    time it is asked for the same two (one kept per colour)."""
    made_from, palette = _TEXT_PALETTES.get(color.rgba(), (None, None))
    if made_from != base.cacheKey():
        palette = QPalette(base)
        _color_text(palette, color)
        _TEXT_PALETTES[color.rgba()] = (base.cacheKey(), palette)
    return palette


class TextColorButton(QPushButton):
    """A push button with a text colour of its own, drawn from one palette per colour.

    Fusion keeps each button image it draws in QPixmapCache under a key that
    includes the palette's cache key, and every ``QWidget.setPalette`` makes a
    palette with a key of its own: the "This hurts" button, given its own
    palette in each break window, left 13-19 kB of images per break that no
    later window drew again. This button keeps the palette it inherits and
    hands the style :func:`text_palette` instead, which every button of its
    colour shares.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._text_color: QColor | None = None

    def set_text_color(self, color: QColor) -> None:
        if not same_color(color, self._text_color):
            self._text_color = QColor(color)
            self.update()

    def initStyleOption(self, option: QStyleOptionButton) -> None:  # noqa: N802
        super().initStyleOption(option)
        if self._text_color is not None:
            option.palette = text_palette(option.palette, self._text_color)


def same_color(first: QColor | None, second: QColor | None) -> bool:
    """Whether two colours (or no colour) are the same.

    None is compared first: comparing a QColor with None has PySide6 build
    QGradient's and QImage's enum classes, milliseconds in the first break
    window before its first paint.
    """
    if first is None or second is None:
        return first is second
    return first == second


def danger_color(palette: QPalette) -> QColor:
    return QColor("#f2a19b") if is_dark(palette) else QColor("#b3261e")
