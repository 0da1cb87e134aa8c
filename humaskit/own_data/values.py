"""Turn the cells of an office sheet into the values the kit computes with.

Each parser returns the value, or ``None`` for a cell it cannot read (the caller reports it
with the row and column). Written for sheets from Indonesian offices: decimal commas and
thousands dots (``12.500`` is twelve thousand five hundred, ``3,0`` is three), ``2,5 rb``,
Indonesian month names and weekdays, day-first dates, and answers as numbers (``4``,
``4 (Sangat Baik)``), letters with their legend, or label texts.

Answer labels are never read one cell at a time: the same word means different values on
different scales ("Buruk" is 1 on "Buruk / Cukup / Baik / Sangat Baik" and 2 on
"Sangat Buruk / Buruk / Baik / Sangat Baik"). :func:`propose_scales` ranks the labels a sheet
uses and gives distinct labels distinct values 1–4 in order, and says when the order is not
certain, so that the participant confirms it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from humaskit.own_data.fields import normalise

_ID_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")  # 12.500 / 1.234,5
_EN_NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")  # 12,500 / 1,234.5
_MULTIPLIER = re.compile(r"^(.*?\d)\s*(rb|ribu|k|jt|juta)\.?$", re.IGNORECASE)
_MULTIPLIERS = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
#: An answer given with its code: ``4``, ``4 (Sangat Baik)``, ``2 - Kurang mudah``, ``d. ...``.
_CODED = re.compile(r"^\s*([0-9]|[a-dA-D])\s*(?:[.)\-:]\s*|\s*\(|\s+(?=\S))(.*?)\)?\s*$")
_LETTER = {"a": 1, "b": 2, "c": 3, "d": 4}

# --- answer labels ----------------------------------------------------------------------
#: Labels whose value does not depend on the scale around them (PermenPANRB 14/2017's own
#: options for cost and for complaint handling), by family.
FIXED = {
    "sangat mahal": ("biaya", 1), "mahal": ("biaya", 2), "cukup mahal": ("biaya", 2),
    "murah": ("biaya", 3), "gratis": ("biaya", 4),
    "tidak ada": ("pengaduan", 1), "ada tetapi tidak berfungsi": ("pengaduan", 2),
    "berfungsi kurang maksimal": ("pengaduan", 3), "dikelola dengan baik": ("pengaduan", 4),
}
#: Positive words of the usual scales, and the negative words that stand on the same scale.
POSITIVE = ("puas", "memuaskan", "baik", "bagus", "sesuai", "mudah", "cepat", "kompeten",
            "sopan dan ramah", "sopan", "ramah", "berkualitas", "jelas", "bersih", "nyaman",
            "tepat", "lengkap", "terjangkau", "memadai", "setuju", "profesional", "tanggap",
            "responsif", "informatif", "mampu", "adil", "aman", "transparan", "wajar")
NEGATIVE = {"buruk": "baik", "jelek": "bagus", "lambat": "cepat", "sulit": "mudah",
            "susah": "mudah", "rumit": "mudah", "kotor": "bersih", "lama": "cepat"}
#: Degrees on one axis: "sangat tidak X" 0, "tidak X" 1, "kurang X" 2, "cukup X" 2.5,
#: "X" 3, "sangat X" 4; "sangat buruk" 0, "buruk" 1.
TEMPLATES = ((1, 2, 3, 4), (0, 1, 3, 4), (1, 2.5, 3, 4))
#: Families of the PermenPANRB 14/2017 questionnaire's own options: their labels are read
#: with certainty even among numbers ("4", "Sangat sesuai", "3").
OFFICIAL = ("sesuai", "mudah", "cepat", "kompeten", "sopan dan ramah", "biaya", "pengaduan")


@dataclass(frozen=True)
class Scale:
    """An answer column's labels: ``values`` maps each label (normalised) to 1–4, ``shown``
    gives the label as the sheet writes it; ``certain`` is False when the participant must
    confirm the order, and ``why`` says why in Indonesian."""

    values: dict[str, int]
    shown: dict[str, str]
    certain: bool
    why: str = ""

    def table(self) -> list[tuple[str, int]]:
        """(label as written, value), lowest value first."""
        return sorted(((self.shown[k], v) for k, v in self.values.items()),
                      key=lambda item: (item[1], item[0]))


def label_degree(text: str) -> tuple[str, float] | None:
    """(family, degree) of an answer label, or None for a text that is not a scale label."""
    words = normalise(text)
    if words in FIXED:
        return FIXED[words]
    if words in ("cukup", "sedang", "biasa"):
        return ("", 2.5)
    very = words.startswith("sangat ") or words.endswith(" sekali")
    words = re.sub(r"^sangat |^amat | sekali$", "", words)
    for prefix, degree in (("sangat tidak ", 0), ("tidak ", 1), ("kurang ", 2),
                           ("cukup ", 2.5)):
        if words.startswith(prefix) and words[len(prefix):] in POSITIVE:
            return (words[len(prefix):], 0 if very and degree == 1 else degree)
    if words.startswith("tidak ") and very:
        words = words[6:]
        return (words, 0) if words in POSITIVE else None
    if words in POSITIVE:
        return (words, 4 if very else 3)
    if words in NEGATIVE:
        return (NEGATIVE[words], 0 if very else 1)
    return None


def coded(cell: object) -> tuple[str, str] | None:
    """(code, rest) of an answer written with its code, ``4 (Sangat Baik)`` -> ("4",
    "Sangat Baik"); a bare letter ``B`` -> ("b", ""); None otherwise."""
    text = " ".join(str(cell).split())
    if re.fullmatch(r"[a-dA-D][.)]?", text):
        return text[0].lower(), ""
    found = _CODED.match(text)
    if found and (found.group(1).isdigit() or label_degree(found.group(2))):
        return found.group(1).lower(), found.group(2)
    return None


def scale_label(cell: object) -> str | None:
    """The label of a cell that needs a scale (a text or a bare letter), normalised."""
    if number(cell) is not None:
        return None
    code = coded(cell)
    if code is not None:
        return code[0] if code[0] in _LETTER and not code[1] else None
    words = normalise(cell)
    return words if label_degree(words) else None


def on_scale(cell: object) -> bool:
    """Whether a cell can be an SKM answer at all (a number 1–5, a coded answer, a label)."""
    value = number(cell)
    if value is not None:
        return 1 <= value <= 5
    return coded(cell) is not None or scale_label(cell) is not None


def propose_scales(columns: dict[str, pd.Series], legend: dict[str, str] | None = None
                   ) -> dict[str, Scale]:
    """A scale for each answer column that holds labels or bare letters.

    Labels of one family ("Tidak Puas", "Puas", ...) are ranked together over every column,
    so a column that happens to use three of the four labels still gets their values from
    the whole sheet. Four distinct degrees give 1–4 in order; fewer are placed on the usual
    four-point scales and are certain only when every such scale agrees. Bare letters use
    the file's legend ("A = Sangat Baik") when there is one, else a=1..d=4, to be confirmed.
    """
    legend = {k.lower(): v for k, v in (legend or {}).items()}
    used: dict[str, dict[str, str]] = {}
    family_of: dict[str, str] = {}
    for header, cells in columns.items():
        shown = {}
        for cell in distinct(cells):
            label = scale_label(cell)
            if label is not None:
                shown.setdefault(label, " ".join(str(cell).split()))
        if shown:
            used[header] = shown
        families = Counter(label_degree(label)[0] for label in shown if label not in _LETTER)
        families.pop("", None)
        for label in shown:
            if label not in _LETTER:
                family = label_degree(label)[0]
                family_of[label] = family or (families.most_common(1)[0][0] if families
                                              else "")
    if legend:
        for text in legend.values():
            if label_degree(text):
                family_of.setdefault(normalise(text), label_degree(text)[0] or "")
    groups: dict[str, set[str]] = {}
    for label, family in family_of.items():
        groups.setdefault(family, set()).add(label)
    ranked = {}
    for family, labels in groups.items():
        ranked.update(_rank(family, labels))
    letters = _letters(legend, ranked)
    scales = {}
    for header, shown in used.items():
        values, certain, why = {}, True, []
        for label in shown:
            value, sure, reason = letters[label] if label in _LETTER else ranked[label]
            values[label] = value
            if not sure:
                certain = False
                if reason not in why:
                    why.append(reason)
        mixed = any(number(c) is not None for c in distinct(columns[header]))
        if mixed and any(family_of.get(label) not in OFFICIAL for label in shown):
            certain = False
            why.append("kolom ini mencampur angka dan teks jawaban")
        by_value = Counter(values.values())
        if any(n > 1 for n in by_value.values()):
            certain = False
            why.append("dua label atau lebih mendapat nilai yang sama")
        scales[header] = Scale(values, shown, certain, "; ".join(why))
    return scales


def distinct(cells: pd.Series) -> list[object]:
    """Each different filled cell once (a sheet of 100.000 rows holds a handful)."""
    return list(dict.fromkeys(cells.dropna()))


def _rank(family: str, labels: set[str]) -> dict[str, tuple[int, bool, str]]:
    """(value, certain, why) for each label of one family."""
    degree = {label: label_degree(label)[1] for label in labels}
    if family in ("biaya", "pengaduan"):
        return {label: (int(d), True, "") for label, d in degree.items()}
    degrees = sorted(set(degree.values()))
    if len(degrees) > 4:
        position = {d: min(4, i + 1) for i, d in enumerate(degrees)}
        return {label: (position[d], False, "ada lebih dari empat label")
                for label, d in degree.items()}
    if len(degrees) == 4:
        return {label: (degrees.index(d) + 1, True, "") for label, d in degree.items()}
    fitting = [t for t in TEMPLATES if set(degrees) <= set(t)]
    why = "label di lembar ini kurang dari empat, sehingga urutannya belum pasti"
    out = {}
    for label, d in degree.items():
        proposals = sorted({t.index(d) + 1 for t in fitting}) or [min(4, max(1, int(d)))]
        out[label] = (proposals[0], len(proposals) == 1 and bool(fitting), why)
    return out


_NO_LEGEND = "jawaban berupa huruf tanpa keterangan arti hurufnya di berkas"


def _letters(legend: dict[str, str], ranked: dict[str, tuple[int, bool, str]]
             ) -> dict[str, tuple[int, bool, str]]:
    """Values of bare letters: by the legend when the file has one, else a=1..d=4."""
    out = {}
    for letter, default in _LETTER.items():
        label = normalise(legend.get(letter, ""))
        if label in ranked:
            value, sure, why = ranked[label]
            out[letter] = (value, sure, why)
        else:
            out[letter] = (default, False, _NO_LEGEND)
    return out


def answer(cell: object, scale: dict[str, int] | None = None) -> float | None:
    """An SKM answer: a number (``4``, ``4,0``), a coded answer (``4 (Sangat Baik)``,
    ``d. Sangat sesuai``) or a label or letter valued by the column's ``scale``. Range is
    checked later."""
    value = number(cell)
    if value is not None:
        return value
    code = coded(cell)
    if code is not None and code[0].isdigit():
        return float(code[0])
    label = scale_label(cell)
    if label is not None and scale and label in scale:
        return float(scale[label])
    if code is not None and code[1]:  # "d. Sangat sesuai": the label decides, else the letter
        label = normalise(code[1])
        if scale and label in scale:
            return float(scale[label])
        return float(_LETTER[code[0]])
    return None


# --- other cells ------------------------------------------------------------------------
SENTIMENT_TEXTS = {
    "positif": ("positif", "positive", "pos", "+", "baik"),
    "netral": ("netral", "neutral", "net", "0", "biasa"),
    "negatif": ("negatif", "negative", "neg", "-", "buruk"),
}
_SENTIMENT_OF = {t: key for key, texts in SENTIMENT_TEXTS.items() for t in texts}


def number(cell: object) -> float | None:
    """A number from a number cell or a text such as ``12.500``, ``1,5``, ``1.234,5`` or
    ``2,5 rb`` / ``1,2 jt``."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return None if pd.isna(cell) else float(cell)
    text = str(cell).strip().replace(" ", "").replace("\u00a0", "")
    times = 1
    found = _MULTIPLIER.match(text)
    if found:
        text, times = found.group(1), _MULTIPLIERS[found.group(2).lower()]
    if _ID_NUMBER.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif _EN_NUMBER.match(text) and times == 1:
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        value = float(text) * times
    except ValueError:
        return None
    return value if math.isfinite(value) else None  # not "nan", "inf"


