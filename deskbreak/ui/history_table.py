"""The history window's table of every break: its words, its model (which filters) and its view.

The table holds every break, tens of thousands after a few years, so it is
a model over the records (cells are worded only when shown) that sorts and
filters them in Python, once per change: a QSortFilterProxyModel asked
Python about each row, one call per row (20-40 ms for five years of
breaks every time rows came or a filter changed), and compared cell texts
a million times to sort. Its strings keep the "HistoryWindow" context of
the window they are shown in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    Qt,
    QTime,
)
from PySide6.QtWidgets import QTableView, QWidget

from deskbreak.core.history import BreakRecord
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate
from deskbreak.core.kinds import BREAK_KIND_NAMES, NATURAL_BREAK_KIND, OUTCOME_NAMES, BreakKind, Outcome


# -- words -----------------------------------------------------------------------

# The routine kinds are worded in kinds.py; time away from the desk is no
# BreakKind (the engine never prompts it), so its word lives here.
NATURAL_BREAK_LABEL = QT_TRANSLATE_NOOP("HistoryWindow", "Natural break")
OUTCOME_LABELS = {
    Outcome.COMPLETED.value: QT_TRANSLATE_NOOP("HistoryWindow", "Completed"),
    Outcome.PARTIAL.value: QT_TRANSLATE_NOOP("HistoryWindow", "Partly done"),
    Outcome.SKIPPED.value: QT_TRANSLATE_NOOP("HistoryWindow", "Skipped"),
    Outcome.POSTPONED.value: QT_TRANSLATE_NOOP("HistoryWindow", "Postponed"),
    Outcome.MISSED.value: QT_TRANSLATE_NOOP("HistoryWindow", "Missed"),
    Outcome.HURT.value: QT_TRANSLATE_NOOP("HistoryWindow", "Stopped: it hurt"),
    Outcome.NATURAL.value: QT_TRANSLATE_NOOP("HistoryWindow", "Away from the desk"),
}
IN_PROGRESS = QT_TRANSLATE_NOOP("HistoryWindow", "In progress")

# (kind, words) for the table's filter; None lets every kind through.
KIND_FILTERS: tuple[tuple[str | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("HistoryWindow", "All kinds")),
    (BreakKind.SIT.value, QT_TRANSLATE_NOOP("HistoryWindow", "Sit-breaks")),
    (BreakKind.PRERUN.value, QT_TRANSLATE_NOOP("HistoryWindow", "Pre-run")),
    (BreakKind.EVENING.value, QT_TRANSLATE_NOOP("HistoryWindow", "Back care")),
    (NATURAL_BREAK_KIND, QT_TRANSLATE_NOOP("HistoryWindow", "Away from desk")),
)
OUTCOME_FILTERS: tuple[tuple[str | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("HistoryWindow", "All outcomes")),
    *((outcome, OUTCOME_LABELS[outcome]) for outcome in OUTCOME_NAMES),
)
def kind_label(kind: str) -> str:
    """ "Sit-break"; a kind this version does not know, as it is stored."""
    if kind == NATURAL_BREAK_KIND:
        return translate("HistoryWindow", NATURAL_BREAK_LABEL)
    return BreakKind(kind).label if kind in BREAK_KIND_NAMES else kind


def outcome_label(outcome: str | None) -> str:
    if outcome is None:
        return translate("HistoryWindow", IN_PROGRESS)
    label = OUTCOME_LABELS.get(outcome)
    return translate("HistoryWindow", label) if label is not None else outcome


def exercise_counts(record: BreakRecord) -> tuple[int, int]:
    """(done, planned): planned is what the break set out to do, when the history knows it."""
    return record.exercises_done, record.exercises_planned


def exercises_text(record: BreakRecord) -> str:
    """ "2 of 4"; empty when the break planned no exercise."""
    done, planned = exercise_counts(record)
    if not planned:
        return ""  # time away, a postponement: nothing was planned to count against
    return translate("HistoryWindow", "{done} of {planned}").format(done=done, planned=planned)


def exercises_tip(record: BreakRecord, names: Mapping[str, str]) -> str:
    """The break's exercises by name (``names``: as shown, by id), each done or not; by its id, an exercise
    no longer in the catalog."""
    lines = []
    for exercise in record.exercises:
        shown = names.get(exercise.exercise_id, exercise.exercise_id)
        line = translate("HistoryWindow", "{exercise}: done") if exercise.completed else translate(
            "HistoryWindow", "{exercise}: not finished")
        lines.append(line.format(exercise=shown))
    return "\n".join(lines)


def active_seconds(record: BreakRecord) -> float:
    return sum(exercise.seconds for exercise in record.exercises)


def active_text(seconds: float) -> str:
    """ "2 min 5 s", "45 s"; empty for none: exact, since this is one break, not a total."""
    minutes, rest = divmod(int(round(seconds)), 60)
    if minutes and rest:
        return translate("HistoryWindow", "{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)
    if minutes:
        return translate("HistoryWindow", "{minutes} min").format(minutes=minutes)
    return translate("HistoryWindow", "{seconds} s").format(seconds=rest) if rest else ""


# -- the table -------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[BreakRecord], str]
    sort_key: Callable[[BreakRecord], Any]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


def _when_key(record: BreakRecord) -> tuple[float, int]:
    moment = record.moment
    return (moment.timestamp() if moment is not None else 0.0, record.id)


def newest_first(records: Sequence[BreakRecord]) -> list[BreakRecord]:
    """The table's first order; plain Python, so it can be sorted on any thread."""
    return sorted(records, key=_when_key, reverse=True)


