"""The content calendar plans posts before, during and after an activity, per channel."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from humaskit.comms import calendar


def test_plan_dates_phases_and_channels():
    plan = calendar.content_plan("Posyandu lansia", "2025-03-10", ["Instagram", "Media massa"])
    assert list(plan.columns) == calendar.COLUMNS
    first, last = plan.iloc[0], plan.iloc[-1]
    assert (first["tanggal"], first["hari"], first["fase"]) == (dt.date(2025, 3, 3), "Senin",
                                                                "sebelum")
    assert (last["tanggal"], last["fase"]) == (dt.date(2025, 3, 17), "sesudah")
    assert plan["tanggal"].is_monotonic_increasing
    during = plan[plan["fase"] == "saat"]
    assert list(during["kanal"]) == ["Instagram"]            # no live coverage for newspapers
    assert during["hari"].iloc[0] == "Senin"
    assert plan["isi_konten"].str.contains("Posyandu lansia").all()


def test_each_channel_gets_only_the_steps_that_suit_it():
    plan = calendar.content_plan("Pasar murah", dt.date(2025, 8, 20), ["Situs web"])
    assert list(plan["langkah"]) == ["Pengumuman awal", "Berita dan galeri foto",
                                     "Tindak lanjut"]
    counts = calendar.summary(calendar.content_plan("Pasar murah", "2025-08-20",
                                                    ["Instagram", "WhatsApp"]))
    assert list(counts.index) == ["sebelum", "saat", "sesudah"]
    assert counts.loc["sebelum", "Instagram"] == 3 and counts.loc["saat", "WhatsApp"] == 0


def test_saved_plan_is_a_csv_excel_can_open(tmp_path):
    plan = calendar.content_plan("Festival Teluk Marindu 2025", "2025-08-23", ["TikTok"])
    path = calendar.save_plan(plan, "Festival Teluk Marindu 2025", tmp_path)
    assert path == tmp_path / "rencana_konten_festival_teluk_marindu_2025.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    again = pd.read_csv(path, encoding="utf-8-sig")
    assert len(again) == len(plan) and list(again.columns) == calendar.COLUMNS


@pytest.mark.parametrize(
    "kegiatan, tanggal, kanal, message",
    [
        ("", "2025-03-10", ["X"], "Nama kegiatan masih kosong"),
        ("Rapat", "10 Maretan", ["X"], "Tanggal '10 Maretan' tidak dikenali"),
        ("Rapat", "2025-03-10", [], "paling sedikit satu kanal"),
        ("Rapat", "2025-03-10", ["Koran dinding"], "Kanal Koran dinding tidak dikenal"),
    ],
    ids=["no-activity", "bad-date", "no-channel", "unknown-channel"],
)
def test_bad_input_gets_an_indonesian_message(kegiatan, tanggal, kanal, message):
    with pytest.raises(ValueError, match=message):
        calendar.content_plan(kegiatan, tanggal, kanal)