def sentiment(cell: object) -> str | None:
    """``positif``/``netral``/``negatif`` from the usual spellings, else None."""
    text = str(cell).strip().lower()
    return _SENTIMENT_OF.get(text) or _SENTIMENT_OF.get(normalise(text))


MONTHS = {"januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2,
          "february": 2, "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5,
          "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7,
          "agustus": 8, "agu": 8, "agt": 8, "agst": 8, "aug": 8, "august": 8, "september": 9,
          "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
          "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12,
          "december": 12}
_WEEKDAY = re.compile(r"^(senin|selasa|rabu|kamis|jumat|jum at|sabtu|minggu|ahad|monday|"
                      r"tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|"
                      r"sat|sun)\b[,.]?\s*")
_TEXT_DATE = re.compile(r"^(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.]+(\d{2}|\d{4})\b")
_SLASHED = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})\b")
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
#: Excel's serial day numbers of 1982 to 2064: a date cell exported as a plain number.
_EXCEL_SERIALS = (30000, 60000)


def slashed(cell: object) -> tuple[int, int, int] | None:
    """The three numbers of a day/month-ambiguous date such as ``05/02/2026``."""
    if not isinstance(cell, str):
        return None
    found = _SLASHED.match(cell.strip())
    if not found or len(found.group(1)) == 4:
        return None
    return tuple(int(g) for g in found.groups())


