"""Per-participant HTML feedback, in Indonesian, that never shows hidden test code.

nbgrader's own feedback is the autograded notebook, where test cells carry the restored
hidden tests. Here each test cell shows the *released* source instead (what the participant
saw), and its errors only as a one-line message, never the traceback (which quotes the
failing hidden line); its value (nbgrader's partial credit) shows only as the score line.
Tables are the notebook's own HTML, sanitised (:func:`humaskit.grading.page.html_output`).
Charts become pictures drawn in a sandbox, all of one page together
(:mod:`humaskit.grading.pictures`); a chart that cannot be drawn costs only its picture.
"""

from __future__ import annotations

import base64
import os
import queue
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pandas as pd

from humaskit.errors import failure_line
from humaskit.grading import autograde, cohort, diagnose, page, pictures, results, sandbox
from humaskit.grading.page import IMAGE_TYPES, document, esc, image, markdown, plain, table
from humaskit.grading.workspace import Workspace
from humaskit.number_format import angka
from humaskit.number_format import compact as points_text

VEGALITE = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")
TAG = re.compile(r"<[^>]*>")
HIDDEN_NOTE = "# (Uji tersembunyi dijalankan saat penilaian tetapi tidak ditampilkan.)"


def chart_spec(out) -> dict | None:
    """The Vega-Lite specification an output carries, if any."""
    data = out.get("data", {}) if out.get("output_type") in ("display_data",
                                                             "execute_result") else {}
    spec = next((v for k, v in data.items() if VEGALITE.match(k)), None)
    return spec if isinstance(spec, dict) else None


def output_html(out, test_cell: bool, drawn: dict[int, bytes | str]) -> str:
    """One output as HTML; ``drawn`` holds the pictures of charts by ``id(out)``."""
    kind = out.output_type
    if kind == "stream":
        return f'<pre class="out">{esc(plain(out.text))}</pre>'
    if kind == "error":
        if test_cell:
            line = (failure_line(out.ename, out.evalue) if out.evalue
                    else f"{out.ename} (uji tidak lulus)")
            return f'<pre class="err">{esc(line)}</pre>'
        return f'<pre class="err">{esc(plain(chr(10).join(out.traceback)))}</pre>'
    if test_cell and kind == "execute_result":
        return ""  # nbgrader's partial credit, which the cell's score line already shows
    data = out.get("data", {})
    picture = drawn.get(id(out))
    if isinstance(picture, bytes):
        return image(base64.b64encode(picture).decode(), "image/png", "grafik keluaran")
    if isinstance(picture, str):
        return f'<p class="catatan">{pictures.FAILED}: {esc(picture)}.</p>'
    for mime in IMAGE_TYPES:
        if mime in data:
            return image(data[mime], mime)
    rich = data.get("text/html")
    if isinstance(rich, str) and (safe := page.html_output(rich)) and TAG.sub("", safe).strip():
        return f'<div class="out tabel">{safe}</div>'
    if "text/plain" in data:
        return f'<pre class="out">{esc(plain(data["text/plain"]))}</pre>'
    return ""


def notebook_html(graded: nbformat.NotebookNode, released: nbformat.NotebookNode,
                  points: dict[str, tuple[float, float, bool]],
                  drawn: dict[int, bytes | str]) -> str:
    shown = {c.metadata["nbgrader"]["grade_id"]: c for c in released.cells
             if c.metadata.get("nbgrader", {}).get("grade_id")}
    parts = []
    for cell in graded.cells:
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id")
        test_cell = bool(meta.get("grade") and not meta.get("solution"))
        badge = ""
        if gid in points:
            got, most, manual = points[gid]
            kind = "lulus" if got >= most else "gagal"
            text = (f"Menunggu penilaian manual (maksimum {points_text(most)})" if manual
                    else f"Nilai {points_text(got)} dari {points_text(most)}")
            badge = f'<p><span class="badge {kind}">{text}</span></p>'
        if cell.cell_type == "markdown":
            parts.append(f'<div class="cell">{markdown(cell.source)}{badge}</div>')
            continue
        if cell.cell_type != "code":
            continue
        source = cell.source
        if test_cell:
            source = shown[gid].source if gid in shown else ""
            if cell.source.strip() != source.strip():
                source = f"{source}\n{HIDDEN_NOTE}".strip()
        outputs = "".join(output_html(o, test_cell, drawn) for o in cell.get("outputs", []))
        parts.append(f'<div class="cell"><pre>{esc(source)}</pre>{outputs}{badge}</div>')
    return "\n".join(parts)


def draw_charts(notebooks: list[nbformat.NotebookNode], uid: int) -> dict[int, bytes | str]:
    """Pictures (or why not) of every chart in ``notebooks``, by ``id`` of its output."""
    outputs = [o for nb in notebooks for cell in nb.cells for o in cell.get("outputs", [])
               if chart_spec(o) is not None]
    drawn = pictures.draw([chart_spec(o) for o in outputs], uid) if outputs else []
    return {id(o): picture for o, picture in zip(outputs, drawn)}


