"""Read a CSV and validate it against a pandera schema, reporting problems in Indonesian.

Participants and trainers see these messages, so each names the file, the row (as a
spreadsheet shows it: the header is row 1) and the column, and says what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

MAX_LISTED = 20


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset; ``row`` is the file's row number, or None."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"baris {self.row}")
        if self.column is not None:
            where.append(f"kolom '{self.column}'")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class DatasetError(ValueError):
    """A dataset file is unreadable or breaks its schema. The message is in Indonesian."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = problems
        listed = "\n".join(f"  • {p}" for p in problems[:MAX_LISTED])
        more = len(problems) - MAX_LISTED
        if more > 0:
            listed += f"\n  • ... dan {more} masalah lain."
        super().__init__(
            f"Data {source} tidak dapat dipakai ({len(problems)} masalah):\n{listed}"
        )


def read_csv(path: Path, source: str) -> pd.DataFrame:
    """Read a CSV with every cell as text, turning parser failures into DatasetError."""
    try:
        return pd.read_csv(path, dtype=str, encoding="utf-8")
    except FileNotFoundError:
        raise DatasetError(source, [Problem(None, None, f"berkas {path} tidak ditemukan.")])
    except UnicodeDecodeError:
        msg = "berkas bukan teks UTF-8 (simpan ulang sebagai CSV UTF-8)."
        raise DatasetError(source, [Problem(None, None, msg)])
    except pd.errors.EmptyDataError:
        raise DatasetError(source, [Problem(None, None, "berkas kosong, tidak ada judul kolom.")])
    except pd.errors.ParserError as exc:
        raise DatasetError(source, [_parser_problem(str(exc))])


def _parser_problem(text: str) -> Problem:
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", text)
    if found:
        expected, line, seen = (int(g) for g in found.groups())
        return Problem(
            line, None,
            f"baris ini berisi {seen} kolom, padahal judul berisi {expected} kolom "
            "(periksa koma atau tanda kutip yang berlebih).",
        )
    return Problem(None, None, f"berkas CSV rusak dan tidak dapat dibaca ({text.strip()}).")


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, source: str,
             row_offset: int = 2) -> pd.DataFrame:
    """Return the frame coerced to the schema, or raise DatasetError listing every problem.

    ``row_offset`` turns a 0-based index into the row a reader sees: 2 for a CSV file
    with a header; use 0 for a frame built in code (rows are then index labels).
    """
    try:
        return schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems = _translate(exc.failure_cases, row_offset)
        raise DatasetError(source, problems) from None


_DTYPE_WORDS = {
    "int": "bilangan bulat",
    "float": "angka",
    "datetime": "tanggal (format TTTT-BB-HH)",
    "bool": "nilai benar/salah (True/False)",
    "str": "teks",
}


def _dtype_word(check: str) -> str:
    for key, word in _DTYPE_WORDS.items():
        if key in check.lower():
            return word
    return "tipe data yang diminta"


def _check_message(check: str, value: object) -> str:
    shown = f"'{value}'"
    if check.startswith("isin("):
        allowed = ", ".join(re.findall(r"'([^']*)'", check)) or check[5:-1]
        return f"nilai {shown} tidak termasuk pilihan yang sah ({allowed})."
    if check.startswith("in_range("):
        low, high = (s.strip() for s in check[9:-1].split(",")[:2])
        return f"nilai {shown} di luar rentang {low} sampai {high}."
    if check.startswith("greater_than_or_equal_to("):
        return f"nilai {shown} harus paling kecil {check[25:-1]}."
    if check.startswith("greater_than("):
        return f"nilai {shown} harus lebih besar dari {check[13:-1]}."
    if check.startswith("less_than_or_equal_to("):
        return f"nilai {shown} harus paling besar {check[22:-1]}."
    if check.startswith("str_matches("):
        return f"nilai {shown} tidak sesuai format yang diminta."
    if check.startswith("str_length("):
        return f"panjang teks {shown} tidak sesuai ketentuan."
    if check in ("field_uniqueness", "multiple_fields_uniqueness"):
        return f"nilai kunci {shown} muncul lebih dari sekali (harus unik)."
    if check == "not_nullable":
        return "sel kosong, padahal kolom ini wajib diisi."
    if check.startswith(("coerce_dtype(", "dtype(")):
        return f"nilai {shown} bukan {_dtype_word(check)}."
    # A custom Check carries its own (Indonesian) error text as its name.
    return f"nilai {shown}: {check}"


def _translate(cases: pd.DataFrame, row_offset: int) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple] = set()
    # Coercion failures explain the dtype and range failures pandera reports after them.
    coerced = {
        (c.column, c.index) for c in cases.itertuples() if str(c.check).startswith("coerce_dtype(")
    }
    coerced_columns = {col for col, _ in coerced}
    for case in cases.itertuples():
        check, column, value = str(case.check), case.column, case.failure_case
        if check == "column_in_dataframe":
            problems.append(Problem(None, str(value), "kolom wajib ini tidak ada di berkas."))
            continue
        if check == "column_in_schema":
            problems.append(Problem(None, str(value), "kolom ini tidak dikenal oleh skema data."))
            continue
        if pd.isna(case.index):
            if column in coerced_columns:
                continue  # a follow-on of a coercion failure already reported per row
            problems.append(Problem(None, _column_name(column), _check_message(check, value)))
            continue
        if check.startswith("dtype(") and (column, case.index) in coerced:
            continue
        if not check.startswith("coerce_dtype(") and (column, case.index) in coerced:
            continue
        row = int(case.index) + row_offset
        key = (row, column, check)
        if key in seen:
            continue
        seen.add(key)
        problems.append(Problem(row, _column_name(column), _check_message(check, value)))
    problems.sort(key=lambda p: (p.row is not None, p.row or 0, p.column or ""))
    return problems


def _column_name(column: object) -> str | None:
    if column is None or (isinstance(column, float) and pd.isna(column)):
        return None
    return str(column)
