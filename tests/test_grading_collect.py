"""Roster validation and collection of submissions as they arrive in a workshop (no kernels)."""

from __future__ import annotations

import hashlib
import json
import os
import pwd
import shutil
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from humaskit.exercises import answers
from humaskit.grading import collect, exchange, roster
from humaskit.grading.workspace import Workspace

ASSIGNMENTS = {"pemetaan_isu": ["pemetaan_isu"], "asesmen_mandiri": ["asesmen_mandiri"]}
PEOPLE = {
    "siti_aminah": roster.Participant("siti_aminah", "Siti Aminah Lubis", "Disdik", "Analis"),
    "dedi": roster.Participant("dedi", "Dédi Saputra", "Bappeda", "Perencana"),
    "dewi_kartika": roster.Participant("dewi_kartika", "Dewi Kartika Sari", "Dinkes", "Analis"),
    "dewi_lestari": roster.Participant("dewi_lestari", "Dewi Lestari", "Dinsos", "Analis"),
}
NOTEBOOK = b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'


def write_roster(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_roster_loads_in_file_order(tmp_path):
    path = write_roster(tmp_path, "id,nama,instansi,jabatan\nb,Budi,Setda,Analis\n"
                                  "a,Ani,Dinkes,Analis\n")
    assert list(roster.load(path)) == ["b", "a"]


@pytest.mark.parametrize("text, expected", [
    ("id,nama,instansi\na,Ani,Dinkes\n", "kolom wajib tidak ada: jabatan"),
    ("id,nama,instansi,jabatan\na,Ani,Dinkes,X\na,Adi,Setda,Y\n", "baris 3: id 'a' sudah"),
    ("id,nama,instansi,jabatan\nAni L,Ani,Dinkes,X\n", "baris 2: id 'Ani L'"),
    ("id,nama,instansi,jabatan\na,,Dinkes,X\n", "baris 2: kolom nama kosong"),
])
def test_a_bad_roster_is_refused_naming_the_row(tmp_path, text, expected):
    with pytest.raises(roster.RosterError, match=expected):
        roster.load(write_roster(tmp_path, text))


@pytest.mark.parametrize("name, expected", [
    ("Siti Aminah Lubis (1)", ["siti_aminah"]),
    ("SITI_AMINAH - Copy", ["siti_aminah"]),
    ("dedi saputra – pemetaan isu", ["dedi"]),
    ("Dédi", ["dedi"]),
    ("DEWI KARTIKA SARI", ["dewi_kartika"]),
    ("dewi", []),
    ("Peserta Tamu", []),
])
def test_names_are_matched_tolerantly(name, expected):
    assert collect.match(name, PEOPLE, ASSIGNMENTS) == expected


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in members.items():
            zf.writestr(zipfile.ZipInfo(name, (2026, 11, 1, 9, 0, 0)), content)
    return path


def test_a_zip_with_folders_and_loose_files_is_collected_keeping_companions(tmp_path):
    archive = make_zip(tmp_path / "kiriman grup.zip", {
        "kiriman/Siti Aminah Lubis (1)/asesmen_mandiri.ipynb": NOTEBOOK,
        "kiriman/Siti Aminah Lubis (1)/jawaban_asesmen_mandiri.json": b"{}",
        "kiriman/Dédi Saputra.ipynb": NOTEBOOK,
        "kiriman/catatan.txt": b"hai",
    })
    original = hashlib.sha256(archive.read_bytes()).hexdigest()
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [archive], PEOPLE, ASSIGNMENTS, assignment="asesmen_mandiri")
    folder = ws.course / "submitted" / "siti_aminah" / "asesmen_mandiri"
    assert sorted(p.name for p in folder.iterdir()) == [
        "asesmen_mandiri.ipynb", "jawaban_asesmen_mandiri.json", "timestamp.txt"]
    assert (ws.course / "submitted" / "dedi" / "asesmen_mandiri" /
            "asesmen_mandiri.ipynb").read_bytes() == NOTEBOOK
    assert [i["code"] for i in record["issues"]] == ["ignored"]
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == original


