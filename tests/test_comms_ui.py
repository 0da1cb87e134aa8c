"""Smoke tests: changing a Day 3 widget changes what the participant sees."""

from __future__ import annotations

import pytest

from humaskit import datasets
from humaskit.comms import ui


def test_review_panel_rescored_when_the_draft_changes():
    panel = ui.ReviewPanel()
    assert "Total: 0 dari 10" in panel.hasil.value
    panel.pilihan.value = "Draf B: siaran pers vaksinasi (kuat)"
    assert "Total: 10 dari 10" in panel.hasil.value
    panel.pilihan.value = ui.WRITE_OWN
    panel.teks.value = ""
    assert "Teks pesan masih kosong" in panel.hasil.value


def test_calendar_panel_updates_the_plan_and_saves_csv(tmp_path):
    panel = ui.CalendarPanel(folder=tmp_path)
    before = panel.tabel.value
    panel.kanal["TikTok"].value = True
    assert panel.tabel.value != before and "TikTok" in panel.tabel.value
    panel.simpan.click()
    assert "Tersimpan" in panel.status.value
    assert len(list(tmp_path.glob("rencana_konten_*.csv"))) == 1
    for box in panel.kanal.values():
        box.value = False
    assert "paling sedikit satu kanal" in panel.tabel.value


@pytest.fixture(scope="module")
def data():
    return datasets.load("posting_medsos"), datasets.load("pengaduan")


def test_dashboard_panel_recomputes_kpis_for_the_chosen_filters(data):
    panel = ui.DashboardPanel(*data)
    everything = panel.ringkasan.value
    panel.opd.value = "PUPR"
    assert panel.ringkasan.value != everything
    posts, complaints = panel.selected()
    assert set(posts["opd"]) == {"PUPR"} and set(complaints["opd_tujuan"]) == {"PUPR"}
    panel.periode.value = ("2025-11", "2025-11")
    posts, complaints = panel.selected()
    assert set(posts["tanggal"].dt.month) == {11}
    assert complaints["tanggal_masuk"].dt.month.eq(11).all()
    strict = panel.ringkasan.value
    panel.standar_jam.value = 168
    assert panel.ringkasan.value != strict and "168 jam" in panel.ringkasan.value


def test_dashboard_panel_says_so_when_nothing_matches(data):
    panel = ui.DashboardPanel(*data)
    panel.opd.value = "RSUD"            # RSUD receives complaints but posts nothing
    assert "Tidak ada unggahan untuk pilihan ini" in panel.ringkasan.value


def test_dashboard_panel_redraws_its_chart_and_hides_it_when_empty(data):
    panel = ui.DashboardPanel(*data)
    before = panel.grafik.spec
    panel.standar_jam.value = 24
    assert panel.grafik.spec != before and "≤ 24 jam" in str(panel.grafik.spec)
    panel.opd.value = "RSUD"
    assert panel.grafik.layout.display == "none"
