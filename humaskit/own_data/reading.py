"""Read a participant's own CSV or XLSX as it is, without changing the file.

Office sheets are messy: a letterhead, Excel titles and merged group headers above the real
header row, several sheets in one workbook, semicolon-separated CSV from an Indonesian-locale
Excel, Windows encodings, blank lines and pre-numbered empty template rows. :func:`read_table`
finds the header row and keeps, for every data row, the row number the participant sees in
their spreadsheet, so that every later message can point at it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from humaskit.datasets.validation import DatasetError, Problem
from humaskit.own_data import fields

#: Largest file the kit reads (a survey or monitoring sheet is far smaller).
MAX_BYTES = 20 * 1024 * 1024
#: How many top rows may hold a letterhead, titles or group headers before the header row.
HEADER_SEARCH_ROWS = 30
ENCODINGS = ("utf-8-sig", "cp1252")
SEPARATORS = ",;\t|"
SNIFF_CHARS = 64 * 1024
#: Headers of a running-number column: a row with nothing else is an empty template row.
NUMBERING = ("no", "nomor", "no urut", "nomor urut", "urutan", "nomor responden",
             "no responden", "id responden", "id", "kode responden")
_LEGEND = re.compile(r"(?:^|[\s,;:(])([A-Da-d])\s*[=:]\s*([A-Za-z][A-Za-z ]*?)\s*"
                     r"(?=[,;)]|\s+[A-Da-d]\s*[=:]|$)")


@dataclass(frozen=True)
class SheetProblem(Problem):
    """A problem named as the participant finds it: ``baris 6, kolom H «U3»: ...``."""

    def __str__(self) -> str:
        where = [f"baris {self.row}"] if self.row is not None else []
        if self.column is not None:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class RawTable:
    """A sheet as read: ``frame`` holds every cell as text (or a date from Excel) under the
    header's names; ``rows`` gives each data row's spreadsheet row number; ``letters`` each
    column's spreadsheet letter. Blank rows and empty template rows are not in ``frame``:
    ``blank_rows`` and ``template_rows`` count them. ``sheets`` lists a workbook's sheets,
    ``sheet`` is the one read; ``legend`` maps answer letters to the labels the file gives
    them ("A = Sangat Baik")."""

    source: str
    frame: pd.DataFrame
    rows: tuple[int, ...]
    letters: dict[str, str]
    blank_rows: int = 0
    template_rows: int = 0
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    legend: dict[str, str] = field(default_factory=dict)

    def where(self, column: str) -> str:
        """A column named as the participant finds it: ``C «Usia»``."""
        return f"{self.letters.get(column, '?')} «{column}»"


def read_table(data: bytes | str | Path, name: str | None = None, sheet: str | None = None,
               header_row: int | None = None) -> RawTable:
    """Read CSV or XLSX from a path or from uploaded bytes (``name`` gives the file name).

    A workbook's active sheet is read unless ``sheet`` names another. The header row is
    found in the first :data:`HEADER_SEARCH_ROWS` rows unless ``header_row`` (as the
    spreadsheet numbers it) says where it is."""
    if isinstance(data, (str, Path)):
        path = Path(data)
        name = name or path.name
        try:
            if path.stat().st_size > MAX_BYTES:
                raise _error(name, _TOO_BIG)
            data = path.read_bytes()
        except FileNotFoundError:
            raise _error(name, f"berkas {path} tidak ditemukan.") from None
        except IsADirectoryError:
            raise _error(name, f"{path} adalah folder, bukan berkas.") from None
        except PermissionError:
            raise _error(name, f"berkas {path} tidak boleh dibaca (izin akses).") from None
    name = name or "berkas unggahan"
    if len(data) > MAX_BYTES:
        raise _error(name, _TOO_BIG)
    if not data.strip():
        raise _error(name, "berkas kosong.")
    sheets, chosen = (), None
    if data[:4] == b"PK\x03\x04":
        grid, sheets, chosen = _xlsx_grid(data, name, sheet)
    elif name.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise _error(name, "berkas bernama Excel tetapi isinya bukan XLSX. Simpan ulang dari "
                           "Excel sebagai «Excel Workbook (*.xlsx)» atau «CSV UTF-8».")
    else:
        grid = _csv_grid(data, name)
    where = f"{name}, lembar «{chosen}»" if len(sheets) > 1 else name
    return _table(grid, where, header_row, sheets, chosen)


def sheet_names(data: bytes | str | Path) -> tuple[str, ...]:
    """The sheets of a workbook, () for a CSV or a file that cannot be opened."""
    import openpyxl

    try:
        if isinstance(data, (str, Path)):
            with open(data, "rb") as file:
                if file.read(4) != b"PK\x03\x04" or Path(data).stat().st_size > MAX_BYTES:
                    return ()
            data = Path(data).read_bytes()
        if data[:4] != b"PK\x03\x04" or len(data) > MAX_BYTES:
            return ()
        return tuple(openpyxl.load_workbook(io.BytesIO(data), read_only=True).sheetnames)
    except (*_damaged(), OSError):  # its own message has been given already
        return ()


_TOO_BIG = (f"berkas lebih dari {MAX_BYTES // 2**20} MB, terlalu besar untuk data survei atau "
            "pemantauan. Simpan hanya lembar dan kolom yang diperlukan, atau bagi berkasnya.")


def _error(name: str, message: str) -> DatasetError:
    return DatasetError(name, [SheetProblem(None, None, message)])


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
    # The sniffer's time grows fast with its sample: the top rows, at most 64 KiB of them.
    sample = "\n".join(text[:SNIFF_CHARS].splitlines()[:HEADER_SEARCH_ROWS + 20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=SEPARATORS)
        separator = dialect.delimiter
    except csv.Error:
        counts = {s: sample.count(s) for s in SEPARATORS}
        separator = max(counts, key=counts.get)
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    try:
        return [list(row) for row in reader]
    except csv.Error:  # a cell over the csv module's 128 KiB, or a quote never closed
        raise _error(name, f"baris {reader.line_num} tidak dapat dibaca: ada sel yang terlalu "
                           "panjang atau tanda kutip yang tidak ditutup. Periksa baris itu di "
                           "Excel, lalu simpan ulang sebagai CSV UTF-8.") from None


def _damaged() -> tuple[type[Exception], ...]:
    """What openpyxl raises for a damaged or foreign file."""
    from openpyxl.utils.exceptions import InvalidFileException

    return (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError,
            IndexError)


def _xlsx_grid(data: bytes, name: str, wanted: str | None
               ) -> tuple[list[list[object]], tuple[str, ...], str]:
    """The cells of the chosen sheet (default: the one the workbook opens on)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except _damaged():  # what openpyxl raises for a damaged or foreign file
        raise _error(name, "berkas Excel rusak atau tidak dapat dibuka. Buka di Excel lalu "
                           "simpan ulang sebagai .xlsx.") from None
    sheets = tuple(book.sheetnames)
    if wanted is not None and wanted not in sheets:
        raise _error(name, f"lembar «{wanted}» tidak ada. Lembar di berkas ini: "
                           f"{', '.join(f'«{s}»' for s in sheets)}.")
    sheet = book[wanted] if wanted is not None else (book.active or book.worksheets[0])
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    # A merged cell keeps its value in its top-left cell only: give it to the whole range.
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = value
    return grid, sheets, sheet.title


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and pd.isna(value))


