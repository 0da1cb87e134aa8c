"""Generate the synthetic Day 3 datasets: OPD social-media posts and public complaints.

Usage: python datasets/generate/komunikasi_publik.py [OUT_DIR]   (default: the datasets folder)

Writes ``posting_medsos.csv`` and ``pengaduan.csv`` for the fictional Kabupaten Muara Seruni,
calendar year 2025, byte-identical on every run (fixed seed). Built-in patterns for the
KPI dashboard to reveal: August is a spike month (HUT RI and the regency's anniversary),
a flood in November brings negative comments and a wave of complaints, short-video
platforms reach further, PUPR and DISHUB answer complaints slowly, DISDUKCAPIL fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

from humaskit.region import DISTRICTS

SEED = 20250317
YEAR = 2025
OUT_DIR = Path(__file__).resolve().parent.parent

POST_OPD = {  # OPD -> (themes, reach factor, routine posts per week)
    "SETDA-HUMAS": (["Pemerintahan", "Pembangunan"], 1.6, 3.0),
    "DISKOMINFO": (["Pelayanan publik", "Pemerintahan"], 1.0, 2.0),
    "DINKES": (["Kesehatan"], 1.1, 1.5),
    "DISDIK": (["Pendidikan"], 0.9, 1.0),
    "PUPR": (["Infrastruktur"], 0.8, 0.8),
    "DISDUKCAPIL": (["Pelayanan publik"], 1.2, 1.2),
    "BPBD": (["Kebencanaan"], 0.9, 0.6),
    "DISPAR": (["Pariwisata dan budaya"], 1.3, 1.0),
    "DINSOS": (["Bantuan sosial"], 0.8, 0.6),
    "DISTAN": (["Pertanian"], 0.7, 0.6),
}
PLATFORMS = {  # platform -> (base reach, engagement rate, share of posts)
    "Facebook": (2200, 0.030, 0.32),
    "Instagram": (1600, 0.055, 0.30),
    "X": (450, 0.015, 0.12),
    "TikTok": (3800, 0.070, 0.16),
    "YouTube": (700, 0.025, 0.10),
}
PHASE_REACH = {"sebelum": 0.9, "saat": 1.5, "sesudah": 1.15, "rutin": 0.7}
SPIKE_MONTH, FLOOD_MONTH = 8, 11

COMPLAINT_CATEGORIES = {  # kategori -> (OPD it goes to, share)
    "Jalan dan jembatan": ("PUPR", 0.18),
    "Administrasi kependudukan": ("DISDUKCAPIL", 0.17),
    "Layanan kesehatan": ("DINKES", 0.12),
    "Layanan RSUD": ("RSUD", 0.08),
    "Pendidikan": ("DISDIK", 0.10),
    "Bantuan sosial": ("DINSOS", 0.11),
    "Sampah dan lingkungan": ("DLH", 0.09),
    "Transportasi dan parkir": ("DISHUB", 0.07),
    "Perizinan": ("DPMPTSP", 0.05),
    "Informasi publik": ("DISKOMINFO", 0.03),
}
CHANNELS = {  # kanal -> (share, response speed factor)
    "SP4N-LAPOR!": (0.24, 1.3),
    "WhatsApp": (0.30, 0.8),
    "Call center": (0.14, 0.6),
    "Datang langsung": (0.14, 0.3),
    "Media sosial": (0.18, 0.9),
}
RESPONSE_MEDIAN_HOURS = {"PUPR": 110, "DISHUB": 80, "DLH": 40, "DINSOS": 36, "DISDIK": 28,
                         "RSUD": 20, "DINKES": 14, "DPMPTSP": 12, "DISKOMINFO": 8,
                         "DISDUKCAPIL": 5}
RESOLVE_MEDIAN_DAYS = {"PUPR": 21, "DISHUB": 12, "DLH": 8, "DINSOS": 10, "DISDIK": 6,
                       "RSUD": 4, "DINKES": 4, "DPMPTSP": 5, "DISKOMINFO": 2, "DISDUKCAPIL": 2}


def _events(rng: np.random.Generator) -> list[tuple[str, pd.Timestamp]]:
    """Activities (OPD, day) each announced before, covered during and reported after."""
    events = []
    for opd in POST_OPD:
        for month in rng.choice(np.arange(1, 13), size=3, replace=False):
            events.append((opd, pd.Timestamp(YEAR, int(month), int(rng.integers(5, 25)))))
    events += [("SETDA-HUMAS", pd.Timestamp(YEAR, 8, 17)), ("DISPAR", pd.Timestamp(YEAR, 8, 23)),
               ("SETDA-HUMAS", pd.Timestamp(YEAR, 8, 28)), ("BPBD", pd.Timestamp(YEAR, 11, 12)),
               ("DINSOS", pd.Timestamp(YEAR, 11, 15))]
    return events


def _post_rows(rng: np.random.Generator) -> list[tuple[pd.Timestamp, str, str]]:
    """(day, OPD, phase) of every post before platforms and numbers are drawn."""
    rows = []
    days = pd.date_range(f"{YEAR}-01-01", f"{YEAR}-12-31", freq="D")
    for opd, (_, _, per_week) in POST_OPD.items():
        for day in days:
            rate = per_week / 7 * (1.8 if day.month == SPIKE_MONTH else 1.0)
            if opd in ("BPBD", "PUPR", "DINSOS") and day.month == FLOOD_MONTH:
                rate *= 3
            rows += [(day, opd, "rutin")] * int(rng.poisson(rate))
    for opd, day in _events(rng):
        for phase, offsets in (("sebelum", (-7, -3, -1)), ("saat", (0, 0)),
                               ("sesudah", (1, 3))):
            for offset in offsets:
                if rng.random() < 0.85:
                    rows.append((day + pd.Timedelta(days=offset), opd, phase))
    return [r for r in rows if r[0].year == YEAR]


def _sentiment(rng: np.random.Generator, theme: str, month: int) -> str:
    probs = {"positif": 0.55, "netral": 0.33, "negatif": 0.12}
    if theme in ("Infrastruktur", "Bantuan sosial"):
        probs = {"positif": 0.35, "netral": 0.35, "negatif": 0.30}
    if month == FLOOD_MONTH and theme in ("Kebencanaan", "Infrastruktur", "Bantuan sosial"):
        probs = {"positif": 0.20, "netral": 0.30, "negatif": 0.50}
    return str(rng.choice(list(probs), p=list(probs.values())))


def posts(rng: np.random.Generator) -> pd.DataFrame:
    rows = sorted(_post_rows(rng), key=lambda r: (r[0], r[1], r[2]))
    names = list(PLATFORMS)
    shares = np.array([p[2] for p in PLATFORMS.values()])
    records = []
    for i, (day, opd, phase) in enumerate(rows, 1):
        themes, opd_factor, _ = POST_OPD[opd]
        theme = str(rng.choice(themes))
        platform = str(rng.choice(names, p=shares / shares.sum()))
        base, rate, _ = PLATFORMS[platform]
        growth = 1 + 0.04 * (day.month - 1) if platform in ("Instagram", "TikTok") else 1.0
        boost = 2.0 if day.month == SPIKE_MONTH else 1.0
        if day.month == FLOOD_MONTH and opd in ("BPBD", "PUPR", "DINSOS"):
            boost = 2.5
        reach = base * opd_factor * PHASE_REACH[phase] * growth * boost * rng.lognormal(0, 0.45)
        reach = max(30, round(reach))
        interactions = int(rng.binomial(reach, min(0.5, rate * rng.lognormal(0, 0.35))))
        records.append({
            "id": f"P{i:04d}", "tanggal": day.strftime("%Y-%m-%d"), "opd": opd,
            "platform": platform, "tema": theme, "fase": phase, "jangkauan": reach,
            "interaksi": interactions, "sentimen": _sentiment(rng, theme, day.month),
        })
    return pd.DataFrame(records)


def _stamp(value: pd.Timestamp | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")


def complaints(rng: np.random.Generator) -> pd.DataFrame:
    categories = list(COMPLAINT_CATEGORIES)
    cat_p = np.array([c[1] for c in COMPLAINT_CATEGORIES.values()])
    channels = list(CHANNELS)
    chan_p = np.array([c[0] for c in CHANNELS.values()])
    end_of_data = pd.Timestamp(YEAR, 12, 31, 23, 59)
    arrivals = []
    for month in range(1, 13):
        count = int(rng.poisson(70 if month != FLOOD_MONTH else 190))
        first = pd.Timestamp(YEAR, month, 1)
        span_minutes = int((first + pd.offsets.MonthBegin(1) - first).total_seconds() // 60)
        for minute in sorted(rng.integers(0, span_minutes, size=count)):
            arrivals.append((first + pd.Timedelta(minutes=int(minute)), month))
    records = []
    for i, (received, month) in enumerate(arrivals, 1):
        p = cat_p.copy()
        if month == FLOOD_MONTH:
            p[categories.index("Jalan dan jembatan")] *= 3
            p[categories.index("Bantuan sosial")] *= 2.5
        category = str(rng.choice(categories, p=p / p.sum()))
        opd = COMPLAINT_CATEGORIES[category][0]
        channel = str(rng.choice(channels, p=chan_p / chan_p.sum()))
        load = 1.6 if month == FLOOD_MONTH else 1.0
        hours = RESPONSE_MEDIAN_HOURS[opd] * CHANNELS[channel][1] * load * rng.lognormal(0, 0.7)
        responded = received + pd.Timedelta(minutes=int(max(10, hours * 60)))
        if rng.random() < 0.04 or responded > end_of_data:
            responded = None
        resolved = None
        if responded is not None:
            days = RESOLVE_MEDIAN_DAYS[opd] * load * rng.lognormal(0, 0.6)
            resolved = responded + pd.Timedelta(minutes=int(days * 24 * 60))
            if resolved > end_of_data or rng.random() < 0.05:
                resolved = None
        status = ("belum ditanggapi" if responded is None
                  else "selesai" if resolved is not None else "diproses")
        records.append({
            "id": f"A{i:04d}", "tanggal_masuk": _stamp(received), "kanal": channel,
            "opd_tujuan": opd, "kategori": category,
            "kecamatan": str(rng.choice(DISTRICTS)), "status": status,
            "tanggal_tanggapan": _stamp(responded), "tanggal_selesai": _stamp(resolved),
        })
    return pd.DataFrame(records)


def main(out_dir: Path = OUT_DIR) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    posts(rng).to_csv(out_dir / "posting_medsos.csv", index=False, lineterminator="\n")
    complaints(rng).to_csv(out_dir / "pengaduan.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR)
