"""Day 2 widgets: moving a control changes what the participant sees."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit import datasets
from humaskit.issues import explore, ui


@pytest.fixture(scope="module")
def clips() -> pd.DataFrame:
    return datasets.load("monitoring_isu")


@pytest.fixture(scope="module")
def april(clips) -> pd.DataFrame:
    return explore.snapshot(clips, "2025-04")


def test_priority_explorer_shows_issues_moving_when_impact_weighs_more(april):
    panel = ui.priority_explorer(april)
    weight, summary = panel.children[0], panel.children[4]
    assert "Tidak ada isu yang berpindah" in summary.value
    weight.value = 0.8
    assert "berpindah kategori" in summary.value
    assert "Banjir dan drainase" in summary.value and "naik" in summary.value


def test_priority_explorer_explains_bounds_that_do_not_fall(april):
    panel = ui.priority_explorer(april)
    critical, high, summary = panel.children[1], panel.children[2], panel.children[4]
    critical.value = 8  # below Tinggi (10)
    assert "Batas kategori harus menurun" in summary.value
    high.value = 6
    assert "Jumlah isu per kategori" in summary.value


def test_stakeholder_explorer_moves_stakeholders_when_high_power_starts_later():
    panel = ui.stakeholder_explorer(datasets.load("pemangku_kepentingan"))
    power, summary = panel.children[0], panel.children[2]
    assert "Semua pihak berada di kuadran yang sama" in summary.value
    power.value = 4
    assert "berpindah kuadran" in summary.value
    assert "Lembaga Adat Melayu Muara Seruni" in summary.value


def test_office_explorer_lists_the_issues_of_the_chosen_office(clips, april):
    until_april = explore.up_to(clips, "2025-04")
    panel = ui.office_explorer(until_april, april)
    choice, result = panel.children[:2]
    choice.value = "PUPR"
    assert "Jalan rusak" in result.value and "memimpin" in result.value
    assert "Sekda/Wabup" in result.value  # jalan rusak: Kritis in April and crosses dinas
    choice.value = "DISTAN"
    assert "Harga pupuk" in result.value and "Jalan rusak" not in result.value


def test_office_html_says_when_an_office_is_not_named(clips, april):
    assert "tidak disebut" in ui.office_html(explore.up_to(clips, "2025-04"), april, "DINSOS")
