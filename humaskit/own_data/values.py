"""Turn the cells of an office sheet into the values the kit computes with.

Each parser returns the value, or ``None`` for a cell it cannot read (the caller reports it
with the row and column). Written for sheets from Indonesian offices: decimal commas and
thousands dots (``12.500`` is twelve thousand five hundred, ``3,0`` is three), Indonesian
month names, day-first dates, and the answer texts of the PermenPANRB 14/2017 questionnaire
(``Sangat sesuai``, ``d. Sangat mudah``, ``4 - Sangat baik``).
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from humaskit.own_data.fields import normalise

_ID_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")  # 12.500 / 1.234,5
_EN_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")  # 12,500 / 1,234.5
_LEADING_CHOICE = re.compile(r"^\s*([1-4]|[a-dA-D])\s*[.)\-:]\s*\S")

#: Answer texts of the four-point scale, by the number they stand for. Covers the options of
#: the PermenPANRB 14/2017 questionnaire and the common "puas" wording.
ANSWER_TEXTS = {
    1: ("tidak sesuai", "tidak mudah", "tidak cepat", "sangat mahal", "tidak kompeten",
        "tidak sopan dan ramah", "tidak sopan", "tidak ada", "buruk", "tidak baik",
        "sangat tidak puas", "tidak berkualitas", "sangat buruk"),
    2: ("kurang sesuai", "kurang mudah", "kurang cepat", "cukup mahal", "mahal",
        "kurang kompeten", "kurang sopan dan ramah", "kurang sopan", "ada tetapi tidak berfungsi",
        "kurang baik", "cukup", "tidak puas", "kurang puas", "kurang berkualitas"),
    3: ("sesuai", "mudah", "cepat", "murah", "kompeten", "sopan dan ramah", "sopan",
        "berfungsi kurang maksimal", "baik", "puas", "berkualitas"),
    4: ("sangat sesuai", "sangat mudah", "sangat cepat", "gratis", "sangat kompeten",
        "sangat sopan dan ramah", "sangat sopan", "dikelola dengan baik", "sangat baik",
        "sangat puas", "sangat berkualitas"),
}
_ANSWER_OF = {normalise(text): n for n, texts in ANSWER_TEXTS.items() for text in texts}
_LETTER = {"a": 1, "b": 2, "c": 3, "d": 4}

SENTIMENT_TEXTS = {
    "positif": ("positif", "positive", "pos", "+", "baik"),
    "netral": ("netral", "neutral", "net", "0", "biasa"),
    "negatif": ("negatif", "negative", "neg", "-", "buruk"),
}
_SENTIMENT_OF = {t: key for key, texts in SENTIMENT_TEXTS.items() for t in texts}

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3,
          "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
          "agustus": 8, "agu": 8, "agt": 8, "agst": 8, "september": 9, "sep": 9, "sept": 9,
          "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nop": 11, "desember": 12,
          "des": 12}
_TEXT_DATE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})\b")
_SLASHED = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})\b")
#: Excel's serial day numbers of 1982 to 2064: a date cell exported as a plain number.
_EXCEL_SERIALS = (30000, 60000)


def number(cell: object) -> float | None:
    """A number from a number cell or a text such as ``12.500``, ``1,5`` or ``1.234,5``."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return None if pd.isna(cell) else float(cell)
    text = str(cell).strip().replace(" ", "").replace("\u00a0", "")
    if _ID_NUMBER.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _EN_NUMBER.match(text):
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def answer(cell: object) -> float | None:
    """An SKM answer: a number (``4``, ``4,0``), a lettered or numbered option (``d. ...``,
    ``4 - ...``) or an option's text (``Sangat sesuai``). Range is checked later."""
    value = number(cell)
    if value is not None:
        return value
    text = str(cell)
    choice = _LEADING_CHOICE.match(text)
    if choice:
        key = choice.group(1).lower()
        return float(_LETTER.get(key) or int(key))
    return float(_ANSWER_OF[normalise(text)]) if normalise(text) in _ANSWER_OF else None


def sentiment(cell: object) -> str | None:
    """``positif``/``netral``/``negatif`` from the usual spellings, else None."""
    text = str(cell).strip().lower()
    return _SENTIMENT_OF.get(text) or _SENTIMENT_OF.get(normalise(text))


def day_first(cells: pd.Series) -> bool:
    """Whether the column's slashed dates put the day first (``31/01/2025``), as Indonesian
    sheets do; False only when some date is clearly month first (``1/31/2025``)."""
    for cell in cells.dropna():
        found = _SLASHED.match(str(cell).strip())
        if found and len(found.group(1)) <= 2 and int(found.group(2)) > 12:
            return False
    return True


def date(cell: object, dayfirst: bool = True) -> pd.Timestamp | None:
    """A date from an Excel date, an Excel serial number, ISO ``2025-09-01``, slashed
    ``01/09/2025`` or Indonesian ``1 September 2025``; the time of day is dropped."""
    if isinstance(cell, (dt.datetime, dt.date, pd.Timestamp)):
        return pd.Timestamp(cell).normalize()
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if _EXCEL_SERIALS[0] <= cell <= _EXCEL_SERIALS[1]:
            return pd.Timestamp("1899-12-30") + pd.Timedelta(days=int(cell))
        return None
    text = str(cell).strip().lower()
    found = _TEXT_DATE.match(text)
    if found and found.group(2) in MONTHS:
        return _make(int(found.group(3)), MONTHS[found.group(2)], int(found.group(1)))
    found = _SLASHED.match(text)
    if found:
        a, b, c = (int(g) for g in found.groups())
        if len(found.group(1)) == 4:
            return _make(a, b, c)
        return _make(c, b, a) if dayfirst else _make(c, a, b)
    serial = number(text)
    if serial is not None:
        return date(serial)
    return None


def _make(year: int, month: int, day: int) -> pd.Timestamp | None:
    if year < 100:
        year += 2000
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return None