def test_the_assignment_is_read_from_file_names_or_reported_unknown(tmp_path):
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    (inbox / "dedi_pemetaan_isu.ipynb").write_bytes(NOTEBOOK)
    (inbox / "Siti Aminah Lubis.ipynb").write_bytes(NOTEBOOK)
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [inbox], PEOPLE, ASSIGNMENTS)
    assert [(s["student"], s["assignment"]) for s in record["submissions"]] == [
        ("dedi", "pemetaan_isu")]
    assert [i["code"] for i in record["issues"]] == ["unknown_assignment"]


def exchange_folder(inbound: Path, student: str, stamp: str) -> None:
    folder = inbound / f"{student}+pemetaan_isu+{stamp}+abc123"
    folder.mkdir(parents=True)
    (folder / "pemetaan_isu.ipynb").write_bytes(NOTEBOOK)
    (folder / "timestamp.txt").write_text(stamp)


def test_the_exchange_is_collected_with_its_timestamps_and_unknown_ids_reported(tmp_path):
    inbound = tmp_path / "exchange" / "humaskit" / "inbound"
    exchange_folder(inbound, "dedi", "2026-11-01 10:00:00.000000 UTC")
    exchange_folder(inbound, "dedi", "2026-11-01 12:30:00.000000 UTC")
    exchange_folder(inbound, "tamu", "2026-11-01 10:00:00.000000 UTC")
    ws = Workspace(tmp_path / "out").create()
    deadline = datetime(2026, 11, 1, 12, 0, tzinfo=timezone.utc)
    record = collect.collect(ws, [inbound.parent], PEOPLE, ASSIGNMENTS, deadline=deadline)
    assert [s["student"] for s in record["submissions"]] == ["dedi"]
    assert record["submissions"][0]["late_minutes"] == 30
    assert sorted(i["code"] for i in record["issues"]) == ["duplicate", "late",
                                                           "not_in_roster"]


def test_recollecting_a_changed_submission_archives_the_earlier_copy(tmp_path):
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    (inbox / "dedi.ipynb").write_bytes(NOTEBOOK)
    ws = Workspace(tmp_path / "out").create()
    first = collect.collect(ws, [inbox], PEOPLE, ASSIGNMENTS, assignment="pemetaan_isu")
    (inbox / "dedi.ipynb").write_bytes(NOTEBOOK.replace(b"{}", b'{"x": 1}'))
    second = collect.collect(ws, [inbox], PEOPLE, ASSIGNMENTS, assignment="pemetaan_isu")
    assert first["submissions"][0]["hash"] != second["submissions"][0]["hash"]
    archived = list((ws.out / "arsip").iterdir())
    assert len(archived) == 1
    assert (archived[0] / "pemetaan_isu.ipynb").read_bytes() == NOTEBOOK


@pytest.mark.parametrize("step", ["roster", "collect", "autograde", "feedback", "export",
                                  "report", "all"])
def test_every_grade_step_explains_itself(step, capsys):
    from humaskit.cli import main

    with pytest.raises(SystemExit) as done:
        main(["grade", step, "--help"])
    assert done.value.code == 0
    assert "--out" in capsys.readouterr().out


def test_the_roster_command_checks_a_roster(tmp_path, capsys):
    from humaskit.cli import main

    assert main(["grade", "roster", str(roster.DEMO_ROSTER)]) == 0
    assert "[OK] 10 peserta" in capsys.readouterr().out
    bad = write_roster(tmp_path, "id,nama\na,Ani\n")
    assert main(["grade", "roster", str(bad)]) == 1
    assert "[GAGAL]" in capsys.readouterr().out


