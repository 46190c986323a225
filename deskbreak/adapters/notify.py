"""Desktop notifications, one quiet one at a time.

deskbreak keeps at most one notification on screen: a new one replaces the
previous, and the app withdraws a prelude's notice when its break starts, is
skipped or postponed. The chain tries, in order:

1. :class:`FreedesktopNotifier` (Linux and other freedesktop desktops): the
   ``org.freedesktop.Notifications`` service spoken to directly over QtDBus.
   It is the only backend that can replace, expire and close a notification
   and offer a "Postpone" button, because it keeps the id the server returns.
2. :class:`PlyerNotifier`: Windows and macOS, and Linux when the direct path
   cannot be used. On Linux plyer runs ``notify-send`` (Debian's
   libnotify-bin), not dbus-python, which has no wheels and needs a compiler:
   a poor trade for one message a half hour. ``notify-send`` does not report
   failure, so plyer is only tried when a notification service is running or
   can be started. It cannot replace or close a notification; it is given a
   timeout so at least it goes away.
3. The tray icon's own balloon, which the app inserts (``backends.insert(1,
   ...)``); with an XEmbed tray Qt draws it itself.
4. :class:`NullNotifier`, which only logs: a desktop without any of these
   never costs the app more than the message.
"""

from __future__ import annotations

import ctypes
import functools
import inspect
import logging
import os
import shutil
import sys
import warnings
from typing import Callable, Sequence

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import (
    QDBus,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusServiceWatcher,
)

from deskbreak.core import markup
from deskbreak.core.ports import Notifier

log = logging.getLogger(__name__)

APP_NAME = "deskbreak"
DESKTOP_ENTRY = "deskbreak"  # assets/desktop/deskbreak.desktop: lets the desktop show our name and icon
NOTIFICATION_SECONDS = 15
CALL_TIMEOUT_S = 1.0

NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS_INTERFACE = "org.freedesktop.Notifications"

Action = tuple[str, str]
"""(key, label): the key comes back through ``actionInvoked`` / ``on_action``."""


class PlyerNotifier:
    """plyer's notification: it can neither replace nor close, but it expires."""

    name = "plyer"

    def __init__(self, icon_path: str = "", service_present: Callable[[], bool] | None = None):
        self._icon_path = icon_path
        self._service_present = service_present

    def available(self) -> bool:
        if sys.platform.startswith("linux"):
            if shutil.which("notify-send") is None:
                return False
            return self._service_present() if self._service_present else True
        return sys.platform in ("win32", "darwin")

    def notify(self, title: str, message: str, *, expire_s: float | None = None,
               actions: Sequence[Action] = ()) -> bool:
        # plyer has no buttons: the actions are dropped, and the tray menu still offers them.
        try:
            from plyer import notification

            with warnings.catch_warnings():
                # plyer warns that dbus-python is missing each time it picks a
                # backend; notify-send is our deliberate choice (see above).
                warnings.simplefilter("ignore")
                notification.notify(
                    title=title,
                    message=message,
                    app_name=APP_NAME,
                    app_icon=self._icon_path,
                    # Whole seconds, and never 0, which notify-send reads as "stay forever".
                    timeout=NOTIFICATION_SECONDS if expire_s is None else max(1, round(expire_s)),
                )
        except Exception as exc:  # plyer raises anything from NotImplementedError to OSError
            log.warning("plyer could not notify: %s", exc)
            return False
        return True

    def withdraw(self) -> None:
        """Nothing to do: plyer cannot close what it showed; its timeout will."""


class NullNotifier:
    name = "none"

    def available(self) -> bool:
        return True

    def notify(self, title: str, message: str, *, expire_s: float | None = None,
               actions: Sequence[Action] = ()) -> bool:
        log.info("notification (no backend): %s: %s", title, message)
        return True

    def withdraw(self) -> None:
        pass


