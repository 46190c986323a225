"""What a waiting deskbreak keeps in memory: no heavy modules at idle, and no growth over breaks.

The modules are checked in a fresh process that runs the real ``deskbreak``
(``ui/startup.py``'s ``run_app``, offscreen, on a private profile) until it
has started and preloaded the poses, so no other test's imports hide one.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tracemalloc
import weakref
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPushButton, QStyleOptionButton, QWidget

from deskbreak.core import commands as cmd
from deskbreak.ui import style
from support.app_builder import app_parts  # noqa: F401  (a fixture)
from support.app_cli import deskbreak_cmd, first_run_note_read
from support.break_player import play_break, pump

REPO = Path(__file__).resolve().parents[2]

#: Modules a waiting deskbreak has no use for, each costing it memory of its own (alone):
#: asyncio (4.6 MB) and the ssl/OpenSSL it loads (2.4 MB), apscheduler 3 imports it for one
#: function; importlib.metadata (3.3 MB with the email package) reads every installed
#: package's entry points for apscheduler's plug-in tables; multiprocessing (1 MB) for its
#: process pools; uuid (0.4 MB, with platform) to name jobs (adapters/lean_apscheduler.py);
#: plistlib (0.15 MB with its XML parser) for macOS's login agent; difflib (0.17 MB) to suggest
#: the name a misspelt one meant; html (0.55 MB of named character references) to escape five characters.
HEAVY_AT_IDLE = ("asyncio", "ssl", "_ssl", "importlib.metadata", "email", "multiprocessing", "uuid", "platform",
                 "plistlib", "xml.parsers.expat", "difflib", "html")

#: Runs deskbreak's command line; once the poses preload has run (at once instead of after 3 s)
#: and the event loop has turned again, prints which of the modules named in argv[1] are loaded
#: and whether importlib.metadata looked for installed packages, then quits.
STARTED_PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import deskbreak.ui.app
from deskbreak.cli import main
from deskbreak.ui.break_host import BreakHost

watched = sys.argv[1].split(",")
deskbreak.ui.app.POSES_PRELOAD_MS = 0
preload = BreakHost.preload

def report_and_quit():
    metadata = sys.modules.get("importlib.metadata")
    searched = metadata is not None and metadata.FastPath.__new__.cache_info().currsize > 0
    import linecache
    import PySide6.QtCore, PySide6.QtWidgets
    print("STARTED " + json.dumps({"loaded": [m for m in watched if m in sys.modules],
                                   "types_built": sorted(name for module in (PySide6.QtCore, PySide6.QtWidgets)
                                                         for name, value in vars(module).items()
                                                         if isinstance(value, type)),
                                   "scanned_installed_packages": searched,
                                   "source_lines_kept": sum(len(entry[2]) for entry in linecache.cache.values()
                                                            if len(entry) > 2)}), flush=True)
    QApplication.instance().quit()

def preload_then_report(self):
    preload(self)
    QTimer.singleShot(0, report_and_quit)

BreakHost.preload = preload_then_report
sys.exit(main(sys.argv[2:]))
"""


def started_app_modules(profile: Path, watched: tuple[str, ...]) -> dict:
    first_run_note_read(profile)
    options = deskbreak_cmd(profile)[3:]  # the profile's options, without "python -m deskbreak"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", STARTED_PROBE, ",".join(watched), *options],
                          env=env, capture_output=True, text=True, timeout=60)
    lines = [line for line in done.stdout.splitlines() if line.startswith("STARTED ")]
    assert done.returncode == 0 and lines, done.stderr
    return json.loads(lines[-1].removeprefix("STARTED "))


def test_a_started_deskbreak_has_not_loaded_asyncio_ssl_or_the_package_metadata(tmp_path):
    report = started_app_modules(tmp_path, HEAVY_AT_IDLE)
    assert report["loaded"] == []
    assert report["scanned_installed_packages"] is False


def test_a_started_deskbreak_keeps_no_source_lines_pyside_read(tmp_path):
    # PySide6 reads the source of every module imported after it, and linecache kept all of it:
    # 82,000 lines (6.9 MB of anonymous memory) in a started deskbreak, before startup.forget_sources_pyside_reads.
    report = started_app_modules(tmp_path, ())
    assert report["source_lines_kept"] < 2000  # at most the last few modules imported


def test_a_started_deskbreak_has_had_pyside_build_only_the_qt_types_it_uses(tmp_path):
    # PySide6 builds a Qt type (and its enum classes) when it is first used. An application-wide event
    # filter written in Python had it wrap the objects Qt makes inside itself, which built every type
    # of every module loaded: 149 enum classes, 1.2 MB.
    built = started_app_modules(tmp_path, ())["types_built"]
    assert "QSpinBox" not in built and "QWizard" not in built and "QProcess" not in built, built


#: Imports apscheduler lean, then what it was kept from; asks for a plug-in by name.
AFTER_THE_LEAN_IMPORT = """
from deskbreak.adapters.lean_apscheduler import QtScheduler
import asyncio, importlib.metadata
print(hasattr(asyncio, "run"), importlib.metadata.version("apscheduler").startswith("3."))
try:
    QtScheduler().add_job(print, "date")
except LookupError as exc:
    print(exc)
"""


