"""Shared fixtures (the checkout, a browser) and the xdist scheduler; what test modules
import is in shared.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from shared import ROOT


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
