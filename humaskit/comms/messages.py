"""Review a draft message against the 5C of government PR, with explainable heuristics.

The 5C (Credibility, Context, Clarity, Continuity, Channel) come from Freddy H. Tulung's
slides *Peran dan Fungsi Strategis Humas Pemerintah*. This module is a teaching aid, not a
judge: each criterion gets 0, 1 or 2 points from simple signals a participant can see in
the text (a named source, an audience, sentence length, a follow-up schedule, a contact),
and every score comes with the reason and a suggestion. A human reviewer decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from humaskit.region import DISTRICTS


@dataclass(frozen=True)
class Channel:
    """A channel and the length this tool accepts for it (a rule of thumb, not a platform rule)."""

    min_words: int
    max_chars: int
    format: str


CHANNELS = {
    "Siaran pers": Channel(120, 6000, "siaran pers untuk media (judul, teras berita, kutipan)"),
    "Situs web": Channel(80, 8000, "berita di situs web pemda"),
    "Facebook": Channel(10, 1500, "unggahan Facebook"),
    "Instagram": Channel(10, 2200, "keterangan (caption) Instagram"),
    "X": Channel(5, 280, "unggahan X (paling banyak 280 karakter)"),
    "TikTok": Channel(5, 300, "keterangan video pendek"),
    "WhatsApp": Channel(10, 700, "pesan siaran WhatsApp yang terbaca tanpa digulir"),
}

MEANING = {  # from Tulung, "Peran Strategis Humas Pemerintah (1) and (2)"
    "Credibility": "menjadi sumber informasi yang dipercaya media atau publik",
    "Context": "isi informasi sesuai dengan karakteristik khalayak sasaran dan media",
    "Clarity": "informasi disampaikan dengan bahasa yang mudah dimengerti publik dan media",
    "Continuity": "layanan informasi publik diberikan terus-menerus",
    "Channel": "memakai berbagai saluran yang mudah diakses publik atau media",
}

_SOURCE = re.compile(r"[\"“”]|\b(kata|ujar|tutur|jelas|menurut|mengatakan|menegaskan|"
                     r"menjelaskan|menyampaikan|disampaikan|sumber)\b", re.IGNORECASE)
_OFFICIAL = re.compile(r"\b(dinas|badan|bupati|wakil bupati|sekretaris daerah|sekda|pemkab|"
                       r"pemerintah kabupaten|rsud|kepala|camat|kabag|bagian)\b", re.IGNORECASE)
_DATA = re.compile(r"\d")
_AUDIENCE = re.compile(r"\b(warga|masyarakat|orang tua|pelajar|siswa|mahasiswa|petani|nelayan|"
                       r"pelaku usaha|umkm|lansia|ibu hamil|balita|pengendara|pemudik|penerima|"
                       r"wisatawan|asn|pegawai|pemuda|guru|pasien|pedagang|keluarga)\b",
                       re.IGNORECASE)
_PLACE = re.compile(r"\b(kecamatan|desa|kelurahan|balai|gedung|lapangan|alun-alun|kantor|"
                    + "|".join(re.escape(d.lower()) for d in DISTRICTS) + r")\b", re.IGNORECASE)
_TIME = re.compile(r"\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|pukul|wib|januari|februari|"
                   r"maret|april|mei|juni|juli|agustus|september|oktober|november|desember)\b|"
                   r"\d{1,2}[/-]\d{1,2}", re.IGNORECASE)
_SCHEDULE = re.compile(r"\bsetiap (hari|pekan|minggu|bulan|senin|selasa|rabu|kamis|jumat|sabtu)"
                       r"|\b(pekan|minggu|bulan) depan\b|\btahap (berikutnya|selanjutnya|kedua)\b"
                       r"|\bakan (kami )?(sampaikan|umumkan|perbarui|laporkan|informasikan) "
                       r"(pada|setiap|tanggal|hari)\b", re.IGNORECASE)
_PROMISE = re.compile(r"\binformasi (lebih lanjut|selanjutnya|terbaru)\b|\bpantau\b|"
                      r"\bikuti (terus|perkembangan)\b|\bpembaruan\b|\bselanjutnya\b|"
                      r"\bakan (kami )?(sampaikan|umumkan|perbarui|informasikan)\b",
                      re.IGNORECASE)
_CONTACT = re.compile(r"https?://|www\.|\.go\.id|@\w+|\b0\d{2,3}[- ]?\d{3,}|\bcall cent(er|re)\b|"
                      r"\bwhatsapp\b|\blapor\b|\bloket\b|\bhubungi\b|\bsp4n\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
#: Abbreviations every reader knows; never counted as unexplained.
COMMON_ACRONYMS = {"WIB", "WITA", "WIT", "LAPOR", "KTP", "NIK", "RT", "RW"}


def sentences(text: str) -> list[str]:
    """The sentences of a text (split after . ! ? or a line break)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text)


