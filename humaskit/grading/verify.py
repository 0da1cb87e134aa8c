"""Inside a sandbox: ``python -m humaskit.grading.verify`` runs hidden tests on answers.

A long-lived process per worker slot that never runs participant code. Each job (one JSON
line on stdin) lists test cells, each with the snapshot of the values it reads
(:mod:`humaskit.grading.snapshot`); every cell runs in a fresh namespace holding only those
values, and its outputs come back as nbformat outputs (one JSON line on stdout): what it
printed, the value of its last expression (nbgrader's partial credit), or its error as one
line (never the traceback, which would quote the hidden test).

Only this process sees the course's answer keys (``<course>/keys``, bound read-only at
:data:`KEYS`, first on ``sys.path``): the sandbox that runs a participant's notebook does not,
so no participant cell can import, find or open them.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import os
import sys

from humaskit.grading import snapshot

#: Where the answer keys are bound inside the test runner's sandbox.
KEYS = "/kunci"


def run_cell(source: str, values: dict) -> list[dict]:
    """The outputs of one test cell run on ``values``."""
    namespace = snapshot.load(values)
    stdout, stderr = io.StringIO(), io.StringIO()
    outputs: list[dict] = []
    result = None
    try:
        tree = ast.parse(source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            exec(compile(tree, "<uji>", "exec"), namespace)  # noqa: S102 - the kit's own tests
            if last is not None:
                result = eval(compile(ast.Expression(last.value), "<uji>", "eval"), namespace)
        error = None
    except Exception as exc:  # noqa: BLE001 - a failing test is the verdict
        error = exc
    for name, stream in (("stdout", stdout), ("stderr", stderr)):
        if stream.getvalue():
            outputs.append({"output_type": "stream", "name": name, "text": stream.getvalue()})
    if error is not None:
        ename, evalue = type(error).__name__, str(error)
        outputs.append({"output_type": "error", "ename": ename, "evalue": evalue,
                        "traceback": [f"{ename}: {evalue}"]})
    elif result is not None:
        outputs.append({"output_type": "execute_result", "execution_count": None,
                        "metadata": {}, "data": {"text/plain": repr(result)}})
    return outputs


def main() -> None:
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    if os.path.isdir(KEYS):
        sys.path.insert(0, KEYS)
    # Import what the tests use once, before the first job.
    import altair  # noqa: F401
    import pandas  # noqa: F401

    for line in sys.stdin:
        job = json.loads(line)
        results = [run_cell(cell["source"], cell["values"]) for cell in job["cells"]]
        answers.write(json.dumps({"outputs": results}) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
