"""Every module notebook and every exercise's solution runs top to bottom, offline, and is
committed clean (no outputs, with a kernelspec so JupyterLab never asks for a kernel)."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from queue import Empty

import nbformat
import pytest
from shared import ROOT, committed_notebooks, exercise_sources, module_notebooks

from humaskit.charts import CDN_MARKERS
from humaskit.notebooks import NotebookRunError, execute, poll_in_slices

RUNNABLE = module_notebooks() + exercise_sources()
SCRIPT_FROM_WEB = re.compile(r"<script[^>]+src=[\\\"']+https?://", re.IGNORECASE)


def _label(path):
    return str(path.relative_to(ROOT))


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("path", RUNNABLE, ids=_label)
def test_notebook_runs_top_to_bottom_and_needs_no_internet(path, tmp_path):
    workdir = tmp_path / path.parent.name
    shutil.copytree(path.parent, workdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    executed = execute(workdir / path.name, timeout=180, store_widget_state=True)
    text = json.dumps(executed)
    for host in CDN_MARKERS:
        assert host not in text, f"{path.name} output loads from {host}"
    assert not SCRIPT_FROM_WEB.search(text), f"{path.name} output loads a script from the web"


@pytest.mark.parametrize("path", committed_notebooks(), ids=_label)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells, 1)
             if c.cell_type == "code" and (c.outputs or c.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; run nbstripout"
    assert "widgets" not in nb.metadata


@pytest.mark.parametrize("path", committed_notebooks(), ids=_label)
def test_notebook_is_valid_and_names_its_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["kernelspec"]["language"] == "python"


def test_there_is_a_landing_notebook_for_participants():
    assert (ROOT / "notebooks" / "00_mulai_di_sini.ipynb").exists()


def test_a_failing_cell_is_reported_with_its_number_source_and_error(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("x = 1"),
                nbformat.v4.new_markdown_cell("teks"),
                nbformat.v4.new_code_cell("y = x + tidak_ada")]
    path = tmp_path / "rusak.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(NotebookRunError) as err:
        execute(path, timeout=60)
    message = str(err.value)
    assert "sel ke-3" in message
    assert "y = x + tidak_ada" in message
    assert "NameError" in message


def test_a_mangled_notebook_file_gets_a_clear_error(tmp_path):
    path = tmp_path / "potong.ipynb"
    path.write_text('{"cells": [{"cell_type": "code", "sou')
    with pytest.raises(NotebookRunError, match="bukan notebook Jupyter yang utuh"):
        execute(path)


class _FakeShell:
    """A shell channel whose reply is only seen on the n-th poll."""

    def __init__(self, empty_polls):
        self.empty_polls = empty_polls
        self.waits = []

    async def get_msg(self, timeout=None):
        self.waits.append(timeout)
        if len(self.waits) <= self.empty_polls:
            raise Empty
        return {"msg_type": "execute_reply"}


def test_a_reply_missed_by_one_wait_is_picked_up_by_the_next_short_wait():
    shell = _FakeShell(empty_polls=3)
    poll_in_slices(shell, step=0.5)
    assert asyncio.run(shell.get_msg(timeout=180))["msg_type"] == "execute_reply"
    assert len(shell.waits) == 4 and max(shell.waits) <= 0.5


def test_sliced_polling_still_reports_no_reply_once_the_deadline_passes():
    shell = _FakeShell(empty_polls=10**9)
    poll_in_slices(shell, step=0.5)
    with pytest.raises(Empty):
        asyncio.run(shell.get_msg(timeout=0))
