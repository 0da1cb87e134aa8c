"""Crafted submissions of the no-code *Pemetaan Isu*, for tests, the demo and the benchmark.

``build(name)`` returns ``(notebook, extra files)``: the participant version of the source
notebook answered the way the sample says, by literal values in the answer cells, by the form
(its answers file beside the notebook), or only by the copy of the form's answers that the
notebook itself carries (sent alone). ``expected(name)`` gives the points of every grade cell,
computed with :func:`humaskit.exercises.issue_mapping.model.points` from the sample's answers.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_output

from humaskit.exercises import answers as carried
from humaskit.exercises import course
from humaskit.exercises.issue_mapping import ASSIGNMENT, NOTEBOOK, model
from humaskit.exercises.issue_mapping.ui import ANSWER_FILE
from humaskit.issues import priority

POINTS = {f"cek_{name}": d.points for name, d in model.DECISIONS.items()}
MANUAL_CELL = "strategi_respons"
ESSAY = ("Antrean RSUD, PPDB zonasi dan jalan rusak: identifikasi, analisis, strategi, "
         "program aksi dan evaluasi untuk masing-masing isu.")



def _set(name: str, key, value):
    def edit(answers: dict) -> None:
        answers[name][key] = value
    return edit


def _rising_without_step_up(answers: dict) -> None:
    summary = model.basis().summary
    for row in summary.itertuples():
        if row.tren > 0:
            answers["urgensi"][row.topik] = priority.urgency(row.persen_negatif, 0)


def _swap_quadrants(answers: dict) -> None:
    swap = {"Jaga kepuasan": "Jaga agar terinformasi", "Jaga agar terinformasi": "Jaga kepuasan"}
    answers["kuadran"] = {k: swap.get(v, v) for k, v in answers["kuadran"].items()}


def _own_basis(answers: dict) -> None:
    """Carries on with its own answers: one wrong urgency makes banjir Kritis in its own
    view, and it coordinates and reads the matrix consistently with that view."""
    answers[model.FLAG] = True
    answers["urgensi"]["banjir"] = 4  # 3 by the rubric; 5 × 4 = 20: Kritis
    answers["koordinator"]["banjir"] = "Sekda/Wabup"  # Kritis and three OPD
    answers["bacaan_matriks"] = {model.MATRIX_KEYS[0]: 4, model.MATRIX_KEYS[1]: "tapal batas"}


#: One common mistake per decision (and two about the basis): the edit of the reference.
MISTAKES = {
    "ejaan_keliru": _set("ejaan_topik", "ppdb", "honorer"),
    "ringkasan_salah_baca": _set("bacaan_ringkasan", model.SUMMARY_KEYS[0], "antrean rsud"),
    "dampak_batas_keliru": _set("dampak", "sampah tpa", 3),
    "urgensi_tanpa_tren": _rising_without_step_up,
    "tahap_urutan_salah": _set("tahap", "harga pupuk", "mediasi & amplifikasi"),
    "kuadran_tertukar": _swap_quadrants,
    "opd_salah": _set("opd_utama", "banjir", "BPBD"),
    "koordinator_salah": _set("koordinator", "ppdb zonasi", "Sekda/Wabup"),
    "matriks_salah_baca": _set("bacaan_matriks", model.MATRIX_KEYS[0], 2),
    "lanjut_jawaban_sendiri": _own_basis,
}
#: Routes by which a complete, correct answer reaches the grader.
ROUTES = ("referensi_isian", "referensi_formulir", "referensi_tersimpan_di_notebook")
NAMES = [*ROUTES, "kosong", *MISTAKES]


def source_notebook(root: Path = course.COURSE_ROOT) -> nbformat.NotebookNode:
    return nbformat.read(Path(root) / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)


def answers_of(name: str) -> dict:
    """The decisions a sample makes."""
    answers = model.blank() if name == "kosong" else model.reference_answers()
    if name in MISTAKES:
        MISTAKES[name](answers)
    return answers


def fill_literals(nb: nbformat.NotebookNode, answers: dict) -> nbformat.NotebookNode:
    """``nb`` with every answer cell's ``None`` replaced by the answer, as typed by hand."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        found = re.search(r'lembar\.isian\("(\w+)"', cell.source)
        if cell.cell_type != "code" or not found:
            continue
        given = answers[found.group(1)]
        lines = []
        for line in cell.source.splitlines():
            key = re.match(r'\s+"(.+)": None,$', line)
            if key and given.get(key.group(1)) is not None:
                line = f'    "{key.group(1)}": {given[key.group(1)]!r},'
            lines.append(line)
        cell.source = "\n".join(lines)
    for cell in nb.cells:
        if "lanjut_dengan_jawaban_sendiri=False" in cell.source and answers.get(model.FLAG):
            cell.source = cell.source.replace("lanjut_dengan_jawaban_sendiri=False",
                                              "lanjut_dengan_jawaban_sendiri=True")
    return nb


def answers_file(answers: dict) -> str:
    return json.dumps({"disimpan_pada": "2026-11-23T09:30:00+00:00", "jawaban": answers},
                      ensure_ascii=False, indent=1)


def build(name: str, base: nbformat.NotebookNode | None = None
          ) -> tuple[nbformat.NotebookNode, dict[str, bytes]]:
    """Sample ``name`` as (notebook, extra files beside it)."""
    nb = copy.deepcopy(base if base is not None else course.participant_version(source_notebook()))
    answers = answers_of(name)
    extra: dict[str, bytes] = {}
    if name == "kosong":
        return nb, extra
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == MANUAL_CELL:
            cell.source = f"**Jawaban Langkah 7**\n\n{ESSAY}"
    if name == "referensi_formulir":
        extra[ANSWER_FILE] = answers_file(answers).encode()
        return nb, extra
    if name == "referensi_tersimpan_di_notebook":
        form = next(c for c in nb.cells if c.cell_type == "code" and "lembar.formulir(" in c.source)
        form.outputs = [new_output("display_data", data=carried.bundle(
            ANSWER_FILE, answers_file(answers), "2026-11-23T09:30:00+00:00"))]
        form.execution_count = 4
        return nb, extra
    return fill_literals(nb, answers), extra


def expected(name: str) -> dict[str, float]:
    """Points of every autograded cell for sample ``name`` (the essay: not graded yet)."""
    answers = answers_of(name)
    return {f"cek_{d}": model.points(d, answers) for d in model.DECISIONS}
