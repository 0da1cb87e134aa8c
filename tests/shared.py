"""What several test modules import: the checkout's paths, its notebooks, and graded cells as
the grading stage exports them.

Not in conftest.py: tests/classroom/ has a conftest.py of its own, and whichever of the two
pytest imports last is the module ``conftest`` (``from shared import ...`` would then
find the other one's names, or none)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def module_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def exercise_sources() -> list[Path]:
    return sorted((ROOT / "exercises" / "source").glob("*/*.ipynb"))


def committed_notebooks() -> list[Path]:
    return module_notebooks() + exercise_sources()


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
