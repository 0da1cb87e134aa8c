"""Documents participants and organisers take away: one content model, three formats.

A :class:`Document` is a title, a note on where its figures come from, and sections of
paragraphs, tables and charts. :func:`to_html` writes a self-contained page (charts as PNG
images, nothing loaded from outside), :func:`to_docx` a Word file an office can edit, and
:func:`to_xlsx` a workbook with one sheet per table. Numbers in HTML and Word are written the
Indonesian way (77,13; 1.525.434); the workbook keeps them as numbers.

Every writer first makes the document's text printable (:mod:`humaskit.safe_text`): a
participant's comment with a control character must not stop a report, and no text cell of a
workbook is ever a formula.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import pandas as pd

from humaskit import charts, pages, safe_text
from humaskit.number_format import angka


@dataclass
class Table:
    """A captioned table; ``decimals`` per column for floats (default 2)."""

    caption: str
    frame: pd.DataFrame
    decimals: dict[str, int] = field(default_factory=dict)

    def cells(self) -> list[list[str]]:
        """Every cell as text, numbers written the Indonesian way."""
        return [[self._text(column, value) for column, value in row.items()]
                for _, row in self.frame.iterrows()]

    def html(self) -> str:
        """The table as HTML, with its caption; every text escaped."""
        esc = html.escape
        head = "".join(f"<th>{esc(str(c))}</th>" for c in self.frame.columns)
        body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                       for row in self.cells())
        return f"<table><caption>{esc(self.caption)}</caption><tr>{head}</tr>{body}</table>"

    def _text(self, column: str, value: object) -> str:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return "–"
        if isinstance(value, bool):
            return "ya" if value else "tidak"
        if isinstance(value, float):
            return angka(value, self.decimals.get(column, 2))
        if isinstance(value, int):
            return angka(value, 0)
        if isinstance(value, pd.Timestamp):
            return value.strftime("%d-%m-%Y")
        return str(value)


@dataclass
class Chart:
    """A chart with the sentence that describes it (the image's alternative text)."""

    description: str
    chart: alt.TopLevelMixin


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    #: Lines set out as a bulleted list after the paragraphs.
    points: list[str] = field(default_factory=list)


@dataclass
class Document:
    title: str
    subtitle: str
    note: str
    sections: list[Section]


CSS = """
body{font-family:"Segoe UI",Arial,sans-serif;max-width:60em;margin:1.5em auto;color:#222;
line-height:1.45;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:1px solid #ccc;
margin-top:1.6em}
.sub{color:#555;margin-top:0}.note{background:#f3f6fa;border-left:4px solid #2c6fbb;
padding:.6em .9em}
table{border-collapse:collapse;margin:.6em 0 1em}caption{text-align:left;font-weight:600;
padding-bottom:.3em}th,td{border:1px solid #bbb;padding:.25em .6em;text-align:left;
vertical-align:top}th{background:#eef1f4}img{max-width:100%}
@media print{body{margin:0}h2{page-break-after:avoid}table,img{page-break-inside:avoid}}
"""


def printable(document: Document) -> Document:
    """A copy of ``document`` whose every text (titles, paragraphs, points, captions, table
    cells and headers, chart descriptions) is :func:`humaskit.safe_text.printable`."""
    clean = safe_text.printable
    return Document(clean(document.title), clean(document.subtitle), clean(document.note), [
        Section(clean(s.title), [clean(p) for p in s.paragraphs],
                [Table(clean(t.caption), safe_text.frame_printable(t.frame),
                       {clean(k): v for k, v in t.decimals.items()}) for t in s.tables],
                [Chart(clean(c.description), c.chart) for c in s.charts],
                [clean(p) for p in s.points])
        for s in document.sections])


def to_html(document: Document) -> str:
    """A complete HTML page; every text is escaped, every chart a PNG data URI."""
    document = printable(document)
    esc = html.escape
    parts = [f"<h1>{esc(document.title)}</h1>", f"<p class='sub'>{esc(document.subtitle)}</p>",
             f"<p class='note'>{esc(document.note)}</p>"]
    for section in document.sections:
        parts.append(f"<h2>{esc(section.title)}</h2>")
        parts += [f"<p>{esc(p)}</p>" for p in section.paragraphs]
        if section.points:
            parts.append("<ul>" + "".join(f"<li>{esc(p)}</li>" for p in section.points)
                         + "</ul>")
        parts += [table.html() for table in section.tables]
        for chart in section.charts:
            parts.append(f"<p><img alt='{esc(chart.description)}' "
                         f"src='{charts.png_data_uri(chart.chart)}'></p>")
    return pages.document(document.title, "\n".join(parts), CSS)


def to_docx(document: Document, path: str | Path) -> Path:
    """A Word document with the same content; charts as pictures 15 cm wide."""
    import docx
    from docx.shared import Cm

    document = printable(document)
    word = docx.Document()
    word.core_properties.title = document.title
    word.core_properties.language = "id-ID"
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle)
    word.add_paragraph().add_run(document.note).italic = True
    for section in document.sections:
        word.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            word.add_paragraph(paragraph)
        for point in section.points:
            word.add_paragraph(point, style="List Bullet")
        for table in section.tables:
            word.add_paragraph(table.caption).runs[0].bold = True
            grid = word.add_table(rows=1, cols=len(table.frame.columns), style="Table Grid")
            for cell, name in zip(grid.rows[0].cells, table.frame.columns):
                cell.text = str(name)
                cell.paragraphs[0].runs[0].bold = True
            for row in table.cells():
                for cell, text in zip(grid.add_row().cells, row):
                    cell.text = text
        for chart in section.charts:
            word.add_picture(io.BytesIO(charts.to_png(chart.chart)), width=Cm(15))
            word.add_paragraph().add_run(chart.description).italic = True
    path = Path(path)
    word.save(path)
    return path


def to_xlsx(document: Document, path: str | Path) -> Path:
    """A workbook: a sheet ``Keterangan`` with the title and note, then one sheet per table."""
    path = Path(path)
    document = printable(document)
    about = pd.DataFrame({"Keterangan": [document.title, document.subtitle, document.note]})
    used: set[str] = set()
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        about.to_excel(book, sheet_name="Keterangan", index=False)
        safe_text.no_formulas(book.sheets["Keterangan"])
        for section in document.sections:
            for table in section.tables:
                name = _sheet_name(table.caption, used)
                table.frame.to_excel(book, sheet_name=name, index=False)
                sheet = book.sheets[name]
                safe_text.no_formulas(sheet)
                for column in sheet.columns:
                    width = max(len(str(c.value or "")) for c in column)
                    sheet.column_dimensions[column[0].column_letter].width = min(60, width + 2)
    return path


def _sheet_name(caption: str, used: set[str]) -> str:
    """Excel allows 31 characters and no ``[]:*?/\\`` in a sheet name."""
    base = re.sub(r"[\[\]:*?/\\]", " ", caption)[:28].strip() or "Tabel"
    name, n = base, 2
    while name.lower() in used:
        name, n = f"{base[:25]} {n}", n + 1
    used.add(name.lower())
    return name