def unexplained_acronyms(text: str) -> list[str]:
    """All-capital words of 3+ letters never written next to a bracket, e.g. ``BPBD (...)``."""
    found = []
    for acronym in dict.fromkeys(_ACRONYM.findall(text)):
        if acronym not in COMMON_ACRONYMS and not re.search(rf"\b{acronym}\s*\(|\(\s*{acronym}\s*\)", text):
            found.append(acronym)
    return found


def _level(hits: int, full: int) -> int:
    return 2 if hits >= full else 1 if hits else 0


def _credibility(text: str) -> tuple[int, str, str]:
    signals = {"sumber atau kutipan": _SOURCE.search(text), "lembaga/pejabat resmi":
               _OFFICIAL.search(text), "data atau angka": _DATA.search(text)}
    present = [name for name, hit in signals.items() if hit]
    missing = [name for name, hit in signals.items() if not hit]
    reason = ("ada " + ", ".join(present)) if present else "tidak ada sumber, lembaga, atau data"
    return _level(len(present), 2), reason, (
        "Sebutkan " + " dan ".join(missing) + "." if missing else "Pertahankan.")


def _context(text: str) -> tuple[int, str, str]:
    audience = _AUDIENCE.search(text)
    where_when = _PLACE.search(text) or _TIME.search(text)
    parts = []
    if audience:
        parts.append(f"menyapa khalayak ('{audience.group(0)}')")
    if where_when:
        parts.append("menyebut tempat atau waktu")
    reason = "; ".join(parts) or "khalayak sasaran, tempat dan waktu tidak disebut"
    advice = ("Pertahankan." if audience and where_when else
              "Sebutkan untuk siapa pesan ini (warga, petani, orang tua, ...)." if not audience
              else "Sebutkan di mana dan kapan (kecamatan, hari, tanggal, pukul).")
    return _level(bool(audience) + bool(where_when), 2), reason, advice


def _clarity(text: str) -> tuple[int, str, str]:
    lengths = [len(words(s)) for s in sentences(text)]
    average = sum(lengths) / len(lengths)
    longest = max(lengths)
    acronyms = unexplained_acronyms(text)
    score = 2 if average <= 20 and longest <= 30 and len(acronyms) <= 1 else 0 if average > 30 else 1
    reason = f"rata-rata {average:.0f} kata per kalimat, kalimat terpanjang {longest} kata"
    if acronyms:
        reason += "; singkatan tanpa kepanjangan: " + ", ".join(acronyms)
    advice = "Pertahankan." if score == 2 else (
        "Pecah kalimat panjang (sasaran ≤ 20 kata per kalimat) dan tulis kepanjangan "
        "singkatan saat pertama muncul.")
    return score, reason, advice


def _continuity(text: str, follow_up: str | None) -> tuple[int, str, str]:
    if follow_up or _SCHEDULE.search(text):
        return 2, "ada jadwal tindak lanjut atau pembaruan berkala", "Pertahankan, dan tepati jadwalnya."
    if _PROMISE.search(text):
        return 1, "menjanjikan informasi lanjutan tanpa jadwal", (
            "Sebutkan kapan pembaruan berikutnya (mis. 'setiap Senin' atau tanggalnya).")
    return 0, "tidak ada tindak lanjut", (
        "Tambahkan kapan dan di mana publik mendapat informasi berikutnya.")


def _channel(text: str, channel: str) -> tuple[int, str, str]:
    rule = CHANNELS[channel]
    n_words, n_chars = len(words(text)), len(text)
    fits = n_words >= rule.min_words and n_chars <= rule.max_chars
    contact = _CONTACT.search(text)
    fit_text = (f"panjang {n_chars} karakter / {n_words} kata "
                f"{'sesuai' if fits else 'tidak sesuai'} untuk {rule.format}")
    reason = fit_text + ("; ada kontak/tautan" if contact else "; tidak ada kontak/tautan")
    advice = []
    if not fits:
        advice.append(f"Sesuaikan panjang: {channel} paling sedikit {rule.min_words} kata "
                      f"dan paling banyak {rule.max_chars} karakter.")
    if not contact:
        advice.append("Cantumkan saluran yang mudah diakses (tautan, nomor call center, "
                      "akun resmi, SP4N-LAPOR!).")
    return _level(fits + bool(contact), 2), reason, " ".join(advice) or "Pertahankan."


