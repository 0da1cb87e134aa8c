"""Pre-test and post-test results: per participant and per learning objective, with Hake's
normalised gain g = (post − pre) / (max − pre).

Input is the grading stage's per-cell scores (``ekspor/nilai_per_bagian.csv``): the quiz
cells are named ``soal_h<day>_<n>`` after the objective ``H<day>.<n>`` they test. ``g`` is
undefined (shown as empty, with the reason) for a participant already at the maximum on the
pre-test, and for one who took only one of the two tests.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from humaskit.exercises.quiz import bank

PRE, POST = bank.FORMS["pre"], bank.FORMS["post"]
_CELL = re.compile(r"^soal_h(\d+)_(\d+)$")


def objective_of(cell: str) -> str | None:
    """``soal_h2_5`` -> ``H2.5``."""
    found = _CELL.match(str(cell))
    return f"H{found.group(1)}.{found.group(2)}" if found else None


def normalised_gain(pre: float, post: float, maximum: float) -> float | None:
    """Hake's g; None when the pre-test is already at the maximum (nothing left to gain)."""
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in (pre, post)):
        return None
    if maximum <= pre:
        return None
    return (post - pre) / (maximum - pre)


def quiz_scores(cells: pd.DataFrame) -> pd.DataFrame:
    """The quiz rows of the per-cell scores: ``id, tes (pre/post), tujuan, nilai, nilai_maks``."""
    quiz = cells[cells["latihan"].isin([PRE, POST])].copy()
    quiz["tes"] = quiz["latihan"].map({PRE: "pre", POST: "post"})
    quiz["tujuan"] = quiz["bagian"].map(objective_of)
    return quiz.dropna(subset=["tujuan"])[["id", "tes", "tujuan", "nilai", "nilai_maks"]]


def by_participant(cells: pd.DataFrame, roster: dict) -> pd.DataFrame:
    """Per participant: pre, post, maximum, g (None with ``keterangan`` when undefined)."""
    quiz = quiz_scores(cells)
    totals = quiz.groupby(["id", "tes"])[["nilai", "nilai_maks"]].sum()
    maximum = float(len(bank.items("pre")))
    rows = []
    for pid, who in roster.items():
        pre = totals["nilai"].get((pid, "pre"))
        post = totals["nilai"].get((pid, "post"))
        g = normalised_gain(pre, post, maximum) if pre is not None and post is not None else None
        note = ("belum mengikuti pre-test" if pre is None else
                "belum mengikuti post-test" if post is None else
                "nilai pre-test sudah maksimal" if g is None else "")
        rows.append({"id": pid, "nama": who.nama, "pre": pre, "post": post,
                     "maksimum": maximum, "gain": g, "keterangan": note})
    return pd.DataFrame(rows)


def by_objective(cells: pd.DataFrame) -> pd.DataFrame:
    """Per objective (cohort): mean pre and post as a share of the maximum (0–1), and the
    g of those means, over participants who took both tests."""
    quiz = quiz_scores(cells)
    both = quiz.groupby("id")["tes"].nunique()
    quiz = quiz[quiz["id"].isin(both[both == 2].index)]
    sums = quiz.groupby(["tujuan", "tes"])[["nilai", "nilai_maks"]].sum()
    share = (sums["nilai"] / sums["nilai_maks"]).to_dict()
    takers = quiz.groupby("tujuan")["id"].nunique()
    rows = []
    for objective, (day, text) in bank.OBJECTIVES.items():
        pre, post = share.get((objective, "pre")), share.get((objective, "post"))
        rows.append({"tujuan": objective, "hari": day, "uraian": text,
                     "peserta": int(takers.get(objective, 0)), "pre": pre, "post": post,
                     "gain": normalised_gain(pre, post, 1.0)
                     if pre is not None and post is not None else None})
    return pd.DataFrame(rows)
