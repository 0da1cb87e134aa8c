"""The declared schema of every dataset shipped in ``datasets/``.

One entry per CSV: its file name (without ``.csv``) is the dataset's name, its data card is
``datasets/<name>.md``. To add a dataset, add its CSV and card, then a ``Dataset`` here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa
from pandera import Check, Column


@dataclass(frozen=True)
class Dataset:
    """A shipped dataset: its name, a one-line Indonesian title, and its schema."""

    name: str
    title: str
    schema: pa.DataFrameSchema


def _schema(columns: dict[str, Column], key: list[str] | None = None) -> pa.DataFrameSchema:
    """A strict, coercing schema whose ``key`` columns must be unique together."""
    return pa.DataFrameSchema(columns, strict=True, coerce=True, unique=key)


EDOHP_DIMENSIONS = ["Kesejahteraan masyarakat", "Tata kelola pemerintahan yang baik",
                    "Pelayanan publik", "Daya saing"]

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset(
            "edohp_2011_bobot",
            "Bobot empat dimensi Evaluasi Daerah Otonom Hasil Pemekaran (EDOHP) 2011",
            _schema(
                {
                    "dimensi": Column(str, Check.isin(EDOHP_DIMENSIONS)),
                    "bobot_persen": Column(int, Check.in_range(0, 100)),
                    "sumber": Column(str, Check.str_length(min_value=10)),
                },
                key=["dimensi"],
            ),
        ),
    ]
}
