"""``humaskit grade --demo``: the trainer's first command writes every output from a checkout.

The whole sample cohort, graded once for the suite by the documented command itself (the
``demo_cohort`` fixture, shared with tests/test_documented_commands.py); each test reads a
copy of what it wrote.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest

from humaskit import pages
from humaskit.exercises import course
from humaskit.exercises.issue_mapping import samples
from humaskit.grading import beside, cohort, competency, demo, report, results
from humaskit.grading.workspace import Workspace
from humaskit.skkni.decision_form import DecisionForm

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def out(demo_cohort, tmp_path_factory):
    done = demo_cohort["done"]
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    folder = tmp_path_factory.mktemp("demo") / "hasil"
    shutil.copytree(demo_cohort["out"], folder)
    return Workspace(folder)


def test_the_demo_grades_every_exercise_that_has_samples(out):
    graded = {record["assignment"] for record in out.state().values()}
    assert graded == {name for name in course.assignments() if name in demo.SAMPLES}


def test_the_demo_reports_the_broken_the_stranger_the_copy_sent_twice_and_the_late(out):
    state = out.state()
    assert state["asesmen_mandiri/rahmat_hidayat"]["statuses"][0]["code"] == "unreadable"
    assert [(i["code"], i.get("student")) for i in out.collection()["issues"]] == [
        ("unmatched", None), ("duplicate", "andreas_tamba"), ("late", "made_wirawan"),
        ("form_answers_from_notebook", "dewi_kartika")]


def test_the_demo_writes_feedback_exports_and_a_self_contained_dashboard(out):
    for record in out.state().values():
        assert (out.feedback / record["student"] / f"{record['assignment']}.html").exists()
    book = openpyxl.load_workbook(out.exports / "nilai_kohort.xlsx")
    assert {"Per bagian", "Klaim asesmen mandiri", "Keputusan asesor",
            "Rekomendasi asesor"} <= set(book.sheetnames)
    claims = next(book["Klaim asesmen mandiri"].iter_rows(max_row=1, values_only=True))
    assert "tanda_bukti" in claims  # the evidence rule's flags, beside the asesor's decision
    html = (out.reports / "dasbor.html").read_text(encoding="utf-8")
    assert 'src="http' not in html
    assert "Peta klaim kompetensi" in html and "Rekomendasi asesor" in html
    assert "Analisis butir soal pre-test dan post-test" in html
    assert (out.reports / "peserta" / "rini_paramitha.html").exists()


def test_the_demo_refuses_to_overwrite_a_folder_it_did_not_make(tmp_path):
    (tmp_path / "penting.txt").write_text("jangan dihapus")
    with pytest.raises(SystemExit):
        demo.run(tmp_path)
    assert (tmp_path / "penting.txt").read_text() == "jangan dihapus"


def hidden_test_lines() -> set[str]:
    """Every non-trivial line between the hidden-test markers of the exercises' sources."""
    lines = set()
    for path in (course.COURSE_ROOT / "source").glob("*/*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            for block in re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS",
                                    cell.source, re.DOTALL):
                lines |= {line.strip() for line in block.splitlines() if len(line.strip()) > 12}
    return lines


def test_feedback_on_the_real_exercises_never_shows_hidden_tests(out):
    secret = hidden_test_lines()
    assert secret, "the exercises are expected to have hidden tests"
    for page in out.feedback.rglob("*.html"):
        text = html.unescape(page.read_text(encoding="utf-8"))
        assert not [line for line in secret if line in text], page.name


def test_feedback_shows_charts_as_pictures(out):
    for assignment in ("pemetaan_isu_analis", "asesmen_mandiri", "pemetaan_isu"):
        page = (out.feedback / "rini_paramitha" / f"{assignment}.html").read_text(
            encoding="utf-8")
        assert 'alt="grafik keluaran" src="data:image/png;base64,' in page, assignment
        assert "JupyterChart" not in page and "<altair." not in page


