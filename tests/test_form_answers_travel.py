"""Answers typed into a form reach the grader whichever way the notebook travels: with its
folder (nbgrader's exchange, a zip) or alone (USB, e-mail). Where they cannot, collection says
so in plain words; a filled form is never graded as empty."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from nbgrader.api import Gradebook

from humaskit.exercises import answers, course
from humaskit.exercises.issue_mapping import samples as issue_samples
from humaskit.exercises.self_assessment import samples as self_samples
from humaskit.grading import autograde, cohort, collect
from humaskit.grading.sandbox import Limits
from humaskit.notebooks import KERNEL, Client
from humaskit.skkni import form

LIMITS = Limits(cell_timeout=60, submission_timeout=300, cpu_seconds=300)


def carried(nb) -> dict:
    return answers.harvest(nb)


@pytest.mark.slow
def test_a_form_change_updates_the_copy_the_saved_notebook_carries(tmp_path):
    nb = new_notebook(cells=[
        new_code_cell("from humaskit.exercises.issue_mapping.ui import Lembar\n"
                      "lembar = Lembar()\nlembar.formulir('dampak')"),
        new_code_cell("lembar.forms['dampak']['banjir'].value = 5"),
        new_code_cell("from humaskit.skkni import ui\nformulir = ui.AsesmenForm()\n"
                      "formulir.tampilkan()"),
        new_code_cell("formulir.nama.value = 'Rini'\nformulir.save()"),
    ])
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3",
                                 "language": "python"}
    Client(nb, timeout=120, kernel_name=KERNEL,
           resources={"metadata": {"path": str(tmp_path)}}).execute()
    found = carried(json.loads(nbformat.writes(nb)))
    issue = json.loads(found["jawaban_pemetaan_isu.json"][1])
    assert issue["jawaban"]["dampak"]["banjir"] == 5
    assert form.Isian.from_json(found[form.ANSWER_FILE][1]).identitas["nama"] == "Rini"
    # the first cell's copy was updated in place by the change made in the second
    assert nb.cells[0].outputs and answers.MIME in json.dumps(nb.cells[0].outputs)


def lone(nb, extra: dict, form_cell_marker: str):
    """``nb`` sent alone: the answers file is not sent, only the copy the notebook carries."""
    nb = nbformat.reads(nbformat.writes(nb), 4)
    (name, data), = extra.items()
    cell = next(c for c in nb.cells if c.cell_type == "code" and form_cell_marker in c.source)
    cell.outputs = [new_output("display_data", data=answers.bundle(
        name, data.decode(), "2026-11-23T09:00:00+00:00"))]
    return nb


@pytest.fixture(scope="module")
def cohort_by_route(tmp_path_factory):
    base = tmp_path_factory.mktemp("rute")
    (base / "roster.csv").write_text("id,nama,instansi,jabatan\nP01,Ani,Dinkes,Analis\n"
                                     "P02,Budi,Setda,Analis\nP03,Citra,RSUD,Analis\n",
                                     encoding="utf-8")
    ws = cohort.setup(base / "out", base / "roster.csv", course.COURSE_ROOT,
                      ["pemetaan_isu", "asesmen_mandiri"])
    people = cohort.participants(ws)
    releases = {a: nbformat.read(ws.course / "release" / a / f"{a}.ipynb", 4)
                for a in ("pemetaan_isu", "asesmen_mandiri")}
    issue_nb, issue_extra = issue_samples.build("referensi_formulir", releases["pemetaan_isu"])
    self_nb, self_extra = self_samples.build("lengkap_formulir", releases["asesmen_mandiri"])
    routes = {"pemetaan_isu": (issue_nb, issue_extra, "lembar.formulir("),
              "asesmen_mandiri": (self_nb, self_extra, "formulir.tampilkan()")}
    for assignment, (nb, extra, marker) in routes.items():
        box = base / assignment
        # P01: the folder (notebook and answers file); P02: the notebook alone, carrying
        # the answers; P03: a notebook whose form ran but which carries nothing, alone.
        (box / "P01").mkdir(parents=True)
        nbformat.write(nb, box / "P01" / f"{assignment}.ipynb")
        for name, data in extra.items():
            (box / "P01" / name).write_bytes(data)
        nbformat.write(lone(nb, extra, marker), box / "P02.ipynb")
        empty = nbformat.reads(nbformat.writes(nb), 4)
        cell = next(c for c in empty.cells if c.cell_type == "code" and marker in c.source)
        cell.outputs = [new_output("display_data", data={
            answers.WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0}})]
        nbformat.write(empty, box / "P03.ipynb")
        collect.collect(ws, [box], people, cohort.assignments(ws), assignment=assignment)
    state = autograde.run(ws, people, workers=2, limits=LIMITS, progress=False)
    with Gradebook(ws.db_url()) as gb:
        scores = {(a, s): gb.find_submission(a, s).score for a in routes for s in people}
    return {"ws": ws, "state": state, "scores": scores}


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ["pemetaan_isu", "asesmen_mandiri"])
def test_a_notebook_sent_alone_is_graded_with_the_answers_it_carries(cohort_by_route,
                                                                     assignment):
    scores = cohort_by_route["scores"]
    assert scores[(assignment, "P02")] == scores[(assignment, "P01")] > 0
    issues = cohort_by_route["ws"].collection()["issues"]
    assert [i["student"] for i in issues if i["code"] == "form_answers_from_notebook"
            and i["assignment"] == assignment] == ["P02"]


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ["pemetaan_isu", "asesmen_mandiri"])
def test_a_filled_form_that_did_not_travel_is_reported_in_plain_words(cohort_by_route,
                                                                      assignment):
    issues = cohort_by_route["ws"].collection()["issues"]
    missing = [i for i in issues if i["code"] == "form_answers_missing"
               and i["assignment"] == assignment]
    assert [i["student"] for i in missing] == ["P03"]
    message = collect.issue_message("form_answers_missing", missing[0]["detail"])
    assert message.startswith("Jawaban formulir tidak ikut terkirim")
