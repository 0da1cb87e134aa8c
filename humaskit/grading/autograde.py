"""Grade a collected cohort in parallel, each submission in its own sandboxed worker job.

The main course (``OUT/kursus``) holds the sources, the release and the main gradebook.
Workers (:mod:`humaskit.grading.worker`) grade in private copies; this process merges each
answer into the main gradebook through nbgrader's Gradebook API, one at a time, and records
the submission's file hash in ``OUT/status.json`` right after, so a re-run skips unchanged
submissions and an interrupted run resumes where it stopped.

A trainer's manual grades and comments are never lost: a re-graded submission is updated in
place, its manual scores kept, and marked for review where the answer changed; the earlier
grading is archived with its files. Failures of the environment (a worker killed, a sandbox
that could not start) are retried and never recorded as the participant's 0. One run at a
time may grade an output folder.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import queue
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import SAWarning
from tqdm import tqdm

from humaskit.exercises import course
from humaskit.grading import diagnose
from humaskit.grading.roster import Participant
from humaskit.grading.sandbox import Limits, is_root
from humaskit.grading.workspace import Workspace

#: Kernels run as uids from this range, one per worker slot, each owning nothing else on the
#: machine; a slot holds a lock on its uid so that simultaneous runs never share one.
FIRST_UID, UID_COUNT = 64100, 4096
UID_LOCKS = Path(tempfile.gettempdir()) / "humaskit-grade-uids"


def notebooks(source: Path) -> list[str]:
    return sorted(p.stem for p in source.glob("*.ipynb"))


def has_assignment(db_url: str, assignment: str) -> bool:
    with Gradebook(db_url) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            return False
    return True


def prepare_course(ws: Workspace, assignments: list[str], source_root: Path) -> None:
    """Copy the sources into the cohort's course; generate the release and the gradebooks."""
    ws.create()
    for name in assignments:
        src, dst = source_root / "source" / name, ws.course / "source" / name
        if dst.exists():
            shutil.rmtree(dst)
        shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".ipynb_checkpoints",
                                                                  "__pycache__"))
    shutil.rmtree(ws.course / course.KEYS, ignore_errors=True)
    shutil.copytree(course.keys_folder(source_root), ws.course / course.KEYS,
                    ignore=shutil.ignore_patterns("__pycache__"))
    generate(ws, assignments, f"sqlite:///{ws.template_db}")
    main = ws.course / "gradebook.db"
    if not ws.settings().get("db_url") and not main.exists():
        shutil.copy(ws.template_db, main)
    generate(ws, assignments, ws.db_url())


def generate(ws: Workspace, assignments: list[str], db_url: str) -> None:
    """nbgrader generate_assignment for each assignment the gradebook does not hold yet."""
    for name in assignments:
        if not has_assignment(db_url, name):
            result = course.api(ws.course, db_url).generate_assignment(name, force=True)
            if not result["success"]:
                raise RuntimeError(f"nbgrader generate_assignment {name} failed:\n"
                                   f"{result.get('error') or result.get('log')}")


class Busy(RuntimeError):
    """Another grading run holds the output folder."""


def lock(ws: Workspace):
    """Hold the output folder for this run (released when the returned file is closed)."""
    ws.out.mkdir(parents=True, exist_ok=True)
    handle = open(ws.out / ".sedang_menilai", "w")  # noqa: SIM115 - held for the run
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise Busy(f"Folder {ws.out} sedang dinilai oleh proses lain. Tunggu sampai selesai, "
                   "lalu jalankan lagi.") from None
    return handle


