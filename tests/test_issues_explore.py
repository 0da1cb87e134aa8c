"""Day 2 explorations: snapshots, reweighted priorities, regridded stakeholders, OPD roles."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit import datasets
from humaskit.issues import explore, monitoring, priority, stakeholders


@pytest.fixture(scope="module")
def clips() -> pd.DataFrame:
    return datasets.load("monitoring_isu")


@pytest.fixture(scope="module")
def people() -> pd.DataFrame:
    return datasets.load("pemangku_kepentingan")


def _clips(rows):
    """Tiny hand-made clip table: (date, topic, sentiment, reach, OPD)."""
    frame = pd.DataFrame(rows, columns=["tanggal", "topik", "sentimen", "jangkauan",
                                        "opd_terkait"])
    frame["tanggal"] = pd.to_datetime(frame["tanggal"])
    frame["id_klip"] = [f"KLP-{i:04d}" for i in range(1, len(frame) + 1)]
    return frame


def test_a_snapshot_ignores_clips_after_the_chosen_month(clips):
    april = explore.snapshot(clips, "2025-04")
    clips_to_april = clips[clips["tanggal"] < "2025-05-01"]
    assert april["volume"].sum() == len(clips_to_april)
    assert set(april.columns) >= {"dampak", "urgensi", "prioritas", "kategori", "tahap"}
    # PPDB was still small at the end of April; by June it has grown.
    ppdb = april.set_index("topik").loc["ppdb zonasi"]
    assert ppdb["volume"] == (clips_to_april["topik"] == "ppdb zonasi").sum()
    assert ppdb["volume"] < (clips["topik"] == "ppdb zonasi").sum()


def test_a_snapshot_scores_with_the_shared_rubric():
    data = _clips([("2025-03-10", "banjir", "negatif", 600_000, "PUPR"),
                   ("2025-04-02", "banjir", "negatif", 600_000, "BPBD"),
                   ("2025-04-03", "banjir", "netral", 10_000, "PUPR"),
                   ("2025-05-20", "banjir", "negatif", 900_000, "PUPR")])
    row = explore.snapshot(data, "2025-04").iloc[0]
    assert row["volume"] == 3 and row["total_jangkauan"] == 1_210_000
    assert row["dampak"] == priority.impact(1_210_000) == 5
    # 2 of 3 negative (66.7 %) → 4, rising from 1 clip in March to 2 in April → 5.
    assert row["urgensi"] == 5 and row["kategori"] == "Kritis"


def test_a_month_that_is_not_a_month_is_refused_in_indonesian(clips):
    for month in ("April", "2025-13", "04-2025"):
        with pytest.raises(ValueError, match=f"Bulan '{month}' tidak dikenali"):
            explore.snapshot(clips, month)


def test_weekly_counts_every_clip_once_by_week_topic_and_sentiment(clips):
    weeks = explore.weekly(clips)
    assert weeks["volume"].sum() == len(clips)
    assert (weeks["minggu"].dt.day_of_week == 0).all()  # weeks start on Monday
    assert set(weeks["isu"]) == {monitoring.TOPICS[t] for t in clips["topik"].unique()}


def test_equal_weighting_is_exactly_the_rubric_impact_times_urgency():
    for impact in range(1, 6):
        for urgency in range(1, 6):
            assert explore.weighted_priority(impact, urgency, 0.5) == impact * urgency
    assert explore.weighted_priority(4, 2, 1.0) == 16  # only impact counts
    assert explore.weighted_priority(4, 2, 0.0) == 4   # only urgency counts


def test_a_weight_outside_zero_to_one_is_refused_in_indonesian():
    with pytest.raises(ValueError, match="Bobot dampak harus antara 0 dan 1"):
        explore.weighted_priority(3, 3, 1.5)


def test_default_bounds_are_the_rubric_categories():
    bounds = explore.category_bounds()
    for value in range(1, 26):
        assert explore.categorise(value, bounds) == priority.category(value)


@pytest.mark.parametrize("bounds", [(10, 16, 5), (16, 10, 10), (30, 10, 5), (16, 10, 1)])
def test_bounds_that_do_not_fall_from_kritis_to_rendah_are_refused(bounds):
    with pytest.raises(ValueError, match="Batas kategori harus menurun"):
        explore.category_bounds(*bounds)


def test_reweighing_reports_which_issues_move_and_which_way(clips):
    april = explore.snapshot(clips, "2025-04")
    same = explore.reweigh(april)
    assert (same["kategori_uji"] == same["kategori"]).all()
    assert explore.moved(same).empty

    impact_first = explore.reweigh(april, impact_weight=0.8)
    changes = explore.moved(impact_first).set_index("topik")["perubahan"]
    assert changes["banjir"] == "naik"        # wide reach, moderate urgency
    assert changes["ppdb zonasi"] == "turun"  # urgent but still small reach
    assert len(impact_first) == len(april)


def test_stricter_bounds_move_issues_down():
    scored = pd.DataFrame({"topik": ["a", "b"], "dampak": [4, 2], "urgensi": [4, 3]})
    scored["prioritas"] = scored["dampak"] * scored["urgensi"]
    scored["kategori"] = [priority.category(p) for p in scored["prioritas"]]
    strict = explore.reweigh(scored, bounds=explore.category_bounds(20, 12, 7))
    assert strict.set_index("topik")["kategori_uji"].to_dict() == {"a": "Tinggi", "b": "Rendah"}
    assert set(strict["perubahan"]) == {"turun"}


def test_the_matrix_has_25_cells_coloured_by_the_trial_category():
    cells = explore.matrix_cells(0.5, explore.category_bounds(20, 12, 6))
    assert len(cells) == 25
    corner = cells.set_index(["dampak", "urgensi"])
    assert corner.loc[(5, 4), "kategori_uji"] == "Kritis"
    assert corner.loc[(4, 4), "kategori_uji"] == "Tinggi"
    assert corner.loc[(1, 5), "kategori_uji"] == "Rendah"


def test_default_grid_bounds_give_the_rubric_quadrants(people):
    grid = explore.regrid(people)
    assert not grid["berpindah"].any()
    for power in range(1, 6):
        for interest in range(1, 6):
            assert explore.quadrant_with(power, interest) == stakeholders.quadrant(power,
                                                                                   interest)


def test_raising_the_power_bound_moves_middle_power_stakeholders_out_of_key_players(people):
    grid = explore.regrid(people, power_from=4).set_index("nama")
    lembaga_adat = grid.loc["Lembaga Adat Melayu Muara Seruni"]  # power 3, interest 4
    assert lembaga_adat["kuadran"] == "Kelola secara dekat"
    assert lembaga_adat["kuadran_uji"] == "Jaga agar terinformasi"
    assert lembaga_adat["berpindah"]
    counts = explore.quadrant_counts(grid.reset_index())
    assert list(counts.index) == list(stakeholders.QUADRANTS)
    assert counts.sum() == len(people)


def test_office_matrix_shares_add_up_to_each_issue():
    data = _clips([("2025-04-01", "banjir", "negatif", 1, "PUPR"),
                   ("2025-04-02", "banjir", "negatif", 1, "PUPR"),
                   ("2025-04-03", "banjir", "netral", 1, "BPBD"),
                   ("2025-04-03", "ktp-el", "netral", 1, "DISDUKCAPIL")])
    matrix = explore.office_matrix(data).set_index(["topik", "opd_terkait"])
    assert matrix.loc[("banjir", "PUPR"), "klip"] == 2
    assert matrix.loc[("banjir", "PUPR"), "persen"] == pytest.approx(66.7)
    assert matrix.loc[("ktp-el", "DISDUKCAPIL"), "persen"] == 100


def test_an_office_leads_where_it_is_named_most_and_supports_elsewhere():
    data = _clips([("2025-04-01", "banjir", "negatif", 1, "PUPR"),
                   ("2025-04-02", "banjir", "negatif", 1, "PUPR"),
                   ("2025-04-03", "banjir", "netral", 1, "BPBD"),
                   ("2025-04-04", "tapal batas", "netral", 1, "BAPPEDA"),
                   ("2025-04-05", "tapal batas", "netral", 1, "BAPPEDA"),
                   ("2025-04-06", "tapal batas", "netral", 1, "PUPR")])
    roles = explore.office_roles(data, "PUPR").set_index("topik")["peran"]
    assert roles.to_dict() == {"banjir": "memimpin", "tapal batas": "mendukung"}
    assert explore.office_roles(data, "DINKES").empty


def test_a_critical_cross_dinas_issue_goes_to_the_sekda_wabup():
    data = _clips([("2025-04-01", "banjir", "negatif", 1, "PUPR"),
                   ("2025-04-02", "banjir", "negatif", 1, "BPBD"),
                   ("2025-04-03", "ktp-el", "negatif", 1, "DISDUKCAPIL")])
    scored = pd.DataFrame({"topik": ["banjir", "ktp-el"], "kategori": ["Kritis", "Kritis"]})
    plan = explore.coordination(data, scored).set_index("topik")["koordinator"]
    assert plan["banjir"] == "Sekda/Wabup"
    assert plan["ktp-el"] == "DISDUKCAPIL"  # critical, but within one dinas


def test_charts_carry_the_data_and_the_linked_selection(clips, people):
    timeline = explore.timeline_chart(clips).to_dict()
    params = {p["name"]: p["select"]["type"] for p in timeline["params"]}
    assert params == {"periode": "interval", "isu_dipilih": "point"}
    assert timeline["vconcat"][1]["transform"] == [{"filter": {"param": "periode"}}]

    trial = explore.reweigh(explore.snapshot(clips, "2025-04"), 0.8)
    matrix = explore.priority_matrix_chart(trial, 0.8).to_dict()
    assert "Banjir dan drainase" in str(matrix["datasets"])

    grid = explore.stakeholder_grid_chart(explore.regrid(people, 4, 3), 4, 3).to_dict()
    rules = [layer for layer in grid["layer"] if layer["mark"]["type"] == "rule"]
    assert len(rules) == 2
    assert "3.5" in str(grid["datasets"])  # the power line sits between scores 3 and 4

    heat = explore.office_heatmap(clips).to_dict()
    assert "opd_terkait" in str(heat["layer"][0]["encoding"]["x"])
