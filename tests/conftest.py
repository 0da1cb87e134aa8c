"""Shared fixtures: the checkout's paths and the notebooks the suite executes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# nbgrader's gradebook runs the `alembic` command: make sure the venv's bin is on PATH.
_bin = str(Path(os.sys.executable).parent)
if _bin not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _bin + os.pathsep + os.environ.get("PATH", "")


def module_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def exercise_sources() -> list[Path]:
    return sorted((ROOT / "exercises" / "source").glob("*/*.ipynb"))


def committed_notebooks() -> list[Path]:
    return module_notebooks() + exercise_sources()


@pytest.fixture
def root() -> Path:
    return ROOT
