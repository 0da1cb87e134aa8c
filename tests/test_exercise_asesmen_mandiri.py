"""The Asesmen Mandiri exercise through the real nbgrader pipeline: release, submit, autograde.

One course is built per module; each crafted submission is autograded once. Every sample
loses exactly the points of the grade cells it is meant to fail.
"""

from __future__ import annotations

import json

import nbformat
import pytest

from humaskit.exercises import course
from humaskit.exercises.self_assessment import ASSIGNMENT, NOTEBOOK, samples
from humaskit.skkni import form

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("asesmen_mandiri")]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = course.copy_course(tmp_path_factory.mktemp("kursus"), [ASSIGNMENT])
    result = course.api(root).generate_assignment(ASSIGNMENT, force=True)
    assert result["success"], result.get("error") or result.get("log")
    release = root / "release" / ASSIGNMENT
    notebook = nbformat.read(release / NOTEBOOK, as_version=4)
    outcomes = {}
    for name in samples.NAMES:
        nb, extra = samples.build(name, notebook)
        folder = course.submit(root, ASSIGNMENT, name, {NOTEBOOK: nb}, extra)
        outcome = course.autograde(root, ASSIGNMENT, name)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
        outcomes[name] = course.scores(root, ASSIGNMENT, name)
    return {"root": root, "release": release, "scores": outcomes, "folder": folder}


def test_release_ships_without_answers_and_without_the_solution(graded):
    release = graded["release"]
    assert not (release / form.ANSWER_FILE).exists()
    text = (release / NOTEBOOK).read_text(encoding="utf-8")
    assert samples.IDENTITY["nama"] not in text
    assert "HIDDEN TESTS" not in text and "periksa_bukti_tidak_disalin" not in text


def test_complete_submission_filled_through_the_form_earns_full_marks(graded):
    assert graded["scores"]["lengkap_formulir"] == {k: float(v) for k, v in samples.POINTS.items()}


def test_form_filled_and_code_filled_submissions_grade_the_same(graded):
    assert graded["scores"]["lengkap_kode"] == graded["scores"]["lengkap_formulir"]


def test_untouched_release_scores_zero(graded):
    assert set(graded["scores"]["kosong"].values()) == {0.0}
    assert set(graded["scores"]["kosong"]) == set(samples.POINTS)


@pytest.mark.parametrize("name", [n for n in samples.NAMES
                                  if n not in ("lengkap_formulir", "lengkap_kode", "kosong")])
def test_crafted_submission_loses_exactly_the_intended_points(graded, name):
    scores = graded["scores"][name]
    expected = {cell: 0.0 if cell in samples.LOSES[name] else float(points)
                for cell, points in samples.POINTS.items()}
    assert scores == expected


def test_the_form_file_round_trips_every_answer(graded):
    saved = json.loads(samples.form_file(samples.complete()))
    assert saved["kode_skema"] == samples.SCHEME
    assert [r["klaim"] for r in saved["jawaban"]] == [c for c, _ in samples.CLAIMS]
    assert len(saved["rencana"]) == sum(c == "BK" for c, _ in samples.CLAIMS)
