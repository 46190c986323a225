"""The desktop test tier: real programs on a virtual X desktop started by pytest.

Fixtures:

* ``virtual_desktop`` (session): a :class:`~tests.desktop.desktop.VirtualDesktop`
  running Xvfb, a private session bus, openbox, trayer and dunst; its ``env``
  is what child processes get.
* ``desktop`` (function): a :class:`~tests.desktop.desktop.DesktopTestContext`
  on that desktop: ``spawn()`` processes that are stopped after the test,
  ``notifications()`` limited to this test, and every helper of the desktop.

Every test in this folder is marked ``desktop``. When a program the tier needs
is missing, the tests skip (naming the programs and the ``apt-get`` line), or
fail when the ``CI`` variable is set. When a test fails, a screenshot, dunst's
history, the window tree and the stderr of the test's processes are saved in
its ``tmp_path`` and listed in the report under "desktop artifacts".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from support.bus import bus, private_bus, spawn_on_bus  # noqa: F401  (fixtures of this tier)
from support.ci import in_ci, skip_or_fail_under_ci
from support.offscreen import use_offscreen_platform

from .desktop import (
    DesktopTestContext,
    VirtualDesktop,
    collect_artifacts,
    context_for,
    missing_packages,
    missing_programs,
)

# The adapter tests of this tier make a QApplication in the test process, with
# no window to show: offscreen. Every child gets the desktop's env, without it.
use_offscreen_platform()

HERE = Path(__file__).resolve().parent
REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


def _missing_message(missing: list[str]) -> str:
    packages = " ".join(missing_packages(missing))
    return (
        f"desktop test tier needs programs that are not installed: {', '.join(missing)}; "
        f"install them with `sudo apt-get install {packages}` "
        f"(or run `make test` as root, which installs them)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = missing_programs()
    skip = None if (not missing or in_ci()) else pytest.mark.skip(reason=_missing_message(missing))
    for item in items:
        if HERE not in item.path.resolve().parents:
            continue
        item.add_marker(pytest.mark.desktop)
        if skip is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def virtual_desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtualDesktop]:
    missing = missing_programs()
    if missing:
        skip_or_fail_under_ci(_missing_message(missing))
    desktop = VirtualDesktop(tmp_path_factory.mktemp("virtual-desktop"))
    desktop.start()
    try:
        yield desktop
    finally:
        desktop.stop()


@pytest.fixture
def desktop(virtual_desktop: VirtualDesktop, tmp_path: Path) -> Iterator[DesktopTestContext]:
    with context_for(virtual_desktop, tmp_path) as context:
        yield context


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report: pytest.TestReport = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    if report.failed and report.when in ("setup", "call"):
        _save_failure_artifacts(item, report)
    return report


def _save_failure_artifacts(item: pytest.Item, report: pytest.TestReport) -> None:
    funcargs = getattr(item, "funcargs", {})
    context = funcargs.get("desktop")
    desktop = funcargs.get("virtual_desktop")
    if isinstance(context, DesktopTestContext):
        dest, text = context.collect_failure_artifacts()
    elif isinstance(desktop, VirtualDesktop):
        tmp_path = funcargs.get("tmp_path")
        base = Path(tmp_path) if tmp_path else desktop.workdir / "failures" / _safe(item.nodeid)
        dest, text = collect_artifacts(desktop, base / "desktop-failure", {})
    else:
        return
    report.sections.append(("desktop artifacts", text))
    item.user_properties.append(("desktop_artifacts", str(dest)))


def _safe(nodeid: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in nodeid)[-120:]
