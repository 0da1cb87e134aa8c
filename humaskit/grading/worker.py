"""One grading worker: ``python -m humaskit.grading.worker`` reads jobs (JSON lines) on stdin.

Each job grades one submission with nbgrader's own autograde, in a private course copy
(the assignment's source, a copy of the template gradebook and this submission only) inside
the worker's scratch folder, and answers one JSON line: status codes and per-cell scores.
The parent merges answers into the main gradebook, so workers never share a database.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import traceback
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute

from humaskit.exercises import course
from humaskit.grading import diagnose
from humaskit.grading.sandbox import Limits, SandboxExecute


def grader_config(root: Path, limits: Limits, uid: int, runtime: Path, hide: list[str]):
    """nbgrader config for a private course copy, with the sandboxed Execute step."""
    cfg = course.config(root)
    cfg.ExecutePreprocessor.timeout = limits.cell_timeout
    cfg.Execute.timeout = limits.cell_timeout
    cfg.Autograde.autograde_preprocessors = [
        SandboxExecute if pp is Execute else pp
        for pp in Autograde.class_traits()["autograde_preprocessors"].default()]
    cfg.SandboxExecute.max_output_bytes = limits.max_output_bytes
    cfg.LimitOutput.max_lines = limits.max_output_lines
    cfg.SandboxKernelManager.uid = uid
    cfg.SandboxKernelManager.memory_mb = limits.memory_mb
    cfg.SandboxKernelManager.cpu_seconds = limits.cpu_seconds
    cfg.SandboxKernelManager.hide_paths = hide
    cfg.SandboxKernelManager.runtime_dir = str(runtime)
    return cfg


def scores(db_url: str, assignment: str, student: str) -> dict[str, dict[str, dict]]:
    """Per notebook, per grade cell: auto score, max score, needs manual grading."""
    with Gradebook(db_url) as gb:
        submission = gb.find_submission(assignment, student)
        return {nb.name: {g.name: {"auto_score": g.auto_score, "max_score": g.max_score,
                                   "needs_manual_grade": bool(g.needs_manual_grade)}
                          for g in nb.grades}
                for nb in submission.notebooks}


def prepare(job: dict) -> Path:
    """A fresh private course in the slot's scratch folder; returns its root."""
    scratch = Path(job["scratch"])
    root = scratch / "kursus"
    shutil.rmtree(scratch, ignore_errors=True)
    (root / "submitted").mkdir(parents=True)
    scratch.chmod(0o711)
    root.chmod(0o711)
    shutil.copytree(Path(job["source"]), root / "source" / job["assignment"])
    (root / "source").chmod(0o700)
    shutil.copy(job["template_db"], root / "gradebook.db")
    (root / "gradebook.db").chmod(0o600)
    shutil.copytree(Path(job["submission"]), root / "submitted" / job["student"] / job["assignment"])
    (root / "submitted").chmod(0o700)
    (root / "autograded").mkdir(mode=0o711)
    return root


def kill_uid(uid: int) -> None:
    """End whatever the submission left running (its uid owns nothing else)."""
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and entry.stat().st_uid == uid:
                os.kill(int(entry.name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            continue


def grade(job: dict) -> dict:
    """Grade one submission; never raises (failures come back as status codes)."""
    assignment, student = job["assignment"], job["student"]
    statuses: list[dict] = []
    try:
        root = prepare(job)
        submitted = root / "submitted" / student / assignment
        runnable = False
        for name in job["notebooks"]:
            path = submitted / f"{name}.ipynb"
            if not path.exists():
                statuses.append({"code": "missing_notebook", "detail": name})
                continue
            try:
                nb = nbformat.read(path, as_version=4)
            except Exception:  # noqa: BLE001 - any unreadable file is the participant's
                statuses.append({"code": "unreadable", "detail": name})
                path.unlink()
                continue
            released = nbformat.read(Path(job["release"]) / f"{name}.ipynb", as_version=4)
            found = diagnose.structure(nb, released)
            if any(s["code"] == "grade_cells_duplicated" for s in found):
                nbformat.write(diagnose.without_duplicates(nb), path)
            statuses += found
            runnable = True
        if not runnable:
            return {"statuses": statuses, "scores": {}}
        limits = Limits(**job["limits"])
        cfg = grader_config(root, limits, job["uid"], Path(job["scratch"]) / "run", job["hide"])
        api = NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)
        result = api.autograde(assignment, student, force=True, create=True)
        if not result["success"]:
            detail = (result.get("error") or result.get("log") or "").strip().splitlines()
            dead = any("DeadKernelError" in line or "Kernel died" in line for line in detail)
            statuses.append({"code": "kernel_died"} if dead else
                            {"code": "grading_failed", "detail": detail[-1] if detail else ""})
        graded = root / "autograded" / student / assignment
        for name in job["notebooks"]:
            if (graded / f"{name}.ipynb").exists():
                statuses += diagnose.outcomes(nbformat.read(graded / f"{name}.ipynb", 4))
        dest = Path(job["dest"])
        if dest.exists():
            shutil.rmtree(dest)
        if graded.exists():
            shutil.copytree(graded, dest, ignore=shutil.ignore_patterns(".*"))
        points = scores(cfg.CourseDirectory.db_url, assignment, student)
    except Exception as exc:  # noqa: BLE001 - reported, the cohort goes on
        traceback.print_exc()
        return {"statuses": statuses + [{"code": "grading_failed", "detail": repr(exc)}],
                "scores": {}}
    finally:
        if job["uid"] >= 0:
            kill_uid(job["uid"])
        shutil.rmtree(job["scratch"], ignore_errors=True)
    return {"statuses": [dict(s, detail=s.get("detail", "")) for s in statuses],
            "scores": points}


def main() -> None:
    """Serve jobs from stdin; answers go to the original stdout, everything else to stderr."""
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    for line in sys.stdin:
        answer = grade(json.loads(line))
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
