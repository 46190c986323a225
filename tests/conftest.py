"""Shared fixtures: paths to the repository, its assets and the source documents."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def sources_dir() -> Path:
    """The two source articles live beside the repository in ``shared/sources``."""
    for candidate in (REPO.parent / "shared" / "sources", REPO / "shared" / "sources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"source documents not found in {REPO.parent / 'shared' / 'sources'}"
    )


@pytest.fixture(scope="session")
def source_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sources_dir().glob("*.txt")}
