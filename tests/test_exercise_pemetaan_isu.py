"""The no-code Pemetaan Isu: what a participant who does not program can do, and how it is
graded, through the real nbgrader pipeline.

One course per module; every sample is autograded once by nbgrader. Each route to the grader
(literal values, the form's answers file, the copy the notebook carries) earns the same full
marks, the untouched release earns zero, each common mistake costs only its own decision, and
the release asks for nothing but literal values or a widget.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re

import nbformat
import pytest
from conftest import declared_points

from humaskit.exercises import course
from humaskit.exercises.issue_mapping import ASSIGNMENT, NOTEBOOK, checks, model, samples
from humaskit.exercises.issue_mapping.ui import ANSWER_FILE, Lembar
from humaskit.issues import issue_map

THROUGH_NBGRADER = ["referensi_isian", "referensi_formulir", "kosong", *samples.MISTAKES]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = course.copy_course(tmp_path_factory.mktemp("kursus"), [ASSIGNMENT])
    result = course.api(root).generate_assignment(ASSIGNMENT, force=True)
    assert result["success"], result.get("error") or result.get("log")
    release = nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    scores = {}
    for name in THROUGH_NBGRADER:
        nb, extra = samples.build(name, release)
        course.submit(root, ASSIGNMENT, name, {NOTEBOOK: nb}, extra)
        outcome = course.autograde(root, ASSIGNMENT, name)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
        scores[name] = course.scores(root, ASSIGNMENT, name)
    return {"root": root, "release": release, "scores": scores}


def autograded(graded, name):
    return {k: v for k, v in graded["scores"][name].items() if k != samples.MANUAL_CELL}


def test_points_declared_by_the_model_match_the_notebook():
    assert declared_points(samples.source_notebook()) == {**samples.POINTS,
                                                          samples.MANUAL_CELL: 10}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["referensi_isian", "referensi_formulir"])
def test_the_reference_by_either_route_earns_full_autograded_marks(graded, name):
    assert autograded(graded, name) == {k: float(v) for k, v in samples.POINTS.items()}


@pytest.mark.slow
def test_the_widget_route_and_the_literal_route_score_the_same(graded):
    assert graded["scores"]["referensi_formulir"] == graded["scores"]["referensi_isian"]


@pytest.mark.slow
def test_the_untouched_release_scores_zero_without_breaking_the_grader(graded):
    assert set(graded["scores"]["kosong"].values()) == {0.0}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(samples.MISTAKES))
def test_each_mistake_costs_only_its_own_decision(graded, name):
    expected = samples.expected(name)
    assert autograded(graded, name) == pytest.approx(expected)
    lost = {cell for cell, points in expected.items() if points < samples.POINTS[cell]}
    assert len(lost) == 1


def test_a_wrong_early_step_costs_no_later_step():
    answers = samples.answers_of("ejaan_keliru")
    answers["urgensi"] = dict.fromkeys(answers["urgensi"], 1)  # and Step 3 all wrong too
    points = {name: model.points(name, answers) for name in model.DECISIONS}
    assert points["ejaan_topik"] == pytest.approx(2 * 8 / 9, abs=0.01)
    assert points["urgensi"] < 1
    for name in ("bacaan_ringkasan", "tahap", "kuadran", "opd_utama", "koordinator",
                 "bacaan_matriks"):
        assert points[name] == model.DECISIONS[name].points, name


def test_carrying_on_with_ones_own_answers_judges_later_steps_on_them():
    answers = samples.answers_of("lanjut_jawaban_sendiri")
    assert model.points("koordinator", answers) == 2  # right for its own (wrong) categories
    assert model.points("bacaan_matriks", answers) == 2
    assert model.points("urgensi", answers) < 2  # the mistake itself still costs its points
    reference_view = dict(answers, **{model.FLAG: False})
    assert model.points("koordinator", reference_view) < 2


@pytest.mark.slow
def test_the_release_has_no_answer_model_answer_or_hidden_test(graded):
    text = nbformat.writes(graded["release"])
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "scoring" not in text and "Contoh jawaban" not in text
    for cell in graded["release"].cells:
        for line in cell.source.splitlines():
            assert not re.match(r'\s+".+": (?!None,)', line), f"pre-filled answer: {line}"


@pytest.mark.slow
def test_answering_needs_nothing_but_literal_values_or_a_widget(graded):
    answer_cells = [c for c in graded["release"].cells
                    if c.cell_type == "code" and "lembar.isian(" in c.source]
    assert len(answer_cells) == len(model.DECISIONS)
    for cell in answer_cells:
        tree = ast.parse(cell.source)
        (assign,) = tree.body
        call = assign.value
        assert isinstance(call, ast.Call) and ast.unparse(call.func) == "lembar.isian"
        literal = call.args[1]
        assert isinstance(literal, ast.Dict)
        assert all(isinstance(k, ast.Constant) and isinstance(v, ast.Constant) and v.value is None
                   for k, v in zip(literal.keys, literal.values))
    for cell in graded["release"].cells:
        assert "NotImplementedError" not in cell.source  # no code to write anywhere


@pytest.mark.slow
def test_the_model_answer_names_each_top_issues_coordinator_and_key_stakeholders():
    answer = next(c.source for c in samples.source_notebook().cells
                  if c.metadata.get("nbgrader", {}).get("grade_id") == samples.MANUAL_CELL)
    sections = re.split(r"\*\*\d\. ", answer)[1:]
    peta = issue_map.build(model.monitoring.clean(model.raw_clips()), model.stakeholder_table())
    offices = {"DISDIK": "Dinas Pendidikan"}
    assert len(sections) == 3
    for section, row in zip(sections, peta.head(3).itertuples()):
        assert section.lower().startswith(row.topik.split()[0])
        assert f"koordinator {offices.get(row.koordinator, row.koordinator)}" in section
        for name in row.pemangku_kunci.split("; "):
            assert name.split(" Kabupaten")[0] in section, name
        for stage in ("Identifikasi", "Analisis", "Pilihan strategi", "Program aksi",
                      "Evaluasi"):
            assert f"*{stage}:*" in section, stage


def test_a_form_change_is_saved_and_carried_in_the_notebook(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    monkeypatch.setattr("IPython.display.update_display",
                        lambda *a, **k: shown.append((a, k)))
    lembar = Lembar(folder=tmp_path)
    form = lembar.formulir("dampak")
    row = form.children[1]
    row.children[1].value = 4
    assert lembar.jawaban["dampak"]["banjir"] == 4
    saved = (tmp_path / ANSWER_FILE).read_text(encoding="utf-8")
    assert '"banjir": 4' in saved
    bundle = shown[-1][0][0]
    assert any("jawaban" in str(v) for v in bundle.values())
    again = Lembar(folder=tmp_path)
    assert again.jawaban["dampak"]["banjir"] == 4


def test_a_literal_value_wins_over_the_form_and_typed_numbers_are_read(tmp_path, capsys):
    lembar = Lembar(folder=tmp_path)
    lembar.jawaban["dampak"]["banjir"] = 2
    merged = lembar.isian("dampak", {"banjir": "5", "tidak_ada": 1, "honorer": None})
    assert merged["banjir"] == 5 and merged["honorer"] is None
    assert "'tidak_ada' bukan isian" in capsys.readouterr().out


def test_the_visible_check_says_what_it_checked_and_never_claims_correctness(capsys):
    answers = model.reference_answers()
    checks.periksa("tahap", answers)
    out = capsys.readouterr().out
    assert "lengkap dan berformat benar" in out and "diperiksa saat penilaian" in out
    answers["dampak"]["banjir"] = 9
    assert not checks.periksa("dampak", answers)
    assert "bukan pilihan yang sah" in capsys.readouterr().out


def test_a_stated_rule_is_caught_visibly_without_giving_the_answer(capsys):
    answers = model.reference_answers()
    answers["koordinator"]["banjir"] = issue_map.CENTRAL_COORDINATOR  # banjir is Tinggi
    assert not checks.periksa("koordinator", answers)
    out = capsys.readouterr().out
    assert "'banjir'" in out and "hanya mengoordinasikan isu Kritis" in out
    answers["urgensi"]["ppdb zonasi"] = 1  # rising: at least 2 by the rule
    assert not checks.periksa("urgensi", answers)
    assert "paling sedikit 2" in capsys.readouterr().out


def test_the_worked_examples_use_issues_that_are_not_graded():
    text = " ".join(c.source for c in samples.source_notebook().cells if "Contoh" in c.source)
    assert "air bersih" in text
    assert "air bersih" not in model.TOPICS


def test_every_step_states_its_time_and_they_fit_in_75_minutes():
    minutes = [int(m) for c in samples.source_notebook().cells
               for m in re.findall(r"^## Langkah [1-6]\..*± (\d+) menit", c.source, re.MULTILINE)]
    assert len(minutes) == 6 and sum(minutes) + 5 <= 75


@pytest.mark.parametrize("name", ["referensi_isian", "kosong"])
def test_every_sample_runs_top_to_bottom_in_process(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nb, _ = samples.build(name)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nb.cells:
            if cell.cell_type == "code" and "lembar.formulir" not in cell.source \
                    and "lembar.matriks" not in cell.source:
                exec(cell.source, namespace)  # noqa: S102 - running the notebook is the point
    assert namespace["jawaban"]["kuadran"] == samples.answers_of(name)["kuadran"]
