"""A participant's own office data: read, map, check, compute, take home (no code needed).

The pipeline, one module a stage::

    reading.read_table(path_or_bytes, name)   -> RawTable (cells, spreadsheet rows, letters)
    mapping.propose(raw, "skm"|"monitoring")   -> Mapping (field -> column, personal columns)
    prepare.prepare(raw, mapping)              -> Prepared (canonical table, problems)
    results.survey(prepared, ...) / results.issues(prepared, ...)
    takehome.write(result, folder)             -> HTML, XLSX, DOCX

:mod:`humaskit.own_data.ui` puts the same steps behind one widget (``DataSaya``) for the
"Data Anda sendiri" sections of Days 1 and 2. :func:`analyse` runs them in one call.
"""

from __future__ import annotations

from pathlib import Path

from humaskit.own_data import fields, mapping, prepare, reading, results, takehome
from humaskit.own_data.mapping import Mapping

__all__ = ["Mapping", "analyse", "fields", "mapping", "prepare", "reading", "results",
           "takehome"]


def analyse(source: str | Path, kind: str, chosen: Mapping | None = None,
            leave_out_bad_rows: bool = False, population: int | None = None,
            sheet: str | None = None, header_row: int | None = None):
    """Read (a workbook's ``sheet``, default the active one; the header found or at
    ``header_row``), map (``chosen`` or the proposal), check and compute in one call."""
    raw = reading.read_table(source, sheet=sheet, header_row=header_row)
    used = chosen or mapping.propose(raw, kind)
    checked = prepare.prepare(raw, used)
    if kind == "skm":
        return results.survey(checked, leave_out_bad_rows, population)
    return results.issues(checked, leave_out_bad_rows)
