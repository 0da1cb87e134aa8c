"""Text that others wrote, made safe for the documents, spreadsheets and terminal it reaches.

Participants' strings (names, comments, RTL actions, file names, error messages) end up in
Word, HTML, PDF, XLSX and CSV files and on the trainer's terminal. :func:`printable` removes
what those formats cannot hold or a reader would obey (control characters, lone surrogates,
bidirectional overrides); :func:`visible` shows them as ``�`` instead, for a name that must
stay recognisable; :func:`for_csv` also defuses spreadsheet formulas (OWASP CSV injection)
and :func:`no_formulas` makes every text cell of a workbook plain text.
"""

from __future__ import annotations

import re

import pandas as pd

#: Word's manual line break (vertical tab) and a form feed are read as a new line.
BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
#: C0 and C1 controls except tab, line feed and carriage return; lone surrogates; the two
#: non-characters; bidirectional embeddings, overrides and isolates (they reorder a line).
UNSAFE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                    "\u202a-\u202e\u2066-\u2069]")
#: The same, and tab, line feed and carriage return: nothing may break or colour a line.
UNSAFE_ON_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                              "\u202a-\u202e\u2066-\u2069]")
#: A spreadsheet reads a cell starting with one of these as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(text: object) -> str:
    """``text`` without the characters a document cannot hold (python-docx and openpyxl
    refuse them) or that would reorder it; line breaks stay."""
    return UNSAFE.sub("", str(text).translate(BREAKS))


def visible(text: object) -> str:
    """``text`` on one line, every control character shown as ``�``: for a file name in a
    message, so that a newline or an ANSI code cannot fake a line on the terminal."""
    return UNSAFE_ON_A_LINE.sub("\N{REPLACEMENT CHARACTER}", str(text))


def visible_lines(text: object) -> str:
    """Each line of a multi-line message made :func:`visible`; the line breaks stay."""
    return "\n".join(visible(line) for line in str(text).splitlines())


def for_csv(value: object) -> object:
    """A cell for a CSV file: text made printable and, when a spreadsheet would read it as a
    formula, prefixed with ``'``; anything else unchanged."""
    if not isinstance(value, str):
        return value
    value = printable(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def from_csv(value: object) -> object:
    """A value read back from a CSV the kit wrote: the ``'`` that :func:`for_csv` added
    before a formula is taken off again."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def frame_for_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names pass :func:`for_csv`."""
    return _mapped(frame, for_csv)


def frame_printable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are :func:`printable`."""
    return _mapped(frame, lambda v: printable(v) if isinstance(v, str) else v)


def to_csv(frame: pd.DataFrame, path, encoding: str = "utf-8-sig") -> None:
    """Write ``frame`` as CSV (no index) with every text cell passed through :func:`for_csv`."""
    frame_for_csv(frame).to_csv(path, index=False, encoding=encoding)


def no_formulas(sheet) -> None:
    """Make every cell of an openpyxl worksheet that would be a formula plain text (openpyxl
    writes any string starting with ``=`` as a formula)."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def _mapped(frame: pd.DataFrame, clean) -> pd.DataFrame:
    frame = frame.copy()
    frame.columns = [clean(c) for c in frame.columns]
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            # the whole column is replaced: an all-empty text column maps to float NaN,
            # which pandas refuses to write into its string dtype in place
            frame.isetitem(i, column.map(clean))
    return frame
