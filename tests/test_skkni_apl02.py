"""FR.APL.02 logic: unit claims, summary, chart, printable form, plan checks, the answers
file and the widget form a participant fills in."""

from __future__ import annotations

import datetime as dt
import warnings

import pandas as pd
import pytest

from humaskit.errors import CekGagal
from humaskit.exercises.self_assessment import checks, samples
from humaskit.skkni import apl02, evidence, form, plan, ui


@pytest.fixture
def isian():
    return samples.complete()


def test_a_unit_is_claimed_k_only_when_every_element_is_k(isian):
    summary = apl02.summary(isian.jawaban).set_index("kode_unit")
    assert summary.at["KOM.PR01.001.01", "klaim_unit"] == "K"
    klipping = summary.loc["KOM.PR02.001.01"]
    assert (klipping["jumlah_K"], klipping["jumlah_BK"], klipping["klaim_unit"]) == (2, 1, "BK")
    assert klipping["persen_K"] == pytest.approx(66.7)
    assert summary.at["KIT-PROTOKOL-01", "persen_K"] == 0


def test_profile_chart_plots_the_summary(isian):
    summary = apl02.summary(isian.jawaban)
    chart = apl02.profile_chart(summary)
    assert list(apl02.chart_data(chart)["persen_K"]) == list(summary["persen_K"])
    assert chart.to_dict()["encoding"]["x"]["field"] == "persen_K"
    shown = apl02.chart_data(chart).set_index("kode_unit")["persen_K_teks"]
    assert shown["KOM.PR02.001.01"] == "66,7"  # the tooltip's percentage, decimal comma


