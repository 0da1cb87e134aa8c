"""Read a participant's own CSV or XLSX as it is, without changing the file.

Office sheets are messy: Excel titles and merged group headers above the real header row,
semicolon-separated CSV from an Indonesian-locale Excel, Windows encodings, blank lines.
:func:`read_table` finds the header row and keeps, for every data row, the row number the
participant sees in their spreadsheet, so that every later message can point at it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from humaskit.datasets.validation import DatasetError, Problem

#: Largest file the kit reads (a survey or monitoring sheet is far smaller).
MAX_BYTES = 20 * 1024 * 1024
#: How many top rows may hold titles or merged group headers before the real header.
HEADER_SEARCH_ROWS = 10
ENCODINGS = ("utf-8-sig", "cp1252")
SEPARATORS = ",;\t|"


@dataclass(frozen=True)
class RawTable:
    """A sheet as read: ``frame`` holds every cell as text (or a date from Excel) under the
    header's names; ``rows`` gives each data row's spreadsheet row number; ``letters`` each
    column's spreadsheet letter."""

    source: str
    frame: pd.DataFrame
    rows: tuple[int, ...]
    letters: dict[str, str]

    def where(self, column: str) -> str:
        """A column named as the participant finds it: ``C «Usia»``."""
        return f"{self.letters.get(column, '?')} «{column}»"


def read_table(data: bytes | str | Path, name: str | None = None) -> RawTable:
    """Read CSV or XLSX from a path or from uploaded bytes (``name`` gives the file name)."""
    if isinstance(data, (str, Path)):
        path = Path(data)
        name = name or path.name
        try:
            if path.stat().st_size > MAX_BYTES:
                raise _error(name, f"berkas lebih besar dari {MAX_BYTES // 2**20} MB.")
            data = path.read_bytes()
        except FileNotFoundError:
            raise _error(name, f"berkas {path} tidak ditemukan.") from None
        except IsADirectoryError:
            raise _error(name, f"{path} adalah folder, bukan berkas.") from None
    name = name or "berkas unggahan"
    if len(data) > MAX_BYTES:
        raise _error(name, f"berkas lebih besar dari {MAX_BYTES // 2**20} MB.")
    if not data.strip():
        raise _error(name, "berkas kosong.")
    if data[:4] == b"PK\x03\x04":
        grid = _xlsx_grid(data, name)
    elif name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise _error(name, "berkas bernama Excel tetapi isinya bukan XLSX. Simpan ulang dari "
                           "Excel sebagai 'Excel Workbook (*.xlsx)' atau 'CSV UTF-8'.")
    else:
        grid = _csv_grid(data, name)
    return _table(grid, name)


def _error(name: str, message: str) -> DatasetError:
    return DatasetError(name, [Problem(None, None, message)])


def _csv_grid(data: bytes, name: str) -> list[list[object]]:
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise _error(name, "berkas bukan teks yang dapat dibaca (simpan ulang sebagai CSV UTF-8).")
    if "\x00" in text:
        raise _error(name, "berkas ini bukan CSV atau XLSX (berisi data biner).")
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS + 20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=SEPARATORS)
        separator = dialect.delimiter
    except csv.Error:
        counts = {s: sample.count(s) for s in SEPARATORS}
        separator = max(counts, key=counts.get)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=separator)]


def _xlsx_grid(data: bytes, name: str) -> list[list[object]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    damaged = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError,
               OSError, IndexError)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except damaged as exc:  # what openpyxl raises for a damaged or foreign file
        raise _error(name, f"berkas Excel rusak atau tidak dapat dibuka ({type(exc).__name__}). "
                           "Buka di Excel lalu simpan ulang sebagai .xlsx.") from None
    sheet = book.worksheets[0]
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    # A merged cell keeps its value in its top-left cell only: give it to the whole range.
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = value
    return grid


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and pd.isna(value))


def _header_index(grid: list[list[object]]) -> int:
    """The header row: the first top row with nearly as many distinct texts as the richest
    one. A merged title or group header repeats one value across its range, so it never is."""
    scores = [len({c for c in row if isinstance(c, str) and c.strip()})
              for row in grid[:HEADER_SEARCH_ROWS]]
    richest = max(scores)
    return next(i for i, score in enumerate(scores) if score >= 0.6 * richest)


def _table(grid: list[list[object]], name: str) -> RawTable:
    from openpyxl.utils import get_column_letter

    grid = list(grid)
    while grid and all(_blank(c) for c in grid[-1]):
        grid.pop()
    if not grid:
        raise _error(name, "berkas tidak berisi data.")
    width = max(len(r) for r in grid)
    grid = [list(r) + [None] * (width - len(r)) for r in grid]
    if not any(isinstance(c, str) and c.strip() for row in grid[:HEADER_SEARCH_ROWS]
               for c in row):
        raise _error(name, "tidak ditemukan baris judul kolom di bagian atas berkas.")
    top = _header_index(grid)
    group = grid[top - 1] if top else [None] * width
    headers, letters = [], {}
    for c in range(width):
        label = grid[top][c]
        if _blank(label):
            label = group[c]  # a merged group header standing over an empty cell
        if _blank(label):
            continue
        text = " ".join(str(label).split())
        base, n = text, 2
        while text in letters:
            text, n = f"{base} ({n})", n + 1
        headers.append((c, text))
        letters[text] = get_column_letter(c + 1)
    if not headers:
        raise _error(name, "tidak ditemukan baris judul kolom di bagian atas berkas.")
    body = grid[top + 1:]
    if not body:
        raise _error(name, "berkas hanya berisi judul kolom, tanpa baris data.")
    frame = pd.DataFrame(
        [[_cell(row[c]) for c, _ in headers] for row in body],
        columns=[h for _, h in headers], dtype=object)
    rows = tuple(range(top + 2, top + 2 + len(body)))
    return RawTable(name, frame, rows, letters)


def _cell(value: object) -> object:
    """Text stripped of stray spaces, None for blanks; numbers and dates from Excel as-is."""
    if _blank(value):
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    return value
