"""Write the organiser's documents of a cohort: the report (DOCX, HTML and PDF) and the
certificates, into ``penyelenggaraan/keluaran/``. The new set is built beside the old one
and swapped in only when complete, so a failed run never leaves the previous set broken.

The report's PDF is converted from the DOCX by LibreOffice where it is installed (the PDF
then matches what Word shows, table of contents included), otherwise printed from the HTML
by Chromium; the result says which.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pandas as pd

from humaskit import documents, evaluation, pages, safe_text
from humaskit.datasets.validation import DatasetError
from humaskit.grading import cohort
from humaskit.grading.workspace import Workspace
from humaskit.training import (
    attendance,
    certificates,
    curriculum,
    identity,
    inputs,
    register,
    report,
    schedule,
)

OUTPUT = "keluaran"
REPORT = "laporan_penyelenggaraan"
OFFICE = ("soffice", "libreoffice")
SIGN_SHEETS = "daftar_hadir_cetak"


def templates(out: Path) -> tuple[list[Path], str]:
    """Blank identity, attendance and evaluation sheets in ``penyelenggaraan/``; a file that
    already exists is kept as it is. From a valid identity, also the attendance sheets to
    print and sign (:func:`sign_sheets`), rewritten each time. Returns the files written
    and, if the identity cannot be used yet, why the sheets to sign were not made."""
    records = inputs.folder(out)
    records.mkdir(parents=True, exist_ok=True)
    (records / "evaluasi").mkdir(exist_ok=True)
    (records / "rtl").mkdir(exist_ok=True)
    made = []
    writers = {
        identity.FILE: lambda p: identity.template(p),
        attendance.FILE: lambda p: attendance.template(
            cohort.participants(Workspace(Path(out))), schedule.sessions(), p),
        evaluation.TEACHER_CSV: lambda p: p.write_text(
            ",".join(["sesi", *evaluation.TEACHER, "komentar"]) + "\n", encoding="utf-8"),
        evaluation.ORGANISATION_CSV: lambda p: p.write_text(
            ",".join([*evaluation.ORGANISATION, "komentar"]) + "\n", encoding="utf-8"),
    }
    for name, write in writers.items():
        path = records / name
        if not path.exists():
            made.append(write(path) or path)
    try:
        found = identity.read(records / identity.FILE)
    except DatasetError as error:
        return made, f"Lembar daftar hadir untuk dicetak belum dibuat. {error}"
    return made + sign_sheets(found, cohort.participants(Workspace(Path(out))), records), ""


def sign_sheets(found: identity.Identity, roster: dict, records: Path) -> list[Path]:
    """``daftar_hadir_cetak.docx`` and ``.html``: one sheet per session with the date and
    time, every participant and a column to sign, under the organiser's letterhead."""
    sheets = report.attendance_sheets(roster, schedule.sessions(), found.start)
    document = documents.Document(
        "DAFTAR HADIR PESERTA", f"{found['judul']} — {found.dates}, {found['tempat']}",
        "Satu lembar per sesi; peserta menandatangani saat hadir.",
        [documents.Section(t.caption.split(":")[0], tables=[t], new_page=n > 0)
         for n, t in enumerate(sheets)], letterhead=found.many("kop"), paper="A4",
        contents=False)
    html_path = records / f"{SIGN_SHEETS}.html"
    html_path.write_text(documents.to_html(document), encoding="utf-8")
    return [documents.to_docx(document, records / f"{SIGN_SHEETS}.docx"), html_path]


def find_office() -> str | None:
    """LibreOffice's command, if installed."""
    return next((found for name in OFFICE if (found := shutil.which(name))), None)


def report_pdf(docx_path: Path, html_path: Path) -> tuple[Path | None, str]:
    """The report as PDF beside the DOCX: (path, how it was made) or (None, why not)."""
    office = find_office()
    if office:
        done = subprocess.run([office, "--headless", "--norestore", "--convert-to", "pdf",
                               "--outdir", str(docx_path.parent), str(docx_path)],
                              capture_output=True, text=True, timeout=300, check=False)
        pdf = docx_path.with_suffix(".pdf")
        if done.returncode == 0 and pdf.exists():
            return pdf, "LibreOffice (dari DOCX)"
    browser = pages.find_browser()
    if browser:
        try:
            return pages.print_pdf(html_path, browser), "Chromium (dari HTML)"
        except (pages.PrintError, OSError) as error:
            return None, f"PDF laporan gagal dibuat: {error}"
    return None, ("PDF laporan dilewati: LibreOffice dan Chromium tidak ditemukan. Buka "
                  "berkas DOCX di Word lalu simpan sebagai PDF.")


def publish(out: Path, threshold: float = attendance.DEFAULT_THRESHOLD,
            pdf: bool = True, paper: str = "A4") -> dict:
    """Build everything; returns the paths written, how the report's PDF was made, and any
    notes. DatasetError (Indonesian, naming file, row and column) when identity or
    attendance cannot be used."""
    found = inputs.load(out)
    records = inputs.folder(out)
    final = records / OUTPUT
    building = final.with_name(OUTPUT + ".baru")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    summary = attendance.summary(found.attendance, found.roster, found.sessions, threshold)
    modules = curriculum.modules(found.sessions)
    qualified = [{"id": pid, "nama": found.roster[pid].nama, "nip": found.roster[pid].nip}
                 for pid in summary[summary["memenuhi"]]["id"]]
    entries = register.issue(records, qualified, found.identity.certificate_number,
                             found.identity["judul"], sum(m.jp for m in modules))
    _files, notes = certificates.write(found.identity, summary, found.roster, entries, modules,
                                      building / "sertifikat", pdf)
    document = report.build(found, threshold, entries, paper)
    html_path = building / f"{REPORT}.html"
    html_path.write_text(documents.to_html(document), encoding="utf-8")
    docx_path = documents.to_docx(document, building / f"{REPORT}.docx")
    made, how = report_pdf(docx_path, html_path) if pdf else (None, "")
    if pdf and made is None:
        notes.append(how)
    safe_text.to_csv(summary, building / "rekap_kehadiran.csv")
    old = final.with_name(OUTPUT + ".lama")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    building.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return {"folder": final, "certificates": len(entries),
            "below": int((~summary["memenuhi"]).sum()), "notes": found.notes + notes,
            "pdf": how if made else None, "register": pd.DataFrame(entries)}
