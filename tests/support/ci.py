"""Skip here, fail under CI: the one policy for a test that needs something not installed.

On a developer's machine a missing program or document skips the test with a
line saying how to get it. Under ``CI`` (GitHub, GitLab and most others set
it) the same gap fails the test, because ``make test`` installs everything
and a skip there would hide a test that never ran.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """True when the ``CI`` variable is set to anything but an empty, 0, false or no."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip_or_fail_under_ci(reason: str) -> NoReturn:
    """Skip the running test (or fixture) with ``reason``; under CI fail it with that reason."""
    if in_ci():
        pytest.fail(f"CI is set and {reason}", pytrace=False)
    pytest.skip(reason)


def require_program(program: str, package: str) -> str:
    """The path of ``program``; without it skip (fail under CI) naming the Debian ``package``."""
    found = shutil.which(program)
    if found is None:
        skip_or_fail_under_ci(f"{program} is not installed: `sudo apt-get install {package}` "
                              f"(or run `make test` as root)")
    return found
