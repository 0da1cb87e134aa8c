"""Shared fixtures (the checkout, a browser, the demo cohort) and the xdist scheduler; what
test modules import is in shared.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from shared import DEMO_COMMAND, ROOT, run


@pytest.fixture
def root() -> Path:
    return ROOT


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


@pytest.fixture(scope="session")
def demo_cohort(tmp_path_factory):
    """``.venv/bin/humaskit grade --demo`` run once for the suite, as written, from the
    checkout in a newcomer's shell: tests/test_documented_commands.py checks how it ended and
    tests/test_grading_demo.py what it wrote. Its output folder (hasil_penilaian/demo) is
    moved aside for them; each takes a copy. A demo folder of the developer's own is put back."""
    demo = ROOT / "hasil_penilaian" / "demo"
    aside = tmp_path_factory.mktemp("demo")
    had_parent, had_demo = demo.parent.exists(), demo.exists()
    if had_demo:
        shutil.move(demo, aside / "milik_pengembang")
    try:
        done = run(DEMO_COMMAND)
        if demo.exists():
            shutil.move(demo, aside / "demo")
    finally:
        if had_demo:
            shutil.move(aside / "milik_pengembang", demo)
        elif not had_parent and demo.parent.exists() and not any(demo.parent.iterdir()):
            demo.parent.rmdir()
    return {"done": done, "out": aside / "demo"}


#: Test files run together on one worker (``--dist loadfile``): all of tests/classroom/ (one
#: classroom server, which takes a minute to start), and the two readers of the demo cohort.
GROUPS = {"tests/test_documented_commands.py": "demo cohort",
          "tests/test_grading_demo.py": "demo cohort"}
#: The longest groups and files, longest first (as measured with --durations): started first,
#: so that no long one is left for the end while the other worker idles. The rest follow in
#: xdist's order (most tests first).
LONGEST_FIRST = ("tests/classroom/", "demo cohort", "tests/test_grading_hostile.py",
                 "tests/test_exercise_pemetaan_isu.py", "tests/test_notebooks.py",
                 "tests/test_own_data_upload.py", "tests/test_form_answers_travel.py",
                 "tests/test_grading_pipeline.py")


def pytest_xdist_make_scheduler(config, log):
    """Tests of one file share a worker (``--dist loadfile``), and so do the files of a group
    (:data:`GROUPS`); the longest start first (:data:`LONGEST_FIRST`)."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class Grouped(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            scope = super()._split_scope(nodeid)
            if scope.startswith("tests/classroom/"):
                return "tests/classroom/"
            return GROUPS.get(scope, scope)

        def _assign_work_unit(self, node) -> None:
            for scope in reversed(LONGEST_FIRST):
                if scope in self.workqueue:
                    self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return Grouped(config, log)
