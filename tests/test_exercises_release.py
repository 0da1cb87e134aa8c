"""Releasing exercises never destroys a participant's work in exercises/release."""

from __future__ import annotations

import nbformat
import pytest

from humaskit.exercises import course

pytestmark = pytest.mark.slow


def _toy_course(root):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    cell = nbformat.v4.new_code_cell("x = None\n### BEGIN SOLUTION\nx = 2\n### END SOLUTION")
    cell.metadata["nbgrader"] = {"schema_version": 3, "solution": True, "grade": False,
                                 "locked": False, "grade_id": "jawab", "task": False}
    nb.cells = [cell]
    (root / "source" / "latihan").mkdir(parents=True)
    nbformat.write(nb, root / "source" / "latihan" / "latihan.ipynb")
    return root


def test_second_release_keeps_participant_work_and_force_regenerates(tmp_path):
    root = _toy_course(tmp_path)
    first = course.release(root)
    assert first["latihan"]["success"] and not first["latihan"].get("skipped")
    released = root / "release" / "latihan" / "latihan.ipynb"
    assert "BEGIN SOLUTION" not in released.read_text()

    released.write_text(released.read_text().replace("NotImplementedError", "x = 41 + 1"))
    assert course.release(root)["latihan"]["skipped"]
    assert "x = 41 + 1" in released.read_text()

    course.release(root, force=True)
    assert "x = 41 + 1" not in released.read_text()
