"""The asesor's record for the *Asesmen Mandiri* exercise: per candidate and unit, whether
the evidence meets VATM (Valid, Asli, Terkini, Memadai), and the recommendation on the
FR.APL.02 ("Asesmen dapat dilanjutkan / tidak dapat dilanjutkan") with a comment.

This is the asesor's judgement, kept apart from the candidate's K/BK claim and the evidence
rule's flags per unit (``tanda_bukti``, :func:`humaskit.skkni.evidence.unit_notes`), which
the template only shows for reference beside the decision. The record is a CSV or XLSX file, by default
``<grader folder>/asesor_asesmen_mandiri.csv`` (:func:`record_path`).

Signatures used by the grading pipeline::

    template(claims: pd.DataFrame) -> pd.DataFrame
        claims: one row per (id_peserta, kode_unit) with optional judul_unit, klaim_unit,
        tanda_bukti (see claims_from_isian). Returns RECORD_COLUMNS, decision columns blank, sorted.
    load_decisions(path: str | os.PathLike, allow_blank: bool = False) -> pd.DataFrame
        Reads the filled record (.csv or .xlsx) and returns RECORD_COLUMNS with
        ``tanggal`` as datetime64; raises humaskit.datasets.DatasetError naming row (as
        the spreadsheet shows it, header = row 1) and column of every problem.
        ``allow_blank=True`` skips rows whose decision columns are all still empty.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera import Check, Column

from humaskit.datasets import DatasetError, Problem
from humaskit.datasets.validation import read_csv, validate
from humaskit.skkni import apl02, evidence
from humaskit.skkni.form import Isian

RECORD_NAME = "asesor_asesmen_mandiri.csv"
VATM = ["memenuhi", "belum memenuhi"]
RECOMMENDATIONS = ["dapat dilanjutkan", "tidak dapat dilanjutkan"]
CLAIM_COLUMNS = ["id_peserta", "kode_unit", "judul_unit", "klaim_unit", "tanda_bukti"]
DECISION_COLUMNS = ["bukti_vatm", "rekomendasi", "komentar", "asesor", "tanggal"]
RECORD_COLUMNS = CLAIM_COLUMNS + DECISION_COLUMNS
ROW_OFFSET = 2

SCHEMA = pa.DataFrameSchema(
    {
        "id_peserta": Column(str, Check.str_length(min_value=1)),
        "kode_unit": Column(str, Check.str_length(min_value=3)),
        "judul_unit": Column(str, nullable=True),
        "klaim_unit": Column(str, Check.isin(["K", "BK"]), nullable=True),
        "tanda_bukti": Column(str, nullable=True),
        "bukti_vatm": Column(str, Check.isin(VATM)),
        "rekomendasi": Column(str, Check.isin(RECOMMENDATIONS)),
        "komentar": Column(str, nullable=True),
        "asesor": Column(str, Check.str_length(min_value=2)),
        "tanggal": Column("datetime64[ns]"),
    },
    strict=True, coerce=True, unique=["id_peserta", "kode_unit"],
)


def record_path(grader_dir: str | os.PathLike) -> Path:
    """Where the asesor's record lives in a grader folder."""
    return Path(grader_dir) / RECORD_NAME


def claims_from_isian(isians: dict[str, Isian]) -> pd.DataFrame:
    """Per candidate id and unit, the unit claim that follows from each candidate's answers,
    and the evidence rule's flags for the asesor."""
    frames = []
    for student, isian in isians.items():
        if len(isian.jawaban):
            summary = with_evidence_notes(apl02.summary(isian.jawaban), isian)
            frames.append(summary.assign(id_peserta=student)[CLAIM_COLUMNS])
    return (pd.concat(frames, ignore_index=True) if frames
            else pd.DataFrame(columns=CLAIM_COLUMNS))


def with_evidence_notes(summary: pd.DataFrame, isian: Isian) -> pd.DataFrame:
    """A per-unit table with the column ``tanda_bukti``: the evidence rule's flags (and
    refusals) for the asesor, per unit of ``isian``."""
    notes = evidence.unit_notes(isian.jawaban, isian.identitas.get("tanggal_asesmen"))
    return summary.assign(tanda_bukti=[notes.get(code, "") for code in summary["kode_unit"]])


def template(claims: pd.DataFrame) -> pd.DataFrame:
    """A blank record for the asesor: one row per candidate and unit, decisions empty."""
    record = claims.copy()
    for column in CLAIM_COLUMNS:
        if column not in record:
            record[column] = ""
    record = record[CLAIM_COLUMNS].drop_duplicates(["id_peserta", "kode_unit"])
    for column in DECISION_COLUMNS:
        record[column] = ""
    return record.sort_values(["id_peserta", "kode_unit"], kind="stable").reset_index(drop=True)


def write_template(claims: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write :func:`template` to ``path`` (.xlsx for Excel, otherwise CSV UTF-8)."""
    path = Path(path)
    record = template(claims)
    if path.suffix.lower() == ".xlsx":
        record.to_excel(path, index=False)
    else:
        record.to_csv(path, index=False, encoding="utf-8")
    return path


def _read(path: Path, source: str) -> pd.DataFrame:
    if path.suffix.lower() == ".xlsx":
        try:
            return pd.read_excel(path, dtype=str)
        except FileNotFoundError:
            raise DatasetError(source, [Problem(None, None, f"berkas {path} tidak ditemukan.")])
        except (ValueError, OSError) as exc:
            raise DatasetError(source, [Problem(None, None, f"berkas Excel rusak ({exc}).")])
    return read_csv(path, source)


def _normalise(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        frame[column] = frame[column].map(lambda v: v.strip() if isinstance(v, str) else v)
        frame[column] = frame[column].replace("", pd.NA)
    for column in ("bukti_vatm", "rekomendasi"):
        if column in frame:
            frame[column] = frame[column].map(
                lambda v: v.lower().removeprefix("asesmen ").strip() if isinstance(v, str) else v)
    return frame


def load_decisions(path: str | os.PathLike, allow_blank: bool = False) -> pd.DataFrame:
    """The validated asesor record (see the module docstring)."""
    path = Path(path)
    source = f"rekaman asesor ({path})"
    frame = _normalise(_read(path, source))
    if "tanda_bukti" not in frame:  # a record written before the column existed
        frame["tanda_bukti"] = pd.NA
    if allow_blank and set(DECISION_COLUMNS) <= set(frame.columns):
        frame = frame[frame[DECISION_COLUMNS].notna().any(axis=1)]
    record = validate(frame, SCHEMA, source, row_offset=ROW_OFFSET)
    problems = []
    first = record.groupby("id_peserta")["rekomendasi"].transform("first")
    for i in record.index[record["rekomendasi"] != first]:
        problems.append(Problem(
            int(i) + ROW_OFFSET, "rekomendasi",
            f"peserta {record.at[i, 'id_peserta']} diberi rekomendasi berbeda di baris lain "
            f"('{first[i]}'); satu peserta satu rekomendasi."))
    explain = (record["bukti_vatm"] == "belum memenuhi") | (
        record["rekomendasi"] == "tidak dapat dilanjutkan")
    for i in record.index[explain & record["komentar"].isna()]:
        problems.append(Problem(int(i) + ROW_OFFSET, "komentar",
                                "komentar wajib diisi bila bukti belum memenuhi VATM atau "
                                "asesmen tidak dapat dilanjutkan."))
    if problems:
        raise DatasetError(source, sorted(problems, key=lambda p: (p.row, p.column)))
    return record[RECORD_COLUMNS].reset_index(drop=True)
