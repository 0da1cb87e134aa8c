"""Survei Kepuasan Masyarakat (SKM) as set out in PermenPANRB 14/2017.

Nine service elements (*unsur*), each answered on a 1–4 scale. The NRR (nilai rata-rata) of
an element is the mean answer; the IKM (indeks kepuasan masyarakat) is
``sum(NRR * weight) * 25`` with weight 1/9, on a 25–100 scale, graded A–D. The exact 1/9
weight is the default; the rounded 0.111 often printed in guides is available and caps the
index at 99.9. Errors a participant can trigger are raised in Indonesian.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

import altair as alt
import pandas as pd

#: The nine SKM elements of PermenPANRB 14/2017, in order; answers are in columns u1..u9.
ELEMENTS = (
    "Persyaratan",
    "Sistem, mekanisme dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan, saran dan masukan",
    "Sarana dan prasarana",
)
COLUMNS = tuple(f"u{i}" for i in range(1, len(ELEMENTS) + 1))
ANSWERS = (1, 2, 3, 4)
#: The rounded weight often printed for 1/9; with it the best possible IKM is 99.9.
ROUNDED_WEIGHT = 0.111
SCALE = 25

#: Grade bands on the 25–100 scale: (lowest IKM of the band, mutu, kinerja), best first.
BANDS = (
    (88.31, "A", "Sangat Baik"),
    (76.61, "B", "Baik"),
    (65.00, "C", "Kurang Baik"),
    (25.00, "D", "Tidak Baik"),
)
BAND_COLOURS = {"A": "#1a9850", "B": "#91cf60", "C": "#fc8d59", "D": "#d73027"}

#: Krejcie & Morgan defaults: chi-square (1 df, 95%), population proportion, margin of error.
CHI_SQUARE = 3.841
PROPORTION = 0.5
MARGIN = 0.05


class SurveyError(ValueError):
    """Survey answers that cannot be scored; the message (Indonesian) says what and where."""


def check_answers(responses: pd.DataFrame) -> None:
    """Raise SurveyError unless u1..u9 exist and every answer is a whole number 1–4."""
    missing = [c for c in COLUMNS if c not in responses.columns]
    if missing:
        raise SurveyError(
            "Kolom jawaban unsur berikut tidak ada: " + ", ".join(missing)
            + f". Survei PermenPANRB 14/2017 memerlukan kesembilan kolom {COLUMNS[0]}–"
            f"{COLUMNS[-1]}."
        )
    if responses.empty:
        raise SurveyError("Data survei kosong: belum ada responden yang dapat dihitung.")
    problems = []
    for column in COLUMNS:
        values = pd.to_numeric(responses[column], errors="coerce")
        bad = responses.index[~values.isin(ANSWERS)]
        for label in bad[:5]:
            problems.append(f"indeks baris {label}, kolom '{column}': '{responses.at[label, column]}'")
        if len(bad) > 5:
            problems.append(f"... dan {len(bad) - 5} jawaban lain di kolom '{column}'")
    if problems:
        raise SurveyError(
            "Jawaban harus bilangan bulat 1, 2, 3 atau 4 (tidak boleh kosong). Periksa:\n  • "
            + "\n  • ".join(problems)
        )


def nrr_per_element(responses: pd.DataFrame) -> pd.DataFrame:
    """One row per element: ``kode``, ``unsur``, ``nrr`` (mean answer, 1–4)."""
    check_answers(responses)
    means = [float(pd.to_numeric(responses[c]).mean()) for c in COLUMNS]
    return pd.DataFrame({"kode": list(COLUMNS), "unsur": list(ELEMENTS), "nrr": means})


def ikm_from_nrr(nrr: Sequence[float], rounded_weight: bool = False) -> float:
    """IKM from the nine NRR values: ``sum(NRR * w) * 25`` with w = 1/9 (or 0.111)."""
    values = [float(v) for v in nrr]
    if len(values) != len(ELEMENTS):
        raise SurveyError(
            f"Perlu {len(ELEMENTS)} nilai NRR (satu per unsur), bukan {len(values)}."
        )
    outside = [f"{v:g}" for v in values if not 1 <= v <= 4]
    if outside:
        raise SurveyError(f"NRR harus di antara 1 dan 4; nilai di luar rentang: {', '.join(outside)}.")
    total = sum(values)
    weighted = total * ROUNDED_WEIGHT if rounded_weight else total / len(ELEMENTS)  # exact 1/9
    return weighted * SCALE


def ikm(responses: pd.DataFrame, rounded_weight: bool = False) -> float:
    """The IKM (25–100) of a table of responses with answer columns u1..u9."""
    return ikm_from_nrr(nrr_per_element(responses)["nrr"], rounded_weight=rounded_weight)


def as_shown(value: float) -> float:
    """An IKM as a participant reads it: two decimals, rounded half up (76,6056 → 76,61)."""
    return float(Decimal(str(float(value))).quantize(Decimal("0.01"), ROUND_HALF_UP))


def grade_band(value: float) -> tuple[str, str]:
    """(mutu, kinerja) of an IKM, e.g. ``("B", "Baik")``; bands are closed below (≥).

    PermenPANRB 14/2017 writes the intervals with two decimals (76,61–88,30 is B), so the
    band is that of the IKM as shown (:func:`as_shown`): 76,6056 is shown 76,61 and is B.
    """
    if (not isinstance(value, numbers.Real) or isinstance(value, bool) or math.isnan(value)
            or not 24.9 <= round(float(value), 9) <= 100):
        raise SurveyError(f"Nilai IKM harus angka 25–100, bukan {value!r}.")
    value = as_shown(value)
    for lowest, mutu, kinerja in BANDS:
        if value >= lowest:
            return mutu, kinerja
    return BANDS[-1][1], BANDS[-1][2]  # below 25 only with the rounded 0.111 weight


def summary_by_unit(responses: pd.DataFrame, unit_column: str = "unit_layanan") -> pd.DataFrame:
    """Per service unit: ``responden``, ``ikm``, ``mutu``, ``kinerja``, weakest element."""
    rows = []
    for unit, group in responses.groupby(unit_column, sort=True):
        table = nrr_per_element(group)
        value = ikm_from_nrr(table["nrr"])
        mutu, kinerja = grade_band(value)
        weakest = table.loc[table["nrr"].idxmin(), "unsur"]
        rows.append({unit_column: unit, "responden": len(group), "ikm": as_shown(value),
                     "mutu": mutu, "kinerja": kinerja, "unsur_terlemah": weakest})
    return pd.DataFrame(rows)


def element_chart(responses: pd.DataFrame, title: str = "NRR per unsur pelayanan") -> alt.Chart:
    """Bar chart of NRR per element, coloured by the band of NRR×25; weakest one marked."""
    table = nrr_per_element(responses)
    table["nilai_konversi"] = (table["nrr"] * SCALE).round(2)
    table["mutu"] = [grade_band(v)[0] for v in table["nilai_konversi"]]
    table["terlemah"] = table["nrr"] == table["nrr"].min()
    order = list(ELEMENTS)
    bars = alt.Chart(table).mark_bar().encode(
        x=alt.X("nrr:Q", title="NRR (rata-rata jawaban 1–4)", scale=alt.Scale(domain=[0, 4])),
        y=alt.Y("unsur:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
        color=alt.Color("mutu:N", title="Mutu (NRR×25)",
                        scale=alt.Scale(domain=list(BAND_COLOURS),
                                        range=list(BAND_COLOURS.values()))),
        stroke=alt.condition("datum.terlemah", alt.value("black"), alt.value(None)),
        strokeWidth=alt.condition("datum.terlemah", alt.value(2), alt.value(0)),
        tooltip=[alt.Tooltip("kode:N", title="Kode"), alt.Tooltip("unsur:N", title="Unsur"),
                 alt.Tooltip("nrr:Q", title="NRR", format=".3f"),
                 alt.Tooltip("nilai_konversi:Q", title="NRR×25", format=".2f"),
                 alt.Tooltip("mutu:N", title="Mutu")],
    )
    labels = bars.mark_text(align="left", dx=3).encode(
        text=alt.Text("nrr:Q", format=".2f"), color=alt.value("black"),
        stroke=alt.value(None),
    )
    return (bars + labels).properties(title=title, width=420, height=260)


def krejcie_morgan(population: int, chi_square: float = CHI_SQUARE,
                   proportion: float = PROPORTION, margin: float = MARGIN) -> int:
    """Minimum sample size s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), rounded up."""
    if (isinstance(population, bool) or not isinstance(population, numbers.Integral)
            or population < 1):
        raise SurveyError(
            f"Jumlah populasi (N) harus bilangan bulat positif, bukan {population!r}."
        )
    if not 0 < margin < 1:
        raise SurveyError(f"Batas kesalahan (d) harus di antara 0 dan 1, bukan {margin!r}.")
    variance = chi_square * proportion * (1 - proportion)
    population = int(population)
    size = variance * population / (margin**2 * (population - 1) + variance)
    return math.ceil(round(size, 9))
