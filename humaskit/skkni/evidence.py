"""The evidence rule of the FR.APL.02 exercise, applied as written: the evidence for a K
claim names **a kind of document or activity** and **when** (a year, or a month and a year).

A rule can decide only part of that. It decides that an entry says *nothing*: empty, words
that name nothing ("ada", "sudah dikerjakan"), a bare medium ("Foto 2025": a photo of
what?), or no year at all. Those are refused (:data:`REFUSED`). Whether named evidence is
valid and sufficient is the asesor's judgement (VATM): an entry the vocabulary below does not
recognise, a year after the assessment, or one document cited in several units is only
flagged for the asesor (:data:`FLAGGED`) and costs no points. A word list can never be
complete, so a gap in it yields a flag, never a refusal.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field

import pandas as pd

ACCEPTED, FLAGGED, REFUSED = "sah", "tanda untuk asesor", "belum memenuhi aturan"

#: Names of kinds of documents or activities, as officials write them in a portfolio
#: (phrases are matched before single words; every entry is a whole word or phrase).
KINDS = (
    # written documents and their parts
    "laporan", "lpj", "spj", "lakip", "lkjip", "naskah", "sambutan", "pidato", "siaran pers",
    "press release", "rilis", "notulen", "notula", "notulensi", "risalah", "berita acara",
    "sk", "surat", "surat keputusan", "keputusan", "surat tugas", "spt", "sppd",
    "surat edaran", "nota dinas", "memo", "disposisi", "telaahan", "kajian", "makalah",
    "proposal", "kerangka acuan", "kak", "tor", "rab", "dpa", "renja", "renstra", "rencana",
    "jadwal", "agenda", "rundown", "susunan acara", "undangan", "daftar hadir", "absensi",
    "kontrak", "sop", "pedoman", "panduan", "juknis", "petunjuk", "modul", "materi", "bahan",
    "paparan", "presentasi", "salindia", "slide", "formulir", "kuesioner", "angket",
    "matriks", "peta", "bagan", "tabel", "rekapitulasi", "rekap", "ringkasan", "log",
    "logbook", "catatan", "jurnal", "buku", "daftar", "kliping", "klipping", "portofolio",
    "database", "basis data", "dasbor", "dashboard", "perbup", "perda", "peraturan",
    "instruksi", "edaran", "nota", "mou", "perjanjian", "pks", "program kerja", "profil",
    "company profile", "dip", "ppid", "skripsi", "tesis", "disertasi", "lppd", "lkpj",
    "rkpd", "rpjmd", "presensi", "pengumuman", "maklumat", "imbauan", "desain",
    # personnel and qualification records
    "skp", "kinerja", "angka kredit", "dupak", "ijazah", "transkrip", "sertifikat",
    "sttpp", "sttpl", "piagam", "penghargaan", "anugerah", "satyalancana", "plakat", "trofi",
    "juara", "nominasi",
    # publications and channels
    "berita", "artikel", "opini", "advertorial", "feature", "tulisan", "buletin", "majalah",
    "tabloid", "newsletter", "brosur", "leaflet", "pamflet", "buklet", "booklet", "poster",
    "spanduk", "baliho", "banner", "videotron", "infografis", "infografik", "unggahan",
    "postingan", "posting", "konten", "reels", "utas", "instagram", "facebook", "twitter",
    "tiktok", "youtube", "whatsapp", "media sosial", "medsos", "akun", "situs", "website",
    "laman", "portal", "kanal", "podcast", "siniar", "episode", "siaran", "radio", "rri",
    "televisi", "tv", "talkshow", "talk show", "dialog", "tautan", "link", "folder bersama",
    "penyimpanan bersama", "drive", "google drive", "server",
    # media relations and monitoring
    "pers", "konferensi pers", "konpers", "press conference", "jumpa pers", "temu media",
    "media briefing", "doorstop", "wawancara", "reportase", "publikasi", "klarifikasi",
    "hak jawab", "hak koreksi", "siaran langsung", "live", "streaming",
    "liputan", "peliputan", "pemantauan", "pantauan", "monitoring", "analisis", "survei",
    "skm", "pengaduan", "lapor",
    # activities and roles
    "rapat", "rakor", "rakornis", "raker", "pelatihan", "bimtek", "diklat", "kursus",
    "workshop", "lokakarya", "seminar", "webinar", "konferensi", "simposium", "fgd",
    "diskusi", "forum", "audiensi", "sosialisasi", "penyuluhan", "kampanye", "pameran",
    "expo", "festival", "lomba", "open house", "gathering", "musrenbang", "upacara", "apel",
    "hut", "peringatan", "peresmian", "pelantikan", "peluncuran", "launching",
    "penandatanganan", "kunjungan", "kunker", "gladi", "gladi bersih", "protokol",
    "keprotokolan", "protokoler", "moderator", "mc", "pembawa acara", "narasumber",
    "pembicara", "juri", "juru bicara", "jubir", "ajudan", "admin", "editor", "redaktur",
    "penyunting", "reporter", "wartawan", "fotografer", "videografer", "desainer", "operator",
    "panitia", "kepanitiaan", "ketua", "sekretaris", "anggota", "koordinator", "tim",
    "magang", "pendampingan", "mentoring", "coaching", "bimbingan", "kuliah", "pendidikan",
    "penyusunan", "penulisan", "pembuatan", "penyelenggaraan", "pengelolaan", "evaluasi",
    "monev",
)
#: Media: they name evidence only beside a word saying of what ("foto kegiatan", "video
#: peresmian pasar"); a medium beside another medium ("foto dan video") still says of nothing.
MEDIA = ("foto", "video", "gambar", "rekaman", "dokumentasi", "dokumen", "berkas", "file",
         "arsip", "data", "bukti", "folder", "album", "screenshot", "tangkapan layar",
         "pindaian", "scan", "salinan", "fotokopi")
#: Media and generic words ("kegiatan 2025" names no activity): they need another word.
GENERIC = (*MEDIA, "kegiatan", "acara", "program", "hasil", "pekerjaan", "tugas")
_MEDIA_WORDS = frozenset(word for entry in MEDIA for word in entry.split())
#: Words that name nothing (connectives, claims about oneself, time words).
FILLER = frozenset((
    "ada", "sudah", "telah", "pernah", "sering", "selalu", "biasa", "biasanya", "rutin",
    "saya", "kami", "aku", "sendiri", "baik", "lengkap", "punya", "memiliki", "mempunyai",
    "melakukan", "melakukannya", "dilakukan", "mengerjakan", "dikerjakan", "mengerjakannya",
    "bisa", "dapat", "mampu", "kompeten", "sesuai", "ya", "tidak", "belum", "banyak",
    "beberapa", "semua", "dll", "dsb", "lain", "lainnya", "hal", "itu", "ini", "tersebut",
    "juga", "secara", "setiap", "tiap", "hari", "minggu", "pekan", "bulan", "tahun", "th",
    "thn", "tgl", "tanggal", "sejak", "selama", "lalu", "terakhir", "kemarin", "dan",
    "atau", "di", "ke", "dari", "yang", "untuk", "dengan", "pada", "tentang", "oleh", "per",
    "dalam", "sebagai", "serta", "kerja", "bekerja", "tugasnya", "ok", "oke", "na", "nihil",
    "terlampir", "lampiran", "menyusul", "contoh", "dst",
))
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun",
          "jul", "agu", "agt", "agus", "sep", "sept", "okt", "nov", "nop", "des")
HIJRI_MONTHS = ("muharam", "muharram", "safar", "sapar", "rabiulawal", "rabiulakhir",
                "rabiul", "jumadilawal", "jumadilakhir", "jumadil", "awal", "akhir", "rajab",
                "syakban", "syaban", "sya'ban", "ramadan", "ramadhan", "syawal", "zulkaidah",
                "dzulqa'dah", "zulhijah", "dzulhijjah")
GREGORIAN_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
#: A date written day/month/two-digit year (12/03/25), as forms often carry it.
SHORT_DATE = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](\d\d)(?![\d/.-])")
HIJRI_YEAR = re.compile(r"(?<!\d)(1[34]\d\d)\s*(?:h|hijriah|hijriyah|hijri)\b")
WORD = re.compile(r"[a-z0-9']+")


@dataclass
class Verdict:
    """What the rule decides about one evidence entry."""

    status: str
    reasons: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """The verdict in one Indonesian sentence, as participants and asesor read it."""
        if self.status == REFUSED:
            return "✘ Belum memenuhi aturan: " + "; ".join(self.reasons) + "."
        seen = (f"jenis: {', '.join(self.kinds)}; " if self.kinds else "") + \
            f"waktu: {', '.join(self.when)}"
        if self.status == FLAGGED:
            return (f"⚑ Tanda untuk asesor (poin tidak berkurang): {'; '.join(self.reasons)} "
                    f"({seen}).")
        return f"✔ Memenuhi aturan ({seen})."


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


@functools.cache
def _index(vocabulary: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Entries by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for entry in vocabulary:
        words = tuple(entry.split())
        index.setdefault(words[0], []).append(words)
    for entries in index.values():
        entries.sort(key=len, reverse=True)
    return index


def _found(tokens: list[str], vocabulary: tuple[str, ...]) -> list[str]:
    """Entries of ``vocabulary`` present as whole words or phrases, in the order they
    appear, the longest at each place (one pass: a very long entry stays cheap)."""
    index, found, i = _index(vocabulary), {}, 0
    while i < len(tokens):
        match = next((words for words in index.get(tokens[i], ())
                      if tuple(tokens[i:i + len(words)]) == words), None)
        if match:
            found.setdefault(" ".join(match), i)
            i += len(match)
        else:
            i += 1
    return list(found)


def years(text: str) -> list[str]:
    """The years an entry names: Gregorian (1950–2099, or 20yy in a date 12/03/25) and Hijri
    (13xx/14xx followed by H or Hijriah, or after a Hijri month: Ramadan 1446)."""
    lowered = text.lower()
    hijri = {m.group(1) for m in HIJRI_YEAR.finditer(lowered)}
    tokens = _tokens(lowered)
    hijri |= {year for month, year in itertools.pairwise(tokens)
              if month in HIJRI_MONTHS and re.fullmatch(r"1[34]\d\d", year)}
    gregorian = [m.group(1) for m in GREGORIAN_YEAR.finditer(lowered)]
    gregorian += [f"20{m.group(1)}" for m in SHORT_DATE.finditer(lowered)]
    return list(dict.fromkeys(gregorian + [f"{year} H" for year in sorted(hijri)]))


def judge(text: object, tanggal_asesmen: object = None) -> Verdict:
    """The rule's verdict on one evidence entry (``tanggal_asesmen``: a year after it is
    flagged)."""
    text = "" if text is None or (not isinstance(text, str) and pd.isna(text)) else str(text)
    tokens = _tokens(text)
    when = years(text)
    months = [t for t in tokens if t in MONTHS]
    time_words = set(MONTHS) | set(HIJRI_MONTHS) | {"h", "hijriah", "hijriyah", "hijri"}
    content = [t for t in tokens if t not in FILLER and t not in time_words and not t.isdigit()]
    kinds = _found(tokens, KINDS)
    generic = _found(tokens, GENERIC)
    reasons = []
    if not text.strip() or not content:
        reasons.append("kosong" if not text.strip() else
                       "tidak menyebut jenis dokumen atau kegiatan")
    elif not kinds and generic and (len(content) < 2
                                    or all(t in _MEDIA_WORDS for t in content)):
        example = ("foto peresmian pasar Bukit Pandan" if generic[0] in MEDIA
                   else "kegiatan sosialisasi pajak daerah")
        reasons.append(f"hanya menyebut {' dan '.join(generic)}, belum menyebut dokumen atau "
                       f"kegiatan apa (misalnya '{example}')")
    if text.strip() and not when:
        reasons.append("tidak menyebut kapan: menyebut bulan tetapi belum tahunnya" if months
                       else "tidak menyebut kapan (tahun, atau bulan dan tahun)")
    if reasons:
        return Verdict(REFUSED, reasons, kinds or generic, when)
    flags = []
    if not kinds and not generic:
        flags.append("jenis dokumen atau kegiatannya tidak dikenali pemeriksa otomatis")
    assessed = _year_of(tanggal_asesmen)
    later = [y for y in when if y.isdigit() and assessed and int(y) > assessed]
    if later:
        flags.append(f"tahun {', '.join(later)} sesudah tahun asesmen ({assessed})")
    return Verdict(FLAGGED if flags else ACCEPTED, flags, kinds or generic, when)


def excerpt(text: object, limit: int = 300) -> str:
    """An evidence text short enough to show back in a table or a message."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[:limit].rstrip() + " … (dipotong)"


