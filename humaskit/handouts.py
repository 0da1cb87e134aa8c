"""``humaskit handouts``: printable, self-contained HTML (and PDF) of every day notebook.

Each numbered notebook in ``notebooks/`` is executed headless in a scratch copy with
``$HUMASKIT_STATIC_CHARTS`` set, so :func:`humaskit.charts.enable_offline` renders altair
charts as PNG images. Widgets have no static form: their outputs become a short note.
The page uses nbconvert's ``basic`` template inside a minimal page of our own, with the
style sheet inlined and no script at all, so it opens offline and prints cleanly.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from humaskit import ROOT, charts, pages
from humaskit.notebooks import execute

WORKSHOP_TITLE = ("Membedah Konfigurasi & Konvergensi Baru \u201cKehumasan Strategic\u201d "
                  "Berbasis ISO")
WORKSHOP_SUBTITLE = "Solusi Sistemik & Social Engineering untuk Kabupaten Pemekaran"
INTERACTIVE_NOTE = "Bagian interaktif: buka notebook untuk mencoba."
CHART_ALT = "Grafik (versi interaktifnya ada di notebook)"
SNAPSHOT_NOTE = "Di bawah ini tampilan awalnya."
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
VEGALITE_MIME = re.compile(r"application/vnd\.vegalite\.v\d+\+json")
EXTERNAL = re.compile(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=[\"']?(https?:)?//",
                      re.IGNORECASE)

STYLE = """
body{font-family:"Noto Sans","Segoe UI",Arial,sans-serif;max-width:60rem;margin:0 auto;
padding:1.5rem;line-height:1.5;color:#1d1d1d}
h1,h2,h3{color:#16404d;line-height:1.25}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92em}
th,td{border:1px solid #c8c8c8;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#eef3f4}
img{max-width:100%;height:auto}
blockquote{border-left:4px solid #2a9d8f;margin:1rem 0;padding:.2rem 1rem;background:#f4faf9}
details{border:1px dashed #9aa;padding:.4rem .8rem;margin:.6rem 0}
summary{cursor:pointer;font-weight:600}
pre{background:#f6f6f6;padding:.6rem;overflow-x:auto;font-size:.85em}
.anchor-link{display:none}
.interaktif{border:1px solid #e0c36a;background:#fff8e1;padding:.5rem .8rem;margin:.6rem 0}
.sampul{min-height:85vh;display:flex;flex-direction:column;justify-content:center;
border-bottom:3px solid #16404d;margin-bottom:2rem}
.sampul .kecil{text-transform:uppercase;letter-spacing:.08em;color:#567}
@media print{.sampul{break-after:page;border:none}details{border:none}
pre,table,img{break-inside:avoid}}
"""


class HandoutError(RuntimeError):
    """A handout could not be built; the message (Indonesian) says which and why."""


def day_notebooks(folder: Path) -> list[Path]:
    """The numbered module notebooks (``00_...`` to ``99_...``) in ``folder``, sorted."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def choose(notebooks: list[Path], only: str | None) -> list[Path]:
    """All notebooks, or those whose name starts with ``only`` (``03`` or the full stem)."""
    if not only:
        return notebooks
    key = Path(only).stem
    chosen = [p for p in notebooks if p.stem.startswith(key)]
    if not chosen:
        names = ", ".join(p.stem for p in notebooks) or "(tidak ada)"
        raise HandoutError(f"Tidak ada notebook yang cocok dengan '{only}'. Pilihan: {names}.")
    return chosen


@contextmanager
def _static_charts() -> Iterator[None]:
    """Kernels started inside this block render altair charts as PNG images."""
    old = os.environ.get(charts.STATIC_ENV)
    os.environ[charts.STATIC_ENV] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(charts.STATIC_ENV, None)
        else:
            os.environ[charts.STATIC_ENV] = old


def _note_output(with_snapshot: bool) -> nbformat.NotebookNode:
    text = INTERACTIVE_NOTE + (" " + SNAPSHOT_NOTE if with_snapshot else "")
    return nbformat.v4.new_output(
        "display_data",
        data={"text/html": f'<div class="interaktif">{html.escape(text)}</div>',
              "text/plain": text},
    )


def _png_output(spec: dict) -> nbformat.NotebookNode:
    png = base64.b64encode(charts.spec_to_png(spec, scale=2)).decode("ascii")
    return nbformat.v4.new_output("display_data", data={"image/png": png},
                                  metadata={"image/png": {"alt": CHART_ALT}})


def _widget_snapshot(model_id: str, state: dict, seen: set[str]) -> list[nbformat.NotebookNode]:
    """What a widget showed when execution ended: the outputs of Output widgets, altair
    JupyterCharts as PNG, and HTML widgets holding a table; children in order."""
    model = state.get(model_id)
    if model is None or model_id in seen:
        return []
    seen.add(model_id)
    values = model.get("state", {})
    if model.get("model_name") == "OutputModel":
        return [o for out in values.get("outputs", []) for o in _static(out, state, seen)]
    spec = values.get("spec")
    if isinstance(spec, dict) and "vega-lite" in str(spec.get("$schema", "")):
        return [_png_output(spec)]
    if model.get("model_name") == "HTMLModel" and "<table" in values.get("value", ""):
        return [nbformat.v4.new_output("display_data", data={"text/html": values["value"]})]
    return [o for child in values.get("children", [])
            for o in _widget_snapshot(str(child).removeprefix("IPY_MODEL_"), state, seen)]


def _static(output: dict, state: dict, seen: set[str] | None = None) -> list[nbformat.NotebookNode]:
    """An output as it should print: a widget becomes the note (top level) plus a snapshot
    of what it showed, a Vega-Lite spec becomes a PNG, stderr warnings are dropped."""
    output = nbformat.from_dict(output)
    if output.output_type == "stream":
        return [output] if output.get("name") == "stdout" else []
    data = output.get("data", {})
    if WIDGET_MIME in data:
        shared = set() if seen is None else seen
        snapshot = _widget_snapshot(data[WIDGET_MIME].get("model_id", ""), state, shared)
        return snapshot if seen is not None else [_note_output(bool(snapshot)), *snapshot]
    spec = next((v for k, v in data.items() if VEGALITE_MIME.fullmatch(k)), None)
    if spec is not None:
        output = _png_output(spec)
    if "image/png" in output.get("data", {}):
        output.setdefault("metadata", {}).setdefault("image/png", {}).setdefault("alt", CHART_ALT)
    return [output]


def static_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of an executed notebook with only outputs a static page can show."""
    nb = nbformat.from_dict(nb)
    widgets = nb.metadata.pop("widgets", {})
    state = widgets.get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for out in cell.outputs for o in _static(out, state)]
    return nb


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The first level-1 heading of the notebook's markdown."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if found:
                return found.group(1).strip()
    return fallback


def external_references(page: str) -> list[str]:
    """Tags in ``page`` that load a script, style sheet, image or frame from the web."""
    return [m.group(0) for m in EXTERNAL.finditer(page)]


def render_html(nb: nbformat.NotebookNode, source_name: str, with_code: bool = False) -> str:
    """A complete, self-contained HTML page: a cover, then the notebook's cells."""
    exporter = HTMLExporter(template_name="basic", exclude_input=not with_code,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    title = notebook_title(nb, source_name)
    code_style = ""
    if with_code:
        from pygments.formatters import HtmlFormatter

        code_style = HtmlFormatter().get_style_defs(".highlight")
    today = dt.date.today().strftime("%d-%m-%Y")
    cover = (
        '<section class="sampul">'
        '<p class="kecil">Bahan ajar lokakarya</p>'
        f"<h1>{html.escape(WORKSHOP_TITLE)}</h1>"
        f"<p><em>{html.escape(WORKSHOP_SUBTITLE)}</em></p>"
        f"<h2>{html.escape(title)}</h2>"
        "<p>Kabupaten Muara Seruni adalah kabupaten fiktif; semua data contoh dalam modul ini "
        "sintetis kecuali disebut lain.</p>"
        f"<p class=\"kecil\">Dibuat dari <code>notebooks/{html.escape(source_name)}</code> "
        f"pada {today}. Bagian interaktif (widget) hanya dapat dicoba di JupyterLab.</p>"
        "</section>"
    )
    page = pages.document(title, f"{cover}\n<main>\n{body}\n</main>", STYLE + code_style)
    found = external_references(page)
    if found:
        raise HandoutError(f"{source_name}: halaman masih memuat sumber dari internet: {found[:3]}")
    return page


def build_one(path: Path, out: Path, with_code: bool = False, timeout: int = 300) -> Path:
    """Execute one notebook in a scratch copy of its folder and write its handout HTML."""
    with tempfile.TemporaryDirectory(prefix="humaskit-handout-") as scratch:
        workdir = Path(scratch) / path.parent.name
        shutil.copytree(path.parent, workdir,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        with _static_charts():
            # Widget state is kept so that the page can show what each widget displayed.
            executed = execute(workdir / path.name, timeout=timeout, store_widget_state=True)
    page = render_html(static_notebook(executed), path.name, with_code)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{path.stem}.html"
    target.write_text(page, encoding="utf-8")
    return target


def write_index(out: Path) -> Path:
    """``index.html`` in ``out`` linking every handout there (and its PDF, if any)."""
    items = []
    for page in sorted(out.glob("[0-9][0-9]_*.html")):
        found = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL)
        title = found.group(1) if found else html.escape(page.stem)
        pdf = page.with_suffix(".pdf")
        extra = f' · <a href="{pdf.name}">PDF</a>' if pdf.exists() else ""
        items.append(f'<li><a href="{page.name}">{title}</a>{extra}</li>')
    index = out / "index.html"
    index.write_text(pages.document(
        "Bahan cetak lokakarya",
        f"<p class=\"kecil\">Bahan cetak lokakarya</p><h1>{html.escape(WORKSHOP_TITLE)}</h1>\n"
        f"<ul>\n{chr(10).join(items)}\n</ul>", STYLE), encoding="utf-8")
    return index


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "handouts", help="build printable offline handouts (HTML, and PDF if possible)",
        description="Execute each day notebook in notebooks/ headless and write a static, "
                    "self-contained HTML handout per notebook: a cover page, charts embedded "
                    "as PNG images, each widget replaced by a short note and a snapshot of "
                    "what it showed, and no script or style sheet loaded from the internet; "
                    "plus an index.html. If Chromium or Google Chrome is installed, each "
                    "handout is also printed to PDF.",
    )
    parser.add_argument("--out", type=Path, default=Path("handouts"),
                        help="folder to write the handouts to (default: handouts)")
    parser.add_argument("--only", metavar="NAME",
                        help="build only notebooks whose name starts with NAME, e.g. 03")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks",
                        help="folder holding the day notebooks (default: the kit's notebooks/)")
    parser.add_argument("--with-code", action="store_true",
                        help="show the code cells too (default: text and results only)")
    parser.add_argument("--no-pdf", action="store_true", help="skip PDF even if a browser exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        chosen = choose(day_notebooks(args.notebooks), args.only)
    except HandoutError as exc:
        print(exc)
        return 1
    if not chosen:
        print(f"Tidak ada notebook bernomor di {args.notebooks}.")
        return 1
    browser = None if args.no_pdf else pages.find_browser()
    failed = 0
    print(f"Membuat bahan cetak untuk {len(chosen)} notebook ke {args.out}/ ...")
    for path in chosen:
        try:
            page = build_one(path, args.out, args.with_code)
            line = f"[OK]    {path.stem} → {page}"
            if browser:
                line += f" + {pages.print_pdf(page, browser).name}"
            print(line)
        except Exception as exc:  # noqa: BLE001 -- report this notebook, build the others
            failed += 1
            print(f"[GAGAL] {path.stem}: {exc}")
    if failed < len(chosen):
        print(f"Daftar isi: {write_index(args.out)}")
    if not browser and not args.no_pdf:
        print("PDF dilewati: Chromium/Google Chrome tidak ditemukan. Untuk PDF, buka berkas "
              "HTML di peramban lalu Cetak → Simpan sebagai PDF.")
    return 1 if failed else 0
