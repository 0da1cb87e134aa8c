"""Widgets for the Survei Kepuasan Masyarakat section of Day 1 (thin: logic is in satisfaction)."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from humaskit import form_layout, satisfaction

ALL_UNITS = "Semua unit layanan"


def ikm_summary_html(responses: pd.DataFrame, label: str) -> str:
    """One line: IKM (exact 1/9 weight), grade, respondents, weakest element."""
    table = satisfaction.nrr_per_element(responses)
    value = satisfaction.ikm_from_nrr(table["nrr"])
    mutu, kinerja = satisfaction.grade_band(value)
    weakest = table.loc[table["nrr"].idxmin()]
    colour = satisfaction.BAND_COLOURS[mutu]
    return (
        f"<b>{label}</b> ({len(responses)} responden): IKM = <b>{_id(value, 2)}</b> → "
        f"<span style='background:{colour};padding:0 6px;border-radius:3px'>"
        f"mutu {mutu} ({kinerja})</span>; unsur terlemah: {weakest['unsur']} "
        f"(NRR {_id(weakest['nrr'], 2)})"
    )


def unit_filter(responses: pd.DataFrame, unit_column: str = "unit_layanan") -> widgets.VBox:
    """A dropdown of service units; choosing one redraws the IKM line and the element chart."""
    units = sorted(responses[unit_column].unique())
    choice = widgets.Dropdown(options=[ALL_UNITS, *units], value=ALL_UNITS,
                              description="Unit:", layout=widgets.Layout(width="420px"))
    summary = widgets.HTML()
    chart = widgets.Output()

    def redraw(_change=None) -> None:
        picked = responses if choice.value == ALL_UNITS else (
            responses[responses[unit_column] == choice.value])
        summary.value = ikm_summary_html(picked, choice.value)
        chart.clear_output(wait=True)
        with chart:
            display(satisfaction.element_chart(picked, title=f"NRR per unsur: {choice.value}"))

    choice.observe(redraw, names="value")
    redraw()
    return form_layout.fit(widgets.VBox([choice, summary, chart]))


def sample_size_html(population: int, margin: float) -> str:
    """The Krejcie & Morgan sample size for N and d, or the Indonesian error, as HTML."""
    try:
        size = satisfaction.krejcie_morgan(population, margin=margin)
    except satisfaction.SurveyError as error:
        return f"<span style='color:#b00'>{error}</span>"
    return (f"Populasi N = {_id(population)} orang, d = {_id(margin, 2)} → sampel minimal "
            f"<b>{_id(size)} responden</b> ({_id(size / population * 100, 1)}% dari populasi)")


def _id(number: float, decimals: int = 0) -> str:
    """A number written the Indonesian way: 10.000 and 77,13."""
    return f"{number:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def sample_size_calculator(population: int = 1000) -> widgets.VBox:
    """Krejcie & Morgan calculator: type N (and pick d), the minimum sample updates."""
    population_box = widgets.BoundedIntText(value=population, min=1, max=10_000_000, step=100,
                                            description="Populasi N:")
    margin = widgets.Dropdown(options=[("5% (baku)", 0.05), ("10%", 0.10), ("3%", 0.03)],
                              value=0.05, description="Galat d:")
    result = widgets.HTML()

    def redraw(_change=None) -> None:
        result.value = sample_size_html(population_box.value, margin.value)

    population_box.observe(redraw, names="value")
    margin.observe(redraw, names="value")
    redraw()
    return form_layout.fit(widgets.VBox([widgets.HBox([population_box, margin]), result]))
