"""Returning feedback through nbgrader's exchange, end to end without a hub: nbgrader's own
submit (as the participant), the kit's collection, `grade umpan-balik`'s release, and
nbgrader's own fetch_feedback (as the participant again) bring the kit's page home."""

from __future__ import annotations

import json

import nbformat
import pytest
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange.default.fetch_feedback import ExchangeFetchFeedback
from nbgrader.exchange.default.submit import ExchangeSubmit

from humaskit.grading import collect, feedback_release
from humaskit.grading.roster import Participant
from humaskit.grading.workspace import Workspace

COURSE, ASSIGNMENT = "humaskit", "pemetaan_isu"
ROSTER = {p: Participant(p, f"Peserta {p}", "Dinas Kominfo", "Pranata Humas")
          for p in ("P01", "P02", "P03")}


def participant(tmp_path, student: str) -> dict:
    home = tmp_path / "rumah" / student
    return {"assignment_dir": str(home), "cache": str(home / ".cache"),
            "root": str(tmp_path / "exchange"), "authenticator": Authenticator(),
            "coursedir": CourseDirectory(course_id=COURSE, assignment_id=ASSIGNMENT,
                                         student_id=student)}


def submit(tmp_path, student: str, notebook: str) -> None:
    """The participant's Assignments panel: their folder, then nbgrader's submit."""
    setup = participant(tmp_path, student)
    folder = tmp_path / "rumah" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), folder / notebook)
    ExchangeSubmit(**setup).start()


def fetch_feedback(tmp_path, student: str) -> dict[str, str]:
    ExchangeFetchFeedback(**participant(tmp_path, student)).start()
    got = tmp_path / "rumah" / student / ASSIGNMENT / "feedback"
    return {str(p.relative_to(got)): p.read_text(encoding="utf-8")
            for p in got.glob("*/*.html")} if got.exists() else {}


@pytest.fixture
def cohort(tmp_path):
    """P01 submits pemetaan_isu.ipynb, P02 a renamed notebook, P03 by USB; all graded."""
    (tmp_path / "exchange" / COURSE / "inbound").mkdir(parents=True)
    (tmp_path / "exchange" / COURSE / "outbound" / ASSIGNMENT).mkdir(parents=True)
    submit(tmp_path, "P01", "pemetaan_isu.ipynb")
    submit(tmp_path, "P02", "Tugas P02.ipynb")
    usb = tmp_path / "usb"
    usb.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), usb / "P03.ipynb")
    ws = Workspace(tmp_path / "hasil")
    ws.create()
    assignments = {ASSIGNMENT: ["pemetaan_isu"]}
    ws.write("penilaian.json", {"assignments": assignments})
    for source in (tmp_path / "exchange" / COURSE / "inbound", usb):
        collect.collect(ws, [source], ROSTER, assignments, assignment=ASSIGNMENT)
    for student in ROSTER:  # the pages `grade feedback` writes
        page = ws.feedback / student / f"{ASSIGNMENT}.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<h1>Umpan balik {student}</h1>", encoding="utf-8")
    return ws


def test_each_participant_fetches_their_own_page_under_the_name_they_sent(tmp_path, cohort):
    outcomes = {o["student"]: o for o in feedback_release.release(cohort)}
    assert outcomes["P01"]["code"] == "ok" and outcomes["P02"]["code"] == "ok"
    first, second = fetch_feedback(tmp_path, "P01"), fetch_feedback(tmp_path, "P02")
    sent = json.loads((cohort.out / "pengumpulan.json").read_text())["submissions"]
    stamp = next(s["origin"] for s in sent if s["student"] == "P01").split("+")[2]
    # filed under the time of the submission, as the panel lists it
    assert first == {f"{stamp}/pemetaan_isu.html": "<h1>Umpan balik P01</h1>"}
    ((name, page),) = second.items()
    assert name.endswith("/Tugas P02.html") and page == "<h1>Umpan balik P02</h1>"


def test_the_exchange_folder_cannot_be_listed_and_pages_are_named_by_secret(tmp_path, cohort):
    feedback_release.release(cohort)
    outbound = tmp_path / "exchange" / COURSE / "feedback"
    assert oct(outbound.stat().st_mode & 0o777) == "0o711"
    names = sorted(p.name for p in outbound.iterdir())
    assert len(names) == 2 and all(len(n) == len("0" * 32 + ".html") for n in names)
    assert not any("P0" in n or "pemetaan" in n for n in names)


def test_a_usb_submission_is_reported_not_returned_and_a_missing_page_is_named(cohort):
    (cohort.feedback / "P02" / f"{ASSIGNMENT}.html").unlink()
    outcomes = {o["student"]: o for o in feedback_release.release(cohort)}
    assert outcomes["P03"]["code"] == "not_exchange"
    assert outcomes["P02"]["code"] == "no_page"
    assert outcomes["P01"]["code"] == "ok"
    assert "grade feedback" in feedback_release.message(outcomes["P02"])
    assert "langsung" in feedback_release.message(outcomes["P03"])


def test_a_page_released_again_replaces_the_earlier_one(tmp_path, cohort):
    feedback_release.release(cohort)
    (cohort.feedback / "P01" / f"{ASSIGNMENT}.html").write_text("<h1>Sesudah nilai manual</h1>",
                                                                 encoding="utf-8")
    feedback_release.release(cohort)
    assert list(fetch_feedback(tmp_path, "P01").values()) == ["<h1>Sesudah nilai manual</h1>"]
