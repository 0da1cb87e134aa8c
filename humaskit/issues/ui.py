"""Day 2 widgets (thin: the logic is in humaskit.issues.explore and the rubric modules).

- :func:`priority_explorer`: try another impact/urgency weighting and other category
  bounds, see issues move between Kritis, Tinggi, Sedang and Rendah;
- :func:`stakeholder_explorer`: move where "high" power and interest begin, see
  stakeholders change quadrant;
- :func:`office_explorer`: choose an OPD, see the issues it leads or supports and who
  coordinates each.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from humaskit import form_layout
from humaskit.issues import explore, priority, stakeholders

_WIDE = {"description_width": "230px"}
_LAYOUT = widgets.Layout(width="560px")


def _table(frame: pd.DataFrame, headers: dict) -> str:
    """A small HTML table of ``frame``'s ``headers`` columns, headed in Indonesian."""
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>"
                   for h in headers.values())
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'>{html.escape(_fmt(row[c]))}</td>"
                         for c in headers) + "</tr>"
        for _, row in frame.iterrows())
    return f"<table><tr>{head}</tr>{body}</table>"


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _error(message: str) -> str:
    return f"<p style='color:#c0392b'><b>Periksa pengaturan:</b> {html.escape(message)}</p>"


# --- priority matrix ----------------------------------------------------------------------

def priority_summary_html(reweighed: pd.DataFrame) -> str:
    """How many issues fall in each category now, and which ones moved."""
    counts = reweighed["kategori_uji"].value_counts()
    tally = ", ".join(f"{name} {counts.get(name, 0)}" for name in priority.CATEGORIES)
    changed = explore.moved(reweighed)
    if changed.empty:
        moves = "<p>Tidak ada isu yang berpindah kategori dibanding rubrik standar.</p>"
    else:
        changed = changed.assign(isu=changed["topik"].map(explore.label))
        moves = (f"<p><b>{len(changed)} isu berpindah kategori</b> dibanding rubrik "
                 "standar:</p>" + _table(changed, {
                     "isu": "Isu", "prioritas": "Prioritas rubrik", "kategori": "Kategori rubrik",
                     "prioritas_uji": "Prioritas uji", "kategori_uji": "Kategori uji",
                     "perubahan": "Arah"}))
    return f"<p>Jumlah isu per kategori: {tally}.</p>{moves}"


def priority_explorer(scored: pd.DataFrame) -> widgets.VBox:
    """Sliders for the impact weight and the category bounds over the priority matrix."""
    weight = widgets.FloatSlider(value=0.5, min=0.0, max=1.0, step=0.1,
                                 description="Bobot dampak (0,5 = setara)", style=_WIDE,
                                 layout=_LAYOUT)
    bounds = {
        "Kritis": widgets.IntSlider(value=priority.CATEGORY_THRESHOLDS["Kritis"], min=2,
                                    max=25, description="Kritis mulai prioritas", style=_WIDE,
                                    layout=_LAYOUT),
        "Tinggi": widgets.IntSlider(value=priority.CATEGORY_THRESHOLDS["Tinggi"], min=2,
                                    max=25, description="Tinggi mulai prioritas", style=_WIDE,
                                    layout=_LAYOUT),
        "Sedang": widgets.IntSlider(value=priority.CATEGORY_THRESHOLDS["Sedang"], min=2,
                                    max=25, description="Sedang mulai prioritas", style=_WIDE,
                                    layout=_LAYOUT),
    }
    summary = widgets.HTML()
    chart = widgets.Output()

    def redraw(_change=None) -> None:
        try:
            limits = explore.category_bounds(*(s.value for s in bounds.values()))
        except ValueError as exc:
            summary.value = _error(str(exc))
            return
        trial = explore.reweigh(scored, weight.value, limits)
        summary.value = priority_summary_html(trial)
        chart.clear_output(wait=True)
        with chart:
            display(explore.priority_matrix_chart(trial, weight.value, limits))

    for control in (weight, *bounds.values()):
        control.observe(redraw, names="value")
    redraw()
    return form_layout.fit(widgets.VBox([weight, *bounds.values(), summary, chart]))


