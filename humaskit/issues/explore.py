"""Day 2 explorations built on the issue-management rubric: "what if" views and their charts.

The rubric itself (summary, impact × urgency, life cycle, Mendelow quadrants, lead OPD) lives
in the sibling modules; this module lets participants look at it from other angles:

- a *snapshot* of the issues as they stood at the end of a given month;
- weekly volume and sentiment per topic, linked by a time brush;
- the priority matrix under another impact/urgency weighting and other category bounds;
- the power–interest grid under other "high" bounds;
- which OPD is named in which issue, and who would coordinate it.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from humaskit.issues import charts, issue_map, lifecycle, monitoring, priority, stakeholders

SENTIMENT_COLOURS = ("#27ae60", "#bdc3c7", "#c0392b")
LEVELS = [1, 2, 3, 4, 5]

#: What humas does with each Mendelow quadrant (same order as stakeholders.QUADRANTS).
QUADRANT_ACTIONS = {
    "Kelola secara dekat": "libatkan sejak awal, ajak berunding, laporkan perkembangan rutin",
    "Jaga kepuasan": "penuhi kebutuhan informasinya secara ringkas, jangan dibebani detail",
    "Jaga agar terinformasi": "kabari secara teratur, buka saluran untuk masukan",
    "Pantau": "amati perubahan sikapnya, cukup informasi umum",
}


def label(topic: str) -> str:
    """The readable Indonesian name of a topic key."""
    return monitoring.TOPICS.get(topic, topic)


# --- snapshot and time series -------------------------------------------------------------

def up_to(data: pd.DataFrame, month: str | pd.Period) -> pd.DataFrame:
    """The clips dated on or before the last day of ``month`` (e.g. ``"2025-04"``)."""
    try:
        if isinstance(month, str) and not re.fullmatch(r"\d{4}-\d{2}", month):
            raise ValueError(month)
        end = pd.Period(month, "M").end_time
    except (ValueError, TypeError):
        raise ValueError(f"Bulan {month!r} tidak dikenali; tulis seperti \"2025-04\" "
                         "(tahun-bulan).") from None
    return data[data["tanggal"] <= end].reset_index(drop=True)


def snapshot(data: pd.DataFrame, month: str | pd.Period) -> pd.DataFrame:
    """The scored issue summary (with ``tahap``) as it stood at the end of ``month``.

    Only clips up to that month count, so the picture is the one a humas officer would
    have had then; the rubric is :func:`humaskit.issues.priority.score`.
    """
    scored = priority.score(monitoring.summarise(up_to(data, month), month))
    scored["tahap"] = lifecycle.stages(scored)
    return scored


def weekly(data: pd.DataFrame) -> pd.DataFrame:
    """Clips per week (``minggu``, its Monday), topic and sentiment, with the topic label."""
    frame = data.assign(minggu=data["tanggal"].dt.to_period("W-SUN").dt.start_time)
    out = (frame.groupby(["minggu", "topik", "sentimen"]).size()
           .reset_index(name="volume"))
    out["isu"] = out["topik"].map(label)
    return out


def timeline_chart(data: pd.DataFrame) -> alt.VConcatChart:
    """Weekly volume per issue over a bar of volume by sentiment, linked.

    Drag over the upper chart to choose a period: the lower bars count only that period.
    Click an issue in the legend to highlight it in both charts.
    """
    source = weekly(data)
    brush = alt.selection_interval(encodings=["x"], name="periode")
    pick = alt.selection_point(fields=["isu"], bind="legend", name="isu_dipilih")
    top = alt.Chart(source, title="Volume klip per minggu (seret untuk memilih periode)").mark_line(
        point=True).encode(
        x=alt.X("minggu:T", title="Minggu"),
        y=alt.Y("sum(volume):Q", title="Jumlah klip"),
        color=alt.Color("isu:N", title="Isu (klik untuk menyorot)"),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.15)),
        tooltip=[alt.Tooltip("isu:N", title="Isu"),
                 alt.Tooltip("minggu:T", title="Minggu mulai", format="%d %b %Y"),
                 alt.Tooltip("sum(volume):Q", title="Klip")],
    ).add_params(brush, pick).properties(width=620, height=220)
    bottom = alt.Chart(source, title="Klip per isu dan sentimen dalam periode terpilih").mark_bar(
    ).encode(
        y=alt.Y("isu:N", title=None, sort="-x"),
        x=alt.X("sum(volume):Q", title="Jumlah klip"),
        color=alt.Color("sentimen:N", title="Sentimen",
                        scale=alt.Scale(domain=list(monitoring.SENTIMENTS),
                                        range=list(SENTIMENT_COLOURS))),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.3)),
        tooltip=[alt.Tooltip("isu:N", title="Isu"), alt.Tooltip("sentimen:N", title="Sentimen"),
                 alt.Tooltip("sum(volume):Q", title="Klip")],
    ).transform_filter(brush).properties(width=620, height=230)
    return alt.vconcat(top, bottom).resolve_scale(color="independent")


# --- priority under other weightings and bounds ------------------------------------------

def weighted_priority(impact: int, urgency: int, impact_weight: float = 0.5) -> float:
    """``dampak^(2w) × urgensi^(2(1−w))``, rounded to one decimal; still on the 1–25 scale.

    With ``w = 0.5`` this is exactly the rubric's impact × urgency; ``w = 1`` counts only
    impact (impact × impact), ``w = 0`` only urgency.
    """
    if not 0 <= impact_weight <= 1:
        raise ValueError(f"Bobot dampak harus antara 0 dan 1, bukan {impact_weight}.")
    return round(impact ** (2 * impact_weight) * urgency ** (2 * (1 - impact_weight)), 1)


def category_bounds(critical: float = 16, high: float = 10, medium: float = 5) -> dict:
    """Category -> lowest priority in it, checked to fall from Kritis down to Rendah."""
    if not 25 >= critical > high > medium > 1:
        raise ValueError(
            "Batas kategori harus menurun dan berada di antara 1 dan 25: "
            f"Kritis ({critical}) > Tinggi ({high}) > Sedang ({medium}) > 1.")
    return {"Kritis": critical, "Tinggi": high, "Sedang": medium, "Rendah": 1}


def categorise(value: float, bounds: dict) -> str:
    """The category of a priority value under ``bounds`` (see :func:`category_bounds`)."""
    for name, lowest in bounds.items():
        if value >= lowest:
            return name
    return priority.CATEGORIES[-1]


def reweigh(scored: pd.DataFrame, impact_weight: float = 0.5,
            bounds: dict | None = None) -> pd.DataFrame:
    """The scored issues with a trial priority and category beside the rubric's own.

    Adds ``prioritas_uji``, ``kategori_uji`` and ``perubahan`` ("naik", "turun" or "tetap"
    compared with ``kategori``), highest trial priority first.
    """
    bounds = bounds or category_bounds()
    out = scored.copy()
    out["prioritas_uji"] = [weighted_priority(d, u, impact_weight)
                            for d, u in zip(out["dampak"], out["urgensi"])]
    out["kategori_uji"] = [categorise(p, bounds) for p in out["prioritas_uji"]]
    rank = {name: i for i, name in enumerate(priority.CATEGORIES)}
    out["perubahan"] = [
        "tetap" if rank[new] == rank[old] else ("naik" if rank[new] < rank[old] else "turun")
        for old, new in zip(out["kategori"], out["kategori_uji"])]
    return (out.sort_values(["prioritas_uji", "topik"], ascending=[False, True])
            .reset_index(drop=True))


def moved(reweighed: pd.DataFrame) -> pd.DataFrame:
    """Only the issues whose category changed, with the columns a participant compares."""
    rows = reweighed[reweighed["perubahan"] != "tetap"]
    return rows[["topik", "dampak", "urgensi", "prioritas", "kategori", "prioritas_uji",
                 "kategori_uji", "perubahan"]].reset_index(drop=True)


def matrix_cells(impact_weight: float = 0.5, bounds: dict | None = None) -> pd.DataFrame:
    """The 25 cells of the impact × urgency matrix with their trial priority and category."""
    bounds = bounds or category_bounds()
    rows = [{"dampak": d, "urgensi": u, "prioritas_uji": weighted_priority(d, u, impact_weight)}
            for d in LEVELS for u in LEVELS]
    cells = pd.DataFrame(rows)
    cells["kategori_uji"] = [categorise(p, bounds) for p in cells["prioritas_uji"]]
    return cells


def priority_matrix_chart(reweighed: pd.DataFrame, impact_weight: float = 0.5,
                          bounds: dict | None = None) -> alt.LayerChart:
    """The 5 × 5 matrix coloured by trial category, with each issue written in its cell."""
    cells = matrix_cells(impact_weight, bounds)
    issues = (reweighed.assign(isu=reweighed["topik"].map(label))
              .groupby(["dampak", "urgensi"], as_index=False)
              .agg(isu=("isu", "\n".join), kategori=("kategori", "first"),
                   prioritas_uji=("prioritas_uji", "first")))
    x = alt.X("urgensi:O", title="Urgensi (1–5)", scale=alt.Scale(domain=LEVELS),
              axis=alt.Axis(labelAngle=0))
    y = alt.Y("dampak:O", title="Dampak (1–5)", scale=alt.Scale(domain=LEVELS[::-1]))
    colour = alt.Color("kategori_uji:N", title="Kategori",
                       scale=alt.Scale(domain=list(charts.CATEGORY_COLOURS),
                                       range=list(charts.CATEGORY_COLOURS.values())))
    grid = alt.Chart(cells).mark_rect(opacity=0.55, stroke="white").encode(
        x=x, y=y, color=colour,
        tooltip=[alt.Tooltip("dampak:O", title="Dampak"), alt.Tooltip("urgensi:O", title="Urgensi"),
                 alt.Tooltip("prioritas_uji:Q", title="Prioritas"),
                 alt.Tooltip("kategori_uji:N", title="Kategori")])
    score = alt.Chart(cells).mark_text(align="right", baseline="bottom", dx=48, dy=36,
                                       fontSize=10, color="#333").encode(
        x=x, y=y, text=alt.Text("prioritas_uji:Q", format=".1f"))
    names = alt.Chart(issues).mark_text(fontSize=11, fontWeight="bold", lineBreak="\n",
                                        limit=100).encode(
        x=x, y=y, text="isu:N",
        tooltip=[alt.Tooltip("isu:N", title="Isu"), alt.Tooltip("dampak:O", title="Dampak"),
                 alt.Tooltip("urgensi:O", title="Urgensi"),
                 alt.Tooltip("prioritas_uji:Q", title="Prioritas uji")])
    return (grid + score + names).properties(width=520, height=400,
                                             title="Matriks prioritas: dampak × urgensi")


# --- the power–interest grid under other bounds -------------------------------------------

def quadrant_with(power: int, interest: int, power_from: int = stakeholders.HIGH_FROM,
                  interest_from: int = stakeholders.HIGH_FROM) -> str:
    """The Mendelow quadrant when "high" power and "high" interest start at other scores."""
    high_power, high_interest = power >= power_from, interest >= interest_from
    names = stakeholders.QUADRANTS
    if high_power:
        return names[0] if high_interest else names[1]
    return names[2] if high_interest else names[3]


def regrid(table: pd.DataFrame, power_from: int = stakeholders.HIGH_FROM,
           interest_from: int = stakeholders.HIGH_FROM) -> pd.DataFrame:
    """The stakeholders classified by the rubric (``kuadran``) and under trial bounds
    (``kuadran_uji``), with ``berpindah`` true where the two differ."""
    out = stakeholders.classify(table)
    out["kuadran_uji"] = [quadrant_with(p, i, power_from, interest_from)
                          for p, i in zip(out["kekuasaan"], out["kepentingan"])]
    out["berpindah"] = out["kuadran"] != out["kuadran_uji"]
    return out


def quadrant_counts(grid: pd.DataFrame) -> pd.Series:
    """How many stakeholders fall in each quadrant under the trial bounds (all four listed)."""
    return (grid["kuadran_uji"].value_counts()
            .reindex(list(stakeholders.QUADRANTS), fill_value=0).rename("jumlah"))


def _spread(grid: pd.DataFrame) -> pd.DataFrame:
    """Small offsets so that stakeholders with the same scores do not hide each other."""
    rank = grid.groupby(["kekuasaan", "kepentingan"]).cumcount()
    size = grid.groupby(["kekuasaan", "kepentingan"])["nama"].transform("size")
    shift = (rank - (size - 1) / 2) * 0.16
    return grid.assign(x=grid["kepentingan"] + shift, y=grid["kekuasaan"] - shift * 0.5)


def stakeholder_grid_chart(grid: pd.DataFrame, power_from: int = stakeholders.HIGH_FROM,
                           interest_from: int = stakeholders.HIGH_FROM) -> alt.LayerChart:
    """The power–interest grid: one dot per stakeholder, lines where "high" begins."""
    points = alt.Chart(_spread(grid)).mark_circle(size=140, opacity=0.85).encode(
        x=alt.X("x:Q", title="Kepentingan (1–5)", scale=alt.Scale(domain=[0.5, 5.5])),
        y=alt.Y("y:Q", title="Kekuasaan (1–5)", scale=alt.Scale(domain=[0.5, 5.5])),
        color=alt.Color("kuadran_uji:N", title="Kuadran",
                        scale=alt.Scale(domain=list(charts.QUADRANT_COLOURS),
                                        range=list(charts.QUADRANT_COLOURS.values()))),
        tooltip=[alt.Tooltip("nama:N", title="Pemangku kepentingan"),
                 alt.Tooltip("jenis:N", title="Jenis"),
                 alt.Tooltip("kekuasaan:Q", title="Kekuasaan"),
                 alt.Tooltip("kepentingan:Q", title="Kepentingan"),
                 alt.Tooltip("kuadran_uji:N", title="Kuadran")])
    vertical = alt.Chart(pd.DataFrame({"x": [interest_from - 0.5]})).mark_rule(
        strokeDash=[6, 4]).encode(x="x:Q")
    horizontal = alt.Chart(pd.DataFrame({"y": [power_from - 0.5]})).mark_rule(
        strokeDash=[6, 4]).encode(y="y:Q")
    corners = pd.DataFrame({"x": [5.4, 0.6, 5.4, 0.6], "y": [5.35, 5.35, 0.65, 0.65],
                            "teks": list(stakeholders.QUADRANTS)})
    labels = [alt.Chart(corners.iloc[side::2]).mark_text(
        align=align, fontStyle="italic", color="#444").encode(x="x:Q", y="y:Q", text="teks:N")
        for side, align in ((0, "right"), (1, "left"))]
    return alt.layer(points, vertical, horizontal, *labels).properties(
        width=520, height=420, title="Peta pemangku kepentingan (kekuasaan–kepentingan)")


# --- who is named in which issue ----------------------------------------------------------

def office_matrix(data: pd.DataFrame) -> pd.DataFrame:
    """Clips per issue and OPD named (long form), with the OPD's share of the issue in %."""
    counts = data.groupby(["topik", "opd_terkait"]).size().reset_index(name="klip")
    counts["persen"] = (100 * counts["klip"]
                        / counts.groupby("topik")["klip"].transform("sum")).round(1)
    counts["isu"] = counts["topik"].map(label)
    return counts


