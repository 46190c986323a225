"""The Qt application shell (tray, notifications, break window)."""

from __future__ import annotations

import sys


def run_app(profile) -> int:
    print("deskbreak: the tray app is not built yet; try 'deskbreak catalog'.", file=sys.stderr)
    return 1
