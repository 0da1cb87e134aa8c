"""The training's identity (*identitas pelatihan*): title, organiser, commissioning office,
place, dates and the signatories of the certificates, kept in ``identitas.csv``
(``butir,isi``), which a facilitator edits in Excel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from humaskit.datasets.validation import DatasetError, Problem, read_csv

FILE = "identitas.csv"
WORKSHOP = ('Membedah Konfigurasi & Konvergensi Baru "Kehumasan Strategic" Berbasis ISO '
            "(Solusi Sistemik & Social Engineering untuk Kabupaten Pemekaran)")
#: Item -> (required, example), in the order of the template.
ITEMS = {
    "judul": (True, WORKSHOP),
    "penyelenggara": (True, "Bagian Protokol dan Komunikasi Pimpinan Setda Kabupaten Contoh"),
    "instansi_pemesan": (True, "Sekretariat Daerah Kabupaten Contoh"),
    "tempat": (True, "Aula Kantor Bupati Contoh"),
    "tanggal_mulai": (True, "2026-11-23"),
    "tanggal_selesai": (True, "2026-11-26"),
    "kota_penerbitan": (True, "Contoh"),
    "penandatangan_1_jabatan": (True, "Sekretaris Daerah"),
    "penandatangan_1_nama": (True, "Nama Sekretaris Daerah"),
    "penandatangan_1_nip": (False, ""),
    "penandatangan_2_jabatan": (False, "Ketua Penyelenggara"),
    "penandatangan_2_nama": (False, "Nama Ketua Penyelenggara"),
    "penandatangan_2_nip": (False, ""),
    "nomor_awalan": (False, "800/BIMTEK-HUMAS/2026"),
}
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")


@dataclass(frozen=True)
class Identity:
    items: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.items.get(key, "")

    @property
    def start(self) -> dt.date:
        return dt.date.fromisoformat(self["tanggal_mulai"])

    @property
    def end(self) -> dt.date:
        return dt.date.fromisoformat(self["tanggal_selesai"])

    @property
    def dates(self) -> str:
        """``23–26 November 2026`` (or across months/years as needed)."""
        start, end = self.start, self.end
        if start == end:
            return tanggal(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{tanggal(end)}"
        if start.year == end.year:
            return f"{start.day} {MONTHS[start.month - 1]} – {tanggal(end)}"
        return f"{tanggal(start)} – {tanggal(end)}"

    def signatories(self) -> list[tuple[str, str, str]]:
        """(jabatan, nama, NIP) of each signatory given."""
        return [(self[f"penandatangan_{n}_jabatan"], self[f"penandatangan_{n}_nama"],
                 self[f"penandatangan_{n}_nip"]) for n in (1, 2)
                if self[f"penandatangan_{n}_nama"]]


def tanggal(day: dt.date) -> str:
    """A date the Indonesian way: ``26 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def template(path: Path) -> Path:
    pd.DataFrame({"butir": list(ITEMS), "isi": [e for _, e in ITEMS.values()]}).to_csv(
        path, index=False, encoding="utf-8")
    return path


def read(path: Path) -> Identity:
    """The identity, or DatasetError naming each missing item, unknown item or bad date."""
    frame = read_csv(path, path.name)
    problems = [Problem(None, c, "kolom wajib ini tidak ada di berkas.")
                for c in ("butir", "isi") if c not in frame.columns]
    if problems:
        raise DatasetError(path.name, problems)
    items: dict[str, str] = {}
    for index, key, value in zip(frame.index, frame["butir"], frame["isi"]):
        row, key = index + 2, str(key).strip() if isinstance(key, str) else ""
        if key not in ITEMS:
            problems.append(Problem(row, "butir", f"butir '{key}' tidak dikenal (yang dikenal: "
                                                   f"{', '.join(ITEMS)})."))
        elif key in items:
            problems.append(Problem(row, "butir", f"butir '{key}' tertulis dua kali."))
        else:
            items[key] = value.strip() if isinstance(value, str) else ""
            if key.startswith("tanggal") and items[key]:
                try:
                    dt.date.fromisoformat(items[key])
                except ValueError:
                    problems.append(Problem(row, "isi", f"'{items[key]}' bukan tanggal "
                                                        "TTTT-BB-HH (contoh 2026-11-23)."))
    problems += [Problem(None, "isi", f"butir wajib '{k}' belum diisi.")
                 for k, (required, _) in ITEMS.items() if required and not items.get(k)]
    if not problems and items["tanggal_selesai"] < items["tanggal_mulai"]:
        problems.append(Problem(None, "isi", "tanggal_selesai lebih awal dari tanggal_mulai."))
    if problems:
        raise DatasetError(path.name, problems)
    return Identity(items)
