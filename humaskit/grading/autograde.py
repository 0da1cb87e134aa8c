"""Grade a collected cohort in parallel, each submission in its own sandboxed worker job.

The main course (``OUT/kursus``) holds the sources, the release and the main gradebook.
Workers (:mod:`humaskit.grading.worker`) grade in private copies; this process merges each
answer into the main gradebook through nbgrader's Gradebook API, one at a time, and records
the submission's file hash in ``OUT/status.json`` right after, so a re-run skips unchanged
submissions and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

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
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "humaskit.grading.worker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=log, start_new_session=True)

    def ask(self, job: dict, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        job = dict(job, uid=self.uid, scratch=str(self.scratch))
        self.proc.stdin.write((json.dumps(job) + "\n").encode())
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else b""
        if line:
            return json.loads(line)
        self.stop()
        code = "submission_timeout" if not ready else "grading_failed"
        detail = f"{int(timeout)} detik" if not ready else "proses penilai berhenti mendadak"
        return {"statuses": [{"code": code, "detail": detail}], "scores": {}}

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


def merge(db_url: str, sub: dict, answer: dict, who: Participant | None) -> None:
    """Put one graded submission into the main gradebook (replacing an earlier grading)."""
    fatal = any(s["code"] in diagnose.FATAL for s in answer["statuses"])
    with Gradebook(db_url) as gb, warnings.catch_warnings():
        # nbgrader's add_submission trips SQLAlchemy's autoflush warning; harmless.
        warnings.simplefilter("ignore", SAWarning)
        gb.update_or_create_student(sub["student"], first_name=who.nama if who else "",
                                    last_name="")
        try:
            gb.remove_submission(sub["assignment"], sub["student"])
        except MissingEntry:
            pass
        submission = gb.add_submission(sub["assignment"], sub["student"],
                                       timestamp=datetime.fromisoformat(sub["timestamp"]))
        for nb in submission.notebooks:
            cells = {} if fatal else answer["scores"].get(nb.name, {})
            for grade in nb.grades:
                got = cells.get(grade.name, {})
                grade.auto_score = got.get("auto_score") if got else 0.0
                grade.needs_manual_grade = bool(got.get("needs_manual_grade", False))
        gb.db.commit()


def key(sub: dict) -> str:
    return f"{sub['assignment']}/{sub['student']}"


def hidden_paths(ws: Workspace) -> list[str]:
    """What a kernel must not see: the cohort's folder, the sources, the inputs, the roster."""
    settings = ws.settings()
    paths = [ws.out, settings.get("source_root", course.COURSE_ROOT), *settings.get("inputs", [])]
    if settings.get("roster"):
        paths.append(settings["roster"])
    return [str(Path(p).resolve()) for p in dict.fromkeys(map(str, paths)) if Path(p).exists()]


def run(ws: Workspace, roster: dict[str, Participant], workers: int | None = None,
        force: bool = False, limits: Limits | None = None, progress: bool = True) -> dict:
    """Grade every new or changed collected submission; returns the updated status records."""
    limits = limits or Limits()
    collection, state = ws.collection(), ws.state()
    todo = [s for s in collection["submissions"]
            if force or state.get(key(s), {}).get("hash") != s["hash"]]
    if not todo:
        return state
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
    release = ws.course / "release"
    scratch_root = Path(tempfile.mkdtemp(prefix="humaskit-grade-"))
    scratch_root.chmod(0o711)
    log = ws.out / "log_penilaian.txt"
    slots: queue.Queue[Worker] = queue.Queue()
    for slot in range(workers):
        slots.put(Worker(slot, scratch_root, log))
    hide = hidden_paths(ws)

    def job(sub: dict) -> dict:
        return {"assignment": sub["assignment"], "student": sub["student"],
                "notebooks": notebooks(ws.course / "source" / sub["assignment"]),
                "source": str(ws.course / "source" / sub["assignment"]),
                "release": str(release / sub["assignment"]),
                "template_db": str(ws.template_db),
                "submission": str(ws.course / "submitted" / sub["student"] / sub["assignment"]),
                "dest": str(ws.course / "autograded" / sub["student"] / sub["assignment"]),
                "limits": asdict(limits), "hide": hide}

    def grade(sub: dict) -> dict:
        worker = slots.get()
        try:
            return worker.ask(job(sub), limits.submission_timeout)
        finally:
            slots.put(worker)

    try:
        with ThreadPoolExecutor(workers) as pool, tqdm(
                total=len(todo), desc=f"Menilai ({workers} proses)", unit="kiriman",
                disable=not progress) as bar:
            futures = {pool.submit(grade, sub): sub for sub in todo}
            for future in as_completed(futures):
                sub = futures[future]
                answer = future.result()
                merge(ws.db_url(), sub, answer, roster.get(sub["student"]))
                state[key(sub)] = {
                    "assignment": sub["assignment"], "student": sub["student"],
                    "hash": sub["hash"], "statuses": answer["statuses"] or [{"code": "ok",
                                                                              "detail": ""}],
                    "graded_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
                ws.write("status.json", state)
                bar.set_postfix_str(key(sub), refresh=False)
                bar.update(1)
    finally:
        while not slots.empty():
            slots.get().close()
        shutil.rmtree(scratch_root, ignore_errors=True)
    return state
