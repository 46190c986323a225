"""The layers stay apart: the core has no Qt and reads no clock outside clock.py; each layer imports only those below it."""

from __future__ import annotations

import ast
import re
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
    for path in CORE.rglob("*.py"):
        qt = {m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6", "apscheduler")}
        assert not qt, f"{path.relative_to(CORE)} imports {qt}"


def test_importing_the_core_and_cli_loads_no_qt():
    code = (
        "import sys, deskbreak.cli, deskbreak.core.scheduling.engine, deskbreak.core.history;"
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


# -- the layers (docs/ARCHITECTURE.md) ----------------------------------------------

LAYER_RULES = {
    # layer folder: deskbreak packages it must never import
    "core": ("deskbreak.adapters", "deskbreak.shell", "deskbreak.ui", "deskbreak.cli"),
    "adapters": ("deskbreak.shell", "deskbreak.ui", "deskbreak.cli"),
    "shell": ("deskbreak.ui", "deskbreak.cli"),
}


def _imports_under(folder: Path) -> dict[str, set[str]]:
    return {str(path.relative_to(PACKAGE)): imported_modules(path) for path in folder.rglob("*.py")}


def test_each_layer_imports_only_the_layers_below_it():
    broken = []
    for layer, forbidden in LAYER_RULES.items():
        for module, names in _imports_under(PACKAGE / layer).items():
            bad = sorted(name for name in names if name.startswith(forbidden))
            if bad:
                broken.append(f"{module} imports {bad}")
    assert not broken, "\n".join(broken)


def test_the_architecture_map_names_only_packages_that_exist():
    text = (PACKAGE.parent / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:core|adapters|shell|ui|cli)/[a-z_/]*(?:\.py)?)`", text))
    assert len(named) >= 20, named
    missing = sorted(name for name in named if not (PACKAGE / name).exists())
    assert not missing, missing


# The limit: past it a module mixes jobs, and each job wants its own module.
MAX_MODULE_LINES = 600


def test_no_module_is_over_600_lines():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            offenders.append(f"{path.relative_to(PACKAGE)}: {lines} lines")
    assert not offenders, f"over {MAX_MODULE_LINES} lines:\n" + "\n".join(offenders)
