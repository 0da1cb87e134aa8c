"""The facilitator sees who is stuck: on the real hub, a participant's save shows on the
projector's progress grid within one refresh (no reload pressed), only admins can open it,
and the room's sign-ins and saves are recorded for the pre-filled attendance."""

from __future__ import annotations

import csv
import datetime as dt
import os
import pwd
import subprocess
import time

import pytest
from hub import PARTICIPANTS, SCREENSHOTS, run_as

from humaskit.exercises import answers
from humaskit.exercises.issue_mapping import model
from humaskit.exercises.issue_mapping.ui import ANSWER_FILE
from humaskit.server import activity, facilitator

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

GRID = "/services/fasilitator/kemajuan"
TOTAL = model.count(model.blank())[1]


def save_as(room, account: str, jawaban: dict) -> None:
    """Write the exercise's answers file as the participant's own account, with the kit's
    own writer, as the exercise's form does on every choice."""
    target = f"{pwd.getpwnam(account).pw_dir}/pemetaan_isu/{ANSWER_FILE}"
    done = run_as(account, str(room["prefix"] / "env" / "bin" / "python"), "-c",
                  "import sys; from pathlib import Path; from humaskit.exercises import answers; "
                  "answers.write(Path(sys.argv[1]), sys.argv[2])",
                  target, answers.text(jawaban, answers.now()))
    assert done.returncode == 0, done.stderr


def impact_for(topics: int) -> dict:
    jawaban = model.blank()
    jawaban["dampak"].update(dict.fromkeys(model.TOPICS[:topics], 3))
    return jawaban


def test_the_grid_shows_a_participants_progress_change_after_they_save(
        room, submitted, browser):
    save_as(room, "uji_ani", impact_for(3))
    page = browser.new_page(viewport={"width": 1600, "height": 900})
    page.set_default_timeout(120_000)
    page.goto(f"{room['base']}/hub/login?next={GRID}")
    page.fill("#username_input", "fasilitator")
    page.fill("#password_input", room["admin"])
    page.click("#login_submit")
    ani = page.locator(".ubin[data-akun='uji_ani']")
    ani.get_by_text(f"3 dari {TOTAL} isian").wait_for()
    assert page.locator(".ubin").count() == len(PARTICIPANTS)
    assert "sudah dikumpulkan" in ani.inner_text()
    assert "pemetaan_isu" in page.locator(".besar").inner_text()
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.jumlah'))"
                         ".fontSize)")
    assert size >= 32  # readable from the back of the room

    jawaban = impact_for(len(model.TOPICS))
    jawaban["urgensi"]["ppdb zonasi"] = 1  # a rising trend needs 2 or more: the check says ✘
    save_as(room, "uji_ani", jawaban)
    started = time.monotonic()
    ani.get_by_text(f"{len(model.TOPICS) + 1} dari {TOTAL} isian").wait_for(
        timeout=(facilitator.GRID_REFRESH_SECONDS + 30) * 1000)  # the page reloads itself
    assert time.monotonic() - started < facilitator.GRID_REFRESH_SECONDS + 30
    text = ani.inner_text()
    assert "Langkah 3: urgensi (1–5) setiap isu" in text and "ada pemeriksaan ✘" in text
    assert "perlu-dicek" in ani.get_attribute("class")
    page.screenshot(path=SCREENSHOTS.format("kemajuan"))
    page.close()


def test_a_participant_cannot_open_the_grid(room, logged_in):
    page = logged_in["uji_budi"].get(GRID)
    assert page.status_code == 403 and "Kemajuan latihan" not in page.text


def test_sign_ins_and_saves_are_recorded_and_prefill_the_attendance(room, logged_in, submitted):
    record = room["prefix"] / "hub" / activity.FILE
    save_as(room, "uji_ani", impact_for(5))
    wanted = ("uji_ani", activity.SAVE, f"pemetaan_isu/{ANSWER_FILE}")
    deadline = time.monotonic() + activity.POLL_SECONDS + 30
    while time.monotonic() < deadline:
        events = {(e["akun"], e["jenis"], e["berkas"]) for e in activity.read(record)}
        if wanted in events:
            break
        time.sleep(2)
    assert wanted in events
    assert {(a, activity.SIGN_IN, "") for a in PARTICIPANTS} <= events
    assert oct(record.stat().st_mode & 0o777) == "0o600"

    out = room["base_dir"] / "daftar_hadir_prafill.csv"
    done = subprocess.run([room["kit"], "server", "hadir", "--prefix", str(room["prefix"]),
                           "--roster", str(room["roster"]), "--mulai",
                           dt.date.today().isoformat(), "--out", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["id_peserta"] for r in rows} == set(PARTICIPANTS)
    assert all(r["hadir"] in ("ya", "tidak") and r["dasar"].startswith("otomatis: ")
               for r in rows)
