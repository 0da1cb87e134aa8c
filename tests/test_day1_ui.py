"""Day 1 widgets: changing a control changes what the participant sees."""

from __future__ import annotations

from humaskit import datasets
from humaskit.edohp import ui as edohp_ui
from humaskit.satisfaction import ui as satisfaction_ui


def test_index_calculator_recomputes_when_a_slider_moves():
    calculator = edohp_ui.index_calculator()
    sliders, summary = calculator.children[:4], calculator.children[4]
    before = summary.value
    assert "51,65" in before  # 48×30% + 55×25% + 62×25% + 40×20%
    sliders[3].value = 90  # Daya saing
    assert summary.value != before
    assert "61,65" in summary.value


def test_index_calculator_says_when_a_region_beats_the_2011_ceiling():
    calculator = edohp_ui.index_calculator()
    for slider in calculator.children[:4]:
        slider.value = 80
    assert "di atas 65" in calculator.children[4].value


def test_unit_filter_shows_the_ikm_of_the_chosen_unit():
    survey = datasets.load("survei_kepuasan")
    panel = satisfaction_ui.unit_filter(survey)
    choice, summary = panel.children[0], panel.children[1]
    assert "500 responden" in summary.value
    choice.value = "Puskesmas Sungai Lintang"
    assert "Puskesmas Sungai Lintang" in summary.value
    assert "mutu A" in summary.value


def test_sample_size_calculator_updates_and_explains_bad_input():
    calculator = satisfaction_ui.sample_size_calculator()
    population, margin = calculator.children[0].children
    result = calculator.children[1]
    assert "278 responden" in result.value
    population.value = 10_000
    assert "370 responden" in result.value
    margin.value = 0.10
    assert "370 responden" not in result.value
    assert "bilangan bulat positif" in satisfaction_ui.sample_size_html(0, 0.05)