class FreedesktopNotifier(QObject):
    """The desktop's notification service (``org.freedesktop.Notifications``) over QtDBus.

    It keeps the id the server returns for our notification and passes it as
    ``replaces_id`` next time, so the new notification takes the old one's
    place; :meth:`withdraw` closes it. When the server closes it (it expired
    or the user dismissed it), or another server takes over, the id is
    forgotten, so nothing later refers to a stale one. Buttons are offered
    only when the server lists the ``actions`` capability; a click arrives as
    :attr:`actionInvoked` with the action's key, and only for our own
    notification.

    Every call waits at most ``call_timeout_s``: a hung server costs that much
    per notification, never a frozen app, and the chain moves on. Failures
    are logged and return False; nothing here raises.
    """

    name = "freedesktop"
    actionInvoked = Signal(str)

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        *,
        icon_path: str = "",
        call_timeout_s: float = CALL_TIMEOUT_S,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._icon_path = icon_path
        self._timeout_ms = max(1, round(call_timeout_s * 1000))
        self._shown_id: int | None = None
        self._capabilities: frozenset[str] | None = None
        if self._bus.isConnected():
            self._listen()

    def _listen(self) -> None:
        # Connecting by the well-known name makes Qt accept these signals only
        # from whoever owns it, and follow a restarted server.
        for member, slot in (("ActionInvoked", "_action_invoked(uint,QString)"),
                             ("NotificationClosed", "_notification_closed(uint,uint)")):
            if not self._bus.connect(NOTIFICATIONS_SERVICE, NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE,
                                     member, self, SLOT(slot)):
                log.warning("notifications: cannot listen to %s: %s", member, self._bus.lastError().message())
        self._watcher = QDBusServiceWatcher(NOTIFICATIONS_SERVICE, self._bus,
                                            QDBusServiceWatcher.WatchModeFlag.WatchForOwnerChange, self)
        self._watcher.serviceOwnerChanged.connect(self._server_changed)

    # -- the notifier API ----------------------------------------------------

    @property
    def showing(self) -> bool:
        """Whether our notification is on screen, as far as the server has told us."""
        return self._shown_id is not None

    def available(self) -> bool:
        return (self._bus.isConnected() and dbus_uint32_supported()
                and notification_service_present(self._bus, self._timeout_ms))

    def notify(self, title: str, message: str, *, expire_s: float | None = None,
               actions: Sequence[Action] = ()) -> bool:
        """Show ``title``/``message`` in place of our previous notification; False if the server failed."""
        capabilities = self._server_capabilities() if dbus_uint32_supported() else None
        if capabilities is None:
            return False
        summary, body = title, message
        if "body" not in capabilities:
            summary, body = f"{title}: {' '.join(message.split())}", ""
        elif "body-markup" in capabilities:
            body = markup.escape(body, quote=False)  # a "<" or "&" in our text is text, not markup
        offered = [part for action in actions for part in action] if "actions" in capabilities else []
        reply = self._call(
            "Notify",
            APP_NAME,
            dbus_uint32(self._shown_id or 0),
            self._icon_path,
            summary,
            body,
            dbus_strings(offered),
            {"desktop-entry": DESKTOP_ENTRY},
            expire_timeout_ms(expire_s),
        )
        if not reply:
            return False
        self._shown_id = int(reply[0])
        return True

    def withdraw(self) -> None:
        """Close our notification if one is shown; without waiting, so a hung server costs nothing."""
        if self._shown_id is None:
            return
        shown, self._shown_id = self._shown_id, None
        message = _method_call(NOTIFICATIONS_SERVICE, NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE,
                               "CloseNotification", [dbus_uint32(shown)])
        message.setAutoStartService(False)  # never start a server just to close nothing
        if not self._bus.send(message):
            log.warning("notifications: could not close %s: %s", shown, self._bus.lastError().message())

    # -- the server ------------------------------------------------------------

    def _server_capabilities(self) -> frozenset[str] | None:
        """What the server draws (``body``, ``actions``, ...), asked once per server; None if it fails."""
        if self._capabilities is None:
            reply = self._call("GetCapabilities")
            if reply is None:
                return None
            self._capabilities = frozenset(reply[0]) if reply else frozenset()
            # Once per server, for whoever reads the log about a missing button.
            name, _vendor, version, *_ = (self._call("GetServerInformation") or []) + ["?"] * 4
            log.info("notifications: %s %s draws %s", name, version, ", ".join(sorted(self._capabilities)))
        return self._capabilities

    def _call(self, method: str, *arguments) -> list | None:
        return call_method(self._bus, NOTIFICATIONS_SERVICE, NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE,
                           method, arguments, self._timeout_ms)

    @Slot("uint", str)
    def _action_invoked(self, notification_id: int, action_key: str) -> None:
        # The server tells every client about every notification's buttons.
        if notification_id == self._shown_id:
            self.actionInvoked.emit(action_key)

    @Slot("uint", "uint")
    def _notification_closed(self, notification_id: int, reason: int) -> None:
        if notification_id == self._shown_id:
            self._shown_id = None

    def _server_changed(self, service: str, old_owner: str, new_owner: str) -> None:
        # A new server knows neither our id nor necessarily the old one's capabilities.
        self._shown_id = None
        self._capabilities = None


