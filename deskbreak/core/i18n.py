"""Translation for every part of deskbreak, the Qt-free core included.

One mechanism: Qt's. Strings are marked where they are written with
:func:`translate` (or :func:`QT_TRANSLATE_NOOP` for tables built at import
time), ``pyside6-lupdate`` finds them by those names, and the German
catalog ships as ``assets/translations/deskbreak_de.ts`` (compiled to
``.qm``). The core cannot import Qt, so the UI and the command line install
the loaded translator here with :func:`install`; until then, and in tests of
the core, every string is its English source.
"""

from __future__ import annotations

from typing import Callable

Backend = Callable[[str, str, "str | None", int], str]

_backend: Backend | None = None


def install(backend: Backend | None) -> None:
    """Use ``backend(context, text, disambiguation, n)`` for every translation (None: English)."""
    global _backend
    _backend = backend


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language; ``%n`` becomes ``n`` (Qt's plural forms)."""
    result = _backend(context, text, disambiguation, n) if _backend is not None else ""
    result = result or text
    return result.replace("%n", str(n)) if n >= 0 else result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for the catalog without translating it now (it is translated where shown)."""
    return text
