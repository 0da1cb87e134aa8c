"""Numbers as participants read them: the Indonesian decimal comma and thousands point
(77,13; 1.525.434), in printed text, in every table a notebook shows (whose text
:func:`use_in_tables` also shows in full) and on every chart's axes and labels
(:data:`CHART_NUMBERS`, :data:`CHART_DATES`)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

#: The d3-format locale every chart draws its numbers with (d3 ships none for Indonesian):
#: an axis reads 1.000.000 and 0,25, never 1,000,000, which reads as one in Indonesian.
CHART_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
#: The d3-time-format locale of chart dates: Indonesian month and day names.
CHART_DATES = {
    "dateTime": "%A, %e %B %Y %H.%M.%S", "date": "%d/%m/%Y", "time": "%H.%M.%S",
    "periods": ["AM", "PM"],
    "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
    "months": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember"],
    "shortMonths": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt",
                    "Nov", "Des"],
}
#: The same two, as vl-convert takes them.
CHART_LOCALE = {"format_locale": CHART_NUMBERS, "time_format_locale": CHART_DATES}


def _half_up(value: float, decimals: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def angka(value: float, decimals: int = 2) -> str:
    """``value`` rounded half up (77,125 → 77,13, as by hand), with a decimal comma and a
    thousands point."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{_half_up(value, decimals):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def compact(value: float, decimals: int = 2) -> str:
    """:func:`angka` without needless decimals, for points and thresholds: 2; 1,5; 0,33."""
    text = angka(value, decimals)
    return text.rstrip("0").rstrip(",") if "," in text else text


def rounded(value: float, decimals: int = 2) -> float:
    """``value`` rounded as :func:`angka` shows it, still a number (for CSV and XLSX files):
    3.7800000000000002 → 3.78. Missing and infinite values stay as they are."""
    if value is None:
        return math.nan
    return float(_half_up(value, decimals)) if math.isfinite(value) else float(value)


def table_float(value: float) -> str:
    """The pandas display format: two decimals, four for values below 1."""
    return angka(value, 2 if abs(value) >= 1 else 4)


def use_in_tables() -> None:
    """Show floats in every pandas table with the decimal comma, and every text cell in full
    (pandas cuts one after 50 characters: a clip's summary, a unit's title); notebooks call
    this through :func:`humaskit.charts.enable_offline`."""
    import pandas as pd

    pd.set_option("display.float_format", table_float)
    pd.set_option("display.max_colwidth", None)