class NotifierChain:
    """Tries each backend in order, keeping at most one deskbreak notification on screen.

    The backend that delivered is remembered: :meth:`withdraw` reaches it, and
    when a later notification goes through another backend, the earlier one
    is withdrawn. A button pressed on a notification reaches :attr:`on_action`
    with the action's key. Backends written for the older two-argument
    ``notify(title, message)`` (test doubles, the tray balloon) still work;
    they get neither the expiry nor the buttons. A backend that raises is
    logged and skipped, so a notification never takes the app down.
    """

    def __init__(self, backends: Sequence[Notifier]):
        self.backends = list(backends) + [NullNotifier()]
        self.last_used: str | None = None
        self.on_action: Callable[[str], None] | None = None
        self._shown_by: Notifier | None = None
        self._forwarding: list[Notifier] = []

    def notify(self, title: str, message: str, *, expire_s: float | None = None,
               actions: Sequence[Action] = ()) -> str:
        """Show the notification through the first backend that delivers; return its name."""
        for backend in self.backends:
            if not self._delivered(backend, title, message, expire_s, actions):
                continue
            if self._shown_by is not None and self._shown_by is not backend:
                self._withdraw_from(self._shown_by)
            self._shown_by = backend
            self._forward_actions_of(backend)
            if backend.name != self.last_used:
                log.info("notifications: using %s", backend.name)
                self.last_used = backend.name
            return backend.name
        raise AssertionError("NullNotifier always delivers")

    def withdraw(self) -> None:
        """Take our notification off the screen, where the backend that showed it can."""
        if self._shown_by is not None:
            self._withdraw_from(self._shown_by)
            self._shown_by = None

    @staticmethod
    def _delivered(backend: Notifier, title: str, message: str, expire_s: float | None,
                   actions: Sequence[Action]) -> bool:
        try:
            if not backend.available():
                return False
            if _takes_options(backend.notify):
                return bool(backend.notify(title, message, expire_s=expire_s, actions=actions))
            return bool(backend.notify(title, message))
        except Exception:
            log.exception("notifications: %s failed", backend.name)
            return False

    @staticmethod
    def _withdraw_from(backend: Notifier) -> None:
        withdraw = getattr(backend, "withdraw", None)
        if withdraw is None:
            return
        try:
            withdraw()
        except Exception:
            log.exception("notifications: %s could not withdraw", backend.name)

    def _forward_actions_of(self, backend: Notifier) -> None:
        signal = getattr(backend, "actionInvoked", None)
        if signal is None or any(known is backend for known in self._forwarding):
            return
        signal.connect(self._action_invoked)
        self._forwarding.append(backend)

    def _action_invoked(self, action_key: str) -> None:
        if self.on_action is not None:
            self.on_action(action_key)


def _takes_options(notify: Callable) -> bool:
    try:
        parameters = inspect.signature(notify).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "expire_s" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


def default_notifier_chain(icon_path: str, bus: QDBusConnection | None = None) -> NotifierChain:
    """The chain the app starts with; the app adds the tray balloon once the tray exists.

    ``bus`` is the session bus unless given (tests give a private one).
    """
    if sys.platform.startswith("linux"):
        return NotifierChain([FreedesktopNotifier(bus, icon_path=icon_path),
                              PlyerNotifier(icon_path, notification_service_present)])
    return NotifierChain([PlyerNotifier(icon_path)])


