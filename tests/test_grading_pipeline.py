"""The grading pipeline on one cohort of the toy assignment holding every kind of bad input.

The cohort is collected and graded once (module fixture); each test checks what the trainer
sees for one case: its status, its score, and that nothing else was harmed.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path

import grading_toy as toy
import nbformat
import openpyxl
import pandas as pd
import pytest
from nbgrader.api import Gradebook
from shared import exercise_sources

from humaskit.grading import autograde, cohort, collect, export, feedback, report, results
from humaskit.grading.sandbox import Limits
from humaskit.number_format import angka

pytestmark = pytest.mark.slow

ROSTER = """id,nama,instansi,jabatan
ani,Ani Lestari,Diskominfo,Pranata Humas
budi,Budi Santoso,Setda,Analis
citra,Citra Dewi,Dinkes,Analis
dodi,Dodi Pratama,Bappeda,Perencana
eka,Eka Putri,Disdik,Pengelola Informasi
fajar,Fajar Nugroho,BPBD,Pranata Humas
gita,Gita Maharani,RSUD,Pranata Humas
hadi,Hadi Wijaya,PUPR,Analis
indah,Indah Permata,Dishub,Analis
joko,Joko Susilo,DLH,Analis
kiki,Kiki Amalia,Distan,Analis
lina,Lina Marlina,Dinsos,Analis
mira,Mira Anggraini,Disdukcapil,Analis
nina,Nina Kurnia,DPMPTSP,Analis
oki,Oki Saputra,Dispar,Analis
putri,Putri Ayu Ningsih,BKPSDM,Analis
"""
LIMITS = Limits(cell_timeout=4, submission_timeout=120, memory_mb=1536, cpu_seconds=120)
DEADLINE = datetime(2026, 11, 1, 17, 0, tzinfo=timezone.utc)
ON_TIME = DEADLINE.timestamp() - 3600


def drop(nb, *grade_ids):
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
                not in grade_ids]
    return nb


def edit(nb, grade_id, **changes):
    nb = copy.deepcopy(nb)
    for c in nb.cells:
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            if "source" in changes:
                c.source = changes["source"]
            c.metadata.nbgrader.update(changes.get("meta", {}))
    return nb


def cases(released, base: Path, course_root: Path, inbox: Path) -> dict[str, object]:
    """File name in the inbox -> notebook (or raw bytes)."""
    good = toy.answered(released)
    kursus = base / "out" / "kursus"
    duplicated = copy.deepcopy(good)
    duplicated.cells.insert(2, copy.deepcopy(duplicated.cells[2]))
    duplicated.cells[2].id = "salinan-jawaban"
    reordered = copy.deepcopy(good)
    reordered.cells = reordered.cells[:1] + reordered.cells[4:] + reordered.cells[1:4]
    return {
        "Ani Lestari.ipynb": good,
        "ani_lestari (2).ipynb": toy.answered(released, nilai="nilai = 0"),  # older copy
        "BUDI (1).ipynb": nbformat.writes(good)[:300].encode(),
        "citra.ipynb": nbformat.v4.new_notebook(metadata=released.metadata),
        "Dodi Pratama.ipynb": drop(good, "jawab_nilai", "uji_nilai"),
        "eka.ipynb": duplicated,
        "fajar.ipynb": reordered,
        "gita.ipynb": edit(toy.answered(released, tambah="jumlah = 1 - 2"), "uji_tambah",
                           source="pass"),
        "hadi.ipynb": edit(good, "uji_nilai", meta={"checksum": "0" * 32, "points": 100}),
        "indah.ipynb": toy.with_cell(good, "while True:\n    pass"),
        "joko.ipynb": toy.with_cell(good, "bom = bytearray(8 * 1024 ** 3)"),
        "kiki.ipynb": toy.with_cell(good, "for i in range(300):\n    print('x' * 50_000)"),
        "lina.ipynb": toy.with_cell(good, f"import shutil\nshutil.rmtree({str(kursus)!r})"),
        "mira.ipynb": toy.with_cell(good, "print(open({!r}).read())".format(
            str(inbox / "Ani Lestari.ipynb"))),
        "nina.ipynb": toy.with_cell(good, "print(open({!r}).read())\nprint(open({!r}).read())"
                                    .format(str(course_root / "source" / toy.ASSIGNMENT /
                                                f"{toy.ASSIGNMENT}.ipynb"),
                                            str(kursus / "gradebook.db"))),
        "oki.ipynb": toy.with_cell(good, "import socket\n"
                                         "socket.create_connection(('93.184.216.34', 80), 3)"),
        "pútri ayu ningsih – latihan uji.ipynb": good,
        "zaki.ipynb": good,
    }


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("kohort")
    course_root = toy.make_course(base / "course")
    (base / "roster.csv").write_text(ROSTER, encoding="utf-8")
    ws = cohort.setup(base / "out", base / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    inbox = base / "kiriman"
    inbox.mkdir()
    for name, content in cases(released, base, course_root, inbox).items():
        path = inbox / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            nbformat.write(content, path)
        stamp = ON_TIME - (600 if "(2)" in name else 0) + (4500 if "pútri" in name else 0)
        os.utime(path, (stamp, stamp))
    before = digests(inbox)
    people = cohort.participants(ws)
    record = collect.collect(ws, [inbox], people, cohort.assignments(ws), deadline=DEADLINE)
    state = autograde.run(ws, people, workers=2, limits=LIMITS, progress=False)
    return {"ws": ws, "inbox": inbox, "before": before, "record": record, "state": state,
            "course": course_root, "people": people}


def codes(graded, student):
    return [s["code"] for s in graded["state"][f"{toy.ASSIGNMENT}/{student}"]["statuses"]]


def total(graded, student):
    with Gradebook(graded["ws"].db_url()) as gb:
        return gb.find_submission(toy.ASSIGNMENT, student).score


def issues(graded, code):
    return [i for i in graded["record"]["issues"] if i["code"] == code]


def test_a_well_formed_submission_gets_full_marks_and_no_remarks(graded):
    assert codes(graded, "ani") == ["ok"]
    assert total(graded, "ani") == 3


def test_a_truncated_file_is_reported_unreadable_with_zero(graded):
    assert codes(graded, "budi") == ["unreadable"]
    assert total(graded, "budi") == 0


def test_an_empty_notebook_is_reported_and_scores_zero(graded):
    assert "empty" in codes(graded, "citra")
    assert total(graded, "citra") == 0


def test_deleted_grade_cells_are_restored_and_reported(graded):
    assert "grade_cells_deleted" in codes(graded, "dodi")
    assert total(graded, "dodi") == 2


def test_duplicated_grade_cells_are_reported(graded):
    assert "grade_cells_duplicated" in codes(graded, "eka")
    assert total(graded, "eka") == 3


def test_reordered_cells_are_reported_and_still_graded_by_id(graded):
    assert "cells_reordered" in codes(graded, "fajar")
    assert total(graded, "fajar") == 3


def test_an_edited_test_cell_is_restored_before_grading(graded):
    assert "tests_edited" in codes(graded, "gita")
    assert total(graded, "gita") == 1  # the wrong answer fails the restored test


def test_a_tampered_checksum_and_points_are_restored(graded):
    assert "checksum_tampered" in codes(graded, "hadi")
    with Gradebook(graded["ws"].db_url()) as gb:
        submission = gb.find_submission(toy.ASSIGNMENT, "hadi")
        assert (submission.score, submission.max_score) == (3, 3)


def test_an_endless_loop_is_stopped_and_the_rest_is_graded(graded):
    assert "cell_timeout" in codes(graded, "indah")
    assert total(graded, "indah") == 3


def test_a_memory_bomb_hits_the_cap_and_the_rest_is_graded(graded):
    assert "memory" in codes(graded, "joko")
    assert total(graded, "joko") == 3


def test_huge_output_is_truncated(graded):
    assert "output_truncated" in codes(graded, "kiki")
    graded_nb = graded["ws"].course / "autograded" / "kiki" / toy.ASSIGNMENT
    assert (graded_nb / f"{toy.ASSIGNMENT}.ipynb").stat().st_size < 3_000_000


def test_deleting_the_course_is_denied_and_nothing_is_lost(graded):
    ws = graded["ws"]
    assert "file_access_denied" in codes(graded, "lina")
    assert (ws.course / "gradebook.db").exists()
    assert (ws.course / "submitted" / "ani" / toy.ASSIGNMENT / f"{toy.ASSIGNMENT}.ipynb").exists()
    assert total(graded, "lina") == 3


def test_reading_another_participants_file_is_denied(graded):
    assert "file_access_denied" in codes(graded, "mira")
    nb = nbformat.read(graded["ws"].course / "autograded" / "mira" / toy.ASSIGNMENT /
                       f"{toy.ASSIGNMENT}.ipynb", 4)
    assert "jawab_tambah" not in json.dumps([c.get("outputs") for c in nb.cells])


def test_reading_the_gradebook_or_hidden_tests_is_denied(graded):
    assert "file_access_denied" in codes(graded, "nina")
    nb = nbformat.read(graded["ws"].course / "autograded" / "nina" / toy.ASSIGNMENT /
                       f"{toy.ASSIGNMENT}.ipynb", 4)
    outputs = json.dumps([c.get("outputs") for c in nb.cells if c.cell_type == "code"])
    assert toy.HIDDEN_MARKER not in outputs and "SQLite" not in outputs


def test_a_network_connection_is_blocked(graded):
    assert "network_blocked" in codes(graded, "oki")
    assert total(graded, "oki") == 3


def test_a_file_name_with_spaces_and_accents_is_matched_and_late_is_reported(graded):
    assert codes(graded, "putri") == ["ok"]
    assert [i["student"] for i in issues(graded, "late")] == ["putri"]


def test_an_id_not_in_the_roster_is_reported_not_graded(graded):
    assert [Path(i["path"]).name for i in issues(graded, "unmatched")] == ["zaki.ipynb"]
    assert not any(k.endswith("/zaki") for k in graded["state"])


def test_the_same_participant_twice_grades_the_newest_and_reports_the_other(graded):
    dup = issues(graded, "duplicate")
    assert [Path(i["path"]).name for i in dup] == ["ani_lestari (2).ipynb"]
    assert total(graded, "ani") == 3  # the older copy had nilai = 0


def test_the_trainers_files_are_untouched(graded):
    assert digests(graded["inbox"]) == graded["before"]


def test_every_collected_submission_is_in_the_gradebook(graded):
    with Gradebook(graded["ws"].db_url()) as gb:
        students = {s.student_id for s in gb.assignment_submissions(toy.ASSIGNMENT)}
    assert students == set(graded["people"])  # all 16 roster ids submitted
    assert len(graded["state"]) == 16


def test_a_rerun_grades_only_changed_or_unfinished_submissions(graded):
    ws = graded["ws"]
    before = ws.state()
    state = dict(before)
    del state[f"{toy.ASSIGNMENT}/budi"]  # as if the run had been interrupted before budi
    ws.write("status.json", state)
    time.sleep(1.1)
    after = autograde.run(ws, graded["people"], workers=1, limits=LIMITS, progress=False)
    changed = [k for k in after if after[k]["graded_at"] != before[k]["graded_at"]]
    assert changed == [f"{toy.ASSIGNMENT}/budi"]


def test_feedback_is_written_for_everyone_without_hidden_tests(graded):
    paths = feedback.write_all(graded["ws"])
    assert len(paths) == 16
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert toy.HIDDEN_MARKER not in text
    text = (graded["ws"].feedback / "budi" / f"{toy.ASSIGNMENT}.html").read_text()
    assert "Berkas rusak" in text
    text = (graded["ws"].feedback / "ani" / f"{toy.ASSIGNMENT}.html").read_text()
    assert "<td>2</td>" in text and "Nilai 2 dari 2" in text and ".0<" not in text


def test_exports_give_scores_per_part_and_per_step(graded):
    files = export.write_all(graded["ws"])
    parts = pd.read_csv(graded["ws"].exports / "nilai_per_bagian.csv")
    assert len(parts) == 16 * 2
    assert set(parts["langkah"]) == {"Langkah 1: Menjumlah", "Langkah 2: Nilai"}
    steps = pd.read_csv(graded["ws"].exports / "nilai_per_langkah.csv").set_index("id")
    assert steps.loc["gita", f"{toy.ASSIGNMENT} | Langkah 1: Menjumlah"] == 0
    book = openpyxl.load_workbook(next(f for f in files if f.suffix == ".xlsx"))
    assert {"Ringkasan", "Per langkah", "Per bagian", "Status"} <= set(book.sheetnames)


def test_the_dashboard_is_self_contained_and_every_participant_has_a_page(graded):
    files = report.write_all(graded["ws"])
    html = files[0].read_text(encoding="utf-8")
    assert 'src="http' not in html and "data:image/png;base64," in html
    assert "Kesalahan paling umum" in html and "uji_nilai" in html
    assert len(files) == 1 + 16
    ani = (graded["ws"].reports / "peserta" / "ani.html").read_text(encoding="utf-8")
    assert f"{toy.ASSIGNMENT}: 3 dari 3 (100%)" in ani
    assert "<td>Langkah 1: Menjumlah</td><td>2</td><td>2</td>" in ani


def visible_text(page: str) -> str:
    """What a reader of a page sees: no style sheet, no embedded images, no tags."""
    page = re.sub(r"<style.*?</style>|<img[^>]*>", "", page, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", page)


def test_every_number_on_the_report_pages_is_written_with_the_decimal_comma(graded):
    """Points as the answer keys award them (1,11; 0,78), their sums without float noise,
    percentages and averages: never 2.0, 1.8900000000000001 or 61.9."""
    ws = graded["ws"]
    scores = results.scores(ws)
    ani = (scores["id"] == "ani") & (scores["bagian"] == "uji_tambah")
    scores.loc[ani, "nilai"] = 1.11
    scores.loc[(scores["id"] == "ani") & (scores["bagian"] == "uji_nilai"), "nilai"] = 0.78
    page = report.participant_page(ws, "ani", scores, results.statuses(ws),
                                   pd.DataFrame(columns=["id"]), None,
                                   results.comments(ws))
    assert f"{toy.ASSIGNMENT}: 1,89 dari 3 (63%)" in page
    assert "<td>Langkah 1: Menjumlah</td><td>1,11</td><td>2</td>" in page
    assert "menunggu penilaian manual" not in page
    dashboard = report.dashboard(ws)
    percent = results.totals(results.scores(ws))["persen"]
    assert f"<td>{angka(percent.mean(), 1)}</td><td>{angka(percent.median(), 1)}</td>" in (
        dashboard)
    for text in (page, dashboard):
        assert not re.search(r"\d\.\d", visible_text(text))


def test_a_participants_page_shows_the_points_still_waiting_for_the_asesor(graded):
    ws = graded["ws"]
    scores = results.scores(ws)
    waiting = (scores["id"] == "ani") & (scores["bagian"] == "uji_nilai")
    scores.loc[waiting, ["nilai", "perlu_dinilai_manual"]] = [0.0, True]
    page = report.participant_page(ws, "ani", scores, results.statuses(ws),
                                   pd.DataFrame(columns=["id"]), None, results.comments(ws))
    assert f"{toy.ASSIGNMENT}: 2 dari 3 (67%)" in page
    assert "Sebanyak 1 dari 3 poin masih menunggu penilaian manual" in page
    assert ("<td>Langkah 2: Nilai</td><td>0</td><td>1</td>"
            "<td>1 poin menunggu penilaian manual</td>") in page
    assert "<td>Langkah 1: Menjumlah</td><td>2</td><td>2</td><td></td>" in page


def test_exports_round_points_as_the_pages_do():
    """Sums of points awarded to two decimals are written to two decimals in the CSV and
    XLSX files (3.78, never 3.7800000000000002); the files keep the decimal point."""
    scores = pd.DataFrame({
        "id": ["ani", "ani", "ani"], "nama": "Ani", "instansi": "Diskominfo",
        "jabatan": "Analis", "latihan": "latihan", "notebook": "latihan",
        "langkah": ["Langkah 1", "Langkah 1", "Langkah 2"],
        "bagian": ["a", "b", "c"], "nilai": [1.78, 2.0, 0.1 + 0.2],
        "nilai_maks": [2.0, 2.0, 0.2], "perlu_dinilai_manual": False})
    assert 1.78 + 2.0 != 3.78 and 0.1 + 0.2 != 0.3  # the float noise to remove
    steps = export.per_step(scores)
    assert steps[["latihan | Langkah 1", "latihan | Langkah 2", "latihan | persen"]].iloc[
        0].tolist() == [3.78, 0.3, 97.1]
    assert export.maxima(scores)["nilai_maks"].tolist() == [4.0, 0.2]
    assert results.totals(scores)[["nilai", "nilai_maks"]].iloc[0].tolist() == [4.08, 4.2]
    text = steps.to_csv(index=False) + results.totals(scores).to_csv(index=False)
    assert "3.78," in text and "4.08," in text and not re.search(r"\d\.\d{3}", text)


def test_a_step_is_a_level_two_heading_with_every_graded_cell_under_it():
    """A ``###`` part (a check, the asesor's part) counts to its step; a heading in a code
    block or in a participant's answer starts nothing; cells before the first step belong
    to the notebook's title."""
    def graded(grade_id, kind="code", **flags):
        make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        cell = make(flags.pop("source", ""))
        cell.metadata["nbgrader"] = {"grade_id": grade_id, "grade": True, "points": 1,
                                     **flags}
        return cell
    md = nbformat.v4.new_markdown_cell
    nb = nbformat.v4.new_notebook(cells=[
        md("# Latihan\n\n## Pengantar tanpa nilai"), md("# Judul kedua"),
        md("## Langkah 1. Isi (3 poin)"), graded("a"),
        md("### Periksa sendiri"), graded("b"),
        graded("c", "markdown", task=True, source="### Dinilai asesor (1 poin)"),
        md("```\n## bukan judul\n```"), graded("d"),
        md("## Langkah 2. Tulis"),
        graded("e", "markdown", solution=True, source="## Judul buatan peserta"), graded("f")])
    assert results.step_of_cells(nb, "latihan") == {
        "a": "Langkah 1. Isi (3 poin)", "b": "Langkah 1. Isi (3 poin)",
        "c": "Langkah 1. Isi (3 poin)", "d": "Langkah 1. Isi (3 poin)",
        "e": "Langkah 2. Tulis", "f": "Langkah 2. Tulis"}
    nb.cells = [md("# Latihan"), graded("a")]
    assert results.step_of_cells(nb, "latihan") == {"a": "Latihan"}


