"""Shared fixtures: the checkout's paths and the notebooks the suite executes."""

from __future__ import annotations

import socket
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


def free_ports(count: int) -> int:
    """A local port such that it and the next ``count - 1`` are free (a hub and its proxy)."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port < 60000 and all(_free(port + i) for i in range(1, count)):
            return port


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


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
