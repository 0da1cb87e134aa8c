"""The rencana tindak lanjut builder: validated actions, files to take home, widgets."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from humaskit import rtl
from humaskit.rtl.ui import RTLBuilder

ACTION = {"aksi": "Membentuk tim humas lintas OPD", "penanggung_jawab": "Kabag Prokopim",
              "opd": "Bagian Protokol dan Komunikasi Pimpinan Setda", "tenggat": "2026-04-30",
              "indikator": "SK tim terbit dan rapat pertama terlaksana"}


def test_actions_are_numbered_in_order():
    table = rtl.add(rtl.add(rtl.empty(), **ACTION), **{**ACTION, "aksi": "Menyusun kalender isu"})
    assert list(table["no"]) == [1, 2]
    assert list(rtl.remove(table, 1)["aksi"]) == ["Menyusun kalender isu"]


def test_an_incomplete_action_is_refused_with_reasons_and_the_table_kept():
    table = rtl.add(rtl.empty(), **ACTION)
    with pytest.raises(ValueError) as err:
        rtl.add(table, **{**ACTION, "penanggung_jawab": "", "tenggat": "segera"})
    assert "penanggung jawab belum diisi" in str(err.value)
    assert "tenggat belum diisi atau bukan tanggal" in str(err.value)
    assert len(table) == 1


def test_a_deadline_in_the_past_is_refused():
    with pytest.raises(ValueError, match="harus sesudah hari ini"):
        rtl.add(rtl.empty(), **ACTION, today=dt.date(2026, 5, 1))


def test_export_writes_csv_xlsx_and_html_that_read_back(tmp_path):
    table = rtl.add(rtl.empty(), **ACTION)
    paths = rtl.export(table, tmp_path, peserta="Peserta Uji")
    assert rtl.load(paths["csv"])["aksi"].tolist() == [ACTION["aksi"]]
    assert pd.read_excel(paths["xlsx"])["indikator"].tolist() == [ACTION["indikator"]]
    assert "Peserta Uji" in paths["html"].read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="RTL masih kosong"):
        rtl.export(rtl.empty(), tmp_path)


def test_builder_adds_on_click_shows_errors_and_saves(tmp_path):
    builder = RTLBuilder(tmp_path)
    builder.aksi.value = ACTION["aksi"]
    builder.add_button.click()
    assert "OPD belum diisi" in builder.message.value and builder.table.empty
    builder.penanggung_jawab.value = ACTION["penanggung_jawab"]
    builder.opd.value = ACTION["opd"]
    builder.tenggat.value = dt.date(2026, 4, 30)
    builder.indikator.value = ACTION["indikator"]
    builder.add_button.click()
    assert ACTION["aksi"] in builder.view.value
    builder.save_button.click()
    assert (tmp_path / "rtl_saya.xlsx").exists()
    assert len(RTLBuilder(tmp_path).table) == 1
