"""Roster validation and collection of submissions as they arrive in a workshop (no kernels)."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from humaskit.grading import collect, roster
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