# --- stakeholder grid ---------------------------------------------------------------------

def stakeholder_summary_html(grid: pd.DataFrame) -> str:
    """Per quadrant: how many stakeholders and what humas does; then who moved."""
    counts = explore.quadrant_counts(grid)
    rows = "".join(
        f"<li><b>{html.escape(name)}</b>: {counts[name]} pihak — "
        f"{html.escape(explore.QUADRANT_ACTIONS[name])}</li>" for name in counts.index)
    shifted = grid[grid["berpindah"]]
    if shifted.empty:
        note = "<p>Semua pihak berada di kuadran yang sama dengan batas standar (3).</p>"
    else:
        note = (f"<p><b>{len(shifted)} pihak berpindah kuadran</b> dibanding batas standar:</p>"
                + _table(shifted, {"nama": "Pemangku kepentingan", "kuadran": "Batas standar",
                                   "kuadran_uji": "Batas uji"}))
    return f"<ul>{rows}</ul>{note}"


def stakeholder_explorer(table: pd.DataFrame) -> widgets.VBox:
    """Two sliders for where "high" power and "high" interest begin, over the grid."""
    power = widgets.IntSlider(value=stakeholders.HIGH_FROM, min=2, max=5,
                              description="Kekuasaan 'tinggi' mulai skor", style=_WIDE,
                              layout=_LAYOUT)
    interest = widgets.IntSlider(value=stakeholders.HIGH_FROM, min=2, max=5,
                                 description="Kepentingan 'tinggi' mulai skor", style=_WIDE,
                                 layout=_LAYOUT)
    summary = widgets.HTML()
    chart = widgets.Output()

    def redraw(_change=None) -> None:
        grid = explore.regrid(table, power.value, interest.value)
        summary.value = stakeholder_summary_html(grid)
        chart.clear_output(wait=True)
        with chart:
            display(explore.stakeholder_grid_chart(grid, power.value, interest.value))

    power.observe(redraw, names="value")
    interest.observe(redraw, names="value")
    redraw()
    return form_layout.fit(widgets.VBox([power, interest, summary, chart]))


# --- who leads which issue ----------------------------------------------------------------

def office_html(data: pd.DataFrame, scored: pd.DataFrame, office: str) -> str:
    """The issues ``office`` is named in, its role in each, and who coordinates each."""
    roles = explore.office_roles(data, office)
    if roles.empty:
        return f"<p>{html.escape(office)} tidak disebut dalam klip mana pun pada periode ini.</p>"
    plan = explore.coordination(data, scored).set_index("topik")
    roles = roles.assign(
        kategori=roles["topik"].map(plan["kategori"]),
        jumlah_opd=roles["topik"].map(plan["jumlah_opd"]),
        koordinator=roles["topik"].map(plan["koordinator"]),
    )
    leads = int((roles["peran"] == "memimpin").sum())
    return (f"<p><b>{html.escape(office)}</b> disebut dalam {len(roles)} isu dan memimpin "
            f"{leads} di antaranya.</p>"
            + _table(roles, {"isu": "Isu", "klip": "Klip", "persen": "% klip isu",
                             "peran": "Peran", "kategori": "Kategori",
                             "jumlah_opd": "OPD terlibat", "koordinator": "Koordinator"}))


def office_explorer(data: pd.DataFrame, scored: pd.DataFrame) -> widgets.VBox:
    """A drop-down of the OPD named in ``data``; choosing one lists its issues and roles."""
    offices = sorted(data["opd_terkait"].unique())
    choice = widgets.Dropdown(options=offices, value=offices[0], description="Pilih OPD",
                              style=_WIDE, layout=_LAYOUT)
    result = widgets.HTML()

    def redraw(_change=None) -> None:
        result.value = office_html(data, scored, choice.value)

    choice.observe(redraw, names="value")
    redraw()
    return form_layout.fit(widgets.VBox([choice, result]))
