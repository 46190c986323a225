"""The running app answers `status` with exactly the keys core/protocol.py declares (scripts rely on them)."""

from __future__ import annotations

from deskbreak.core.protocol import STATUS_KEYS
from deskbreak.shell.control import answer

from .test_app import make_app


def test_the_status_report_has_exactly_the_declared_keys(qtbot, tmp_path):
    app = make_app(tmp_path)
    app.start()
    try:
        assert list(app.status_report()) == list(STATUS_KEYS)
        assert list(answer(app, {"command": "show"})) == list(STATUS_KEYS)
    finally:
        app.shutdown()
