"""The feedback pages, back to each participant through nbgrader's exchange.

On the classroom server a participant submits from the Assignments panel. nbgrader's submit
writes a random ``submission_secret.txt`` into the submission and into the participant's own
cache; the panel's *Ambil umpan balik* (Fetch Feedback) then looks, for every notebook it
submitted, for ``EXCHANGE/<course>/feedback/<md5(secret + notebook name)>.html`` and copies
it to ``~/<latihan>/feedback/<waktu kirim>/<notebook>.html``.

nbgrader's own ExchangeReleaseFeedback puts pages there from a course's
``feedback/<id>/<latihan>/`` folder. Here that folder receives the kit's page
(:mod:`humaskit.grading.feedback`: built from the graded copy and sanitised, never nbgrader's
own feedback, which would show the hidden tests) under each notebook name the participant
sent, with the submission's secret and time as collected into the cohort's course.

The exchange's feedback folder lets anyone pass but no one list it (nbgrader makes it 711),
so a page is found only through its secret. Where the participant has an account on this
machine, the page is also given to that account alone (mode 600): another participant cannot
read it even by its name.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange import ExchangeError
from nbgrader.exchange.default.release_feedback import ExchangeReleaseFeedback
from nbgrader.utils import notebook_hash

from humaskit.grading import exchange
from humaskit.grading.workspace import Workspace
from humaskit.safe_text import visible

SECRET = "submission_secret.txt"
#: nbgrader's secret is 128 hexadecimal characters; anything much longer is not its own.
MAX_SECRET = 4096

PROBLEMS = {
    "not_exchange": "dikumpulkan bukan lewat exchange server kelas (USB atau salinan); "
                    "berikan berkas umpan baliknya langsung",
    "no_secret": "kiriman tidak membawa submission_secret.txt dari nbgrader; umpan balik tidak "
                 "dapat dicocokkan dengan kiriman peserta",
    "no_page": "halaman umpan balik belum ada; jalankan dulu humaskit grade feedback",
    "failed": "gagal dikembalikan ({detail})",
}


def where(origin: str) -> tuple[Path, str] | None:
    """The exchange root and course id a submission came from (``ROOT/<course>/inbound/<x>``),
    or None when it came from elsewhere."""
    path = Path(origin)
    if not path.is_absolute() or path.parent.name != "inbound" or len(path.parents) < 3:
        return None
    return path.parents[2], path.parents[1].name


def read_secret(placed: Path) -> str | None:
    """The submission's secret as nbgrader's fetch reads it (text mode), or None."""
    path = placed / SECRET
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_SECRET:
            return None
        secret = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return secret or None


def stage(ws: Workspace, submission: dict, secret: str, page: Path) -> Path:
    """The course's ``feedback/<id>/<latihan>/`` as nbgrader's release reads it: the page
    under each notebook name sent, the submission's time and secret."""
    placed = ws.course / "submitted" / submission["student"] / submission["assignment"]
    folder = ws.course / "feedback" / submission["student"] / submission["assignment"]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in submission.get("sent") or [f"{n}.ipynb" for n in notebooks(ws, submission)]:
        shutil.copyfile(page, folder / f"{Path(name).stem}.html")
    shutil.copyfile(placed / "timestamp.txt", folder / "timestamp.txt")
    (folder / SECRET).write_text(secret, encoding="utf-8")
    return folder


def notebooks(ws: Workspace, submission: dict) -> list[str]:
    """The assignment's notebook names (for a record collected before names were kept)."""
    return ws.settings().get("assignments", {}).get(submission["assignment"], [])


def release_one(ws: Workspace, submission: dict) -> dict:
    """Return one submission's page; the outcome as ``{student, assignment, code, ...}``."""
    outcome = {"student": submission["student"], "assignment": submission["assignment"]}
    found = where(submission.get("origin", ""))
    placed = ws.course / "submitted" / submission["student"] / submission["assignment"]
    page = ws.feedback / submission["student"] / f"{submission['assignment']}.html"
    secret = read_secret(placed) if found else None
    code = ("not_exchange" if found is None else "no_secret" if secret is None
            else "no_page" if not page.is_file() else None)
    if code:
        return dict(outcome, code=code)
    root, course_id = found
    try:
        folder = stage(ws, submission, secret, page)
        coursedir = CourseDirectory(root=str(ws.course), course_id=course_id,
                                    assignment_id=submission["assignment"],
                                    student_id=submission["student"])
        ExchangeReleaseFeedback(coursedir=coursedir, root=str(root)).start()
        released = [root / course_id / "feedback" /
                    f"{notebook_hash(secret=secret, notebook_id=html.stem)}.html"
                    for html in sorted(folder.glob("*.html"))]
        missing = [p.name for p in released if not p.is_file()]
        if missing:
            raise ExchangeError(f"tidak terbit: {', '.join(missing)}")
        uid = exchange.account_uid(submission["student"])
        for path in released:
            if uid is not None:
                os.chown(path, uid, -1)
            path.chmod(0o600 if uid is not None else 0o644)
    except (ExchangeError, OSError) as exc:
        return dict(outcome, code="failed", detail=f"{type(exc).__name__}: {str(exc)[:200]}")
    return dict(outcome, code="ok", pages=len(released))


def release(ws: Workspace) -> list[dict]:
    """Return every collected submission's feedback page through the exchange it came from;
    one participant's failure is theirs alone."""
    return [release_one(ws, s) for s in ws.collection()["submissions"]]


def message(outcome: dict) -> str:
    """One Indonesian line for a submission that was not returned."""
    text = PROBLEMS[outcome["code"]].format(detail=visible(outcome.get("detail", "")))
    return f"{visible(outcome['student'])} / {visible(outcome['assignment'])}: {text}"