def _year_of(value: object) -> int | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    match = re.match(r"\s*(\d{4})-\d{2}-\d{2}", str(value or ""))
    return int(match.group(1)) if match else None


def _key(text: str) -> str:
    return " ".join(_tokens(text))


def review(jawaban: pd.DataFrame, tanggal_asesmen: object = None) -> pd.DataFrame:
    """One row per element claimed K: its evidence, the rule's status, and the reasons
    (refusals, or flags for the asesor, including evidence cited in more than one unit;
    real portfolios map one document to several units, so that is a flag, not a fault)."""
    from humaskit.skkni.apl02 import normalise

    table = normalise(jawaban)
    claimed = table[table["klaim"] == "K"]
    keys = claimed["bukti"].map(_key)
    units = claimed.groupby(keys)["kode_unit"].unique()
    rows = []
    for (_, row), key in zip(claimed.iterrows(), keys):
        verdict = judge(row["bukti"], tanggal_asesmen)
        others = [u for u in units.get(key, []) if u != row["kode_unit"]] if key else []
        if others and verdict.status != REFUSED:
            verdict.status = FLAGGED
            verdict.reasons.append(f"bukti yang sama juga dipakai di unit {', '.join(others)}")
        rows.append({"kode_unit": row["kode_unit"], "no_elemen": row["no_elemen"],
                     "bukti": row["bukti"], "status": verdict.status,
                     "alasan": "; ".join(verdict.reasons), "putusan": verdict.describe()})
    return pd.DataFrame(rows, columns=["kode_unit", "no_elemen", "bukti", "status", "alasan",
                                       "putusan"])


def unit_notes(jawaban: pd.DataFrame, tanggal_asesmen: object = None) -> dict[str, str]:
    """Per unit, the flags and refusals for the asesor in one line ('' when there are none)."""
    found = review(jawaban, tanggal_asesmen)
    notes: dict[str, list[str]] = {}
    for row in found[found["status"] != ACCEPTED].itertuples():
        number = int(row.no_elemen) if pd.notna(row.no_elemen) else "?"
        mark = "⚑" if row.status == FLAGGED else "✘"
        notes.setdefault(row.kode_unit, []).append(f"{mark} elemen {number}: {row.alasan}")
    return {unit: " | ".join(items) for unit, items in notes.items()}