def _header_index(grid: list[list[object]]) -> int | None:
    """The header row: the first top row with nearly as many distinct texts as the richest
    one. A letterhead line, a merged title or a group header has one text (a merged range
    repeats one value), so it never is; None when the top rows hold no text at all."""
    scores = [len({c for c in row if isinstance(c, str) and c.strip()})
              for row in grid[:HEADER_SEARCH_ROWS]]
    richest = max(scores, default=0)
    if richest == 0 or (richest == 1 and len(grid[0]) > 1):
        return None
    return next(i for i, score in enumerate(scores) if score >= 0.6 * richest)


def _legend(cells: list[object]) -> dict[str, str]:
    """Answer letters explained in the file, e.g. ``Keterangan: A = Sangat Baik, B = Baik``."""
    from humaskit.own_data.values import label_degree

    found = {}
    for cell in cells:
        if isinstance(cell, str):
            for letter, label in _LEGEND.findall(cell):
                if label_degree(label):
                    found[letter.lower()] = label.strip()
    return found


def _table(grid: list[list[object]], name: str, header_row: int | None,
           sheets: tuple[str, ...], sheet: str | None) -> RawTable:
    from openpyxl.utils import get_column_letter

    grid = list(grid)
    while grid and all(_blank(c) for c in grid[-1]):
        grid.pop()
    if not grid:
        others = [s for s in sheets if s != sheet]
        hint = (f" Lembar lain di berkas ini: {', '.join(f'«{s}»' for s in others)}; pilih "
                "lembarnya di langkah 1." if others else "")
        raise _error(name, "lembar ini tidak berisi data." + hint if sheets else
                     "berkas tidak berisi data.")
    width = max(len(r) for r in grid)
    grid = [list(r) + [None] * (width - len(r)) for r in grid]
    if header_row is not None:
        if not 1 <= header_row <= len(grid):
            raise _error(name, f"baris judul {header_row} tidak ada: lembar ini berisi "
                               f"{len(grid)} baris.")
        top = header_row - 1
    else:
        top = _header_index(grid)
    if top is None:
        raise _error(name, f"tidak ditemukan baris judul kolom di {HEADER_SEARCH_ROWS} baris "
                           "pertama. Tuliskan nomor baris judul kolom (baris yang berisi "
                           "«Tanggal», «U1» dan seterusnya) di kotak «Baris judul» pada "
                           "langkah 1, atau hapus baris kop di atasnya.")
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
        raise _error(name, f"baris {top + 1} yang dipilih sebagai judul kolom kosong.")
    if any(fields.looks_personal(h) for _, h in headers):  # a sheet without a header row
        raise _error(name, f"baris {top + 1} terbaca sebagai judul kolom, tetapi berisi data "
                           "(nomor telepon, NIK, surel atau alamat), bukan judul. Tambahkan "
                           "baris judul kolom di atas data, atau tuliskan nomor baris judulnya "
                           "di kotak «Baris judul» pada langkah 1.")
    numbering = {c for c, h in headers if fields.normalise(h) in NUMBERING}
    legend = _legend([c for row in grid[:top] for c in row])
    kept, rows, blank, template = [], [], 0, 0
    for r, row in enumerate(grid[top + 1:], start=top + 2):
        filled = [c for c, _ in headers if not _blank(row[c])]
        if not filled:
            blank += 1
            continue
        if set(filled) <= numbering:
            template += 1
            continue
        here = _legend([row[c] for c in filled])
        if here and len(filled) == 1:  # "Keterangan: A = ..., B = ..." under the data
            legend.update(here)
            continue
        kept.append([_cell(row[c]) for c, _ in headers])
        rows.append(r)
    if not kept:
        raise _error(name, "berkas hanya berisi judul kolom, tanpa baris data yang terisi.")
    frame = pd.DataFrame(kept, columns=[h for _, h in headers], dtype=object)
    return RawTable(name, frame, tuple(rows), letters, blank, template, sheets, sheet, legend)


def _cell(value: object) -> object:
    """Text stripped of stray spaces, None for blanks; numbers and dates from Excel as-is."""
    if _blank(value):
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    return value
