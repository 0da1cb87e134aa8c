"""The cohort's results as tables: scores per grade cell (from the main gradebook), the step
(section heading) each cell belongs to, and each submission's status codes."""

from __future__ import annotations

import re

import nbformat
import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

from humaskit.grading import cohort, collect, diagnose
from humaskit.grading.workspace import Workspace
from humaskit.safe_text import visible

SCORE_COLUMNS = ["id", "nama", "instansi", "jabatan", "latihan", "notebook", "langkah",
                 "bagian", "nilai", "nilai_maks", "perlu_dinilai_manual"]


def heading(cell) -> str | None:
    if cell.cell_type != "markdown":
        return None
    for line in cell.source.splitlines():
        match = re.match(r"^(#{1,6})\s+(.*)", line.strip())
        if match:
            return f"{len(match.group(1))}:{match.group(2).strip()}"
    return None


def steps(ws: Workspace, assignment: str, notebook: str) -> dict[str, str]:
    """Grade cell id -> the heading of the section it sits in (the exercise's *langkah*)."""
    nb = nbformat.read(ws.course / "release" / assignment / f"{notebook}.ipynb", as_version=4)
    current, top, found = None, None, {}
    for cell in nb.cells:
        title = heading(cell)
        if title:
            level, text = title.split(":", 1)
            if level == "1":
                top = top or text
            else:
                current = text
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") or meta.get("task"):
            found[meta["grade_id"]] = current or top or notebook
    return found


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
    return pd.DataFrame(rows, columns=SCORE_COLUMNS).sort_values(
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
    out = table.groupby(["id", "nama", "instansi", "jabatan", "latihan"], as_index=False)[
        ["nilai", "nilai_maks"]].sum()
    out["persen"] = (100 * out["nilai"] / out["nilai_maks"]).round(1)
    return out
