"""Communication KPIs are exact on small hand-made frames, and the dashboard links its charts."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from humaskit import datasets
from humaskit.comms import dashboard, kpi


def _posts():
    return pd.DataFrame({
        "id": ["P1", "P2", "P3", "P4"],
        "tanggal": pd.to_datetime(["2025-01-05", "2025-01-20", "2025-02-03", "2025-02-28"]),
        "opd": ["DINKES", "DINKES", "PUPR", "PUPR"],
        "platform": ["Instagram", "Instagram", "Facebook", "Instagram"],
        "jangkauan": [1000, 3000, 2000, 0],
        "interaksi": [50, 30, 40, 0],
        "sentimen": ["positif", "negatif", "positif", "netral"],
    })


def _complaints():
    t = pd.to_datetime
    return pd.DataFrame({
        "id": ["A1", "A2", "A3", "A4"],
        "kanal": ["WhatsApp", "WhatsApp", "SP4N-LAPOR!", "SP4N-LAPOR!"],
        "tanggal_masuk": t(["2025-03-01 08:00", "2025-03-01 08:00", "2025-03-02 10:00",
                            "2025-03-03 09:00"]),
        "tanggal_tanggapan": t(["2025-03-01 10:00", "2025-03-05 08:00", "2025-03-02 22:00", None]),
        "tanggal_selesai": t(["2025-03-04 08:00", None, "2025-03-30 10:00", None]),
    })


def test_engagement_rate_is_total_interactions_over_total_reach_per_group():
    table = kpi.post_kpis(_posts(), "platform").set_index("platform")
    assert table.loc["Instagram", "unggahan"] == 3
    assert table.loc["Instagram", "jangkauan"] == 4000
    assert table.loc["Instagram", "tingkat_interaksi_persen"] == 2.0   # 80 / 4000
    assert table.loc["Facebook", "tingkat_interaksi_persen"] == 2.0    # 40 / 2000
    assert table.loc["Instagram", "sentimen_positif_persen"] == 33.3
    assert table.loc["Instagram", "sentimen_negatif_persen"] == 33.3


def test_post_kpis_without_grouping_give_one_overall_row():
    table = kpi.post_kpis(_posts())
    assert list(table["unggahan"]) == [4]
    assert list(table["tingkat_interaksi_persen"]) == [2.0]      # 120 / 6000
    assert list(table["sentimen_positif_persen"]) == [50.0]


def test_a_group_with_no_reach_has_no_rate_rather_than_an_error():
    table = kpi.post_kpis(_posts(), "id").set_index("id")
    assert math.isnan(table.loc["P4", "tingkat_interaksi_persen"])


def test_response_hours_and_on_time_flags():
    timed = kpi.response_times(_complaints(), standar_jam=24, standar_selesai_hari=14)
    assert list(timed["jam_tanggapan"].fillna(-1)) == [2.0, 96.0, 12.0, -1]
    assert list(timed["tanggapan_tepat_waktu"]) == [True, False, True, False]
    assert list(timed["hari_selesai"].fillna(-1)) == [3.0, -1, 28.0, -1]
    assert list(timed["selesai_tepat_waktu"]) == [True, False, False, False]


def test_complaint_kpis_count_unanswered_complaints_as_late():
    table = kpi.complaint_kpis(_complaints(), "kanal", standar_jam=24).set_index("kanal")
    lapor = table.loc["SP4N-LAPOR!"]
    assert lapor["pengaduan"] == 2
    assert lapor["ditanggapi_persen"] == 50.0
    assert lapor["median_jam_tanggapan"] == 12.0
    assert lapor["tanggapan_tepat_waktu_persen"] == 50.0
    assert lapor["selesai_persen"] == 50.0
    assert lapor["selesai_tepat_waktu_persen"] == 0.0
    whatsapp = table.loc["WhatsApp"]
    assert whatsapp["median_jam_tanggapan"] == 49.0            # median of 2 and 96
    assert whatsapp["tanggapan_tepat_waktu_persen"] == 50.0


def test_a_looser_standard_counts_more_answers_on_time():
    strict = kpi.complaint_kpis(_complaints(), standar_jam=24)
    loose = kpi.complaint_kpis(_complaints(), standar_jam=100)
    assert list(strict["tanggapan_tepat_waktu_persen"]) == [50.0]
    assert list(loose["tanggapan_tepat_waktu_persen"]) == [75.0]


def test_select_filters_by_inclusive_days_and_values():
    posts = _posts()
    assert list(kpi.select(posts, "tanggal", "2025-01-20", "2025-02-28")["id"]) == [
        "P2", "P3", "P4"]
    assert list(kpi.select(posts, "tanggal", opd="PUPR", platform="Semua")["id"]) == ["P3", "P4"]
    assert list(kpi.select(posts, "tanggal", platform=["Facebook"])["id"]) == ["P3"]


def test_month_labels_sort_chronologically():
    assert list(kpi.month(pd.Series(["2025-11-30", "2025-02-01"]))) == ["2025-11", "2025-02"]


def test_shipped_data_shows_the_planted_patterns():
    posts, complaints = datasets.load("posting_medsos"), datasets.load("pengaduan")
    by_month = kpi.post_kpis(posts.assign(bulan=kpi.month(posts["tanggal"])), "bulan")
    assert by_month.set_index("bulan")["jangkauan"].idxmax() == "2025-08"
    by_office = kpi.complaint_kpis(complaints, "opd_tujuan").set_index("opd_tujuan")
    assert by_office["median_jam_tanggapan"].idxmax() == "PUPR"
    assert by_office["median_jam_tanggapan"].idxmin() == "DISDUKCAPIL"


def test_dashboard_brush_on_reach_filters_the_other_charts():
    chart = dashboard.dashboard(_posts().assign(tema="x", fase="rutin"), _complaints().assign(
        opd_tujuan="PUPR"), standar_jam=24).to_dict()
    reach, arrivals = chart["vconcat"][0]["hconcat"]
    (brush,) = chart["params"]
    assert brush["select"]["type"] == "interval"
    assert brush["views"] == [reach["name"]]
    name = brush["name"]
    assert "condition" in arrivals["encoding"]["color"]
    for view in chart["vconcat"][1]["hconcat"]:
        assert {"filter": {"param": name}} in view["transform"]
        assert "tooltip" in view["encoding"]
    assert "≤ 24 jam" in str(chart)


@pytest.mark.parametrize("column", ["tanggal_masuk", "tanggal_tanggapan"])
def test_response_times_accept_dates_written_as_text(column):
    frame = _complaints().astype({column: str}).replace({"NaT": None})
    timed = kpi.response_times(frame, standar_jam=24)
    assert timed["jam_tanggapan"].iloc[0] == 2.0
