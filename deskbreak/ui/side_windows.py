"""The windows beside the break: the first-run note, the settings dialog (with its routines page) and the history.

Each opens on request, comes forward when open already, and reads what it
shows from the session, which owns the catalog and the history.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Mapping

from PySide6.QtCore import QObject, Qt

from deskbreak.core.content.catalog import Routine
from deskbreak.core.files import write_file_atomically
from deskbreak.core.i18n import translate
from deskbreak.core.session import BreakSession

log = logging.getLogger("deskbreak")


class SideWindows(QObject):
    """Opens the windows other than the break's; ``tell(title, body)`` reports what went wrong."""

    def __init__(self, session: BreakSession, *, autostart, poses: Callable[[], dict | None],
                 tell: Callable[[str, str], None], after_history_written: Callable[[Callable[[], object]], None],
                 start_break_for: Callable, welcome_marker: Path | None,
                 reduced_motion: Callable[[], bool] = lambda: False, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.autostart = autostart
        self._poses = poses
        self._tell = tell
        self._after_history_written = after_history_written
        self._start_break_for = start_break_for
        self._reduced_motion = reduced_motion
        self.welcome_marker = welcome_marker
        self.welcome = None
        self.settings_dialog = None
        self.history_windows: list = []

    def show_welcome_once(self) -> None:
        """Once, until dismissed: this is general information, not medical advice."""
        if self.welcome_marker is None or self.welcome_marker.exists():
            return
        from deskbreak.ui.welcome import WelcomeWindow

        self.welcome = WelcomeWindow(self.session.catalog.safety)
        self.welcome.dismissed.connect(self._welcome_dismissed)
        self.welcome.show()

    def _welcome_dismissed(self) -> None:
        try:
            write_file_atomically(self.welcome_marker, "The first-run note was dismissed.\n")  # 0600, as every profile file
        except OSError as exc:
            log.warning("could not remember the first-run note: %s", exc)
        self.welcome = None

    def show_settings(self) -> None:
        """Open the settings dialog, or bring the open one forward."""
        from deskbreak.ui.settings_dialog import SettingsDialog

        if self.settings_dialog is None:
            routines = None
            if self.session.routines_path is not None:
                from deskbreak.ui.exercise_editor import ExerciseHooks
                from deskbreak.ui.routines_page import RoutinesPage

                # The editor checks against what the catalog and exercises.toml hold now, tables left out too.
                hooks = None if self.session.exercises_path is None else ExerciseHooks(
                    validate=self.session.validate_user_exercise,
                    save=self.add_exercise, reduced_motion=self._reduced_motion)
                routines = RoutinesPage(self.session.shipped_catalog, self.session.catalog, self._poses(),
                                        new_exercise=hooks)
                routines.routinesChanged.connect(self.save_routines)
            dialog = SettingsDialog(self.session.store, routines_page=routines, transfer=self.session,
                                    autostart_location=getattr(self.autostart, "location", ""))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: setattr(self, "settings_dialog", None))
            self.settings_dialog = dialog
        self.settings_dialog.show()
        self.settings_dialog.raise_()
        self.settings_dialog.activateWindow()

    def routines_changed(self) -> None:
        """routines.toml changed on disk: the open Routines page shows what it says now."""
        if self.settings_dialog is not None:
            self.settings_dialog.routines_page.set_current(self.session.catalog)

    def save_routines(self, routines: dict[str, Routine]) -> None:
        """The Routines page changed a routine: save it, and play it from the next break."""
        from deskbreak.core.content.user_routines import UserRoutinesError

        try:
            self.session.save_routines(routines)
        except UserRoutinesError as exc:
            log.warning("%s", exc)
            self._tell(translate("app", "Your routine could not be saved"), str(exc))

    def add_exercise(self, entry: Mapping) -> None:
        """The exercise editor's save: kept in exercises.toml, and listed on the open Routines page.

        Raises :class:`~deskbreak.core.content.user_exercises.UserExercisesError`
        (a ValueError naming the file and each key) for the editor to show;
        nothing is saved then.
        """
        self.session.add_user_exercise(entry)
        self.routines_changed()

    def show_history(self) -> None:
        # The window reads the history: after the breaks just recorded are in it.
        self._after_history_written(self._open_history_window)

    def _open_history_window(self) -> None:
        from deskbreak.ui.history_window import HistoryWindow

        session = self.session
        # The writer reads the whole history off this thread, after the writes queued before it.
        window = HistoryWindow(session.history, session.catalog, session.settings, session.clock.now().date(),
                               start_break=self._start_break_for, reader=session.history_writer)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Forgotten once closed (and deleted), with the breaks it holds: asking a
        # deleted window whether it is visible raised, and no history opened again.
        window.destroyed.connect(lambda *_: self._forget_history_window(window))
        self.history_windows.append(window)
        window.show()
        window.raise_()

    def _forget_history_window(self, window) -> None:
        self.history_windows = [w for w in self.history_windows if w is not window]
