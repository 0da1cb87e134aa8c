"""Write the organiser's documents of a cohort: the report (DOCX and HTML) and the
certificates, into ``penyelenggaraan/keluaran/``. The new set is built beside the old one
and swapped in only when complete, so a failed run never leaves the previous set broken."""

from __future__ import annotations

import shutil
from pathlib import Path

from humaskit import documents, evaluation, safe_text
from humaskit.grading import cohort
from humaskit.grading.workspace import Workspace
from humaskit.training import attendance, certificates, identity, inputs, report, schedule

OUTPUT = "keluaran"


def templates(out: Path) -> list[Path]:
    """Blank identity, attendance and evaluation sheets in ``penyelenggaraan/``; a file that
    already exists is kept as it is."""
    records = inputs.folder(out)
    records.mkdir(parents=True, exist_ok=True)
    (records / "evaluasi").mkdir(exist_ok=True)
    (records / "rtl").mkdir(exist_ok=True)
    made = []
    writers = {
        identity.FILE: lambda p: identity.template(p),
        attendance.FILE: lambda p: attendance.template(
            cohort.participants(Workspace(Path(out))), schedule.sessions(), p),
        evaluation.CSV_FILE: lambda p: p.write_text(",".join(evaluation.COLUMNS) + "\n",
                                                    encoding="utf-8"),
    }
    for name, write in writers.items():
        path = records / name
        if not path.exists():
            made.append(write(path) or path)
    return made


def publish(out: Path, threshold: float = attendance.DEFAULT_THRESHOLD,
            pdf: bool = True) -> dict:
    """Build everything; returns the paths written and any notes. DatasetError (Indonesian,
    naming file, row and column) when identity or attendance cannot be used."""
    found = inputs.load(out)
    final = inputs.folder(out) / OUTPUT
    building = final.with_name(OUTPUT + ".baru")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    summary = attendance.summary(found.attendance, found.roster, found.sessions, threshold)
    pages, notes = certificates.write(found.identity, summary, building / "sertifikat", pdf)
    document = report.build(found, threshold)
    html_path = building / "laporan_penyelenggaraan.html"
    html_path.write_text(documents.to_html(document), encoding="utf-8")
    documents.to_docx(document, building / "laporan_penyelenggaraan.docx")
    safe_text.to_csv(summary, building / "rekap_kehadiran.csv")
    old = final.with_name(OUTPUT + ".lama")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    building.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return {"folder": final, "certificates": sum(p.suffix == ".html" for p in pages),
            "below": int((~summary["memenuhi"]).sum()), "notes": found.notes + notes}
