"""Item analysis after the workshop: facility, discrimination (item–rest point-biserial), KR-20
per form, Hake's category per objective, and flags for items that misbehave. Every figure is
checked against a small matrix worked by hand (and, where numpy offers one, against a second
formula)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from shared import quiz_cells

from humaskit.exercises.quiz import bank
from humaskit.training import gain, item_analysis

#: Five participants, four items. Totals 4, 3, 2, 1, 1 (mean 2,2; variance 6,8 / 5 = 1,36).
HAND = pd.DataFrame([[1, 1, 1, 1],
                     [1, 1, 1, 0],
                     [1, 1, 0, 0],
                     [1, 0, 0, 0],
                     [0, 0, 0, 1]], index=list("ABCDE"),
                    columns=["i1", "i2", "i3", "i4"], dtype=float)


def test_facility_is_the_share_of_takers_right_on_the_item():
    assert list(item_analysis.facility(HAND)) == [0.8, 0.6, 0.4, 0.4]


def test_kr20_of_the_hand_matrix():
    # Σpq = 0,16 + 0,24 + 0,24 + 0,24 = 0,88; KR-20 = 4/3 · (1 − 0,88/1,36) = 8/17
    assert item_analysis.kr20(HAND) == pytest.approx(8 / 17)


def test_kr20_is_cronbachs_alpha_from_the_covariance_matrix_for_right_wrong_items():
    rng = np.random.default_rng(7)
    ability = rng.normal(size=30)
    scores = pd.DataFrame((ability[:, None] + rng.normal(size=(30, 12)) > 0).astype(float))
    cov = np.cov(scores.to_numpy(), rowvar=False, ddof=0)
    alpha = 12 / 11 * (1 - np.trace(cov) / cov.sum())
    assert item_analysis.kr20(scores) == pytest.approx(alpha)


def test_discrimination_is_the_items_correlation_with_the_rest_of_the_test():
    r = item_analysis.discrimination(HAND)
    # i4 = 1,0,0,0,1 against rest 3,3,2,1,0: Σdxdy = −0,6; Σdx² = 1,2; Σdy² = 6,8
    assert r["i4"] == pytest.approx(-0.6 / math.sqrt(1.2 * 6.8))
    # i1 = 1,1,1,1,0 against rest 3,2,1,0,1: 0,4 / √(0,8 · 5,2)
    assert r["i1"] == pytest.approx(0.4 / math.sqrt(0.8 * 5.2))
    for item in HAND:
        rest = HAND.sum(axis=1) - HAND[item]
        assert r[item] == pytest.approx(np.corrcoef(HAND[item], rest)[0, 1])


def test_an_item_everyone_answers_alike_has_no_discrimination():
    same = HAND.assign(i1=1.0)
    assert item_analysis.discrimination(same)["i1"] is None


def test_too_few_takers_give_no_discrimination_and_no_kr20():
    four = HAND.iloc[:4]
    assert item_analysis.kr20(four) is None
    assert set(item_analysis.discrimination(four)) == {None}


def test_kr20_is_undefined_when_every_taker_has_the_same_total():
    level = pd.DataFrame([[1, 0], [0, 1], [1, 0], [0, 1], [1, 0]], dtype=float)
    assert item_analysis.kr20(level) is None


@pytest.mark.parametrize("form, p, r, expected", [
    ("pre", 0.9, 0.3, [item_analysis.TOO_EASY]),
    ("pre", 0.89, -0.01, [item_analysis.NEGATIVE]),
    ("pre", 0.2, 0.1, []),  # a pre-test item most cannot answer yet is what a pre-test has
    ("post", 0.2, 0.1, [item_analysis.BELOW_CHANCE]),
    ("post", 1.0, None, [item_analysis.TOO_EASY, item_analysis.ALL_RIGHT]),
    ("pre", 0.0, None, [item_analysis.ALL_WRONG]),
    ("post", 0.6, None, []),  # not computed is not a flag
])
def test_items_that_misbehave_are_flagged(form, p, r, expected):
    assert item_analysis.flags(form, p, r) == expected


# --- from the graded cells ----------------------------------------------------------------

def _padded(row: list[int]) -> list[int]:
    """The hand matrix's four items first, the other 18 right for everyone."""
    return row + [1] * (len(bank.items("pre")) - len(row))


@pytest.fixture(scope="module")
def cells():
    hand = {pid: {"pre": _padded([int(v) for v in HAND.loc[pid]])} for pid in HAND.index}
    hand["A"]["post"] = _padded([1, 1, 1, 1])
    return quiz_cells(hand)


def test_the_item_table_reads_the_graded_cells_in_bank_order(cells):
    table = item_analysis.items(cells)
    assert list(table["tes"].unique()) == ["pre", "post"]
    pre = table[table["tes"] == "pre"].set_index("tujuan")
    first = [i.id for i in bank.items("pre")][:4]
    assert list(pre.loc[first, "fasilitas"]) == [0.8, 0.6, 0.4, 0.4]
    assert pre.loc[first[3], "daya_beda"] == pytest.approx(-0.6 / math.sqrt(1.2 * 6.8))
    assert item_analysis.NEGATIVE in pre.loc[first[3], "tanda"]
    assert pre.loc[first[0], "peserta"] == 5
    untouched = pre.loc[[i.id for i in bank.items("pre")][4]]
    assert pd.isna(untouched["daya_beda"]) and "semua peserta benar" in untouched["tanda"]
    post = table[table["tes"] == "post"]
    assert set(post["peserta"]) == {1} and post["daya_beda"].isna().all()


