"""The packaging files parse and agree with the package."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def desktop_entry(name: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(PACKAGING / name, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entries_launch_the_console_script():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    for name in ("deskbreak.desktop", "deskbreak-autostart.desktop"):
        entry = desktop_entry(name)
        assert entry["Type"] == "Application"
        assert entry["Exec"].split()[0] in scripts
        assert (ROOT / "assets" / "icons" / f"{entry['Icon']}.svg").exists()


def test_metainfo_names_the_desktop_file_and_version():
    root = ET.parse(PACKAGING / "io.github.deskbreak.deskbreak.metainfo.xml").getroot()
    assert root.find("launchable").text == "deskbreak.desktop"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert root.find("releases/release").get("version") == version