def review(text: str, channel: str = "Siaran pers", follow_up: str | None = None) -> pd.DataFrame:
    """Score ``text`` on the 5C for ``channel``: one row per C with skor (0-2), alasan, saran.

    ``follow_up`` is the planned follow-up (e.g. "pembaruan setiap Senin"), if the writer
    has one outside the text; it counts for Continuity.
    """
    if not isinstance(text, str) or not words(text):
        raise ValueError("Teks pesan masih kosong. Tulis atau tempel draf pesan terlebih dahulu.")
    if channel not in CHANNELS:
        raise ValueError(f"Kanal '{channel}' tidak dikenal. Pilihan: {', '.join(CHANNELS)}.")
    results = {
        "Credibility": _credibility(text), "Context": _context(text),
        "Clarity": _clarity(text), "Continuity": _continuity(text, follow_up),
        "Channel": _channel(text, channel),
    }
    return pd.DataFrame(
        [{"kriteria": c, "arti": MEANING[c], "skor": s, "alasan": r, "saran": a}
         for c, (s, r, a) in results.items()]
    )


def total(table: pd.DataFrame) -> int:
    """Sum of the 5C scores (0-10)."""
    return int(table["skor"].sum())


def verdict(points: int) -> str:
    """A one-line Indonesian reading of a 0-10 total."""
    if points >= 8:
        return "Kuat: siap ditinjau pimpinan."
    if points >= 5:
        return "Cukup: perbaiki kriteria yang skornya 0 atau 1."
    return "Lemah: tulis ulang dengan memperhatikan saran di tiap kriteria."


DRAFTS = {
    "Draf A: pengumuman singkat (lemah)": (
        "Diberitahukan kepada seluruh pihak terkait bahwa sehubungan dengan adanya kegiatan "
        "pemeliharaan sistem SIAK maka layanan untuk sementara tidak dapat dilaksanakan "
        "sebagaimana mestinya sampai dengan waktu yang akan ditentukan kemudian dan mohon "
        "dimaklumi atas ketidaknyamanannya."
    ),
    "Draf B: siaran pers vaksinasi (kuat)": (
        "Dinas Kesehatan Kabupaten Muara Seruni membuka layanan imunisasi anak gratis di "
        "12 puskesmas mulai Senin, 3 Maret 2025, pukul 08.00 sampai 14.00 WIB. Orang tua cukup "
        "membawa buku Kesehatan Ibu dan Anak (KIA) dan kartu keluarga.\n"
        "\"Imunisasi lengkap melindungi anak dari campak dan polio. Kami mengajak orang tua di "
        "semua kecamatan datang lebih awal,\" kata Kepala Dinas Kesehatan.\n"
        "Tahun lalu cakupan imunisasi dasar lengkap baru 81 persen. Targetnya tahun ini 95 "
        "persen. Jadwal tiap puskesmas ada di www.muaraseruni.go.id dan dapat ditanyakan ke "
        "call center 0812-3456-7890.\n"
        "Perkembangan cakupan akan kami sampaikan setiap Senin di akun resmi @dinkesmuaraseruni "
        "sampai layanan berakhir pada 31 Maret 2025. Warga dapat menyampaikan pertanyaan atau "
        "keluhan tentang layanan ini lewat SP4N-LAPOR! maupun langsung di loket puskesmas "
        "terdekat. Petugas akan mencatat setiap masukan dan menjawabnya paling lambat satu hari "
        "kerja. Daftar puskesmas, kuota harian, dan syarat bagi anak yang tertinggal jadwal "
        "imunisasinya juga tersedia di situs web yang sama, lengkap dengan peta lokasi dan nomor "
        "telepon setiap puskesmas."
    ),
    "Draf C: unggahan X tentang jalan rusak": (
        "Perbaikan jalan Sungai Lintang–Bukit Pandan dimulai Senin, 10 November. Pengendara "
        "diimbau lewat jalur Lubuk Jati. Info: @pupr_muaraseruni"
    ),
}
