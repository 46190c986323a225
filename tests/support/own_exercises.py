"""exercises.toml tables the tests of the user's own exercises share."""

from __future__ import annotations

import tomlkit

WALL_CALF_FIELDS = {
    "id": "wall-calf-stretch",
    "name": "Wall calf stretch",
    "pose": "split-hip-stretch",
    "targets": ["legs"],
    "steps": ["Face a wall, one foot back.", "Press the back heel down."],
    "hold": "30s",
    "sides": True,
}


def exercise_toml(**fields) -> str:
    """One ``[[exercise]]`` table: the wall calf stretch with ``fields`` changed (a field given None is left out)."""
    table = {key: value for key, value in {**WALL_CALF_FIELDS, **fields}.items() if value is not None}
    lines = [f"{key} = {tomlkit.item(value).as_string()}" for key, value in table.items()]
    return "\n".join(["[[exercise]]", *lines]) + "\n"


WALL_CALF = exercise_toml()