#: A stand-in that lacks what apscheduler reads as it loads: the ordinary import follows.
STAND_IN_SHORT = """
import sys
from types import SimpleNamespace
from deskbreak.adapters import lean_apscheduler
for name in [name for name in sys.modules if name.startswith("apscheduler")]:
    del sys.modules[name]
lean_apscheduler._STAND_INS["uuid"] = SimpleNamespace()
DateTrigger, DebugExecutor, MemoryJobStore, QtScheduler = lean_apscheduler._import_with_stand_ins()
print(QtScheduler.__name__, "uuid" in sys.modules)
"""


def test_a_stand_in_short_of_what_apscheduler_reads_gives_way_to_the_ordinary_import():
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", STAND_IN_SHORT], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["QtScheduler", "True"]
    assert "imported as usual" in done.stderr


def test_apscheduler_loads_lean_and_everyone_else_still_gets_the_real_modules():
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", AFTER_THE_LEAN_IMPORT], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True", 'No trigger by the name "date" was found']


# -- growth over breaks -------------------------------------------------------------


def drawn_palette_keys(window: QWidget) -> set[int]:
    """The cache keys of the palettes the style draws ``window``'s push buttons with.

    Fusion keeps each drawn button image in QPixmapCache under a key made of
    this palette key and the button's size and state: a key a later break
    window does not draw with again is an image kept for nothing.
    """
    keys = set()
    for button in window.findChildren(QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        keys.add(option.palette.cacheKey())
    return keys


def hurt_button_text(window: QWidget) -> QColor:
    """The colour the style writes "This hurts" in."""
    option = QStyleOptionButton()
    window.findChild(QPushButton, "hurtButton").initStyleOption(option)
    return option.palette.color(QPalette.ColorRole.ButtonText)


def test_every_break_window_draws_its_buttons_with_the_palettes_of_the_first(qapp, app_parts):
    app, clock, _notifier, _history = app_parts
    drawn = []
    for _ in range(3):
        app.run_command(cmd.StartBreak())
        drawn.append(drawn_palette_keys(app.window))
        assert hurt_button_text(app.window) == style.danger_color(app.window.palette())
        play_break(qapp, app, clock, every_exercise=False)
    assert drawn[1] == drawn[2] == drawn[0]


def test_a_text_colour_button_draws_in_its_colour_over_the_palette_it_inherits(qtbot):
    from .test_contrast import dark_palette, light_palette

    holder = QWidget()
    qtbot.addWidget(holder)
    button = style.TextColorButton("This hurts", holder)
    for palette, color in ((light_palette(), QColor("#b3261e")), (dark_palette(), QColor("#f2a19b"))):
        holder.setPalette(palette)
        button.set_text_color(color)
        option = QStyleOptionButton()
        button.initStyleOption(option)
        assert option.palette.color(QPalette.ColorRole.ButtonText) == color
        assert option.palette.color(QPalette.ColorRole.Button) == palette.color(QPalette.ColorRole.Button)


def test_a_button_cannot_be_given_a_palette_of_its_own(qapp):
    with pytest.raises(TypeError, match="TextColorButton"):
        style.set_text_color(QPushButton("End break"), QColor("#b3261e"))


WARM_UP_BREAKS = 5
MEASURED_BREAKS = 100


def weak_references_to(target: object) -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, weakref.ReferenceType) and thing() is target)


def test_breaks_leave_no_weak_references_to_the_session_behind(qapp, app_parts):
    # Each break window's signals connected to the session's bound methods left PySide6's weak
    # reference (and its callable) behind: two a break, growing the heap over a day of breaks.
    app, clock, _notifier, _history = app_parts
    play_break(qapp, app, clock, every_exercise=False)
    before = weak_references_to(app.session)
    for _ in range(5):
        play_break(qapp, app, clock, every_exercise=False)
    pump(qapp)
    assert weak_references_to(app.session) == before


def test_a_hundred_breaks_leave_less_than_a_megabyte_of_python_objects(qapp, app_parts):
    app, clock, _notifier, _history = app_parts
    for _ in range(WARM_UP_BREAKS):
        play_break(qapp, app, clock, every_exercise=False)
    gc.collect()
    tracemalloc.start()
    try:
        for _ in range(MEASURED_BREAKS):
            play_break(qapp, app, clock, every_exercise=False)
        pump(qapp)
        gc.collect()
        grown, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert grown < 1024 * 1024


# -- the first break ------------------------------------------------------------


#: Builds the app (support/app_builder.py), runs the poses preload, then opens the first break
#: and prints the enum classes PySide6 built meanwhile, one a line. In a fresh process: PySide6
#: builds each enum class once per process, so another test's windows would have built them.
FIRST_BREAK_PROBE = """
import enum, gc, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
from deskbreak.core import commands as cmd
from support.app_builder import make_app
from support.break_player import pump

def enum_classes():
    gc.collect()
    return {thing for thing in gc.get_objects() if isinstance(thing, enum.EnumMeta)}

qapp = QApplication([])
app = make_app(Path(tempfile.mkdtemp()))
app.start()
app.breaks.preload()
pump(qapp)
before = enum_classes()
app.run_command(cmd.StartBreak())
app.window.repaint()
for kind in sorted(f"{kind.__module__}.{kind.__qualname__}" for kind in enum_classes() - before):
    print(kind)
app.shutdown()
"""


def test_the_first_break_after_the_preload_makes_pyside_build_no_enum_classes():
    # PySide6 builds a binding's enum classes the first time it needs them; inside the first
    # break window that took 20-40 ms before its first paint (79 classes for one viewport()).
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", FIRST_BREAK_PROBE], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []
