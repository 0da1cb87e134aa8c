"""Altair charts of the issue map: priority matrix, Mendelow grid, volume over time."""

from __future__ import annotations

import altair as alt
import pandas as pd

from humaskit.issues import monitoring, stakeholders

CATEGORY_COLOURS = {"Kritis": "#c0392b", "Tinggi": "#e67e22", "Sedang": "#f1c40f",
                    "Rendah": "#27ae60"}
QUADRANT_COLOURS = {"Kelola secara dekat": "#c0392b", "Jaga kepuasan": "#8e44ad",
                    "Jaga agar terinformasi": "#2980b9", "Pantau": "#7f8c8d"}
_LEVELS = alt.Scale(domain=[0.5, 5.5])
_SPREAD = 0.3


def _spread(frame: pd.DataFrame, x: str, y: str) -> pd.DataFrame:
    """``frame`` with ``_x``: ``x`` nudged sideways so that points on one spot stay visible."""
    position = frame.groupby([x, y]).cumcount()
    count = frame.groupby([x, y])[x].transform("size")
    return frame.assign(_x=frame[x] + (position - (count - 1) / 2) * _SPREAD)


def issue_matrix(peta: pd.DataFrame) -> alt.LayerChart:
    """Urgency × impact, one circle per issue: size = volume, colour = category, tooltip.
    Issues on the same spot are set side by side and share one label that names them all,
    so every circle, and every Kritis one, can be counted."""
    colour = alt.Color("kategori:N", title="Kategori", scale=alt.Scale(
        domain=list(CATEGORY_COLOURS), range=list(CATEGORY_COLOURS.values())))
    tooltip = [alt.Tooltip(c) for c in ("topik", "kategori", "prioritas", "dampak", "urgensi",
                                         "volume", "tahap", "opd_utama", "koordinator")
               if c in peta.columns]
    x = alt.X("_x:Q", title="Urgensi (1–5)", scale=_LEVELS)
    y = alt.Y("dampak:Q", title="Dampak (1–5)", scale=_LEVELS)
    circles = alt.Chart(_spread(peta, "urgensi", "dampak")).mark_circle(
        opacity=0.75, stroke="black", strokeWidth=0.5).encode(
        x=x, y=y, color=colour, tooltip=tooltip,
        size=alt.Size("volume:Q", title="Volume klip", scale=alt.Scale(range=[100, 1500])))
    spots = (peta.sort_values("topik").groupby(["urgensi", "dampak"], as_index=False)
             .agg(topik=("topik", " + ".join)))
    labels = alt.Chart(spots.assign(_x=spots["urgensi"])).mark_text(
        dy=-24, fontSize=11).encode(x=x, y=y, text="topik:N")
    return (circles + labels).properties(
        width=460, height=380, title="Matriks prioritas isu: urgensi × dampak")


def mendelow_grid(classified: pd.DataFrame) -> alt.LayerChart:
    """Interest × power with the quadrant cut-off drawn; colour = quadrant; tooltip = name."""
    cut = stakeholders.HIGH_FROM - 0.5
    points = alt.Chart(_spread(classified, "kepentingan", "kekuasaan")).mark_circle(
        size=160, opacity=0.8).encode(
        x=alt.X("_x:Q", title="Kepentingan (1–5)", scale=_LEVELS),
        y=alt.Y("kekuasaan:Q", title="Kekuasaan (1–5)", scale=_LEVELS),
        color=alt.Color("kuadran:N", title="Kuadran", scale=alt.Scale(
            domain=list(QUADRANT_COLOURS), range=list(QUADRANT_COLOURS.values()))),
        tooltip=["nama:N", "jenis:N", "kekuasaan:Q", "kepentingan:Q", "kuadran:N",
                 "isu_terkait:N"],
    )
    rules = alt.Chart(pd.DataFrame({"v": [cut]}))
    lines = (rules.mark_rule(strokeDash=[4, 4], color="gray").encode(
        x=alt.X("v:Q", scale=_LEVELS))
             + rules.mark_rule(strokeDash=[4, 4], color="gray").encode(
        y=alt.Y("v:Q", scale=_LEVELS)))
    return (lines + points).properties(
        width=420, height=360, title="Peta pemangku kepentingan (Mendelow)")


def timeline(data: pd.DataFrame) -> alt.VConcatChart:
    """Monthly clips per issue and share negative; click the legend to pick issues."""
    pick = alt.selection_point(fields=["topik"], bind="legend")
    per_month = monitoring.monthly(data)
    base = alt.Chart(per_month).encode(
        x=alt.X("yearmonth(bulan):T", title="Bulan"),
        color=alt.Color("topik:N", title="Isu (klik untuk memilih)"),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.12)),
        tooltip=["topik:N", alt.Tooltip("yearmonth(bulan):T", title="bulan"), "volume:Q",
                 "persen_negatif:Q"],
    )
    volume = base.mark_line(point=True).encode(
        y=alt.Y("volume:Q", title="Jumlah klip")).add_params(pick).properties(
        width=520, height=220, title="Volume klip per bulan")
    negative = base.mark_line(point=True).encode(
        y=alt.Y("persen_negatif:Q", title="% negatif", scale=alt.Scale(domain=[0, 100]))
    ).properties(width=520, height=160, title="Porsi klip bernada negatif")
    return alt.vconcat(volume, negative)



