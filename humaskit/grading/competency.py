"""The self-assessment side of a cohort: each participant's claimed units (the FR.APL.02
answers file beside the notebook, written by the form or by the notebook for answers
entered in code) and the asesor's decisions per unit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd

from humaskit import safe_text
from humaskit.datasets import DatasetError, Problem
from humaskit.exercises.self_assessment import ASSIGNMENT
from humaskit.grading import cohort
from humaskit.grading.workspace import Workspace
from humaskit.skkni import apl02, asesor, evidence, form

CLAIM_COLUMNS = ["id", "nama", "instansi", "kode_unit", "judul_unit", "jumlah_elemen",
                 "jumlah_K", "persen_K", "klaim_unit", "tanda_bukti"]


def answers(ws: Workspace) -> Iterator[tuple[str, form.Isian]]:
    """Each collected self-assessment: participant id and the answers file beside the
    notebook (unreadable files are left to the collection report)."""
    for sub in ws.collection()["submissions"]:
        if sub["assignment"] != ASSIGNMENT:
            continue
        path = ws.course / "submitted" / sub["student"] / ASSIGNMENT / form.ANSWER_FILE
        try:
            yield sub["student"], form.Isian.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError, KeyError):
            continue


def claims(ws: Workspace) -> pd.DataFrame:
    """Per participant and unit: share of elements claimed K, the unit's claim, and the
    evidence rule's flags for the asesor (``tanda_bukti``; the asesor's template carries
    them beside the decision)."""
    people = cohort.participants(ws)
    frames = []
    for student, isian in answers(ws):
        try:
            summary = asesor.with_evidence_notes(apl02.summary(isian.jawaban), isian)
        except (ValueError, TypeError, KeyError):
            continue
        who = people.get(student)
        summary.insert(0, "instansi", who.instansi if who else "")
        summary.insert(0, "nama", who.nama if who else "")
        summary.insert(0, "id", student)
        frames.append(summary)
    if not frames:
        return pd.DataFrame(columns=CLAIM_COLUMNS)
    return pd.concat(frames, ignore_index=True)[CLAIM_COLUMNS]


def evidence_cited(ws: Workspace) -> pd.DataFrame:
    """Per participant and element claimed K: the evidence written and the rule's verdict."""
    frames = []
    for student, isian in answers(ws):
        try:
            found = evidence.review(isian.jawaban, isian.identitas.get("tanggal_asesmen"))
        except (ValueError, TypeError, KeyError):
            continue
        frames.append(found.assign(id=student))
    columns = ["id", "kode_unit", "no_elemen", "bukti", "status", "putusan"]
    return (pd.concat(frames, ignore_index=True)[columns] if frames
            else pd.DataFrame(columns=columns))


def record_path(ws: Workspace) -> Path:
    """The asesor's record of the cohort: written by the decision form, read by ``grade
    export`` and ``grade report`` when no ``--decisions`` file is given."""
    return asesor.record_path(ws.out)


def saved_decisions(ws: Workspace) -> pd.DataFrame | None:
    """The decisions recorded so far in the cohort's record, or None when there is none."""
    path = record_path(ws)
    return decisions(path) if path.exists() else None


def record_decision(ws: Workspace, student: str, units: dict[str, tuple[str, str]],
                    rekomendasi: str, nama_asesor: str, tanggal: date) -> Path:
    """Record the asesor's decision on one candidate: per unit code the VATM outcome and a
    comment, one recommendation, the asesor's name and the date. Rows of other candidates
    are kept; a decision the record's rules refuse raises DatasetError (Indonesian, per
    row and column) and leaves the record as it was."""
    path = record_path(ws)
    record = (pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
              if path.exists()
              else template(claims(ws)).astype(str))
    mine = record["id_peserta"] == student
    unknown = sorted(set(units) - set(record.loc[mine, "kode_unit"]))
    if unknown:
        raise DatasetError(f"keputusan untuk {student}", [Problem(
            None, "kode_unit", f"unit {', '.join(unknown)} tidak diklaim peserta ini.")])
    for unit, (vatm, komentar) in units.items():
        row = mine & (record["kode_unit"] == unit)
        record.loc[row, ["bukti_vatm", "komentar"]] = [vatm, komentar]
        record.loc[row, ["rekomendasi", "asesor", "tanggal"]] = [
            rekomendasi, nama_asesor, tanggal.isoformat()]
    tmp = path.with_suffix(".tmp.csv")
    safe_text.to_csv(record, tmp, encoding="utf-8")
    try:
        asesor.load_decisions(tmp, allow_blank=True)
    except DatasetError:
        tmp.unlink()
        raise
    os.replace(tmp, path)
    return path


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
