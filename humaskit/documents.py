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

import base64
import html
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import altair as alt
import pandas as pd

from humaskit import charts, pages, safe_text
from humaskit.number_format import angka
from humaskit.paper import PAPER


@dataclass
class Table:
    """A captioned table; ``decimals`` per column for floats (default 2)."""

    caption: str
    frame: pd.DataFrame
    decimals: dict[str, int] = field(default_factory=dict)
    #: Rows tall enough to write or sign in (a printed form), in mm.
    row_height: float | None = None

    def cells(self) -> list[list[str]]:
        """Every cell as text, numbers written the Indonesian way."""
        return [[self._text(column, value) for column, value in row.items()]
                for _, row in self.frame.iterrows()]

    def html(self) -> str:
        """The table as HTML, with its caption; every text escaped."""
        esc = html.escape
        head = "".join(f"<th>{esc(str(c))}</th>" for c in self.frame.columns)
        tall = f" style='height:{self.row_height}mm'" if self.row_height else ""
        body = "".join(f"<tr{tall}>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
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
class Image:
    """A picture file (PNG or JPEG) with its caption."""

    path: Path
    caption: str


@dataclass
class Signature:
    """A signature block: an optional line above (place and date), the role, the name and
    NIP, with room to sign between."""

    role: str
    name: str
    nip: str = ""
    above: str = ""


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    #: Lines set out as a bulleted list after the paragraphs (numbered if ``numbered``).
    points: list[str] = field(default_factory=list)
    #: 1 for a chapter, 2 for a part of one; a chapter with ``new_page`` starts a page.
    level: int = 1
    new_page: bool = False
    numbered: bool = False
    images: list[Image] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)


