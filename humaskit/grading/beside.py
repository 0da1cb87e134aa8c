"""What the asesor needs beside an answer graded by hand, computed by the kit from the
participant's answers as data and placed in the graded notebook that formgrader shows.

A hand-graded cell listed in :data:`NOTES` gets a read-only markdown cell right above it in
the autograded copy (never in the submission): for *Pemetaan Isu* Step 7, the participant's
own top three issues that rubric criteria A and D refer to; for *Asesmen Mandiri*, the
evidence rule's flags and refusals per element. The note is computed in the sandboxed test
runner (:mod:`humaskit.grading.verify`), which never runs participant code, from the
snapshot of the answers the last test before the cell read (:mod:`humaskit.grading.snapshot`);
so what the participant's kernel printed cannot change it. Everything a participant wrote is
escaped in it.
"""

from __future__ import annotations

import html

import nbformat
import pandas as pd

#: Hand-graded cell id -> (the answers it is judged on, the function writing its note).
NOTES = {"strategi_respons": ("jawaban", "issue_map_note"),
         "nilai_asesor_bukti": ("isian", "evidence_note")}
#: Marks the kit's note cells in a graded notebook.
META = "catatan_asesor"
FAILED = ("**Catatan untuk asesor** tidak dapat dihitung dari jawaban peserta (jawaban tidak "
          "terbaca sebagai data). Periksa jawaban di langkah-langkah sebelumnya.")


def _table(frame: pd.DataFrame) -> str:
    """An HTML table, every value escaped, on one line (a markdown HTML block)."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html.escape(' '.join(str(v).split()))}</td>"
                                    for v in row) + "</tr>" for row in frame.itertuples(False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def issue_map_note(jawaban) -> str:
    """Step 7's basis: the three highest-priority issues of the participant's own map (valid
    decisions only), with the coordinator and key stakeholders criteria A and D check."""
    from humaskit.exercises.issue_mapping import model

    given = jawaban if isinstance(jawaban, dict) else {}
    answers = {**model.blank(), **{name: model.filled(given, name) for name in model.DECISIONS}}
    table = model.issue_table(answers)
    top = table[table["kategori"] != model.UNRATED].head(3)
    intro = ("**Catatan untuk asesor** (dihitung kit dari jawaban peserta sendiri, bukan dari "
             "kunci): tiga isu dengan prioritas tertinggi di peta isu peserta, dasar kriteria "
             "A (pilihan isu) dan D (koordinator dan pemangku kunci) rubrik di atas.")
    if top.empty:
        return intro + "\n\nPeserta belum menilai dampak dan urgensi isu mana pun: belum ada " \
                       "isu teratas."
    shown = pd.DataFrame({
        "Isu": top["topik"], "Prioritas": top["prioritas"].astype(int),
        "Kategori": top["kategori"], "Tahap": top["tahap"].replace("", "—"),
        "Koordinator": top["koordinator"].replace("", "—"),
        "Pemangku kunci": top["pemangku_kunci"].replace("", "—")})
    return f"{intro}\n\n{_table(shown)}"


def evidence_note(isian) -> str:
    """The evidence rule's verdicts the asesor weighs: each K claim flagged or refused, and
    how many the rule accepted."""
    from humaskit.skkni import evidence
    from humaskit.skkni.form import Isian

    if not isinstance(isian, Isian):
        return FAILED
    found = evidence.review(isian.jawaban, isian.identitas.get("tanggal_asesmen"))
    marked = found[found["status"] != evidence.ACCEPTED]
    intro = ("**Catatan untuk asesor** (dihitung kit dari isian peserta): aturan bukti menerima "
             f"{len(found) - len(marked)} dari {len(found)} bukti untuk klaim K.")
    if marked.empty:
        return intro + " Tidak ada tanda ⚑ atau penolakan ✘."
    shown = pd.DataFrame({
        "Unit": marked["kode_unit"],
        "Elemen": [int(n) if pd.notna(n) else "?" for n in marked["no_elemen"]],
        "Bukti peserta": marked["bukti"].map(evidence.excerpt),
        "Putusan aturan": [("⚑ " if status == evidence.FLAGGED else "✘ ") + reason
                           for status, reason in zip(marked["status"], marked["alasan"])]})
    return f"{intro}\n\n{_table(shown)}"


def requests(nb, snapshots: dict[int, dict]) -> list[tuple[int, dict]]:
    """(index of the hand-graded cell, a cell for the test runner) for each cell in
    :data:`NOTES`, on the snapshot of the last test before it that holds its answers."""
    found = []
    for at, cell in enumerate(nb.cells):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id not in NOTES:
            continue
        name, function = NOTES[grade_id]
        before = [i for i in snapshots if i < at and name in snapshots[i]]
        if before:
            values = {name: snapshots[max(before)][name]}
            source = f"from humaskit.grading.beside import {function}\nprint({function}({name}))"
            found.append((at, {"source": source, "values": values}))
    return found


def insert(nb, placed: list[tuple[int, list[dict] | None]]) -> None:
    """Put each note (the test runner's outputs for it) above its hand-graded cell."""
    for at, outputs in sorted(placed, key=lambda p: p[0], reverse=True):
        printed = [o.get("text", "") for o in outputs or []
                   if o.get("output_type") == "stream" and o.get("name") == "stdout"]
        failed = outputs is None or any(o.get("output_type") == "error" for o in outputs)
        text = FAILED if failed or not printed else "".join(printed).strip()
        note = nbformat.v4.new_markdown_cell(text, metadata={"humaskit": {META: True}})
        nb.cells.insert(at, note)
