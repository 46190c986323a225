"""The settings dialog's "Show breaks on" list, printed each time it changes, on a real X server.

``python screen_list_probe.py SETTINGS_FILE`` opens the settings dialog on
that file and prints one JSON line at start and after each change of the
list (a screen connected, removed or resized): ``{"entries": [...],
"chosen": "..."}``. It runs until terminated.
"""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from deskbreak.core.clock import SystemClock
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui.settings_dialog import SettingsDialog

app = QApplication(sys.argv[:1])
store, problems = SettingsStore.load(Path(sys.argv[1]), SystemClock().now())
assert problems == [], problems
dialog = SettingsDialog(store)
field = dialog.findChild(QComboBox, "field:break_screen")


def report() -> None:
    entries = [field.itemText(index) for index in range(field.count())]
    print(json.dumps({"entries": entries, "chosen": field.currentText()}), flush=True)


# Once the list has settled: a screen change removes and adds several entries.
settled = QTimer(singleShot=True, interval=50)
settled.timeout.connect(report)
field.model().rowsInserted.connect(lambda *_: settled.start())
field.model().rowsRemoved.connect(lambda *_: settled.start())
dialog.show()
report()
app.exec()
