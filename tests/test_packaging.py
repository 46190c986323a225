"""The packaging files parse, pass the freedesktop validators and agree with the package.

desktop-file-validate and appstreamcli come from Debian's desktop-file-utils
and appstream (``make test`` installs them as root). Without them the tests
that run them skip with a one-line reason, except under ``CI``, where they
fail.

This is the packaging tier: besides the files, it runs ``make
install-desktop`` and builds deskbreak's wheel, installs it into a fresh
virtual environment and puts that deskbreak in a temporary application menu
(about 5 s, the slowest checks outside the desktop tiers; ``make test`` and
``make test-fast`` run them).
"""

from __future__ import annotations

import configparser
import importlib.metadata
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import sysconfig
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from support.ci import require_program, skip_or_fail_under_ci
from support.desktop_entry import exec_arguments
from support.file_tree import snapshot

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
#: What `deskbreak desktop install` installs ships inside the package, beside the icons.
DESKTOP_ASSETS = ROOT / "assets" / "desktop"
MENU_ENTRY = DESKTOP_ASSETS / "deskbreak.desktop"
AUTOSTART_TEMPLATE = PACKAGING / "deskbreak-autostart.desktop"
METAINFO = DESKTOP_ASSETS / "io.github.deskbreak.deskbreak.metainfo.xml"
HICOLOR = ROOT / "assets" / "icons" / "hicolor"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
RAW_FILES = "https://raw.githubusercontent.com/deskbreak/deskbreak/main/"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def validate_desktop_file(path: Path) -> None:
    done = subprocess.run([require_program("desktop-file-validate", "desktop-file-utils"), str(path)],
                          capture_output=True, text=True, timeout=30)
    # It prints nothing for a clean file; hints and warnings count as failures too.
    assert (done.returncode, done.stdout + done.stderr) == (0, ""), f"{path.name}: {done.stdout}{done.stderr}"


def appstreamcli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([require_program("appstreamcli", "appstream"), *args, "--no-net", "--pedantic"],
                          capture_output=True, text=True, timeout=60)


def assert_appstream_clean(done: subprocess.CompletedProcess[str]) -> None:
    complaints = [line for line in done.stdout.splitlines() if re.match(r"^[EWIP]: ", line)]
    assert done.returncode == 0 and not complaints, done.stdout + done.stderr


# The shipped files -------------------------------------------------------------------------


def test_desktop_entries_launch_the_console_script():
    for path in (MENU_ENTRY, AUTOSTART_TEMPLATE):
        entry = desktop_entry(path)
        assert entry["Type"] == "Application"
        assert entry["Exec"].split()[0] in PROJECT["scripts"]
        assert (ROOT / "assets" / "icons" / f"{entry['Icon']}.svg").exists()


def test_shipped_desktop_entries_pass_desktop_file_validate():
    for path in (MENU_ENTRY, AUTOSTART_TEMPLATE):
        validate_desktop_file(path)


def test_metainfo_names_the_desktop_file_and_version():
    root = ET.parse(METAINFO).getroot()
    assert root.find("launchable").text == "deskbreak.desktop"
    assert root.find("releases/release").get("version") == PROJECT["version"]
    assert root.find("project_license").text == PROJECT["license"]
    assert root.find("provides/binary").text in PROJECT["scripts"]


def test_metainfo_passes_appstream_validation_even_pedantic():
    assert_appstream_clean(appstreamcli("validate", "--explain", str(METAINFO)))


def test_the_latest_release_has_notes():
    release = ET.parse(METAINFO).getroot().find("releases/release")
    assert len(release.findall("description/ul/li")) >= 5


def test_metainfo_screenshots_are_the_repository_files_with_their_real_sizes():
    screenshots = ET.parse(METAINFO).getroot().findall("screenshots/screenshot")
    assert screenshots and screenshots[0].get("type") == "default"
    for screenshot in screenshots:
        assert screenshot.findtext("caption").strip()
        image = screenshot.find("image")
        assert image.text.startswith(RAW_FILES), image.text
        local = ROOT / image.text.removeprefix(RAW_FILES)
        assert local.is_file(), f"{local} is not in the repository"
        width, height = struct.unpack(">II", local.read_bytes()[16:24])
        assert (image.get("width"), image.get("height")) == (str(width), str(height)), local.name


