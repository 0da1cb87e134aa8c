"""The EDOHP-style composite-index calculator of Day 1 (thin: logic is in humaskit.edohp)."""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as widgets
from IPython.display import display

from humaskit import edohp, form_layout

#: Starting scores of the fictional Kabupaten Muara Seruni, by dimension.
EXAMPLE_SCORES = {
    "Kesejahteraan masyarakat": 48,
    "Tata kelola pemerintahan yang baik": 55,
    "Pelayanan publik": 62,
    "Daya saing": 40,
}


def index_html(scores: Mapping[str, float]) -> str:
    """The index, its contributions, and how it compares with the 2011 ceiling of 65."""
    table = edohp.contributions(scores)
    value = float(table["kontribusi"].sum())
    parts = " + ".join(f"{s:g}×{b}%" for s, b in zip(table["skor"], table["bobot_persen"]))
    verdict = (f"di atas {edohp.HIGHEST_2011}: lebih tinggi dari semua DOB pada EDOHP 2011"
               if value > edohp.HIGHEST_2011 else
               f"tidak melampaui {edohp.HIGHEST_2011}, seperti semua DOB pada EDOHP 2011")
    return (f"Indeks komposit = {parts} = <b>{value:.2f}</b>".replace(".", ",")
            + f" ({verdict}).")


def index_calculator(scores: Mapping[str, float] | None = None) -> widgets.VBox:
    """Four sliders (0–100), one per dimension; moving one redraws the index and the chart."""
    start = dict(scores or EXAMPLE_SCORES)
    weights = edohp.weights()
    sliders = {
        name: widgets.IntSlider(value=int(start[name]), min=0, max=100,
                                description=f"{name} ({weight:.0%})",
                                style={"description_width": "300px"},
                                layout=widgets.Layout(width="620px"))
        for name, weight in weights.items()
    }
    summary = widgets.HTML()
    chart = widgets.Output()

    def redraw(_change=None) -> None:
        current = {name: slider.value for name, slider in sliders.items()}
        summary.value = index_html(current)
        chart.clear_output(wait=True)
        with chart:
            display(edohp.index_chart(current))

    for slider in sliders.values():
        slider.observe(redraw, names="value")
    redraw()
    return form_layout.fit(widgets.VBox([*sliders.values(), summary, chart]))
