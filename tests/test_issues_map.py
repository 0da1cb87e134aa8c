"""The issue map built from the shipped data, and the charts drawn from it."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit import datasets
from humaskit.issues import charts, issue_map, lifecycle, monitoring, priority, stakeholders


@pytest.fixture(scope="module")
def clips():
    return datasets.load("monitoring_isu")


@pytest.fixture(scope="module")
def table():
    return datasets.load("pemangku_kepentingan")


@pytest.fixture(scope="module")
def peta(clips, table):
    return issue_map.build(clips, table)


def test_map_has_one_row_per_issue_highest_priority_first(peta):
    assert list(peta.columns) == issue_map.MAP_COLUMNS
    assert sorted(peta["topik"]) == sorted(monitoring.TOPICS)
    assert peta["prioritas"].is_monotonic_decreasing
    assert (peta["prioritas"] == peta["dampak"] * peta["urgensi"]).all()


def test_shipped_data_exercises_every_category_stage_and_quadrant(peta, table):
    assert set(peta["kategori"]) == set(priority.CATEGORIES)
    assert set(peta["tahap"]) == set(lifecycle.STAGES)
    assert set(stakeholders.classify(table)["kuadran"]) == set(stakeholders.QUADRANTS)


def test_shipped_data_puts_issues_on_category_boundaries(peta):
    # So that "> 16" instead of "16 or more" (and "> 5") changes a category.
    assert {16, 5} <= set(peta["prioritas"])


def test_shipped_data_keeps_rubric_inputs_away_from_band_edges(clips):
    summary = monitoring.summarise(clips)
    for bound in priority.URGENCY_THRESHOLDS:
        assert (summary["persen_negatif"] - bound).abs().min() > 1
    for bound in priority.IMPACT_THRESHOLDS:
        assert (summary["total_jangkauan"] - bound).abs().min() > 1000


def test_sekda_wabup_coordinates_only_critical_issues_that_cross_dinas(peta):
    central = peta["koordinator"].eq(issue_map.CENTRAL_COORDINATOR)
    assert (central == (peta["kategori"].eq("Kritis") & peta["jumlah_opd"].ge(2))).all()
    assert (peta.loc[~central, "koordinator"] == peta.loc[~central, "opd_utama"]).all()
    # The data holds a critical single-dinas issue and a non-critical cross-dinas one.
    assert (peta["kategori"].eq("Kritis") & peta["jumlah_opd"].eq(1)).any()
    assert (peta["kategori"].ne("Kritis") & peta["jumlah_opd"].ge(2)).any()


def test_lead_office_is_the_most_named_one_with_ties_broken_alphabetically():
    data = pd.DataFrame({"topik": ["a", "a", "a", "b", "b"],
                         "opd_terkait": ["PUPR", "BPBD", "PUPR", "DLH", "BPBD"]})
    leads = issue_map.lead_offices(data).set_index("topik")
    assert leads.loc["a"].tolist() == ["PUPR", 2]
    assert leads.loc["b"].tolist() == ["BPBD", 2]


def test_key_stakeholders_are_listed_per_issue(peta, table):
    row = peta.set_index("topik").loc["tapal batas"]
    names = row["pemangku_kunci"].split("; ")
    assert "Pemerintah Kabupaten Seruni Raya" in names
    assert "Forum Kepala Desa Sungai Lintang" not in names  # low power: keep informed


def test_issue_matrix_encodes_urgency_impact_volume_and_category(peta):
    spec = charts.issue_matrix(peta).to_dict()
    circles = spec["layer"][0]
    assert circles["mark"]["type"] == "circle"
    encoding = circles["encoding"]
    assert encoding["size"]["field"] == "volume"
    assert encoding["color"]["field"] == "kategori"
    assert {t["field"] for t in encoding["tooltip"]} >= {"topik", "prioritas", "koordinator"}
    assert encoding["y"]["field"] == "dampak"
    assert encoding["x"]["title"].startswith("Urgensi")


def test_matrix_spreads_issues_sharing_a_cell_so_both_stay_visible(peta):
    circles, labels = charts.issue_matrix(peta).layer
    values = circles.data
    same_cell = values[values.duplicated(["urgensi", "dampak"], keep=False)]
    assert len(same_cell) >= 2
    assert same_cell["_x"].is_unique
    # one label per spot, naming every issue there: nothing printed on top of another
    spots = labels.data.set_index(["urgensi", "dampak"])["topik"]
    assert spots.index.is_unique and len(spots) == len(values.groupby(["urgensi", "dampak"]))
    for (urgency, impact), group in same_cell.groupby(["urgensi", "dampak"]):
        assert set(spots[(urgency, impact)].split(" + ")) == set(group["topik"])


def test_mendelow_grid_colours_by_quadrant_and_draws_the_cut_off(table):
    spec = charts.mendelow_grid(stakeholders.classify(table)).to_dict()
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert len(rules) == 2
    points = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "circle")
    assert points["encoding"]["color"]["field"] == "kuadran"


def test_timeline_lets_the_reader_pick_issues_from_the_legend(clips):
    spec = charts.timeline(clips).to_dict()
    assert spec["params"][0]["bind"] == "legend"
    assert len(spec["vconcat"]) == 2
