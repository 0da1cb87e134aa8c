"""Survei Kepuasan Masyarakat per PermenPANRB 14/2017: NRR, IKM, grade bands, sample size."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit import datasets, satisfaction
from humaskit.satisfaction import SurveyError


def _survey(rows):
    return pd.DataFrame(rows, columns=list(satisfaction.COLUMNS))


# Four respondents, computed by hand: element sums 14,12,10,16,13,12,15,8,11 over 4 people.
HAND = _survey([
    [4, 3, 2, 4, 3, 3, 4, 2, 3],
    [3, 3, 3, 4, 4, 3, 4, 2, 3],
    [4, 3, 2, 4, 3, 3, 4, 2, 2],
    [3, 3, 3, 4, 3, 3, 3, 2, 3],
])
HAND_NRR = [3.5, 3.0, 2.5, 4.0, 3.25, 3.0, 3.75, 2.0, 2.75]
HAND_IKM = sum(HAND_NRR) / 9 * 25  # 27.75 / 9 * 25 = 77.0833...


def test_there_are_nine_elements_named_as_in_the_regulation():
    assert len(satisfaction.ELEMENTS) == 9
    assert satisfaction.ELEMENTS[7] == "Penanganan pengaduan, saran dan masukan"
    assert satisfaction.COLUMNS == tuple(f"u{i}" for i in range(1, 10))


def test_nrr_is_the_mean_answer_of_each_element():
    table = satisfaction.nrr_per_element(HAND)
    assert list(table["kode"]) == list(satisfaction.COLUMNS)
    assert list(table["unsur"]) == list(satisfaction.ELEMENTS)
    assert list(table["nrr"]) == pytest.approx(HAND_NRR)


def test_ikm_of_a_hand_computed_survey_uses_the_exact_one_ninth_weight():
    assert satisfaction.ikm(HAND) == pytest.approx(77.0833333, abs=1e-6)
    assert satisfaction.ikm(HAND) == pytest.approx(HAND_IKM)
    assert satisfaction.grade_band(satisfaction.ikm(HAND)) == ("B", "Baik")


def test_rounded_weight_0111_is_available_and_caps_the_index_at_99_9():
    best = [4] * 9
    assert satisfaction.ikm_from_nrr(best) == 100.0
    assert satisfaction.ikm_from_nrr(best, rounded_weight=True) == pytest.approx(99.9)
    assert satisfaction.ikm(HAND, rounded_weight=True) == pytest.approx(27.75 * 0.111 * 25)


@pytest.mark.parametrize(
    "value, expected",
    [
        (25.0, ("D", "Tidak Baik")),
        (64.99, ("D", "Tidak Baik")),
        (65.00, ("C", "Kurang Baik")),
        (76.60, ("C", "Kurang Baik")),
        (76.61, ("B", "Baik")),
        (88.30, ("B", "Baik")),
        (88.31, ("A", "Sangat Baik")),
        (100.0, ("A", "Sangat Baik")),
    ],
)
def test_grade_bands_have_the_exact_boundaries_of_permenpanrb_14_2017(value, expected):
    assert satisfaction.grade_band(value) == expected


@pytest.mark.parametrize("value, shown, expected", [(76.6056, "76,61", "B"), (76.6049, "76,60", "C"),
                                                    (88.305, "88,31", "A"), (64.994, "64,99", "D")])
def test_the_band_is_that_of_the_ikm_as_shown_with_two_decimals(value, shown, expected):
    """The regulation's intervals have two decimals: what the participant reads decides."""
    assert f"{satisfaction.as_shown(value):.2f}".replace(".", ",") == shown
    assert satisfaction.grade_band(value)[0] == expected


def test_76_47_is_grade_c_under_the_2017_rules():
    assert satisfaction.grade_band(76.47) == ("C", "Kurang Baik")


@pytest.mark.parametrize("value", [120, -3, float("nan"), "77"])
def test_an_impossible_index_is_refused_in_indonesian(value):
    with pytest.raises(SurveyError, match="Nilai IKM harus angka 25–100"):
        satisfaction.grade_band(value)


@pytest.mark.parametrize("population, sample", [(100, 80), (1000, 278), (10000, 370)])
def test_krejcie_morgan_matches_the_published_table(population, sample):
    assert satisfaction.krejcie_morgan(population) == sample


def test_krejcie_morgan_rounds_up_and_never_exceeds_the_population():
    assert satisfaction.krejcie_morgan(1) == 1
    assert satisfaction.krejcie_morgan(10) == 10
    assert satisfaction.krejcie_morgan(1000, margin=0.10) < satisfaction.krejcie_morgan(1000)


@pytest.mark.parametrize("population", [0, -5, 12.5, True])
def test_krejcie_morgan_rejects_a_population_that_is_not_a_positive_whole_number(population):
    with pytest.raises(SurveyError, match="bilangan bulat positif"):
        satisfaction.krejcie_morgan(population)


def test_answers_outside_one_to_four_are_reported_with_row_and_column():
    bad = HAND.copy()
    bad.loc[2, "u5"] = 5
    bad.loc[3, "u9"] = None
    with pytest.raises(SurveyError) as err:
        satisfaction.ikm(bad)
    message = str(err.value)
    assert "1, 2, 3 atau 4" in message
    assert "indeks baris 2, kolom 'u5': '5'" in message
    assert "indeks baris 3, kolom 'u9'" in message


def test_missing_element_columns_are_named():
    with pytest.raises(SurveyError, match="tidak ada: u8, u9"):
        satisfaction.nrr_per_element(HAND.drop(columns=["u8", "u9"]))


def test_an_empty_survey_is_refused():
    with pytest.raises(SurveyError, match="kosong"):
        satisfaction.ikm(HAND.iloc[0:0])


def test_ikm_from_nrr_needs_nine_values_between_one_and_four():
    with pytest.raises(SurveyError, match="Perlu 9 nilai NRR"):
        satisfaction.ikm_from_nrr([3] * 14)
    with pytest.raises(SurveyError, match="di luar rentang: 4.5"):
        satisfaction.ikm_from_nrr([3] * 8 + [4.5])


def test_scoring_does_not_modify_the_participants_data():
    copy = HAND.copy()
    satisfaction.ikm(HAND)
    satisfaction.element_chart(HAND)
    pd.testing.assert_frame_equal(HAND, copy)


def test_shipped_survey_units_fall_in_different_bands_with_one_weak_element():
    survey = datasets.load("survei_kepuasan")
    summary = satisfaction.summary_by_unit(survey)
    assert set(summary["unit_layanan"]) == set(survey["unit_layanan"])
    assert summary["responden"].sum() == len(survey)
    assert summary["mutu"].nunique() >= 3
    weakest = satisfaction.nrr_per_element(survey).sort_values("nrr").iloc[0]
    assert weakest["kode"] == "u8"


def test_element_chart_shows_every_element_and_marks_the_weakest():
    spec = satisfaction.element_chart(HAND).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["unsur"] for r in rows] == list(satisfaction.ELEMENTS)
    assert [r["unsur"] for r in rows if r["terlemah"]] == [satisfaction.ELEMENTS[7]]