def office_heatmap(data: pd.DataFrame) -> alt.LayerChart:
    """Issue × OPD heat map of how often each OPD is named in each issue's clips."""
    matrix = office_matrix(data)
    base = alt.Chart(matrix).encode(
        x=alt.X("opd_terkait:N", title="OPD yang disebut"),
        y=alt.Y("isu:N", title=None))
    cells = base.mark_rect().encode(
        color=alt.Color("persen:Q", title="% klip isu", scale=alt.Scale(scheme="blues")),
        tooltip=[alt.Tooltip("isu:N", title="Isu"), alt.Tooltip("opd_terkait:N", title="OPD"),
                 alt.Tooltip("klip:Q", title="Klip"), alt.Tooltip("persen:Q", title="% klip")])
    text = base.mark_text(fontSize=10).encode(
        text="klip:Q",
        color=alt.condition("datum.persen > 60", alt.value("white"), alt.value("black")))
    return (cells + text).properties(width=520, height=300,
                                     title="Siapa disebut dalam isu apa (jumlah klip)")


def coordination(data: pd.DataFrame, scored: pd.DataFrame) -> pd.DataFrame:
    """Per scored issue: lead OPD, number of OPD named and who coordinates the response.

    Uses :func:`humaskit.issues.issue_map.lead_offices` and ``coordinator`` (a *Kritis*
    issue that crosses dinas goes to the Sekda/Wabup), on the clips in ``data``.
    """
    table = scored[["topik", "kategori"]].merge(issue_map.lead_offices(data), on="topik",
                                                 how="left")
    table["koordinator"] = [issue_map.coordinator(k, n, o) for k, n, o in
                            zip(table["kategori"], table["jumlah_opd"], table["opd_utama"])]
    return table


def office_roles(data: pd.DataFrame, office: str) -> pd.DataFrame:
    """The issues in which ``office`` is named: its clips, share, and whether it leads."""
    matrix = office_matrix(data)
    leads = issue_map.lead_offices(data).set_index("topik")["opd_utama"]
    rows = matrix[matrix["opd_terkait"] == office].copy()
    rows["peran"] = ["memimpin" if leads.get(t) == office else "mendukung"
                     for t in rows["topik"]]
    return (rows.sort_values(["persen", "topik"], ascending=[False, True])
            [["topik", "isu", "klip", "persen", "peran"]].reset_index(drop=True))
