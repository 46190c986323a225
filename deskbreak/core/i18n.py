"""Translation for every part of deskbreak, the Qt-free core included.

One mechanism: Qt's. Strings are marked where they are written with
:func:`translate` (or :func:`QT_TRANSLATE_NOOP` for tables built at import
time), ``pyside6-lupdate`` finds them by those names, and the German
catalog ships as ``assets/translations/deskbreak_de.ts`` (compiled to
``.qm``). The core cannot import Qt, so the UI and the command line install
the loaded translator here with :func:`install`; until then, and in tests of
the core, every string is its English source.

Plurals: lupdate 6.11 reads a count only in the ``tr`` form and takes the
context from the name written before ``.tr``. So a module that needs plural
forms holds a :class:`Context` under a variable spelled like the context,
``tray = Context("tray")``, and writes ``tray.tr("%n skips", None, n,
one="1 skip")``; ``translate(context, "%n skips", None, n)`` would be
catalogued as a plain string with one form. The source text is the English
plural; ``one`` is the English singular, used while no translation applies.
tests/test_translations.py checks these rules.
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


class Context:
    """One translation context; its :meth:`tr` is the form lupdate reads plural counts from.

    The variable holding it must be spelled exactly like ``name``: lupdate
    never runs the code, it reads the context from the text before ``.tr``.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1, *, one: str | None = None) -> str:
        """``text`` (the English plural) for ``n`` in the user's language; ``one``: English for n == 1."""
        result = translate(self.name, text, disambiguation, n)
        untranslated = result == text.replace("%n", str(n))
        return one if n == 1 and one is not None and untranslated else result
