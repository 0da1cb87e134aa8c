"""Check a mapped sheet and build the table the modules' functions read.

Every problem is a :class:`~humaskit.datasets.Problem` naming the spreadsheet row and the
participant's own column (letter and header). Reading a cell (a date, a number, an answer
text) is done here; ranges, empty required cells and duplicate respondents are checked by a
pandera schema, with the kit's Indonesian messages. Rows with a problem can be left out
(:meth:`Prepared.usable`); the participant's file is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera import Check, Column

from humaskit import satisfaction
from humaskit.datasets.validation import DatasetError, Problem, validate
from humaskit.issues import monitoring
from humaskit.own_data import values
from humaskit.own_data.mapping import Mapping
from humaskit.own_data.reading import RawTable

#: What stands in for an office or service unit the sheet does not name.
NOT_NAMED = "(tidak disebut)"


@dataclass(frozen=True)
class Prepared:
    """The canonical table (index: spreadsheet row), what is wrong, and where."""

    source: str
    kind: str
    frame: pd.DataFrame
    problems: list[Problem]

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems if p.row is not None})

    def usable(self, leave_out_bad_rows: bool = False) -> pd.DataFrame:
        """The rows to compute with; raises DatasetError listing the problems unless there
        are none or the participant chose to leave the bad rows out."""
        if self.problems and not leave_out_bad_rows:
            raise DatasetError(self.source, self.problems)
        good = self.frame.drop(index=self.bad_rows, errors="ignore")
        if good.empty:
            raise DatasetError(self.source, [Problem(None, None, "tidak ada satu baris pun "
                                                     "yang dapat dihitung.")])
        return good


def prepare(raw: RawTable, mapping: Mapping) -> Prepared:
    """Read every mapped cell, check the result, and list each problem with its place."""
    mapping.check(raw)
    data = raw.frame.set_axis(list(raw.rows), axis=0)
    problems: list[Problem] = []
    empty = data.isna().all(axis=1)
    problems += [Problem(int(r), None, "baris kosong.") for r in data.index[empty]]
    data = data[~empty]
    repeated = data.duplicated(keep="first")
    first_of = {tuple(row): r for r, row in data[~repeated].astype(str).iterrows()}
    problems += [Problem(int(r), None, "sama persis dengan baris "
                         f"{first_of[tuple(row)]} (kemungkinan terisi dua kali).")
                 for r, row in data[repeated].astype(str).iterrows()]
    data = data[~repeated]

    frame = pd.DataFrame(index=data.index)
    where, unreadable = {}, set()
    for field in mapping.fields:
        header = mapping.columns.get(field.key)
        if not header:
            continue
        where[field.key] = raw.where(header)
        cells = data[header]
        parsed, unread = _read(field.kind, cells)
        frame[field.key] = parsed
        problems += [Problem(int(r), raw.where(header), message) for r, message in unread]
        unreadable |= {(int(r), field.key) for r, _ in unread}
    problems += _schema_problems(frame, mapping, raw.source, where, unreadable)
    problems.sort(key=lambda p: (p.row is None, p.row or 0, p.column or ""))
    return Prepared(raw.source, mapping.kind, frame, problems)


_UNREAD = {
    "answer": "teks '{}' tidak dapat dibaca sebagai jawaban 1–4.",
    "number": "'{}' bukan angka.",
    "date": "'{}' tidak dapat dibaca sebagai tanggal (contoh yang benar: 01/09/2025).",
    "sentiment": "'{}' bukan sentimen yang dikenal (positif, netral, negatif).",
}


def _read(kind: str, cells: pd.Series) -> tuple[pd.Series, list[tuple[int, str]]]:
    """The column's values and the (row, message) of each filled cell that cannot be read."""
    if kind == "text":
        return cells.map(lambda c: None if c is None else str(c)), []
    if kind == "date":
        first = values.day_first(cells)
        reader = lambda c: values.date(c, first)
    else:
        reader = {"answer": values.answer, "number": values.number,
                  "sentiment": values.sentiment}[kind]
    parsed = pd.Series([None if c is None else reader(c) for c in cells], index=cells.index,
                       dtype=object)
    unread = [(r, _UNREAD[kind].format(cells[r]))
              for r in cells.index if cells[r] is not None and parsed[r] is None]
    if kind == "date":
        parsed = pd.to_datetime(parsed)
    elif kind == "answer":  # whole answers as int, so that a message shows 5, not 5.0
        parsed = pd.Series([int(v) if v is not None and v.is_integer() else v for v in parsed],
                           index=parsed.index, dtype=object)
    elif kind == "number":
        parsed = pd.to_numeric(parsed)
    return parsed, unread


def _schema_problems(frame: pd.DataFrame, mapping: Mapping, source: str,
                     where: dict[str, str], unreadable: set[tuple[int, str]]) -> list[Problem]:
    """Ranges, required cells and unique respondents, checked by pandera (cells already
    reported as unreadable are not reported again as empty)."""
    whole = Check(lambda v: pd.isna(v) or float(v).is_integer(), element_wise=True,
                  name="jawaban harus bilangan bulat (1, 2, 3 atau 4), bukan pecahan.")
    columns = {}
    for field in mapping.fields:
        if field.key not in frame.columns:
            continue
        nullable = not field.required
        if field.kind == "answer":
            checks = [Check.in_range(satisfaction.ANSWERS[0], satisfaction.ANSWERS[-1]), whole]
            columns[field.key] = Column(None, checks, nullable=nullable)
        elif field.kind == "number":
            columns[field.key] = Column(float, Check.ge(0), nullable=nullable)
        elif field.kind == "sentiment":
            columns[field.key] = Column(str, Check.isin(monitoring.SENTIMENTS), nullable=nullable)
        else:
            unique = field.key in ("id_responden", "id_klip")
            columns[field.key] = Column(None, nullable=nullable, unique=unique)
    try:
        validate(frame, pa.DataFrameSchema(columns), source, row_offset=0)
    except DatasetError as error:
        return [Problem(p.row, where.get(p.column, p.column), p.message)
                for p in error.problems if (p.row, p.column) not in unreadable]
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
