"""Starting deskbreak: the checks, the profile claim and the parts, before the event loop.

:func:`run_app` is what ``deskbreak`` (and ``deskbreak settings`` with no
instance running) calls: it refuses a session with no display in one line,
claims the profile (exactly one instance), reads the settings, the history
and the routines, builds the real adapters and hands them to
:class:`~deskbreak.ui.app.DeskbreakApp`, then runs until quit or SIGTERM.
"""

from __future__ import annotations

import linecache
import logging
import os
import signal
import socket
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QLocale, QLoggingCategory, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from deskbreak import APP_NAME, __version__
from deskbreak.core.content.assets import asset_path
from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.files import private_directory
from deskbreak.core.i18n import translate
from deskbreak.shell.translation import SOURCE_LANGUAGE, install_translations

# Everything else (the settings, the catalog, the history, the scheduler, the
# app itself) is imported in run_app once the tray icon shows: the user no
# longer waits for the icon while a third of a second of Python loads.
if TYPE_CHECKING:
    from deskbreak.core.history import HistoryStore
    from deskbreak.core.profile import Profile

log = logging.getLogger("deskbreak")

#: The desktop entry we ship (assets/desktop/deskbreak.desktop), without ".desktop". On Wayland it is the
#: window's app id: the compositor finds our icon and name through it.
DESKTOP_ENTRY_ID = "deskbreak"
#: Qt's logging rules for messages that report nothing wrong with deskbreak. Qt 6 warns
#: "QWaylandTextInputv3::disableSurface ... Trying to disable ... but 0x0 is focused" at each
#: focus change under Mutter 43 (GNOME): the compositor has already taken the text-input focus
#: away (its leave comes first) when Qt disables the window it left. Switching text input off
#: instead would take input methods away from the settings dialog's text fields.
KNOWN_QT_NOISE = "qt.qpa.wayland.textinput.warning=false"


def display_problem() -> str | None:
    """Why Qt could not open a window here, or None; checked before Qt aborts."""
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return None
    if not sys.platform.startswith("linux"):
        return None
    display, wayland = os.environ.get("DISPLAY"), os.environ.get("WAYLAND_DISPLAY")
    if wayland:
        return None
    if not display:
        return translate("startup", "no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
                                    "start deskbreak from your desktop session")
    if display.startswith(":"):
        number = display[1:].split(".")[0]
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            return translate("startup", "cannot reach the X display {display}").format(display=display)
    return None


def match_dates_to_language(language: str) -> None:
    """Day and month names in the language of the words around them.

    The catalog follows ``LANGUAGE`` but Qt's system locale writes dates by
    ``LC_TIME``: under ``LANGUAGE=de LANG=en_US.UTF-8`` (or ``C.UTF-8``) the
    history would read "Monday" in German sentences. Then the default locale
    becomes the system's own locale name with Qt's data (a ``de_AT`` keeps its
    "Jänner"), or else the catalog's language. English leaves the system alone.
    """
    if language == SOURCE_LANGUAGE:
        return
    system = QLocale()
    wanted = QLocale(language)
    named = QLocale(system.name())
    if named.language() == wanted.language():
        wanted = named
    if system.dayName(1) != wanted.dayName(1) or system.monthName(1) != wanted.monthName(1):
        QLocale.setDefault(wanted)


def identify_application(app: QGuiApplication) -> None:
    """Our name and version, and the desktop entry a desktop pairs our windows with (set before any window)."""
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(DESKTOP_ENTRY_ID)


def quiet_known_qt_noise() -> None:
    """Turn off :data:`KNOWN_QT_NOISE`, as a default: Qt applies ``QT_LOGGING_CONF`` and
    ``QT_LOGGING_RULES`` after rules set here, so either still turns it on."""
    QLoggingCategory.setFilterRules(KNOWN_QT_NOISE)


def _install_signal_handlers(app: QApplication, quit_app: Callable[[], None]) -> QSocketNotifier:
    """Quit cleanly on SIGTERM/SIGINT without a polling timer: the signal wakes
    a socket Qt watches, and Python's handler runs on the way."""
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for signum in (signal.SIGTERM, signal.SIGINT):
        # Queued, so a signal arriving before the event loop runs still quits it.
        signal.signal(signum, lambda *_: QTimer.singleShot(0, quit_app))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: reader.recv(64))
    notifier._sockets = (reader, writer)  # keep both ends alive with the notifier
    return notifier


