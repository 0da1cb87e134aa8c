"""Signing in to the classroom server, without a hub: each participant's PIN, kept across
set-ups, and the limits that slow down guessing it (the real hub is in
tests/classroom/)."""

from __future__ import annotations

import pytest

from humaskit.server import assignments_id, landing, pins, resets
from humaskit.server.signin import LOCK_AFTER, WAIT_AFTER, WAIT_MINUTES, Guard

pytest.importorskip("jupyterhub")

NOW = 1_800_000_000.0


def test_every_participant_gets_a_different_six_digit_pin_that_is_not_a_first_guess():
    room = {f"p{i:02d}": f"Peserta {i}" for i in range(60)}
    made = pins.assign(room, {})
    assert set(made) == set(room)
    assert len(set(made.values())) == len(room)
    for pin in made.values():
        assert len(pin) == 6 and pin.isdigit() and not pins.guessable(pin)
    assert pins.guessable("123456") and pins.guessable("987654") and pins.guessable("111211")


def test_pins_already_handed_out_are_kept_and_only_a_late_participant_gets_a_new_one():
    first = pins.assign({"ani": "Ani", "budi": "Budi"}, {})
    again = pins.assign({"ani": "Ani", "budi": "Budi", "citra": "Citra"}, first)
    assert again["ani"] == first["ani"] and again["budi"] == first["budi"]
    assert again["citra"] not in (first["ani"], first["budi"])


def test_admins_get_long_passwords_that_are_kept():
    made = pins.admin_passwords(["fasilitator", "pelatih"], {})
    assert all(len(p) >= 32 for p in made.values()) and len(set(made.values())) == 2
    assert pins.admin_passwords(["fasilitator", "pelatih"], made) == made


def test_wrong_pins_make_the_account_wait_then_lock_until_the_facilitator_unlocks(tmp_path):
    guard = Guard(tmp_path / "masuk.json")
    for attempt in range(1, WAIT_AFTER):
        assert guard.begin("ani", NOW) is None
        assert f"setelah {WAIT_AFTER - attempt} kali lagi salah" in guard.failed("ani", NOW)
    assert guard.begin("ani", NOW) is None
    told = guard.failed("ani", NOW)
    assert "menunggu sampai pukul" in told and "fasilitator" in told
    # While it waits, even the right PIN is not checked.
    assert "menunggu" in guard.begin("ani", NOW + 60)
    assert guard.read()["ani"]["gagal"] == WAIT_AFTER
    later = NOW + WAIT_MINUTES * 60 + 1
    for _ in range(WAIT_AFTER - 1):
        assert guard.begin("ani", later) is None
        assert "dikunci" in guard.failed("ani", later)  # says what the next failures do
    assert guard.begin("ani", later) is None
    assert "dikunci" in guard.failed("ani", later)
    assert "Minta fasilitator membukanya" in guard.begin("ani", later + 86_400)
    assert Guard.describe(guard.read()["ani"], later).startswith("terkunci")
    guard.unlock("ani")
    assert guard.begin("ani", later) is None and guard.read()["ani"]["gagal"] == 1


def test_guesses_sent_all_at_once_cannot_outrun_the_count(tmp_path):
    """Every attempt is counted before its PIN is checked: of 100 guesses in flight together,
    no more than the lock's limit reach the check."""
    guard = Guard(tmp_path / "masuk.json")
    checked = sum(guard.begin("ani", NOW) is None for _ in range(100))
    assert checked <= LOCK_AFTER


def test_a_right_pin_clears_the_count_and_accounts_are_counted_apart(tmp_path):
    guard = Guard(tmp_path / "masuk.json")
    for _ in range(3):
        guard.begin("ani", NOW)
        guard.failed("ani", NOW)
    guard.begin("budi", NOW)
    guard.failed("budi", NOW)
    guard.begin("ani", NOW)
    guard.succeeded("ani")
    assert "ani" not in guard.read() and guard.read()["budi"]["gagal"] == 1


def test_a_reset_is_logged_with_its_time_and_never_the_pin(tmp_path):
    from datetime import datetime

    log = tmp_path / resets.FILE
    resets.log(log, "ani", "fasilitator", datetime(2026, 12, 4, 10, 15).astimezone())
    rows = resets.read(log)
    assert [(r["akun"], r["oleh"]) for r in rows] == [("ani", "fasilitator")]
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    (note,) = resets.notes(log, {"ani": "Ani Lestari"})
    assert "ani (Ani Lestari)" in note and "04-12-2026 pukul 10.15" in note


def test_the_landing_page_says_where_the_exercises_are_where_it_runs(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "uji_ani")
    server = landing.where_exercises()
    assert "Nbgrader → Daftar Latihan" in server and "`uji_ani`" in server
    assert "exercises/release" not in server
    monkeypatch.delenv("JUPYTERHUB_USER")
    laptop = landing.where_exercises()
    assert "exercises/release/pemetaan_isu" in laptop and "Daftar Latihan" not in laptop


def test_the_assignments_panel_is_put_into_indonesian_once_and_every_string_is_found(tmp_path):
    import shutil
    import sys
    from pathlib import Path

    installed = assignments_id.extension(Path(sys.prefix))
    if not installed.is_dir():
        pytest.skip("nbgrader's JupyterLab extension is not installed here")
    static = shutil.copytree(installed, tmp_path / "static")
    assert assignments_id.translate(static) == []
    text = "".join(p.read_text(encoding="utf-8") for p in static.glob("*.js"))
    assert "Latihan yang sudah dirilis" in text and 'innerText="Ambil"' in text
    assert "There are no assignments to fetch." not in text and 'innerText="Fetch"' not in text
    assert assignments_id.translate(static) == []  # a second install changes nothing more


def test_the_reset_log_is_copied_into_the_cohort_folder_for_the_report(tmp_path, capsys):
    from humaskit.cli import main
    from humaskit.server.layout import Layout, Settings

    layout = Layout(tmp_path / "opt")
    layout.write(Settings({"ani": "Ani"}))
    resets.log(layout.resets_file, "ani", "fasilitator")
    kohort = tmp_path / "hasil_penilaian"
    assert main(["server", "riwayat-pin", "--prefix", str(layout.prefix), "--kohort",
                 str(kohort)]) == 0
    copied = resets.read(kohort / "penyelenggaraan" / resets.FILE)
    assert [(r["akun"], r["oleh"]) for r in copied] == [("ani", "fasilitator")]
    assert "1 penggantian PIN tercatat" in capsys.readouterr().out


def test_the_facilitator_page_marks_a_locked_account_and_offers_to_unlock_it(tmp_path):
    import re

    from humaskit.server import facilitator
    from humaskit.server.layout import Layout, Settings

    layout = Layout(tmp_path / "opt")
    settings = Settings({"ani": "Ani Lestari", "budi": "Budi"}, url="http://10.0.0.1:8000/")
    guard = Guard(layout.guard_file)
    for _ in range(WAIT_AFTER):
        guard.begin("ani")
        guard.failed("ani")
    guard.begin("budi")
    guard.failed("budi")
    page = facilitator.page(layout, settings, [], "<input name='_xsrf'>")
    ani = re.search(r"<tr><td>Ani Lestari</td>.*?</tr>", page).group(0)
    budi = re.search(r"<tr><td>Budi</td>.*?</tr>", page).group(0)
    assert "menunggu s.d." in ani and "Buka kunci" in ani and "PIN baru" in ani
    assert "1× salah" in budi and "Buka kunci" not in budi and "terkunci" not in budi
    assert "Tidak dapat masuk karena PIN salah berulang kali: Ani Lestari." in page
