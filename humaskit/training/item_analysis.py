"""Item analysis of the pre-test and post-test for the organiser, as Moodle's quiz statistics
give it (classical test theory): per item the facility index and the discrimination index,
per form the KR-20 reliability, and flags for items that misbehave.

Input is the grading stage's per-cell scores, as for :mod:`humaskit.training.gain`. Each item
scores 0 or 1; an item without a score for a participant who took the form counts 0.

- **Facility** p: the share of the form's takers who got the item right.
- **Discrimination**: the corrected point-biserial correlation, Pearson's r between the item
  and the rest of the test (total minus the item), Moodle's discrimination index. It uses
  every participant; upper and lower 27% groups (Kelley) would be 3–11 people in a Bimtek of
  10–40, and ties at their boundary would decide who is in them.
- **KR-20** = k/(k−1) · (1 − Σ p·q / σ²), with k items, q = 1 − p and σ² the variance of the
  total scores over the takers (divided by n, like p·q).

Below :data:`MIN_TAKERS` takers the discrimination and KR-20 are not computed (None): with
so few people one participant decides them.
"""

from __future__ import annotations

import math

import pandas as pd

from humaskit.exercises.quiz import bank
from humaskit.training import gain

MIN_TAKERS = 5
#: Facility from which an item is too easy; below chance (one option in four) on the
#: post-test, the key or the options are suspect.
EASY, CHANCE = 0.9, 1 / len(bank.LETTERS)

TOO_EASY = "terlalu mudah (≥ 90% benar)"
BELOW_CHANCE = "di bawah peluang menebak (< 25% benar): periksa kunci dan pilihannya"
NEGATIVE = "daya beda negatif: peserta bernilai rendah lebih sering benar; periksa kunci"
ALL_RIGHT = "pola jawaban sama: semua peserta benar"
ALL_WRONG = "pola jawaban sama: semua peserta salah"


def matrix(cells: pd.DataFrame, form: str) -> pd.DataFrame:
    """Participants (rows, those who took ``form``) × objectives (columns, bank order):
    the share of each item's points earned (0 or 1)."""
    quiz = gain.quiz_scores(cells)
    quiz = quiz[quiz["tes"] == form]
    share = (quiz["nilai"] / quiz["nilai_maks"]).rename("skor")
    table = quiz.assign(skor=share).pivot_table(index="id", columns="tujuan", values="skor",
                                                aggfunc="sum")
    return table.reindex(columns=[i.id for i in bank.items(form)]).fillna(0.0)


def facility(scores: pd.DataFrame) -> pd.Series:
    """Share of takers right on each item (NaN when nobody took the form)."""
    return scores.mean()


def _pearson(x: pd.Series, y: pd.Series) -> float | None:
    dx, dy = x - x.mean(), y - y.mean()
    spread = math.sqrt((dx * dx).sum() * (dy * dy).sum())
    return None if spread == 0 else float((dx * dy).sum() / spread)


def discrimination(scores: pd.DataFrame) -> pd.Series:
    """Corrected point-biserial r of each item with the rest of the test; None when fewer
    than :data:`MIN_TAKERS` took the form or when the item or the rest does not vary."""
    total = scores.sum(axis=1)
    return pd.Series({item: _pearson(scores[item], total - scores[item])
                      if len(scores) >= MIN_TAKERS else None for item in scores.columns},
                     dtype=object)


def kr20(scores: pd.DataFrame) -> float | None:
    """Kuder–Richardson 20 of a 0/1 score matrix; None below :data:`MIN_TAKERS` takers,
    with fewer than two items, or when every taker has the same total."""
    k, n = scores.shape[1], len(scores)
    if n < MIN_TAKERS or k < 2:
        return None
    p = scores.mean()
    variance = scores.sum(axis=1).var(ddof=0)
    if variance == 0:
        return None
    return float(k / (k - 1) * (1 - (p * (1 - p)).sum() / variance))


def flags(form: str, p: float, r: float | None) -> list[str]:
    """What is wrong with an item of ``form`` with facility ``p`` and discrimination ``r``."""
    found = []
    if p >= EASY:
        found.append(TOO_EASY)
    if form == "post" and p < CHANCE:
        found.append(BELOW_CHANCE)
    if r is not None and r < 0:
        found.append(NEGATIVE)
    if p == 1:
        found.append(ALL_RIGHT)
    elif p == 0:
        found.append(ALL_WRONG)
    return found


def items(cells: pd.DataFrame) -> pd.DataFrame:
    """One row per form and item: ``tes, tujuan, hari, uraian, peserta, fasilitas,
    daya_beda`` (None when not computed) and ``tanda`` (the flags, joined by "; ")."""
    rows = []
    for form in bank.FORMS:
        scores = matrix(cells, form)
        if scores.empty:
            continue
        p, r = facility(scores), discrimination(scores)
        for item in bank.items(form):
            day, text = bank.OBJECTIVES[item.id]
            rows.append({"tes": form, "tujuan": item.id, "hari": day, "uraian": text,
                         "peserta": len(scores), "fasilitas": float(p[item.id]),
                         "daya_beda": r[item.id],
                         "tanda": "; ".join(flags(form, float(p[item.id]), r[item.id]))})
    return pd.DataFrame(rows, columns=["tes", "tujuan", "hari", "uraian", "peserta",
                                       "fasilitas", "daya_beda", "tanda"])


def forms(cells: pd.DataFrame) -> pd.DataFrame:
    """One row per form taken: ``tes, peserta, soal, rata_rata, simpangan_baku`` (of the
    totals, divided by n) and ``kr20`` (None when not computed)."""
    rows = []
    for form in bank.FORMS:
        scores = matrix(cells, form)
        if scores.empty:
            continue
        totals = scores.sum(axis=1)
        rows.append({"tes": form, "peserta": len(scores), "soal": scores.shape[1],
                     "rata_rata": float(totals.mean()),
                     "simpangan_baku": float(totals.std(ddof=0)), "kr20": kr20(scores)})
    return pd.DataFrame(rows, columns=["tes", "peserta", "soal", "rata_rata",
                                       "simpangan_baku", "kr20"])
