"""What the organiser writes once (*identitas pelatihan*), kept in ``identitas.csv``
(``butir,isi``), which a facilitator edits in Excel.

Single items: title, organiser, place, dates, signatories, certificate numbering. Items that
may be written on several rows, one value per row, in order: ``kop`` (the letterhead lines),
``latar_belakang`` (paragraphs), ``dasar_hukum``, ``tujuan``, ``sasaran``, ``kesimpulan`` and
``rekomendasi`` (added to those the kit draws from the figures), and records whose
parts are separated by ``|``:

- ``panitia``: ``jabatan dalam panitia | nama | NIP``
- ``pengajar``: ``nama | fasilitator atau narasumber | sesi yang diampu | jabatan dan instansi | NIP``
- ``foto``: ``path of the picture (relative to the records folder) | caption``

Every problem is reported with the row and the item it concerns; an ``identitas.csv`` of an
earlier version (single items only) stays valid.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from humaskit.datasets.validation import DatasetError, Problem, read_csv

FILE = "identitas.csv"
WORKSHOP = ('Membedah Konfigurasi & Konvergensi Baru "Kehumasan Strategic" Berbasis ISO '
            "(Solusi Sistemik & Social Engineering untuk Kabupaten Pemekaran)")
#: Single item -> (required, example), in the order of the template.
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
    "nomor_format": (False, "{urut:03d}/{awalan}"),
    "sertifikat_penandatangan": (False, "1,2"),
    "maksud": (False, ""),
    "konsumsi": (False, "ya"),
}
#: Item written on as many rows as needed -> (parts, example row).
LISTS = {
    "kop": ((), "PEMERINTAH KABUPATEN CONTOH"),
    "latar_belakang": ((), ""),
    "dasar_hukum": ((), ("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi "
                        "Publik")),
    "tujuan": ((), ""),
    "sasaran": ((), ""),
    "panitia": (("peran", "nama", "nip"), "Ketua | Nama Ketua Penyelenggara | "),
    "pengajar": (("nama", "peran", "sesi", "jabatan", "nip"),
                 "Nama Fasilitator | fasilitator | H1-pagi H2-pagi | Jabatan, Instansi | "),
    "foto": (("berkas", "keterangan"), "dokumentasi/pembukaan.jpg | Pembukaan pelatihan"),
    "kesimpulan": ((), ""),
    "rekomendasi": ((), ""),
}
#: Parts a record must give (the others may be left empty).
REQUIRED_PARTS = {"panitia": 2, "pengajar": 3, "foto": 1}
ROLES = ("fasilitator", "narasumber")
NUMBER_FIELDS = {"urut": 7, "awalan": "800/X/2026", "tahun": 2026}
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
NIP = re.compile(r"^\d{18}$")


@dataclass(frozen=True)
class Identity:
    items: dict[str, str]
    lists: dict[str, list] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        return self.items.get(key, "")

    def many(self, key: str) -> list:
        """The rows of a list item: text, or a dict of parts for a record item."""
        return self.lists.get(key, [])

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

    @property
    def meals(self) -> bool:
        return self["konsumsi"].lower() != "tidak"

    def signatories(self) -> list[tuple[str, str, str]]:
        """(jabatan, nama, NIP) of each signatory given."""
        return [(self[f"penandatangan_{n}_jabatan"], self[f"penandatangan_{n}_nama"],
                 self[f"penandatangan_{n}_nip"]) for n in (1, 2)
                if self[f"penandatangan_{n}_nama"]]

    def certificate_signatories(self) -> list[tuple[str, str, str]]:
        """The signatories of the certificates (``sertifikat_penandatangan``: 1, 2 or 1,2)."""
        chosen = [int(n) for n in re.findall(r"[12]", self["sertifikat_penandatangan"])]
        every = {n: s for n, s in zip((1, 2), self.signatories())}
        return [every[n] for n in chosen if n in every] or self.signatories()

    def certificate_number(self, serial: int) -> str:
        pattern = self["nomor_format"] or ("{awalan}/{urut:03d}" if self["nomor_awalan"]
                                           else "{urut:03d}")
        return pattern.format(urut=serial, awalan=self["nomor_awalan"], tahun=self.end.year)


def tanggal(day: dt.date) -> str:
    """A date the Indonesian way: ``26 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def template(path: Path) -> Path:
    rows = [(k, e) for k, (_, e) in ITEMS.items()] + [(k, e) for k, (_, e) in LISTS.items()]
    pd.DataFrame(rows, columns=["butir", "isi"]).to_csv(path, index=False, encoding="utf-8")
    return path


