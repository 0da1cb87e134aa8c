"""Check a mapped sheet and build the table the modules' functions read.

Every problem is a :class:`~humaskit.own_data.reading.SheetProblem` naming the spreadsheet
row and the participant's own column (letter and header). Reading a cell (a date, a number,
an answer label valued by its column's scale) is done here; ranges and empty required cells
are checked by a pandera schema, with the kit's Indonesian messages. A problem of one row can
be left out (:meth:`Prepared.usable`); a problem of a whole column (an answer scale not yet
confirmed, a column on a 1–5 scale) cannot. Identical answers are a note, not a problem:
only a repeated respondent number or form timestamp marks a row filled twice. No message
repeats a cell that could be personal. The participant's file is never changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa
from pandera import Check, Column

from humaskit import satisfaction
from humaskit.datasets.validation import DatasetError, validate
from humaskit.issues import monitoring
from humaskit.number_format import angka
from humaskit.own_data import fields, values
from humaskit.own_data import mapping as mappings
from humaskit.own_data.mapping import Mapping
from humaskit.own_data.reading import RawTable
from humaskit.own_data.reading import SheetProblem as Problem

#: What stands in for an office or service unit the sheet does not name.
NOT_NAMED = "(tidak disebut)"
#: Dates before this are refused as typing mistakes (a survey or clip of the 1990s).
EARLIEST = pd.Timestamp("2000-01-01")
#: How many row numbers a note lists before "dan lain-lain".
LISTED_ROWS = 10


@dataclass(frozen=True)
class Prepared:
    """The canonical table (index: spreadsheet row), what is wrong and where, notes that
    need no action, and the blank and empty template rows that were not counted."""

    source: str
    kind: str
    frame: pd.DataFrame
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    blank_rows: int = 0
    template_rows: int = 0

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row is not None})

    @property
    def column_problems(self) -> list[Problem]:
        """Problems of a whole column: leaving rows out cannot mend them."""
        return [p for p in self.problems if p.row is None]

    def usable(self, leave_out_bad_rows: bool = False) -> pd.DataFrame:
        """The rows to compute with; raises DatasetError listing the problems unless there
        are none or the participant chose to leave the bad rows out."""
        if self.column_problems or (self.problems and not leave_out_bad_rows):
            raise DatasetError(self.source, self.column_problems or self.problems)
        good = self.frame.drop(index=self.bad_rows, errors="ignore")
        if good.empty:
            raise DatasetError(self.source, [Problem(None, None, "tidak ada satu baris pun "
                                                     "yang dapat dihitung.")])
        return good


def prepare(raw: RawTable, mapping: Mapping, today: dt.date | None = None) -> Prepared:
    """Read every mapped cell, check the result, and list each problem with its place."""
    mapping.check(raw)
    data = raw.frame.set_axis(list(raw.rows), axis=0)
    proposed = mappings.scales(raw, mapping)
    frame = pd.DataFrame(index=data.index)
    where, problems, skip = {}, [], set()
    for fld in mapping.fields:
        header = mapping.columns.get(fld.key)
        if not header:
            continue
        where[fld.key] = place = raw.where(header)
        cells = data[header]
        if fld.kind == "answer":
            parsed, found = _answers(cells, place, mapping.scales.get(header),
                                     proposed.get(header))
        elif fld.kind == "date":
            parsed, found = _dates(cells, place, today or dt.date.today())
        else:
            parsed, found = _read(fld.kind, cells, place)
        frame[fld.key] = parsed
        problems += found
        skip |= {(p.row, fld.key) for p in found}
        if any(p.row is None for p in found):
            skip |= {(r, fld.key) for r in cells.index}
    problems += _repeats(data, mapping, where)
    problems += _schema_problems(frame, mapping, raw.source, where, skip)
    problems.sort(key=lambda p: (p.row is not None, p.row or 0, p.column or ""))
    header = mapping.columns.get("tanggal")
    notes = _identical(frame, mapping) + (_date_notes(data[header], where["tanggal"])
                                          if header else [])
    return Prepared(raw.source, mapping.kind, frame, problems, notes, raw.blank_rows,
                    raw.template_rows)


def shown(cell: object) -> str:
    """A cell as a message may repeat it: short numbers, dates and answer labels in «», any
    other text (it may be a name, a phone number, an address) only as "isi sel ini"."""
    text = " ".join(str(cell).split())
    if fields.looks_personal(cell) or re.search(r"\d{7,}", text.replace(".", "")):
        return "isi sel ini"
    if re.fullmatch(r"[\d\s.,:/\-]{1,20}", text) or values.label_degree(text):
        return f"«{text}»"
    return "isi sel ini"


def _value(cell: object) -> str:
    """"nilai 5" for a short number, else what :func:`shown` allows."""
    text = shown(cell)
    if text == "isi sel ini":
        return text
    return f"nilai {text[1:-1]}" if values.number(cell) is not None else f"nilai {text}"


def _answers(cells: pd.Series, place: str, confirmed: dict[str, int] | None,
             proposal: values.Scale | None) -> tuple[pd.Series, list[Problem]]:
    problems = []
    scale = None
    if confirmed is not None:
        scale = {fields.normalise(k): v for k, v in confirmed.items()}
        missing = [proposal.shown[k] for k in (proposal.values if proposal else {})
                   if k not in scale]
        if missing:
            scale = None
            problems.append(Problem(None, place, "label " + ", ".join(f"«{m}»" for m in missing)
                                    + " belum ada di tabel label → nilai yang dikonfirmasi. "
                                    "Periksa tabelnya di langkah 2."))
    elif proposal is not None and proposal.certain:
        scale = proposal.values
    elif proposal is not None:
        problems.append(Problem(None, place, f"urutan label jawaban belum pasti "
                                f"({proposal.why}). Periksa tabel label → nilai di langkah 2 "
                                "lalu centang «Urutan nilai ini benar»."))
    known: dict[object, float | None] = {}
    read = [None if c is None else known[c] if c in known else
            known.setdefault(c, values.answer(c, scale)) for c in cells]
    parsed = pd.Series([None if v is None else (int(v) if v.is_integer() else v) for v in read],
                       index=cells.index, dtype=object)
    waiting = proposal is not None and scale is None
    for r, cell, value in zip(cells.index, cells, read):
        if cell is not None and value is None and not (waiting and values.scale_label(cell)):
            problems.append(Problem(int(r), place, f"{shown(cell)} tidak dapat dibaca sebagai "
                                    "jawaban 1–4."))
    fives = int((parsed == 5).sum())
    filled = int(parsed.notna().sum())
    five_point = fives >= max(2, 0.05 * filled)  # a typo is one 5, a scale is many
    for r, cell, value in zip(cells.index, cells, read):
        if value is None or (five_point and value == 5):
            continue
        if not 1 <= value <= 4:
            problems.append(Problem(int(r), place, f"{_value(cell)} di luar rentang 1 "
                                    "sampai 4."))
        elif not value.is_integer():
            problems.append(Problem(int(r), place, f"{_value(cell)} bukan jawaban bulat "
                                    "(1, 2, 3 atau 4)."))
    if five_point:
        problems.append(Problem(None, place, f"kolom ini memakai skala 1–5 ({fives} jawaban "
                                "bernilai 5), padahal IKM menurut PermenPANRB 14/2017 memakai "
                                "skala 1–4. Ubah jawabannya ke skala 1–4 di berkas asli; "
                                "baris-baris itu tidak dapat sekadar ditinggalkan."))
    return parsed, problems


def _dates(cells: pd.Series, place: str, today: dt.date) -> tuple[pd.Series, list[Problem]]:
    orders = values.day_orders(cells)
    parsed, problems = [], []
    latest = pd.Timestamp(today)
    for r, cell in cells.items():
        value = None
        if cell is not None:
            order = orders[values.has_time(cell)]
            if order is None and values.ambiguous(cell):
                problems.append(Problem(int(r), place, f"tanggal {shown(cell)} dapat dibaca "
                                        "dua cara (hari/bulan atau bulan/hari), dan kolom ini "
                                        "memakai keduanya. Tulis tanggalnya dengan nama bulan, "
                                        "mis. 5 Februari 2026."))
            else:
                parts = values.slashed(cell)
                if order is None and parts is not None:
                    order = not parts[1] > 12  # the cell itself is unambiguous
                value = values.date(cell, order is not False)
                if value is None:
                    problems.append(Problem(int(r), place, f"{shown(cell)} tidak dapat dibaca "
                                            "sebagai tanggal (contoh yang benar: 01/09/2025 "
                                            "atau 1 September 2025)."))
                elif value > latest or value < EARLIEST:
                    when = "setelah hari ini" if value > latest else "sebelum tahun 2000"
                    problems.append(Problem(int(r), place, f"tanggal terbaca sebagai "
                                            f"{_long_date(value)}, {when}. Periksa tanggalnya."))
                    value = None
        parsed.append(value)
    return pd.to_datetime(pd.Series(parsed, index=cells.index, dtype=object)), problems


def _date_notes(cells: pd.Series, place: str) -> list[str]:
    """How the dates that read two ways were read, where the column decided it."""
    evidence = values.day_evidence(cells)
    notes = []
    for timed, found in evidence.items():
        read = [c for c in values.distinct(cells) if values.has_time(c) == timed
                and values.ambiguous(c)]
        if not read or len(found) > 1:
            continue  # none, or each one reported as a problem
        example = shown(read[0])
        if found == {False}:
            how = "bulan/hari, seperti tanggal lain di kolom itu yang jelas urutannya"
        elif found:
            how = "hari/bulan, seperti tanggal lain di kolom itu yang jelas urutannya"
        else:
            how = ("hari/bulan, sebagaimana lazim di Indonesia (tidak ada tanggal lain yang "
                   "menunjukkan urutannya); periksa bila berkas ini memakai bulan/hari")
        notes.append(f"{angka(len(read), 0)} tanggal di kolom {place} dapat dibaca dua cara "
                     f"(mis. {example}); semuanya dibaca sebagai {how}.")
    return notes


def _long_date(value: pd.Timestamp) -> str:
    month = next(k for k, v in values.MONTHS.items() if v == value.month and len(k) > 3)
    return f"{value.day} {month.capitalize()} {value.year}"


_UNREAD = {
    "number": "{} bukan angka.",
    "sentiment": "{} bukan sentimen yang dikenal (positif, netral, negatif).",
}


def _read(kind: str, cells: pd.Series, place: str) -> tuple[pd.Series, list[Problem]]:
    """The column's values and the problem of each filled cell that cannot be read."""
    if kind == "text":
        return cells.map(lambda c: None if c is None else str(c)), []
    reader = {"number": values.number, "sentiment": values.sentiment}[kind]
    parsed = pd.Series([None if c is None else reader(c) for c in cells], index=cells.index,
                       dtype=object)
    problems = [Problem(int(r), place, _UNREAD[kind].format(shown(cells[r])))
                for r in cells.index if cells[r] is not None and parsed[r] is None]
    if kind == "number":
        parsed = pd.to_numeric(parsed)
    return parsed, problems


