"""Inside the sandbox: ``python -m humaskit.grading.execute`` runs one notebook.

Reads one JSON job on stdin (``notebook``, ``files`` as base64 by relative name, ``timeout``,
``max_output_bytes``), writes the files into the private working folder, executes every cell
in a fresh kernel (errors and time-outs recorded in the cell, the rest still run), and prints
one JSON answer on stdout: the executed notebook and whether the kernel died. Output per cell
is capped while it streams in, so a flood cannot exhaust memory.

The grader uses it twice per submission (:mod:`humaskit.grading.isolate`): once for the
participant's notebook, once for the hidden tests on the participant's answers.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

import nbformat
from nbclient.exceptions import DeadKernelError
from nbformat import ValidationError
from nbformat.v4 import new_output

from humaskit.grading import snapshot
from humaskit.grading.sandbox import TRUNCATED
from humaskit.notebooks import KERNEL, Client

#: Snapshots of answers (one per test cell) may be larger than what a cell may print.
MAX_SNAPSHOT_BYTES = 50_000_000


INVALID = "… keluaran yang tidak sah dibuang …"


class CappedClient(Client):
    """nbclient's client with a byte cap on each cell's output."""

    max_output_bytes = 1_000_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._output_bytes: dict[tuple[int, bool], int] = {}

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        data = content.get("data", {})
        is_snapshot = set(data) == {snapshot.MIME}
        size = len(str(content.get("text", ""))) + sum(len(json.dumps(v)) if not
                                                       isinstance(v, str) else len(v)
                                                       for v in data.values())
        cap = MAX_SNAPSHOT_BYTES if is_snapshot else self.max_output_bytes
        used = self._output_bytes.get((cell_index, is_snapshot), 0)
        self._output_bytes[(cell_index, is_snapshot)] = used + size
        if used + size <= cap:
            try:
                return super().output(outs, msg, display_id, cell_index)
            except ValidationError:
                outs.append(new_output("stream", name="stderr", text=f"\n{INVALID}\n"))
                return None
        if used <= cap:
            outs.append(new_output("stream", name="stderr", text=f"\n{TRUNCATED}\n"))
        return None


def write_files(files: dict[str, str], root: Path) -> None:
    """The submission's companion files (e.g. a form's answers), inside ``root`` only."""
    for name, b64 in files.items():
        target = (root / name).resolve()
        if root.resolve() not in target.parents:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(b64))


def run(job: dict) -> dict:
    nb = nbformat.from_dict(job["notebook"])
    work = Path(os.getcwd())
    write_files(job.get("files", {}), work)
    client = CappedClient(nb, timeout=job.get("timeout", 120), kernel_name=KERNEL,
                          allow_errors=True, interrupt_on_timeout=True,
                          store_widget_state=False, record_timing=False,
                          resources={"metadata": {"path": str(work)}})
    client.max_output_bytes = job.get("max_output_bytes", 1_000_000)
    client.extra_arguments = ["--HistoryManager.hist_file=:memory:"]
    client.error_on_timeout = {"ename": "CellTimeoutError", "evalue": "",
                               "traceback": ["CellTimeoutError: sel melebihi batas waktu"]}
    died = False
    try:
        client.execute()
    except DeadKernelError:
        died = True
    return {"notebook": nb, "kernel_died": died}


def main() -> None:
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    job = json.loads(sys.stdin.read())
    answers.write(json.dumps(run(job)))
    answers.flush()


if __name__ == "__main__":
    main()
