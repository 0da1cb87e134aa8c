"""The issue-priority rubric: impact and urgency 1–5, priority = impact × urgency.

Rubric (stated to participants in the same words):

- **Dampak** (impact) from the issue's total reach (``total_jangkauan``): below 100 000 → 1;
  100 000 up to below 250 000 → 2; 250 000 up to below 500 000 → 3; 500 000 up to below
  1 000 000 → 4; 1 000 000 or more → 5.
- **Urgensi** (urgency) from the share of negative clips (``persen_negatif``): below 20 → 1;
  20 up to below 40 → 2; 40 up to below 60 → 3; 60 up to below 80 → 4; 80 or more → 5;
  then one level higher when the trend is rising (``tren`` > 0), at most 5.
- **Prioritas** = dampak × urgensi (1–25).
- **Kategori**: prioritas 16 or more → Kritis; 10–15 → Tinggi; 5–9 → Sedang; 1–4 → Rendah.
"""

from __future__ import annotations

import pandas as pd

#: Lower bounds of impact levels 2..5 (total reach).
IMPACT_THRESHOLDS = (100_000, 250_000, 500_000, 1_000_000)
#: Lower bounds of urgency levels 2..5 (percentage of negative clips).
URGENCY_THRESHOLDS = (20, 40, 60, 80)
#: Category -> lowest priority in it, from the highest category down.
CATEGORY_THRESHOLDS = {"Kritis": 16, "Tinggi": 10, "Sedang": 5, "Rendah": 1}
CATEGORIES = tuple(CATEGORY_THRESHOLDS)


def _level(value: float, thresholds: tuple) -> int:
    return 1 + sum(value >= bound for bound in thresholds)


def impact(total_reach: float) -> int:
    """Impact level 1–5 from an issue's total reach."""
    return _level(total_reach, IMPACT_THRESHOLDS)


def urgency(percent_negative: float, trend: float) -> int:
    """Urgency level 1–5 from the percentage of negative clips, raised one level if rising."""
    return min(5, _level(percent_negative, URGENCY_THRESHOLDS) + (1 if trend > 0 else 0))


def category(priority: float) -> str:
    """Kritis / Tinggi / Sedang / Rendah for a priority 1–25."""
    for name, lowest in CATEGORY_THRESHOLDS.items():
        if priority >= lowest:
            return name
    return CATEGORIES[-1]


def score(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary with ``dampak``, ``urgensi``, ``prioritas`` and ``kategori`` added."""
    out = summary.copy()
    out["dampak"] = [impact(v) for v in out["total_jangkauan"]]
    out["urgensi"] = [urgency(p, t) for p, t in zip(out["persen_negatif"], out["tren"])]
    out["prioritas"] = out["dampak"] * out["urgensi"]
    out["kategori"] = [category(p) for p in out["prioritas"]]
    return out
