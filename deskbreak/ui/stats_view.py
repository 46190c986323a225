"""The history window (what you did) and the settings window.

The settings window is read-only for now: it shows every setting from the
settings table with its current value and where the file lives; the generated,
editable dialog replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.history import OUTCOMES, HistoryStore
from deskbreak.core.kinds import NATURAL_BREAK_KIND
from pathlib import Path

from deskbreak.core.settings import SETTINGS, Settings

RECENT_ROWS = 200


class HistoryWindow(QWidget):
    def __init__(self, history: HistoryStore | None):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("deskbreak: History")
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        records = history.breaks() if history is not None else []
        # Time away from the desk is listed, but it is not a prompted break to count.
        prompted = [r for r in records if r.kind != NATURAL_BREAK_KIND]
        counts = {outcome: 0 for outcome in OUTCOMES}
        for record in prompted:
            if record.outcome:
                counts[record.outcome] += 1
        summary = ", ".join(f"{n} {outcome}" for outcome, n in counts.items() if n) or "no breaks yet"
        away = len(records) - len(prompted)
        self.summary = QLabel(f"{len(prompted)} breaks: {summary}"
                              + (f"; {away} times away from the desk" if away else ""))
        self.summary.setObjectName("historySummary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(["When", "Kind", "Outcome", "Exercises", "Active time"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for record in reversed(records[-RECENT_ROWS:]):
            row = self.table.rowCount()
            self.table.insertRow(row)
            when = record.shown_at or record.due_at or record.ended_at
            done = sum(1 for e in record.exercises if e.completed)
            cells = [
                f"{when:%a %d %b %H:%M}" if when else "",
                record.kind,
                record.outcome or "in progress",
                f"{done} of {len(record.exercises)}",
                f"{sum(e.seconds for e in record.exercises) / 60:.1f} min",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        layout.addWidget(self.table)


class SettingsWindow(QWidget):
    def __init__(self, settings: Settings, path: Path):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("deskbreak: Settings")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        file_form = settings.to_toml_dict()
        for setting in SETTINGS:
            value = QLabel(str(file_form[setting.key]))
            value.setToolTip(setting.help)
            value.setObjectName(f"setting:{setting.key}")
            form.addRow(setting.label, value)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"Edit {path} to change these; deskbreak reads it at start."))
        open_button = QPushButton("Open settings folder")
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        layout.addWidget(open_button)