@pytest.mark.parametrize("path", exercise_sources(), ids=lambda p: p.stem)
def test_every_step_of_every_exercise_carries_the_points_its_heading_states(path):
    """Each exercise's steps, as reports, exports and feedback group its graded cells, are
    its "Langkah"/"Bagian" headings, and each step's maximum is the "(N poin)" (or the
    number of one-point "(N soal)") its heading promises."""
    nb = nbformat.read(path, as_version=4)
    points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points", 0)
              for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
              or c.metadata.get("nbgrader", {}).get("task")}
    step_of = results.step_of_cells(nb, path.stem)
    maximum, cells = {}, {}
    for grade_id, step in step_of.items():
        maximum[step] = maximum.get(step, 0) + points[grade_id]
        cells[step] = cells.get(step, 0) + 1
    headings = [text for c in nb.cells for level, text in results.headings(c) if level == 2]
    assert set(step_of) == set(points)
    assert all(re.match(r"(Langkah|Bagian) \d", step) and step in headings for step in maximum)
    for heading in headings:
        stated = re.search(r"\((\d+) poin", heading)
        if stated:
            assert maximum.get(heading) == int(stated.group(1)), heading
        questions = re.search(r"\((\d+) soal\)", heading)
        if questions:
            assert cells.get(heading) == maximum.get(heading) == int(questions.group(1))