def _repeats(data: pd.DataFrame, mapping: Mapping, where: dict[str, str]) -> list[Problem]:
    """Rows filled twice: a respondent or clip number, or a survey form's timestamp (with its
    time of day), that an earlier row already has. Two clips may well share a minute."""
    problems = []
    for key, what in (("id_responden", "nomor responden"), ("id_klip", "nomor klip"),
                      ("tanggal", "stempel waktu")):
        if key == "tanggal" and mapping.kind != "skm":
            continue
        header = mapping.columns.get(key)
        if not header or header not in data.columns:
            continue
        first: dict[str, int] = {}
        for r, cell in data[header].items():
            if cell is None or (key == "tanggal" and not values.has_time(cell)):
                continue
            text = str(cell)
            if text in first:
                problems.append(Problem(int(r), where[key], f"{what} sama dengan baris "
                                        f"{first[text]} (kemungkinan terisi dua kali)."))
            else:
                first[text] = int(r)
    return problems


def _identical(frame: pd.DataFrame, mapping: Mapping) -> list[str]:
    """A note on respondents who answered exactly like another one (kept and counted)."""
    if mapping.kind != "skm":
        return []
    answers = frame[[c for c in satisfaction.COLUMNS if c in frame.columns]]
    same = answers.astype(str).duplicated(keep=False) & answers.notna().all(axis=1)
    rows = [int(r) for r in answers.index[same]]
    if not rows:
        return []
    listed = ", ".join(str(r) for r in rows[:LISTED_ROWS])
    more = f" dan {len(rows) - LISTED_ROWS} baris lain" if len(rows) > LISTED_ROWS else ""
    note = (f"{angka(len(rows), 0)} responden memberi jawaban yang sama persis dengan "
            f"responden lain (baris {listed}{more}). Pada skala 1–4 hal ini wajar, jadi "
            "semuanya tetap dihitung. Isian ganda hanya ditandai bila nomor responden atau "
            "stempel waktunya sama.")
    return [note]


