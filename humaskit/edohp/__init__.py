"""A composite index on the four weighted dimensions of EDOHP 2011.

The Evaluasi Daerah Otonom Hasil Pemekaran 2011 (Ditjen Otda Kemendagri) scored 205 new
regions on four dimensions weighted 30/25/25/20 (dataset ``edohp_2011_bobot``); no region
scored above 65. This module lets a participant score a fictional region the same way.
Scores are on a 0–100 scale; errors a participant can trigger are in Indonesian.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

import altair as alt
import pandas as pd

from humaskit import datasets
from humaskit.number_format import angka

#: No region evaluated by EDOHP 2011 scored above this.
HIGHEST_2011 = 65


class ScoreError(ValueError):
    """Scores that cannot be combined into the index; the message is in Indonesian."""


def weights() -> dict[str, float]:
    """Dimension -> weight as a fraction (0.30, 0.25, 0.25, 0.20), from the dataset."""
    table = datasets.load("edohp_2011_bobot")
    return {row.dimensi: row.bobot_persen / 100 for row in table.itertuples()}


def dimensions() -> list[str]:
    """The four dimensions, in the dataset's order."""
    return list(weights())


def _checked(scores: Mapping[str, float], known: Mapping[str, float]) -> dict[str, float]:
    unknown = [name for name in scores if name not in known]
    missing = [name for name in known if name not in scores]
    problems = []
    if missing:
        problems.append("skor dimensi berikut belum diisi: " + ", ".join(missing))
    if unknown:
        problems.append("dimensi tidak dikenal: " + ", ".join(unknown)
                        + " (pilihan: " + ", ".join(known) + ")")
    for name in known:
        if name not in scores:
            continue
        value = scores[name]
        if (not isinstance(value, numbers.Real) or isinstance(value, bool)
                or math.isnan(value) or not 0 <= value <= 100):
            problems.append(f"skor '{name}' harus angka 0–100, bukan {value!r}")
    if problems:
        raise ScoreError("Indeks komposit tidak dapat dihitung: " + "; ".join(problems) + ".")
    return {name: float(scores[name]) for name in known}


def contributions(scores: Mapping[str, float]) -> pd.DataFrame:
    """Per dimension: ``dimensi``, ``skor``, ``bobot_persen``, ``kontribusi`` (skor × bobot)."""
    known = weights()
    checked = _checked(scores, known)
    return pd.DataFrame({
        "dimensi": list(known),
        "skor": [checked[d] for d in known],
        "bobot_persen": [round(w * 100) for w in known.values()],
        "kontribusi": [checked[d] * w for d, w in known.items()],
    })


def composite_index(scores: Mapping[str, float]) -> float:
    """The weighted index (0–100): sum of each dimension's score times its EDOHP weight."""
    return float(contributions(scores)["kontribusi"].sum())


def index_chart(scores: Mapping[str, float]) -> alt.LayerChart:
    """Bars of the four dimension scores, a solid line at the index, a dashed one at 65."""
    table = contributions(scores)
    value = float(table["kontribusi"].sum())
    table["label"] = [f"{d} ({b}%)" for d, b in zip(table["dimensi"], table["bobot_persen"])]
    bars = alt.Chart(table).mark_bar().encode(
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("skor:Q", scale=alt.Scale(domain=[0, 100]), title="Skor dimensi (0–100)"),
        color=alt.Color("dimensi:N", legend=None),
        tooltip=["dimensi:N", "skor:Q", "bobot_persen:Q",
                 alt.Tooltip("kontribusi:Q", format=".2f")],
    )
    index_rule = alt.Chart(pd.DataFrame({"nilai": [value]})).mark_rule(size=2, color="#222222")
    limit_rule = alt.Chart(pd.DataFrame({"nilai": [HIGHEST_2011]})).mark_rule(
        size=2, color="#d73027", strokeDash=[6, 4])
    limit_label = limit_rule.mark_text(align="left", baseline="bottom", dx=4, y=0, dy=-2,
                                       color="#d73027").encode(
        x="nilai:Q", text=alt.value(f"Tak ada DOB di atas {HIGHEST_2011} (2011)"))
    return alt.layer(bars, index_rule.encode(x="nilai:Q"),
                     limit_rule.encode(x="nilai:Q"), limit_label).properties(
        title=f"Indeks komposit gaya EDOHP 2011: {angka(value)} (garis hitam)", width=380, height=200)
