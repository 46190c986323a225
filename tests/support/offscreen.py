"""In-process Qt on the offscreen platform, and the two notes of that platform that are not bugs.

``QT_QPA_PLATFORM`` must be set before the QApplication exists, so the tiers
that make one in the test process call :func:`use_offscreen_platform` from
their conftest, at import. Children that must see a real display get an
environment of their own (the desktop harness removes the variable).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The offscreen platform plugin warns that it cannot raise a window or pass
# size hints to a window manager it does not have. Those are facts about the
# test platform, not bugs in deskbreak, so only they are let through; every
# other Qt warning still fails the test (qt_log_level_fail in pyproject.toml).
OFFSCREEN_PLATFORM_NOTES = (
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def use_offscreen_platform() -> None:
    """This process's Qt draws offscreen, unless the caller chose a platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def let_offscreen_notes_through(items: list[pytest.Item], folder: Path) -> None:
    """Add :data:`OFFSCREEN_PLATFORM_NOTES` to the ``qt_log_ignore`` mark of every test under ``folder``.

    pytest-qt reads only the closest ``qt_log_ignore`` mark, so a test's own
    patterns are merged in rather than shadowed.
    """
    for item in items:
        if folder not in Path(str(item.path)).resolve().parents:
            continue
        own = item.get_closest_marker("qt_log_ignore")
        patterns = (*(own.args if own else ()), *OFFSCREEN_PLATFORM_NOTES)
        item.add_marker(pytest.mark.qt_log_ignore(*patterns, **(own.kwargs if own else {})), append=False)
