"""Releasing exercises never destroys a participant's work in exercises/release."""

from __future__ import annotations

import argparse

import nbformat
import pytest

from humaskit.exercises import cli, course, release_record

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


def _edit_source(root, old: str, new: str) -> None:
    source = root / "source" / "latihan" / "latihan.ipynb"
    source.write_text(source.read_text().replace(old, new))


def test_a_kit_update_reaches_a_release_nobody_worked_in(tmp_path):
    root = _toy_course(tmp_path)
    course.release(root)
    assert course.release(root)["latihan"] == {"success": True, "skipped": True,
                                                "stale": False}
    _edit_source(root, "x = None", "x = 0  # aturan baru")
    again = course.release(root)["latihan"]
    assert again["success"] and again["updated"]
    assert "aturan baru" in (root / "release" / "latihan" / "latihan.ipynb").read_text()


@pytest.mark.parametrize("work", ["edited", "answers_beside"])
def test_a_kit_update_never_overwrites_a_release_worked_in_and_says_so(tmp_path, work):
    root = _toy_course(tmp_path)
    course.release(root)
    released = root / "release" / "latihan" / "latihan.ipynb"
    if work == "edited":
        released.write_text(released.read_text().replace("NotImplementedError", "x = 41 + 1"))
    else:  # a form's answers, saved beside the notebook
        (released.parent / "jawaban_latihan.json").write_text("{}")
    before = {p.name: p.read_bytes() for p in released.parent.iterdir()}
    _edit_source(root, "x = None", "x = 0  # aturan baru")
    assert course.release(root)["latihan"] == {"success": True, "skipped": True,
                                                "stale": True}
    assert {p.name: p.read_bytes() for p in released.parent.iterdir()} == before


def test_a_release_an_older_kit_made_is_compared_with_a_fresh_one(tmp_path):
    root = _toy_course(tmp_path)
    course.release(root)
    (root / "release" / release_record.RECORD).unlink()
    assert course.release(root)["latihan"]["stale"] is False  # the same as its source makes
    (root / "release" / release_record.RECORD).unlink()
    _edit_source(root, "x = None", "x = 0  # aturan baru")
    assert course.release(root)["latihan"]["stale"] is True  # unknown: kept, with a warning
    assert "aturan baru" not in (root / "release" / "latihan" / "latihan.ipynb").read_text()


def test_the_warning_names_the_folder_and_the_command_that_replaces_it(tmp_path, monkeypatch,
                                                                       capsys):
    monkeypatch.setattr(course, "release", lambda force: {
        "latihan": {"success": True, "skipped": True, "stale": True}})
    assert cli.run(argparse.Namespace(force=False)) == 0
    out = capsys.readouterr().out
    assert "[PERHATIAN] latihan: exercises/release/latihan/" in out
    assert ".venv/bin/humaskit exercises release --force" in out