def descendants(pid: int) -> list[int]:
    """All processes below ``pid`` (kernels run in their own session, so not in its group)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class Worker:
    """A long-lived worker process for one slot (its own uid and scratch folder)."""

    def __init__(self, slot: int, scratch_root: Path, log: Path):
        self.slot = slot
        self.uid, self.lock = claim_uid() if is_root() else (-1, None)
        self.scratch = scratch_root / f"slot{slot}"
        self.log = log
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            # -I: the grader's working directory is not on the worker's import path.
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-m", "humaskit.grading.worker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=log, start_new_session=True,
                preexec_fn=dies_with(os.getpid()))  # noqa: PLW1509 - only prctl, getppid

    def ask(self, job: dict, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        job = dict(job, uid=self.uid, slot=self.slot, scratch=str(self.scratch))
        self.proc.stdin.write((json.dumps(job) + "\n").encode())
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else b""
        if line:
            return json.loads(line)
        self.stop()
        detail = (f"tidak ada jawaban dalam {int(timeout)} detik" if not ready
                  else "proses penilai berhenti mendadak")
        return {"statuses": [{"code": "grading_retry", "detail": detail}], "scores": {},
                "environment": True}

    def stop(self) -> None:
        if self.proc is None:
            return
        for pid in [self.proc.pid, *descendants(self.proc.pid)]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()
        self.proc = None

    def close(self) -> None:
        self.stop()
        if self.lock is not None:
            self.lock.close()


_PRCTL = ctypes.CDLL(None, use_errno=True).prctl
PR_SET_PDEATHSIG = 1


def dies_with(parent: int):
    """A ``preexec_fn`` that makes the child receive SIGKILL when ``parent`` dies (even by
    ``kill -9``), armed before the child runs any code; a child whose parent is already gone
    exits at once."""
    def arm() -> None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:
            os._exit(1)
    return arm


def claim_uid():
    """A kernel uid no other grading run is using, with the open lock file that holds it."""
    UID_LOCKS.mkdir(mode=0o700, exist_ok=True)
    for uid in range(FIRST_UID, FIRST_UID + UID_COUNT):
        lock = open(UID_LOCKS / str(uid), "w")  # noqa: SIM115 - held while the slot lives
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        return uid, lock
    raise RuntimeError("no free uid for a grading kernel")


def merge(db_url: str, sub: dict, answer: dict, who: Participant | None,
          changed: set[str]) -> list[str]:
    """Put one graded submission into the main gradebook, updating an earlier grading in
    place: manual scores and comments stay; a manually graded cell whose answer is in
    ``changed`` is marked as needing grading again. Returns those cells' ids."""
    fatal = any(s["code"] in diagnose.FATAL for s in answer["statuses"])
    review = []
    with Gradebook(db_url) as gb, warnings.catch_warnings():
        # nbgrader's add_submission trips SQLAlchemy's autoflush warning; harmless.
        warnings.simplefilter("ignore", SAWarning)
        gb.update_or_create_student(sub["student"], first_name=who.nama if who else "",
                                    last_name="")
        stamp = datetime.fromisoformat(sub["timestamp"])
        try:
            submission = gb.find_submission(sub["assignment"], sub["student"])
            submission.timestamp = stamp
        except MissingEntry:
            submission = gb.add_submission(sub["assignment"], sub["student"], timestamp=stamp)
        for nb in submission.notebooks:
            cells = {} if fatal else answer["scores"].get(nb.name, {})
            for grade in nb.grades:
                got = cells.get(grade.name, {})
                grade.auto_score = got.get("auto_score") if got else 0.0
                needs = bool(got.get("needs_manual_grade", False))
                if grade.manual_score is not None and needs:
                    needs = grade.name in changed
                    if needs:
                        review.append(grade.name)
                grade.needs_manual_grade = needs
        gb.db.commit()
    return review


def earlier_grading(db_url: str, assignment: str, student: str) -> dict | None:
    """An existing grading's scores and comments, for the archive (None if never graded)."""
    with Gradebook(db_url) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        return {nb.name: {"nilai": {g.name: {"otomatis": g.auto_score, "manual": g.manual_score,
                                            "tambahan": g.extra_credit,
                                            "maks": g.max_score} for g in nb.grades},
                          "komentar": {c.name: c.manual_comment for c in nb.comments
                                       if c.manual_comment}}
                for nb in submission.notebooks}


def archive_grading(ws: Workspace, sub: dict, record: dict | None) -> None:
    """Keep the earlier graded notebooks and grades of a submission about to be re-graded."""
    dest = ws.course / "autograded" / sub["student"] / sub["assignment"]
    if record is None and not dest.exists():
        return
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    folder = ws.out / "arsip" / "penilaian" / f"{sub['student']}__{sub['assignment']}__{stamp}"
    folder.mkdir(parents=True)
    if dest.exists():
        shutil.move(str(dest), folder / "autograded")
    (folder / "nilai.json").write_text(json.dumps(record, indent=1, ensure_ascii=False,
                                                  default=str), encoding="utf-8")


