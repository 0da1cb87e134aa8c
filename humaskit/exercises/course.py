"""The nbgrader course that holds the exercises (``exercises/`` in the checkout).

nbgrader's own layout is used as is: ``source/<assignment>/`` holds the instructor version
(with solutions and hidden tests), ``release/<assignment>/`` the participant version that
``nbgrader generate_assignment`` writes.
"""

from __future__ import annotations

from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config

from humaskit import ROOT

COURSE_ROOT = ROOT / "exercises"
COURSE_ID = "humaskit"


def assignments(root: Path = COURSE_ROOT) -> list[str]:
    """Names of the source assignments, sorted."""
    source = root / "source"
    return sorted(p.name for p in source.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def config(root: Path, db_url: str | None = None) -> Config:
    """nbgrader configuration for a course directory (gradebook beside it by default)."""
    cfg = Config()
    cfg.CourseDirectory.root = str(root)
    cfg.CourseDirectory.course_id = COURSE_ID
    cfg.CourseDirectory.db_url = db_url or f"sqlite:///{Path(root) / 'gradebook.db'}"
    # A participant's analysis may take a while on a slow laptop; nbgrader's default is 30 s.
    cfg.ExecutePreprocessor.timeout = 120
    return cfg


def api(root: Path = COURSE_ROOT, db_url: str | None = None) -> NbGraderAPI:
    """nbgrader's own API bound to a course directory."""
    cfg = config(root, db_url)
    return NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)


def release(root: Path = COURSE_ROOT, names: list[str] | None = None) -> dict[str, dict]:
    """Generate the participant version of each assignment (nbgrader generate_assignment)."""
    grader = api(root)
    return {name: grader.generate_assignment(name, force=True)
            for name in (names or assignments(root))}
