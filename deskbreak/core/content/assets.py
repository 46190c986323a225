"""Where the data files under ``assets/`` are, in a checkout or an installation.

The top-level ``assets/`` folder is installed as the ``deskbreak.assets``
package (see ``pyproject.toml``), so one lookup serves both; PyInstaller
bundles collect it the same way.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def asset_path(*parts: str) -> Path:
    """The path of a file or folder under ``assets/``."""
    root = Path(str(resources.files("deskbreak.assets")))
    return root.joinpath(*parts)
