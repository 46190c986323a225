"""Loading the user's language: deskbreak's catalog, Qt's own, and the core's hook.

:func:`install_translations` is the one place that decides the language, for
the tray app and the command line alike. It follows the system locale the way
Qt reads it on Unix (``LANGUAGE``, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``),
so ``LANGUAGE=de deskbreak`` is German even under ``LANG=C.UTF-8``. Only
QtCore is imported: the command line can translate without a QApplication,
and a missing or broken ``.qm`` costs the translation, never the app.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from deskbreak.core import i18n
from deskbreak.core.content.assets import asset_path

CATALOG_NAME = "deskbreak"
SOURCE_LANGUAGE = "en"

# Kept alive here: QCoreApplication holds translators by pointer only, and
# without an application the core's hook calls them directly.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """``assets/translations`` of this installation (the ``.ts`` sources and compiled ``.qm``)."""
    return asset_path("translations")


def install_translations(locale: QLocale | None = None) -> str:
    """Translate the UI and the core into ``locale`` (default: the system's); its language code.

    Returns "en" when deskbreak has no catalog for the language, in which case
    every string stays its English source. Calling it again replaces the
    previous translators, so tests can switch languages.
    """
    locale = locale if locale is not None else QLocale()
    remove_translations()
    own = QTranslator()
    if not own.load(locale, CATALOG_NAME, "_", str(translations_dir())):
        return SOURCE_LANGUAGE
    translators = [own]
    # Qt's own strings (the standard dialog buttons, context menus of text fields).
    qt_base = QTranslator()
    if qt_base.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_base)
    application = QCoreApplication.instance()
    for translator in translators:
        if application is not None:
            application.installTranslator(translator)
        _installed.append(translator)
    i18n.install(_lookup if application is None else _through_application)
    return Path(own.filePath()).stem.removeprefix(CATALOG_NAME + "_") or SOURCE_LANGUAGE


def remove_translations() -> None:
    """Back to the English sources (what tests of English text expect)."""
    application = QCoreApplication.instance()
    for translator in _installed:
        if application is not None:
            application.removeTranslator(translator)
    _installed.clear()
    i18n.install(None)


def _through_application(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def _lookup(context: str, text: str, disambiguation: str | None, n: int) -> str:
    """Without a QApplication: ask the loaded translators in turn, as Qt would."""
    for translator in _installed:
        found = translator.translate(context, text, disambiguation, n)
        if found:
            return found
    return ""
