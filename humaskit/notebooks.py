"""Execute notebooks headless, reporting the failing cell in a readable form."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

KERNEL = "python3"


class NotebookRunError(RuntimeError):
    """A notebook failed: the message carries the notebook, cell number, source and error."""


def read(path: Path) -> nbformat.NotebookNode:
    """Read a notebook, raising a clear error (in Indonesian) when the file is not one."""
    try:
        return nbformat.read(path, as_version=4)
    except (json.JSONDecodeError, nbformat.reader.NotJSONError, UnicodeDecodeError) as exc:
        raise NotebookRunError(f"{path}: berkas bukan notebook Jupyter yang utuh ({exc}).") from exc


def execute(path: Path, cwd: Path | None = None, timeout: int = 120,
            store_widget_state: bool = True) -> nbformat.NotebookNode:
    """Run every cell of ``path`` in a fresh kernel and return the executed notebook.

    Widget state is stored by default: nbclient fails on ``Output`` widgets without it.
    """
    path = Path(path)
    nb = read(path)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name=KERNEL, store_widget_state=store_widget_state,
        resources={"metadata": {"path": str(cwd or path.parent)}},
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as exc:
        index, source = _failing_cell(nb)
        raise NotebookRunError(
            f"{path.name}: sel ke-{index} gagal dijalankan.\n"
            f"--- isi sel ---\n{source}\n--- galat ---\n{exc}"
        ) from None
    return nb


def _failing_cell(nb: nbformat.NotebookNode) -> tuple[int, str]:
    """The 1-based number and source of the last executed code cell (the one that failed)."""
    executed = [
        (i, c) for i, c in enumerate(nb.cells, 1)
        if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count"))
    ]
    if not executed:
        return 0, ""
    index, cell = executed[-1]
    for i, c in executed:
        if any(o.get("output_type") == "error" for o in c.get("outputs", [])):
            index, cell = i, c
            break
    return index, cell.source

