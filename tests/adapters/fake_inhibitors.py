"""A fake GNOME session manager or KDE power management holding the inhibitors players take.

``python fake_inhibitors.py gnome --inhibited-actions 8`` owns
``org.gnome.SessionManager`` and answers ``Get("org.gnome.SessionManager",
"InhibitedActions")`` with that number (gnome-session's flags: 4 suspend,
8 idle). ``python fake_inhibitors.py kde --inhibited-policies 5`` owns
``org.kde.Solid.PowerManagement`` and answers PolicyAgent's
``HasInhibition(policies)`` with whether any asked policy is inhibited
(PowerDevil's flags: 1 interrupt session, 4 change screen settings), as
PowerDevil does, and only when the policies come as a uint32. Anything else
gets the error a real service gives. Prints READY once the name is owned.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtDBus import QDBusMessage, QDBusVariant

from fake_bus_object import PROPERTIES, FakeObject, serve

GNOME = "org.gnome.SessionManager"
GNOME_PATH = "/org/gnome/SessionManager"
GNOME_INTROSPECTION = f'<interface name="{GNOME}"><property name="InhibitedActions" type="u" access="read"/></interface>'
KDE = "org.kde.Solid.PowerManagement"
KDE_PATH = "/org/kde/Solid/PowerManagement/PolicyAgent"
KDE_INTERFACE = "org.kde.Solid.PowerManagement.PolicyAgent"
KDE_INTROSPECTION = (f'<interface name="{KDE_INTERFACE}"><method name="HasInhibition">'
                     '<arg type="u" direction="in"/><arg type="b" direction="out"/></method></interface>')


def gnome_session_manager(inhibited_actions: int) -> FakeObject:
    def answer(message: QDBusMessage) -> QDBusMessage | None:
        if (message.interface(), message.member(), message.arguments()) == (
                PROPERTIES, "Get", [GNOME, "InhibitedActions"]):
            return message.createReply(QDBusVariant(inhibited_actions))
        return None

    return FakeObject(GNOME_INTROSPECTION, answer)


def kde_policy_agent(inhibited_policies: int) -> FakeObject:
    def answer(message: QDBusMessage) -> QDBusMessage | None:
        if (message.interface(), message.member(), message.signature()) == (KDE_INTERFACE, "HasInhibition", "u"):
            (policies,) = message.arguments()
            return message.createReply(bool(policies & inhibited_policies))
        return None

    return FakeObject(KDE_INTROSPECTION, answer)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("desktop", choices=("gnome", "kde"))
    parser.add_argument("--inhibited-actions", type=int, default=0)
    parser.add_argument("--inhibited-policies", type=int, default=0)
    options = parser.parse_args()
    if options.desktop == "gnome":
        return serve(GNOME, GNOME_PATH, gnome_session_manager(options.inhibited_actions))
    return serve(KDE, KDE_PATH, kde_policy_agent(options.inhibited_policies))


if __name__ == "__main__":
    sys.exit(main())
