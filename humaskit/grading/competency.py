"""The self-assessment side of a cohort: each participant's claimed units (the FR.APL.02
answers file beside the notebook, written by the form or by the notebook for answers
entered in code) and the asesor's decisions per unit."""

from __future__ import annotations

import pandas as pd

from humaskit.exercises.self_assessment import ASSIGNMENT
from humaskit.grading import cohort
from humaskit.grading.workspace import Workspace
from humaskit.skkni import apl02, asesor, form

CLAIM_COLUMNS = ["id", "nama", "instansi", "kode_unit", "judul_unit", "jumlah_elemen",
                 "jumlah_K", "persen_K", "klaim_unit", "tanda_bukti"]


def claims(ws: Workspace) -> pd.DataFrame:
    """Per participant and unit: share of elements claimed K, the unit's claim, and the
    evidence rule's flags for the asesor (``tanda_bukti``; the asesor's template carries
    them beside the decision)."""
    people = cohort.participants(ws)
    frames = []
    for sub in ws.collection()["submissions"]:
        if sub["assignment"] != ASSIGNMENT:
            continue
        path = ws.course / "submitted" / sub["student"] / ASSIGNMENT / form.ANSWER_FILE
        try:
            isian = form.Isian.from_json(path.read_text(encoding="utf-8"))
            summary = asesor.with_evidence_notes(apl02.summary(isian.jawaban), isian)
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


def decisions(path) -> pd.DataFrame:
    """The asesor's filled record (rows not yet decided are skipped), keyed by ``id``."""
    return asesor.load_decisions(path, allow_blank=True).rename(columns={"id_peserta": "id"})


def recommendations(record: pd.DataFrame) -> pd.DataFrame:
    """One row per participant: the asesor's recommendation and units by VATM outcome."""
    rows = []
    for pid, part in record.groupby("id", sort=True):
        rows.append({"id": pid, "rekomendasi": part["rekomendasi"].iloc[0],
                     "unit_memenuhi_vatm": ", ".join(
                         part.loc[part["bukti_vatm"] == "memenuhi", "kode_unit"]),
                     "unit_belum_memenuhi": ", ".join(
                         part.loc[part["bukti_vatm"] != "memenuhi", "kode_unit"]),
                     "komentar": "; ".join(part["komentar"].dropna().astype(str)),
                     "asesor": part["asesor"].iloc[0]})
    return pd.DataFrame(rows, columns=["id", "rekomendasi", "unit_memenuhi_vatm",
                                       "unit_belum_memenuhi", "komentar", "asesor"])


def template(claims_table: pd.DataFrame) -> pd.DataFrame:
    """A blank asesor record for the cohort's claims (:func:`humaskit.skkni.asesor.template`)."""
    return asesor.template(claims_table.rename(columns={"id": "id_peserta"}))
