"""One grading worker: ``python -m humaskit.grading.worker`` reads jobs (JSON lines) on stdin.

Each job grades one submission with nbgrader's own autograde, in a private course copy (the
assignment's source, a copy of the template gradebook and this submission only) in the
worker's scratch folder, which only this process writes: the participant's code and the
tests run in sandboxes (:mod:`humaskit.grading.isolate`) and hand back data only. It answers
one JSON line: status codes and per-cell scores. The parent merges answers into the main
gradebook, so workers never share a database. A worker dies with the run that started it
(:func:`humaskit.grading.autograde.dies_with`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import traceback
from dataclasses import asdict
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute

from humaskit.exercises import course
from humaskit.grading import diagnose
from humaskit.grading.isolate import IsolatedExecute, VerifierError
from humaskit.grading.sandbox import Limits


def grader_config(root: Path, limits: Limits, uid: int, slot: int, keys: str = ""):
    """nbgrader config for a private course copy, with the isolated Execute step (whose test
    runner alone sees the answer-key folder ``keys``)."""
    cfg = course.config(root)
    cfg.Autograde.autograde_preprocessors = [
        IsolatedExecute if pp is Execute else pp
        for pp in Autograde.class_traits()["autograde_preprocessors"].default()]
    cfg.IsolatedExecute.limits = asdict(limits)
    cfg.IsolatedExecute.uid = uid
    cfg.IsolatedExecute.slot = slot
    cfg.IsolatedExecute.keys = keys
    cfg.LimitOutput.max_lines = limits.max_output_lines
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
    """A fresh private course in the slot's scratch folder (root only); returns its root."""
    scratch = Path(job["scratch"])
    root = scratch / "kursus"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(mode=0o700, parents=True)
    (root / "submitted").mkdir(parents=True)
    shutil.copytree(Path(job["source"]), root / "source" / job["assignment"], symlinks=True)
    shutil.copy(job["template_db"], root / "gradebook.db")
    shutil.copytree(Path(job["submission"]), root / "submitted" / job["student"] /
                    job["assignment"], symlinks=True)
    return root


def grade(job: dict) -> dict:
    """Grade one submission; never raises (failures come back as status codes)."""
    assignment, student = job["assignment"], job["student"]
    statuses: list[dict] = []
    try:
        root = prepare(job)
        submitted = root / "submitted" / student / assignment
        runnable = False
        answers = {}
        for name in job["notebooks"]:
            path = submitted / f"{name}.ipynb"
            if not path.is_file() or path.is_symlink():
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
            if any(s["code"] in diagnose.REPAIRED for s in found):
                nb = diagnose.repaired(nb)
                nbformat.write(nb, path)
            answers[name] = manual_answers(nb)
            statuses += found
            runnable = True
        if not runnable:
            return {"statuses": statuses, "scores": {}}
        cfg = grader_config(root, Limits(**job["limits"]), job["uid"], job.get("slot", -1),
                            job.get("keys", ""))
        api = NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)
        result = api.autograde(assignment, student, force=True, create=True)
        if not result["success"]:
            detail = (result.get("error") or result.get("log") or "").strip().splitlines()
            if any("VerifierError" in line for line in detail):
                raise VerifierError(detail[-1])
            statuses.append({"code": "grading_failed", "detail": detail[-1] if detail else ""})
        graded = root / "autograded" / student / assignment
        for name in job["notebooks"]:
            if (graded / f"{name}.ipynb").exists():
                nb = nbformat.read(graded / f"{name}.ipynb", 4)
                statuses += nb.metadata.get("humaskit", {}).get("statuses", [])
                statuses += diagnose.outcomes(nb)
        dest = Path(job["dest"])  # the kit's own staging folder: nothing else writes there
        shutil.rmtree(dest, ignore_errors=True)
        if graded.exists():
            shutil.copytree(graded, dest, symlinks=True, ignore=shutil.ignore_patterns(".*"))
        points = scores(cfg.CourseDirectory.db_url, assignment, student)
    except Exception as exc:  # noqa: BLE001 - reported, the cohort goes on
        traceback.print_exc()
        return {"statuses": statuses + [{"code": "grading_retry", "detail": repr(exc)}],
                "scores": {}, "environment": True}
    finally:
        shutil.rmtree(job["scratch"], ignore_errors=True)
    unique = list({(s["code"], s.get("detail", "")): s for s in statuses}.values())
    return {"statuses": [dict(s, detail=s.get("detail", "")) for s in unique],
            "scores": points, "answers": answers}


def manual_answers(nb: nbformat.NotebookNode) -> dict[str, str]:
    """A digest of each answer cell of a notebook, to tell whether an answer changed."""
    return {c.metadata.nbgrader["grade_id"]: hashlib.sha256(c.source.encode()).hexdigest()
            for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")
            and c.metadata.get("nbgrader", {}).get("grade_id")}


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