def _schema_problems(frame: pd.DataFrame, mapping: Mapping, source: str,
                     where: dict[str, str], skip: set[tuple[int, str]]) -> list[Problem]:
    """Required cells, reach and sentiment, checked by pandera (cells already reported are
    not reported again; answers' ranges were checked while reading them)."""
    columns = {}
    for fld in mapping.fields:
        if fld.key not in frame.columns:
            continue
        nullable = not fld.required
        if fld.kind == "number":
            columns[fld.key] = Column(float, Check.ge(0), nullable=nullable)
        elif fld.kind == "sentiment":
            columns[fld.key] = Column(str, Check.isin(monitoring.SENTIMENTS), nullable=nullable)
        else:
            columns[fld.key] = Column(None, nullable=nullable)
    try:
        validate(frame, pa.DataFrameSchema(columns), source, row_offset=0)
    except DatasetError as error:
        return [Problem(p.row, where.get(p.column, p.column), p.message.replace("'", ""))
                for p in error.problems if (p.row, p.column) not in skip]
    return []


def canonical(prepared: Prepared, table: pd.DataFrame) -> pd.DataFrame:
    """The usable rows shaped as the module functions expect (integer answers, clip ids)."""
    out = table.copy()
    if prepared.kind == "skm":
        for column in satisfaction.COLUMNS:
            out[column] = out[column].astype("int64")
    else:
        if "id_klip" not in out.columns or out["id_klip"].isna().any():
            out["id_klip"] = [f"baris {r}" for r in out.index]
        if "opd_terkait" not in out.columns:
            out["opd_terkait"] = None
        out["opd_terkait"] = out["opd_terkait"].fillna(NOT_NAMED)
        out["topik"] = out["topik"].str.strip().str.lower()
        out["jangkauan"] = out["jangkauan"].fillna(0).astype("int64")
    return out