def has_time(cell: object) -> bool:
    """Whether a date cell carries a time of day (a form's timestamp)."""
    if isinstance(cell, (dt.datetime, pd.Timestamp)):
        return (cell.hour, cell.minute, cell.second) != (0, 0, 0)
    return isinstance(cell, str) and _TIME.search(cell.strip()[6:]) is not None


def day_evidence(cells: pd.Series) -> dict[bool, set[bool]]:
    """For slashed dates with and without a time of day (a form's timestamps and typed dates
    can differ): the orders their unambiguous values show (True: day first)."""
    seen: dict[bool, set[bool]] = {True: set(), False: set()}
    for cell in distinct(cells):
        parts = slashed(cell)
        if parts is None:
            continue
        first, second, _ = parts
        if first > 12 >= second:
            seen[has_time(cell)].add(True)
        elif second > 12 >= first:
            seen[has_time(cell)].add(False)
    return seen


def day_orders(cells: pd.Series) -> dict[bool, bool | None]:
    """True when day first, False when month first, None when the unambiguous values
    disagree; without any unambiguous value, day first (the Indonesian way)."""
    return {timed: (None if len(found) > 1 else next(iter(found), True))
            for timed, found in day_evidence(cells).items()}


def ambiguous(cell: object) -> bool:
    """Whether a slashed date reads as two different dates (``05/02/2026``)."""
    parts = slashed(cell)
    return parts is not None and parts[0] <= 12 and parts[1] <= 12 and parts[0] != parts[1]


def date(cell: object, dayfirst: bool = True) -> pd.Timestamp | None:
    """A date from an Excel date, an Excel serial number, ISO ``2025-09-01``, slashed
    ``01/09/2025``, ``5-Jan-26`` or Indonesian ``Senin, 5 Januari 2026``; the time of day
    is dropped."""
    if isinstance(cell, (dt.datetime, dt.date, pd.Timestamp)):
        return pd.Timestamp(cell).normalize()
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if _EXCEL_SERIALS[0] <= cell <= _EXCEL_SERIALS[1]:
            return pd.Timestamp("1899-12-30") + pd.Timedelta(days=int(cell))
        return None
    text = _WEEKDAY.sub("", " ".join(str(cell).lower().split()))
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