def test_the_demo_writes_the_organisers_report_and_certificates(out):
    import docx

    done = out.out / "penyelenggaraan" / "keluaran"
    word = docx.Document(str(done / "laporan_penyelenggaraan.docx"))
    headings = {p.text for p in word.paragraphs if p.style.name.startswith("Heading")}
    assert {"A. Pre-test dan Post-test", "D. Evaluasi Fasilitator dan Narasumber"} <= headings
    assert (done / "sertifikat" / "rini_paramitha.html").exists()
    assert not (done / "sertifikat" / "yohanes_bere.html").exists()  # below the threshold
    if pages.find_browser() is None:
        pytest.skip("no Chromium on this machine: the PDFs are not made")
    assert _pdf_pages(done / "laporan_penyelenggaraan.pdf") >= 10
    assert {_pdf_size(done / "laporan_penyelenggaraan.pdf")} == {"A4 portrait"}
    assert _pdf_pages(done / "sertifikat" / "rini_paramitha.pdf") == 2  # front and back
    assert _pdf_size(done / "sertifikat" / "rini_paramitha.pdf") == "A4 landscape"
    issued = len(list((done / "sertifikat").glob("*.html"))) - 1  # and the combined page
    assert _pdf_pages(done / "sertifikat" / "semua_sertifikat.pdf") == 2 * issued


def _pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


def _pdf_size(path) -> str:
    """The paper of every page of a PDF Chromium printed (points: A4 is 595 × 842)."""
    boxes = {tuple(round(float(v)) for v in box.split()[2:]) for box in
             re.findall(rb"/MediaBox\s*\[([^\]]+)\]", path.read_bytes())}
    names = {(595, 842): "A4 portrait", (842, 595): "A4 landscape"}
    return " + ".join(sorted(names.get(b, str(b)) for b in boxes))


def test_the_printed_report_has_no_overflowing_content(out):
    """Every table, picture and signature block fits the printed page's width (A4 less
    its margins), as Chromium lays the report out for printing; every certificate page
    holds all its content."""
    executable = pages.find_browser()
    if executable is None:
        pytest.skip("no Chromium on this machine")
    from playwright.sync_api import sync_playwright

    report = out.out / "penyelenggaraan" / "keluaran" / "laporan_penyelenggaraan.html"
    width = round((210 - 45) / 25.4 * 96)  # A4 less the left and right margins, in CSS px
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": 1000})
            page.goto(report.as_uri())
            page.emulate_media(media="print")
            wide = page.evaluate("""() => [...document.querySelectorAll(
                'table, img, figure, .ttd, .kop, li, p, h1, h2, h3')]
                .filter(e => e.scrollWidth > e.clientWidth + 1
                        || e.getBoundingClientRect().right > innerWidth + 1)
                .map(e => e.tagName + ': ' + e.textContent.slice(0, 60))""")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.goto((report.parent / "sertifikat" / "semua_sertifikat.html").as_uri())
            clipped = page.evaluate("""() => [...document.querySelectorAll('.sheet')]
                .filter(e => e.scrollHeight > e.clientHeight + 1
                        || e.scrollWidth > e.clientWidth + 1).length""")
        finally:
            browser.close()
    assert wide == []
    assert clipped == 0  # no certificate page cuts off its signatures or QR code


def test_a_participants_own_page_shows_their_pre_post_gain(out):
    rini = (out.reports / "peserta" / "rini_paramitha.html").read_text(encoding="utf-8")
    assert "Pre-test dan post-test" in rini and "gain ternormalisasi g = " in rini
    rahmat = (out.reports / "peserta" / "rahmat_hidayat.html").read_text(encoding="utf-8")
    assert "gain tidak dihitung: belum mengikuti post-test" in rahmat


