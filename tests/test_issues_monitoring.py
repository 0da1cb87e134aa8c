"""Cleaning raw monitoring exports and summarising clips per issue."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit import datasets
from humaskit.issues import monitoring


@pytest.fixture(scope="module")
def raw():
    return datasets.load("monitoring_isu_mentah")


@pytest.fixture(scope="module")
def clean():
    return datasets.load("monitoring_isu")


def _clips(rows):
    frame = pd.DataFrame(rows, columns=["id_klip", "tanggal", "topik", "sentimen", "jangkauan"])
    frame["tanggal"] = pd.to_datetime(frame["tanggal"])
    return frame


def test_cleaning_the_raw_export_gives_exactly_the_clean_dataset(raw, clean):
    expected = clean.sort_values(["tanggal", "id_klip"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(monitoring.clean(raw), expected, check_dtype=False)


def test_raw_export_carries_every_kind_of_planted_dirt(raw):
    assert raw.duplicated().sum() == 24
    assert raw["id_klip"].duplicated().sum() == 24
    unreadable = pd.to_datetime(raw["tanggal"], format="%Y-%m-%d", errors="coerce").isna()
    assert unreadable.sum() == 14
    assert set(raw["topik"]) - set(monitoring.TOPICS), "no topic variants"
    assert any(t != t.lower() for t in raw["topik"]), "no case variants"
    assert any(t.lower() in monitoring.TOPIC_SPELLINGS for t in raw["topik"])
    for column in ("sentimen", "sumber_nama", "opd_terkait"):
        assert (raw[column] != raw[column].str.strip()).any(), f"no stray spaces in {column}"
    assert (raw["topik"] == raw["topik"].str.strip()).all()


def test_cleaning_does_not_modify_the_raw_frame(raw):
    before = raw.copy()
    monitoring.clean(raw)
    pd.testing.assert_frame_equal(raw, before)


def test_every_spelling_variant_maps_to_a_known_topic():
    assert set(monitoring.TOPIC_SPELLINGS.values()) <= set(monitoring.TOPICS)
    assert not set(monitoring.TOPIC_SPELLINGS) & set(monitoring.TOPICS)


def test_summary_counts_volume_negative_share_reach_and_month_on_month_trend():
    data = _clips([
        ("KLP-0001", "2025-04-10", "banjir", "negatif", 100),
        ("KLP-0002", "2025-05-02", "banjir", "netral", 200),
        ("KLP-0003", "2025-06-01", "banjir", "negatif", 300),
        ("KLP-0004", "2025-06-30", "banjir", "positif", 400),
        ("KLP-0005", "2025-05-15", "honorer", "negatif", 50),
    ])
    summary = monitoring.summarise(data).set_index("topik")
    assert list(summary.reset_index().columns) == monitoring.SUMMARY_COLUMNS
    banjir = summary.loc["banjir"]
    assert banjir["volume"] == 4
    assert banjir["persen_negatif"] == pytest.approx(50.0)
    assert banjir["total_jangkauan"] == 1000
    assert (banjir["volume_terkini"], banjir["volume_sebelumnya"], banjir["tren"]) == (2, 1, 1)
    honorer = summary.loc["honorer"]
    assert (honorer["volume_terkini"], honorer["volume_sebelumnya"], honorer["tren"]) == (0, 1, -1)


def test_summary_window_can_be_set_to_an_earlier_month():
    data = _clips([("KLP-0001", "2025-04-10", "banjir", "negatif", 1),
                   ("KLP-0002", "2025-06-02", "banjir", "netral", 1)])
    row = monitoring.summarise(data, month="2025-05").iloc[0]
    assert (row["volume_terkini"], row["volume_sebelumnya"], row["tren"]) == (0, 1, -1)


def test_sentiment_with_stray_spaces_is_not_counted_as_negative():
    data = _clips([("KLP-0001", "2025-06-10", "banjir", "negatif ", 1),
                   ("KLP-0002", "2025-06-11", "banjir", "negatif", 1)])
    assert monitoring.summarise(data).iloc[0]["persen_negatif"] == pytest.approx(50.0)


def test_clips_without_a_date_count_in_volume_but_in_neither_month():
    data = _clips([("KLP-0001", "2025-06-10", "banjir", "negatif", 1),
                   ("KLP-0002", None, "banjir", "negatif", 1)])
    row = monitoring.summarise(data).iloc[0]
    assert row["volume"] == 2 and row["volume_terkini"] == 1


def test_monthly_series_has_one_row_per_issue_and_month(clean):
    per_month = monitoring.monthly(clean)
    assert per_month["volume"].sum() == len(clean)
    assert per_month.groupby("topik").size().max() == 6
    assert per_month["persen_negatif"].between(0, 100).all()
