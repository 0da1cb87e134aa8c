"""``humaskit grade --demo``: the whole pipeline on a sample cohort, as a trainer meets it.

The cohort is the roster ``grader/roster_contoh.csv``; its submissions are built from each
exercise's crafted samples (complete, partly wrong, empty) and arrive the way they do in a
workshop: one folder per participant or loose notebooks, names typed by hand, a copy sent
twice, one late, one from someone not on the roster, one broken file, one endless loop. The pre-test and
post-test answers are simulated by an ability model, so the item analysis reads as a real
room's would; its flags say nothing about the real bank.
The asesor's record is filled in with example decisions.
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import datetime, timezone
from importlib.util import find_spec
from pathlib import Path

import nbformat
import pandas as pd
from nbformat.v4 import new_code_cell

from humaskit.exercises import course
from humaskit.grading import (
    autograde,
    cohort,
    collect,
    competency,
    export,
    feedback,
    report,
    roster,
)
from humaskit.grading.sandbox import Limits
from humaskit.grading.workspace import Workspace
from humaskit.pages import find_browser
from humaskit.training import demo as training_demo
from humaskit.training import publish

MARKER = ".humaskit-demo"
#: Exercise -> the module with its crafted submissions.
SAMPLES = {"asesmen_mandiri": "humaskit.exercises.self_assessment.samples",
           "pemetaan_isu": "humaskit.exercises.issue_mapping.samples",
           "pemetaan_isu_analis": "humaskit.exercises.issue_analysis.samples",
           "pre_test": "humaskit.exercises.quiz.samples",
           "post_test": "humaskit.exercises.quiz.samples"}
#: The odds of a right answer for an average participant on an average item, per form
#: (:func:`humaskit.exercises.quiz.samples.cohort_right`).
QUIZ_SHARE = {"pre": 0.4, "post": 0.8}
#: Already at the maximum on the pre-test (g undefined), and absent from the post-test.
QUIZ_TOP, QUIZ_ABSENT = "agus_salim", "rahmat_hidayat"
#: Participants who also took the optional pandas track (the analysts of the cohort).
ANALYSTS = 4
#: Participant id -> (name on the folder or file, sample to use; None: a special case).
SELF_ASSESSMENT = {
    "rini_paramitha": ("Rini Paramitha", "lengkap_formulir"),
    "agus_salim": ("agus_salim", "lengkap_kode"),
    "dewi_kartika": ("DEWI KARTIKA SARI", "bukti_kosong"),
    "yohanes_bere": ("Yohanes Bere - Copy", "jawaban_hilang"),
    "siti_aminah": ("Siti Aminah Lubis (1)", "ringkasan_tidak_cocok"),
    "made_wirawan": ("Made Wirawan", "rencana_hilang"),
    "fitri_handayani": ("Fitri Handayani", "tanggal_sebelum_asesmen"),
    "rahmat_hidayat": ("Rahmat Hidayat", None),
    "nurul_fadhilah": ("Nurul Fadhilah", None),
    "andreas_tamba": ("andreas_tamba (2)", "bukti_disalin"),
}
ENDLESS = "# sel tambahan peserta\nwhile True:\n    pass"


def write_folder(folder: Path, notebook: nbformat.NotebookNode | bytes, name: str,
                 extra: dict[str, bytes], when: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(notebook, bytes):
        path.write_bytes(notebook)
    else:
        nbformat.write(notebook, path)
    for filename, content in extra.items():
        (folder / filename).write_bytes(content)
    for file in folder.iterdir():
        os.utime(file, (when, when))


def self_assessment_inbox(ws: Workspace, inbox: Path, ids: set[str], on_time: float,
                          late: float) -> None:
    """One folder per participant (notebook + the form's answers file), as sent by e-mail."""
    from humaskit.exercises.self_assessment import ASSIGNMENT, NOTEBOOK, samples

    release = nbformat.read(ws.course / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    for pid, (label, sample) in SELF_ASSESSMENT.items():
        if pid not in ids:
            continue
        if pid == "rahmat_hidayat":
            text = nbformat.writes(release)
            write_folder(inbox / label, text[: len(text) // 2].encode(), NOTEBOOK, {}, on_time)
            continue
        nb, extra = samples.build(sample or "lengkap_formulir", release)
        if pid == "nurul_fadhilah":
            nb.cells.insert(2, new_code_cell(ENDLESS))
        write_folder(inbox / label, nb, NOTEBOOK, extra,
                     late if pid == "made_wirawan" else on_time)
    if "andreas_tamba" in ids:
        nb, extra = samples.build("kosong", release)
        write_folder(inbox / "Andreas Tamba", nb, NOTEBOOK, extra, on_time - 600)
    nb, extra = samples.build("lengkap_formulir", release)
    write_folder(inbox / "Peserta Tamu", nb, NOTEBOOK, extra, on_time)


def issue_mapping_inbox(ws: Workspace, inbox: Path, ids: set[str], on_time: float) -> None:
    """The no-code exercise by every route: a folder with the form's answers file, a lone
    notebook carrying its answers (sent by USB or e-mail), a notebook with typed answers."""
    from humaskit.exercises.issue_mapping import ASSIGNMENT, NOTEBOOK, samples

    release = nbformat.read(ws.course / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    for i, who in enumerate(cohort.participants(ws).values()):
        if who.id not in ids:
            continue
        name = samples.NAMES[i % len(samples.NAMES)]
        nb, extra = samples.build(name, release)
        if extra:
            write_folder(inbox / who.nama, nb, NOTEBOOK, extra, on_time)
        else:
            label = who.nama if i % 3 else f"{who.nama} – pemetaan isu"
            write_folder(inbox, nb, f"{label}.ipynb", {}, on_time)


def issue_analysis_inbox(ws: Workspace, inbox: Path, ids: set[str], on_time: float) -> None:
    """The optional pandas track, from the cohort's analysts: loose notebooks from a chat."""
    from humaskit.exercises.issue_analysis import ASSIGNMENT, NOTEBOOK, samples

    release = nbformat.read(ws.course / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    for i, who in enumerate(list(cohort.participants(ws).values())[:ANALYSTS]):
        if who.id not in ids:
            continue
        nb = course.answered_release(release, samples.build(samples.NAMES[i % len(samples.NAMES)]))
        write_folder(inbox, nb, f"{who.nama} - analis.ipynb", {}, on_time)


def quiz_right(form: str, pid: str) -> set[str] | None:
    """The items demo participant ``pid`` gets right on ``form``; None if they miss the test.
    One is at the maximum on the pre-test (so their score can only stay or fall)."""
    from humaskit.exercises.quiz import bank, samples

    if form == "post" and pid == QUIZ_ABSENT:
        return None
    if form == "pre" and pid == QUIZ_TOP:
        return {item.id for item in bank.items(form)}
    return samples.cohort_right(form, pid, QUIZ_SHARE[form])


def quiz_inbox(ws: Workspace, inbox: Path, ids: set[str], form: str, on_time: float) -> None:
    """Pre-test or post-test from everyone, by the form (answers file beside the notebook) or
    by typed letters, each right on the items :func:`quiz_right` gives."""
    from humaskit.exercises.quiz import NOTEBOOKS, bank, samples

    name = bank.FORMS[form]
    release = nbformat.read(ws.course / "release" / name / NOTEBOOKS[form], as_version=4)
    for i, who in enumerate(cohort.participants(ws).values()):
        right = quiz_right(form, who.id)
        if who.id not in ids or right is None:
            continue
        nb, extra = samples.build(form, samples.answers_with(form, right, ws.course),
                                  "formulir" if i % 2 else "isian", release)
        write_folder(inbox / who.nama, nb, NOTEBOOKS[form], extra, on_time)


def example_decisions(ws: Workspace, claims: pd.DataFrame) -> pd.DataFrame:
    """The asesor's record filled in: evidence meets VATM where the unit is claimed K."""
    record = competency.template(claims)
    met = record["klaim_unit"] == "K"
    record["bukti_vatm"] = met.map({True: "memenuhi", False: "belum memenuhi"})
    stuck = record.groupby("id_peserta")["klaim_unit"].transform(lambda s: (s == "K").sum() == 0)
    record["rekomendasi"] = stuck.map({True: "tidak dapat dilanjutkan",
                                       False: "dapat dilanjutkan"})
    record["komentar"] = ""
    record.loc[~met, "komentar"] = "Bukti belum ada; lengkapi sesuai rencana pengembangan."
    record.loc[stuck, "komentar"] = "Belum ada unit yang diklaim kompeten; asesmen ditunda."
    record["asesor"] = "Asesor Contoh"
    record["tanggal"] = "2026-02-12"
    path = ws.out / "asesor_asesmen_mandiri_contoh.csv"
    record.to_csv(path, index=False, encoding="utf-8")
    return competency.decisions(path)


def prepare_out(out: Path) -> None:
    """Refuse to write into a non-empty folder that an earlier demo did not make."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SystemExit(f"{out} sudah berisi berkas lain; pilih folder lain dengan --out.")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("made by humaskit grade --demo\n")


def run(out: Path, workers: int | None = None, progress: bool = True) -> int:
    """Build the sample cohort in ``out``, grade it, write feedback, exports and reports."""
    out = Path(out).resolve()
    prepare_out(out)
    names = [n for n in course.assignments() if n in SAMPLES and find_spec(SAMPLES[n])]
    ws = cohort.setup(out, roster.DEMO_ROSTER, course.COURSE_ROOT, names)
    people = cohort.participants(ws)
    ids = set(people)
    deadline = time.time() - 3600
    builders = {"asesmen_mandiri": lambda box: self_assessment_inbox(
                    ws, box, ids, deadline - 1800, deadline + 900),
                "pemetaan_isu": lambda box: issue_mapping_inbox(ws, box, ids, deadline - 1800),
                "pemetaan_isu_analis": lambda box: issue_analysis_inbox(ws, box, ids,
                                                                        deadline - 1800),
                "pre_test": lambda box: quiz_inbox(ws, box, ids, "pre", deadline - 1800),
                "post_test": lambda box: quiz_inbox(ws, box, ids, "post", deadline - 1800)}
    for name in names:
        box = out / "kiriman_contoh" / name
        box.mkdir(parents=True, exist_ok=True)
        builders[name](box)
        record = collect.collect(ws, [box], people, cohort.assignments(ws), assignment=name,
                                 deadline=datetime.fromtimestamp(deadline, tz=timezone.utc))
        for issue in record["found"]:
            print(f"  [PERHATIAN] {Path(issue['path']).name}: "
                  f"{collect.issue_message(issue['code'], issue.get('detail', ''))}")
    autograde.run(ws, people, workers=workers, progress=progress,
                  limits=Limits(cell_timeout=10, submission_timeout=300, cpu_seconds=300))
    feedback.write_all(ws)
    claims = competency.claims(ws)
    decisions = example_decisions(ws, claims) if not claims.empty else None
    export.write_all(ws, decisions)
    report.write_all(ws, decisions)
    training_demo.write(out, people)
    organiser = publish.publish(out, pdf=find_browser() is not None)
    print(f"Selesai. Buka {ws.reports / 'dasbor.html'}\n"
          f"  penyelenggaraan: {organiser['folder']}/laporan_penyelenggaraan.docx (dan .html"
          + (f", .pdf oleh {organiser['pdf']}" if organiser["pdf"] else "")
          + f"), {organiser['certificates']} sertifikat\n"
          f"  umpan balik: {ws.feedback}/<id>/<latihan>.html\n"
          f"  ekspor:      {ws.exports}/nilai_kohort.xlsx (dan CSV)\n"
          f"  gradebook:   {ws.db_url()}")
    return 0


