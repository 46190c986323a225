"""The settings dialog, generated from the settings table and applied live.

Every row of :data:`deskbreak.core.settings.SETTINGS` becomes a field on the
page of its section, with the row's label, its help text shown under the
field (not only in a tooltip), its bounds and its unit. The field kind
follows the value type: a number with a unit for durations, a time field, a
row of weekday toggles, a combo for choices, a switch for yes/no, a slider
for the volume, and a day-by-day list of run times.

Nothing is applied by an OK button: each edit goes straight to the
:class:`~deskbreak.core.settings.store.SettingsStore`, which saves it and
tells the engine, the tray and the rest. An edit past the setting's bounds,
or one the store refuses (clashing with another setting, such as work
ending before it starts), is not saved; the field keeps what the user typed,
every digit of it, and says why under it in the dialog's words: "at most 15
minutes", "Work starts must come before Work ends". When the store changes
for any other reason (a hand edit of the file, ``deskbreak config set``),
the fields follow.

The editors, one per value type, are in :mod:`deskbreak.ui.setting_editors`
and the hand-drawn controls they use in :mod:`deskbreak.ui.setting_controls`;
this module puts each editor in a field (label, help, the reason an edit was
refused) and the fields on pages, with restore, import and export.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any, Callable, Protocol

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from deskbreak.core.content.user_exercises import UserExercisesError
from deskbreak.core.content.user_exercises_writing import ImportReport
from deskbreak.core.i18n import Context, translate
from deskbreak.core.settings import Setting, SettingsError, settings_by_section
from deskbreak.core.settings.store import SettingsStore
from deskbreak.ui import screen_fit, style
from deskbreak.ui.setting_controls import Switch
from deskbreak.ui.setting_editors import editor_for
from deskbreak.ui.wheel_guard import install_wheel_guard

__all__ = ["SettingField", "SettingsDialog", "Switch", "amount_text", "bound_problem"]

settings_dialog = Context("settings_dialog")  # for plurals: lupdate reads the context from this name


class SettingsTransfer(Protocol):
    """Export and import of more than the settings: the session's carry the user's exercises along."""

    def export_settings(self, path: Path) -> str | None:
        """Export to ``path``; returns why the user's exercises were left out of it (None: they are in it)."""

    def import_settings(self, path: Path) -> tuple[frozenset[str], ImportReport]: ...


