"""Crafted submissions of the no-code *Pemetaan Isu*, for tests, the demo and the benchmark.

``build(name)`` returns ``(notebook, extra files)``: the participant version of the source
notebook answered the way the sample says, by literal values in the answer cells, by the form
(its answers file beside the notebook), or only by the copy of the form's answers that the
notebook itself carries (sent alone). ``expected(name)`` gives the points of every grade cell,
computed with the answer key's ``points`` from the sample's answers. Samples are trainer
material: they load the answer key (:func:`humaskit.exercises.course.answer_key`).
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



def key():
    """The exercise's answer key (instructor material; see :func:`course.answer_key`)."""
    return course.answer_key(ASSIGNMENT)


def _set(name: str, item, value):
    def edit(answers: dict) -> None:
        answers[name][item] = value
    return name, edit


def _rising_without_step_up(answers: dict) -> None:
    for row in model.basis(answers).summary.itertuples():
        if row.tren > 0:
            answers["urgensi"][row.topik] = priority.urgency(row.persen_negatif, 0)


def _swap_quadrants(answers: dict) -> None:
    swap = {"Jaga kepuasan": "Jaga agar terinformasi", "Jaga agar terinformasi": "Jaga kepuasan"}
    answers["kuadran"] = {k: swap.get(v, v) for k, v in answers["kuadran"].items()}


#: One common mistake per decision: (the decision, the edit of a faithful answer). Every
#: later step is then answered faithfully on the participant's own tables: the urgency slip
#: makes banjir Kritis in their own map, so they coordinate it by Sekda/Wabup and count four
#: Kritis issues in their own matrix, and lose only the urgency.
MISTAKES = {
    "ejaan_keliru": _set("ejaan_topik", "ppdb", "honorer"),
    "ringkasan_salah_baca": _set("bacaan_ringkasan", model.SUMMARY_KEYS[0], "antrean rsud"),
    "dampak_batas_keliru": _set("dampak", "sampah tpa", 3),
    "urgensi_tanpa_tren": ("urgensi", _rising_without_step_up),
    "urgensi_banjir_keliru": _set("urgensi", "banjir", 4),
    "tahap_urutan_salah": _set("tahap", "harga pupuk", "mediasi & amplifikasi"),
    "kuadran_tertukar": ("kuadran", _swap_quadrants),
    "opd_salah": _set("opd_utama", "banjir", "BPBD"),
    "koordinator_salah": _set("koordinator", "ppdb zonasi", "Sekda/Wabup"),
    "matriks_salah_baca": _set("bacaan_matriks", model.MATRIX_KEYS[0], 2),
}
#: Routes by which a complete, correct answer reaches the grader.
ROUTES = ("referensi_isian", "referensi_formulir", "referensi_tersimpan_di_notebook")
NAMES = [*ROUTES, "kosong", *MISTAKES]
#: How a person types some options in an answer cell (accepted as the option itself).
TYPED = {"Sekda/Wabup": "Wabup", "mediasi & amplifikasi": "Mediasi dan amplifikasi",
         "PUPR": " pupr", "Kelola secara dekat": "kelola  secara dekat"}


def source_notebook(root: Path = course.COURSE_ROOT) -> nbformat.NotebookNode:
    return nbformat.read(Path(root) / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)


def answers_of(name: str) -> dict:
    """The decisions a sample makes."""
    if name == "kosong":
        return model.blank()
    return key().faithful(dict([MISTAKES[name]]) if name in MISTAKES else None)


def fill_literals(nb: nbformat.NotebookNode, answers: dict) -> nbformat.NotebookNode:
    """``nb`` with every answer cell's ``None`` replaced by the answer, as typed by hand
    (some options in the words of :data:`TYPED`)."""
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
                value = given[key.group(1)]
                line = f'    "{key.group(1)}": {TYPED.get(value, value)!r},'
            lines.append(line)
        cell.source = "\n".join(lines)
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
    return {f"cek_{d}": key().points(d, answers) for d in model.DECISIONS}
