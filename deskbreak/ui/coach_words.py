"""What the routine page's coach says: the ring's words, the cue now, what comes next.

Pure text from the timeline (:mod:`deskbreak.core.content.guide`): "Hold 3 s",
"Move", "Return" within a rep; "Next: left side", "Then: Side-lying leg
raise (10 reps each side)" after a run of reps, so the count is never lost.
"""

from __future__ import annotations

from typing import Sequence

from deskbreak.core.content.guide import Kind, Segment, Stage, View, side_words, summary
from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate

# What the ring's caption and the screen reader call each kind of segment.
_KEEP_GOING = (QT_TRANSLATE_NOOP("break_window", "KEEP GOING"), QT_TRANSLATE_NOOP("break_window", "Keep going"))
RING_WORDS = {
    Kind.HOLD: (QT_TRANSLATE_NOOP("break_window", "HOLD"), QT_TRANSLATE_NOOP("break_window", "Hold")),
    Kind.REST: (QT_TRANSLATE_NOOP("break_window", "REST"), QT_TRANSLATE_NOOP("break_window", "Rest")),
    Kind.LEAD_IN: (QT_TRANSLATE_NOOP("break_window", "GET READY"), QT_TRANSLATE_NOOP("break_window", "Get ready")),
    Kind.SWITCH: (QT_TRANSLATE_NOOP("break_window", "SWITCH SIDES"),
                  QT_TRANSLATE_NOOP("break_window", "Switch sides")),
    Kind.WALK: _KEEP_GOING,
    Kind.MOVE: _KEEP_GOING,
    Kind.REP: _KEEP_GOING,
}
# "Next: Hold 20 s" while the exercise goes on; "Then: ..." after a run of reps.
_NEXT = QT_TRANSLATE_NOOP("break_window", "Next: {what}")
_THEN = QT_TRANSLATE_NOOP("break_window", "Then: {what}")


def stage_cue(segment: Segment, elapsed: float) -> str:
    """What the coach calls now: a rep's "Move", "Hold 3 s", "Return"; else the segment's cue."""
    stage = segment.stage_at(elapsed)
    if stage is None:
        return segment.cue
    if stage == Stage.HOLD:
        return translate("guide", "Hold {hold} s").format(hold=f"{segment.hold_s:g}")
    return translate("break_window", "Move") if stage == Stage.MOVE else translate("break_window", "Return")


def next_text(view: View, segments: Sequence[Segment], hold_length: str) -> str:
    """ "Next: Hold 20 s", "Next: left side", "Then: Side-lying leg raise (10 reps each side)"."""
    current = view.segment
    assert current is not None
    index, lead = view.index + 1, _NEXT

    def same_run(at: int) -> bool:
        return (at < len(segments) and segments[at].kind == Kind.REP
                and segments[at].exercise.id == current.exercise.id)

    if current.kind == Kind.REP and same_run(index):
        # Through a run of reps, say where it leads rather than "rep" fifteen times.
        if segments[index].side != current.side:
            return translate("break_window", _NEXT).format(what=side_words(segments[index].side))
        while same_run(index):
            index += 1
        lead = _THEN
    if index >= len(segments):
        return translate("break_window", "Last one") if lead == _NEXT else translate("break_window", "Then: done")
    upcoming = segments[index]
    if upcoming.exercise.id != current.exercise.id:
        what = summary(upcoming.exercise, hold_length)
    elif upcoming.kind == Kind.REP:
        what = translate("guide", "{reps} reps").format(reps=upcoming.reps)
        if upcoming.side:
            what = f"{what}, {side_words(upcoming.side)}"
    elif current.kind == Kind.REST and upcoming.rep is not None:
        # Resting between holds: which one comes, so the count is never lost.
        what = translate("break_window", "{cue}, rep {rep} of {reps}").format(
            cue=upcoming.cue, rep=upcoming.rep, reps=upcoming.reps)
    else:
        what = upcoming.cue
    return translate("break_window", lead).format(what=what)

