"""Load and check the SKKNI unit catalog and the schemes (clusters of units) built on it.

The shipped files are excerpts (``datasets/skkni_katalog.csv``, ``datasets/skkni_skema.csv``);
a trainer can point the kit at a full catalog of the same columns with the environment
variables ``HUMASKIT_SKKNI_KATALOG`` and ``HUMASKIT_SKKNI_SKEMA`` (or pass a path), and the
exercise uses it with no code change. Beyond the pandera schema, the checks here reject a
unit whose title/group/level differ between its rows and a scheme naming a unit that is not
in the catalog, as :class:`~humaskit.datasets.DatasetError` naming row and column.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

from humaskit import datasets
from humaskit.datasets import DatasetError, Problem

CATALOG_ENV = "HUMASKIT_SKKNI_KATALOG"
SCHEMES_ENV = "HUMASKIT_SKKNI_SKEMA"
#: Columns that describe a unit and must be equal on every row of that unit.
UNIT_COLUMNS = ("judul_unit", "kelompok", "jenjang")
ROW_OFFSET = 2  # a CSV's header is row 1


def _source(path: str | os.PathLike | None, env: str, name: str) -> Path:
    chosen = path or os.environ.get(env)
    return Path(chosen) if chosen else datasets.path(name)


def _stamp(file: Path) -> tuple[str, float]:
    """Cache key of a file: its path and modification time (an edited file is re-read)."""
    return str(file.resolve()), file.stat().st_mtime if file.exists() else -1.0


def _disagreeing(frame: pd.DataFrame, key: str, column: str, what: str) -> list[Problem]:
    """Rows whose ``column`` differs from the first row with the same ``key`` (one unit or
    scheme must carry one title, group, level... on all its rows)."""
    values = frame[column].astype(object).fillna("")
    first = values.groupby(frame[key]).transform("first")
    return [
        Problem(int(i) + ROW_OFFSET, column,
                f"{what} {frame.at[i, key]} tertulis '{values[i]}' di baris ini, padahal baris "
                f"lain {what} yang sama menulis '{first[i]}'.")
        for i in frame.index[values != first]
    ]


def load_catalog(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The catalog (one row per element): ``path``, else ``$HUMASKIT_SKKNI_KATALOG``, else
    the shipped excerpt. Raises DatasetError (Indonesian) naming each bad row and column."""
    return _catalog(*_stamp(_source(path, CATALOG_ENV, "skkni_katalog"))).copy()


@functools.lru_cache(maxsize=8)
def _catalog(file: str, _mtime: float) -> pd.DataFrame:
    frame = datasets.load_file(file, "skkni_katalog")
    problems = [p for column in UNIT_COLUMNS
                for p in _disagreeing(frame, "kode_unit", column, "unit")]
    if problems:
        raise DatasetError(f"'skkni_katalog' ({file})", problems)
    return frame.sort_values(["kode_unit", "no_elemen"], kind="stable").reset_index(drop=True)


def load_schemes(path: str | os.PathLike | None = None,
                 catalog: pd.DataFrame | None = None) -> pd.DataFrame:
    """The schemes (one row per unit of a scheme): ``path``, else ``$HUMASKIT_SKKNI_SKEMA``,
    else the shipped clusters; every unit must exist in ``catalog`` (loaded if omitted)."""
    file = _source(path, SCHEMES_ENV, "skkni_skema")
    catalog = load_catalog() if catalog is None else catalog
    return _schemes(*_stamp(file), frozenset(catalog["kode_unit"])).copy()


@functools.lru_cache(maxsize=8)
def _schemes(file: str, _mtime: float, known: frozenset[str]) -> pd.DataFrame:
    frame = datasets.load_file(file, "skkni_skema")
    problems = [
        Problem(int(i) + ROW_OFFSET, "kode_unit",
                f"unit '{code}' tidak ada di katalog SKKNI yang dipakai.")
        for i, code in frame["kode_unit"].items() if code not in known
    ]
    for column in ("nama_skema", "status"):
        problems += _disagreeing(frame, "kode_skema", column, "skema")
    if problems:
        raise DatasetError(f"'skkni_skema' ({file})", problems)
    return frame.sort_values(["kode_skema", "urutan"], kind="stable").reset_index(drop=True)


def scheme_names(schemes: pd.DataFrame) -> dict[str, str]:
    """Scheme code -> name, in the order of the given table."""
    first = schemes.drop_duplicates("kode_skema")
    return dict(zip(first["kode_skema"], first["nama_skema"]))


def question(element: str) -> str:
    """The FR.APL.02 question for an element: "Dapatkah saya <elemen>?"."""
    text = element.strip().rstrip(".?")
    return f"Dapatkah saya {text[:1].lower()}{text[1:]}?"


def scheme_elements(scheme: str, catalog: pd.DataFrame | None = None,
                    schemes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every element of every unit of ``scheme``, in the scheme's order, with its question."""
    catalog = load_catalog() if catalog is None else catalog
    schemes = load_schemes(catalog=catalog) if schemes is None else schemes
    units = schemes[schemes["kode_skema"] == scheme]
    if units.empty:
        known = ", ".join(scheme_names(schemes))
        raise KeyError(f"Skema '{scheme}' tidak dikenal. Pilihan yang tersedia: {known}.")
    merged = units[["urutan", "kode_unit"]].merge(catalog, on="kode_unit", how="inner")
    merged = merged.sort_values(["urutan", "no_elemen"], kind="stable").reset_index(drop=True)
    merged["pertanyaan"] = merged["elemen"].map(question)
    return merged[["kode_unit", "judul_unit", "kelompok", "no_elemen", "elemen", "kuk",
                   "status", "sumber", "pertanyaan"]]


def hedged_source(source: object) -> str:
    """The part of a row's source that is reported, not verified ("… menurut …"), or ''."""
    first = str(source or "").split(";")[0].strip()
    return first if "menurut" in first else ""


def status_label(status: str, code: str = "", source: object = "") -> str:
    """How a row's status is shown to participants (practice wording, kit codes and codes
    known only from a secondary source marked)."""
    label = "teks resmi" if status == "resmi" else "ILUSTRASI latihan (bukan teks resmi)"
    if code.startswith("KIT-"):
        label += "; kode kit, bukan kode resmi"
    if hedged_source(source):
        label += f"; {hedged_source(source)}"
    return label
