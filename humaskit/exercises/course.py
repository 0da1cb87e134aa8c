"""The nbgrader course that holds the exercises (``exercises/`` in the checkout).

nbgrader's own layout is used as is: ``source/<assignment>/`` holds the instructor version
(with solutions and hidden tests), ``release/<assignment>/`` the participant version that
``nbgrader generate_assignment`` writes.

Answer keys that hidden tests use are instructor material in ``keys/`` beside ``source/``
(one module ``<assignment>_key.py`` each): nbgrader never copies it into a release, the
grading sandbox of a participant's notebook does not see it, and only the sandboxed test
runner gets it (:mod:`humaskit.grading.verify`). A trainer's own course keeps its keys in
``<course>/keys/``; without one, the kit's ``exercises/keys/`` is used.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import re
import shutil
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from humaskit import ROOT
from humaskit.exercises import release_record

COURSE_ROOT = ROOT / "exercises"
COURSE_ID = "humaskit"
KEYS = "keys"
#: What nbgrader leaves in place of a solution in the participant version (in Indonesian).
CODE_STUB = "# TULIS JAWABAN ANDA DI SINI\nraise NotImplementedError()"
TEXT_STUB = "TULIS JAWABAN ANDA DI SINI"
#: nbgrader's hidden-test and model-answer markers in a source notebook.
HIDDEN_TESTS = re.compile(r"\n?### BEGIN HIDDEN TESTS\n.*?### END HIDDEN TESTS", re.DOTALL)
MODEL_ANSWER = re.compile(r"### BEGIN SOLUTION\n.*?### END SOLUTION", re.DOTALL)


def assignments(root: Path = COURSE_ROOT) -> list[str]:
    """Names of the source assignments, sorted."""
    return sorted({p.parent.name for p in (root / "source").glob("*/*.ipynb")})


def config(root: Path, db_url: str | None = None) -> Config:
    """nbgrader configuration for a course directory (gradebook beside it by default)."""
    cfg = Config()
    cfg.CourseDirectory.root = str(root)
    cfg.CourseDirectory.course_id = COURSE_ID
    cfg.CourseDirectory.db_url = db_url or f"sqlite:///{Path(root) / 'gradebook.db'}"
    # A participant's analysis may take a while on a slow laptop; nbgrader's default is 30 s.
    cfg.ExecutePreprocessor.timeout = 120
    cfg.ClearSolutions.code_stub = {"python": CODE_STUB}
    cfg.ClearSolutions.text_stub = TEXT_STUB
    return cfg


def api(root: Path = COURSE_ROOT, db_url: str | None = None) -> NbGraderAPI:
    """nbgrader's own API bound to a course directory."""
    cfg = config(root, db_url)
    return NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)


def release(root: Path = COURSE_ROOT, names: list[str] | None = None,
            force: bool = False) -> dict[str, dict]:
    """Generate the participant version of each assignment (nbgrader generate_assignment).

    A participant's work in ``release/`` is never overwritten by starting the lab again. An
    assignment already released is regenerated only when its source changed since (a kit
    update) and its release folder is as the last release wrote it; when participants have
    worked in it, it is kept and the result says ``stale``. ``force`` regenerates all.
    """
    grader = api(root)
    results = {}
    for name in names or assignments(root):
        target = Path(root) / "release" / name
        existed = target.exists()
        if existed and not force:
            state = _release_state(root, name)
            if state != "update":
                results[name] = {"success": True, "skipped": True, "stale": state == "stale"}
                continue
        results[name] = grader.generate_assignment(name, force=True)
        results[name]["updated"] = existed and not force
        if results[name]["success"]:
            release_record.write(root, name)
    return results


