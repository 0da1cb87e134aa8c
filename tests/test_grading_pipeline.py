"""The grading pipeline on one cohort of the toy assignment holding every kind of bad input.

The cohort is collected and graded once (module fixture); each test checks what the trainer
sees for one case: its status, its score, and that nothing else was harmed.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path

import grading_toy as toy
import nbformat
import openpyxl
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from humaskit.grading import autograde, cohort, collect, export, feedback, report
from humaskit.grading.sandbox import Limits

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


def test_feedback_writes_points_with_the_decimal_comma():
    assert [feedback.points_text(x) for x in (0.0, 2.0, 1.5, 0.333, 1234.5)] == [
        "0", "2", "1,5", "0,33", "1.234,5"]


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
