"""Self-contained HTML pages (inline CSS, no external resources) for feedback and reports."""

from __future__ import annotations

import html
import re

import nh3
from nbconvert.filters.markdown import markdown2html_mistune

from humaskit import pages

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#1d2733;line-height:1.5}
h1{color:#0b4f6c;border-bottom:3px solid #0b4f6c;padding-bottom:.3rem}
h2{color:#0b4f6c;margin-top:2rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}
th,td{border:1px solid #c9d3dd;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#e8f0f6}
pre{background:#f5f7f9;border:1px solid #dde3e9;padding:.6rem;overflow-x:auto;
white-space:pre-wrap;font-size:.85rem}
.cell{margin:1rem 0}.out{border-left:4px solid #9db4c8;background:#fbfcfd}
.tabel{overflow-x:auto;padding:0 .4rem}.tabel table{margin:.4rem 0}
.err{border-left:4px solid #c0392b;background:#fdf3f2}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:.8rem;font-size:.85rem;
font-weight:600}.lulus{background:#d5f0dd;color:#17612f}.gagal{background:#f9dcd8;color:#8e2418}
.catatan{background:#fff6d6;border:1px solid #e9d68a;padding:.5rem .8rem;border-radius:.3rem}
.kecil{color:#5a6875;font-size:.85rem}img{max-width:100%}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}}
"""
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
BASE64 = re.compile(r"[A-Za-z0-9+/=\s]+")
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif")
#: Links participants may keep in their text; images only as embedded data (no remote load).
LINK = re.compile(r"^(https?://|mailto:|#)", re.IGNORECASE)
IMAGE = re.compile(r"^data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=]+$")
#: What an HTML output (a notebook's table) may keep: tables and plain text markup; no links,
#: images, styles, classes or forms (pictures arrive as image outputs, drawn or embedded).
OUTPUT_TAGS = {"table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th",
               "td", "p", "br", "div", "span", "b", "strong", "i", "em", "small", "sub", "sup",
               "code", "pre", "ul", "ol", "li"}
OUTPUT_ATTRIBUTES = {"th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}


def esc(text) -> str:
    return html.escape(str(text))


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "src":
        return value if IMAGE.match(value) else None
    if name == "href":
        return value if LINK.match(value) else None
    return value


def markdown(text: str) -> str:
    """A participant's markdown as safe HTML: sanitised by nh3 (no scripts, event handlers,
    styles or frames), links only to web pages, images only embedded."""
    return nh3.clean(markdown2html_mistune(text), url_schemes={"http", "https", "mailto", "data"},
                     attribute_filter=_attribute)


def html_output(text: str) -> str:
    """A notebook's HTML output (a pandas table) as safe HTML: sanitised by nh3 down to
    tables and plain text markup; scripts and styles go with their content, other tags
    leave only their text."""
    return nh3.clean(text, tags=OUTPUT_TAGS, attributes=OUTPUT_ATTRIBUTES,
                     clean_content_tags={"script", "style", "template", "textarea", "select"},
                     url_schemes=set())


def image(data: str, mime: str = "image/png", alt: str = "gambar keluaran") -> str:
    """An embedded image from base64 output data; empty if the data is not plain base64."""
    if mime not in IMAGE_TYPES or not isinstance(data, str) or not BASE64.fullmatch(data):
        return ""
    return f'<img alt="{esc(alt)}" src="data:{mime};base64,{esc("".join(data.split()))}">'


def plain(text: str) -> str:
    return ANSI.sub("", text)


def table(frame, columns: dict[str, str] | None = None) -> str:
    """An HTML table of a DataFrame; ``columns`` maps column names to Indonesian headers."""
    columns = columns or {c: c for c in frame.columns}
    head = "".join(f"<th>{esc(label)}</th>" for label in columns.values())
    rows = "".join("<tr>" + "".join(f"<td>{esc(row[c])}</td>" for c in columns) + "</tr>"
                   for _, row in frame.iterrows())
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def document(title: str, body: str) -> str:
    """A feedback or report page in the grading style."""
    return pages.document(title, body, CSS)