def test_a_decision_recorded_in_the_asesors_form_is_read_back_by_the_export(out):
    form = DecisionForm(out.out)
    assert "rini_paramitha" in [pid for _, pid in form.candidate.options]
    form.candidate.value = "rini_paramitha"
    assert "Tanda bukti" in form.table.value and "Bukti yang ditulis" in form.table.value
    units = list(form.rows)
    for vatm, _ in form.rows.values():
        vatm.value = "memenuhi"
    form.rows[units[0]][0].value = "belum memenuhi"
    form.recommendation.value = "dapat dilanjutkan"
    form.asesor.value = "Dra. Wulan Sari"
    form.date.value = date(2026, 11, 27)
    assert form.save() is None  # a unit that does not meet VATM needs a comment
    assert "komentar wajib diisi" in form.message.value
    assert not (out.out / "asesor_asesmen_mandiri.csv").exists()
    form.rows[units[0]][1].value = "Sertifikat pelatihan belum dilampirkan."
    assert form.save() == out.out / "asesor_asesmen_mandiri.csv"

    done = subprocess.run([str(Path(sys.executable).parent / "humaskit"), "grade", "export",
                           "--out", str(out.out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    decided = pd.read_csv(out.exports / "keputusan_asesor.csv")
    assert set(decided["kode_unit"]) == set(units)
    first = decided[decided["kode_unit"] == units[0]].iloc[0]
    assert (first["bukti_vatm"], first["komentar"], first["asesor"]) == (
        "belum memenuhi", "Sertifikat pelatihan belum dilampirkan.", "Dra. Wulan Sari")
    assert str(first["tanggal"]).startswith("2026-11-27")
    recommended = pd.read_csv(out.exports / "rekomendasi_asesor.csv").iloc[0]
    assert (recommended["id"], recommended["rekomendasi"]) == ("rini_paramitha",
                                                               "dapat dilanjutkan")
    again = DecisionForm(out.out)
    again.candidate.value = "rini_paramitha"
    assert again.rows[units[0]][0].value == "belum memenuhi"  # shown again
    page = report.participant_page(out, "rini_paramitha", results.scores(out),
                                   results.statuses(out), competency.claims(out),
                                   competency.saved_decisions(out), results.comments(out))
    assert "<th>Bukti (VATM)</th>" in page and "<td>27 November 2026</td>" in page


def test_the_asesor_sees_the_kits_notes_beside_each_answer_graded_by_hand(out):
    """In the graded copy formgrader shows: between Step 7's rubric and the strategy, the
    participant's own top three issues (from their answers as data, never the key); above
    the evidence grade of the self-assessment, the evidence rule's verdicts."""
    graded = out.course / "autograded" / "rini_paramitha"
    nb = nbformat.read(graded / "pemetaan_isu" / "pemetaan_isu.ipynb", 4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    at = ids.index("strategi_respons")
    note = nb.cells[at - 1]
    assert ids[at - 2] == "langkah7_rubrik" and note.metadata["humaskit"][beside.META]
    i = list(cohort.participants(out)).index("rini_paramitha")
    answers = samples.answers_of(samples.NAMES[i % len(samples.NAMES)])
    assert note.source == beside.issue_map_note(answers)
    assert note.source.count("<tr>") == 4  # the header and the three issues
    nb = nbformat.read(graded / "asesmen_mandiri" / "asesmen_mandiri.ipynb", 4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    note = nb.cells[ids.index("nilai_asesor_bukti") - 1]
    assert note.metadata["humaskit"][beside.META]
    assert re.search(r"aturan bukti menerima \d+ dari \d+ bukti", note.source)


def test_the_dashboards_common_mistakes_are_the_exercises_and_each_says_what_was_told(out):
    """Pre-test and post-test items are left to the item analysis; a cell that gave part or
    none of its points without an error says so, never a bare "no message"."""
    scores = results.scores(out)
    mistakes = report.common_mistakes(out, scores)
    assert not mistakes.empty
    assert not set(mistakes["latihan"]) & {"pre_test", "post_test"}
    assert (mistakes["gagal"] <= mistakes["peserta"]).all()
    assert "(tanpa pesan galat)" not in set(mistakes["pesan_tersering"])
    partial = mistakes[mistakes["latihan"] == "pemetaan_isu"]
    assert set(partial["pesan_tersering"]) <= {report.NO_MESSAGE_PART, report.NO_MESSAGE_NONE}
    for row in mistakes.itertuples():  # each count is the participants who lost its points
        cell = scores[(scores["latihan"] == row.latihan) & (scores["bagian"] == row.bagian)]
        assert row.peserta == len(cell)
        assert row.gagal == (cell["nilai"] < cell["nilai_maks"]).sum()
    page = (out.reports / "dasbor.html").read_text(encoding="utf-8")
    assert "dibahas pada analisis butir soal" in page
