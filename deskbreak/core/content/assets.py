"""Where the data files under ``assets/`` are, in a checkout or an installation.

The top-level ``assets/`` folder is installed as the ``deskbreak.assets``
package (see ``pyproject.toml``), so one lookup serves both; PyInstaller
bundles collect it the same way.
"""

from __future__ import annotations

from pathlib import Path

import deskbreak.assets


def asset_path(*parts: str) -> Path:
    """The path of a file or folder under ``assets/``."""
    # The package's folder, which is what importlib.resources.files() answers for a
    # package on disk (a checkout, a wheel, the bundle), without the 3 ms that
    # importing importlib.resources adds before the tray icon shows.
    return Path(next(iter(deskbreak.assets.__path__))).joinpath(*parts)
