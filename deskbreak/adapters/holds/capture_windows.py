"""Is a microphone or a camera in use on Windows? The privacy settings' consent store says.

Windows records, for the privacy page that lists who uses the microphone and
the camera, when each app last started and stopped using them: a subkey per
Store app under ``ConsentStore\\microphone`` (and ``webcam``), a subkey per
desktop app (its path, "#" for "\\") under their ``NonPackaged`` key, with the
FILETIMEs ``LastUsedTimeStart`` and ``LastUsedTimeStop``. An app that has
started and whose stop is 0 is using it now. Written from Microsoft's
documented layout and tested with a fake registry; not run on Windows.
"""

from __future__ import annotations

from typing import Any

CONSENT_STORE = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"
CAPABILITIES = ("microphone", "webcam")
DESKTOP_APPS = "NonPackaged"
#: Apps listed per key at most; a store that lists more is read no further.
APP_LIMIT = 2000


class ConsentStore:
    """Some app uses the microphone or the camera now, by the current user's consent store (``winreg``)."""

    name = "consent-store"

    def __init__(self, registry: Any = None) -> None:
        if registry is None:
            import winreg as registry  # noqa: PLC0415  (Windows only)
        self._registry = registry

    def capturing(self) -> bool | None:
        for capability in CAPABILITIES:
            key = rf"{CONSENT_STORE}\{capability}"
            if self._used_now(key) or self._used_now(rf"{key}\{DESKTOP_APPS}"):
                return True
        return False

    def _used_now(self, path: str) -> bool:
        registry = self._registry
        try:
            key = registry.OpenKey(registry.HKEY_CURRENT_USER, path)
        except OSError:  # never asked for, or no such capability on this Windows
            return False
        with key:
            for index in range(APP_LIMIT):
                try:
                    app = registry.EnumKey(key, index)
                except OSError:  # no more subkeys
                    return False
                if app != DESKTOP_APPS and self._app_uses_it(key, app):
                    return True
        return False

    def _app_uses_it(self, key: Any, app: str) -> bool:
        registry = self._registry
        try:
            with registry.OpenKey(key, app) as app_key:
                started = registry.QueryValueEx(app_key, "LastUsedTimeStart")[0]
                stopped = registry.QueryValueEx(app_key, "LastUsedTimeStop")[0]
        except OSError:  # allowed, never used: no times yet
            return False
        return isinstance(started, int) and started > 0 and stopped == 0
