"""What several test modules import: the checkout's paths, its notebooks, a newcomer's shell,
and graded cells as the grading stage exports them.

Not in conftest.py: tests/classroom/ has a conftest.py of its own, and whichever of the two
pytest imports last is the module ``conftest`` (``from shared import ...`` would then
find the other one's names, or none)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
#: The trainer's first command, as README.md and grader/README.md give it (run once for the
#: suite: the ``demo_cohort`` fixture).
DEMO_COMMAND = ".venv/bin/humaskit grade --demo"


def module_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def exercise_sources() -> list[Path]:
    return sorted((ROOT / "exercises" / "source").glob("*/*.ipynb"))


def committed_notebooks() -> list[Path]:
    return module_notebooks() + exercise_sources()


def shell_env() -> dict[str, str]:
    """A newcomer's shell: the venv not activated."""
    path = ":".join(p for p in os.environ.get("PATH", "").split(":")
                    if ".venv" not in p) or "/usr/bin:/bin"
    keep = {k: v for k, v in os.environ.items() if k in ("HOME", "LANG", "TMPDIR", "USER")}
    return dict(keep, PATH=path)


def run(command: str, cwd=ROOT, timeout: int = 600) -> subprocess.CompletedProcess:
    """A documented command, as written, in a newcomer's shell in the checkout."""
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=shell_env(), timeout=timeout,
                          capture_output=True, text=True, check=False)


def declared_points(nb) -> dict[str, float]:
    """Grade cell id -> points, as an exercise notebook declares them."""
    return {c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
            for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}


def quiz_cells(scores: dict[str, dict[str, list[int]]]) -> pd.DataFrame:
    """Graded pre-test/post-test cells as the grading stage exports them: participant ->
    form (``pre``/``post``) -> 0/1 per item, in bank order."""
    from humaskit.exercises.quiz import bank

    rows = []
    for pid, forms in scores.items():
        for form, marks in forms.items():
            for item, mark in zip(bank.items(form), marks):
                rows.append({"id": pid, "latihan": bank.FORMS[form], "langkah": "",
                             "bagian": "soal_" + item.id.lower().replace(".", "_"),
                             "nilai": float(mark), "nilai_maks": 1.0})
    return pd.DataFrame(rows)
