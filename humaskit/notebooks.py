"""Execute notebooks headless, reporting the failing cell in a readable form."""

from __future__ import annotations

import json
import time
from pathlib import Path
from queue import Empty

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

KERNEL = "python3"


#: Longest single wait on the kernel's shell channel (seconds); see ``poll_in_slices``.
POLL_SLICE = 0.5


class NotebookRunError(RuntimeError):
    """A notebook failed: the message carries the notebook, cell number, source and error."""


def read(path: Path) -> nbformat.NotebookNode:
    """Read a notebook, raising a clear error (in Indonesian) when the file is not one."""
    try:
        return nbformat.read(path, as_version=4)
    except (json.JSONDecodeError, nbformat.reader.NotJSONError, UnicodeDecodeError) as exc:
        raise NotebookRunError(f"{path}: berkas bukan notebook Jupyter yang utuh ({exc}).") from exc


def poll_in_slices(channel, step: float = POLL_SLICE) -> None:
    """Make ``channel.get_msg(timeout)`` wait in short slices up to the same deadline.

    With widgets, a single long wait sometimes misses the reply's wake-up and sleeps the
    whole cell timeout although the reply has arrived (jupyter/nbclient#312); a missed
    wake-up then costs one slice instead.
    """
    get_msg = channel.get_msg

    async def sliced(timeout: float | None = None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = step if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return await get_msg(timeout=min(step, left))
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    channel.get_msg = sliced


class Client(NotebookClient):
    """nbclient's client with the shell channel polled in slices (see :func:`poll_in_slices`)."""

    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        poll_in_slices(client.shell_channel)
        return client


def execute(path: Path, cwd: Path | None = None, timeout: int = 120,
            store_widget_state: bool = True) -> nbformat.NotebookNode:
    """Run every cell of ``path`` in a fresh kernel and return the executed notebook.

    Widget state is stored by default: nbclient fails on ``Output`` widgets without it.
    """
    path = Path(path)
    nb = read(path)
    client = Client(
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