# Icons -----------------------------------------------------------------------------------------


def test_icons_exist_at_every_hicolor_size_and_are_not_blank():
    from PySide6.QtGui import QImage

    for size in HICOLOR_SIZES:
        path = HICOLOR / f"{size}x{size}" / "apps" / "deskbreak.png"
        image = QImage(str(path))
        assert not image.isNull(), f"{path} is missing or not a PNG (scripts/render_icons.py writes it)"
        assert (image.width(), image.height()) == (size, size), path
        pixels = [image.pixelColor(x, y) for y in range(size) for x in range(size)]
        opaque = [p for p in pixels if p.alpha() > 200]
        # The disc covers ~70% of the square; the figure inside it is white.
        assert len(opaque) > 0.5 * size * size, f"{path} is (nearly) transparent"
        assert any(p.green() > 100 and p.red() < 60 for p in opaque), f"{path} lacks the teal disc"
        assert any(min(p.red(), p.green(), p.blue()) > 200 for p in opaque), f"{path} lacks the white figure"


def test_windows_and_macos_icons_hold_every_size():
    ico = (PACKAGING / "windows" / "deskbreak.ico").read_bytes()
    _, kind, count = struct.unpack("<HHH", ico[:6])
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert kind == 1 and {16, 32, 48, 256} <= sizes
    icns = (PACKAGING / "macos" / "deskbreak.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, offset = set(), 8
    while offset < len(icns):
        kinds.add(icns[offset:offset + 4])
        offset += struct.unpack(">I", icns[offset + 4:offset + 8])[0]
    assert {b"icp4", b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds


# Windows and macOS build settings -----------------------------------------------------------


class _Call:
    """Stands in for PyInstaller's version-info classes: keeps the arguments."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


def test_windows_version_info_names_the_project_version():
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    info = eval((PACKAGING / "windows" / "version_info.txt").read_text(), {name: _Call for name in names})  # noqa: S307
    numbers = tuple(int(part) for part in PROJECT["version"].split(".")) + (0,)
    assert info.kwargs["ffi"].kwargs["filevers"] == numbers
    assert info.kwargs["ffi"].kwargs["prodvers"] == numbers
    strings = {s.args[0]: s.args[1] for s in info.kwargs["kids"][0].args[0][0].args[1]}
    assert strings["FileVersion"] == strings["ProductVersion"] == PROJECT["version"]
    assert strings["OriginalFilename"] == "deskbreak.exe"


def test_the_macos_bundle_lives_in_the_menu_bar_and_never_naps():
    spec = (PACKAGING / "deskbreak.spec").read_text()
    assert re.search(r'"LSUIElement":\s*True', spec)
    assert re.search(r'"NSAppSleepDisabled":\s*True', spec)


# make install-desktop / uninstall-desktop (deskbreak desktop install / uninstall) ----------


def make(target: str, env: dict[str, str], **variables: str) -> subprocess.CompletedProcess[str]:
    """``make TARGET`` with this interpreter's venv standing in for .venv (never re-running pip)."""
    venv = Path(sys.prefix)
    if not (venv / "bin" / "python").exists() or not (venv / "bin" / "deskbreak").exists():
        pytest.skip(f"needs deskbreak installed in a venv (make test does that); {venv} has none")
    settings = [f"{key}={value}" for key, value in {"VENV": str(venv), **variables}.items()]
    return subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "-o", f"{venv}/.installed-run",
                           *settings, target], env=env, capture_output=True, text=True, timeout=120)