def _release_state(root: Path, name: str) -> str:
    """An existing release of ``name``: "current" (its source is as released), "update" (the
    source changed and nobody worked in the release) or "stale" (changed, and worked in).
    A release an older kit made, without a record, is compared with a fresh one."""
    last = release_record.read(root).get(name)
    target = Path(root) / "release" / name
    if last is None:
        with tempfile.TemporaryDirectory() as scratch:
            copy_course(Path(scratch), [name], root)
            api(Path(scratch)).generate_assignment(name, force=True)
            fresh = release_record.files(Path(scratch) / "release" / name)
        if release_record.files(target) != fresh:
            return "stale"
        release_record.write(root, name)
        return "current"
    if last["source"] == release_record.source_print(Path(root) / "source" / name):
        return "current"
    return "update" if release_record.files(target) == last["release"] else "stale"


def copy_course(dest: Path, names: list[str] | None = None, root: Path = COURSE_ROOT) -> Path:
    """A fresh course directory at ``dest`` with the given source assignments (all by default)
    and the answer keys."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    for name in names or assignments(root):
        shutil.copytree(root / "source" / name, dest / "source" / name, ignore=ignore)
    shutil.copytree(keys_folder(root), dest / KEYS, ignore=ignore, dirs_exist_ok=True)
    return dest


def keys_folder(root: Path = COURSE_ROOT) -> Path:
    """The answer keys of the course at ``root`` (the kit's own when it has none)."""
    own = Path(root) / KEYS
    return own if own.is_dir() else COURSE_ROOT / KEYS


def answer_key(assignment: str):
    """The answer-key module of ``assignment``, for hidden tests: from the test runner's path,
    else from the course the current folder belongs to, else the kit's ``exercises/keys/``.
    Where none is visible (a participant's grading sandbox) it raises ModuleNotFoundError."""
    module = f"{assignment}_key"
    if module in sys.modules or importlib.util.find_spec(module) is not None:
        return importlib.import_module(module)
    here = Path.cwd()
    for folder in [p / KEYS for p in (here, *here.parents) if (p / "source").is_dir()] + [
            COURSE_ROOT / KEYS]:
        path = folder / f"{module}.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location(module, path)
            loaded = importlib.util.module_from_spec(spec)
            sys.modules[module] = loaded
            spec.loader.exec_module(loaded)
            return loaded
    raise ModuleNotFoundError(f"Kunci jawaban latihan {assignment} tidak tersedia di sini.",
                              name=module)


def participant_version(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A source notebook as nbgrader releases it, without running nbgrader: hidden tests and
    model answers removed (for building crafted submissions quickly)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.source = HIDDEN_TESTS.sub("", cell.source)
        cell.source = MODEL_ANSWER.sub(TEXT_STUB, cell.source)
    return nb


def answered_release(release: nbformat.NotebookNode,
                     answered: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of the participant version with the answer cells taken from ``answered``.

    Answer (solution) cells are matched by nbgrader grade id, so the result is exactly what a
    participant who typed those answers into the released notebook would submit.
    """
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in answered.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    nb = copy.deepcopy(release)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nb


def submit(root: Path, assignment: str, student: str, notebooks: dict[str, nbformat.NotebookNode],
           extra_files: dict[str, bytes] | None = None) -> Path:
    """Place a submission where ``nbgrader autograde`` looks for it (``submitted/<student>/``)."""
    folder = Path(root) / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for filename, nb in notebooks.items():
        nbformat.write(nb, folder / filename)
    for filename, content in (extra_files or {}).items():
        (folder / filename).write_bytes(content)
    (folder / "timestamp.txt").write_text(
        datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f %Z"))
    return folder


def autograde(root: Path, assignment: str, student: str) -> dict:
    """Run nbgrader's autograde for one submission; returns nbgrader's result dict."""
    return api(root).autograde(assignment, student, force=True, create=True)


def scores(root: Path, assignment: str, student: str) -> dict[str, float]:
    """Autograded points per grade cell id, read from the course's gradebook."""
    with Gradebook(config(root).CourseDirectory.db_url) as gradebook:
        submission = gradebook.find_submission(assignment, student)
        return {grade.name: float(grade.score) for nb in submission.notebooks
                for grade in nb.grades if grade.auto_score is not None}
