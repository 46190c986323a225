"""What the documents say about growing a hold, and how a hold grown past their figures is labelled.

Read by the guide (which labels such a hold as our pacing, with the
sentence that allows it) and by :mod:`deskbreak.core.history.progression`
(which works out the holds from the history).
"""

from __future__ import annotations

import re

from deskbreak.core.content.catalog import Exercise, Source
from deskbreak.core.i18n import translate

WEEKLY_LIMIT = 0.15
WEEKLY_LIMIT_SOURCE = Source(
    document="000_a42a6e5b3fd2f0a1.txt",
    quote="It is important for everyone who exercises to start slow and increase their speed no more than 15% "
          "each week so that their body gradually gets used to working out.",
)

# A sentence of the quote that asks for more time: "Gradually add time ...", "Increase time as needed."
# Split first, then searched: one pattern over the whole quote backtracked to 10 ms for the catalog.
_SENTENCE = re.compile(r"[^.!?]*[.!?]")
_ADD_TIME = re.compile(r"\b(?:add|increase)\b.*\btime\b", re.IGNORECASE | re.DOTALL)


def add_time_sentence(exercise: Exercise) -> str | None:
    """The sentence of the exercise's quote that asks to add time, or None."""
    return next((sentence.strip() for sentence in _SENTENCE.findall(exercise.source.quote)
                 if _ADD_TIME.search(sentence)), None)


def beyond_text(exercise: Exercise, seconds: int) -> str:
    """ "hold 50 s, longer than the article's 10 s as it allows: “Increase time as needed.” (at most 15 % a week)"."""
    return translate(
        "guide", "hold {seconds} s, longer than the article's {figure} s as it allows: \u201c{sentence}\u201d "
        "(at most {limit:g} % more a week)").format(
            seconds=seconds, figure=exercise.hold_s.high if exercise.hold_s else "",
            sentence=add_time_sentence(exercise) or "", limit=WEEKLY_LIMIT * 100)
