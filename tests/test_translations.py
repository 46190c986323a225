"""The German catalog is complete, compiled from its source, and what the user sees.

Every string the code or the exercise catalog marks for translation must
have a finished German entry in ``assets/translations/deskbreak_de.ts``; the
shipped ``.qm`` must be what ``lrelease`` makes of it; and under German the
break window, the tray menu and the settings dialog show no English string.
When one of these fails after a change of wording, run
``.venv/bin/python scripts/update_translations.py``, translate the new
entries, and run it again.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.offscreen import OFFSCREEN_PLATFORM_NOTES, use_offscreen_platform

use_offscreen_platform()

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_TS = ROOT / "assets" / "translations" / "deskbreak_de.ts"
SHIPPED_QM = ROOT / "assets" / "translations" / "deskbreak_de.qm"
PLACEHOLDER = re.compile(r"\{[a-z_]*(?::[^}]*)?\}|%n")


def _update_script():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    translations: tuple[str, ...]
    unfinished: bool

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            messages.append(Message(name, message.findtext("source") or "", message.get("numerus") == "yes",
                                    tuple(forms), translation.get("type") in ("unfinished", "vanished", "obsolete")))
    return messages


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[Message]:
    """What the update script would write today, merged into a copy of the shipped catalog."""
    ts = tmp_path_factory.mktemp("i18n") / "deskbreak_de.ts"
    shutil.copyfile(SHIPPED_TS, ts)
    _update_script().extract(ts, "de")
    return read_ts(ts)


def test_every_translatable_string_has_a_finished_german_translation(extracted):
    missing = [str(m) for m in extracted if m.unfinished or not all(form.strip() for form in m.translations)]
    assert not missing, f"{len(missing)} strings have no finished German translation:\n" + "\n".join(missing)


def test_every_string_with_a_count_is_catalogued_with_plural_forms(extracted):
    # lupdate 6.11 takes a count only from `<context>.tr(text, None, n)` (see core/i18n.py).
    single = [str(m) for m in extracted if "%n" in m.source and not m.numerus]
    assert not single, "write these as <context>.tr(text, None, n, one=...):\n" + "\n".join(single)
    for message in extracted:
        if message.numerus:
            assert len(message.translations) == 2, f"{message}: German has two plural forms"


def test_plural_contexts_are_held_under_their_own_name():
    # lupdate reads the context from the variable's name, never from the running code.
    for path in (ROOT / "deskbreak").rglob("*.py"):
        for variable, name in re.findall(r"^(\w+) = Context\(\"(\w+)\"\)", path.read_text(), re.MULTILINE):
            assert variable == name, f"{path.name}: {variable} = Context({name!r})"


def test_german_keeps_every_placeholder_of_the_english_source():
    for message in read_ts(SHIPPED_TS):
        if message.unfinished:
            continue  # missing: test_every_translatable_string_has_a_finished_german_translation says so
        wanted = sorted(p for p in PLACEHOLDER.findall(message.source) if p != "%n")
        for form in message.translations:
            assert sorted(p for p in PLACEHOLDER.findall(form) if p != "%n") == wanted, f"{message}: {form!r}"
        if message.numerus:
            assert all("%n" in form for form in message.translations[1:]), f"{message}: the count is lost"
        if "&" in message.source.replace("&&", ""):
            assert all("&" in form for form in message.translations), f"{message}: keyboard accelerator lost"


def test_the_shipped_qm_is_compiled_from_the_shipped_ts(tmp_path):
    compiled = tmp_path / "deskbreak_de.qm"
    _update_script().compile_catalog(SHIPPED_TS, compiled)
    assert compiled.read_bytes() == SHIPPED_QM.read_bytes(), "run scripts/update_translations.py"


def test_the_qm_ships_with_the_package():
    import tomllib

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "translations/*.qm" in patterns["deskbreak.assets"]


@pytest.mark.parametrize("environment", [{"LANGUAGE": "de", "LANG": "C.UTF-8"}, {"LANG": "de_DE.UTF-8"},
                                         {"LC_ALL": "de_AT.UTF-8"}])
def test_the_language_follows_the_environment_without_a_qapplication(environment):
    code = ("from deskbreak.shell.translation import install_translations\n"
            "from deskbreak.core.i18n import translate\n"
            "print(install_translations(), translate('tray', 'Quit'), translate('kinds', 'Sit-break'))")
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, **environment}, cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["de", "Beenden", "Sitzpause"]


def test_english_stays_the_source_without_a_catalog():
    code = ("from deskbreak.shell.translation import install_translations\n"
            "from deskbreak.core.i18n import translate\n"
            "print(install_translations(), translate('tray', 'Quit'))")
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run([sys.executable, "-c", code], env={**clean, "LANG": "C.UTF-8"}, cwd=ROOT,
                            capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["en", "Quit"]


# -- what a German user sees ------------------------------------------------------

# The same in both languages, or not words at all: these may show under German.
_SAME_IN_GERMAN = re.compile(r"^[\W\d_]*$|^deskbreak$|^(min|s|h|%)$")


class EnglishFinder:
    """Finds English catalog sources (whose German differs) in what a widget shows."""

    def __init__(self, messages: list[Message]) -> None:
        exact, patterns = set(), []
        for message in messages:
            if message.unfinished or all(form == message.source for form in message.translations):
                continue
            source = message.source.replace("&", "")
            if _SAME_IN_GERMAN.match(source):
                continue
            if PLACEHOLDER.search(source):
                # A template: the placeholders may hold anything, the words around them may not.
                pattern = ".+".join(re.escape(part) for part in PLACEHOLDER.split(source))
                # ("Step {number}" would match any sentence starting "Step ...": too little to tell.)
                if len(PLACEHOLDER.sub("", source).strip(" :·,.()")) >= 8:
                    patterns.append(re.compile(pattern, re.DOTALL))
            else:
                exact.add(source)
        self.exact = exact
        self.patterns = patterns

    def english_in(self, text: str) -> str | None:
        text = text.replace("&", "").strip()
        if not text or _SAME_IN_GERMAN.match(text):
            return None
        if text in self.exact:
            return text
        return next((p.pattern for p in self.patterns if p.fullmatch(text)), None)


def shown_texts(root) -> list[tuple[str, str]]:
    """(where, text) for every text a user can see or hear in ``root`` and its children."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QGroupBox,
                                   QHeaderView, QLabel, QLineEdit, QListWidget, QMenu, QPlainTextEdit, QWidget)

    # The documents' own words and titles stay in their language, by design.
    quoted = ("sourceLabel", "citationLabel")
    texts = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        if name in quoted or name.startswith("safetySource"):
            continue
        texts += [(f"{name} tooltip", widget.toolTip()), (f"{name} accessible name", widget.accessibleName()),
                  (f"{name} accessible description", widget.accessibleDescription())]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((name, widget.text()))
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, QAbstractSpinBox):
            texts.append((f"{name} text", widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append((name, widget.title()))
        if isinstance(widget, QComboBox):
            texts += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [(f"{name} item", widget.item(i).text()) for i in range(widget.count())]
        if isinstance(widget, QMenu):
            texts += [(f"{name} action", action.text()) for action in widget.actions()]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            texts += model_texts(widget.model(), name)
    return texts


def model_texts(model, name: str) -> list[tuple[str, str]]:
    """A table's or list's column headings and the words of every cell, tooltips included."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
    # (A list model's column count is private in PySide6: it has the one.)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    texts = [(f"{name} heading", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
             for column in range(columns)]
    for row in range(model.rowCount(QModelIndex())):
        for column in range(columns):
            index = model.index(row, column)
            texts += [(f"{name} cell {row},{column}", str(value)) for role in roles
                      if isinstance(value := model.data(index, role), str)]
    return texts


def english_shown(root, finder: EnglishFinder) -> list[str]:
    return [f"{where}: {text!r} (English: {english!r})" for where, text in shown_texts(root)
            if (english := finder.english_in(text))]


@pytest.fixture
def german(qapp):
    from deskbreak.shell.translation import install_translations, remove_translations
    from PySide6.QtCore import QLocale

    german_locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert install_translations(german_locale) == "de"
    # Day and month names too, as under LANG=de_DE (startup matches them to the catalog's language).
    previous = QLocale()
    QLocale.setDefault(german_locale)
    yield EnglishFinder(read_ts(SHIPPED_TS))
    QLocale.setDefault(previous)
    remove_translations()


_OFFSCREEN = pytest.mark.qt_log_ignore(*OFFSCREEN_PLATFORM_NOTES)


@_OFFSCREEN
def test_german_break_window_shows_no_english(qtbot, german):
    from PySide6.QtWidgets import QPushButton

    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.clock import FakeClock
    from deskbreak.core.kinds import BreakKind
    from deskbreak.core.settings import Settings
    from deskbreak.ui.break_window import BreakWindow

    catalog = load_catalog()
    problems = []
    for routine in catalog.routines.values():
        clock = FakeClock()
        exercises = [catalog.exercise(e) for e in routine.exercises_for(1)]
        window = BreakWindow(title=BreakKind(routine.kind).label, exercises=exercises, clock=clock,
                             settings=Settings.defaults().with_values(sore_back=True), safety=catalog.safety,
                             key_guard_s=0, safety_first=True)
        window.start()  # closes (and deletes) itself below: not qtbot's to close
        for _ in exercises:  # every exercise of the routine, each mid-hold
            clock.advance(4)
            window.tick()
            problems += english_shown(window, german)
            window.findChild(QPushButton, "skipButton").click()
        problems += english_shown(window, german)  # the done view
        window.close_quietly()
    clock = FakeClock()
    window = BreakWindow(title=BreakKind.SIT.label, exercises=[catalog.exercise("walk-around")], clock=clock,
                         settings=Settings.defaults(), safety=catalog.safety, key_guard_s=0)
    window.start()
    window.findChild(QPushButton, "hurtButton").click()
    problems += english_shown(window, german)  # the safety page
    window.close_quietly()
    assert not problems, "\n".join(dict.fromkeys(problems))


@_OFFSCREEN
def test_german_tray_menu_shows_no_english(qtbot, german):
    from datetime import datetime, timedelta

    from PySide6.QtGui import QIcon

    from deskbreak.core.describe import human_duration
    from deskbreak.core.scheduling.engine import Break, State, Status
    from deskbreak.core.kinds import BreakKind
    from deskbreak.ui.tray import MenuContext, TrayController, menu_entries

    now = datetime(2024, 3, 4, 10, 0)
    upcoming = Break(BreakKind.PRERUN, now + timedelta(days=1, hours=8), run_at=now + timedelta(days=1, hours=8, minutes=15))
    statuses = [Status(state=state, seconds_to_next=600, upcoming=upcoming, current=upcoming,
                       next_at=now + timedelta(minutes=5), paused_until=now + timedelta(days=1),
                       held_by="fullscreen", skips_left=skips, can_skip=True, can_postpone=True)
                for state in State for skips in (None, 0, 2)]
    context = MenuContext(run_today=True, lengths={kind: human_duration(240) for kind in BreakKind})
    problems = []
    for status in statuses:
        tray = TrayController(lambda status=status: menu_entries(status, now, context), lambda _: None,
                              {"normal": QIcon()})
        tray.rebuild_menu()
        problems += english_shown(tray.menu, german)
    assert not problems, "\n".join(dict.fromkeys(problems))


@_OFFSCREEN
def test_german_settings_dialog_shows_no_english_on_any_page(qtbot, tmp_path, german, monkeypatch):
    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.content.poses import load_poses_or_none
    from deskbreak.core.settings import SettingsError
    from deskbreak.core.settings.store import SettingsStore
    from deskbreak.core.content.user_routines import catalog_with_routines, with_routine_exercises
    from deskbreak.core.i18n import translate
    from deskbreak.ui.routines_page import IDS_ROLE, RoutinesPage
    from deskbreak.ui.settings_dialog import SettingsDialog

    catalog = load_catalog()
    painted = PaintedWords(monkeypatch)
    # The pre-run routine down to one exercise: its last one says why it cannot go.
    one_exercise = with_routine_exercises(catalog.routine("pre-run-glutes"), ["glute-bridge"])
    current = catalog_with_routines(catalog, {one_exercise.id: one_exercise})
    page = RoutinesPage(catalog, current, load_poses_or_none(catalog))
    dialog = SettingsDialog(SettingsStore(tmp_path / "settings.toml"), routines_page=page,
                            autostart_location="~/.config/autostart")
    qtbot.addWidget(dialog)
    dialog.show()
    problems = []
    for row in range(dialog.sections.count()):
        dialog.sections.setCurrentRow(row)
        dialog.grab()
        problems += english_shown(dialog, german) + painted.english(f"page {row}", german)

    # The routines page in each of its states: every routine, every place, each hint.
    dialog.sections.setCurrentRow(next(row for row in range(dialog.sections.count())
                                       if dialog.sections.item(row).text() == translate("settings", "Routines")))
    for index in range(page.routine_chooser.count()):
        page.routine_chooser.setCurrentIndex(index)
        for part in (page.routine_list, page.rotation_list):
            if part.isVisible() and part.count():
                part.setCurrentRow(part.count() - 1)
                problems += english_shown(dialog, german)
        shown = set(page.shown_routine().all_exercise_ids())
        already = next(row for row in range(page.catalog_list.count())
                       if page.catalog_list.item(row).data(IDS_ROLE)[0] in shown)
        page.catalog_list.setCurrentRow(already)
        dialog.grab()
        problems += english_shown(dialog, german) + painted.english(f"routine {index}", german)
    for index in range(page.place_filter.count()):
        page.place_filter.setCurrentIndex(index)
        problems += english_shown(dialog, german)

    # A refused value says why under its field, in the core's words.
    for key, value in (("sit_interval", "2s"), ("volume", 101), ("prelude", "2h"), ("work_end", "08:00")):
        with pytest.raises(SettingsError) as refused:
            dialog.store.set(key, value)
        dialog.fields[key].show_problem(refused.value.problem)
        # Shown after "Not saved: ", so looked at on its own too.
        if english := german.english_in(refused.value.problem):
            problems.append(f"problem under {key}: {refused.value.problem!r} (English: {english!r})")
    problems += english_shown(dialog, german)
    dialog.restore_defaults(None)
    problems += english_shown(dialog, german)
    assert not problems, "\n".join(dict.fromkeys(problems))


@_OFFSCREEN
def test_german_exercise_editor_shows_no_english(qtbot, german):
    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.content.poses import load_poses_or_none
    from deskbreak.core.content.user_exercises import validate_exercise_entry
    from deskbreak.ui.exercise_editor import ExerciseEditor, ExerciseHooks
    from PySide6.QtWidgets import QScrollArea

    catalog = load_catalog()
    hooks = ExerciseHooks(validate=lambda entry: validate_exercise_entry(entry, catalog), save=lambda entry: None)
    editor = ExerciseEditor(catalog.exercises, load_poses_or_none(catalog), hooks)
    qtbot.addWidget(editor)
    editor.show()
    problems = english_shown(editor, german)  # empty: what is still to fill in
    editor.name_field.setText("Cat cow")  # a catalog exercise's id: a problem under the id
    editor.steps_field.setPlainText("x")
    editor.steps_field.setPlainText("")  # left empty: a problem under the steps
    editor.reps_choice.setChecked(True)
    editor.reps_count.setValue(12)
    editor.figure_grid.setCurrentRow(0)
    editor.validate_now()
    assert editor.problem_labels["id"].isVisibleTo(editor) and editor.problem_labels["steps"].isVisibleTo(editor)
    problems += english_shown(editor, german)
    assert not problems, "\n".join(dict.fromkeys(problems))
    assert editor.reps_count.text() == "12 Mal"  # the count's words, with no catalog source of their own to find
    # German words are longer: the fields' column widens rather than cutting them off on the right.
    qtbot.waitExposed(editor)
    form = editor.findChild(QScrollArea, "exerciseForm")
    assert form.widget().minimumSizeHint().width() <= form.viewport().width()


class PaintedWords:
    """What QPainter writes from Python (the charts' labels and legends), recorded while installed."""

    def __init__(self, monkeypatch) -> None:
        from PySide6.QtGui import QPainter

        self.texts: list[str] = []
        draw_text = QPainter.drawText

        def recording(painter, *args):
            self.texts += [arg for arg in args if isinstance(arg, str)]
            return draw_text(painter, *args)

        monkeypatch.setattr(QPainter, "drawText", recording)

    def english(self, where: str, finder: EnglishFinder) -> list[str]:
        found = [f"{where} painted: {text!r} (English: {english!r})" for text in self.texts
                 if (english := finder.english_in(text))]
        self.texts.clear()
        return found


def _history_with_every_outcome(path):
    """Every kind and outcome the table words, this week and the weeks before, and one break of last year."""
    from datetime import date, datetime, timedelta, timezone

    from deskbreak.core.history import HistoryStore

    today = date(2026, 12, 3)  # a Thursday
    zone = timezone(timedelta(hours=1))

    def at(day, hour, minute=0):
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)

    store = HistoryStore(path)
    for back in range(0, 30, 3):
        day = today - timedelta(days=back)
        for hour, outcome, done in ((9, "completed", 4), (10, "partial", 2), (11, "skipped", 0), (12, "completed", 4),
                                    (13, "missed", 0), (14, "hurt", 1)):
            break_id = store.start_break("sit", "sit-break", at(day, hour), at(day, hour), 4)
            for n in range(done):
                store.record_exercise(break_id, "seated-upper-back-stretch", 65.0, True, at(day, hour, n + 1))
            store.finish_break(break_id, at(day, hour, 5), outcome, "phone rang" if outcome == "partial" else "")
        store.record_break("sit", "sit-break", at(day, 15), at(day, 15), at(day, 15, 1), "postponed")
        store.record_break("natural", None, None, at(day, 16), at(day, 16, 40), "natural")
    for back in (1, 2):  # a two-day streak: every sit-break of the two days before today taken
        day = today - timedelta(days=back)
        for hour in (9, 10):
            store.record_break("sit", "sit-break", at(day, hour), at(day, hour), at(day, hour, 4), "completed")
    evening = store.start_break("evening", None, None, at(today, 19), 2)
    store.record_exercise(evening, "supine-hamstring-opener", 45.0, True, at(today, 19, 1))
    store.finish_break(evening, at(today, 19, 2), "completed")
    store.start_break("prerun", "pre-run-glutes", at(today, 17, 45), at(today, 17, 45), 5)  # in progress
    last_year = store.start_break("sit", "sit-break", at(date(2025, 6, 2), 10), at(date(2025, 6, 2), 10), 1)
    store.finish_break(last_year, at(date(2025, 6, 2), 10, 2), "completed")
    return store, today, at


def history_window_english(qtbot, window, finder: EnglishFinder, painted: PaintedWords, where: str) -> list[str]:
    """English in the window as it stands, painted charts and their tooltips included."""
    qtbot.addWidget(window)
    window.show()
    window.grab()  # paints the charts: their axis labels, legends and hot spots
    problems = english_shown(window, finder) + painted.english(where, finder)
    for chart in (window.week_chart, window.heatmap, window.target_chart):
        problems += [f"{where} {type(chart).__name__} {part}: {text!r} (English: {english!r})"
                     for part, texts in (("legend", [e.text for e in getattr(chart, "legend_entries", list)()]),
                                         ("tooltip", [text for _rect, text in chart._hotspots]))
                     for text in texts if (english := finder.english_in(text))]
    return problems


@_OFFSCREEN
def test_german_history_window_shows_no_english(qtbot, tmp_path, german, monkeypatch):
    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.settings import Settings
    from deskbreak.ui.history_window import HistoryWindow

    catalog = load_catalog()
    painted = PaintedWords(monkeypatch)
    store, today, at = _history_with_every_outcome(tmp_path / "history.sqlite3")
    problems = []
    with store:
        window = HistoryWindow(store, catalog, Settings.defaults(), today, start_break=lambda _targets: None)
        problems += history_window_english(qtbot, window, german, painted, "full")
        for combo in (window.kind_filter, window.outcome_filter, window.target_period):
            for index in range(combo.count()):
                combo.setCurrentIndex(index)
                window.grab()
                problems += english_shown(window, german) + painted.english(combo.objectName(), german)
        # Nothing neglected: every exercise (so every muscle group) done this evening.
        evening = at(today, 20)
        everything = store.start_break("evening", None, None, evening, len(catalog.exercises))
        for exercise_id in sorted(catalog.exercises):
            store.record_exercise(everything, exercise_id, 30.0, True, evening)
        store.finish_break(everything, evening, "completed")
        balanced = HistoryWindow(store, catalog, Settings.defaults().with_value("neglect_days", 30), today)
        problems += history_window_english(qtbot, balanced, german, painted, "balanced")
    for settings in (Settings.defaults(), Settings.defaults().with_value("neglect_days", 1)):
        problems += history_window_english(qtbot, HistoryWindow(None, catalog, settings, today), german, painted,
                                           "empty")
    assert not problems, "\n".join(dict.fromkeys(problems))


@_OFFSCREEN
def test_german_welcome_note_and_overlay_show_no_english(qtbot, german):
    import html

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QLabel

    from deskbreak.core.content.catalog import load_catalog
    from deskbreak.core.kinds import BreakKind
    from deskbreak.ui.overlay import BreakOverlay
    from deskbreak.ui.welcome import WelcomeWindow

    welcome = WelcomeWindow(load_catalog().safety)
    qtbot.addWidget(welcome)
    overlay = BreakOverlay(QGuiApplication.primaryScreen(), BreakKind.SIT.label)
    qtbot.addWidget(overlay)
    # The safety notes are one rich-text list: each note's English is looked for in it.
    notes = welcome.findChild(QLabel, "safetyNotes").text()
    problems = english_shown(welcome, german) + english_shown(overlay, german)
    problems += [f"safety note: {note.text!r}" for note in load_catalog().safety
                 if html.escape(note.text) in notes and german.english_in(note.text)]
    assert not problems, "\n".join(dict.fromkeys(problems))
