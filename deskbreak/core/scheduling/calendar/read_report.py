"""What one read of a calendar file could not read, told in a few lines that name the file.

:class:`ReadReport` collects the problems of a read (only the first few
listed: a hostile file can hold a million broken lines) and counts the
events skipped; :func:`event_label` and :func:`reason_text` word an event
and what went wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deskbreak.core.i18n import Context, translate

calendar = Context("calendar")  # for plurals: lupdate reads the context from this name


# A hostile file can hold a million broken lines; the user is told of the first few.
_MOST_PROBLEMS = 20


@dataclass
class ReadReport:
    """The problems of one read, each line beginning with the file's name; only the first few listed."""

    path: str
    listed: list[str] = field(default_factory=list)
    unlisted: int = 0
    skipped: int = 0

    def note(self, text: str) -> None:
        if len(self.listed) < _MOST_PROBLEMS:
            self.listed.append(f"{self.path}: {text}")
        else:
            self.unlisted += 1

    def skip(self, text: str, events: int = 1) -> None:
        """``events`` events (whole series) were not read; ``text`` says which and why."""
        self.skipped += events
        self.note(text)

    @property
    def problems(self) -> tuple[str, ...]:
        if not self.unlisted:
            return tuple(self.listed)
        return (*self.listed, f"{self.path}: " + calendar.tr(
            "%n more problems not listed", None, self.unlisted, one="1 more problem not listed"))


def event_label(uid: str | None, summary: str | None) -> str:
    text = (translate("calendar", "event {uid}").format(uid=repr(uid)) if uid is not None
            else translate("calendar", "event without UID"))
    return text if summary is None else f"{text} ({summary!r})"


def reason_text(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return translate("calendar", "missing {name}").format(name=error.args[0] if error.args else "property")
    return str(error) or type(error).__name__