def test_issues_of_earlier_sources_are_kept_and_not_repeated(tmp_path):
    first, second = tmp_path / "satu", tmp_path / "dua"
    for folder, name in ((first, "tamu.ipynb"), (second, "orang_lain.ipynb")):
        folder.mkdir()
        (folder / name).write_bytes(NOTEBOOK)
    ws = Workspace(tmp_path / "out").create()
    collect.collect(ws, [first], PEOPLE, ASSIGNMENTS, assignment="pemetaan_isu")
    collect.collect(ws, [first], PEOPLE, ASSIGNMENTS, assignment="pemetaan_isu")
    record = collect.collect(ws, [second], PEOPLE, ASSIGNMENTS, assignment="pemetaan_isu")
    assert [Path(i["path"]).name for i in record["found"]] == ["orang_lain.ipynb"]
    assert [Path(i["path"]).name for i in ws.collection()["issues"]] == [
        "tamu.ipynb", "orang_lain.ipynb"]


def test_a_roster_saved_by_excel_in_an_indonesian_locale_is_read(tmp_path):
    path = tmp_path / "peserta.csv"
    path.write_bytes("id;nama;instansi;jabatan\r\nP01;Dédi Saputra;Bappeda;Perencana\r\n"
                     "199001012015031001;Ani;Dinkes;Analis\r\n".encode("cp1252"))
    people = roster.load(path)
    assert list(people) == ["P01", "199001012015031001"]
    assert people["P01"].nama == "Dédi Saputra"


def test_a_bad_deadline_is_refused_before_anything_is_written(tmp_path, capsys):
    from humaskit.cli import main

    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    out = tmp_path / "hasil"
    code = main(["grade", "collect", str(inbox), "--roster", str(roster.DEMO_ROSTER),
                 "--deadline", "besok sore", "--out", str(out)])
    assert code == 1
    assert "Batas waktu 'besok sore' tidak dapat dibaca" in capsys.readouterr().out
    assert not out.exists()


def test_a_missing_source_is_named_before_anything_is_written(tmp_path, capsys):
    from humaskit.cli import main

    out = tmp_path / "hasil"
    assert main(["grade", "collect", str(tmp_path / "tidak_ada.zip"), "--roster",
                 str(roster.DEMO_ROSTER), "--out", str(out)]) == 1
    assert "tidak_ada.zip" in capsys.readouterr().out and not out.exists()


def test_a_dead_kernel_has_a_clear_status_message():
    from humaskit.grading import diagnose

    message = diagnose.message("kernel_died")
    assert message.startswith("Kernel berhenti paksa") and "NbGraderException" not in message


# --- hostile names, owners and answers (issue 21, classes 4, 6, 9; issue 22 §3) -----------

def carrying(*copies: tuple[str, str, str]) -> bytes:
    """A notebook whose outputs carry form answers: (file name, saved at, answers) each."""
    outputs = [{"output_type": "display_data", "metadata": {}, "data": answers.bundle(
        name, json.dumps({"disimpan_pada": saved, "jawaban": jawaban}), saved)}
        for name, saved, jawaban in copies]
    cell = {"cell_type": "code", "execution_count": 1, "id": "form", "metadata": {},
            "source": "lembar.formulir('dampak')", "outputs": outputs}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4,
                       "nbformat_minor": 5}).encode()


def issues_of(record: dict, code: str) -> list[dict]:
    return [i for i in record["issues"] if i["code"] == code]


