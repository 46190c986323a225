"""Desktop entries read as a launcher reads them, independently of deskbreak's code that writes them."""

from __future__ import annotations

import re
from pathlib import Path


def desktop_entry(path: Path) -> dict[str, str]:
    """The ``[Desktop Entry]`` keys of a file."""
    keys: dict[str, str] = {}
    group = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line
        elif group == "[Desktop Entry]" and "=" in line:
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


def exec_arguments(value: str) -> list[str]:
    """Undo an ``Exec`` value as the Desktop Entry spec says a launcher must.

    First the string escapes of any value (``\\\\``, ``\\n``...), then the
    Exec quoting (double quotes; backslash before ``"`` `` ` `` ``$`` ``\\``),
    then ``%%`` back to ``%``.
    """
    string_escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    text = re.sub(r"\\(.)", lambda m: string_escapes[m.group(1)], value)
    arguments: list[str] = []
    current: list[str] | None = None
    quoted = False
    characters = iter(text)
    for character in characters:
        if quoted:
            if character == "\\":
                escaped = next(characters)
                assert escaped in '"`$\\', f"{escaped!r} may not be escaped inside quotes"
                current.append(escaped)
            elif character == '"':
                quoted = False
            else:
                current.append(character)
        elif character == " ":
            if current is not None:
                arguments.append("".join(current))
            current = None
        else:
            current = current if current is not None else []
            if character == '"':
                quoted = True
            else:
                current.append(character)
    assert not quoted, f"unbalanced quotes in {value!r}"
    if current is not None:
        arguments.append("".join(current))
    return [argument.replace("%%", "%") for argument in arguments]