def clean_env(home: Path, data_home: Path | None) -> dict[str, str]:
    # No XDG_* of ours, and none of an outer make's flags (`make test` runs these tests).
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("XDG_") and k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env["HOME"] = str(home)
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    return env


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_install_desktop_writes_a_valid_menu_entry_whose_program_and_icon_resolve(tmp_path):
    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    data.mkdir()
    env = clean_env(home, data)
    done = make("install-desktop", env)
    assert done.returncode == 0, done.stdout + done.stderr

    entry_file = data / "applications" / "deskbreak.desktop"
    validate_desktop_file(entry_file)
    entry = desktop_entry(entry_file)
    # The program resolves without PATH: an absolute, executable file.
    [command] = shlex.split(entry["Exec"])
    assert os.path.isabs(command) and os.access(command, os.X_OK), command
    assert command == str(Path(sys.prefix) / "bin" / "deskbreak")
    assert entry["TryExec"] == command
    # The icon resolves in the hicolor theme at every size, and as SVG.
    theme = data / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        installed = theme / f"{size}x{size}" / "apps" / f"{entry['Icon']}.png"
        assert installed.read_bytes() == (HICOLOR / f"{size}x{size}" / "apps" / "deskbreak.png").read_bytes()
    assert (theme / "scalable" / "apps" / f"{entry['Icon']}.svg").is_file()
    assert files_under(home) == [], "install wrote outside XDG_DATA_HOME"

    # As a software centre sees it: the installed entry, icons and metainfo.
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    tree = tmp_path / "tree"
    shutil.copytree(data, tree / "usr" / "share")
    assert_appstream_clean(appstreamcli("validate-tree", "--explain", str(tree)))

    done = make("uninstall-desktop", env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert files_under(data) == [], "uninstall left files or folders behind"


def test_install_desktop_defaults_to_local_share_and_keeps_others_files_and_caches(tmp_path):
    home = tmp_path / "home"
    share = home / ".local" / "share"
    theme = share / "icons" / "hicolor"
    # Another application's menu entry and icon, with caches, as a desktop keeps them.
    (theme / "48x48" / "apps").mkdir(parents=True)
    (theme / "48x48" / "apps" / "other.png").write_bytes((HICOLOR / "48x48" / "apps" / "deskbreak.png").read_bytes())
    (share / "applications").mkdir()
    shutil.copy(MENU_ENTRY, share / "applications" / "other.desktop")
    cache_tool = require_program("gtk-update-icon-cache", "gtk-update-icon-cache")
    require_program("update-desktop-database", "desktop-file-utils")
    subprocess.run([cache_tool, "--quiet", "--force", "--ignore-theme-index", str(theme)], check=True)
    subprocess.run(["update-desktop-database", str(share / "applications")], check=True)
    before = files_under(home)
    env = clean_env(home, None)

    done = make("install-desktop", env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (share / "applications" / "deskbreak.desktop").is_file()
    assert b"deskbreak" in (theme / "icon-theme.cache").read_bytes(), "the icon cache was not refreshed"

    done = make("uninstall-desktop", env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert files_under(home) == before
    assert b"deskbreak" not in (theme / "icon-theme.cache").read_bytes(), "the icon cache still lists deskbreak"


def test_install_desktop_refuses_a_program_that_is_not_there(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    done = make("install-desktop", clean_env(tmp_path, data), DESKBREAK=str(tmp_path / "nowhere" / "deskbreak"))
    assert done.returncode != 0
    assert "is not an executable file" in done.stderr
    assert files_under(data) == []


def test_make_says_what_to_install_when_python_cannot_create_a_venv(tmp_path):
    # A python without ensurepip (Debian without python3-venv) on a machine with no apt-get.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("id",):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    python = bin_dir / "python3"
    python.write_text("#!/bin/sh\nexit 1\n")
    python.chmod(0o755)
    script = ROOT / "scripts" / "system-packages.sh"
    result = subprocess.run([shutil.which("sh"), str(script), "venv"], capture_output=True, text=True,
                            env={"PATH": str(bin_dir), "PYTHON": str(python)})
    assert result.returncode == 1
    assert "sudo apt-get install python3-venv" in result.stderr
    working = subprocess.run(["sh", str(script), "venv"], capture_output=True, text=True,
                             env={**os.environ, "PYTHON": sys.executable})
    assert working.returncode == 0, working.stderr


# A wheel in a fresh virtual environment -----------------------------------------------------

#: What pyproject.toml builds the wheel from. A copy is built, so the build's build/ and
#: *.egg-info never land in the checkout and two test runs never share them.
WHEEL_SOURCES = ("pyproject.toml", "README.md", "deskbreak", "assets")
#: What the wheel must hold for `deskbreak desktop install` to work from it.
WHEEL_DESKTOP_FILES = (
    "deskbreak/assets/desktop/deskbreak.desktop",
    f"deskbreak/assets/desktop/{METAINFO.name}",
    "deskbreak/assets/desktop/gnome-shell-extension/deskbreak@deskbreak.github.io/extension.js",
    "deskbreak/assets/desktop/gnome-shell-extension/deskbreak@deskbreak.github.io/metadata.json",
    "deskbreak/assets/icons/deskbreak.svg",
    *(f"deskbreak/assets/icons/hicolor/{size}x{size}/apps/deskbreak.png" for size in HICOLOR_SIZES),
)


def build_wheel(folder: Path) -> Path:
    """deskbreak's wheel, built offline by this interpreter's setuptools (the test extra pins it)."""
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        version = "none"
    if not version.split(".")[0].isdigit() or int(version.split(".")[0]) < 77:
        skip_or_fail_under_ci(f"building the wheel needs setuptools>=77 (the test extra; `make test` installs it), "
                              f"this Python has {version}")
    source = folder / "source"
    source.mkdir(parents=True)
    for name in WHEEL_SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, source / name)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--no-index", "--wheel-dir", str(folder / "wheels"), str(source)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    [wheel] = (folder / "wheels").glob("deskbreak-*.whl")
    return wheel


def fresh_venv_with(wheel: Path, venv: Path) -> Path:
    """A new virtual environment with deskbreak installed from ``wheel``; its ``bin/deskbreak``.

    The wheel's dependencies (PySide6 alone is over 100 MB) are not downloaded
    again: a .pth file lends the venv this interpreter's site-packages, where
    `make test` installed them, which is fast and needs no network on a clean
    CI machine. It is written after the wheel is installed, so pip sees an
    empty venv, and it only adds that folder to the end of ``sys.path``: the
    folder's own .pth files (an editable deskbreak's finder) are not run, and
    ``import deskbreak`` finds the wheel's copy first (checked below).
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                           "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    site_packages = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    lent = sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})
    (Path(site_packages) / "deskbreak-test-dependencies.pth").write_text("\n".join(lent) + "\n")
    return venv / "bin" / "deskbreak"


def test_a_wheel_in_a_fresh_venv_puts_that_deskbreak_in_the_menu_and_takes_it_out_again(tmp_path):
    wheel = build_wheel(tmp_path / "build")
    missing = sorted(set(WHEEL_DESKTOP_FILES) - set(zipfile.ZipFile(wheel).namelist()))
    assert not missing, f"the wheel lacks {missing} (pyproject.toml's package-data)"
    deskbreak = fresh_venv_with(wheel, tmp_path / "fresh venv")

    home, data = tmp_path / "home", tmp_path / "data"
    home.mkdir()
    (data / "applications").mkdir(parents=True)
    shutil.copy(AUTOSTART_TEMPLATE, data / "applications" / "other.desktop")
    before = snapshot(data)
    env = {key: value for key, value in clean_env(home, data).items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    which = subprocess.run([deskbreak.with_name("python"), "-c", "import deskbreak; print(deskbreak.__file__)"],
                           env=env, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert Path(which.stdout.strip()).is_relative_to(tmp_path / "fresh venv"), which.stdout

    done = subprocess.run([deskbreak, "desktop", "install"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    entry_file = data / "applications" / "deskbreak.desktop"
    assert f"{entry_file} starts {shlex.quote(str(deskbreak))}\n" in done.stdout
    validate_desktop_file(entry_file)
    entry = desktop_entry(entry_file)
    # The venv's own console script, absolute and quoted (the folder's name has a space).
    assert exec_arguments(entry["Exec"]) == [str(deskbreak)]
    assert entry["TryExec"] == str(deskbreak)
    theme = data / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        installed = theme / f"{size}x{size}" / "apps" / "deskbreak.png"
        assert installed.read_bytes() == (HICOLOR / f"{size}x{size}" / "apps" / "deskbreak.png").read_bytes()
    assert (theme / "scalable" / "apps" / "deskbreak.svg").is_file()
    assert_appstream_clean(appstreamcli("validate", "--explain", str(data / "metainfo" / METAINFO.name)))
    assert not any(home.iterdir()), "install wrote outside XDG_DATA_HOME"

    done = subprocess.run([deskbreak, "desktop", "uninstall"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert snapshot(data) == before
