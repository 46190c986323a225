"""The Wayland test tier: the real app on headless GNOME Shell and KWin, started by pytest.

Fixtures:

* ``gnome`` / ``kwin`` (module): one compositor shared by a test module
  (:mod:`tests.wayland.sessions`), built with the module's ``GNOME_OPTIONS`` /
  ``KWIN_OPTIONS`` (``monitors=2``; ``plasma=True`` adds plasmashell, the tray).
* ``wayland`` (module, parametrized): GNOME, then KDE, for the tests that hold
  on both desktops; the first compositor stops before the second starts.
* ``launch``: ``launch(session, profile, *args)`` starts deskbreak on a
  session, waits until its control socket answers, and stops it after the test.

Every test here is marked ``desktop`` and ``wayland``, so ``make test-fast``
leaves the tier out. Without the Debian packages of a desktop, its tests skip
in one line naming them; under ``CI`` they fail instead (``make test`` as
root installs them). A failing test's report lists a screenshot of the
compositor and the stderr of the app and the compositor.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support.app_cli import deskbreak_cmd, status
from support.ci import skip_or_fail_under_ci
from support.offscreen import use_offscreen_platform
from support.processes import Process, wait_for

from .sessions import GNOME_PROGRAMS, KDE_PROGRAMS, PLASMA_PROGRAMS, GnomeShell, KWin, WaylandSession, missing

use_offscreen_platform()

HERE = Path(__file__).resolve().parent
SESSIONS = pytest.StashKey[list[WaylandSession]]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.resolve().parents:
            item.add_marker(pytest.mark.desktop)
            item.add_marker(pytest.mark.wayland)


def _require(programs: dict[str, str], desktop: str) -> None:
    gaps = missing(programs)
    if gaps:
        skip_or_fail_under_ci(f"the {desktop} Wayland tier needs `sudo apt-get install {' '.join(gaps)}` "
                              f"(or `make test` as root)")


def _session(request: pytest.FixtureRequest, session: WaylandSession) -> Iterator[WaylandSession]:
    session.start()
    request.config.stash.setdefault(SESSIONS, []).append(session)
    try:
        yield session
    finally:
        session.stop()
        request.config.stash[SESSIONS].remove(session)


def _options(request: pytest.FixtureRequest, name: str) -> dict:
    return getattr(request.module, name, {})


@pytest.fixture(scope="module")
def gnome(request, tmp_path_factory) -> Iterator[GnomeShell]:
    _require(GNOME_PROGRAMS, "GNOME")
    yield from _session(request, GnomeShell(tmp_path_factory.mktemp("gnome"),
                                            **_options(request, "GNOME_OPTIONS")))


@pytest.fixture(scope="module")
def kwin(request, tmp_path_factory) -> Iterator[KWin]:
    options = _options(request, "KWIN_OPTIONS")
    _require(PLASMA_PROGRAMS if options.get("plasma") else KDE_PROGRAMS, "KDE")
    yield from _session(request, KWin(tmp_path_factory.mktemp("kwin"), **options))


@pytest.fixture(scope="module", params=["gnome", "kde"])
def wayland(request) -> WaylandSession:
    return request.getfixturevalue("gnome" if request.param == "gnome" else "kwin")


@pytest.fixture
def launch(request, tmp_path) -> Iterator[Callable[..., Process]]:
    """``launch(session, profile, *args)``: deskbreak on ``session``, ready for CLI requests."""
    started: list[Process] = []

    def start(session: WaylandSession, profile: Path, *args: str) -> Process:
        app = session.spawn(deskbreak_cmd(profile, *args), name=f"deskbreak-{len(started)}",
                            log_dir=tmp_path / "logs")
        started.append(app)
        request.node.stash.setdefault(APPS, []).append((session, app))
        wait_for(lambda: _answers(session, profile, app), 30, 0.3, "deskbreak's control socket")
        return app

    yield start
    for app in started:
        app.terminate(timeout=10)


APPS = pytest.StashKey[list[tuple[WaylandSession, Process]]]()


def _answers(session: WaylandSession, profile: Path, app: Process) -> bool:
    if not app.running():
        raise AssertionError(f"deskbreak exited with {app.returncode}:\n{app.stderr()[-3000:]}")
    try:
        return bool(status(session.env, profile))
    except Exception:  # noqa: BLE001 (not listening yet)
        return False


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report: pytest.TestReport = yield
    if report.failed and report.when == "call" and HERE in item.path.resolve().parents:
        report.sections.append(("wayland artifacts", _artifacts(item)))
    return report


def _artifacts(item: pytest.Item) -> str:
    dest = Path(str(item.funcargs.get("tmp_path", HERE))) / "wayland-failure"
    dest.mkdir(parents=True, exist_ok=True)
    lines = [f"saved in {dest}"]
    for session in item.config.stash.get(SESSIONS, []):
        try:
            lines.append(f"  screenshot: {session.screenshot(dest / f'{session.name}-{time.time():.0f}.png')}")
            lines.append(f"  windows: {session.windows()}")
        except Exception as error:  # noqa: BLE001 (a dead compositor is itself the finding)
            lines.append(f"  {session.name}: no screenshot ({error})")
        for name, process in session.daemons.items():
            lines.append(f"  {name}: {'running' if process.running() else process.returncode}, "
                         f"log {process.stderr_path}")
    for _, app in item.stash.get(APPS, []):
        lines.append(f"  app stderr ({app.stderr_path}):\n{app.stderr()[-3000:]}")
    return "\n".join(lines)

