"""The priority rubric, the Hainsworth stage rule and Mendelow's quadrants, at their edges."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit.issues import lifecycle, priority, stakeholders


@pytest.mark.parametrize("reach, level", [
    (0, 1), (99_999, 1), (100_000, 2), (249_999, 2), (250_000, 3), (500_000, 4),
    (999_999, 4), (1_000_000, 5), (9_000_000, 5)])
def test_impact_levels_follow_total_reach_bands(reach, level):
    assert priority.impact(reach) == level


@pytest.mark.parametrize("negative, trend, level", [
    (0, 0, 1), (19.9, 0, 1), (20, 0, 2), (40, 0, 3), (59.9, 0, 3), (60, 0, 4), (80, 0, 5),
    (19.9, 1, 2), (65, 3, 5), (85, 2, 5), (50, -4, 3)])
def test_urgency_follows_negative_share_and_rises_one_level_when_trend_rises(negative, trend,
                                                                            level):
    assert priority.urgency(negative, trend) == level


@pytest.mark.parametrize("value, name", [
    (25, "Kritis"), (16, "Kritis"), (15, "Tinggi"), (10, "Tinggi"), (9, "Sedang"),
    (5, "Sedang"), (4, "Rendah"), (1, "Rendah")])
def test_category_thresholds_are_inclusive_lower_bounds(value, name):
    assert priority.category(value) == name


def test_score_adds_impact_urgency_priority_and_category():
    summary = pd.DataFrame({"topik": ["a", "b"], "total_jangkauan": [600_000, 50_000],
                            "persen_negatif": [70.0, 10.0], "tren": [0, 2]})
    scored = priority.score(summary)
    assert scored[["dampak", "urgensi", "prioritas", "kategori"]].values.tolist() == [
        [4, 4, 16, "Kritis"], [1, 2, 2, "Rendah"]]
    assert "dampak" not in summary.columns


@pytest.mark.parametrize("volume, recent, previous, expected", [
    (14, 10, 0, "permulaan"),
    (15, 10, 3, "mediasi & amplifikasi"),
    (40, 5, 10, "resolusi"),
    (40, 0, 0, "resolusi"),
    (40, 6, 10, "organisasi"),
    (40, 9, 9, "organisasi"),
])
def test_life_cycle_stage_rule_applies_in_its_stated_order(volume, recent, previous, expected):
    assert lifecycle.stage(volume, recent, previous) == expected


def test_stages_of_a_summary_keep_its_index():
    summary = pd.DataFrame({"volume": [5, 50], "volume_terkini": [1, 20],
                            "volume_sebelumnya": [0, 10]}, index=["x", "y"])
    assert lifecycle.stages(summary).to_dict() == {"x": "permulaan",
                                                   "y": "mediasi & amplifikasi"}


@pytest.mark.parametrize("power, interest, expected", [
    (5, 5, "Kelola secara dekat"), (3, 3, "Kelola secara dekat"), (3, 2, "Jaga kepuasan"),
    (2, 3, "Jaga agar terinformasi"), (2, 2, "Pantau"), (1, 5, "Jaga agar terinformasi")])
def test_mendelow_quadrant_counts_three_and_above_as_high(power, interest, expected):
    assert stakeholders.quadrant(power, interest) == expected


def test_key_players_of_an_issue_are_sorted_and_only_from_the_key_quadrant():
    table = stakeholders.classify(pd.DataFrame({
        "nama": ["Zeta", "Alfa", "Beta", "Gama"], "kekuasaan": [5, 4, 1, 5],
        "kepentingan": [5, 3, 5, 4], "isu_terkait": ["banjir", "banjir; honorer", "banjir",
                                                    "jalan rusak"]}))
    assert stakeholders.key_players(table, "banjir") == ["Alfa", "Zeta"]
    assert stakeholders.key_players(table, "honorer") == ["Alfa"]
    assert stakeholders.key_players(table, "harga pupuk") == []