def expire_timeout_ms(expire_s: float | None) -> int:
    """The spec's ``expire_timeout``: -1 leaves it to the server; never 0, which means "never expire"."""
    if expire_s is None:
        return -1
    return min(max(1, round(expire_s * 1000)), 2**31 - 1)


# -- QtDBus plumbing ---------------------------------------------------------------


def notification_service_present(bus: QDBusConnection | None = None,
                                 timeout_ms: int = round(CALL_TIMEOUT_S * 1000)) -> bool:
    """Whether the session bus has a notification service running or startable."""
    bus = bus if bus is not None else QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False

    def ask(method: str, *arguments) -> list:
        return call_method(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                           method, arguments, timeout_ms) or [None]

    if ask("NameHasOwner", NOTIFICATIONS_SERVICE)[0]:
        return True
    return NOTIFICATIONS_SERVICE in (ask("ListActivatableNames")[0] or ())


def call_method(bus: QDBusConnection, service: str, path: str, interface: str, method: str,
                arguments: Sequence, timeout_ms: int) -> list | None:
    """Call and wait at most ``timeout_ms``; the reply's arguments, or None (logged) on any error."""
    reply = bus.call(_method_call(service, path, interface, method, arguments), QDBus.CallMode.Block, timeout_ms)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        log.warning("D-Bus %s.%s failed: %s", service, method, reply.errorMessage() or reply.errorName())
        return None
    return reply.arguments()


def _method_call(service: str, path: str, interface: str, method: str, arguments: Sequence) -> QDBusMessage:
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    message.setArguments(list(arguments))
    return message


# What PySide6 sends for a Python value: str -> s, int -> i, dict -> a{sv},
# a list of str -> as, but an empty list -> av, and it has no way to say
# "unsigned": QDBusArgument's << takes a Python int as uint16 (q). Servers check
# the signature (dunst answers "(sisssava{sv}i) does not match (susssasa{sv}i)"),
# so the two awkward types are written into a QDBusArgument, which Qt copies
# into the message as is.


def dbus_strings(items: Sequence[str]) -> QDBusArgument:
    """A D-Bus ``as``, also when empty."""
    argument = QDBusArgument()
    # The whole list in one <<, as a QStringList. Never item by item: a str is
    # a sequence of str to PySide, so each item would go in as an array, and
    # libdbus aborts the process on an "as" holding arrays.
    argument << [str(item) for item in items]
    return argument


def dbus_uint32(value: int) -> QDBusArgument:
    """A D-Bus ``u``; only when :func:`dbus_uint32_supported`."""
    if not 0 <= value < 2**32:
        raise ValueError(f"{value} is not a uint32")
    argument = QDBusArgument()
    _uint32_writer()(_cpp_address(argument), value)
    return argument


def dbus_uint32_supported() -> bool:
    """Whether :func:`dbus_uint32` works in this process (it is checked once, then remembered)."""
    return _uint32_writer() is not None


@functools.cache
def _uint32_writer() -> Callable[[int, int], None] | None:
    # PySide binds only one of QDBusArgument's integer << operators, so the
    # uint one is called from the QtDBus library PySide itself loaded
    # (RTLD_NOLOAD: never a second copy). The symbol is Qt 6 ABI, stable
    # across its releases. If it cannot be found, or writes anything but a
    # "u", the freedesktop backend reports itself unavailable and the chain
    # uses plyer instead.
    try:
        library = ctypes.CDLL("libQt6DBus.so.6", mode=os.RTLD_NOLOAD)
        write = library["_ZN13QDBusArgumentlsEj"]  # QDBusArgument::operator<<(unsigned int)
    except (OSError, AttributeError) as exc:
        log.info("notifications: QtDBus cannot send a uint32 from Python here (%s)", exc)
        return None
    write.argtypes = (ctypes.c_void_p, ctypes.c_uint32)
    write.restype = ctypes.c_void_p
    probe = QDBusArgument()
    write(_cpp_address(probe), 1)
    if probe.currentSignature() != "u":
        log.warning("notifications: writing a uint32 gave %r, not 'u'", probe.currentSignature())
        return None
    return write


def _cpp_address(argument: QDBusArgument) -> int:
    import shiboken6

    return shiboken6.getCppPointer(argument)[0]
