"""What the kit needs from a participant's sheet, and how to recognise it by its header.

Two kinds of sheet: an SKM survey (:data:`SKM`) and a media-monitoring or complaints log
(:data:`MONITORING`). Each :class:`Field` is one canonical column the modules' functions read,
with the header words that usually name it: ``U1``.."U9", the element names, the questions of
the PermenPANRB 14/2017 questionnaire as a Google Form words them, or common spreadsheet
headings. Columns that hold personal data (names, phone numbers, NIK, e-mail, addresses) are
recognised too, so that they can be dropped before anything is shown or written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from humaskit import satisfaction


@dataclass(frozen=True)
class Field:
    """A canonical column: ``key`` as the kit's functions name it, ``label`` in Indonesian,
    ``kind`` of its values (answer, date, text, number, sentiment), header ``words``."""

    key: str
    label: str
    kind: str
    required: bool
    words: tuple[str, ...]
    codes: tuple[str, ...] = ()


_ELEMENT_WORDS = (
    ("persyaratan", "syarat"),
    ("sistem mekanisme dan prosedur", "prosedur", "mekanisme", "alur"),
    ("waktu penyelesaian", "kecepatan", "jangka waktu", "waktu pelayanan", "waktu"),
    ("biaya tarif", "biaya", "tarif"),
    ("produk spesifikasi", "produk", "spesifikasi", "hasil pelayanan"),
    ("kompetensi pelaksana", "kompetensi", "kemampuan petugas", "kemampuan"),
    ("perilaku pelaksana", "perilaku", "kesopanan", "keramahan", "sopan"),
    ("penanganan pengaduan", "pengaduan", "saran dan masukan", "keluhan"),
    ("sarana dan prasarana", "sarana", "prasarana", "fasilitas"),
)

SKM = (
    *(Field(code, f"{code.upper()} {element}", "answer", True, words,
            (code, f"unsur {i}", f"unsur{i}", f"u {i}", f"u0{i}", f"p{i}", f"q{i}"))
      for i, (code, element, words) in enumerate(
          zip(satisfaction.COLUMNS, satisfaction.ELEMENTS, _ELEMENT_WORDS), start=1)),
    Field("unit_layanan", "Unit/jenis layanan", "text", False,
          ("unit layanan", "jenis layanan", "unit pelayanan", "layanan yang diterima", "unit", "loket", "bidang")),
    Field("tanggal", "Tanggal pengisian", "date", False,
          ("stempel waktu", "timestamp", "waktu pengisian", "tanggal survei", "tanggal",
           "tgl")),
    Field("id_responden", "Nomor/ID responden", "text", False,
          ("id responden", "nomor responden", "no responden", "kode responden", "id")),
    Field("jenis_kelamin", "Jenis kelamin", "text", False,
          ("jenis kelamin", "kelamin", "gender", "jk")),
    Field("usia", "Usia", "text", False, ("usia", "umur")),
    Field("pendidikan", "Pendidikan", "text", False, ("pendidikan terakhir", "pendidikan")),
    Field("pekerjaan", "Pekerjaan", "text", False, ("pekerjaan", "profesi")),
)

MONITORING = (
    Field("tanggal", "Tanggal terbit/masuk", "date", True,
          ("tanggal terbit", "tanggal", "tgl", "waktu terbit", "date", "timestamp")),
    Field("topik", "Topik/isu", "text", True,
          ("topik", "isu", "topic", "tema", "kategori isu", "kategori")),
    Field("sentimen", "Sentimen", "sentiment", True, ("sentimen", "sentiment", "tone", "nada")),
    Field("jangkauan", "Jangkauan", "number", True,
          ("jangkauan", "reach", "tayangan", "views", "impresi", "pembaca", "pengikut",
           "followers")),
    Field("opd_terkait", "OPD terkait", "text", False,
          ("opd terkait", "opd", "perangkat daerah", "dinas", "instansi", "unit kerja")),
    Field("id_klip", "Nomor/ID klip", "text", False, ("id klip", "no klip", "nomor klip", "id")),
)

KINDS = {"skm": SKM, "monitoring": MONITORING}
KIND_LABELS = {"skm": "Survei Kepuasan Masyarakat (SKM)",
               "monitoring": "Pemantauan media / log pengaduan"}

#: Header words of personal data, and words that make such a header harmless ("nama OPD").
PERSONAL_WORDS = ("nama", "name", "hp", "handphone", "ponsel", "telepon", "telp", "tlp",
                  "whatsapp", "wa", "no wa", "nomor kontak", "kontak", "nik", "no ktp",
                  "nomor ktp", "kk", "email", "e mail", "surel", "alamat")
NOT_PERSONAL = ("media", "opd", "dinas", "layanan", "unit", "instansi", "sumber", "akun",
                "kanal", "desa", "kecamatan", "petugas", "program", "kegiatan", "isu")
_PHONE = re.compile(r"^(\+?62|0)8\d{7,11}$")
_NIK = re.compile(r"^\d{16}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


def normalise(text: object) -> str:
    """Lower-case words only: accents, punctuation and numbering such as ``3.`` removed."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    return " ".join(text.split())


def _has(words: str, phrase: str) -> bool:
    return re.search(rf"(^| ){re.escape(phrase)}( |$)", words) is not None


def header_score(field: Field, header: str) -> int:
    """How surely ``header`` names ``field``: 100 for a code (``U3``, ``unsur 3``), the
    length of the longest matching phrase otherwise, 0 for no match."""
    words = normalise(header)
    if words in field.codes or words == field.key.replace("_", " "):
        return 100
    return max((len(w) for w in field.words if _has(words, w)), default=0)


def personal_by_header(header: str) -> bool:
    """Whether a header names personal data (and not, say, the name of an office)."""
    words = normalise(header)
    return (any(_has(words, w) for w in PERSONAL_WORDS)
            and not any(_has(words, w) for w in NOT_PERSONAL))


def personal_by_values(values: pd.Series) -> bool:
    """Whether most filled cells look like phone numbers, NIK or e-mail addresses."""
    cells = [" ".join(str(v).split()).replace(" ", "").replace("-", "")
             for v in values.dropna().head(50)]
    if not cells:
        return False
    hits = sum(bool(_PHONE.match(c) or _NIK.match(c) or _EMAIL.match(c)) for c in cells)
    return hits >= max(1, len(cells) // 2)
