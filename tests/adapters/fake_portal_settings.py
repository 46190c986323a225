"""A fake xdg-desktop-portal answering only its Settings interface, for the reduced-motion preference.

``python fake_portal_settings.py --reduced-motion 0|1|absent [--read-only]``
owns ``org.freedesktop.portal.Desktop`` and answers
``org.freedesktop.portal.Settings.ReadOne("org.freedesktop.appearance",
"reduced-motion")`` with the value, or with the portal's NotFound error
for ``absent`` (a portal older than the key). ``--read-only`` answers only
the older ``Read``, whose value comes wrapped in a second variant, as
portals before ``ReadOne`` did. Prints READY once the name is owned.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtDBus import QDBusMessage, QDBusVariant

from fake_bus_object import FakeObject, serve

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
SETTINGS = "org.freedesktop.portal.Settings"
INTROSPECTION = (f'<interface name="{SETTINGS}">'
                 '<method name="ReadOne"><arg type="s" direction="in"/><arg type="s" direction="in"/>'
                 '<arg type="v" direction="out"/></method>'
                 '<method name="Read"><arg type="s" direction="in"/><arg type="s" direction="in"/>'
                 '<arg type="v" direction="out"/></method></interface>')


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reduced-motion", choices=("0", "1", "absent"), required=True)
    parser.add_argument("--read-only", action="store_true")
    options = parser.parse_args()
    methods = ("Read",) if options.read_only else ("ReadOne", "Read")

    def answer(message: QDBusMessage) -> QDBusMessage | None:
        if message.interface() != SETTINGS or message.member() not in methods:
            return None
        if tuple(message.arguments()) != ("org.freedesktop.appearance", "reduced-motion") \
                or options.reduced_motion == "absent":
            return message.createErrorReply("org.freedesktop.portal.Error.NotFound", "Requested setting not found")
        value = QDBusVariant(int(options.reduced_motion))
        return message.createReply(value if message.member() == "ReadOne" else QDBusVariant(value))

    return serve(SERVICE, PATH, FakeObject(INTROSPECTION, answer))


if __name__ == "__main__":
    sys.exit(main())
