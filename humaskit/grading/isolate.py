"""nbgrader's Execute step, split so that hidden tests stay out of the participant's reach.

:class:`IsolatedExecute` takes the place of nbgrader's ``Execute`` in ``autograde``; the
other preprocessors (restoring cells from the gradebook, checking metadata, limiting output,
saving grades) run as nbgrader ships them, on data only. Two sandboxed runs
(:mod:`humaskit.grading.sandbox`, :mod:`humaskit.grading.execute`) replace the one kernel:

1. **The participant's notebook**, with each test cell replaced by a snapshot of the values
   the test reads (:mod:`humaskit.grading.snapshot`). Hidden test code never enters this
   kernel, so no hook, transformer or file access there can show or change it.
2. **The tests**, in a sandboxed process that never runs participant code
   (:mod:`humaskit.grading.verify`, one per worker slot, reused): each test cell runs in a
   fresh namespace holding only the values of its own snapshot.

Only data comes back from either run (the executed notebook as JSON), and it is validated
before it is merged: outputs of participant cells from run 1, outputs of test cells from run
2, with the asesor's notes beside hand-graded answers (:mod:`humaskit.grading.beside`).
Statuses (time-out, dead kernel, invalid answer) go to the notebook's metadata
``humaskit.statuses`` for the worker to report.
"""

from __future__ import annotations

import base64
import copy
import json
import select
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_output
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import is_grade, is_solution
from traitlets import Dict, Int, Unicode

from humaskit.grading import beside, sandbox, snapshot, verify
from humaskit.grading.sandbox import Limits

#: Companion files (e.g. a form's answers) travel with the notebook up to this size each.
MAX_COMPANION_BYTES = 5_000_000
MISSING = ("Jawaban untuk sel ini tidak tersedia: notebook berhenti sebelum sampai di sini "
           "(batas waktu, memori, atau kernel berhenti).")


def is_test(cell) -> bool:
    return cell.cell_type == "code" and is_grade(cell) and not is_solution(cell)


def snapshot_source(test_source: str) -> str:
    names = snapshot.read_names(test_source)
    return ("from humaskit.grading.snapshot import emit as __humaskit_emit\n"
            f"__humaskit_emit({names!r}, globals())")


