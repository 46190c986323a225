"""Widget tests: offscreen Qt, the real catalog, and a fake clock.

``QT_QPA_PLATFORM`` must be set before the QApplication exists; setting it
here, at import, makes ``pytest tests/ui`` work without the variable.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deskbreak.core.content.catalog import Catalog, load_catalog
from support.app_builder import discard_built_apps
from support.offscreen import let_offscreen_notes_through, use_offscreen_platform

use_offscreen_platform()


def pytest_collection_modifyitems(config, items):
    let_offscreen_notes_through(items, Path(__file__).resolve().parent)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(autouse=True)
def _apps_end_with_their_test():
    """An app a test built never runs its timers in the next test (support/app_builder.py)."""
    yield
    discard_built_apps()