#: Paper an office prints on: name -> (width, height) in mm.
@dataclass
class Document:
    title: str
    subtitle: str
    note: str
    sections: list[Section]
    #: The letterhead (kop) lines of the issuing office, printed at the top of the first page.
    letterhead: list[str] = field(default_factory=list)
    #: A printed office document: paper size and page numbers, and a table of contents
    #: unless ``contents`` is False.
    paper: str | None = None
    contents: bool = True


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
    cells and headers, chart descriptions, letterhead, signature blocks) is
    :func:`humaskit.safe_text.printable`; every other field is kept."""
    clean = safe_text.printable
    return replace(
        document, title=clean(document.title), subtitle=clean(document.subtitle),
        note=clean(document.note), letterhead=[clean(line) for line in document.letterhead],
        sections=[replace(
            s, title=clean(s.title), paragraphs=[clean(p) for p in s.paragraphs],
            tables=[replace(t, caption=clean(t.caption),
                            frame=safe_text.frame_printable(t.frame),
                            decimals={clean(k): v for k, v in t.decimals.items()})
                    for t in s.tables],
            charts=[replace(c, description=clean(c.description)) for c in s.charts],
            points=[clean(p) for p in s.points],
            images=[replace(i, caption=clean(i.caption)) for i in s.images],
            signatures=[Signature(clean(g.role), clean(g.name), clean(g.nip), clean(g.above))
                        for g in s.signatures])
            for s in document.sections])


PRINT_CSS = """
@page{{size:{width}mm {height}mm;margin:22mm 20mm 22mm 25mm;
@bottom-center{{content:counter(page);font:10pt "Times New Roman",serif}}}}
body{{font-family:"Times New Roman",Georgia,serif;font-size:12pt;max-width:none;margin:0;
padding:0}}
.kop{{text-align:center;border-bottom:3px double #000;padding-bottom:2mm;margin-bottom:6mm}}
.kop p{{margin:0;font-weight:bold}}.kop p:first-child{{font-size:14pt}}
h1{{text-align:center}}.sub{{text-align:center}}
h2{{border-bottom:none}}h3{{font-size:1em;margin:1.2em 0 .4em}}
.newpage{{break-before:page}}.toc{{list-style:none;padding-left:0}}.toc .l2{{padding-left:2em}}
table{{width:100%;font-size:10.5pt}}th,td{{overflow-wrap:break-word;hyphens:auto;
white-space:pre-line}}
.ttd{{display:flex;justify-content:space-around;align-items:flex-end;gap:10mm;margin-top:8mm;
break-inside:avoid}}
.ttd div{{text-align:center;min-width:60mm;white-space:pre-line}}.ttd .ruang{{height:22mm}}
.ttd .nama{{font-weight:bold;text-decoration:underline}}
figure{{margin:.6em 0;break-inside:avoid}}figure img{{max-width:100%;max-height:110mm}}
figcaption{{font-style:italic}}
"""


def _anchor(n: int) -> str:
    return f"bagian-{n}"


def to_html(document: Document) -> str:
    """A complete HTML page; every text is escaped, every chart a PNG data URI. A printed
    office document (``paper`` set) gets its letterhead, a table of contents, page size and
    page numbers for printing."""
    document = printable(document)
    esc = html.escape
    parts = []
    if document.letterhead:
        parts.append("<div class='kop'>" + "".join(f"<p>{esc(line)}</p>"
                                                   for line in document.letterhead) + "</div>")
    parts += [f"<h1>{esc(document.title)}</h1>", f"<p class='sub'>{esc(document.subtitle)}</p>",
              f"<p class='note'>{esc(document.note)}</p>"]
    if document.paper and document.contents:
        parts.append("<h2>Daftar isi</h2><ul class='toc'>" + "".join(
            f"<li class='l{s.level}'><a href='#{_anchor(n)}'>{esc(s.title)}</a></li>"
            for n, s in enumerate(document.sections)) + "</ul>")
    for n, section in enumerate(document.sections):
        tag = "h2" if section.level == 1 else "h3"
        page = " class='newpage'" if section.new_page and document.paper else ""
        parts.append(f"<{tag} id='{_anchor(n)}'{page}>{esc(section.title)}</{tag}>")
        parts += [f"<p>{esc(p)}</p>" for p in section.paragraphs]
        if section.points:
            tag = "ol" if section.numbered else "ul"
            parts.append(f"<{tag}>" + "".join(f"<li>{esc(p)}</li>" for p in section.points)
                         + f"</{tag}>")
        parts += [table.html() for table in section.tables]
        for chart in section.charts:
            parts.append(f"<p><img alt='{esc(chart.description)}' "
                         f"src='{charts.png_data_uri(chart.chart)}'></p>")
        for image in section.images:
            parts.append(f"<figure><img alt='{esc(image.caption)}' "
                         f"src='{_image_uri(image.path)}'><figcaption>{esc(image.caption)}"
                         "</figcaption></figure>")
        if section.signatures:
            parts.append("<div class='ttd'>" + "".join(
                f"<div>{esc(s.above)}<br>{esc(s.role)}<div class='ruang'></div>"
                f"<div class='nama'>{esc(s.name)}</div>"
                + (f"NIP {esc(s.nip)}" if s.nip else "") + "</div>"
                for s in section.signatures) + "</div>")
    css = CSS
    if document.paper:
        width, height = PAPER[document.paper]
        css += PRINT_CSS.format(width=width, height=height)
    return pages.document(document.title, "\n".join(parts), css)


def _image_uri(path: Path) -> str:
    kind = "png" if Path(path).suffix.lower() == ".png" else "jpeg"
    return f"data:image/{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode()


def to_docx(document: Document, path: str | Path) -> Path:
    """A Word document with the same content; charts as pictures 15 cm wide."""
    import docx
    from docx.shared import Cm, Mm

    document = printable(document)
    word = docx.Document()
    word.core_properties.title = document.title
    word.core_properties.language = "id-ID"
    if document.paper:
        _office_page(word, document)
    word.add_heading(document.title, level=0)
    word.add_paragraph(document.subtitle)
    word.add_paragraph().add_run(document.note).italic = True
    if document.paper and document.contents:
        word.add_heading("Daftar isi", level=1)
        _contents(word, document)
    for section in document.sections:
        if section.new_page and document.paper:
            word.add_page_break()
        word.add_heading(section.title, level=section.level)
        for paragraph in section.paragraphs:
            word.add_paragraph(paragraph)
        for point in section.points:
            word.add_paragraph(point, style="List Number" if section.numbered
                               else "List Bullet")
        for table in section.tables:
            word.add_paragraph(table.caption).runs[0].bold = True
            grid = word.add_table(rows=1, cols=len(table.frame.columns), style="Table Grid")
            for cell, name in zip(grid.rows[0].cells, table.frame.columns):
                cell.text = str(name)
                cell.paragraphs[0].runs[0].bold = True
            for row in table.cells():
                line = grid.add_row()
                if table.row_height:
                    line.height = Mm(table.row_height)
                for cell, text in zip(line.cells, row):
                    cell.text = text
        for chart in section.charts:
            word.add_picture(io.BytesIO(charts.to_png(chart.chart)), width=Cm(15))
            word.add_paragraph().add_run(chart.description).italic = True
        for image in section.images:
            word.add_picture(str(image.path), width=Cm(14))
            word.add_paragraph().add_run(image.caption).italic = True
        if section.signatures:
            _signatures(word, section.signatures)
    path = Path(path)
    word.save(path)
    return path


def _office_page(word, document: Document) -> None:
    """Paper size and margins, the letterhead on the first page, page numbers below."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    width, height = PAPER[document.paper]
    page = word.sections[0]
    page.page_width, page.page_height = Mm(width), Mm(height)
    page.top_margin = page.bottom_margin = Mm(22)
    page.left_margin, page.right_margin = Mm(25), Mm(20)
    page.different_first_page_header_footer = True
    for n, line in enumerate(document.letterhead):
        paragraph = (page.first_page_header.paragraphs[0] if n == 0
                     else page.first_page_header.add_paragraph())
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(line)
        run.bold, run.font.size = True, Pt(14 if n == 0 else 12)
    if document.letterhead:
        _rule_below(paragraph)
    for footer in (page.footer, page.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(paragraph, "PAGE", "1")


def _rule_below(paragraph) -> None:
    """The double line under a letterhead."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    line = OxmlElement("w:bottom")
    for name, value in (("val", "double"), ("sz", "12"), ("space", "4"), ("color", "000000")):
        line.set(qn(f"w:{name}"), value)
    borders.append(line)
    paragraph._p.get_or_add_pPr().insert_element_before(  # where the schema puts it
        borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr")


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (page number, table of contents) with the text shown until updated."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str):
        run = OxmlElement("w:r")
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        run.append(mark)
        return run

    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    element = paragraph._p
    element.append(char("begin"))
    element.append(code)
    element.append(char("separate"))
    element.append(paragraph.add_run(shown)._r)
    element.append(char("end"))


def _contents(word, document: Document) -> None:
    """A table of contents field, showing the headings until Word updates it with page
    numbers (Word asks on opening: the document is marked to update its fields)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shown = "\n".join(("    " if s.level == 2 else "") + s.title for s in document.sections)
    _field(word.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', shown)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    word.settings.element.insert_element_before(  # where the schema puts it
        update, "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
        "w:rsids", "m:mathPr", "w:themeFontLang", "w:clrSchemeMapping", "w:shapeDefaults",
        "w:decimalSymbol", "w:listSeparator")


def _signatures(word, blocks: list[Signature]) -> None:
    """Signature blocks side by side, in a table without borders."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    grid = word.add_table(rows=1, cols=len(blocks))
    for cell, block in zip(grid.rows[0].cells, blocks):
        lines = [block.above, block.role, "", "", "", block.name,
                 f"NIP {block.nip}" if block.nip else ""]
        cell.text = ""
        for n, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(line)
            if line and line == block.name:
                run.bold = run.underline = True


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