def companions(folder: Path) -> dict[str, str]:
    """The submission's files other than notebooks (never through a link), base64-encoded."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.suffix == ".ipynb":
            continue
        if path.stat().st_size > MAX_COMPANION_BYTES:
            continue
        files[str(path.relative_to(folder))] = base64.b64encode(path.read_bytes()).decode()
    return files


class VerifierError(RuntimeError):
    """The sandboxed test runner could not run (an environment fault, retried by the run)."""


class Verifier:
    """The slot's sandboxed test runner (:mod:`humaskit.grading.verify`), restarted when it
    dies, times out or has served :data:`JOBS_PER_PROCESS` submissions."""

    JOBS_PER_PROCESS = 200

    def __init__(self, limits: Limits, uid: int, slot: int, keys: str = ""):
        self.limits, self.uid, self.slot = limits, uid, slot
        self.binds = ((keys, verify.KEYS),) if keys and Path(keys).is_dir() else ()
        self.proc = None
        self.jobs = 0

    def ask(self, cells: list[dict], timeout: float) -> list[list[dict]] | None:
        """Outputs per cell, or None when the tests did not finish in ``timeout``. A verifier
        that died (its own limits, a kill from outside) is restarted and asked once more: that
        is the environment's failure, never the participant's."""
        for _attempt in range(2):
            outputs, finished = self._ask_once(cells, timeout)
            if outputs is not None or not finished:
                return outputs
        raise VerifierError("the test runner failed twice in a row")

    def _ask_once(self, cells: list[dict], timeout: float) -> tuple[list | None, bool]:
        """(outputs or None, whether the runner answered or died before ``timeout``)."""
        if self.proc is None or self.proc.poll() is not None or \
                self.jobs >= self.JOBS_PER_PROCESS:
            self.close()
            self.proc = sandbox.start([sys.executable, "-m", "humaskit.grading.verify"],
                                      self.limits, self.uid, self.slot, self.binds)
            self.jobs = 0
        self.jobs += 1
        try:
            self.proc.stdin.write((json.dumps({"cells": cells}) + "\n").encode())
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
            if not ready:
                self.close()
                return None, False
            outputs = json.loads(self.proc.stdout.readline())["outputs"]
        except (OSError, ValueError, KeyError):
            self.close()
            return None, True
        if len(outputs) != len(cells):
            self.close()
            return None, True
        return outputs, True

    def close(self) -> None:
        if self.proc is not None:
            sandbox.stop(self.proc)
            self.proc = None


_VERIFIERS: dict[tuple, Verifier] = {}


def verifier(limits: Limits, uid: int, slot: int, keys: str = "") -> Verifier:
    """This worker's verifier for ``limits``, ``uid``, ``slot`` and the course's answer-key
    folder ``keys`` (started on first use)."""
    key = (limits, uid, slot, keys)
    if key not in _VERIFIERS:
        _VERIFIERS[key] = Verifier(limits, uid, slot, keys)
    return _VERIFIERS[key]


class IsolatedExecute(NbGraderPreprocessor):
    """Run a submission's cells and its tests in two separate sandboxes (see module doc)."""

    limits = Dict(help="humaskit.grading.sandbox.Limits as a dict").tag(config=True)
    uid = Int(-1, help="uid the sandboxed work runs as (root only; -1: none)").tag(config=True)
    slot = Int(-1, help="worker slot (chooses the CPU)").tag(config=True)
    keys = Unicode("", help="the course's answer keys, for the test runner only").tag(config=True)

    def preprocess(self, nb, resources):
        limits = Limits(**self.limits)
        folder = Path(resources.get("metadata", {}).get("path") or ".")
        statuses: list[dict] = []
        tests = [i for i, cell in enumerate(nb.cells) if is_test(cell)]

        participant = copy.deepcopy(nb)
        for i in tests:
            participant.cells[i].source = snapshot_source(nb.cells[i].source)
        for cell in participant.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        ran, status = self.sandboxed(participant, companions(folder), limits,
                                     limits.submission_timeout)
        statuses += status
        snapshots: dict[int, dict] = {}
        if ran is not None:
            for i, (mine, theirs) in enumerate(zip(nb.cells, ran.cells)):
                if mine.cell_type != "code":
                    continue
                if i in tests:
                    found = [o.data[snapshot.MIME] for o in theirs.get("outputs", [])
                             if o.output_type == "display_data" and snapshot.MIME in o.get(
                                 "data", {}) and isinstance(o.data[snapshot.MIME], dict)]
                    if found:
                        snapshots[i] = found[-1]
                else:
                    mine.outputs = theirs.get("outputs", [])
                    mine.execution_count = theirs.get("execution_count")

        order = [i for i in tests if i in snapshots]
        notes = beside.requests(nb, snapshots)
        verdicts = None
        if order:
            budget = limits.cell_timeout * (len(order) + len(notes)) + 60
            verdicts = verifier(limits, self.uid, self.slot, self.keys).ask(
                [{"source": nb.cells[i].source, "values": snapshots[i]} for i in order]
                + [cell for _, cell in notes], budget)
            if verdicts is None:
                statuses.append({"code": "submission_timeout", "detail": f"uji, {budget} detik"})
        for i in tests:
            cell = nb.cells[i]
            cell.execution_count = None
            if verdicts is not None and i in snapshots:
                cell.outputs = [nbformat.from_dict(o) for o in verdicts[order.index(i)]]
            else:
                cell.outputs = [new_output("error", ename="JawabanTidakTersedia",
                                           evalue=MISSING, traceback=[MISSING])]
        beside.insert(nb, [(at, verdicts[len(order) + n] if verdicts is not None else None)
                           for n, (at, _) in enumerate(notes)])
        nb.metadata.setdefault("humaskit", {})["statuses"] = statuses
        return nb, resources

    def sandboxed(self, nb, files: dict, limits: Limits, timeout: float):
        """Run ``nb`` in the sandbox; (validated executed notebook or None, statuses)."""
        job = {"notebook": nb, "files": files, "timeout": limits.cell_timeout,
               "max_output_bytes": limits.max_output_bytes}
        code, out, err = sandbox.run([sys.executable, "-m", "humaskit.grading.execute"],
                                     json.dumps(job).encode(), limits, timeout,
                                     uid=self.uid, slot=self.slot)
        if err:
            self.log.debug("sandbox stderr: %s", err.decode(errors="replace")[-4000:])
        if code is None:
            return None, [{"code": "submission_timeout", "detail": f"{int(timeout)} detik"}]
        try:
            answer = json.loads(out)
            ran = nbformat.from_dict(answer["notebook"])
            nbformat.validate(ran)
        except Exception:  # noqa: BLE001 - whatever came back is not a valid answer
            if code != 0 and not out:
                return None, [{"code": "kernel_died", "detail": ""}]
            return None, [{"code": "invalid_output", "detail": ""}]
        if len(ran.cells) != len(nb.cells) or any(
                a.cell_type != b.cell_type for a, b in zip(ran.cells, nb.cells)):
            return None, [{"code": "invalid_output", "detail": ""}]
        return ran, ([{"code": "kernel_died", "detail": ""}] if answer.get("kernel_died")
                     else [])
