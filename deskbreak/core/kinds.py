"""The vocabulary of breaks: their kinds and outcomes, with the words for them.

One home, so the engine, the catalog, the history, the command line and the
tray cannot spell a kind or an outcome differently. Both are ``str`` enums:
their values are what the history database, the catalog files, the control
socket and ``--json`` output carry, so they never change once released.
"""

from __future__ import annotations

import enum

from deskbreak.core.i18n import QT_TRANSLATE_NOOP, translate


class BreakKind(str, enum.Enum):
    SIT = "sit"
    PRERUN = "prerun"
    EVENING = "evening"
    """Post-run / evening back care: only ever started by the user."""

    @property
    def label(self) -> str:
        """ "Sit-break", "Pre-run routine", "Back-care routine", in the user's language."""
        return translate("kinds", _KIND_LABELS[self])


_KIND_LABELS = {
    BreakKind.SIT: QT_TRANSLATE_NOOP("kinds", "Sit-break"),
    BreakKind.PRERUN: QT_TRANSLATE_NOOP("kinds", "Pre-run routine"),
    BreakKind.EVENING: QT_TRANSLATE_NOOP("kinds", "Back-care routine"),
}

# The values, for argparse choices and file validation.
BREAK_KIND_NAMES: tuple[str, ...] = tuple(kind.value for kind in BreakKind)


class Outcome(str, enum.Enum):
    COMPLETED = "completed"
    """The routine was followed to its end, every exercise done."""
    PARTIAL = "partial"
    """Some exercises done, the rest skipped or the break ended early."""
    SKIPPED = "skipped"
    POSTPONED = "postponed"
    """History only: the prompt was put off (the break itself lives on)."""
    MISSED = "missed"
    """Never taken: deskbreak quit or crashed during it, or the computer slept through it."""
    HURT = "hurt"
    NATURAL = "natural"
    """History only: away from the desk for at least ``natural_break`` (kind ``natural``)."""


OUTCOME_NAMES: tuple[str, ...] = tuple(outcome.value for outcome in Outcome)

# The history's kind for time away from the desk that counted as a break
# (never prompted, so not a BreakKind the engine or the catalog knows).
NATURAL_BREAK_KIND = "natural"
