"""Widget tests: offscreen Qt, the real catalog, and a fake clock.

``QT_QPA_PLATFORM`` must be set before the QApplication exists; setting it
here, at import, makes ``pytest tests/ui`` work without the variable.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from deskbreak.core.catalog import Catalog, load_catalog  # noqa: E402

_HERE = Path(__file__).resolve().parent

# The offscreen platform plugin warns that it cannot raise a window or pass
# size hints to a window manager it does not have. Those are facts about the
# test platform, not bugs in deskbreak, so only they are let through; every
# other Qt warning still fails the test (qt_log_level_fail in pyproject.toml).
OFFSCREEN_PLATFORM_NOTES = (
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support propagateSizeHints\(\)$",
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _HERE not in Path(str(item.path)).resolve().parents:
            continue
        # pytest-qt reads only the closest qt_log_ignore mark: merge with a test's own.
        own = item.get_closest_marker("qt_log_ignore")
        patterns = (*(own.args if own else ()), *OFFSCREEN_PLATFORM_NOTES)
        kwargs = own.kwargs if own else {}
        item.add_marker(pytest.mark.qt_log_ignore(*patterns, **kwargs), append=False)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()