def test_hostile_carried_answer_names_are_reported_for_that_participant_alone(tmp_path):
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    saved = "2026-11-23T09:00:00+00:00"
    hostile = ["jawaban\x00.json", "j" * 300 + ".json", "catatan", "../../../etc/cron.d/x",
               "jawaban_asesmen_mandiri.json"]
    (inbox / "dedi.ipynb").write_bytes(carrying(*[(n, saved, {"a": 1}) for n in hostile]))
    # A folder holding a subfolder with the answers file's own name.
    (inbox / "dewi_lestari" / "jawaban_pemetaan_isu.json").mkdir(parents=True)
    (inbox / "dewi_lestari" / "jawaban_pemetaan_isu.json" / "x.txt").write_text("x")
    (inbox / "dewi_lestari" / "pemetaan_isu.ipynb").write_bytes(
        carrying(("jawaban_pemetaan_isu.json", saved, {"a": 1})))
    (inbox / "siti_aminah.ipynb").write_bytes(
        carrying(("jawaban_pemetaan_isu.json", saved, {"dampak": {"banjir": 4}})))
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [inbox], PEOPLE, ASSIGNMENTS, assignment="pemetaan_isu")
    assert sorted(s["student"] for s in record["submissions"]) == [
        "dedi", "dewi_lestari", "siti_aminah"]
    refused = issues_of(record, "form_answers_bad_name")
    assert {i["student"] for i in refused} == {"dedi", "dewi_lestari"}
    assert len([i for i in refused if i["student"] == "dedi"]) == len(hostile)
    dedi = ws.course / "submitted" / "dedi" / "pemetaan_isu"
    assert sorted(p.name for p in dedi.iterdir()) == ["pemetaan_isu.ipynb", "timestamp.txt"]
    siti = ws.course / "submitted" / "siti_aminah" / "pemetaan_isu" / "jawaban_pemetaan_isu.json"
    assert json.loads(siti.read_text())["jawaban"] == {"dampak": {"banjir": 4}}
    message = collect.issue_message("form_answers_bad_name", refused[0]["detail"])
    assert "\x00" not in message and "nama berkas yang tidak dapat dipakai" in message


def test_a_file_name_no_file_system_takes_costs_only_its_own_participant(tmp_path, monkeypatch):
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    (inbox / "dedi.ipynb").write_bytes(NOTEBOOK)
    (inbox / "siti_aminah.ipynb").write_bytes(NOTEBOOK)
    real_place = collect.place

    def place(unit, dest, expected, archive):
        if unit.student == "dedi":
            raise OSError(36, "File name too long")
        return real_place(unit, dest, expected, archive)

    monkeypatch.setattr(collect, "place", place)
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [inbox], PEOPLE, ASSIGNMENTS, assignment="pemetaan_isu")
    assert [s["student"] for s in record["submissions"]] == ["siti_aminah"]
    assert [(i["student"], i["code"]) for i in record["issues"]] == [("dedi", "unplaceable")]


def test_a_zip_entry_name_the_disk_refuses_costs_only_that_entry(tmp_path):
    archive = make_zip(tmp_path / "kiriman.zip", {
        "dedi.ipynb": NOTEBOOK, "siti_aminah/" + "s" * 300 + ".json": b"{}",
        "siti_aminah/asesmen_mandiri.ipynb": NOTEBOOK})
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [archive], PEOPLE, ASSIGNMENTS, assignment="asesmen_mandiri")
    assert sorted(s["student"] for s in record["submissions"]) == ["dedi", "siti_aminah"]
    assert [i["code"] for i in record["issues"]] == ["unplaceable"]


@pytest.mark.parametrize("carried_at, file_at, winner", [
    ("2026-11-23T10:00:00+00:00", "2026-11-23T09:00:00+00:00", "notebook"),
    ("2026-11-23T09:00:00+00:00", "2026-11-23T10:00:00+00:00", "berkas"),
    ("kemarin", "2026-11-23T10:00:00+00:00", "berkas"),
])
def test_carried_answers_and_the_answers_file_that_disagree_are_reported(tmp_path, carried_at,
                                                                          file_at, winner):
    folder = tmp_path / "masuk" / "dedi"
    folder.mkdir(parents=True)
    (folder / "pemetaan_isu.ipynb").write_bytes(
        carrying(("jawaban_pemetaan_isu.json", carried_at, {"banjir": 4})))
    (folder / "jawaban_pemetaan_isu.json").write_text(
        json.dumps({"disimpan_pada": file_at, "jawaban": {"banjir": 3}}))
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [folder.parent], PEOPLE, ASSIGNMENTS,
                             assignment="pemetaan_isu")
    said, = issues_of(record, "form_answers_disagree")
    assert said["student"] == "dedi"
    kept = json.loads((ws.course / "submitted" / "dedi" / "pemetaan_isu" /
                       "jawaban_pemetaan_isu.json").read_text())
    assert kept["jawaban"] == {"banjir": 4 if winner == "notebook" else 3}
    message = collect.issue_message(said["code"], said["detail"])
    assert message.startswith("Jawaban formulir di dalam notebook berbeda")
    assert ("yang dinilai salinan di dalam notebook" if winner == "notebook"
            else "yang dinilai berkas jawaban") in message


