"""Per-participant HTML feedback, in Indonesian, that never shows hidden test code.

nbgrader's own feedback is the autograded notebook, where test cells carry the restored
hidden tests. Here each test cell shows the *released* source instead (what the participant
saw), and its errors only as a one-line message, never the traceback (which quotes the
failing hidden line).
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import nbformat
import pandas as pd

from humaskit import charts
from humaskit.grading import cohort, diagnose, results
from humaskit.grading.page import IMAGE_TYPES, document, esc, image, markdown, plain, table
from humaskit.grading.workspace import Workspace

VEGALITE = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")
#: Larger chart specifications are not drawn in feedback (they carry their data inline).
MAX_SPEC_BYTES = 5_000_000
HIDDEN_NOTE = "# (Uji tersembunyi dijalankan saat penilaian tetapi tidak ditampilkan.)"


def output_html(out, test_cell: bool) -> str:
    kind = out.output_type
    if kind == "stream":
        return f'<pre class="out">{esc(plain(out.text))}</pre>'
    if kind == "error":
        if test_cell:
            detail = f": {out.evalue}" if out.evalue else " (uji tidak lulus)"
            return f'<pre class="err">{esc(out.ename + detail)}</pre>'
        return f'<pre class="err">{esc(plain(chr(10).join(out.traceback)))}</pre>'
    data = out.get("data", {})
    spec = next((v for k, v in data.items() if VEGALITE.match(k)), None)
    if isinstance(spec, dict) and len(json.dumps(spec)) <= MAX_SPEC_BYTES:
        try:
            return image(base64.b64encode(charts.spec_to_png(spec)).decode(), "image/png",
                         "grafik keluaran")
        except Exception:  # noqa: BLE001, S110 - a spec that does not draw falls back to text
            pass
    for mime in IMAGE_TYPES:
        if mime in data:
            return image(data[mime], mime)
    if "text/plain" in data:
        return f'<pre class="out">{esc(plain(data["text/plain"]))}</pre>'
    return ""


def notebook_html(graded: nbformat.NotebookNode, released: nbformat.NotebookNode,
                  points: dict[str, tuple[float, float, bool]]) -> str:
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
            text = (f"Menunggu penilaian manual (maksimum {most:g})" if manual
                    else f"Nilai {got:g} dari {most:g}")
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
        outputs = "".join(output_html(o, test_cell) for o in cell.get("outputs", []))
        parts.append(f'<div class="cell"><pre>{esc(source)}</pre>{outputs}{badge}</div>')
    return "\n".join(parts)


def render(ws: Workspace, student: str, assignment: str, scores: pd.DataFrame,
           statuses: list[dict]) -> str:
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
            f"<p>Nilai otomatis: <strong>{got:g} dari {most:g}</strong> ({percent:.0f}%)."
            + (f" Sebanyak {manual:g} poin lagi menunggu penilaian manual oleh pelatih."
               if manual else "") + "</p>"]
    if problems:
        items = "".join(f"<li>{esc(diagnose.message(s['code'], s.get('detail', '')))}</li>"
                        for s in problems)
        body.append(f'<div class="catatan"><strong>Catatan penilaian:</strong><ul>{items}'
                    "</ul></div>")
    per_step = mine.groupby("langkah", sort=False, as_index=False)[["nilai", "nilai_maks"]].sum()
    body += ["<h2>Nilai per langkah</h2>",
             table(per_step, {"langkah": "Langkah", "nilai": "Nilai", "nilai_maks": "Maksimum"})]
    graded_path = ws.course / "autograded" / student / assignment
    points = {row.bagian: (row.nilai, row.nilai_maks, row.perlu_dinilai_manual)
              for row in mine.itertuples()}
    for book in cohort.assignments(ws)[assignment]:
        path = graded_path / f"{book}.ipynb"
        if path.exists():
            released = nbformat.read(ws.course / "release" / assignment / f"{book}.ipynb", 4)
            body += [f"<h2>Jawaban dan hasil uji: {esc(book)}</h2>",
                     ('<p class="kecil">Sel uji di bawah menampilkan uji yang terlihat oleh '
                     "peserta; uji tersembunyi tidak ditampilkan.</p>"),
                     notebook_html(nbformat.read(path, 4), released, points)]
    return document(f"Umpan balik {assignment} — {student}", "\n".join(body))


def failed_page(student: str, assignment: str, exc: Exception) -> str:
    return document(f"Umpan balik {assignment} — {student}",
                    f"<h1>Umpan Balik Latihan <em>{esc(assignment)}</em></h1>"
                    f'<div class="catatan">Umpan balik untuk {esc(student)} tidak dapat dibuat '
                    f"({esc(type(exc).__name__)}: {esc(exc)}). Nilainya tetap tercatat di "
                    "gradebook; periksa kiriman ini secara manual.</div>")


def write_all(ws: Workspace) -> list[Path]:
    """Write ``umpan_balik/<id>/<latihan>.html`` for every graded submission; a page that
    cannot be built says so, and every other page is still written."""
    scores = results.scores(ws)
    written = []
    for record in ws.state().values():
        folder = ws.feedback / record["student"]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{record['assignment']}.html"
        try:
            page = render(ws, record["student"], record["assignment"], scores,
                          record["statuses"])
        except Exception as exc:  # noqa: BLE001 - one bad submission must not stop the rest
            page = failed_page(record["student"], record["assignment"], exc)
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
