"""Feedback returns through nbgrader's exchange: the trainer returns the kit's pages with
`humaskit grade umpan-balik`, and each participant takes their own from the Assignments panel
(*Ambil umpan balik*), as nbgrader's own fetch_feedback, and no one else's."""

from __future__ import annotations

import os
import pwd
import re
import subprocess

import pytest
from hub import ANI_DECISIONS, ROOT, run_as

from humaskit.exercises.issue_mapping import model
from humaskit.grading import exchange

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]


@pytest.fixture(scope="module")
def returned(room, graded):
    """`humaskit grade umpan-balik` on the cohort graded from the exchange (room["out"])."""
    return subprocess.run([str(ROOT / ".venv" / "bin" / "humaskit"), "grade", "umpan-balik",
                           "--out", str(room["out"])], capture_output=True, text=True,
                          check=False)


@pytest.fixture(scope="module")
def fetched(room, logged_in, returned):
    reply = logged_in["uji_ani"].user_post("assignments/fetch_feedback", course_id="humaskit",
                                           assignment_id="pemetaan_isu")
    pages = sorted((room["homes"] / "uji_ani" / "pemetaan_isu" / "feedback").glob("*/*.html"))
    return reply, pages


def test_the_trainer_returns_every_exchange_submissions_feedback(returned):
    assert returned.returncode == 0, returned.stdout + returned.stderr
    assert "dikembalikan lewat exchange: 1 dari 1 kiriman" in returned.stdout


def test_a_participant_fetches_her_own_feedback_from_the_assignments_panel(room, fetched):
    reply, pages = fetched
    assert reply.status_code == 200 and reply.json()["success"]
    assert [p.name for p in pages] == ["pemetaan_isu.html"]
    # nbgrader files it under the time of her submission, as the panel lists it
    inbound = room["prefix"] / "exchange" / "humaskit" / "inbound"
    sent_at = {exchange.parts(p.name)[2] for p in inbound.iterdir() if p.name.startswith("uji_ani+")}
    assert pages[0].parent.name in sent_at
    assert pages[0].stat().st_uid == pwd.getpwnam("uji_ani").pw_uid
    # the page the kit built (sanitised), unchanged
    page = pages[0].read_text(encoding="utf-8")
    assert page == (room["out"] / "umpan_balik" / "uji_ani" / "pemetaan_isu.html").read_text(
        encoding="utf-8")


def test_her_feedback_shows_her_own_decisions_in_indonesian(fetched):
    page = fetched[1][0].read_text(encoding="utf-8")
    assert "Umpan Balik Latihan" in page and "Ani Lestari" in page
    assert "Nilai per langkah" in page and "Nilai otomatis" in page
    for name, decided in ANI_DECISIONS.items():
        shown = page[page.index(f"Jawaban Anda ({model.DECISIONS[name].label})"):]
        shown = shown[:shown.index("</table>")]
        for subject, answer in decided.items():
            assert re.search(rf"<td>{subject}</td>\s*<td>{answer}</td>", shown), (name, subject)


def test_the_panel_then_shows_her_feedback_as_fetched(logged_in, fetched):
    listing = logged_in["uji_ani"].user_get("assignments", course_id="humaskit").json()
    sent = [s for a in listing["value"] if a["assignment_id"] == "pemetaan_isu"
            and a["status"] == "submitted" for s in a["submissions"]]
    assert len(sent) == 1 and sent[0]["has_local_feedback"] and not sent[0]["feedback_updated"]
    assert sent[0]["notebooks"] and all(nb["has_exchange_feedback"] for nb in sent[0]["notebooks"])


def test_another_participant_can_neither_list_nor_read_nor_fetch_it(room, logged_in, fetched):
    outbound = room["prefix"] / "exchange" / "humaskit" / "feedback"
    released = list(outbound.iterdir())
    assert released
    peek = run_as("uji_budi", "ls", str(outbound))
    assert peek.returncode != 0 and "Permission denied" in peek.stderr
    for page in released:  # even knowing the name
        peek = run_as("uji_budi", "cat", str(page))
        assert peek.returncode != 0 and "Permission denied" in peek.stderr
    reply = logged_in["uji_budi"].user_post("assignments/fetch_feedback", course_id="humaskit",
                                            assignment_id="pemetaan_isu")
    assert reply.status_code == 200
    assert not (room["homes"] / "uji_budi" / "pemetaan_isu" / "feedback").exists()
    peek = run_as("uji_budi", "cat", str(fetched[1][0]))
    assert peek.returncode != 0 and "Permission denied" in peek.stderr