def test_carried_answers_that_agree_with_the_file_raise_nothing(tmp_path):
    folder = tmp_path / "masuk" / "dedi"
    folder.mkdir(parents=True)
    (folder / "pemetaan_isu.ipynb").write_bytes(
        carrying(("jawaban_pemetaan_isu.json", "2026-11-23T09:00:00+00:00", {"banjir": 3})))
    (folder / "jawaban_pemetaan_isu.json").write_text(
        json.dumps({"disimpan_pada": "2026-11-23T09:00:00+00:00", "jawaban": {"banjir": 3}},
                   indent=1))
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [folder.parent], PEOPLE, ASSIGNMENTS,
                             assignment="pemetaan_isu")
    assert record["issues"] == []


def test_a_chart_is_not_mistaken_for_a_form():
    import altair as alt
    import pandas as pd

    with alt.renderers.enable("jupyter", offline=True):
        data, _meta = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(
            x="a")._repr_mimebundle_()
    chart = {"output_type": "display_data", "metadata": {}, "data": data}
    form = {"output_type": "display_data", "metadata": {}, "data": {
        "text/plain": "VBox(children=(HTML(value='<b>Formulir…",
        answers.WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 0}}}
    assert answers.WIDGET_VIEW in data
    assert not answers.shows_a_form({"cells": [{"outputs": [chart]}]})
    assert answers.shows_a_form({"cells": [{"outputs": [chart, form]}]})


RELEASED_CODE_CELL = "isian_kode = None\ntry:\n    raise NotImplementedError()\nexcept NotImplementedError:\n    pass\n"


def form_notebook(code_cell_source: str) -> bytes:
    """An asesmen_mandiri notebook as saved after running it: the form was shown but never
    saved (its copy of the answers is empty), beside the code answer cell with the checksum
    its release wrote; the source is stored as lines, as Jupyter stores it."""
    from nbformat import from_dict
    from nbgrader.utils import compute_checksum

    meta = {"cell_type": "code", "grade": False, "grade_id": "isian_kode", "locked": False,
            "schema_version": 3, "solution": True}
    released = {"cell_type": "code", "execution_count": 2, "id": "b", "outputs": [],
                "metadata": {"nbgrader": meta}, "source": RELEASED_CODE_CELL}
    meta["checksum"] = compute_checksum(from_dict(released))
    form = [{"output_type": "display_data", "metadata": {}, "data": {
                "text/plain": "VBox(children=(HTML(value='<b>Formulir…",
                answers.WIDGET_VIEW: {"model_id": "abc", "version_major": 2,
                                      "version_minor": 0}}},
            {"output_type": "display_data", "metadata": {}, "data": answers.bundle(
                "jawaban_asesmen_mandiri.json", "", "")}]
    cells = [{"cell_type": "code", "execution_count": 1, "id": "a", "metadata": {},
              "source": ["formulir = ui.AsesmenForm()\n", "formulir.tampilkan()"],
              "outputs": form},
             dict(released, source=code_cell_source.splitlines(keepends=True))]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                       "nbformat_minor": 5}).encode()