def test_the_profile_of_an_isian_not_yet_filled_is_drawn_without_a_warning():
    """Running the notebook before filling the form shows an empty chart, not seven English
    altair warnings about types it cannot infer."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chart = apl02.profile_chart(apl02.summary(form.Isian().jawaban))
        spec = chart.to_dict()
    assert apl02.chart_data(chart).empty
    assert {t["field"]: t["type"] for t in spec["encoding"]["tooltip"]}["jumlah_K"] == \
        "quantitative"


def test_a_table_written_in_code_gets_its_unit_titles_from_the_catalog_like_the_form(isian):
    """The code route's answer table holds unit codes only; the summary (and the printed
    form) still names each unit as the form route does."""
    by_form = apl02.summary(isian.jawaban)
    codes_only = isian.jawaban[["kode_unit", "no_elemen", "klaim", "bukti"]]
    by_code = apl02.summary(form.Isian(kode_skema=isian.kode_skema, jawaban=codes_only).jawaban)
    pd.testing.assert_frame_equal(by_code, by_form)
    assert by_code["judul_unit"].str.len().gt(3).all()
    unknown = form.Isian(jawaban=pd.DataFrame([{"kode_unit": "KIT-TIDAK-ADA", "no_elemen": 1,
                                                "klaim": "K", "bukti": "x"}]))
    assert list(apl02.summary(unknown.jawaban)["judul_unit"]) == [""]
    own = form.Isian(jawaban=codes_only.assign(judul_unit="Judul tulisan peserta"))
    assert set(own.jawaban["judul_unit"]) == {"Judul tulisan peserta"}


def test_printable_form_has_header_every_element_footer_and_marks_illustrations(isian):
    page = apl02.to_html(isian.identitas, "Humas Yunior", isian.jawaban,
                         samples.catalog.scheme_elements(samples.SCHEME), isian.rencana)
    assert "FR.APL.02. ASESMEN MANDIRI" in page
    assert "Asesmen dapat dilanjutkan / tidak dapat dilanjutkan" in page
    assert all(question in page for question in isian.jawaban["pertanyaan"])
    assert "ILUSTRASI" in page and "kode kit, bukan kode resmi" in page
    assert "Rini Paramitha" in page and "VATM" in page


def test_printed_file_is_written_beside_the_notebook(isian, tmp_path):
    path = form.print_form(isian, tmp_path)
    assert path.name == "FR_APL_02_Rini_Paramitha.html" and path.exists()
    assert form.print_form(form.Isian(), tmp_path) is None


def test_every_bk_element_needs_a_complete_plan_item(isian):
    assert plan.missing_items(isian.rencana, isian.jawaban) == []
    messages = plan.missing_items(isian.rencana.drop(index=0), isian.jawaban)
    assert messages == [("unit KOM.PR02.001.01 elemen 3 diklaim BK tetapi belum punya "
                         "rencana pengembangan.")]
    blank = plan.blank_plan(isian.jawaban)
    assert len(blank) == 3
    assert "isi kegiatan, sumber belajar, indikator keberhasilan, target tanggal" in \
        plan.missing_items(blank, isian.jawaban)[0]


def test_plan_targets_must_be_dates_after_the_assessment(isian):
    rencana = isian.rencana.copy()
    rencana.loc[0, "target"] = "2026-02-10"
    rencana.loc[1, "target"] = "akhir tahun"
    messages = plan.date_problems(rencana, "2026-02-10")
    assert "harus sesudah tanggal asesmen (2026-02-10)" in messages[0]
    assert "bukan tanggal yang sah" in messages[1]


def test_the_answers_file_round_trips(isian, tmp_path):
    path = form.save(isian, tmp_path)
    loaded = form.muat(folder=tmp_path)
    assert path.name == form.ANSWER_FILE
    assert loaded.identitas == isian.identitas
    assert list(loaded.jawaban["klaim"]) == list(isian.jawaban["klaim"])
    assert list(loaded.rencana["target"]) == list(isian.rencana["target"])


def test_missing_or_damaged_answers_file_gives_an_empty_isian_and_a_message(tmp_path, capsys):
    assert form.muat(folder=tmp_path).jawaban.empty
    (tmp_path / form.ANSWER_FILE).write_text("{rusak", encoding="utf-8")
    assert form.muat(folder=tmp_path).jawaban.empty
    assert "rusak" in capsys.readouterr().out


def test_code_isian_takes_precedence_over_the_file(isian, tmp_path):
    form.save(form.Isian(), tmp_path)
    assert form.muat(isian, tmp_path) is isian


def test_code_isian_is_saved_so_the_submission_carries_the_answers(isian, tmp_path):
    form.muat(isian, tmp_path)
    saved = form.Isian.from_json((tmp_path / form.ANSWER_FILE).read_text(encoding="utf-8"))
    assert saved.kode_skema == isian.kode_skema
    columns = ["kode_unit", "no_elemen", "klaim"]
    assert saved.jawaban[columns].astype(str).equals(isian.jawaban[columns].astype(str))


def test_widget_form_saves_what_was_typed_and_reloads_it(tmp_path):
    widget = ui.AsesmenForm(tmp_path)
    first = next(iter(widget.rows.values()))
    assert first.plan_box.layout.display == "none"
    first.klaim.value = "BK"
    assert first.plan_box.layout.display == ""
    first.kegiatan.value = "Kursus daring pengolah kata"
    first.target.value = dt.date(2026, 9, 1)
    widget.nama.value = "Asesi Uji"
    widget.save_button.click()
    assert "1 dari 10 elemen" in widget.status.value
    reloaded = ui.AsesmenForm(tmp_path)
    again = next(iter(reloaded.rows.values()))
    assert (again.klaim.value, again.kegiatan.value) == ("BK", "Kursus daring pengolah kata")
    assert reloaded.nama.value == "Asesi Uji"


def test_changing_scheme_rebuilds_the_questions_and_keeps_identity(tmp_path):
    widget = ui.AsesmenForm(tmp_path)
    widget.nama.value = "Asesi Uji"
    widget.skema.value = "KIT-PRANATA-AHLI"
    assert len(widget.rows) == 14
    assert widget.nama.value == "Asesi Uji"


@pytest.mark.parametrize("text, weak", [("", True), ("ada", True), ("-", True),
                                        ("Sertifikat", True),
                                        ("Laporan rapat koordinasi humas 2025", False)])
def test_evidence_must_be_specific(text, weak):
    assert (evidence.judge(text).status == evidence.REFUSED) is weak


def test_checks_explain_in_indonesian_what_to_fix(isian):
    broken = samples._variants()["kurang_lengkap"]
    with pytest.raises(CekGagal, match=r"diklaim K, tetapi buktinya tidak menyebut jenis dokumen atau "
                                          r"kegiatan; tidak menyebut kapan .* \('ada'\)"):
        checks.periksa_bukti(broken)
    with pytest.raises(CekGagal, match="Belum ada jawaban K/BK"):
        checks.periksa_jawaban(form.Isian())
    wrong = apl02.summary(isian.jawaban)
    wrong.loc[0, "jumlah_K"] = 0
    with pytest.raises(CekGagal, match="jumlah_K tertulis 0"):
        checks.periksa_ringkasan(isian, wrong)
    checks.periksa_ringkasan(isian, apl02.summary(isian.jawaban))


def test_answer_table_built_in_code_with_lowercase_claims_is_accepted(isian):
    jawaban = isian.jawaban.assign(klaim=isian.jawaban["klaim"].str.lower())
    coded = form.Isian(identitas=isian.identitas, kode_skema=isian.kode_skema,
                       jawaban=pd.DataFrame(jawaban), rencana=isian.rencana)
    checks.periksa_jawaban(coded)


def test_catalog_explorer_shows_the_chosen_scheme_with_status():
    explorer = ui.CatalogExplorer()
    before = explorer.view.value
    explorer.skema.value = "KIT-PRANATA-AHLI"
    assert explorer.view.value != before
    assert "5 unit, 14 elemen" in explorer.view.value and "teks resmi" in explorer.view.value
    explorer.show_kuk.value = True
    assert "Tim kerja dibentuk sesuai format acara" in explorer.view.value


def test_claim_explorer_turns_a_unit_bk_when_one_element_becomes_bk(isian):
    explorer = ui.ClaimExplorer(isian.jawaban)
    explorer.element.value = 0
    assert explorer.view.value.count(">K<") == 2
    explorer.klaim.value = "BK"
    assert explorer.view.value.count(">K<") == 1


def test_linked_profile_chart_selects_units(isian):
    spec = apl02.profile_with_elements(isian.jawaban).to_dict()
    assert spec["params"][0]["select"]["fields"] == ["kode_unit"]
    assert spec["vconcat"][1]["transform"][0]["filter"]["param"] == spec["params"][0]["name"]


def test_the_form_shows_the_evidence_rules_verdict_as_the_participant_types(tmp_path):
    row = next(iter(ui.AsesmenForm(tmp_path).rows.values()))
    row.klaim.value = "K"
    row.bukti.value = "Foto 2025"
    assert "Belum memenuhi aturan" in row.verdict.value
    row.bukti.value = "Foto peresmian pasar Bukit Pandan, Agustus 2025"
    assert "Memenuhi aturan" in row.verdict.value and "Belum" not in row.verdict.value
    row.klaim.value = "BK"
    assert row.verdict.value == ""
