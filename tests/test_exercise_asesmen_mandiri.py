"""The Asesmen Mandiri exercise through the real nbgrader pipeline: release, submit, autograde.

One course is built per module; each crafted submission is autograded once. Every sample
loses exactly the points of the grade cells it is meant to fail. Each single defect is also
checked in-process against the same checks the grade cells run (no kernel needed).
"""

from __future__ import annotations

import json

import nbformat
import pytest

from humaskit.exercises import course
from humaskit.exercises.self_assessment import ASSIGNMENT, NOTEBOOK, checks, samples
from humaskit.skkni import apl02, form


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = course.copy_course(tmp_path_factory.mktemp("kursus"), [ASSIGNMENT])
    result = course.api(root).generate_assignment(ASSIGNMENT, force=True)
    assert result["success"], result.get("error") or result.get("log")
    release = root / "release" / ASSIGNMENT
    notebook = nbformat.read(release / NOTEBOOK, as_version=4)
    outcomes = {}
    for name in samples.PIPELINE:
        nb, extra = samples.build(name, notebook)
        folder = course.submit(root, ASSIGNMENT, name, {NOTEBOOK: nb}, extra)
        outcome = course.autograde(root, ASSIGNMENT, name)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
        outcomes[name] = course.scores(root, ASSIGNMENT, name)
    return {"root": root, "release": release, "scores": outcomes, "folder": folder}


@pytest.mark.slow
def test_release_ships_without_answers_and_without_the_solution(graded):
    release = graded["release"]
    assert not (release / form.ANSWER_FILE).exists()
    text = (release / NOTEBOOK).read_text(encoding="utf-8")
    assert samples.IDENTITY["nama"] not in text
    assert "HIDDEN TESTS" not in text and "periksa_bukti_tidak_disalin" not in text


@pytest.mark.slow
def test_complete_submission_filled_through_the_form_earns_full_marks(graded):
    assert graded["scores"]["lengkap_formulir"] == {k: float(v) for k, v in samples.POINTS.items()}


@pytest.mark.slow
def test_form_filled_and_code_filled_submissions_grade_the_same(graded):
    assert graded["scores"]["lengkap_kode"] == graded["scores"]["lengkap_formulir"]


@pytest.mark.slow
def test_untouched_release_scores_zero(graded):
    assert set(graded["scores"]["kosong"].values()) == {0.0}
    assert set(graded["scores"]["kosong"]) == set(samples.POINTS)


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in samples.PIPELINE
                                  if n not in ("lengkap_formulir", "lengkap_kode", "kosong")])
def test_crafted_submission_loses_exactly_the_intended_points(graded, name):
    scores = graded["scores"][name]
    expected = {cell: 0.0 if cell in samples.LOSES[name] else float(points)
                for cell, points in samples.POINTS.items()}
    assert scores == expected


def test_the_form_file_round_trips_every_answer():
    saved = json.loads(samples.form_file(samples.complete()))
    assert saved["kode_skema"] == samples.SCHEME
    assert [r["klaim"] for r in saved["jawaban"]] == [c for c, _ in samples.CLAIMS]
    assert len(saved["rencana"]) == sum(c == "BK" for c, _ in samples.CLAIMS)


# --- each defect alone, against the grade cells' own checks (in-process) ---

GRADE_CELLS = {
    "uji_identitas": lambda isian, ringkasan: checks.periksa_identitas(isian),
    "uji_jawaban": lambda isian, ringkasan: (checks.periksa_jawaban(isian),
                                             checks.periksa_jawaban_sesuai_skema(isian)),
    "uji_bukti": lambda isian, ringkasan: (checks.periksa_bukti(isian),
                                           checks.periksa_bukti_tidak_disalin(isian)),
    "uji_ringkasan": lambda isian, ringkasan: (
        checks.periksa_ringkasan(isian, ringkasan),
        checks.periksa_grafik(isian, apl02.profile_chart(ringkasan))),
    "uji_rencana": lambda isian, ringkasan: checks.periksa_rencana(isian),
    "uji_tanggal": lambda isian, ringkasan: (checks.periksa_tanggal_rencana(isian),
                                             checks.periksa_target_sesudah_asesmen(isian)),
}


def _failing(isian, ringkasan=None):
    ringkasan = apl02.summary(isian.jawaban) if ringkasan is None else ringkasan
    failed = set()
    for cell, run in GRADE_CELLS.items():
        try:
            run(isian, ringkasan)
        except AssertionError:
            failed.add(cell)
    return failed


SOURCE = nbformat.read(course.COURSE_ROOT / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)


