"""Pre-test and post-test results: per participant and per learning objective, with Hake's
normalised gain g = (post − pre) / (max − pre) and its category (Hake 1998).

Input is the grading stage's per-cell scores (``ekspor/nilai_per_bagian.csv``): the quiz
cells are named ``soal_h<day>_<n>`` after the objective ``H<day>.<n>`` they test. ``g`` is
undefined (shown as empty, with the reason) for a participant already at the maximum on the
pre-test, and for one who took only one of the two tests. A score that fell is always shown
as fallen (category ``turun``), also from a full pre-test where ``g`` is undefined.
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


#: Hake's bands (Hake 1998): g ≥ 0,7 tinggi; 0,3 ≤ g < 0,7 sedang; g < 0,3 rendah.
HIGH, MEDIUM = 0.7, 0.3
FELL, KEPT_FULL = "turun", "tetap maksimal"


def category(pre: float | None, post: float | None, maximum: float) -> str:
    """Hake's category of the gain from ``pre`` to ``post``: ``tinggi``, ``sedang`` or
    ``rendah``; ``turun`` when the score fell (g < 0, or below a full pre-test, where g is
    undefined); ``tetap maksimal`` for a full pre-test kept full; "" when a test is missing.
    At exactly 0,7 the gain is ``tinggi`` and at 0,3 ``sedang``, as Hake draws the bands."""
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in (pre, post)):
        return ""
    if post < pre:
        return FELL
    if pre >= maximum:
        return KEPT_FULL
    g = round(normalised_gain(pre, post, maximum), 9)
    return "tinggi" if g >= HIGH else "sedang" if g >= MEDIUM else "rendah"


def quiz_scores(cells: pd.DataFrame) -> pd.DataFrame:
    """The quiz rows of the per-cell scores: ``id, tes (pre/post), tujuan, nilai, nilai_maks``."""
    quiz = cells[cells["latihan"].isin([PRE, POST])].copy()
    quiz["tes"] = quiz["latihan"].map({PRE: "pre", POST: "post"})
    quiz["tujuan"] = quiz["bagian"].map(objective_of)
    return quiz.dropna(subset=["tujuan"])[["id", "tes", "tujuan", "nilai", "nilai_maks"]]


def by_participant(cells: pd.DataFrame, roster: dict) -> pd.DataFrame:
    """Per participant: pre, post, maximum, g (None with ``keterangan`` when undefined) and
    Hake's ``kategori``."""
    quiz = quiz_scores(cells)
    totals = quiz.groupby(["id", "tes"])[["nilai", "nilai_maks"]].sum()
    maximum = float(len(bank.items("pre")))
    rows = []
    for pid, who in roster.items():
        pre = totals["nilai"].get((pid, "pre"))
        post = totals["nilai"].get((pid, "post"))
        g = normalised_gain(pre, post, maximum) if pre is not None and post is not None else None
        kind = category(pre, post, maximum)
        note = ("belum mengikuti pre-test" if pre is None else
                "belum mengikuti post-test" if post is None else
                "nilai turun dari pre-test yang sudah maksimal" if g is None and kind == FELL
                else "nilai pre-test sudah maksimal" if g is None else
                "nilai turun" if kind == FELL else "")
        rows.append({"id": pid, "nama": who.nama, "pre": pre, "post": post,
                     "maksimum": maximum, "gain": g, "kategori": kind, "keterangan": note})
    return pd.DataFrame(rows)


def by_objective(cells: pd.DataFrame) -> pd.DataFrame:
    """Per objective (cohort): mean pre and post as a share of the maximum (0–1), the g of
    those means and its Hake category, over participants who took both tests."""
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
                     if pre is not None and post is not None else None,
                     "kategori": category(pre, post, 1.0)})
    return pd.DataFrame(rows)
