"""A before / during / after content plan for one activity, per channel.

Follows the practice described by Diskominfotik DKI Jakarta to Humas Kebumen (2019):
social media packages every activity *pra pelaksanaan, saat pelaksanaan, pasca kegiatan*.
:func:`content_plan` turns an activity, a date and chosen channels into a dated table;
:func:`save_plan` writes it as CSV for the participant's working folder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
SOCIAL = ("Instagram", "Facebook", "X", "TikTok", "YouTube", "WhatsApp")

#: Channel -> what a post looks like there.
FORMATS = {
    "Instagram": "feed/carousel, story, reels",
    "Facebook": "unggahan dengan foto atau album",
    "X": "unggahan singkat atau utas",
    "TikTok": "video pendek vertikal (15-60 detik)",
    "YouTube": "siaran langsung atau video dokumentasi",
    "WhatsApp": "pesan siaran ke grup RT/RW, kader, dan komunitas",
    "Situs web": "berita di situs web pemda",
    "Media massa": "siaran pers atau undangan liputan untuk wartawan",
}


@dataclass(frozen=True)
class Step:
    fase: str
    offset_days: int
    langkah: str
    isi: str
    channels: tuple[str, ...]


STEPS = (
    Step("sebelum", -7, "Pengumuman awal",
         "Apa, kapan, di mana, dan untuk siapa {kegiatan}; syarat yang perlu disiapkan.",
         (*SOCIAL, "Situs web", "Media massa")),
    Step("sebelum", -3, "Ajakan dan infografis",
         "Infografis manfaat {kegiatan} dan ajakan ikut serta; jawab pertanyaan di komentar.",
         ("Instagram", "Facebook", "X", "TikTok", "WhatsApp")),
    Step("sebelum", -1, "Pengingat dan undangan liputan",
         "Pengingat H-1: jam, lokasi, kontak panitia; undangan liputan {kegiatan} untuk media.",
         ("Instagram", "Facebook", "X", "WhatsApp", "Media massa")),
    Step("saat", 0, "Liputan langsung",
         "Foto/video suasana {kegiatan}, kutipan pimpinan, jumlah peserta saat itu.",
         ("Instagram", "Facebook", "X", "TikTok", "YouTube")),
    Step("sesudah", 1, "Berita dan galeri foto",
         "Siaran pers hasil {kegiatan} dengan kutipan dan galeri foto.",
         ("Instagram", "Facebook", "Situs web", "Media massa")),
    Step("sesudah", 3, "Angka capaian",
         "Infografis capaian {kegiatan}: peserta, layanan yang diberikan, manfaat.",
         ("Instagram", "Facebook", "X", "TikTok", "WhatsApp")),
    Step("sesudah", 7, "Tindak lanjut",
         "Langkah berikutnya setelah {kegiatan}, testimoni warga, tanggapan atas masukan.",
         ("Instagram", "Facebook", "YouTube", "WhatsApp", "Situs web")),
)

COLUMNS = ["tanggal", "hari", "fase", "langkah", "kanal", "format", "isi_konten",
           "penanggung_jawab"]


def _date(value) -> pd.Timestamp:
    try:
        return pd.Timestamp(value).normalize()
    except (ValueError, TypeError):
        raise ValueError(
            f"Tanggal '{value}' tidak dikenali. Tulis seperti 2025-03-10 (tahun-bulan-hari)."
        ) from None


def content_plan(kegiatan: str, tanggal, kanal: Sequence[str],
                 penanggung_jawab: str = "Humas OPD") -> pd.DataFrame:
    """Dated posts before, during and after ``kegiatan`` held on ``tanggal``, for each channel.

    A step appears only for the channels it suits (e.g. live coverage is not sent to
    newspapers). Sorted by date, then by the order of ``kanal``.
    """
    if not isinstance(kegiatan, str) or not kegiatan.strip():
        raise ValueError("Nama kegiatan masih kosong. Tulis nama kegiatannya dulu.")
    chosen = list(dict.fromkeys(kanal))
    if not chosen:
        raise ValueError("Pilih paling sedikit satu kanal.")
    unknown = [c for c in chosen if c not in FORMATS]
    if unknown:
        raise ValueError(f"Kanal {', '.join(unknown)} tidak dikenal. Pilihan: "
                         f"{', '.join(FORMATS)}.")
    day = _date(tanggal)
    rows = []
    for step in STEPS:
        for channel in chosen:
            if channel not in step.channels:
                continue
            when = day + pd.Timedelta(days=step.offset_days)
            rows.append({
                "tanggal": when.date(), "hari": WEEKDAYS[when.weekday()], "fase": step.fase,
                "langkah": step.langkah, "kanal": channel, "format": FORMATS[channel],
                "isi_konten": step.isi.format(kegiatan=kegiatan.strip()),
                "penanggung_jawab": penanggung_jawab,
            })
    return pd.DataFrame(rows, columns=COLUMNS)


def summary(plan: pd.DataFrame) -> pd.DataFrame:
    """Number of posts per phase and channel (phases in before / during / after order)."""
    table = pd.crosstab(plan["fase"], plan["kanal"])
    return table.reindex([f for f in ("sebelum", "saat", "sesudah") if f in table.index])


def file_name(kegiatan: str) -> str:
    """A safe CSV file name for the plan of ``kegiatan``."""
    slug = re.sub(r"[^a-z0-9]+", "_", kegiatan.lower()).strip("_") or "kegiatan"
    return f"rencana_konten_{slug[:40]}.csv"


def save_plan(plan: pd.DataFrame, kegiatan: str, folder: str | Path = ".") -> Path:
    """Write the plan as CSV (UTF-8 with BOM so Excel shows accents) and return its path."""
    path = Path(folder) / file_name(kegiatan)
    plan.to_csv(path, index=False, encoding="utf-8-sig")
    return path
