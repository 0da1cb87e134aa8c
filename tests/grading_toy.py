"""A tiny nbgrader assignment and a roster for the grading tests (fast to execute)."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ASSIGNMENT = "latihan_uji"
HIDDEN_MARKER = "RAHASIA_UJI_TERSEMBUNYI"
ROSTER = """id,nama,instansi,jabatan
ani,Ani Lestari,Diskominfo,Pranata Humas
budi,Budi Santoso,Setda,Analis Kebijakan
dedi,Dédi Saputra,Bappeda,Perencana
"""


def cell(kind, source, grade_id, **flags):
    make = new_code_cell if kind == "code" else new_markdown_cell
    c = make(source)
    c.metadata["nbgrader"] = {"grade_id": grade_id, "schema_version": 3, "locked": False,
                              "solution": False, "grade": False, "task": False, **flags}
    return c


def source_notebook(essay: bool = False) -> nbformat.NotebookNode:
    """The toy assignment; with ``essay``, a manually graded answer (2 points) at the end."""
    nb = new_notebook(cells=[
        new_markdown_cell("# Latihan uji"),
        new_markdown_cell("## Langkah 1: Menjumlah"),
        cell("code", "### BEGIN SOLUTION\njumlah = 1 + 2\n### END SOLUTION",
             "jawab_tambah", solution=True),
        cell("code", "assert jumlah > 0\n### BEGIN HIDDEN TESTS\n"
                     f"assert jumlah == 3  # {HIDDEN_MARKER}\n### END HIDDEN TESTS",
             "uji_tambah", grade=True, locked=True, points=2),
        new_markdown_cell("## Langkah 2: Nilai"),
        cell("code", "### BEGIN SOLUTION\nnilai = 42\n### END SOLUTION", "jawab_nilai",
             solution=True),
        cell("code", "assert nilai == 42, 'nilai harus 42'", "uji_nilai", grade=True,
             locked=True, points=1),
    ])
    if essay:
        nb.cells += [new_markdown_cell("## Langkah 3: Esai"),
                     cell("markdown", "### BEGIN SOLUTION\nContoh esai.\n### END SOLUTION",
                          "esai", solution=True, grade=True, points=2)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def make_course(root: Path, essay: bool = False) -> Path:
    """A course root with one source assignment; returns ``root``."""
    folder = root / "source" / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(source_notebook(essay), folder / f"{ASSIGNMENT}.ipynb")
    return root


def answered(released: nbformat.NotebookNode, tambah: str = "jumlah = 1 + 2",
             nilai: str = "nilai = 42", esai: str = "Esai saya.") -> nbformat.NotebookNode:
    """The released notebook with the answers filled in."""
    nb = copy.deepcopy(released)
    for c in nb.cells:
        gid = c.metadata.get("nbgrader", {}).get("grade_id")
        if gid == "jawab_tambah":
            c.source = tambah
        elif gid == "jawab_nilai":
            c.source = nilai
        elif gid == "esai":
            c.source = esai
    return nb


def with_cell(nb: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    """``nb`` with an extra participant cell before the first test."""
    nb = copy.deepcopy(nb)
    nb.cells.insert(3, new_code_cell(code))
    return nb
