"""The command line and the shell import no window code: the UI is loaded only to open a window."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import REPO

PACKAGE = REPO / "deskbreak"
# The only windows the command line opens: the tray app (`run`, `settings`) and the pictures of `catalog --render`.
CLI_WINDOW_MODULES = {"deskbreak.ui.startup", "deskbreak.ui.render"}


def imported(path) -> dict[str, list[int]]:
    """Each module ``path`` imports, with the lines (module level or inside a function)."""
    names: dict[str, list[int]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        modules = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                   else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
        for module in modules:
            names.setdefault(module, []).append(node.lineno)
    return names


def test_the_cli_imports_of_the_ui_only_what_opens_a_window():
    modules = sorted((PACKAGE / "cli").glob("*.py"))
    assert modules, "the command line is the package deskbreak/cli"
    ui = {m for path in modules for m in imported(path) if m.startswith("deskbreak.ui")}
    assert ui <= CLI_WINDOW_MODULES, ui - CLI_WINDOW_MODULES


def test_the_shell_imports_no_ui():
    for path in (PACKAGE / "shell").glob("*.py"):
        ui = {m for m in imported(path) if m.startswith("deskbreak.ui")}
        assert not ui, f"shell/{path.name} imports {ui}"


def test_control_verbs_load_no_ui_module(tmp_path):
    code = ("import sys; from deskbreak.cli import main\n"
            f"status = main(['--data-dir', {str(tmp_path)!r}, '--config-dir', {str(tmp_path)!r}, 'status'])\n"
            f"main(['--data-dir', {str(tmp_path)!r}, '--config-dir', {str(tmp_path)!r}, 'config', 'set', 'volume', '5'])\n"
            "print(status, sorted(m for m in sys.modules if m.startswith('deskbreak.ui')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.splitlines()[-1] == "1 []", out.stdout + out.stderr
