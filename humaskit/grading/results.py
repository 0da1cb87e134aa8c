"""The cohort's results as tables: scores per grade cell (from the main gradebook), the step
(section heading) each cell belongs to, and each submission's status codes."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

from humaskit.grading import cohort, collect, diagnose
from humaskit.grading.workspace import Workspace
from humaskit.number_format import rounded
from humaskit.safe_text import visible

SCORE_COLUMNS = ["id", "nama", "instansi", "jabatan", "latihan", "notebook", "langkah",
                 "bagian", "nilai", "nilai_maks", "perlu_dinilai_manual"]


#: A notebook's steps (*langkah*) are its ``##`` sections: ``#`` is its title, and ``###``
#: headings are parts of a step (a check, the asesor's part), whose points count to the step.
STEP_LEVEL = 2
FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*\S)")


def headings(cell) -> list[tuple[int, str]]:
    """The Markdown headings of a cell as (level, text), outside code blocks; none in a cell
    the participant writes (an answer may hold any ``#``)."""
    if cell.cell_type != "markdown" or cell.metadata.get("nbgrader", {}).get("solution"):
        return []
    found, fenced = [], False
    for line in cell.source.splitlines():
        if FENCE.match(line.lstrip()):
            fenced = not fenced
        elif not fenced and (match := HEADING.match(line)):
            found.append((len(match.group(1)), match.group(2)))
    return found


def step_of_cells(nb: nbformat.NotebookNode, name: str) -> dict[str, str]:
    """Grade cell id -> its step: the last ``##`` heading above it (in its own cell too), so
    that a step's maximum is the sum of every graded cell under it. Cells before the first
    step belong to the notebook's title, or to ``name``."""
    current, top, found = None, None, {}
    for cell in nb.cells:
        for level, text in headings(cell):
            if level == 1:
                top = top or text
            elif level == STEP_LEVEL:
                current = text
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") or meta.get("task"):
            found[meta["grade_id"]] = current or top or name
    return found


def steps(ws: Workspace, assignment: str, notebook: str) -> dict[str, str]:
    """Grade cell id -> the step (*langkah*) it belongs to, in the released notebook."""
    nb = nbformat.read(ws.course / "release" / assignment / f"{notebook}.ipynb", as_version=4)
    return step_of_cells(nb, notebook)


def _graded(ws: Workspace):
    """Each graded notebook in the gradebook: (participant id, roster row or None, exercise,
    notebook, grade cell -> step)."""
    people = cohort.participants(ws)
    with Gradebook(ws.db_url()) as gb:
        for assignment, books in cohort.assignments(ws).items():
            step_of = {nb: steps(ws, assignment, nb) for nb in books}
            try:
                submissions = gb.find_assignment(assignment).submissions
            except MissingEntry:
                continue
            for sub in submissions:
                for nb in sub.notebooks:
                    yield (sub.student_id, people.get(sub.student_id), assignment, nb,
                           step_of.get(nb.name, {}))


def scores(ws: Workspace) -> pd.DataFrame:
    """One row per participant and grade cell, for every graded submission."""
    rows = [[pid, who.nama if who else "", who.instansi if who else "",
             who.jabatan if who else "", assignment, nb.name, step.get(grade.name, ""),
             grade.name, float(grade.score), float(grade.max_score),
             bool(grade.needs_manual_grade)]
            for pid, who, assignment, nb, step in _graded(ws) for grade in nb.grades]
    return points(pd.DataFrame(rows, columns=SCORE_COLUMNS)).sort_values(
        ["latihan", "id"], kind="stable").reset_index(drop=True)


COMMENT_COLUMNS = ["id", "nama", "latihan", "notebook", "langkah", "bagian", "komentar"]


def comments(ws: Workspace) -> pd.DataFrame:
    """The grader's comments from hand grading (formgrader), one row per commented answer."""
    rows = [[pid, who.nama if who else "", assignment, nb.name, step.get(c.name, ""), c.name,
             c.manual_comment]
            for pid, who, assignment, nb, step in _graded(ws) for c in nb.comments
            if (c.manual_comment or "").strip()]
    return pd.DataFrame(rows, columns=COMMENT_COLUMNS).sort_values(
        ["latihan", "id"], kind="stable").reset_index(drop=True)


def statuses(ws: Workspace) -> pd.DataFrame:
    """One row per status of each submission and per collection issue, with the message."""
    rows = []
    for record in ws.state().values():
        for status in record["statuses"]:
            rows.append([record["student"], record["assignment"], "penilaian", status["code"],
                         diagnose.message(status["code"], status.get("detail", "")), ""])
    for issue in ws.collection()["issues"]:
        rows.append([issue.get("student", ""), issue.get("assignment", "") or "",
                     "pengumpulan", issue["code"],
                     collect.issue_message(issue["code"], issue.get("detail", "")),
                     visible(issue.get("path", ""))])
    return pd.DataFrame(rows, columns=["id", "latihan", "tahap", "kode", "keterangan", "berkas"])


def totals(table: pd.DataFrame) -> pd.DataFrame:
    """Per participant and exercise: points, maximum and percentage."""
    out = points(table.groupby(["id", "nama", "instansi", "jabatan", "latihan"],
                               as_index=False)[["nilai", "nilai_maks"]].sum())
    out["persen"] = (100 * out["nilai"] / out["nilai_maks"]).map(lambda v: rounded(v, 1))
    return out


def points(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its points (``nilai``, ``nilai_maks``) to two decimals, as the answer
    keys award them and the pages show them: a sum of 1.78 and 2 is 3.78, not
    3.7800000000000002."""
    columns = [c for c in ("nilai", "nilai_maks") if c in frame]
    return frame.assign(**{c: frame[c].map(rounded) for c in columns})
