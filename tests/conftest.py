"""Shared fixtures: the checkout's paths and the notebooks the suite executes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent


def module_notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("*.ipynb"))


def exercise_sources() -> list[Path]:
    return sorted((ROOT / "exercises" / "source").glob("*/*.ipynb"))


def committed_notebooks() -> list[Path]:
    return module_notebooks() + exercise_sources()


@pytest.fixture
def root() -> Path:
    return ROOT


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


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never ``playwright install``)."""
    from humaskit import pages

    playwright = pytest.importorskip("playwright.sync_api")
    executable = pages.find_browser()
    if executable is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


def pytest_xdist_make_scheduler(config, log):
    """Tests of one file share a worker (``--dist loadfile``), and so do all the modules in
    tests/classroom/: they share one classroom server, which takes a minute to start."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class OneHub(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            return "tests/classroom/" if scope.startswith("tests/classroom/") else scope

    return OneHub(config, log)