@pytest.mark.parametrize("name", [n for n in samples.NAMES if n not in ("kosong", "lengkap_kode")])
def test_every_sample_fails_exactly_its_intended_grade_cells(name):
    """The answers file and the notebook's own summary cell, checked without a kernel."""
    nb, extra = samples.build(name, SOURCE)
    isian = form.Isian.from_json(extra[form.ANSWER_FILE].decode("utf-8"))
    summary_cell = next(c.source for c in nb.cells if samples.SUMMARY_LINE in c.source)
    namespace = {"apl02": apl02, "isian": isian}
    exec(summary_cell, namespace)  # noqa: S102 (the notebook cell under test, from the kit)
    assert _failing(isian, namespace["ringkasan"]) == samples.LOSES[name]


def test_the_notebook_grade_cells_and_points_are_those_the_samples_assume():
    cells = {c.metadata["nbgrader"]["grade_id"]: c for c in SOURCE.cells
             if c.metadata.get("nbgrader", {}).get("grade")}
    assert set(cells) == set(GRADE_CELLS) == set(samples.POINTS)
    assert {k: c.metadata["nbgrader"]["points"] for k, c in cells.items()} == samples.POINTS
    assert "periksa_target_sesudah_asesmen" in cells["uji_tanggal"].source


# --- every grading rule, both sides: what is accepted and what is refused ---

def _claims(isian):
    return [i for i, c in enumerate(isian.jawaban["klaim"]) if c == "K"]


@pytest.mark.parametrize("evidence", [
    "Laporan pelaksanaan rapat koordinasi humas, Maret 2025",
    "Naskah siaran pers banjir Sungai Lintang, Januari 2026",
    "Sertifikat bimtek kehumasan Kominfo 2024",
    "Foto kegiatan jumpa pers Bupati, Agustus 2025",
])
def test_evidence_naming_a_document_or_activity_and_when_is_accepted(evidence):
    assert checks.evidence_problem(evidence) is None


@pytest.mark.parametrize("evidence, lacking", [
    ("", "kosong"),
    ("ada", "jenis dokumen atau kegiatan, dan tidak menyebut kapan"),
    ("saya sering melakukannya dengan baik", "tidak menyebut jenis dokumen"),
    ("Laporan kegiatan humas", "tidak menyebut kapan"),
    ("Sudah dikerjakan tahun 2025", "tidak menyebut jenis dokumen atau kegiatan"),
])
def test_evidence_missing_a_document_or_a_time_is_refused_saying_what_is_missing(evidence,
                                                                                 lacking):
    assert lacking in checks.evidence_problem(evidence)


def test_the_evidence_rule_is_stated_in_the_notebook_as_the_checks_apply_it():
    text = " ".join(c.source for c in SOURCE.cells)
    for part in ("jenis dokumen atau kegiatan", "kapan", "dalam unit yang sama",
                 "tidak boleh"):
        assert part in text
    with pytest.raises(AssertionError, match="Bukti belum memenuhi aturan"):
        checks.periksa_bukti(samples.with_changes(samples.complete(), {_claims(samples.complete())[0]:
                                                         {"bukti": "ada"}}))


def test_one_document_for_several_elements_of_one_unit_is_accepted():
    isian = samples.complete()
    table = isian.jawaban
    unit = table.loc[_claims(isian)[0], "kode_unit"]
    rows = [i for i in _claims(isian) if table.loc[i, "kode_unit"] == unit]
    assert len(rows) >= 2
    same = {i: {"bukti": "Laporan tahunan bidang humas Diskominfo 2025"} for i in rows}
    checks.periksa_bukti_tidak_disalin(samples.with_changes(isian, same))


def test_the_same_evidence_in_two_units_is_refused_even_on_two_rows_only():
    isian = samples.complete()
    table = isian.jawaban
    first = _claims(isian)[0]
    other = next(i for i in _claims(isian)
                 if table.loc[i, "kode_unit"] != table.loc[first, "kode_unit"])
    copied = {i: {"bukti": "Laporan tahunan bidang humas Diskominfo 2025"}
              for i in (first, other)}
    with pytest.raises(AssertionError, match="dipakai di 2 unit"):
        checks.periksa_bukti_tidak_disalin(samples.with_changes(isian, copied))


def test_an_empty_plan_is_penalised_once_not_twice():
    isian = samples.complete()
    empty = {0: {"kegiatan": "", "sumber_belajar": "", "target": "", "indikator": ""}}
    assert _failing(samples.with_changes(isian, plan_rows=empty)) == {"uji_rencana"}


@pytest.mark.parametrize("shown", [66.66666666666667, 66.67, 66.7, 67])
def test_a_correct_percentage_is_accepted_however_it_is_rounded(shown):
    assert checks.same_value(shown, 200 / 3)


@pytest.mark.parametrize("shown", [66.0, 60, "66,7 persen"])
def test_a_wrong_percentage_is_refused(shown):
    assert not checks.same_value(shown, 200 / 3)


def test_a_rounded_summary_passes_the_summary_check():
    isian = samples.complete()
    summary = apl02.summary(isian.jawaban)
    summary["persen_K"] = summary["persen_K"].round(0)
    checks.periksa_ringkasan(isian, summary)
