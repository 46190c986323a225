"""The core stays pure: no Qt, and no clock reads outside clock.py."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "deskbreak" / "core"
PACKAGE = CORE.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_modules_never_import_qt():
    for path in CORE.glob("*.py"):
        qt = {m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6")}
        assert not qt, f"{path.name} imports {qt}"


def test_importing_the_core_and_cli_loads_no_qt():
    code = (
        "import sys, deskbreak.cli, deskbreak.core.engine, deskbreak.core.history;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_only_clock_reads_the_time():
    forbidden = ("datetime.now(", "time.time(", "time.monotonic(", "date.today(")
    for path in PACKAGE.rglob("*.py"):
        if path == CORE / "clock.py":
            continue
        text = path.read_text(encoding="utf-8")
        for call in forbidden:
            assert call not in text, f"{path.relative_to(PACKAGE)} calls {call}"
