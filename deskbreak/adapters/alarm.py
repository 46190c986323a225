"""Wakes the app when the engine needs a step, and after a suspend.

apscheduler 3's ``QtScheduler`` (imported lean: ``lean_apscheduler.py``) with
a ``DebugExecutor`` runs jobs on the Qt GUI thread (its default thread pool would touch widgets from another
thread). A job only calls back into the app, which steps the engine with the
current time, so a late, missed or duplicated run is harmless: misfires are
coalesced and never dropped.

Beside it one monotonic timer, the watchdog, wakes the app ``watchdog_s``
after the engine last stepped (a minute, less when ``natural_break`` is
short), so the engine notices idle time and resumes, or sooner when the
window layer asks (:meth:`QtAlarm.wake_within`: the countdown it shows
reads another number then). One timer, so at the desk the countdown's new
minute and the watchdog's step are one wake-up a minute, not two. It also
logs wall-clock jumps, which is how a suspend shows up when logind is not
available. Where a system bus exists, logind's ``PrepareForSleep(false)``
wakes the app at resume.
"""

from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Slot

from deskbreak.adapters.lean_apscheduler import DateTrigger, DebugExecutor, MemoryJobStore, QtScheduler
from deskbreak.core.clock import Clock

log = logging.getLogger(__name__)

WAKE_JOB = "wake"
# A wall-clock jump larger than this between watchdog runs is a resume or a
# clock change, worth a log line; the engine decides what it means.
JUMP_TOLERANCE_S = 5.0


class _OneTimerQtScheduler(QtScheduler):
    """QtScheduler with one reusable timer.

    apscheduler 3 keeps the return value of ``QTimer.singleShot`` to cancel
    it later, but PySide6 returns None, so every wake-up request started a
    timer chain that was never cancelled and the work per minute grew without
    bound. One owned single-shot QTimer, restarted each time, fixes that.
    """

    _qtimer: QTimer | None = None

    def _start_timer(self, wait_seconds):
        if self._qtimer is None:
            self._qtimer = QTimer()
            self._qtimer.setSingleShot(True)
            self._qtimer.timeout.connect(self._process_jobs)
        self._qtimer.stop()
        if wait_seconds is not None:
            self._qtimer.start(min(int(wait_seconds * 1000), 2147483647))

    def _stop_timer(self):
        if self._qtimer is not None:
            self._qtimer.stop()


class QtAlarm(QObject):
    """The engine's :class:`~deskbreak.core.ports.Alarm` on apscheduler's QtScheduler."""

    def __init__(self, clock: Clock, watchdog_s: float = 60.0, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._watchdog_s = watchdog_s
        self._on_wake: Callable[[str], None] = lambda reason: None
        # Instances, not plug-in names: apscheduler is loaded without its plug-in tables (lean_apscheduler.py).
        self._scheduler = _OneTimerQtScheduler(
            executors={"default": DebugExecutor()},
            jobstores={"default": MemoryJobStore()},
            job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1},
        )
        # The watchdog runs on Qt's monotonic timer, not on an apscheduler
        # wall-clock job: after the clock is set back it must keep stepping
        # the engine, which then shifts its countdowns. Precise: a coarse timer
        # may fire before the countdown reads its next number.
        self._watchdog_timer = QTimer(self)
        self._watchdog_timer.setSingleShot(True)
        self._watchdog_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._watchdog_timer.timeout.connect(self._watchdog)
        self._running = False
        # On the monotonic clock: when the engine last stepped, and by when the window layer wants a wake-up.
        self._stepped: float = 0.0
        self._wanted: float | None = None
        self._last_wall: datetime | None = None
        self._last_mono: float | None = None

    def start(self, on_wake: Callable[[str], None]) -> None:
        self._on_wake = on_wake
        self._scheduler.start()
        self._running = True
        self._stepped = self._clock.monotonic()
        self._arm_watchdog()
        self._remember()
        self._listen_for_resume()

    def set_watchdog_interval(self, seconds: float) -> None:
        self._watchdog_s = seconds
        self._arm_watchdog()

    def wake_within(self, seconds: float | None) -> None:
        """Wake the app within ``seconds`` on the monotonic clock (replacing any earlier wish); None: no wish."""
        self._wanted = None if seconds is None else self._clock.monotonic() + seconds
        self._arm_watchdog()

    def _arm_watchdog(self) -> None:
        """The watchdog to ``watchdog_s`` after the last step, or to the window layer's wish if sooner."""
        if not self._running:
            return
        deadline = self._stepped + self._watchdog_s
        if self._wanted is not None:
            deadline = min(deadline, self._wanted)
        self._watchdog_timer.start(max(0, math.ceil((deadline - self._clock.monotonic()) * 1000)))

    def wake_at(self, when: datetime | None) -> None:
        """Run the callback at ``when`` (replacing any earlier request); None cancels.

        The app asks after each step of the engine, so the watchdog counts from here.
        """
        self._stepped = self._clock.monotonic()
        self._arm_watchdog()
        if when is None:
            if self._scheduler.get_job(WAKE_JOB):
                self._scheduler.remove_job(WAKE_JOB)
            return
        # Never ask for the past: apscheduler would run it at once anyway,
        # but a floor keeps a tight loop impossible.
        earliest = self._clock.now() + timedelta(milliseconds=50)
        run_date = max(when, earliest)
        self._scheduler.add_job(self._wake_soon, DateTrigger(run_date, timezone=run_date.tzinfo), args=("alarm",),
                                id=WAKE_JOB, replace_existing=True)

    def _wake_soon(self, reason: str) -> None:
        # Run the callback after apscheduler has finished with this job: the
        # callback schedules the next wake-up under the same job id, which
        # apscheduler would otherwise delete as the spent date job.
        QTimer.singleShot(0, lambda: self._on_wake(reason))

    def stop(self) -> None:
        self._running = False
        self._watchdog_timer.stop()
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def _remember(self) -> None:
        self._last_wall, self._last_mono = self._clock.now(), self._clock.monotonic()

    def _watchdog(self) -> None:
        wall, mono = self._clock.now(), self._clock.monotonic()
        if self._last_wall is not None:
            drift = (wall - self._last_wall).total_seconds() - (mono - self._last_mono)
            if abs(drift) > JUMP_TOLERANCE_S:
                log.info("wall clock jumped %+.0f s (suspend/resume or clock change)", drift)
        self._remember()
        # Armed again at once: the callback's step arms it too, but a host that does not step still gets woken.
        self._stepped, self._wanted = mono, None
        self._arm_watchdog()
        self._wake_soon("watchdog")

    def _listen_for_resume(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            log.info("no system bus: relying on the watchdog to notice resume")
            return
        ok = bus.connect("org.freedesktop.login1", "/org/freedesktop/login1",
                         "org.freedesktop.login1.Manager", "PrepareForSleep", self,
                         "_prepare_for_sleep(bool)")
        log.info("listening for logind PrepareForSleep: %s", "yes" if ok else "no")

    @Slot(bool)
    def _prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            log.info("resumed from suspend (logind)")
            self._remember()
            self._on_wake("resume")