def forget_sources_pyside_reads() -> None:
    """Let go of the source lines PySide6 reads of every module imported after it.

    To learn whether a module uses PySide6 (PYSIDE-2029, its ``__feature__``
    switches), PySide6 reads the whole source of each module imported once it
    is loaded, with ``inspect.getsource``, which keeps every line in
    ``linecache`` for good: 6.9 MB of anonymous memory in a started deskbreak
    (about 300 modules), the largest part of what it held beyond a bare
    PySide6 tray app. From here on the cache is emptied as each import
    begins, so only the modules being imported keep their lines for a moment;
    a traceback reads its lines again. Python's audit hooks cannot be removed,
    so this installs one once per process.
    """
    global _forgetting_sources
    linecache.clearcache()
    if not _forgetting_sources:
        sys.addaudithook(_forget_sources_on_import)
        _forgetting_sources = True


_forgetting_sources = False


def _forget_sources_on_import(event: str, _args: tuple) -> None:
    if event == "import":  # raised once per module loaded, not for one already in sys.modules
        linecache.clearcache()


def _show_icon_early(icon_file: str) -> QSystemTrayIcon | None:
    """The tray icon, shown before the rest loads; the tray controller takes it over.

    Flushed to the display at once, so the tray embeds it while the catalog,
    the history and the scheduler load (None without a system tray: the
    status window comes with the rest).
    """
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = QSystemTrayIcon(QIcon(icon_file))
    icon.show()
    QApplication.processEvents()
    return icon


def _open_history(path: Path, clock: Clock) -> tuple[HistoryStore | None, list[str]]:
    from deskbreak.core.history import HistoryCorruptError, HistoryError, HistoryStore, move_aside

    try:
        return HistoryStore(path), []
    except HistoryCorruptError as exc:
        moved = move_aside(path, clock.now())
        return HistoryStore(path), [translate("startup", "{problem}; moved it to {path} and started a new history").format(
            problem=exc, path=moved)]
    except HistoryError as exc:
        return None, [translate("startup", "{problem}; history is off for this run").format(problem=exc)]


