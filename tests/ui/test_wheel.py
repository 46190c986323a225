"""The mouse wheel changes a spin box, combo box or slider only when it has the keyboard; else it scrolls the page.

Resting the pointer on "Pre-run routine before the run" while scrolling the
settings page moved it from 15 to 17 minutes and saved that; scrolling the
history switched its Kind filter and emptied the table. The guard is
the whole application's style (:func:`deskbreak.ui.wheel_guard.install_wheel_guard`,
called where the app sets up its QApplication), so these tests install it
on theirs.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QSlider,
    QSpinBox,
    QWidget,
)

from deskbreak.core.settings import Settings
from deskbreak.core.history import HistoryStore
from deskbreak.ui.history_window import HistoryWindow
from deskbreak.ui.settings_dialog import SettingsDialog
from deskbreak.ui.wheel_guard import WheelGuard, install_wheel_guard

from .test_history_window import THURSDAY, at, sit_break
from .test_settings_dialog import dialog, store  # noqa: F401  (fixtures)

DOWN = -120  # one notch of the wheel, towards the user


@pytest.fixture(autouse=True)
def wheel_guard(qapp):
    style = qapp.style().name()
    guard = install_wheel_guard(qapp)
    yield guard
    qapp.setStyle(style)  # the guard goes with the style it was, so that the next test installs its own


@pytest.fixture
def short_dialog(dialog) -> SettingsDialog:
    dialog.resize(640, 420)  # short enough for every page to scroll
    return dialog


@pytest.fixture
def history(tmp_path):
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        for hour in (9, 10, 11):
            sit_break(store, at(THURSDAY, hour), "completed", done=2)
        sit_break(store, at(THURSDAY, 12), "skipped")
        yield store


def wheel(widget: QWidget, notches: int = 1, delta: int = DOWN) -> None:
    """Turn the wheel over the middle of ``widget`` as a mouse does.

    Qt hands a real (spontaneous) wheel event to the innermost widget under
    the pointer, then to each parent in turn until one accepts it; an event
    sent from code stops at its first receiver. This walks the same way.
    """
    centre = widget.mapToGlobal(widget.rect().center())
    for _ in range(notches):
        receiver = widget.childAt(widget.rect().center()) or widget
        while receiver is not None:
            event = QWheelEvent(QPointF(receiver.mapFromGlobal(centre)), QPointF(centre), QPoint(0, 0), QPoint(0, delta),
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                Qt.ScrollPhase.NoScrollPhase, False)
            QApplication.sendEvent(receiver, event)
            if event.isAccepted() or receiver.isWindow():
                break
            receiver = receiver.parentWidget()


def show_page(dialog: SettingsDialog, key: str) -> QScrollArea:
    dialog.sections.setCurrentRow(list(dialog.pages).index(key))
    return dialog.pages[key]


def test_the_wheel_over_an_unfocused_field_scrolls_the_page_and_saves_nothing(short_dialog, store):  # noqa: F811
    dialog = short_dialog
    page = show_page(dialog, "runs")
    lead = dialog.findChild(QSpinBox, "field:prerun_lead")
    page.ensureWidgetVisible(lead)
    bar = page.verticalScrollBar()
    before = bar.value()
    assert before < bar.maximum(), "the page can scroll on"
    wheel(lead, notches=2)
    assert lead.value() == 15 and store.settings.prerun_lead == Settings.defaults().prerun_lead
    assert not store.path.exists(), "nothing saved"
    assert bar.value() > before, "the page scrolled instead"


def test_a_field_with_the_keyboard_still_takes_the_wheel(qtbot, dialog, store):  # noqa: F811
    show_page(dialog, "runs")
    lead = dialog.findChild(QSpinBox, "field:prerun_lead")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    lead.setFocus()
    wheel(lead, delta=120)
    assert lead.value() == 16 and store.settings.prerun_lead.total_seconds() == 16 * 60


def test_the_wheel_over_an_unfocused_choice_or_slider_changes_nothing(dialog, store):  # noqa: F811
    show_page(dialog, "breaks")
    policy = dialog.findChild(QComboBox, "field:away_policy")
    wheel(policy)
    screen = dialog.findChild(QComboBox, "field:break_screen")
    wheel(screen, notches=2)
    show_page(dialog, "sound")
    volume = dialog.findChild(QSlider, "field:volume")
    wheel(volume, notches=3)
    assert (policy.currentData(), screen.currentData(), volume.value()) == ("break", "mouse", 60)
    assert not store.path.exists()


def test_the_wheel_never_hands_a_field_the_keyboard(dialog):  # noqa: F811
    guarded = [w for w in dialog.findChildren(QWidget)
               if isinstance(w, (QAbstractSpinBox, QComboBox, QAbstractSlider)) and not isinstance(w, QScrollBar)]
    assert guarded
    assert [w.objectName() for w in guarded if w.focusPolicy() == Qt.FocusPolicy.WheelFocus] == []


def test_the_wheel_over_the_history_kind_filter_leaves_the_table_as_it_is(qtbot, catalog, history):
    window = HistoryWindow(history, catalog, Settings.defaults(), THURSDAY)
    qtbot.addWidget(window)
    window.resize(700, 400)
    window.show()
    rows = window.table.model().rowCount()
    bar = window.scroll.verticalScrollBar()
    window.scroll.ensureWidgetVisible(window.kind_filter)
    before = bar.value()
    wheel(window.kind_filter, notches=2)
    assert window.kind_filter.currentIndex() == 0 and window.table.model().rowCount() == rows
    assert bar.value() != before, "the page scrolled instead"


def test_the_guard_comes_with_the_first_window_that_has_fields(qtbot, qapp, catalog, history, store):  # noqa: F811
    # Not at start: then the guard saw every widget Qt made, and PySide built every type it had loaded.
    for build in (lambda: SettingsDialog(store), lambda: HistoryWindow(history, catalog, Settings.defaults(), THURSDAY)):
        qapp.setStyle("fusion")
        assert not isinstance(qapp.style(), WheelGuard)
        window = build()
        qtbot.addWidget(window)
        assert isinstance(qapp.style(), WheelGuard) and qapp.style().baseStyle().name() == "fusion"
