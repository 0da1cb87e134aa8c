"""Attendance pre-filled from the classroom server: present only where the participant signed
in or saved work during the session, never because a server was running; the sheet says why,
reads back as the daftar hadir, and the facilitator corrects it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest

from humaskit import ROOT, safe_text
from humaskit.grading import roster
from humaskit.server import activity
from humaskit.training import attendance, schedule

GUIDE = """
### Hari 1 — Contoh

| Waktu | Kegiatan | Menit | Jenis |
|---|---|---|---|
| 07.30–08.00 | Registrasi | 30 | persiapan |
| 08.00–09.30 | Bagian 1: materi | 90 | materi |
| 09.30–10.30 | Ishoma | 60 | — |
| 10.30–12.00 | Latihan | 90 | latihan |

### Hari 2 — Contoh

| Waktu | Kegiatan | Menit | Jenis |
|---|---|---|---|
| 08.00–09.30 | Bagian 1: materi | 90 | materi |
"""
SESSIONS = schedule.sessions(GUIDE)
WIB = dt.timezone(dt.timedelta(hours=7))
START = dt.date(2026, 12, 7)
PEOPLE = {"Ani_Lestari": roster.Participant("Ani_Lestari", "Ani Lestari", "Diskominfo", "Analis"),
          "budi": roster.Participant("budi", "Budi Hartono", "Bappeda", "Perencana")}


def event(when: str, account: str, kind: str, what: str = "") -> dict:
    return {"waktu": when, "akun": account, "jenis": kind, "berkas": what}


EVENTS = [
    event("2026-12-07T07:50:00+07:00", "ani_lestari", "masuk"),  # 10 min before the lesson
    event("2026-12-07T10:40:00+07:00", "ani_lestari", "simpan", "notebooks/01.ipynb"),
    event("2026-12-07T11:55:00+07:00", "ani_lestari", "simpan", "pemetaan_isu/jawaban.json"),
    event("2026-12-07T10:00:00+07:00", "budi", "simpan", "notebooks/01.ipynb"),  # lunch
    event("2026-12-07T03:35:00+00:00", "budi", "simpan", "notebooks/01.ipynb"),  # 10.35 WIB
    event("2026-12-08T08:30:00+07:00", "budi", "server", ""),  # not evidence of anything
    event("2026-12-08T08:30:00+07:00", "orang_lain", "masuk"),
    event("bukan waktu", "budi", "masuk"),
]


def marks(sheet: pd.DataFrame) -> dict:
    return {(r.id_peserta, r.sesi): r.hadir for r in sheet.itertuples()}


def test_a_session_is_attended_where_a_sign_in_or_a_save_falls_within_it():
    sheet = attendance.prefill(EVENTS, PEOPLE, SESSIONS, START, WIB)
    assert marks(sheet) == {
        ("Ani_Lestari", "H1-pagi"): "ya", ("Ani_Lestari", "H1-siang"): "ya",
        ("Ani_Lestari", "H2-pagi"): "tidak", ("budi", "H1-pagi"): "tidak",
        ("budi", "H1-siang"): "ya", ("budi", "H2-pagi"): "tidak"}


def test_each_row_says_what_it_was_filled_from():
    sheet = attendance.prefill(EVENTS, PEOPLE, SESSIONS, START, WIB)
    basis = {(r.id_peserta, r.sesi): r.dasar for r in sheet.itertuples()}
    assert basis[("Ani_Lestari", "H1-pagi")] == "otomatis: masuk 07.50"
    assert basis[("Ani_Lestari", "H1-siang")] == "otomatis: 2 kali menyimpan pekerjaan 10.40–11.55"
    assert basis[("budi", "H2-pagi")] == ("otomatis: tidak ada masuk atau simpanan tercatat di "
                                          "server 07.45–09.30")


def test_the_window_of_a_session_runs_from_just_before_its_first_lesson_to_its_end():
    begin, end = attendance.window(SESSIONS[1], START, WIB)
    assert (begin, end) == (dt.datetime(2026, 12, 7, 10, 15, tzinfo=WIB),
                            dt.datetime(2026, 12, 7, 12, 0, tzinfo=WIB))
    day2 = attendance.window(SESSIONS[2], START, WIB)[0]
    assert day2 == dt.datetime(2026, 12, 8, 7, 45, tzinfo=WIB)


def test_the_prefilled_sheet_reads_back_as_the_daftar_hadir_once_corrected(tmp_path):
    sheet = attendance.prefill(EVENTS, PEOPLE, SESSIONS, START, WIB)
    path = tmp_path / attendance.FILE
    safe_text.to_csv(sheet, path, encoding="utf-8")
    corrected = pd.read_csv(path, dtype=str)
    corrected.loc[5, ["hadir", "dasar"]] = ["ya", "dikoreksi: hadir, laptopnya mati"]
    corrected.to_csv(path, index=False)
    read = attendance.read(path, PEOPLE, SESSIONS)
    assert int(read["hadir"].sum()) == 4
    budi = attendance.summary(read, PEOPLE, SESSIONS).set_index("id").loc["budi"]
    assert budi["sesi_hadir"] == 2


# --- the record the pre-fill is made from ------------------------------------------------

ME = os.getuid()


def touch(path: Path, text: str = "{}") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_each_save_is_recorded_once_at_the_time_the_file_changed(tmp_path):
    home = tmp_path / "ani"
    notebook = touch(home / "notebooks" / "01_hari1.ipynb")
    answers = touch(home / "pemetaan_isu" / "jawaban_pemetaan_isu.json")
    touch(home / "notebooks" / "catatan.txt")
    touch(home / "pemetaan_isu" / "lain.json")
    log = tmp_path / activity.FILE
    homes = {"ani": (home, ME)}
    assert activity.Recorder(log).poll(homes, ["pemetaan_isu"]) == 2
    assert activity.Recorder(log).poll(homes, ["pemetaan_isu"]) == 0  # after a restart too
    recorded = activity.read(log)
    assert {(e["akun"], e["jenis"], e["berkas"]) for e in recorded} == {
        ("ani", "simpan", "notebooks/01_hari1.ipynb"),
        ("ani", "simpan", "pemetaan_isu/jawaban_pemetaan_isu.json")}
    changed = dt.datetime.fromisoformat(recorded[0]["waktu"]).timestamp()
    assert abs(changed - notebook.stat().st_ctime) < 1
    time.sleep(1.1)  # events are recorded to the second
    os.utime(answers, (0, 0))  # a date set by hand is not a save
    touch(home / "notebooks" / "salinan.ipynb")
    shutil.copy2(ROOT / "notebooks" / "00_mulai_di_sini.ipynb", home / "notebooks")  # set-up
    assert activity.Recorder(log).poll(homes, ["pemetaan_isu"]) == 1  # salinan.ipynb only
    answers.write_text('{"jawaban": {}}', encoding="utf-8")
    assert activity.Recorder(log).poll(homes, ["pemetaan_isu"]) == 1
    assert [e["berkas"] for e in activity.read(log)[2:]] == [
        "notebooks/salinan.ipynb", "pemetaan_isu/jawaban_pemetaan_isu.json"]


def test_a_link_or_a_file_of_another_account_is_not_the_participants_save(tmp_path):
    home = tmp_path / "ani"
    elsewhere = touch(tmp_path / "luar" / "rahasia.ipynb")
    (home / "notebooks").mkdir(parents=True)
    (home / "notebooks" / "tautan.ipynb").symlink_to(elsewhere)
    (home / "pemetaan_isu").symlink_to(elsewhere.parent)
    assert activity.saves(home, ME, ["notebooks", "pemetaan_isu"]) == {}
    touch(home / "notebooks" / "milik_saya.ipynb")
    assert list(activity.saves(home, ME + 1, ["notebooks"])) == []


def test_a_sign_in_is_appended_beside_the_saves(tmp_path):
    log = tmp_path / activity.FILE
    activity.signed_in(log, "ani", dt.datetime(2026, 12, 7, 8, 5, tzinfo=WIB).timestamp())
    activity.signed_in(log, "budi", dt.datetime(2026, 12, 7, 8, 6, tzinfo=WIB).timestamp())
    found = activity.read(log)
    assert [(e["akun"], e["jenis"]) for e in found] == [("ani", "masuk"), ("budi", "masuk")]
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    assert log.read_text().count("waktu,akun") == 1


def test_the_command_never_overwrites_a_daftar_hadir_that_may_be_corrected(tmp_path):
    from humaskit.server import cli
    from humaskit.server.layout import Layout

    existing = touch(tmp_path / attendance.FILE, "id_peserta,nama,sesi,hadir\n")
    with pytest.raises(ValueError, match="tidak ditimpa"):
        cli.prefilled(Layout(tmp_path), roster.DEMO_ROSTER, "2026-12-07", existing)
    with pytest.raises(ValueError, match="bukan tanggal"):
        cli.prefilled(Layout(tmp_path), roster.DEMO_ROSTER, "7 Des", tmp_path / "x.csv")
