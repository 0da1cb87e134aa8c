"""Generate ``survei_kepuasan.csv``: synthetic SKM answers (PermenPANRB 14/2017, 9 elements).

Usage: ``python datasets/generate/survei_kepuasan.py [OUT_DIR]`` (default: the datasets folder).
Seeded, so every run writes the same bytes. Each service unit has its own mean satisfaction
per element; "Penanganan pengaduan, saran dan masukan" (u8) is weak everywhere and
"Waktu penyelesaian" (u3) is weak at Disdukcapil, so the units land in different grade bands.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20250901
START = dt.date(2025, 9, 1)
DAYS = 61  # September and October 2025

#: Unit -> (respondents, mean answer for u1..u9 on the 1-4 scale).
UNITS = {
    "Disdukcapil": (120, (3.05, 2.95, 2.35, 3.60, 3.00, 3.00, 2.95, 2.30, 2.80)),
    "DPMPTSP": (95, (3.15, 3.10, 3.05, 3.45, 3.20, 3.25, 3.30, 2.60, 3.20)),
    "RSUD Muara Seruni": (110, (3.10, 2.95, 2.80, 3.05, 3.15, 3.30, 3.00, 2.45, 2.95)),
    "Puskesmas Sungai Lintang": (90, (3.80, 3.75, 3.70, 3.95, 3.75, 3.80, 3.90, 3.35, 3.65)),
    "Kantor Kecamatan Bukit Pandan": (85, (3.20, 3.15, 3.10, 3.60, 3.15, 3.05, 3.25, 2.70, 2.75)),
}
SPREAD = 0.62

EDUCATION = ("SD", "SMP", "SMA", "D3", "S1", "S2")
EDUCATION_P = (0.10, 0.14, 0.40, 0.10, 0.22, 0.04)
JOBS = ("PNS", "TNI/Polri", "Pegawai swasta", "Wiraswasta", "Petani/Nelayan",
        "Pelajar/Mahasiswa", "Lainnya")
JOBS_P = (0.10, 0.03, 0.20, 0.22, 0.25, 0.10, 0.10)


def generate() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    rows = []
    for unit, (count, means) in UNITS.items():
        for _ in range(count):
            mood = rng.normal(0, 0.25)  # one respondent answers all elements a bit alike
            answers = np.clip(np.rint(rng.normal(np.array(means) + mood, SPREAD)), 1, 4)
            rows.append({
                "tanggal": START + dt.timedelta(days=int(rng.integers(DAYS))),
                "unit_layanan": unit,
                "jenis_kelamin": str(rng.choice(["L", "P"])),
                "usia": int(np.clip(rng.normal(39, 12), 17, 75)),
                "pendidikan": str(rng.choice(EDUCATION, p=EDUCATION_P)),
                "pekerjaan": str(rng.choice(JOBS, p=JOBS_P)),
                **{f"u{i}": int(a) for i, a in enumerate(answers, 1)},
            })
    frame = pd.DataFrame(rows).sort_values(["tanggal", "unit_layanan"], kind="stable")
    frame.insert(0, "id_responden", [f"SKM-{i:04d}" for i in range(1, len(frame) + 1)])
    frame["tanggal"] = [d.isoformat() for d in frame["tanggal"]]
    return frame


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    generate().to_csv(out_dir / "survei_kepuasan.csv", index=False, lineterminator="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
