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
