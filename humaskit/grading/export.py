"""Scores per part (grade cell) and per question (step), statuses, self-assessment claims
and asesor decisions, to CSV and one XLSX workbook (nbgrader's own export has totals only).

Without the asesor's record yet, a blank one for the cohort is written for the asesor to fill
(``templat_asesor_asesmen_mandiri.csv``; then pass it back with ``--decisions``).

Names, file names and comments come from participants and trainers: no text cell of the
workbook is a formula, and a CSV value a spreadsheet would read as one starts with ``'``
(:mod:`humaskit.safe_text`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from humaskit import safe_text
from humaskit.grading import competency, results
from humaskit.grading.workspace import Workspace


def per_step(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per participant, one column per exercise step, then totals per exercise."""
    index = ["id", "nama", "instansi", "jabatan"]
    steps = results.points(scores.groupby([*index, "latihan", "langkah"], sort=False,
                                          as_index=False)["nilai"].sum())
    steps["kolom"] = steps["latihan"] + " | " + steps["langkah"]
    wide = steps.pivot(index=index, columns="kolom", values="nilai")
    wide = wide[list(dict.fromkeys(steps["kolom"]))]
    totals = results.totals(scores).pivot(index=index, columns="latihan", values="persen")
    totals.columns = [f"{c} | persen" for c in totals.columns]
    return wide.join(totals).reset_index()


def maxima(scores: pd.DataFrame) -> pd.DataFrame:
    """Maximum points of each step, for reading the per-step table."""
    first = scores.drop_duplicates(["latihan", "bagian"])
    return results.points(first.groupby(["latihan", "langkah"], sort=False,
                                        as_index=False)["nilai_maks"].sum())


def write_all(ws: Workspace, decisions: pd.DataFrame | None = None) -> list[Path]:
    """Write ``ekspor/*.csv`` and ``ekspor/nilai_kohort.xlsx``; returns the files."""
    ws.exports.mkdir(parents=True, exist_ok=True)
    scores = results.scores(ws)
    sheets = {
        "Ringkasan": results.totals(scores),
        "Per langkah": per_step(scores),
        "Maks per langkah": maxima(scores),
        "Per bagian": scores,
        "Komentar penilai": results.comments(ws),
        "Status": results.statuses(ws),
        "Klaim asesmen mandiri": competency.claims(ws),
    }
    if decisions is not None:
        sheets["Keputusan asesor"] = decisions
        sheets["Rekomendasi asesor"] = competency.recommendations(decisions)
    names = {"Ringkasan": "nilai_total", "Per langkah": "nilai_per_langkah",
             "Maks per langkah": "nilai_maks_per_langkah", "Per bagian": "nilai_per_bagian",
             "Komentar penilai": "komentar_penilai", "Status": "status_kiriman", "Klaim asesmen mandiri": "klaim_asesmen_mandiri",
             "Keputusan asesor": "keputusan_asesor", "Rekomendasi asesor": "rekomendasi_asesor"}
    written = []
    claims = sheets["Klaim asesmen mandiri"]
    if decisions is None and not claims.empty:
        blank = ws.exports / "templat_asesor_asesmen_mandiri.csv"
        safe_text.to_csv(competency.template(claims), blank, encoding="utf-8")
        written.append(blank)
    for sheet, frame in sheets.items():
        path = ws.exports / f"{names[sheet]}.csv"
        safe_text.to_csv(frame, path)
        written.append(path)
    book = ws.exports / "nilai_kohort.xlsx"
    with pd.ExcelWriter(book, engine="openpyxl") as writer:
        for sheet, frame in sheets.items():
            frame = safe_text.frame_printable(frame)
            frame.to_excel(writer, sheet_name=sheet, index=False)
            safe_text.no_formulas(writer.sheets[sheet])
            columns = writer.sheets[sheet].column_dimensions
            for i, name in enumerate(frame.columns):
                width = max([len(str(name)), *frame[name].astype(str).str.len().tolist()[:200]])
                columns[_letter(i)].width = min(60, width + 2)
    written.append(book)
    return written


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)
