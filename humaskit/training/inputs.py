"""Everything the organiser's documents are built from, read once from the cohort folder.

The cohort folder is the grading output (``humaskit grade all --out …``). Beside what the
grading stage wrote (roster, ``ekspor/*.csv``), the facilitator keeps the training's own
records in ``penyelenggaraan/``::

    penyelenggaraan/identitas.csv        identity, legal basis, committee, teachers, photos
    penyelenggaraan/daftar_hadir.csv     attendance per participant and session
    penyelenggaraan/evaluasi_pengajar.csv, evaluasi_penyelenggaraan.csv
                                         paper evaluation forms, typed in (optional)
    penyelenggaraan/evaluasi/*.json      the evaluation form's answers files (optional)
    penyelenggaraan/rtl/<id>.csv         each participant's RTL (``rtl_saya.csv``, optional)
    penyelenggaraan/<photos>             documentation pictures named in identitas.csv
    penyelenggaraan/reset_pin.csv        the classroom server's PIN resets (optional; written
                                         by ``humaskit server riwayat-pin``)

Identity and attendance must be right (certificates depend on them): their problems stop
the build. A bad evaluation or RTL file is noted and left out. What participants wrote is
capped before it reaches the report (:data:`MAX_RTL_BYTES`, :data:`MAX_RTL_ACTIONS`,
:data:`MAX_TEXT_CHARS`), and each cap that cut something is noted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from humaskit import evaluation, rtl
from humaskit.datasets.validation import DatasetError, Problem
from humaskit.grading import cohort
from humaskit.grading.workspace import Workspace
from humaskit.server import resets
from humaskit.training import attendance, identity, schedule

FOLDER = "penyelenggaraan"
#: Caps on one participant's RTL file: its size, the actions it brings into the report, and
#: the length of any text a participant wrote (an RTL cell, an evaluation comment).
MAX_RTL_BYTES = 10 * 1024 * 1024
MAX_RTL_ACTIONS = 30
MAX_TEXT_CHARS = 1000


@dataclass
class Inputs:
    out: Path
    identity: identity.Identity
    roster: dict
    sessions: list[schedule.Session]
    attendance: pd.DataFrame
    cells: pd.DataFrame
    claims: pd.DataFrame
    recommendations: pd.DataFrame
    evaluations: pd.DataFrame
    rtl: dict[str, pd.DataFrame]
    notes: list[str] = field(default_factory=list)
    #: The grader's comments from hand grading (``ekspor/komentar_penilai.csv``).
    comments: pd.DataFrame = field(default_factory=pd.DataFrame)


def folder(out: Path) -> Path:
    return Path(out) / FOLDER


def _export(out: Path, name: str, notes: list[str], what: str) -> pd.DataFrame:
    path = Path(out) / "ekspor" / name
    if not path.exists():
        notes.append(f"{what} belum ada: nilai kohort belum diekspor (jalankan humaskit grade "
                     "all lebih dulu bila bagian ini diperlukan).")
        return pd.DataFrame()
    return pd.read_csv(path, encoding="utf-8-sig")


def load(out: Path) -> Inputs:
    """Read the cohort folder; DatasetError when identity or attendance cannot be used."""
    out = Path(out)
    records = folder(out)
    ws = Workspace(out)
    if not (out / "penilaian.json").exists():
        raise DatasetError(str(out), [Problem(None, None, "folder ini bukan folder kohort "
                                              "(penilaian.json tidak ada). Jalankan `humaskit "
                                              "grade all --out FOLDER` lebih dulu.")])
    roster = cohort.participants(ws)
    sessions = schedule.sessions()
    for needed in (identity.FILE, attendance.FILE):
        if not (records / needed).exists():
            raise DatasetError(str(records / needed), [Problem(
                None, None, "berkas belum ada. Buat templatnya dengan `humaskit laporan "
                f"--kohort {out} --templat`, lalu isi.")])
    notes = resets.notes(records / resets.FILE,
                         {pid.lower(): who.nama for pid, who in roster.items()})
    return Inputs(
        out=out, identity=identity.read(records / identity.FILE, [s.id for s in sessions]),
        roster=roster,
        sessions=sessions,
        attendance=attendance.read(records / attendance.FILE, roster, sessions),
        cells=_export(out, "nilai_per_bagian.csv", notes, "Nilai per sel"),
        claims=_export(out, "klaim_asesmen_mandiri.csv", notes, "Klaim asesmen mandiri"),
        recommendations=_export(out, "rekomendasi_asesor.csv", notes, "Rekomendasi asesor"),
        evaluations=_evaluations(records, notes), rtl=_rtl(records, roster, notes), notes=notes,
        comments=_grader_comments(out))


def _grader_comments(out: Path) -> pd.DataFrame:
    """The hand-grading comments, each capped; none when the export predates them."""
    path = Path(out) / "ekspor" / "komentar_penilai.csv"
    if not path.exists():
        return pd.DataFrame()
    found = pd.read_csv(path, encoding="utf-8-sig", dtype=str).fillna("")
    found["komentar"] = found["komentar"].map(shortened)
    return found


def _evaluations(records: Path, notes: list[str]) -> pd.DataFrame:
    frames = []
    for name in (evaluation.TEACHER_CSV, evaluation.ORGANISATION_CSV):
        if (records / name).exists():
            try:
                frames.append(evaluation.read_sheet(records / name))
            except DatasetError as error:
                notes.append(f"{error} (berkas ini tidak dihitung)")
    answers = records / "evaluasi"
    if answers.is_dir():
        frame, problems = evaluation.read_answers(answers)
        frames.append(frame)
        notes += [f"Berkas jawaban evaluasi {p.column}: {p.message}" for p in problems]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=evaluation.COLUMNS)
    found = pd.concat(frames, ignore_index=True)
    long = found["komentar"].map(lambda v: isinstance(v, str) and len(v) > MAX_TEXT_CHARS)
    if long.any():
        notes.append(f"{int(long.sum())} komentar evaluasi lebih dari {MAX_TEXT_CHARS} karakter; "
                     "dipotong di laporan.")
        found["komentar"] = found["komentar"].map(
            lambda v: shortened(v) if isinstance(v, str) else v)
    return found


def _rtl(records: Path, roster: dict, notes: list[str]) -> dict[str, pd.DataFrame]:
    found = {}
    for path in sorted((records / "rtl").glob("*.csv")) if (records / "rtl").is_dir() else []:
        if path.stem not in roster:
            notes.append(f"Berkas RTL {path.name}: nama berkas bukan id peserta di daftar; "
                         "dilewati.")
            continue
        if path.is_symlink():
            notes.append(f"Berkas RTL {path.name}: tautan, bukan berkas biasa; dilewati.")
            continue
        try:
            if path.stat().st_size > MAX_RTL_BYTES:
                notes.append(f"rtl/{path.name}: berkas lebih dari {MAX_RTL_BYTES // 2**20} MB; "
                             "dilewati.")
                continue
            found[path.stem] = capped(rtl.load(path), f"rtl/{path.name} ({roster[path.stem].nama})",
                                      notes)
        except (ValueError, OSError) as error:
            said = str(error) if str(error).startswith("Berkas") else (
                "berkas tidak dapat dibaca sebagai RTL humaskit")
            notes.append(f"Berkas RTL {path.name}: {said}; dilewati.")
    return found


def shortened(text: str) -> str:
    """A participant's text cut to :data:`MAX_TEXT_CHARS` characters (marked with "…")."""
    return text if len(text) <= MAX_TEXT_CHARS else text[:MAX_TEXT_CHARS - 1] + "…"


def capped(table: pd.DataFrame, name: str, notes: list[str]) -> pd.DataFrame:
    """A participant's RTL within :data:`MAX_RTL_ACTIONS` actions and :data:`MAX_TEXT_CHARS`
    characters per cell; what was cut is noted."""
    if len(table) > MAX_RTL_ACTIONS:
        notes.append(f"{name}: {len(table)} aksi; hanya {MAX_RTL_ACTIONS} aksi pertama yang "
                     "dimasukkan ke laporan (batas per peserta).")
        table = table.head(MAX_RTL_ACTIONS)
    long = table.map(lambda v: isinstance(v, str) and len(v) > MAX_TEXT_CHARS).to_numpy().any()
    if long:
        notes.append(f"{name}: ada isian lebih dari {MAX_TEXT_CHARS} karakter; dipotong di "
                     "laporan.")
        table = table.map(lambda v: shortened(v) if isinstance(v, str) else v)
    return table
