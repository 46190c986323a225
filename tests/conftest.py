"""Shared fixtures: paths to the repository, its assets and the source documents; the desktop guard.

The two source articles are not part of the repository. Tests that compare
quotes with them look in ``$DESKBREAK_SOURCES``, then ``../shared/sources``
beside the repository; without them those tests skip with one line saying
where to put them, except under ``CI``, where the documents are required.

Only tests of the desktop tier (marked ``desktop``) may start Xvfb, openbox,
trayer or dunst; anywhere else that fails the test (support/desktop_guard.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.ci import skip_or_fail_under_ci
from support.desktop_guard import DesktopGuard

REPO = Path(__file__).resolve().parent.parent
SOURCES_ENV = "DESKBREAK_SOURCES"

# The tests read English (the catalog's source language) whatever the tester's
# language: set before Qt reads the locale, and inherited by every subprocess.
# Tests of the German catalog install it themselves.
for _variable in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANGUAGE"] = "en"
os.environ["LANG"] = "C.UTF-8"


DESKTOP_GUARD = DesktopGuard()
DESKTOP_GUARD.install()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    """Only a test marked ``desktop`` may start Xvfb, openbox, trayer or dunst (support/desktop_guard.py)."""
    DESKTOP_GUARD.desktop_allowed = item.get_closest_marker("desktop") is not None
    DESKTOP_GUARD.test = item.nodeid
    try:
        return (yield)
    finally:
        DESKTOP_GUARD.desktop_allowed = True


@pytest.fixture(autouse=True)
def _english_again_after_each_test():
    """`deskbreak.cli.main` installs the environment's language for the rest of the process."""
    yield
    from deskbreak.core import i18n

    i18n.install(None)


def sources_dir() -> Path:
    """The folder holding the two source articles; FileNotFoundError naming where to put them."""
    candidates = [Path(os.environ[SOURCES_ENV])] if os.environ.get(SOURCES_ENV) else []
    candidates += [REPO.parent / "shared" / "sources", REPO / "shared" / "sources"]
    for candidate in candidates:
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise FileNotFoundError(
        f"source documents not found: put them in {REPO.parent / 'shared' / 'sources'} or set ${SOURCES_ENV}"
    )


@pytest.fixture(scope="session")
def source_texts() -> dict[str, str]:
    try:
        directory = sources_dir()
    except FileNotFoundError as missing:
        skip_or_fail_under_ci(str(missing))
    return {p.name: p.read_text(encoding="utf-8") for p in directory.glob("*.txt")}