class WhenWords:
    """ "Tue 2 Dec, 14:30" ("Tue 2 Dec 2025, 14:30" in another year): the wall time as the user saw it then.

    The year only where it is not this one, as mail clients do: a narrower
    column, and the date stays whole in a narrow window.
    """

    def __init__(self, this_year: int) -> None:
        self.this_year = this_year
        self._locale = QLocale()
        self._format = translate("HistoryWindow", "ddd d MMM, HH:mm", "date and time format of the table, this year")
        self._format_with_year = translate("HistoryWindow", "ddd d MMM yyyy, HH:mm",
                                           "date and time format of the table")

    def __call__(self, record: BreakRecord) -> str:
        return self.of(record.moment) if record.moment is not None else ""

    def of(self, moment: datetime) -> str:
        shown = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
        return self._locale.toString(shown, self._format if moment.year == self.this_year else self._format_with_year)


EXERCISES_COLUMN = 3
"""The "2 of 4" column, whose tip names the exercises."""


class BreakTableModel(QAbstractTableModel):
    """Every break, newest first, or those of one kind and outcome; a cell is worded only when the view asks for it.

    It may start with the newest breaks only (the window's first page) and
    get the rest with :meth:`show_every_break`. Nothing it holds refers back
    to it: closed, it gives its breaks back at once, where a reference
    cycle kept them for the garbage collector's next full pass (100-270 ms
    with the interpreter held, for five years of breaks).
    """

    def __init__(self, records: Sequence[BreakRecord], this_year: int, parent: QWidget | None = None, *,
                 names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.names = names or {}
        """The exercises' names by id, for the tip that lists a break's exercises."""
        self._all = newest_first(records)
        self.kind: str | None = None
        self.outcome: str | None = None
        self._shown = self._all  # the rows: every record, or those the filter lets through
        self._order = (0, Qt.SortOrder.DescendingOrder)
        self.this_year = this_year
        self._when = WhenWords(this_year)
        self.columns: tuple[Column, ...] = (
            Column(translate("HistoryWindow", "When"), self._when, _when_key),
            Column(translate("HistoryWindow", "Kind"), lambda r: kind_label(r.kind), lambda r: kind_label(r.kind)),
            Column(translate("HistoryWindow", "Outcome"), lambda r: outcome_label(r.outcome),
                   lambda r: outcome_label(r.outcome)),
            # Centred: "3 of 4" and "2 min 5 s" do not line up on any one edge.
            Column(translate("HistoryWindow", "Exercises"), exercises_text, exercise_counts,
                   Qt.AlignmentFlag.AlignHCenter),
            Column(translate("HistoryWindow", "Active time"), lambda r: active_text(active_seconds(r)), active_seconds,
                   Qt.AlignmentFlag.AlignHCenter),
            Column(translate("HistoryWindow", "Note"), lambda r: r.note, lambda r: r.note.casefold()),
        )

    def when_text(self, moment: datetime) -> str:
        """ "Tue 2 Dec, 14:30" (see :class:`WhenWords`)."""
        return self._when.of(moment)

    def spans_years(self) -> bool:
        """Whether some break is from another year than this one (its date is written longer)."""
        # Oldest first: after a year of breaks the first one looked at answers.
        return any(record.moment is not None and record.moment.year != self.this_year
                   for record in reversed(self._all))

    def record(self, row: int) -> BreakRecord:
        return self._shown[row]

    def total(self) -> int:
        """Every break, shown or filtered out."""
        return len(self._all)

    def set_filter(self, kind: str | None, outcome: str | None) -> None:
        """Show the breaks of one kind and one outcome (None: any)."""
        if (kind, outcome) == (self.kind, self.outcome):
            return  # refiltering 40,000 rows for nothing is a noticeable pause
        self.beginResetModel()
        self.kind, self.outcome = kind, outcome
        self._shown = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[BreakRecord]:
        kind, outcome = self.kind, self.outcome
        if kind is None and outcome is None:
            return self._all
        return [record for record in self._all
                if (kind is None or record.kind == kind) and (outcome is None or record.outcome == outcome)]

    def show_every_break(self, records: Sequence[BreakRecord]) -> None:
        """Every break, newest first (:func:`newest_first`), where the model held the newest only.

        When the rows shown are the first of ``records`` (nothing was written,
        sorted or filtered in between), the older ones are added below them:
        the view keeps its place and selection, with no reset to flicker through.
        """
        shown = len(self._all)
        if (self._order == (0, Qt.SortOrder.DescendingOrder) and self._shown is self._all
                and list(records[:shown]) == self._all):
            if len(records) > shown:
                self.beginInsertRows(QModelIndex(), shown, len(records) - 1)
                self._all = self._shown = list(records)
                self.endInsertRows()
            return
        column, order = self._order
        self.beginResetModel()
        self._all = list(records)
        self._order = (0, Qt.SortOrder.DescendingOrder)
        self._shown = self._filtered()
        self.endResetModel()
        self.sort(column, order)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        record = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(column)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == len(self.columns) - 1 and record.note:
            return record.note  # a long note is cut off in its column
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == EXERCISES_COLUMN and record.exercises:
            return exercises_tip(record, self.names)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(self.columns[section])
        return None

    @staticmethod
    def _alignment(column: Column) -> int:
        """The header stands over its cells the way they are aligned."""
        return int(column.align | Qt.AlignmentFlag.AlignVCenter)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or (column, order) == self._order:
            return  # the view asks again for the order the records are already in
        self.beginResetModel()
        descending = order == Qt.SortOrder.DescendingOrder
        if column == 0:
            self._all.sort(key=_when_key, reverse=descending)
        else:
            # Two stable sorts: "When" first, so equal kinds stay newest first.
            self._all.sort(key=_when_key, reverse=True)
            self._all.sort(key=self.columns[column].sort_key, reverse=descending)
        self._order = (column, order)
        self._shown = self._filtered()
        self.endResetModel()


class BreakTable(QTableView):
    """The table of breaks, its columns as wide as their longest words, narrowed together when the view is not.

    Widths come from the font, not from measuring rows (40,000 of them).
    The note takes what is left. When too little is left, the columns
    after the date give up room, down to the width of their header (long
    words end in "…"); only then does a horizontal scroll bar appear.
    """

    def __init__(self) -> None:
        super().__init__()
        self.preferred_widths: list[int] = []
        # Tab goes on to the next control, as everywhere else; the arrows move between rows.
        self.setTabKeyNavigation(False)

    def set_preferred_widths(self, widths: Sequence[int]) -> None:
        self.preferred_widths = list(widths)
        self._fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        # The viewport, not the table: a vertical scroll bar coming or going resizes only it.
        if event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().viewportEvent(event)

    def _fit_columns(self) -> None:
        if not self.preferred_widths:
            return
        line = self.fontMetrics().height()
        header = self.horizontalHeader()
        smallest = [self.preferred_widths[0]]  # the date is never cut short
        smallest += [header.fontMetrics().horizontalAdvance(str(self.model().headerData(
            column, Qt.Orientation.Horizontal))) + round(line * 1.2) for column in range(1, len(self.preferred_widths))]
        smallest = [min(low, wanted) for low, wanted in zip(smallest, self.preferred_widths)]
        # The note keeps four lines' width; the others give up room in
        # proportion to what they have beyond their header's words.
        note = round(line * 4)
        spare = self.viewport().width() - note - sum(smallest)
        extra = sum(wanted - low for wanted, low in zip(self.preferred_widths, smallest))
        share = 1.0 if extra <= 0 else min(1.0, max(0.0, spare / extra))
        used = 0
        for column, (wanted, low) in enumerate(zip(self.preferred_widths, smallest)):
            width = round(low + (wanted - low) * share)
            header.resizeSection(column, width)
            used += width
        # Set here rather than by stretchLastSection, which never goes below
        # the header's default section size.
        header.resizeSection(len(self.preferred_widths), max(note, self.viewport().width() - used))


# -- pieces of the page ----------------------------------------------------------
