"""Hand grading in nbgrader's formgrader on the cohort ``humaskit grade`` graded.

One cohort of the toy assignment (with a hand-graded essay) is collected and graded in the
sandbox once; formgrader is then driven through the same nbgrader API calls its buttons make.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grading_toy as toy
import nbformat
import pandas as pd
import pytest
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.converters import GenerateAssignment
from nbgrader.coursedir import CourseDirectory
from nbgrader.server_extensions.formgrader.formgrader import FormgradeExtension
from shared import ROOT
from traitlets.config import Config

from humaskit.exercises.issue_mapping import samples as issue_samples
from humaskit.grading import (
    autograde,
    beside,
    cohort,
    collect,
    export,
    formgrader,
    report,
    results,
    snapshot,
    verify,
)
from humaskit.grading.sandbox import Limits
from humaskit.grading.workspace import Workspace
from humaskit.server import accounts, formgrader_id
from humaskit.server.layout import Layout
from humaskit.skkni.form import Isian

pytestmark = pytest.mark.slow

HUMASKIT = str(Path(sys.executable).parent / "humaskit")
LIMITS = Limits(cell_timeout=10, submission_timeout=120, memory_mb=1536, cpu_seconds=120)


def digests(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cohort_graded(tmp_path_factory):
    """A cohort graded by the kit; P01's notebook writes a marker file when it is run."""
    base = tmp_path_factory.mktemp("formgrader")
    course_root = toy.make_course(base / "course", essay=True)
    (base / "roster.csv").write_text("id,nama,instansi,jabatan\nP01,Ani,Dinkes,Analis\n",
                                     encoding="utf-8")
    ws = cohort.setup(base / "out", base / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    marker = base / "kode_peserta_berjalan.txt"
    nb = toy.with_cell(toy.answered(released), f"open({str(marker)!r}, 'w').write('ya')")
    inbox = base / "kiriman"
    inbox.mkdir()
    nbformat.write(nb, inbox / "P01.ipynb")
    people = cohort.participants(ws)
    collect.collect(ws, [inbox], people, cohort.assignments(ws))
    autograde.run(ws, people, workers=1, limits=LIMITS, progress=False)
    return {"ws": ws, "marker": marker, "inbox": inbox}


def formgrader_api(ws, monkeypatch) -> NbGraderAPI:
    """nbgrader's API as formgrader builds it for a button: config from the folder the
    server was started in (`humaskit grade nilai-manual` starts it in the course)."""
    formgrader.write_config(ws)
    monkeypatch.chdir(ws.course)
    extension = FormgradeExtension()
    extension.initialize([])
    extension.coursedir.parent.load_config_file()
    return NbGraderAPI(extension.coursedir, extension.authenticator,
                       parent=extension.coursedir.parent)


def test_formgraders_autograde_runs_no_participant_code_and_keeps_the_kits_grading(
        cohort_graded, monkeypatch):
    ws, marker = cohort_graded["ws"], cohort_graded["marker"]
    assert not marker.exists()  # the kit ran it in the sandbox, where the path is not there
    before = digests(ws.course / "autograded")
    with Gradebook(ws.db_url()) as gb:
        score = gb.find_submission(toy.ASSIGNMENT, "P01").score
    api = formgrader_api(ws, monkeypatch)
    assert api.coursedir.root == str(ws.course)
    assert api.coursedir.db_url == ws.db_url()

    outcome = api.autograde(toy.ASSIGNMENT, "P01")

    assert not outcome["success"]
    assert "Autograde nbgrader (tombol di Formgrader dan perintah nbgrader) dimatikan" in outcome["error"]
    assert f"humaskit grade autograde --out {ws.out}" in outcome["error"]
    assert not marker.exists()
    assert digests(ws.course / "autograded") == before
    with Gradebook(ws.db_url()) as gb:
        assert gb.find_submission(toy.ASSIGNMENT, "P01").score == score


def test_formgraders_collect_is_refused_with_the_kits_command(cohort_graded, monkeypatch):
    ws = cohort_graded["ws"]
    before = digests(ws.course / "submitted")
    outcome = formgrader_api(ws, monkeypatch).collect(toy.ASSIGNMENT)
    assert not outcome["success"]
    assert "Collect nbgrader (tombol di Formgrader dan perintah nbgrader) dimatikan" in outcome["error"]
    assert "humaskit grade collect" in outcome["error"]
    assert digests(ws.course / "submitted") == before


def test_the_workshop_labs_formgrader_refuses_too(monkeypatch):
    monkeypatch.chdir(ROOT)
    extension = FormgradeExtension()
    extension.initialize([])
    assert extension.config.Autograde.exporter_class.endswith("formgrader.AutogradeRefused")
    assert extension.config.ExchangeFactory.collect.endswith("formgrader.CollectRefused")
    assert "humaskit grade nilai-manual" in extension.config.AutogradeRefused.command


def participant_page(ws: Workspace) -> str:
    scores = results.scores(ws)
    return report.participant_page(ws, "P01", scores, results.statuses(ws),
                                   pd.DataFrame(columns=["id"]), None, results.comments(ws))


def test_a_hand_grade_entered_in_formgrader_is_what_the_export_reads(cohort_graded):
    """Formgrader writes hand grades to the gradebook its config names: the cohort's own.
    Until then, the reports say which points wait for it."""
    ws = cohort_graded["ws"]
    waiting = "Sebanyak 2 dari 5 poin masih menunggu penilaian manual"
    assert f"{toy.ASSIGNMENT}: 3 dari 5 (60%)" in participant_page(ws) and waiting in (
        participant_page(ws))
    dashboard = report.dashboard(ws)
    assert "<td>60,0</td><td>60,0</td><td>1</td>" in dashboard
    assert "dihitung 0 dalam rata-rata" in dashboard
    assert "<td>esai</td>" not in dashboard  # waiting is not among the common mistakes
    config = formgrader.cohort_config(ws)
    assert config.CourseDirectory.db_url == ws.db_url()
    with Gradebook(config.CourseDirectory.db_url) as gb:
        nb = gb.find_submission_notebook(toy.ASSIGNMENT, toy.ASSIGNMENT, "P01")
        essay = next(g for g in nb.grades if g.name == "esai")
        essay.manual_score, essay.needs_manual_grade = 1.5, False  # as formgrader saves it
        gb.db.commit()
    export.write_all(ws)
    parts = pd.read_csv(ws.exports / "nilai_per_bagian.csv")
    essay = parts[(parts["id"] == "P01") & (parts["bagian"] == "esai")]
    assert essay["nilai"].tolist() == [1.5]
    page = participant_page(ws)
    assert f"{toy.ASSIGNMENT}: 4,5 dari 5 (90%)" in page and "menunggu" not in page
    assert "<td>Langkah 3: Esai</td><td>1,5</td><td>2</td>" in page


def test_the_manual_grading_command_prepares_the_cohorts_formgrader(cohort_graded):
    ws = cohort_graded["ws"]
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    done = subprocess.run([HUMASKIT, "grade", "nilai-manual", "--out",
                           str(ws.out), "--no-start"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "http://localhost:8890/formgrader" in done.stdout
    assert f"--ServerApp.root_dir={ws.course}" in done.stdout
    assert (ws.course / formgrader.CONFIG_FILE).exists()


def test_the_manual_grading_command_on_a_folder_without_a_cohort_says_what_to_run(tmp_path):
    done = subprocess.run([HUMASKIT, "grade", "nilai-manual", "--out",
                           str(tmp_path), "--no-start"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 1
    assert "[GAGAL]" in done.stdout and "humaskit grade all" in done.stdout


def trainer_config_file(tmp_path) -> Config:
    """The trainer's nbgrader config as `humaskit server setup` writes it, loaded as nbgrader
    loads the file."""
    layout = Layout(tmp_path / "opt")
    text = accounts.NBGRADER_TRAINER.format(
        course=tmp_path / "kursus", cohort=tmp_path / accounts.COHORT,
        exchange=layout.exchange, course_id="humaskit",
        command=accounts.grade_all_command(layout, tmp_path / accounts.COHORT))
    config = Config()
    exec(text, {"get_config": lambda: config})  # noqa: S102 - as nbgrader loads the file
    return config


def test_the_classroom_trainers_formgrader_refuses_too(tmp_path):
    config = trainer_config_file(tmp_path)
    assert config.Autograde.exporter_class.endswith("formgrader.AutogradeRefused")
    assert config.ExchangeFactory.collect.endswith("formgrader.CollectRefused")
    command = config.AutogradeRefused.command
    assert command.startswith(f"sudo {tmp_path}/opt/env/bin/humaskit grade all "
                              f"{tmp_path}/opt/exchange/humaskit/inbound ")
    assert f"--course {tmp_path}/opt/instruktur/exercises" in command
    assert command.endswith(f"--out {tmp_path / accounts.COHORT}")


def test_the_classroom_trainers_formgrader_opens_the_cohort_grade_all_wrote(tmp_path):
    """Formgrader (and only formgrader) works in the cohort's course and gradebook; the
    trainer's nbgrader commands (generate, release) stay in the trainer's own course."""
    config = trainer_config_file(tmp_path)
    cohort_course = tmp_path / accounts.COHORT / "kursus"
    extension = FormgradeExtension(config=config)
    extension.initialize([])
    assert extension.coursedir.root == str(cohort_course)
    assert extension.coursedir.db_url == f"sqlite:///{cohort_course / 'gradebook.db'}"
    generate = GenerateAssignment(coursedir=CourseDirectory(config=config), config=config)
    assert generate.coursedir.root == str(tmp_path / "kursus")


def test_grade_as_root_hands_the_cohort_to_the_trainer_whose_folder_it_is(cohort_graded,
                                                                          tmp_path):
    """On the server `grade` runs as root in the folder `server setup` gave the trainer:
    what it writes becomes the trainer's, and a link in the folder is not followed."""
    if os.geteuid() != 0:
        pytest.skip("only root writes into another account's folder")
    out = tmp_path / "hasil_penilaian"
    shutil.copytree(cohort_graded["ws"].out, out, symlinks=True)
    outside = tmp_path / "milik_root.txt"
    outside.write_text("tetap milik root")
    (out / "tautan").symlink_to(outside)
    os.chown(out, 1234, 1234)
    formgrader.hand_over(Workspace(out))
    owners = {p.lstat().st_uid for p in [out, *out.rglob("*")]}
    assert owners == {1234}
    assert outside.stat().st_uid == 0
    assert oct((out / "kursus").stat().st_mode & 0o777) == "0o700"


def test_the_kits_note_goes_right_above_the_hand_graded_answer_from_the_answers_as_data():
    """The note is computed by the test runner's own code on the snapshot of the last test
    before the answer, and placed between the rubric and the answer; a runner that gave no
    answer leaves a note that says so, never an empty or made-up one."""
    answers = issue_samples.answers_of("referensi_isian")
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("cek.periksa('bacaan_matriks', jawaban)"),
        nbformat.v4.new_markdown_cell("## Langkah 7 (rubrik)"),
        nbformat.v4.new_markdown_cell("strategi", metadata={"nbgrader": {
            "grade_id": "strategi_respons", "solution": True, "grade": True, "points": 10}})])
    snapshots = {0: {"jawaban": snapshot.encode(answers), "cek": {"__modul__": "humaskit"}}}
    found = beside.requests(nb, snapshots)
    assert [(at, list(cell["values"])) for at, cell in found] == [(2, ["jawaban"])]
    failed = nbformat.from_dict(nbformat.v4.new_notebook(cells=list(nb.cells)))
    beside.insert(nb, [(at, verify.run_cell(cell["source"], cell["values"]))
                       for at, cell in found])
    assert [c.source for c in nb.cells[1:]] == ["## Langkah 7 (rubrik)",
                                                beside.issue_map_note(answers), "strategi"]
    assert nb.cells[2].metadata["humaskit"][beside.META]
    beside.insert(failed, [(2, None)])
    assert failed.cells[2].source == beside.FAILED


def test_the_evidence_note_escapes_what_the_participant_wrote():
    isian = Isian(identitas={"tanggal_asesmen": "2026-11-20"}, kode_skema="X",
                  jawaban=pd.DataFrame([
                      {"kode_unit": "U1", "no_elemen": 1, "klaim": "K", "bukti": "<b>ada</b>"},
                      {"kode_unit": "U1", "no_elemen": 2, "klaim": "K",
                       "bukti": "Laporan kegiatan jumpa pers, Maret 2025"},
                      {"kode_unit": "U1", "no_elemen": 3, "klaim": "BK", "bukti": ""}]))
    note = beside.evidence_note(isian)
    assert "aturan bukti menerima 1 dari 2 bukti untuk klaim K" in note
    assert "&lt;b&gt;ada&lt;/b&gt;" in note and "<b>" not in note
    assert "✘ tidak menyebut kapan" in note
    assert beside.evidence_note({"bukan": "isian"}) == beside.FAILED


def test_formgraders_hand_grading_labels_are_put_into_indonesian(tmp_path):
    """`make setup` and `server install` translate formgrader's own templates (a copy here):
    every label is found in this nbgrader, and a second pass changes nothing."""
    folder = shutil.copytree(formgrader_id.templates(Path(sys.prefix)), tmp_path / "fg")
    assert formgrader_id.translate(folder) == []
    page = (folder / "templates" / "formgrade" / "index.html.j2").read_text()
    nav = (folder / "templates" / "formgrade" / "formgrade_macros.html.j2").read_text()
    assert "Nilai: <input" in page and ">Komentar</label>" in page and "Kiriman {{" in page
    assert "Berikutnya &rarr;" in nav and ">Penilaian Manual<" in nav
    before = digests(folder)
    assert formgrader_id.translate(folder) == [] and digests(folder) == before