def run_app(profile: Profile, *, open_settings: bool = False) -> int:
    """Run the tray app until it quits; ``open_settings`` shows the dialog at start."""
    from deskbreak.shell.instance import SingleInstance, raise_open_file_limit

    forget_sources_pyside_reads()
    logging.basicConfig(level=logging.INFO, format="deskbreak: %(message)s", stream=sys.stderr)
    raise_open_file_limit()
    # apscheduler logs every job run at INFO: once a minute is noise, not news.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    problem = display_problem()
    if problem:
        print(f"deskbreak: {problem}", file=sys.stderr)
        return 1

    quiet_known_qt_noise()
    app = QApplication(sys.argv[:1])
    identify_application(app)
    app.setQuitOnLastWindowClosed(False)
    match_dates_to_language(install_translations())

    # Claimed before anything else is decided or opened: of launches racing
    # on one profile exactly one gets past here; the others hand it their
    # command (waiting for it to listen) and exit.
    try:
        instance = SingleInstance(profile.data_dir)
        reply = instance.acquire_or_forward("settings" if open_settings else "show")
    except OSError as exc:  # InstanceError: no private folder for the lock and socket
        print(translate("startup", "deskbreak: cannot claim this profile: {problem}").format(problem=exc),
              file=sys.stderr)
        return 1
    if reply is not None:
        if not reply.get("ok"):
            refused = translate("startup", "the running deskbreak refused")
            print(f"deskbreak: {reply.get('error', refused)}", file=sys.stderr)
            return 1
        if open_settings:
            print(translate("startup", "Settings opened in the running deskbreak."))
        else:
            print(translate("startup", "deskbreak is already running; showing it."), file=sys.stderr)
        return 0
    for folder in (profile.config_dir, profile.data_dir):
        try:
            private_directory(folder)
        except OSError as exc:
            log.warning("cannot make %s private: %s", folder, exc)

    clock = SystemClock()
    icon_file = str(asset_path("icons", "deskbreak.svg"))
    # Only settings given on the command line can refuse the start: then no icon shows before they are read.
    early_icon = None if profile.overrides else _show_icon_early(icon_file)

    from deskbreak.core.settings import SettingsError, format_duration
    from deskbreak.core.settings.store import SettingsStore

    try:
        store, settings_problems = SettingsStore.load(profile.settings_path, clock.now(), profile.overrides)
    except SettingsError as exc:
        print(translate("startup", "deskbreak: the command line's settings do not fit {path}: {problem}").format(
            path=profile.settings_path, problem=exc), file=sys.stderr)
        return 2
    settings = store.settings
    if profile.overrides:
        early_icon = _show_icon_early(icon_file)

    from deskbreak.core.content.catalog import CatalogError, load_catalog
    from deskbreak.core.history import HistoryError
    from deskbreak.ui.app import WELCOME_MARKER, DeskbreakApp, watchdog_seconds

    try:
        catalog = load_catalog()
    except CatalogError as exc:  # a broken install: nothing to guide a break with
        print(f"deskbreak: {exc}", file=sys.stderr)
        return 1

    history, history_problems = _open_history(profile.history_path, clock)
    if history is not None:
        # Only the instance that holds the profile may do this: a break still
        # open now was left by a deskbreak that stopped during it.
        try:
            closed = history.close_interrupted(clock.now())
        except HistoryError as exc:
            history_problems.append(translate("startup", "{problem}; breaks left open by the last run stay open").format(
                problem=exc))
        else:
            if closed:
                log.info("marked %d break(s) left open by the last run as missed", closed)

    from deskbreak.adapters.alarm import QtAlarm
    from deskbreak.adapters.autostart import detect_autostart, launch_command
    from deskbreak.adapters.holds import Desktop, detect_holds
    from deskbreak.shell.calendar_source import CalendarSource
    from deskbreak.adapters.idle import LockWatcher, detect_idle_monitor
    from deskbreak.adapters.notify import default_notifier_chain
    from deskbreak.adapters.sound import Chimes, detect_player
    from deskbreak.adapters.tray_host import TrayHostWatch
    from deskbreak.shell.control import answer

    icons = {"normal": QIcon(icon_file), "paused": QIcon(str(asset_path("icons", "deskbreak-paused.svg"))),
             "overdue": QIcon(str(asset_path("icons", "deskbreak-overdue.svg")))}
    app.setWindowIcon(icons["normal"])
    notifier = default_notifier_chain(icon_file)
    calendar = CalendarSource(store, clock, tell=lambda title, body: notifier.notify(title, body))
    deskbreak = DeskbreakApp(
        store=store, catalog=catalog, clock=clock, history=history,
        notifier=notifier, idle=detect_idle_monitor(), alarm=QtAlarm(clock, watchdog_seconds(settings)),
        icons=icons,
        chimes=Chimes(detect_player(), profile.data_dir / "cache", settings.sound, settings.volume),
        welcome_marker=profile.data_dir / WELCOME_MARKER,
        autostart=detect_autostart(launch_command() + profile.command_line_options()),
        routines_path=profile.routines_path,
        exercises_path=profile.exercises_path,
        holds=detect_holds(settings, Desktop(clock=clock, calendar=calendar)),
        calendar=calendar,
        tray_icon=early_icon,
        # Without a tray now, the status window stands in until one appears on the bus.
        tray_host=TrayHostWatch(),
    )
    lock = LockWatcher(parent=deskbreak)
    if lock.locked:  # started behind the lock screen: no break may open before the unlock
        deskbreak.set_locked(True)
    lock.lockedChanged.connect(deskbreak.set_locked)
    problems = settings_problems + deskbreak.startup_problems + history_problems
    for line in problems:
        log.warning("%s", line)
    # Logs and carries on if it cannot listen: no command-line control beats no deskbreak.
    server = instance.serve(partial(answer, deskbreak), app)
    keep_alive = _install_signal_handlers(app, deskbreak.quit)
    deskbreak.start()
    deskbreak.calendar.reload()
    deskbreak.watch_settings_file()
    if open_settings:
        deskbreak.show_settings()
    log.info("started %s: sit-break every %s, settings %s", __version__,
             format_duration(settings.sit_interval), profile.settings_path)
    if problems:
        notifier.notify(translate("startup", "deskbreak started; some of its files need a look"),
                        "\n".join(problems)[:400])
    try:
        return app.exec()
    finally:
        deskbreak.shutdown()
        server.close()
        instance.release()
        keep_alive.setEnabled(False)
