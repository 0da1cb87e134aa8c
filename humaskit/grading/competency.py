"""The self-assessment side of a cohort: each participant's claimed units (FR.APL.02
answers saved by the form beside the notebook) and the asesor's decisions per unit."""

from __future__ import annotations

import pandas as pd

from humaskit.exercises.self_assessment import ASSIGNMENT
from humaskit.grading import cohort
from humaskit.grading.workspace import Workspace
from humaskit.skkni import apl02, form

CLAIM_COLUMNS = ["id", "nama", "instansi", "kode_unit", "judul_unit", "jumlah_elemen",
                 "jumlah_K", "persen_K", "klaim_unit"]


def claims(ws: Workspace) -> pd.DataFrame:
    """Per participant and unit: share of elements claimed K, and the unit's claim."""
    people = cohort.participants(ws)
    frames = []
    for sub in ws.collection()["submissions"]:
        if sub["assignment"] != ASSIGNMENT:
            continue
        path = ws.course / "submitted" / sub["student"] / ASSIGNMENT / form.ANSWER_FILE
        try:
            isian = form.Isian.from_json(path.read_text(encoding="utf-8"))
            summary = apl02.summary(isian.jawaban)
        except (OSError, ValueError, TypeError, KeyError):
            continue
        who = people.get(sub["student"])
        summary.insert(0, "instansi", who.instansi if who else "")
        summary.insert(0, "nama", who.nama if who else "")
        summary.insert(0, "id", sub["student"])
        frames.append(summary)
    if not frames:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    return pd.concat(frames, ignore_index=True)[CLAIM_COLUMNS]
