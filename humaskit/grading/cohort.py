"""A cohort's settings: which roster, which exercises, which inputs, which gradebook."""

from __future__ import annotations

from pathlib import Path

from humaskit.exercises import course
from humaskit.grading import autograde, roster
from humaskit.grading.workspace import Workspace


def setup(out: Path, roster_path: Path, source_root: Path = course.COURSE_ROOT,
          assignments: list[str] | None = None, db_url: str | None = None) -> Workspace:
    """Validate the roster, record the settings and prepare the course in ``out``."""
    roster.load(roster_path)
    ws = Workspace(Path(out).resolve()).create()
    names = assignments or course.assignments(source_root)
    if not names:
        raise ValueError(f"Tidak ada latihan di {source_root / 'source'}.")
    settings = ws.settings()
    settings.update(roster=str(Path(roster_path).resolve()), source_root=str(source_root),
                    assignments=names, db_url=db_url or settings.get("db_url"))
    ws.write("penilaian.json", settings)
    autograde.prepare_course(ws, names, Path(source_root))
    return ws


def assignments(ws: Workspace) -> dict[str, list[str]]:
    """Each assignment of the cohort with its notebook names."""
    return {name: autograde.notebooks(ws.course / "source" / name)
            for name in ws.settings()["assignments"]}


def participants(ws: Workspace) -> dict[str, roster.Participant]:
    return roster.load(Path(ws.settings()["roster"]))
