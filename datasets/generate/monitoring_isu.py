"""Generate the synthetic issue-management datasets (Day 2 and the *Pemetaan Isu* exercise).

Usage: python datasets/generate/monitoring_isu.py [OUT_DIR]   (default: the datasets folder)

Writes, byte-identical on every run (fixed seed), for the fictional Kabupaten Muara Seruni,
January–June 2025:

- ``monitoring_isu.csv``: clean media-monitoring clips (the ground truth);
- ``monitoring_isu_mentah.csv``: the same clips as a raw export with planted dirt
  (topic case and spelling variants, exact duplicate clips, extra clips whose date is
  missing or unreadable, stray spaces in ``sentimen``, ``sumber_nama`` and ``opd_terkait``);
  cleaning it with ``humaskit.issues.monitoring.clean`` gives back ``monitoring_isu.csv``;
- ``pemangku_kepentingan.csv``: invented stakeholder groups with power and interest scores.

Nine issues follow different life cycles (flooding fades after the rainy season, PPDB
peaks in June, fertiliser prices are just starting), chosen so that every priority
category and every Hainsworth stage occurs.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pandas as pd

from humaskit.region import DISTRICTS, MEDIA, PARENT_REGENCY, REGENCY

SEED = 20250701
YEAR = 2025
OUT_DIR = Path(__file__).resolve().parent.parent

# topic -> (clips per month Jan..Jun, share negative, OPD weights, reach factor)
ISSUES = {
    "banjir": ((30, 34, 22, 12, 7, 3), 0.55, {"PUPR": 5, "BPBD": 3, "DLH": 2}, 1.6),
    "jalan rusak": ((12, 14, 15, 17, 18, 18), 0.71, {"PUPR": 7, "DISHUB": 3}, 1.0),
    "antrean rsud": ((4, 5, 7, 10, 14, 21), 0.66, {"RSUD": 3, "DINKES": 1}, 1.4),
    "ppdb zonasi": ((0, 0, 2, 6, 14, 30), 0.63, {"DISDIK": 1}, 1.6),
    "ktp-el": ((6, 7, 6, 8, 9, 12), 0.50, {"DISDUKCAPIL": 1}, 0.9),
    "tapal batas": ((3, 5, 9, 12, 10, 8), 0.45, {"BAPPEDA": 5, "PUPR": 2, "SETDA-HUMAS": 2},
                    1.7),
    "sampah tpa": ((8, 7, 9, 8, 9, 9), 0.50, {"DLH": 1}, 0.4),
    "honorer": ((10, 16, 9, 5, 3, 1), 0.30, {"BKPSDM": 1}, 0.25),
    "harga pupuk": ((0, 0, 0, 2, 4, 7), 0.72, {"DISTAN": 1}, 0.5),
}
SOURCE_MIX = {"berita": 0.35, "media sosial": 0.40, "pengaduan": 0.18, "DPRD": 0.07}
OUTLET_REACH = {"koran": (6_000, 18_000), "daring": (2_000, 30_000), "radio": (8_000, 15_000),
                "televisi": (25_000, 50_000)}
PLATFORMS = ("Facebook", "Instagram", "X", "TikTok", "WhatsApp")
COMPLAINT_CHANNELS = ("Kanal Aduan Seruni Mendengar", "Posko Pengaduan Kecamatan")
DPRD_COMMISSION = {"banjir": "III", "jalan rusak": "III", "antrean rsud": "IV",
                   "ppdb zonasi": "IV", "ktp-el": "I", "tapal batas": "I",
                   "sampah tpa": "III", "honorer": "I", "harga pupuk": "II"}

TEXT = {  # topic -> sentiment -> summaries ({kec} = a district)
    "banjir": {
        "negatif": ["Warga {kec} mengeluhkan genangan setinggi lutut yang tak kunjung surut.",
                    "Drainase di {kec} tersumbat, banjir merendam rumah dan sawah warga."],
        "netral": ["BPBD mencatat ketinggian air di {kec} dan memasang papan peringatan."],
        "positif": ["Normalisasi saluran di {kec} selesai, genangan cepat surut."],
    },
    "jalan rusak": {
        "negatif": ["Ruas jalan kabupaten di {kec} berlubang dan membahayakan pengendara.",
                    "Warga {kec} menanam pisang di jalan rusak sebagai bentuk protes."],
        "netral": ["Dinas PUPR mendata ruas jalan rusak di {kec} untuk perbaikan."],
        "positif": ["Perbaikan jalan poros {kec} mulai dikerjakan, warga menyambut baik."],
    },
    "antrean rsud": {
        "negatif": ["Pasien dari {kec} mengantre sejak subuh untuk berobat di RSUD.",
                    "Keluarga pasien asal {kec} mengeluhkan antrean rawat jalan yang panjang."],
        "netral": ["RSUD menjelaskan jadwal poliklinik bagi pasien dari {kec}."],
        "positif": ["Pendaftaran daring RSUD memangkas waktu tunggu pasien {kec}."],
    },
    "ppdb zonasi": {
        "negatif": ["Orang tua di {kec} kecewa anaknya tidak diterima di sekolah terdekat.",
                    "Sistem zonasi PPDB dinilai merugikan siswa di pinggiran {kec}."],
        "netral": ["Dinas Pendidikan mengumumkan jadwal PPDB untuk wilayah {kec}."],
        "positif": ["Posko bantuan PPDB di {kec} membantu orang tua mendaftar."],
    },
    "ktp-el": {
        "negatif": ["Warga {kec} menunggu berbulan-bulan karena blangko KTP-el habis.",
                    "Perekaman KTP-el di {kec} tertunda karena alat rusak."],
        "netral": ["Disdukcapil membuka layanan jemput bola KTP-el di {kec}."],
        "positif": ["Layanan KTP-el keliling di {kec} dipuji warga lanjut usia."],
    },
    "tapal batas": {
        "negatif": [f"Warga {{kec}} bingung status desanya dalam sengketa dengan {PARENT_REGENCY}.",
                    "Tapal batas di {kec} yang belum tuntas menghambat pelayanan desa."],
        "netral": [f"Rapat fasilitasi batas wilayah {{kec}} dengan {PARENT_REGENCY} digelar."],
        "positif": ["Kesepakatan titik koordinat batas di {kec} disambut tokoh masyarakat."],
    },
    "sampah tpa": {
        "negatif": ["Sampah menumpuk di pasar {kec} karena truk pengangkut terlambat.",
                    "Warga sekitar TPA mengeluhkan bau dan lalat hingga {kec}."],
        "netral": ["DLH menyusun jadwal baru pengangkutan sampah di {kec}."],
        "positif": ["Bank sampah di {kec} berhasil mengurangi sampah rumah tangga."],
    },
    "honorer": {
        "negatif": ["Tenaga honorer di {kec} cemas menunggu kepastian pengangkatan.",
                    "Honor guru honorer di {kec} terlambat dibayar dua bulan."],
        "netral": ["BKPSDM mendata tenaga non-ASN di wilayah {kec}."],
        "positif": ["Honorer asal {kec} lulus seleksi PPPK dan menerima SK."],
    },
    "harga pupuk": {
        "negatif": ["Petani {kec} mengeluhkan harga pupuk di atas harga eceran tertinggi.",
                    "Pupuk bersubsidi langka di kios tani {kec} menjelang musim tanam."],
        "netral": ["Dinas Pertanian memeriksa stok pupuk di kios {kec}."],
        "positif": ["Distribusi pupuk bersubsidi ke {kec} kembali lancar."],
    },
}
DPRD_TEXT = {  # sentiment -> statement of the DPRD commission
    "negatif": "Komisi {kom} DPRD menilai penanganan isu {label} di {kec} lamban.",
    "netral": "Komisi {kom} DPRD meminta penjelasan pemerintah daerah soal {label} di {kec}.",
    "positif": "Komisi {kom} DPRD mengapresiasi langkah penanganan {label} di {kec}.",
}

# Planted dirt of the raw export (documented in monitoring_isu_mentah.md).
N_DUPLICATES = 24
N_BAD_DATES = 14
BAD_DATES = ("", "tidak diketahui", "-", "2025-02-30", "2025-04-31", "belum diisi")
TOPIC_VARIANTS = {  # topic -> spelling variants (any case may follow)
    "ktp-el": ("e-ktp", "ktp el", "ktp elektronik"),
    "antrean rsud": ("antrian rsud", "rsud antre"),
    "sampah tpa": ("tpa sampah",),
    "ppdb zonasi": ("ppdb",),
    "tapal batas": ("tapal batas wilayah",),
    "harga pupuk": ("pupuk mahal",),
}
SPACED_COLUMNS = ("sentimen", "sumber_nama", "opd_terkait")

STAKEHOLDERS = [  # nama, jenis, kekuasaan, kepentingan, isu_terkait
    ("Komisi I DPRD Kabupaten Muara Seruni", "legislatif", 5, 4,
     "ktp-el; tapal batas; honorer"),
    ("Komisi II DPRD Kabupaten Muara Seruni", "legislatif", 4, 3, "harga pupuk"),
    ("Komisi III DPRD Kabupaten Muara Seruni", "legislatif", 5, 4,
     "banjir; jalan rusak; sampah tpa"),
    ("Komisi IV DPRD Kabupaten Muara Seruni", "legislatif", 5, 3, "antrean rsud; ppdb zonasi"),
    (f"Pemerintah {PARENT_REGENCY}", "pemerintah", 4, 5, "tapal batas"),
    ("Biro Pemerintahan Pemerintah Provinsi", "pemerintah", 5, 2, "tapal batas"),
    ("Lembaga Adat Melayu Muara Seruni", "masyarakat sipil", 3, 4, "tapal batas"),
    ("Forum Kepala Desa Sungai Lintang", "masyarakat sipil", 2, 5, "tapal batas; jalan rusak"),
    ("Forum Peduli Lingkungan Rawa", "masyarakat sipil", 3, 3, "banjir; sampah tpa"),
    ("Warga Bantaran Sungai Lintang", "warga", 1, 5, "banjir"),
    ("Ikatan Pengemudi Ojek Pesisir", "warga", 1, 3, "jalan rusak"),
    ("Asosiasi Pengusaha Muara Seruni", "dunia usaha", 4, 2, "jalan rusak"),
    ("Paguyuban Pedagang Pasar Muara", "dunia usaha", 2, 2, "sampah tpa"),
    ("Koperasi Distributor Pupuk Seruni", "dunia usaha", 3, 5, "harga pupuk"),
    ("Persatuan Petani Bukit Pandan", "masyarakat sipil", 2, 5, "harga pupuk"),
    ("Forum Komunikasi Guru Honorer", "masyarakat sipil", 2, 5, "honorer; ppdb zonasi"),
    ("Komite Sekolah se-Kabupaten Muara Seruni", "masyarakat sipil", 2, 4, "ppdb zonasi"),
    ("Ikatan Tenaga Kesehatan Muara Seruni", "masyarakat sipil", 3, 3, "antrean rsud"),
    ("Warga Pengguna Layanan Kependudukan", "warga", 1, 4, "ktp-el; antrean rsud"),
    ("Harian Seruni Pos", "media", 4, 3, "banjir; jalan rusak; tapal batas; antrean rsud"),
    ("Seruni TV", "media", 3, 2, "banjir; ppdb zonasi"),
    ("Sekolah Tinggi Ilmu Pemerintahan Muara Seruni", "akademisi", 2, 2,
     "tapal batas; honorer"),
]

COLUMNS = ["id_klip", "tanggal", "sumber_jenis", "sumber_nama", "topik", "ringkasan",
           "sentimen", "jangkauan", "opd_terkait"]
LABELS = {"banjir": "banjir dan drainase", "jalan rusak": "jalan rusak",
          "antrean rsud": "antrean RSUD", "ppdb zonasi": "PPDB zonasi",
          "ktp-el": "layanan KTP-el", "tapal batas": "tapal batas", "sampah tpa": "sampah",
          "honorer": "tenaga honorer", "harga pupuk": "harga pupuk"}


def _pick(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _source(rng: random.Random, topic: str, factor: float) -> tuple[str, str, int]:
    kind = _pick(rng, SOURCE_MIX)
    if kind == "berita":
        outlet_kind = rng.choice(sorted(MEDIA))
        low, high = OUTLET_REACH[outlet_kind]
        return kind, rng.choice(MEDIA[outlet_kind]), int(rng.randint(low, high) * factor)
    if kind == "media sosial":
        reach = min(80_000, max(100, int(rng.lognormvariate(8.0, 1.0) * factor)))
        return kind, rng.choice(PLATFORMS), reach
    if kind == "pengaduan":
        return kind, rng.choice(COMPLAINT_CHANNELS), rng.randint(20, 400)
    name = f"Komisi {DPRD_COMMISSION[topic]} DPRD {REGENCY}"
    return kind, name, int(rng.randint(4_000, 12_000) * factor)


def _clip(rng: random.Random, topic: str, date: str, sentiment: str) -> dict:
    _, _, offices, factor = ISSUES[topic]
    kind, name, reach = _source(rng, topic, factor)
    district = rng.choice(DISTRICTS)
    if kind == "DPRD":
        text = DPRD_TEXT[sentiment].format(kom=DPRD_COMMISSION[topic], label=LABELS[topic], kec=district)
    else:
        text = rng.choice(TEXT[topic][sentiment]).format(kec=district)
    return {"tanggal": date, "sumber_jenis": kind, "sumber_nama": name, "topik": topic,
            "ringkasan": text, "sentimen": sentiment, "jangkauan": reach,
            "opd_terkait": _pick(rng, offices)}


def _clips(rng: random.Random) -> list[dict]:
    clips = []
    for topic, (months, negative, _, _) in ISSUES.items():
        total = sum(months)
        n_negative = round(negative * total)
        others = total - n_negative
        sentiments = (["negatif"] * n_negative + ["netral"] * (others - others // 3)
                      + ["positif"] * (others // 3))
        rng.shuffle(sentiments)
        dates = [f"{YEAR}-{month:02d}-{rng.randint(1, 28 if month == 2 else 30):02d}"
                 for month, count in enumerate(months, start=1) for _ in range(count)]
        clips += [_clip(rng, topic, d, s) for d, s in zip(dates, sentiments)]
    return clips


def _dirty_topic(rng: random.Random, topic: str) -> str:
    roll = rng.random()
    if roll < 0.65:
        return topic
    variants = TOPIC_VARIANTS.get(topic, ())
    word = rng.choice(variants) if variants and roll < 0.8 else topic
    return rng.choice([word, word.title(), word.upper(), word.capitalize()])


def _spaced(rng: random.Random, text: str) -> str:
    return rng.choice([f" {text}", f"{text} ", f"  {text}  ", f"{text}  "])


def build() -> dict[str, pd.DataFrame]:
    rng = random.Random(SEED)
    clips = _clips(rng)
    # Extra clips whose date got lost: they belong to the raw export only.
    lost = [_clip(rng, rng.choice(sorted(ISSUES)), "", rng.choice(["negatif", "netral"]))
            for _ in range(N_BAD_DATES)]
    for clip in lost:
        clip["tanggal"] = rng.choice(BAD_DATES)
    ordered = sorted(clips + lost, key=lambda c: (c["tanggal"] or "9", rng.random()))
    for number, clip in enumerate(ordered, start=1):
        clip["id_klip"] = f"KLP-{number:04d}"
    clean = pd.DataFrame([c for c in ordered if c not in lost], columns=COLUMNS)

    raw_rows = []
    for clip in ordered:
        row = dict(clip, topik=_dirty_topic(rng, clip["topik"]))
        for column in SPACED_COLUMNS:
            if rng.random() < 0.12:
                row[column] = _spaced(rng, row[column])
        raw_rows.append(row)
    valid = [i for i, c in enumerate(ordered) if c not in lost]
    for index in sorted(rng.sample(valid, N_DUPLICATES), reverse=True):
        raw_rows.insert(index + rng.randint(1, 6), dict(raw_rows[index]))
    raw = pd.DataFrame(raw_rows, columns=COLUMNS)

    stakeholders = pd.DataFrame(STAKEHOLDERS, columns=["nama", "jenis", "kekuasaan",
                                                       "kepentingan", "isu_terkait"])
    return {"monitoring_isu": clean, "monitoring_isu_mentah": raw,
            "pemangku_kepentingan": stakeholders}


def main(out_dir: Path = OUT_DIR) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in build().items():
        frame.to_csv(out_dir / f"{name}.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DIR)
