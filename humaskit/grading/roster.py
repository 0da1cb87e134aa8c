"""The cohort roster: one row per participant (``id,nama,instansi,jabatan``), validated on load.

Two optional columns serve the certificates an ASN credits JP with: ``nip`` (18 digits,
spaces allowed) and ``pangkat_golongan`` (e.g. ``Penata Muda, III/a``); a roster without them
stays valid."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from humaskit import ROOT

COLUMNS = ("id", "nama", "instansi", "jabatan")
OPTIONAL = ("nip", "pangkat_golongan")
NIP = re.compile(r"^\d{18}$")
#: nbgrader uses the id as a folder name and joins exchange names with "+": keep it plain
#: (codes such as P01, a NIP or a BNSP registration number all fit).
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
ENCODINGS = ("utf-8-sig", "cp1252")
DEMO_ROSTER = ROOT / "grader" / "roster_contoh.csv"


class RosterError(ValueError):
    """The roster file cannot be used; the message (Indonesian) names the file and rows."""


@dataclass(frozen=True)
class Participant:
    id: str
    nama: str
    instansi: str
    jabatan: str
    nip: str = ""
    pangkat_golongan: str = ""


def load(path: Path) -> dict[str, Participant]:
    """Participants by id, in file order; raises :class:`RosterError` on any problem."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(f"Berkas daftar peserta tidak ditemukan: {path}")
    table = read(path)
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise RosterError(f"{path}: kolom wajib tidak ada: {', '.join(missing)} "
                          f"(kolom yang diperlukan: {', '.join(COLUMNS)}).")
    problems = []
    participants: dict[str, Participant] = {}
    given = [c for c in OPTIONAL if c in table.columns]
    for number, row in enumerate(table[[*COLUMNS, *given]].itertuples(index=False), start=2):
        values = {c: str(v).strip() for c, v in zip((*COLUMNS, *given), row)}
        empty = [c for c in COLUMNS if not values[c]]
        if empty:
            problems.append(f"baris {number}: kolom {', '.join(empty)} kosong")
            continue
        if not ID_PATTERN.match(values["id"]):
            problems.append(f"baris {number}: id '{values['id']}' hanya boleh huruf, angka, "
                            "titik, garis bawah atau tanda hubung, tanpa spasi")
            continue
        if values.get("nip") and not NIP.match(values["nip"].replace(" ", "")):
            problems.append(f"baris {number}: NIP '{values['nip']}' harus 18 angka "
                            "(spasi boleh)")
            continue
        if values["id"] in participants:
            problems.append(f"baris {number}: id '{values['id']}' sudah dipakai baris lain")
            continue
        participants[values["id"]] = Participant(**values)
    if problems:
        raise RosterError(f"{path}: daftar peserta tidak sah:\n- " + "\n- ".join(problems))
    if not participants:
        raise RosterError(f"{path}: daftar peserta kosong.")
    return participants


def read(path: Path) -> pd.DataFrame:
    """The roster as text cells, whatever Excel saved: comma or semicolon (Indonesian
    locale) or tab separated, UTF-8 (with or without BOM) or Windows-1252."""
    raw = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RosterError(f"Berkas daftar peserta {path} bukan teks CSV (UTF-8 atau Windows); "
                          "simpan ulang dari Excel sebagai 'CSV UTF-8'.")
    header = text.splitlines()[0] if text.strip() else ""
    sep = max((",", ";", "\t"), key=header.count)
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise RosterError(f"Berkas daftar peserta {path} tidak dapat dibaca sebagai CSV "
                          f"(pemisah kolom '{sep}'): {exc}") from None
