"""What the kit needs from a participant's sheet, and how to recognise it by its header.

Two kinds of sheet: an SKM survey (:data:`SKM`) and a media-monitoring or complaints log
(:data:`MONITORING`). Each :class:`Field` is one canonical column the modules' functions read,
with the header words that usually name it: ``U1``.."U9", the element names, the questions of
the PermenPANRB 14/2017 questionnaire as a Google Form words them, or common spreadsheet
headings. Columns that hold personal data (names, phone numbers, NIK, e-mail, addresses) are
recognised by header and by values, so that they are hidden before anything is shown and
never written.
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

#: Header words of personal data. Words that never name anything else come first: a header
#: holding one of them is personal whatever else it says ("Alamat Desa", "Nama / Instansi").
ALWAYS_PERSONAL = ("alamat", "domisili", "tempat tinggal", "pemohon", "pelapor", "pengadu",
                   "hp", "handphone", "ponsel", "telepon", "telp", "tlp", "whatsapp", "wa",
                   "no wa", "nomor kontak", "kontak", "nik", "no ktp", "nomor ktp", "no kk",
                   "nomor kk", "nomor induk kependudukan", "email", "e mail", "surel", "rt rw",
                   "tanda tangan", "ttd")
#: "Nama" is personal unless it is the name of an office, medium or place ("Nama OPD").
NAME_WORDS = ("nama", "name")
NOT_A_PERSON = ("media", "opd", "dinas", "layanan", "unit", "instansi", "sumber", "akun",
                "kanal", "desa", "kelurahan", "kecamatan", "program", "kegiatan", "isu",
                "perangkat daerah", "kantor", "bidang", "loket", "jenis")
_PHONE = re.compile(r"(?<!\d)(\+?62|0)8\d{7,11}(?!\d)")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
_STREET = re.compile(r"^(jl|jln|gg|komp|perum|dsn|btn)\.?\s+\w|^(jalan|gang|lorong|kompleks|"
                     r"perumahan|dusun)\s+\w.*\d|\brt\.?\s*\d+\s*(/|rw)|\brw\.?\s*\d+",
                     re.IGNORECASE)
_PERSON = re.compile(r"^((bapak|bpk|ibu|sdr|sdri|h|hj|dr|ir|drs)\.?\s+)?"
                     r"[A-Z][A-Za-z'`]+\.?(\s+[A-Z][A-Za-z'`]*\.?){1,3}(,\s*[A-Za-z.]+)?$")


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
    """Whether a header names personal data. "Nama" counts unless it is directly the name of
    an office, medium or place and nothing else ("Nama OPD"; not "Nama / Instansi")."""
    words = normalise(header)
    if any(_has(words, w) for w in ALWAYS_PERSONAL):
        return True
    if not any(_has(words, w) for w in NAME_WORDS):
        return False
    alternatives = re.search(r"[/&]|\b(atau|dan|or)\b", str(header).lower())
    return alternatives is not None or not any(
        re.match(rf"^(nama|name) {re.escape(w)}( |$)", words) for w in NOT_A_PERSON)


def names_no_person(header: str) -> bool:
    """Whether a header says its column names offices, media or places ("Media", "Judul
    berita"), so that title-case values there are not taken for people's names."""
    words = normalise(header)
    return any(_has(words, w) for w in (*NOT_A_PERSON, "judul", "berita", "portal"))


def _personal_cell(value: object) -> bool:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    compact = re.sub(r"[\s\-().]", "", text)
    return bool(_PHONE.search(compact) or _NIK.search(compact) or _EMAIL.search(text)
                or _STREET.search(text))


def personal_by_values(values: pd.Series, named_by_header: bool = False) -> bool:
    """Whether a column's cells look personal: mostly phone numbers, NIK, e-mail addresses or
    street addresses, or (for a column whose header names no field) mostly different
    people's names."""
    cells = [v for v in values.dropna().head(200) if str(v).strip()]
    if not cells:
        return False
    hits = sum(_personal_cell(v) for v in cells)
    if hits == len(cells) or hits >= max(2, len(cells) / 5):
        return True
    if named_by_header:
        return False
    texts = [" ".join(str(v).split()) for v in cells if isinstance(v, str)]
    people = [t for t in texts if _PERSON.match(t)]
    return len(people) >= 0.8 * len(cells) and len(set(people)) >= 0.7 * len(people)


def looks_personal(value: object) -> bool:
    """Whether one cell looks like a phone number, NIK, e-mail or street address."""
    return _personal_cell(value)