def key(sub: dict) -> str:
    return f"{sub['assignment']}/{sub['student']}"


def run(ws: Workspace, roster: dict[str, Participant], workers: int | None = None,
        force: bool = False, limits: Limits | None = None, progress: bool = True) -> dict:
    """Grade every new, changed or unfinished collected submission; returns the updated
    status records. Raises :class:`Busy` if another run holds the folder."""
    limits = limits or Limits()
    held = lock(ws)
    try:
        return _run(ws, roster, workers, force, limits, progress)
    finally:
        held.close()


def _run(ws: Workspace, roster: dict[str, Participant], workers: int | None, force: bool,
         limits: Limits, progress: bool) -> dict:
    collection, state = ws.collection(), ws.state()
    todo = [s for s in collection["submissions"]
            if force or state.get(key(s), {}).get("hash") != s["hash"]]
    if not todo:
        return state
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    release = ws.course / "release"
    scratch_root = Path(tempfile.mkdtemp(prefix="humaskit-grade-"))
    log = ws.out / "log_penilaian.txt"
    slots: queue.Queue[Worker] = queue.Queue()
    for slot in range(workers):
        slots.put(Worker(slot, scratch_root, log))

    def job(sub: dict) -> dict:
        dest = ws.course / "autograded" / sub["student"] / sub["assignment"]
        return {"assignment": sub["assignment"], "student": sub["student"],
                "notebooks": notebooks(ws.course / "source" / sub["assignment"]),
                "source": str(ws.course / "source" / sub["assignment"]),
                "release": str(release / sub["assignment"]),
                "template_db": str(ws.template_db),
                "submission": str(ws.course / "submitted" / sub["student"] / sub["assignment"]),
                "dest": str(dest.with_name(dest.name + ".baru")),
                "limits": asdict(limits), "keys": str(course.keys_folder(ws.course))}

    def grade(sub: dict) -> dict:
        worker = slots.get()
        try:
            answer = {}
            for _attempt in range(2):  # an environment fault is retried once at once
                answer = worker.ask(job(sub), 2 * limits.submission_timeout + 120)
                if not answer.get("environment"):
                    break
            return answer
        finally:
            slots.put(worker)

    try:
        with ThreadPoolExecutor(workers) as pool, tqdm(
                total=len(todo), desc=f"Menilai ({workers} proses)", unit="kiriman",
                disable=not progress) as bar:
            futures = {pool.submit(grade, sub): sub for sub in todo}
            for future in as_completed(futures):
                sub = futures[future]
                state[key(sub)] = record(ws, sub, future.result(), roster, state.get(key(sub)))
                ws.write("status.json", state)
                bar.set_postfix_str(key(sub), refresh=False)
                bar.update(1)
    finally:
        while not slots.empty():
            slots.get().close()
        shutil.rmtree(scratch_root, ignore_errors=True)
    return state


def record(ws: Workspace, sub: dict, answer: dict, roster: dict[str, Participant],
           before: dict | None) -> dict:
    """Store one answer (gradebook, graded files, archive); returns its status record."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    base = {"assignment": sub["assignment"], "student": sub["student"], "graded_at": now}
    dest = ws.course / "autograded" / sub["student"] / sub["assignment"]
    staged = dest.with_name(dest.name + ".baru")
    if answer.get("environment"):
        shutil.rmtree(staged, ignore_errors=True)
        # No hash: the next run grades it again; earlier grades, if any, stay as they were.
        return dict(before or {}, **base, hash=None, statuses=answer["statuses"])
    answers = {f"{nb}/{gid}": digest for nb, cells in answer.get("answers", {}).items()
               for gid, digest in cells.items()}
    earlier = (before or {}).get("answers", {})
    changed = {k.split("/", 1)[1] for k, v in answers.items() if earlier.get(k, v) != v}
    archive_grading(ws, sub, earlier_grading(ws.db_url(), sub["assignment"], sub["student"]))
    if staged.exists():
        staged.rename(dest)
    review = merge(ws.db_url(), sub, answer, roster.get(sub["student"]), changed)
    statuses = answer["statuses"] + ([{"code": "needs_review", "detail": ", ".join(review)}]
                                     if review else [])
    return dict(base, hash=sub["hash"], answers=answers,
                statuses=statuses or [{"code": "ok", "detail": ""}])
