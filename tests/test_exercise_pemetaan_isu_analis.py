"""The Pemetaan Isu — Analis exercise (pandas track) through the real nbgrader pipeline: release, submit, autograde.

One course per module; every crafted submission is autograded once. The reference and an
alternative solution written differently earn full marks, the untouched release earns zero,
and each common mistake loses exactly the points of the grade cell meant for it.
"""

from __future__ import annotations

import contextlib
import io
import re

import altair as alt
import nbformat
import pandas as pd
import pytest
from shared import declared_points

from humaskit import datasets
from humaskit.exercises import course
from humaskit.exercises.issue_analysis import ASSIGNMENT, NOTEBOOK, samples
from humaskit.exercises.issue_analysis import checks as cek
from humaskit.exercises.issue_analysis import hidden as uji
from humaskit.issues import issue_map, monitoring

#: Graded by nbgrader itself: both correct solutions and one sample per common mistake named
#: in the exercise brief. Every sample (these and the rest) is also run in-process below.
THROUGH_NBGRADER = ["referensi", "alternatif", "lupa_duplikat", "topik_peka_huruf",
                    "spasi_tidak_dibuang", "tanggal_dibiarkan", "jendela_tren_salah",
                    "ambang_kategori_salah", "kuadran_tertukar", "koordinator_salah"]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = course.copy_course(tmp_path_factory.mktemp("kursus"), [ASSIGNMENT])
    result = course.api(root).generate_assignment(ASSIGNMENT, force=True)
    assert result["success"], result.get("error") or result.get("log")
    release = nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    submissions = {name: samples.build(name) for name in THROUGH_NBGRADER}
    submissions["kosong"] = release  # the participant version, handed in untouched
    scores = {}
    for name, nb in submissions.items():
        course.submit(root, ASSIGNMENT, name, {NOTEBOOK: nb})
        outcome = course.autograde(root, ASSIGNMENT, name)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
        scores[name] = course.scores(root, ASSIGNMENT, name)
    return {"root": root, "release": release, "scores": scores}


def _expected(name):
    expected = {cell: 0.0 if cell in samples.LOSES[name] else float(points)
                for cell, points in samples.POINTS.items()}
    if name == "kosong":  # nbgrader scores an untouched written answer 0 by itself
        expected[samples.MANUAL_CELL] = 0.0
    return expected


def _run_in_process(nb):
    """Grade cells that pass when the notebook runs top to bottom in this process, with the
    source's test cells (hidden tests included) put back as nbgrader does."""
    tests = {c.metadata.nbgrader["grade_id"]: c.source for c in samples.source_notebook().cells
             if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")}
    namespace, passed = {}, set()
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.cell_type != "code":
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                code = compile(tests.get(grade_id, cell.source), grade_id or "sel", "exec")
                exec(code, namespace)  # noqa: S102 - running the notebook's cells is the point
            ok = True
        except Exception:  # noqa: BLE001 - a failing cell is exactly what is measured
            ok = False
        if ok and grade_id in samples.POINTS:
            passed.add(grade_id)
    return passed


def test_points_declared_by_the_samples_match_the_notebook():
    assert declared_points(samples.source_notebook()) == {**samples.POINTS,
                                                          samples.MANUAL_CELL: 10}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["referensi", "alternatif"])
def test_correct_solutions_written_differently_earn_full_autograded_marks(graded, name):
    assert graded["scores"][name] == _expected(name)
    assert sum(graded["scores"][name].values()) == sum(samples.POINTS.values())


@pytest.mark.slow
def test_untouched_release_scores_zero_without_breaking_the_grader(graded):
    assert graded["scores"]["kosong"] == _expected("kosong")
    assert set(graded["scores"]["kosong"].values()) == {0.0}


@pytest.mark.slow
def test_the_kosong_sample_is_what_nbgrader_releases(graded):
    built = samples.build("kosong")
    released = [c.source for c in graded["release"].cells]
    assert [c.source for c in built.cells] == released


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in THROUGH_NBGRADER if n in samples.MISTAKES])
def test_each_common_mistake_loses_exactly_its_own_points(graded, name):
    assert graded["scores"][name] == _expected(name)


@pytest.mark.parametrize("name", samples.NAMES)
def test_every_sample_fails_exactly_its_intended_cells_when_run_top_to_bottom(name):
    passed = _run_in_process(samples.build(name))
    assert set(samples.POINTS) - passed == samples.LOSES[name]