def test_the_form_table_gives_kr20_beside_its_n(cells):
    table = item_analysis.forms(cells).set_index("tes")
    # 18 items right for all add no variance (pq = 0) and shift every total by 18
    k = len(bank.items("pre"))
    assert table.loc["pre", "kr20"] == pytest.approx(k / (k - 1) * (1 - 0.88 / 1.36))
    assert (table.loc["pre", "peserta"], table.loc["pre", "soal"]) == (5, k)
    assert table.loc["pre", "rata_rata"] == pytest.approx(18 + 2.2)
    assert table.loc["pre", "simpangan_baku"] == pytest.approx(math.sqrt(1.36))
    assert pd.isna(table.loc["post", "kr20"])  # one taker


# --- Hake's category ----------------------------------------------------------------------

@pytest.mark.parametrize("pre, post, expected", [
    (0, 7, "tinggi"), (0, 10, "tinggi"),  # g = 0,7 is high, as Hake draws the band
    (0, 3, "sedang"), (4, 8, "sedang"),  # g = 0,3; g = 4/6
    (0, 2.9, "rendah"), (6, 6, "rendah"),  # g = 0: nothing gained is low, not fallen
    (6, 5, "turun"),  # g < 0
    (10, 9, "turun"),  # from a full pre-test: g undefined, the fall still shown
    (10, 10, "tetap maksimal"),
    (None, 5, ""), (5, None, ""),
])
def test_hakes_category_of_a_gain(pre, post, expected):
    assert gain.category(pre, post, 10) == expected


def test_a_participant_whose_score_fell_is_shown_as_fallen():
    from humaskit.grading import roster

    people = roster.load(roster.DEMO_ROSTER)
    n = len(bank.items("pre"))
    cells = quiz_cells({"rini_paramitha": {"pre": [1] * 12 + [0] * (n - 12),
                                       "post": [1] * 10 + [0] * (n - 10)},
                    "agus_salim": {"pre": [1] * n, "post": [1] * (n - 1) + [0]}})
    table = gain.by_participant(cells, people).set_index("id")
    rini, agus = table.loc["rini_paramitha"], table.loc["agus_salim"]
    assert rini["gain"] == pytest.approx(-2 / 10)
    assert (rini["kategori"], rini["keterangan"]) == ("turun", "nilai turun")
    assert pd.isna(agus["gain"]) and agus["kategori"] == "turun"
    assert agus["keterangan"] == "nilai turun dari pre-test yang sudah maksimal"


def test_each_objective_gets_the_category_of_its_cohort_gain():
    n = len(bank.items("pre"))
    cells = quiz_cells({"a": {"pre": [0] * n, "post": [1] * n},
                    "b": {"pre": [1] + [0] * (n - 1), "post": [0] + [1] * (n - 1)}})
    table = gain.by_objective(cells).set_index("tujuan")
    first, second = (i.id for i in bank.items("pre")[:2])
    assert (table.loc[first, "pre"], table.loc[first, "post"]) == (0.5, 0.5)
    assert table.loc[first, "kategori"] == "rendah"  # g = 0
    assert table.loc[second, "kategori"] == "tinggi"  # 0 → 1


# --- shown to the trainer -------------------------------------------------------------------

def test_the_dashboard_shows_kr20_beside_n_the_flags_and_hakes_categories(cells):
    from humaskit.grading.report import quiz_item_analysis
    from humaskit.number_format import angka

    page = "\n".join(quiz_item_analysis(cells))
    k = len(bank.items("pre"))
    assert "<h2>Analisis butir soal pre-test dan post-test</h2>" in page
    assert f"<td>Pre-test</td><td>5</td><td>{k}</td>" in page
    assert f"<td>{angka(k / (k - 1) * (1 - 0.88 / 1.36))}</td>" in page
    fourth = bank.items("pre")[3].id
    assert f"<td>Pre-test</td><td>{fourth}</td><td>5</td><td>0,40</td>" in page
    assert "daya beda negatif" in page and "tetap maksimal" in page


def test_the_dashboard_leaves_the_section_out_when_no_quiz_was_graded():
    from humaskit.grading.report import quiz_item_analysis

    other = pd.DataFrame([{"id": "a", "latihan": "pemetaan_isu", "langkah": "", "bagian": "x",
                           "nilai": 1.0, "nilai_maks": 1.0}])
    assert quiz_item_analysis(other) == []


def test_the_demo_cohorts_answers_give_a_meaningful_item_analysis():
    """The demo (``humaskit grade --demo``) answers by an ability model, so its item analysis
    reads like a real room's: reliable forms, items that discriminate on average, a learning
    gain, and the top pre-test scorer whose post-test fell shown as fallen."""
    from humaskit.grading import demo, roster

    people = roster.load(roster.DEMO_ROSTER)
    def answers() -> dict:
        return {pid: {form: [int(i.id in right) for i in bank.items(form)]
                      for form in bank.FORMS
                      if (right := demo.quiz_right(form, pid)) is not None}
                for pid in people}

    marks = answers()
    cells = quiz_cells(marks)
    forms = item_analysis.forms(cells).set_index("tes")
    assert (forms.loc["pre", "peserta"], forms.loc["post", "peserta"]) == (10, 9)
    assert forms.loc["pre", "kr20"] > 0.6 and forms.loc["post", "kr20"] > 0.6
    assert forms.loc["post", "rata_rata"] > forms.loc["pre", "rata_rata"]
    items = item_analysis.items(cells)
    assert items["daya_beda"].astype(float).mean() > 0.2
    people_table = gain.by_participant(cells, people).set_index("id")
    assert people_table.loc[demo.QUIZ_TOP, "kategori"] == "turun"
    assert answers() == marks  # drawn from hashes: the same on every run
