"""The read-only settings window (the history window lives in history_window.py).

It is read-only for now: it shows every setting from the
settings table with its current value and where the file lives; the generated,
editable dialog replaces it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from deskbreak.core.i18n import translate
from deskbreak.core.settings import SETTINGS, Settings


class SettingsWindow(QWidget):
    def __init__(self, settings: Settings, path: Path):
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(translate("settings_dialog", "deskbreak: Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        file_form = settings.to_toml_dict()
        for setting in SETTINGS:
            value = QLabel(str(file_form[setting.key]))
            value.setToolTip(setting.help_text)
            value.setObjectName(f"setting:{setting.key}")
            form.addRow(setting.label_text, value)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("settings_window", "Edit {path} to change these; deskbreak reads it at start.").format(
            path=path)))
        open_button = QPushButton(translate("settings_window", "Open settings folder"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        layout.addWidget(open_button)