def test_every_autograded_cell_is_the_target_of_some_mistake():
    targeted = set().union(*(lost for _, lost in samples.MISTAKES.values()))
    assert targeted == set(samples.POINTS)


@pytest.mark.slow
def test_release_has_no_solution_hidden_tests_or_ground_truth(graded):
    text = nbformat.writes(graded["release"])
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "uji." not in text
    released_lines = {line.strip() for cell in graded["release"].cells
                      for line in cell.source.splitlines()}
    for answer in samples.reference_answers(samples.source_notebook()).values():
        for line in answer.splitlines():
            line = line.strip()
            if len(line) >= 20 and not line.startswith("#"):
                assert line not in released_lines, f"solution line in release: {line}"
    # Ground truth: no reach total of the clean data and no reference key-player list.
    numbers = set(re.findall(r"\d+", text))
    reach = datasets.load("monitoring_isu").groupby("topik")["jangkauan"].sum()
    assert not {str(v) for v in reach} & numbers
    peta = issue_map.build(datasets.load("monitoring_isu"),
                           datasets.load("pemangku_kepentingan"))
    assert not any(names in text for names in peta["pemangku_kunci"] if "; " in names)


@pytest.mark.slow
def test_release_keeps_instructions_rubric_and_answer_cells(graded):
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in graded["release"].cells}
    assert "Rubrik penilaian" in cells["langkah7_rubrik"].source
    assert "raise NotImplementedError()" in cells["jawaban_langkah1"].source
    assert cells["strategi_respons"].metadata.nbgrader["points"] == 10


# --- what a participant reads when a step is wrong ---

@pytest.fixture(scope="module")
def clean():
    return datasets.load("monitoring_isu")


def test_a_result_that_is_not_a_table_is_named_in_indonesian():
    with pytest.raises(cek.CekGagal, match=r"Langkah 1: `data_bersih` harus berupa tabel"):
        cek.duplikat([1, 2, 3])


def test_a_missing_column_is_named_with_the_step_it_belongs_to(clean):
    with pytest.raises(cek.CekGagal, match=r"Langkah 1: kolom berikut belum ada .*`sentimen`"):
        cek.spasi(clean.drop(columns="sentimen"))


def test_a_share_written_as_a_fraction_is_pointed_out(clean):
    summary = monitoring.summarise(clean)
    summary["persen_negatif"] /= 100
    with pytest.raises(cek.CekGagal, match="pecahan 0–1; kalikan 100"):
        cek.ringkasan(summary, clean)


def test_wrong_values_are_shown_with_the_row_and_what_they_should_be(clean):
    summary = monitoring.summarise(clean)
    summary.loc[summary["topik"] == "banjir", "volume"] = 1
    with pytest.raises(cek.CekGagal) as err:
        uji.ringkasan(summary, clean)
    message = str(err.value)
    assert "topik 'banjir': tertulis 1, seharusnya 108" in message
    assert "np.int64" not in message


def test_a_summary_indexed_by_topic_is_accepted(clean):
    summary = monitoring.summarise(clean, "2025-06").set_index("topik")
    cek.ringkasan(summary, clean)
    uji.ringkasan(summary, clean)
    uji.tren(summary, clean)


def test_a_later_step_is_judged_on_the_participants_own_earlier_result(clean):
    with_duplicates = pd.concat([clean, clean.head(30)])
    summary = monitoring.summarise(with_duplicates, "2025-06")
    uji.ringkasan(summary, with_duplicates)  # right for the data it was given
    with pytest.raises(cek.CekGagal):
        uji.ringkasan(monitoring.summarise(clean, "2025-06"), with_duplicates)


def test_a_chart_of_the_wrong_kind_gets_advice_on_the_mark():
    chart = alt.Chart(pd.DataFrame({"urgensi": [1], "dampak": [2]})).mark_bar().encode(
        x="urgensi", y="dampak")
    with pytest.raises(cek.CekGagal, match="mark_circle"):
        cek.grafik(chart)


def test_an_unreadable_earlier_result_explains_why_a_step_cannot_be_graded(clean):
    text_dates = clean.assign(tanggal=clean["tanggal"].astype(str))
    with pytest.raises(cek.CekGagal, match="Langkah 2 belum dapat dinilai"):
        uji.tren(monitoring.summarise(clean), text_dates)
