"""Shared fixtures: the checkout's paths and the notebooks the suite executes."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def module_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def exercise_sources() -> list[Path]:
    return sorted((ROOT / "exercises" / "source").glob("*/*.ipynb"))


def committed_notebooks() -> list[Path]:
    return module_notebooks() + exercise_sources()


@pytest.fixture
def root() -> Path:
    return ROOT


def declared_points(nb) -> dict[str, float]:
    """Grade cell id -> points, as an exercise notebook declares them."""
    return {c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
            for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
