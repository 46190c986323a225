"""What a screen reader says during a guided break: each phase once, never each tick.

The break window passes every :class:`~deskbreak.core.content.guide.View` it
shows to :meth:`RoutineAnnouncer.follow`, and the end of the routine to
:meth:`RoutineAnnouncer.done`; the announcer turns a *change* of phase into a
``QAccessibleAnnouncementEvent`` (read out by Orca through AT-SPI, by
Narrator and VoiceOver): the exercise's name, "Get into position",
"Hold 30 seconds", "Switch to your left side", "Rest", a run of reps once
("10 reps"), the last three seconds of a hold ("3", "2", "1") and
"Break done.". The countdown and the switch are assertive (they interrupt:
they are what to do *now*); the rest is polite.

The routine's state stays the player's; this only remembers what it last
said. While the window is hidden nothing is said, and nothing is marked as
said, so the phase under way is announced when the window shows.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from deskbreak.core.content.guide import Kind, Segment, View
from deskbreak.core.i18n import Context, translate
from deskbreak.ui.break_widgets import seconds_left

announce = Context("announce")  # for plurals: lupdate reads the context from this name

COUNTDOWN_FROM = 3
"""The last seconds of a hold that are counted out loud."""


class RoutineAnnouncer:
    """Announces the phases of the routine shown in ``window``."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._segment_index: int | None = None
        self._named_exercise: str | None = None
        self._counted: int | None = None
        self._previous: Segment | None = None

    def follow(self, view: View) -> None:
        """Say what changed since the last view: a new phase, or a second of a hold's countdown."""
        segment = view.segment
        if segment is None or not self._window.isVisible():
            return
        if view.index != self._segment_index:
            self._segment_index = view.index
            self._counted = None
            self._enter(segment)
            self._previous = segment
        if segment.kind == Kind.HOLD and segment.seconds > COUNTDOWN_FROM and not view.paused:
            second = seconds_left(view.remaining)
            if 0 < second <= COUNTDOWN_FROM and second != self._counted:
                self._counted = second
                self.say(f"{second}", assertive=True)

    def done(self) -> None:
        """The routine ran to its end."""
        if self._window.isVisible():
            self.say(translate("break_window", "Break done."))

    def say(self, text: str, *, assertive: bool = False) -> None:
        event = QAccessibleAnnouncementEvent(self._window, text)
        if assertive:
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)

    def _enter(self, segment: Segment) -> None:
        # A rest between exercises belongs to the next one; its name comes when it starts.
        if segment.kind != Kind.REST and segment.exercise.id != self._named_exercise:
            self._named_exercise = segment.exercise.id
            self.say(segment.exercise.shown_name())
        phase = self._phase(segment)
        if phase:
            self.say(phase, assertive=segment.kind == Kind.SWITCH)

    def _phase(self, segment: Segment) -> str:
        if segment.kind == Kind.HOLD:
            seconds = round(segment.seconds)
            return announce.tr("Hold %n seconds", None, seconds, one="Hold 1 second")
        if segment.kind == Kind.REST:
            return translate("break_window", "Rest")
        if segment.kind == Kind.REP:
            previous = self._previous
            if previous is not None and previous.kind == Kind.REP and previous.exercise.id == segment.exercise.id:
                return ""  # one announcement for a run of reps, not one per rep
            return translate("guide", "{reps} reps").format(reps=segment.reps) if segment.reps > 1 else segment.cue
        return segment.cue  # the lead-in's "Get into position", the switch, a walk's or a move's own words