def read(path: Path, sessions: list[str] | None = None) -> Identity:
    """The identity, or DatasetError naming the row and item of every problem: unknown or
    repeated item, bad date, NIP, session, role or numbering format, missing required item.
    ``sessions``: the session ids a ``pengajar`` may name."""
    frame = read_csv(path, path.name)
    problems = [Problem(None, c, "kolom wajib ini tidak ada di berkas.")
                for c in ("butir", "isi") if c not in frame.columns]
    if problems:
        raise DatasetError(path.name, problems)
    items: dict[str, str] = {}
    lists: dict[str, list] = {}
    for index, key, value in zip(frame.index, frame["butir"], frame["isi"]):
        row, key = index + 2, str(key).strip() if isinstance(key, str) else ""
        value = value.strip() if isinstance(value, str) else ""
        if key in LISTS:
            if value:
                parsed = _record(key, value, row, sessions, problems)
                if parsed is not None:
                    lists.setdefault(key, []).append(parsed)
        elif key not in ITEMS:
            problems.append(Problem(row, "butir", f"butir '{key}' tidak dikenal (yang dikenal: "
                                                   f"{', '.join([*ITEMS, *LISTS])})."))
        elif key in items:
            problems.append(Problem(row, "butir", f"butir '{key}' tertulis dua kali."))
        else:
            items[key] = value
            problems += _check_item(key, value, row)
    problems += [Problem(None, "isi", f"butir wajib '{k}' belum diisi.")
                 for k, (required, _) in ITEMS.items() if required and not items.get(k)]
    if not problems and items["tanggal_selesai"] < items["tanggal_mulai"]:
        problems.append(Problem(None, "isi", "tanggal_selesai lebih awal dari tanggal_mulai."))
    if problems:
        raise DatasetError(path.name, problems)
    return Identity(items, lists)


def _check_item(key: str, value: str, row: int) -> list[Problem]:
    said = f"butir '{key}': "
    if key.startswith("tanggal") and value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return [Problem(row, "isi", f"{said}'{value}' bukan tanggal TTTT-BB-HH "
                                        "(contoh 2026-11-23).")]
    if key.endswith("_nip") and value and not NIP.match(value.replace(" ", "")):
        return [Problem(row, "isi", f"{said}NIP '{value}' harus 18 angka (spasi boleh).")]
    if key == "nomor_format" and value:
        try:
            value.format(**NUMBER_FIELDS)
        except (KeyError, ValueError, IndexError):
            return [Problem(row, "isi", f"{said}'{value}' hanya boleh memakai {{urut}}, "
                                        "{urut:03d}, {awalan} dan {tahun}.")]
        if "{urut" not in value:
            return [Problem(row, "isi", f"{said}nomor harus memuat {{urut}} agar setiap "
                                        "sertifikat bernomor unik.")]
    if key == "sertifikat_penandatangan" and value and not re.fullmatch(r"[12]( *, *[12])?",
                                                                        value):
        return [Problem(row, "isi", f"{said}isi 1, 2, atau 1,2.")]
    if key == "konsumsi" and value and value.lower() not in ("ya", "tidak"):
        return [Problem(row, "isi", f"{said}isi 'ya' atau 'tidak'.")]
    return []


def _record(key: str, value: str, row: int, sessions: list[str] | None,
            problems: list[Problem]) -> str | dict | None:
    """One row of a list item: the text, or its ``|``-separated parts as a dict."""
    names = LISTS[key][0]
    if not names:
        return value
    parts = [p.strip() for p in value.split("|")]
    said = f"butir '{key}': "
    needed = REQUIRED_PARTS[key]
    if len(parts) > len(names) or len(parts) < needed or not all(parts[:needed]):
        problems.append(Problem(row, "isi", f"{said}tulis '{' | '.join(names)}' ({needed} "
                                            f"bagian pertama wajib diisi, paling banyak "
                                            f"{len(names)} bagian)."))
        return None
    record = dict(zip(names, parts + [""] * (len(names) - len(parts))))
    found = len(problems)
    if record.get("nip") and not NIP.match(record["nip"].replace(" ", "")):
        problems.append(Problem(row, "isi", f"{said}NIP '{record['nip']}' harus 18 angka."))
    if key == "pengajar":
        record["peran"] = record["peran"].lower()
        if record["peran"] not in ROLES:
            problems.append(Problem(row, "isi", f"{said}peran '{record['peran']}' harus "
                                                "'fasilitator' atau 'narasumber'."))
        taught = re.split(r"[\s,;]+", record["sesi"].strip()) if record["sesi"].strip() else []
        unknown = [s for s in taught if sessions is not None and s not in sessions]
        if not taught or unknown:
            problems.append(Problem(row, "isi", f"{said}sesi '{record['sesi']}' tidak dikenal "
                                                f"(sesi yang sah: {', '.join(sessions or [])})."))
        record["sesi"] = taught
    return record if len(problems) == found else None
