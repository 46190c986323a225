"""The session's news as desktop notifications: a break announced, overdue, a cool-down offered, a refusal.

:class:`Notices` words each event for the user and sends it through the
notifier chain (adapters/notify.py); the buttons a notification offers come
back as commands.
"""

from __future__ import annotations

import logging
from typing import Callable

from deskbreak.core import commands as cmd
from deskbreak.core.describe import COOLDOWN_ADVICE, human_duration, prelude_message
from deskbreak.core.scheduling.engine import BreakOverdue, Refused, RunEnded
from deskbreak.core.i18n import translate
from deskbreak.core.kinds import BreakKind
from deskbreak.core.session import BreakAnnounced
from deskbreak.core.settings import Settings

log = logging.getLogger("deskbreak")


class Notices:
    """Notifications for the session's events; ``notifier`` may be None (nothing is said then)."""

    def __init__(self, notifier, settings: Callable[[], Settings], run_command: Callable[[cmd.Command], None]):
        self.notifier = notifier
        self._settings = settings
        self._run_command = run_command
        self._break_covered_shown = False
        if notifier is not None:
            notifier.on_action = self._action

    @property
    def postpone_label(self) -> str:
        return translate("app", "Postpone {delay}").format(
            delay=human_duration(self._settings().postpone.total_seconds()))

    def tell(self, title: str, body: str) -> None:
        self._send(title, body)

    def _send(self, title: str, body: str, **options) -> str | None:
        """Show a notification in place of ours; the backend's name, None without a notifier."""
        if self.notifier is None:
            return None
        # It replaces the offer to show a covered break, so the break coming back must not withdraw it.
        self._break_covered_shown = False
        return self.notifier.notify(title, body, **options)

    def withdraw(self) -> None:
        self._break_covered_shown = False
        if self.notifier is not None:
            self.notifier.withdraw()

    def break_covered(self, kind_label: str) -> None:
        """The break window lost the keyboard where another window can cover it: offer it back."""
        self._break_covered_shown = self._send(
            translate("app", "{kind} in progress").format(kind=kind_label),
            translate("app", "Another window may be covering it."),
            actions=[("show-break", translate("app", "Show the break"))]) is not None

    def break_in_view(self) -> None:
        """The break window has the keyboard again: the offer to bring it back goes."""
        if self._break_covered_shown:
            self.withdraw()

    def render(self, event) -> None:
        """Say what ``event`` means to the user, when it is news."""
        if isinstance(event, BreakAnnounced):
            self._announce(event)
        elif isinstance(event, BreakOverdue):
            self.tell(translate("app", "{kind} overdue").format(kind=event.brk.kind.label),
                      translate("app", "It waited {delay} for: {reason}. It starts when that ends; "
                                       "or take it now from the tray.").format(
                          delay=human_duration(self._settings().dnd_max_delay.total_seconds()),
                          reason=event.reason))
        elif isinstance(event, RunEnded) and event.offer_cooldown:
            self._send(translate("app", "Run done? Time to cool down"), translate("describe", COOLDOWN_ADVICE),
                       actions=[("cooldown", translate("app", "Start back-care routine"))])
        elif isinstance(event, Refused):
            self.tell("deskbreak", event.reason)

    def _announce(self, event: BreakAnnounced) -> None:
        plan = event.plan
        title, body = prelude_message(plan.brk, event.at, list(plan.featured), plan.seconds)
        # It expires when the break starts, and offers Postpone where the desktop can.
        lead = max(1.0, (plan.brk.due - event.at).total_seconds())
        backend = self._send(title, body, expire_s=lead, actions=[("postpone", self.postpone_label)])
        if backend is not None:
            log.info("prelude notification via %s: %s", backend, title)

    def _action(self, key: str) -> None:
        if key == "postpone":
            self._run_command(cmd.Postpone())
        elif key == "cooldown":
            self._run_command(cmd.StartBreak(BreakKind.EVENING))
        elif key == "show-break":
            self._run_command(cmd.ShowBreak())
