"""Load the kit's datasets by name, validated against their declared schemas.

>>> from humaskit import datasets
>>> survei = datasets.load("survei_kepuasan")      # doctest: +SKIP

A file that breaks its schema raises :class:`DatasetError` whose Indonesian message names
the file, row and column of each problem. Trainers can validate their own CSV against a
shipped schema with :func:`load_file` (for example a full SKKNI catalog).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from humaskit import ROOT
from humaskit.datasets.schemas import DATASETS, Dataset
from humaskit.datasets.validation import DatasetError, Problem, read_csv, validate

__all__ = [
    "DatasetError",
    "Problem",
    "card",
    "directory",
    "load",
    "load_file",
    "names",
    "path",
    "spec",
    "validate_frame",
]


def directory() -> Path:
    """Where the CSVs live: ``$HUMASKIT_DATASETS`` or the checkout's ``datasets/``."""
    return Path(os.environ.get("HUMASKIT_DATASETS", ROOT / "datasets"))


def names() -> list[str]:
    """Names of every shipped dataset, sorted."""
    return sorted(DATASETS)


def spec(name: str) -> Dataset:
    """The declared dataset, or a KeyError in Indonesian listing the known names."""
    try:
        return DATASETS[name]
    except KeyError:
        raise KeyError(
            f"Data '{name}' tidak dikenal. Pilihan yang tersedia: {', '.join(names())}."
        ) from None


def path(name: str) -> Path:
    """The CSV file of a dataset."""
    return directory() / f"{spec(name).name}.csv"


def card(name: str) -> str:
    """The dataset's data card (Markdown)."""
    return (directory() / f"{spec(name).name}.md").read_text(encoding="utf-8")


def load(name: str) -> pd.DataFrame:
    """Read and validate a shipped dataset; a fresh DataFrame on every call."""
    return load_file(path(name), name)


def load_file(file: str | os.PathLike, name: str) -> pd.DataFrame:
    """Validate any CSV against the schema of dataset ``name`` and return it typed."""
    file = Path(file)
    source = f"'{name}' ({file})"
    return validate(read_csv(file, source), spec(name).schema, source)


def validate_frame(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Validate a DataFrame built in code; rows are reported by their index label."""
    return validate(frame, spec(name).schema, f"'{name}'", row_offset=0)