@pytest.mark.parametrize("code_cell, missing", [
    (RELEASED_CODE_CELL, True),
    ('isian_kode = form.Isian(kode_skema="KIT-HUMAS-YUNIOR", jawaban=pd.DataFrame([...]))\n',
     False),
], ids=["sel_kode_seperti_dirilis", "jawaban_di_sel_kode"])
def test_answers_are_reported_missing_only_when_neither_the_form_nor_the_code_cell_has_them(
        tmp_path, code_cell, missing):
    """A participant who answered in the code cell sent the answers in the notebook: no alarm
    (the form shown beside it was simply not used). One who ran the form, never saved it
    and left the code cell as released did lose them."""
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    (inbox / "dedi_asesmen_mandiri.ipynb").write_bytes(form_notebook(code_cell))
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [inbox], PEOPLE, ASSIGNMENTS)
    assert [(s["student"], s["assignment"]) for s in record["submissions"]] == [
        ("dedi", "asesmen_mandiri")]
    assert [i["code"] for i in record["issues"]] == (["form_answers_missing"] if missing
                                                     else [])


def test_the_runs_count_of_submissions_with_notes_includes_what_collection_warned(tmp_path):
    from humaskit.grading.commands import with_notes

    ws = Workspace(tmp_path / "out").create()
    ok = [{"code": "ok"}]
    state = {"asesmen_mandiri/dedi": {"student": "dedi", "assignment": "asesmen_mandiri",
                                      "statuses": ok},
             "asesmen_mandiri/dewi_lestari": {"student": "dewi_lestari",
                                              "assignment": "asesmen_mandiri", "statuses": ok}}
    assert with_notes(ws, state) == 0
    ws.write("pengumpulan.json", {"submissions": [], "issues": [
        {"code": "form_answers_missing", "path": "masuk/dedi", "student": "dedi",
         "assignment": "asesmen_mandiri", "detail": "jawaban_asesmen_mandiri.json"},
        {"code": "unmatched", "path": "masuk/tamu", "detail": ""}]})
    assert with_notes(ws, state) == 1
    state["asesmen_mandiri/dedi"]["statuses"] = [{"code": "timeout"}]
    assert with_notes(ws, state) == 1


