"""The asesor's record: a template from the candidates' claims, and a validated record."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit import safe_text
from humaskit.datasets import DatasetError
from humaskit.exercises.self_assessment import samples
from humaskit.skkni import asesor


@pytest.fixture
def filled():
    claims = asesor.claims_from_isian({"p01": samples.complete(), "p02": samples.complete()})
    record = asesor.template(claims)
    return record.assign(bukti_vatm="memenuhi", rekomendasi="Asesmen dapat dilanjutkan",
                         asesor="Asesor Uji", tanggal="2026-02-20")


def test_template_has_one_row_per_candidate_and_unit_with_blank_decisions(filled):
    claims = asesor.claims_from_isian({"p01": samples.complete()})
    record = asesor.template(claims)
    assert list(record.columns) == asesor.RECORD_COLUMNS
    assert len(record) == 4 and set(record["id_peserta"]) == {"p01"}
    assert (record[asesor.DECISION_COLUMNS] == "").all().all()
    assert dict(zip(record["kode_unit"], record["klaim_unit"]))["KIT-PROTOKOL-01"] == "BK"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_filled_record_loads_from_csv_or_excel(filled, tmp_path, suffix):
    path = tmp_path / f"rekaman{suffix}"
    filled.to_excel(path, index=False) if suffix == ".xlsx" else filled.to_csv(path, index=False)
    record = asesor.load_decisions(path)
    assert len(record) == 8
    assert set(record["rekomendasi"]) == {"dapat dilanjutkan"}
    assert str(record["tanggal"].dtype).startswith("datetime64")


def test_a_malformed_record_is_rejected_naming_row_and_column(filled, tmp_path):
    filled.loc[1, "bukti_vatm"] = "bagus"
    filled.loc[2, "tanggal"] = "kemarin"
    filled.loc[3, "rekomendasi"] = "tidak dapat dilanjutkan"
    path = tmp_path / "rekaman.csv"
    filled.to_csv(path, index=False)
    with pytest.raises(DatasetError) as err:
        asesor.load_decisions(path)
    message = str(err.value)
    assert "baris 3, kolom 'bukti_vatm'" in message and "memenuhi, belum memenuhi" in message
    assert "baris 4, kolom 'tanggal'" in message


def test_one_candidate_gets_one_recommendation_and_a_negative_one_needs_a_comment(filled,
                                                                                 tmp_path):
    filled.loc[3, "rekomendasi"] = "tidak dapat dilanjutkan"
    path = tmp_path / "rekaman.csv"
    filled.to_csv(path, index=False)
    with pytest.raises(DatasetError) as err:
        asesor.load_decisions(path)
    rows = {(p.row, p.column) for p in err.value.problems}
    assert rows == {(5, "rekomendasi"), (5, "komentar")}


def test_a_partly_filled_record_can_be_read_when_blanks_are_allowed(filled, tmp_path):
    filled.loc[4:, asesor.DECISION_COLUMNS] = ""
    path = asesor.record_path(tmp_path)
    filled.to_csv(path, index=False)
    assert len(asesor.load_decisions(path, allow_blank=True)) == 4
    with pytest.raises(DatasetError, match="baris 6"):
        asesor.load_decisions(path)


def test_the_evidence_rules_flags_stand_beside_each_units_decision():
    """One document cited in several units is flagged for the asesor in the template, per
    unit; units without flags stay blank."""
    isian = samples.complete()
    copied = samples.with_changes(isian, {0: {"bukti": "Laporan tahunan humas 2025"},
                                          2: {"bukti": "Laporan tahunan humas 2025"}})
    record = asesor.template(asesor.claims_from_isian({"p01": copied})).set_index("kode_unit")
    assert "juga dipakai di unit KOM.PR02.001.01" in record.at["KOM.PR01.001.01", "tanda_bukti"]
    assert record.at["KOM.PR01.001.01", "tanda_bukti"].startswith("⚑ elemen 1")
    assert record.at["KIT-PROTOKOL-01", "tanda_bukti"] == ""


def test_a_record_written_before_the_flags_column_still_loads(filled, tmp_path):
    path = tmp_path / "rekaman.csv"
    filled.drop(columns=["tanda_bukti"]).to_csv(path, index=False)
    assert len(asesor.load_decisions(path)) == 8


def test_a_record_with_no_flag_and_no_comment_exports(filled, tmp_path):
    """All units met, nothing flagged: the empty text columns still write to CSV."""
    path = tmp_path / "rekaman.csv"
    filled.assign(tanda_bukti="", komentar="").to_csv(path, index=False)
    record = asesor.load_decisions(path)
    assert record["tanda_bukti"].isna().all() and record["komentar"].isna().all()
    safe_text.to_csv(record, tmp_path / "keputusan_asesor.csv")
    assert len(pd.read_csv(tmp_path / "keputusan_asesor.csv")) == 8
