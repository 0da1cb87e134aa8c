"""The EDOHP 2011-style composite index: weights from the real dataset, checked scores."""

from __future__ import annotations

import pytest

from humaskit import edohp
from humaskit.edohp import ScoreError


def _scores(*values):
    return dict(zip(edohp.dimensions(), values))


def test_weights_come_from_the_edohp_2011_dataset():
    assert edohp.weights() == {
        "Kesejahteraan masyarakat": 0.30,
        "Tata kelola pemerintahan yang baik": 0.25,
        "Pelayanan publik": 0.25,
        "Daya saing": 0.20,
    }


def test_composite_index_is_the_weighted_sum_of_the_four_scores():
    # 0.30*40 + 0.25*60 + 0.25*80 + 0.20*50 = 12 + 15 + 20 + 10
    assert edohp.composite_index(_scores(40, 60, 80, 50)) == pytest.approx(57.0)
    assert edohp.composite_index(_scores(100, 100, 100, 100)) == pytest.approx(100.0)
    assert edohp.composite_index(_scores(0, 0, 0, 0)) == 0.0


def test_contributions_show_each_dimension_share():
    table = edohp.contributions(_scores(40, 60, 80, 50))
    assert list(table["kontribusi"]) == pytest.approx([12.0, 15.0, 20.0, 10.0])
    assert list(table["bobot_persen"]) == [30, 25, 25, 20]


@pytest.mark.parametrize("bad", [101, -1, float("nan"), "70", None])
def test_a_score_outside_0_100_is_refused_naming_the_dimension(bad):
    scores = _scores(40, 60, 80, 50)
    scores["Daya saing"] = bad
    with pytest.raises(ScoreError, match="skor 'Daya saing' harus angka 0–100"):
        edohp.composite_index(scores)


def test_missing_and_unknown_dimensions_are_named():
    scores = _scores(40, 60, 80, 50)
    del scores["Pelayanan publik"]
    scores["Keamanan"] = 70
    with pytest.raises(ScoreError) as err:
        edohp.composite_index(scores)
    assert "belum diisi: Pelayanan publik" in str(err.value)
    assert "tidak dikenal: Keamanan" in str(err.value)


def test_chart_draws_the_index_and_the_2011_ceiling():
    spec = edohp.index_chart(_scores(40, 60, 80, 50)).to_dict()
    assert "57,00" in spec["title"]
    values = [row for data in spec["datasets"].values() for row in data]
    assert {"nilai": edohp.HIGHEST_2011} in values