def test_a_chart_notebook_sent_alone_raises_no_form_alarm(tmp_path):
    chart = {"output_type": "display_data", "metadata": {}, "data": {
        "text/plain": "<altair.jupyter.jupyter_chart.JupyterChart object at 0x7f2>",
        answers.WIDGET_VIEW: {"model_id": "abc", "version_major": 2, "version_minor": 1}}}
    nb = {"cells": [{"cell_type": "code", "execution_count": 1, "id": "c", "metadata": {},
                     "source": "matriks_isu", "outputs": [chart]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    (inbox / "dedi_pemetaan_isu_analis.ipynb").write_text(json.dumps(nb))
    (inbox / "Siti Aminah - pemetaan_isu.ipynb").write_bytes(NOTEBOOK)
    ws = Workspace(tmp_path / "out").create()
    assignments = {**ASSIGNMENTS, "pemetaan_isu_analis": ["pemetaan_isu_analis"]}
    record = collect.collect(ws, [inbox], PEOPLE, assignments)
    assert [(s["student"], s["assignment"]) for s in record["submissions"]] == [
        ("siti_aminah", "pemetaan_isu"), ("dedi", "pemetaan_isu_analis")]
    assert record["issues"] == []


@pytest.mark.parametrize("name, expected", [
    ("pemetaan_isu_analis", "pemetaan_isu_analis"),
    ("Dedi - Pemetaan Isu Analis (1)", "pemetaan_isu_analis"),
    ("dedi_pemetaan_isu", "pemetaan_isu"),
    ("pemetaan_isu dan asesmen_mandiri", None),
])
def test_a_loose_notebook_is_matched_to_the_exercise_its_whole_name_gives(name, expected):
    assignments = {**ASSIGNMENTS, "pemetaan_isu_analis": ["pemetaan_isu_analis"]}
    assert collect.guess_assignment(name, assignments) == expected


def test_a_file_name_with_a_newline_and_ansi_codes_cannot_fake_a_console_line(tmp_path,
                                                                              capsys):
    from humaskit.cli import main

    inbox = tmp_path / "kiriman"
    inbox.mkdir()
    (inbox / "tamu\n\x1b[32m[OK]\x1b[0m semua kiriman aman.ipynb").write_bytes(NOTEBOOK)
    assert main(["grade", "collect", str(inbox), "--roster", str(roster.DEMO_ROSTER),
                 "--assignment", "pemetaan_isu", "--out", str(tmp_path / "hasil")]) == 0
    said = capsys.readouterr().out
    assert "\x1b" not in said
    assert not any(line.lstrip().startswith("[OK]") for line in said.splitlines())
    assert "semua kiriman aman" in said  # still named, on its own [PERHATIAN] line


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another uid "
                                                          "needs root")


def owned_folder(inbound: Path, name: str, uid: int, notebook: bytes = NOTEBOOK) -> Path:
    folder = inbound / name
    folder.mkdir(parents=True)
    (folder / "pemetaan_isu.ipynb").write_bytes(notebook)
    for path in (folder, folder / "pemetaan_isu.ipynb"):
        os.chown(path, uid, uid)
    return folder


@needs_root
def test_an_exchange_folder_made_by_another_account_is_refused(tmp_path):
    """Roster ids that are accounts on this machine (``nobody``, ``daemon``) stand for the
    classroom server's participants; ``daemon`` submits in ``nobody``'s name."""
    people = {"nobody": roster.Participant("nobody", "Nobi Dewi", "Dinkes", "Analis"),
              "daemon": roster.Participant("daemon", "Damar Eko", "Setda", "Analis")}
    victim, attacker = pwd.getpwnam("nobody").pw_uid, pwd.getpwnam("daemon").pw_uid
    inbound = tmp_path / "exchange" / "humaskit" / "inbound"
    genuine = owned_folder(inbound, "nobody+pemetaan_isu+2026-11-01 10:00:00 UTC+a1", victim,
                           NOTEBOOK.replace(b"{}", b'{"asli": 1}'))
    owned_folder(inbound, "nobody+pemetaan_isu+2026-11-01 11:00:00 UTC+b2", attacker)
    (inbound / "daemon+pemetaan_isu+2026-11-01 11:00:00 UTC+c3").write_text("")
    (inbound / "daemon+pemetaan_isu+2026-11-01 11:00:00 UTC+c3").chmod(0o644)
    ws = Workspace(tmp_path / "out").create()
    record = collect.collect(ws, [inbound.parent], people, ASSIGNMENTS)
    submission, = record["submissions"]
    assert (submission["student"], submission["origin"]) == ("nobody", str(genuine))
    assert b'"asli"' in (ws.course / "submitted" / "nobody" / "pemetaan_isu" /
                         "pemetaan_isu.ipynb").read_bytes()
    refused, = issues_of(record, "not_owner")
    assert refused["student"] == "nobody"
    message = collect.issue_message(refused["code"], refused["detail"])
    assert message.startswith("Folder kiriman atas nama 'nobody' dibuat oleh akun 'daemon', "
                              "bukan oleh akun peserta itu sendiri; ditolak")
    assert not issues_of(record, "duplicate")
    assert [Path(i["path"]).name for i in issues_of(record, "not_a_submission")] == [
        "daemon+pemetaan_isu+2026-11-01 11:00:00 UTC+c3"]
    # The facilitator's page counts the genuine folder only: not the plain file.
    assert exchange.submitted(inbound) == {("nobody", "pemetaan_isu")}
    shutil.rmtree(genuine)
    assert exchange.submitted(inbound) == set()