def render(ws: Workspace, student: str, assignment: str, scores: pd.DataFrame,
           statuses: list[dict], uid: int = -1) -> str:
    who = cohort.participants(ws).get(student)
    mine = scores[(scores["id"] == student) & (scores["latihan"] == assignment)]
    auto = mine[~mine["perlu_dinilai_manual"]]
    got, most = auto["nilai"].sum(), auto["nilai_maks"].sum()
    percent = 100 * got / most if most else 0
    manual = mine.loc[mine["perlu_dinilai_manual"], "nilai_maks"].sum()
    problems = [s for s in statuses if s["code"] != "ok"]
    body = [f"<h1>Umpan Balik Latihan <em>{esc(assignment)}</em></h1>",
            f"<p><strong>{esc(who.nama if who else student)}</strong> ({esc(student)})"
            + (f" — {esc(who.jabatan)}, {esc(who.instansi)}" if who else "") + "</p>",
            f"<p>Nilai otomatis: <strong>{points_text(got)} dari {points_text(most)}</strong> "
            f"({angka(percent, 0)}%)."
            + (f" Sebanyak {points_text(manual)} poin lagi menunggu penilaian manual oleh pelatih."
               if manual else "") + "</p>"]
    if problems:
        items = "".join(f"<li>{esc(diagnose.message(s['code'], s.get('detail', '')))}</li>"
                        for s in problems)
        body.append(f'<div class="catatan"><strong>Catatan penilaian:</strong><ul>{items}'
                    "</ul></div>")
    per_step = mine.groupby("langkah", sort=False, as_index=False)[["nilai", "nilai_maks"]].sum()
    per_step[["nilai", "nilai_maks"]] = per_step[["nilai", "nilai_maks"]].map(points_text)
    body += ["<h2>Nilai per langkah</h2>",
             table(per_step, {"langkah": "Langkah", "nilai": "Nilai", "nilai_maks": "Maksimum"})]
    graded_path = ws.course / "autograded" / student / assignment
    points = {row.bagian: (row.nilai, row.nilai_maks, row.perlu_dinilai_manual)
              for row in mine.itertuples()}
    books = [book for book in cohort.assignments(ws)[assignment]
             if (graded_path / f"{book}.ipynb").exists()]
    graded = [nbformat.read(graded_path / f"{book}.ipynb", 4) for book in books]
    drawn = draw_charts(graded, uid)
    for book, nb in zip(books, graded):
        released = nbformat.read(ws.course / "release" / assignment / f"{book}.ipynb", 4)
        body += [f"<h2>Jawaban dan hasil uji: {esc(book)}</h2>",
                 ('<p class="kecil">Sel uji di bawah menampilkan uji yang terlihat oleh '
                  "peserta; uji tersembunyi tidak ditampilkan.</p>"),
                 notebook_html(nb, released, points, drawn)]
    return document(f"Umpan balik {assignment} — {student}", "\n".join(body))


def failed_page(student: str, assignment: str, exc: Exception) -> str:
    return document(f"Umpan balik {assignment} — {student}",
                    f"<h1>Umpan Balik Latihan <em>{esc(assignment)}</em></h1>"
                    f'<div class="catatan">Umpan balik untuk {esc(student)} tidak dapat dibuat '
                    f"({esc(type(exc).__name__)}: {esc(exc)}). Nilainya tetap tercatat di "
                    "gradebook; periksa kiriman ini secara manual.</div>")


def write_all(ws: Workspace, workers: int | None = None) -> list[Path]:
    """Write ``umpan_balik/<id>/<latihan>.html`` for every graded submission, ``workers``
    pages at a time (default: one per CPU); a page that cannot be built says so, and every
    other page is still written."""
    scores = results.scores(ws)
    records = list(ws.state().values())
    workers = max(1, min(workers or len(os.sched_getaffinity(0)), len(records) or 1))
    # As root, each worker draws its charts as a uid of its own, like the grading kernels.
    uids: queue.Queue[int] = queue.Queue()
    held = []
    for _ in range(workers):
        uid, lock = autograde.claim_uid() if sandbox.is_root() else (-1, None)
        uids.put(uid)
        held.append(lock)

    def write(record: dict) -> Path:
        folder = ws.feedback / record["student"]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{record['assignment']}.html"
        uid = uids.get()
        try:
            page = render(ws, record["student"], record["assignment"], scores,
                          record["statuses"], uid)
        except Exception as exc:  # noqa: BLE001 - one bad submission must not stop the rest
            page = failed_page(record["student"], record["assignment"], exc)
        finally:
            uids.put(uid)
        path.write_text(page, encoding="utf-8")
        return path

    try:
        with ThreadPoolExecutor(workers) as pool:
            return list(pool.map(write, records))
    finally:
        for lock in held:
            if lock is not None:
                lock.close()