def amount_text(setting: Setting, value: Any) -> str:
    """A bound or value as the dialog says it: "15 minutes", "1 day", "100 %", "20"."""
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
        if seconds and seconds % 3600 == 0:
            return settings_dialog.tr("%n hours", None, seconds // 3600, one="1 hour")
        if seconds and seconds % 60 == 0:
            return settings_dialog.tr("%n minutes", None, seconds // 60, one="1 minute")
        return settings_dialog.tr("%n seconds", None, seconds, one="1 second")
    if setting.unit == "days":
        return settings_dialog.tr("%n days", None, value, one="1 day")
    return f"{value} {setting.unit_text}".strip()


def bound_problem(setting: Setting, value: Any) -> str | None:
    """ "at most 15 minutes" when ``value`` lies outside the setting's bounds, else None."""
    if setting.minimum is not None and value < setting.minimum_value:
        return translate("settings_dialog", "at least {amount}").format(amount=amount_text(setting, setting.minimum_value))
    if setting.maximum is not None and value > setting.maximum_value:
        return translate("settings_dialog", "at most {amount}").format(amount=amount_text(setting, setting.maximum_value))
    return None


def _joined_labels(rows: list[Setting]) -> str:
    """ "hold length and lead-in": the settings one button restores, named mid-sentence.

    English labels are in sentence case and read lower-case there; a
    translation's capitals stay (German nouns are always capitalised).
    """
    labels = [s.label.lower() if s.label_text == s.label else s.label_text for s in rows]
    return translate("settings_dialog", " and ").join(labels)


# ---------------------------------------------------------------------------
# A field: label, editor, help, and the reason an edit was refused


class SettingField(QWidget):
    def __init__(self, setting: Setting, apply: Callable[[str, Any], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setting = setting
        self._apply = apply
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(setting.label_text)
        self.label.setFont(style.scaled_font(1.0, bold=True))
        self.editor = editor_for(setting)
        self.label.setBuddy(self.editor.focusProxy() or self.editor)
        self.help = QLabel(setting.help_text)
        self.help.setObjectName(f"help:{setting.key}")
        self.help.setWordWrap(True)
        self.help.setFont(style.scaled_font(0.92))
        style.set_text_color(self.help, style.muted_color(self.help.palette()))
        self.problem = QLabel()
        self.problem.setObjectName(f"problem:{setting.key}")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        style.set_text_color(self.problem, style.danger_color(self.problem.palette()))
        self.problem.hide()
        self.note = QLabel()
        self.note.setObjectName(f"note:{setting.key}")
        self.note.setWordWrap(True)
        self.note.hide()
        for widget in (self.label, self.editor, self.help, self.problem, self.note):
            layout.addWidget(widget)
        self.editor.edited.connect(self._edited)

    def _edited(self, value: Any) -> None:
        # A value past the bounds is refused here, in the dialog's words
        # ("at most 15 minutes"), and never reaches the store.
        self.show_problem(bound_problem(self.setting, value) or self._apply(self.setting.key, value))

    def show_problem(self, problem: str | None) -> None:
        self.problem.setText(translate("settings_dialog", "Not saved: {problem}").format(problem=problem) if problem else "")
        self.problem.setVisible(bool(problem))
        self.problem.setAccessibleName(self.problem.text())

    def show_override(self, value_text: str | None) -> None:
        if value_text is None:
            self.note.hide()
            return
        self.note.setText(translate("settings_dialog", "This run uses {value}, set on the command line; "
                                    "changing it here replaces that.").format(value=value_text))
        self.note.show()


# ---------------------------------------------------------------------------
# The dialog


class SettingsDialog(QDialog):
    """Pages of settings (Breaks, Working hours, Runs, Routines, Sound, General)."""

    def __init__(self, store: SettingsStore, *, routines_page: QWidget | None = None,
                 autostart_location: str = "", transfer: SettingsTransfer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard(QApplication.instance())
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("settings_dialog", "deskbreak: Settings"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.store = store
        self.routines_page = routines_page
        # Export and import through the session when there is one: the user's exercises go along.
        self._transfer = transfer
        self.fields: dict[str, SettingField] = {}
        self.pages: dict[str, QWidget] = {}

        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        self.sections.setAccessibleName(translate("settings_dialog", "Settings sections"))
        self.sections.setSpacing(3)
        self.stack = QStackedWidget()
        self.stack.setObjectName("sectionPages")
        for section, rows in settings_by_section():
            page = self._build_page(section.key, section.label_text, rows, autostart_location)
            self.pages[section.key] = page
            self.stack.addWidget(page)
            self.sections.addItem(section.label_text)
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)
        width = max(self.sections.sizeHintForColumn(0), 0) + self.fontMetrics().horizontalAdvance("M") * 3
        self.sections.setFixedWidth(width)

        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.status.setText(translate("settings_dialog", "Changes apply at once and are saved to {path}.").format(
            path=store.path))
        style.set_text_color(self.status, style.muted_color(self.status.palette()))

        import_button = QPushButton(translate("settings_dialog", "&Import…"))
        import_button.setObjectName("importSettings")
        import_button.clicked.connect(self._choose_import)
        export_button = QPushButton(translate("settings_dialog", "&Export…"))
        export_button.setObjectName("exportSettings")
        export_button.clicked.connect(self._choose_export)
        restore_all = QPushButton(translate("settings_dialog", "Restore &all defaults"))
        restore_all.setObjectName("restoreAll")
        restore_all.clicked.connect(lambda: self.restore_defaults(None))
        close = QPushButton(translate("settings_dialog", "&Close"))
        close.setObjectName("closeSettings")
        close.setDefault(True)
        close.clicked.connect(self.close)

        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        for button in (import_button, export_button, restore_all):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.refresh()
        self._unsubscribe = store.subscribe(lambda _keys: self.refresh())
        self.destroyed.connect(lambda *_: self._unsubscribe())
        screen_fit.place(self, self._comfortable_size())

    def _comfortable_size(self) -> QSize:
        """Room for the widest page (the routines editor) without scrolling sideways; less on a small screen."""
        em = self.fontMetrics().horizontalAdvance("M")
        widest = max(page.widget().sizeHint().width() for page in self.pages.values())
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(max(em * 64, self.sections.width() + widest + scroll_bar + em * 3),
                     self.fontMetrics().height() * 40)

    # -- building ---------------------------------------------------------------

    def _build_page(self, key: str, title: str, rows: list[Setting], autostart_location: str) -> QWidget:
        content = QWidget()
        content.setObjectName(f"page:{key}")
        layout = QVBoxLayout(content)
        heading = QLabel(title)
        heading.setFont(style.scaled_font(1.35, bold=True))
        layout.addWidget(heading)
        # The routines editor wants the page's height for its lists (which
        # scroll themselves), so its few settings sit side by side above it.
        with_routines = key == "routines" and self.routines_page is not None
        row = QHBoxLayout() if with_routines else None
        for setting in rows:
            field = SettingField(setting, self._apply)
            if setting.key == "autostart" and autostart_location:
                field.help.setText(translate("settings_dialog", "{help} Writes {location}.").format(
                    help=setting.help_text, location=autostart_location))
            self.fields[setting.key] = field
            if row is not None:
                row.addWidget(field, 1, Qt.AlignmentFlag.AlignTop)
            else:
                layout.addWidget(field)
                layout.addSpacing(6)
        if key == "general":
            folder = QPushButton(translate("settings_dialog", "Open the settings &folder"))
            folder.setObjectName("openSettingsFolder")
            folder.clicked.connect(lambda: QDesktopServices.openUrl(
                QUrl.fromLocalFile(str(self.store.path.parent))))
            layout.addWidget(folder, 0, Qt.AlignmentFlag.AlignLeft)
        if row is not None:
            layout.addLayout(row)
        else:
            layout.addStretch(1)
        # Under the settings it restores: on the routines page that keeps it apart from
        # the routines editor's own "Restore default"; its tip names the settings.
        restore = QPushButton(translate("settings_dialog", "Restore these settings' defaults") if with_routines
                              else translate("settings_dialog", "Restore this page's defaults"))
        if with_routines:
            restore.setToolTip(translate("settings_dialog", "Restores {settings}").format(settings=_joined_labels(rows)))
            restore.setAccessibleDescription(restore.toolTip())
        restore.setObjectName(f"restore:{key}")
        restore.clicked.connect(lambda: self.restore_defaults([s.key for s in rows]))
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(restore)
        layout.addLayout(restore_row)
        if with_routines:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            layout.addWidget(line)
            layout.addWidget(self.routines_page, 1)
        # Every page scrolls, so no page sets the dialog's least size: it fits a small screen.
        scroll = QScrollArea()
        scroll.setObjectName(f"scroll:{key}")
        # It takes Tab, so the keys can scroll a long page; a screen reader says which page it is.
        scroll.setAccessibleName(title)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    # -- live apply -------------------------------------------------------------

    def _apply(self, key: str, value: Any) -> str | None:
        """Send one edit to the store; the reason it was refused, or None."""
        try:
            self.store.set(key, value)
        except SettingsError as error:
            return error.labelled_problem
        return None

    def refresh(self) -> None:
        """Show the store's current values (after any change, from anywhere)."""
        settings = self.store.settings
        for key, field in self.fields.items():
            if not field.problem.isHidden() and field.editor.value() != getattr(settings, key):
                continue  # keep what the user typed beside its reason until they change it
            field.editor.set_value(getattr(settings, key))
            if field.setting.enabled_by:
                field.setEnabled(bool(getattr(settings, field.setting.enabled_by)))
            field.show_override(self.store.setting_text(key) if self.store.is_overridden(key) else None)

    def restore_defaults(self, keys: list[str] | None) -> None:
        for key in keys or self.fields:
            self.fields[key].show_problem(None)
        try:
            self.store.reset(keys)
        except SettingsError as error:
            self.show_status(translate("settings_dialog", "Could not restore the defaults: {error}").format(error=error))
            return
        self.refresh()
        self.show_status(translate("settings_dialog", "Defaults restored.") if keys is None
                         else translate("settings_dialog", "This page's defaults restored."))

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    # -- import and export --------------------------------------------------------

    def import_from(self, path: Path) -> bool:
        try:
            if self._transfer is None:
                changed, report = self.store.import_file(path), ImportReport()
            else:
                changed, report = self._transfer.import_settings(path)
        except SettingsError as error:
            self.show_status(translate("settings_dialog", "Not imported: {error}").format(error=error))
            return False
        for field in self.fields.values():
            field.show_problem(None)
        self.refresh()
        said = [settings_dialog.tr("Imported {path} (%n settings changed).", None, len(changed),
                                   one="Imported {path} (1 setting changed).").format(path=path)]
        if report.added:
            said.append(translate("settings_dialog", "Exercises added: {exercises}.").format(
                exercises=report.named(report.added)))
        if report.replaced:
            said.append(translate("settings_dialog", "Exercises replaced: {exercises}.").format(
                exercises=report.named(report.replaced)))
        said += report.problems  # each names the exercise and says it was not imported
        self.show_status(" ".join(said))
        return True

    def export_to(self, path: Path) -> bool:
        left_out = None
        try:
            if self._transfer is None:
                self.store.export_file(path)
            else:
                left_out = self._transfer.export_settings(path)
        except (SettingsError, UserExercisesError) as error:
            self.show_status(translate("settings_dialog", "Not exported: {error}").format(error=error))
            return False
        if left_out:
            self.show_status(translate("settings_dialog", "Exported to {path}; your exercises were left out: "
                                                          "{problem}").format(path=path, problem=left_out))
        else:
            self.show_status(translate("settings_dialog", "Exported to {path}.").format(path=path))
        return True

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, translate("settings_dialog", "Import settings"), str(Path.home()),
                                              translate("settings_dialog", "Settings (*.toml);;All files (*)"))
        if name:
            self.import_from(Path(name))

    def _choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, translate("settings_dialog", "Export settings"),
                                              str(Path.home() / "deskbreak-settings.toml"),
                                              translate("settings_dialog", "Settings (*.toml)"))
        if name:
            self.export_to(Path(name))
