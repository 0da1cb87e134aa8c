"""Crafted pre-test/post-test submissions, for the tests and the demo cohort.

The keys are read from the hidden tests of the source notebooks (they are nowhere else), so
only code that can read the instructor's course folder can build right answers.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_output

from humaskit.exercises import answers as carried
from humaskit.exercises import course
from humaskit.exercises.quiz import NOTEBOOKS, bank
from humaskit.exercises.quiz.ui import answer_file

_KEY = re.compile(r'kuis\.nilai\("([\w.]+)", jawaban, kunci="([a-d])"\)')
SAVED_AT = "2026-11-26T08:20:00+00:00"


def source_notebook(form: str, root: Path = course.COURSE_ROOT) -> nbformat.NotebookNode:
    return nbformat.read(Path(root) / "source" / bank.FORMS[form] / NOTEBOOKS[form],
                         as_version=4)


def keys(form: str, root: Path = course.COURSE_ROOT) -> dict[str, str]:
    """Item id -> key letter, as the hidden tests of the source notebook hold them."""
    found = {}
    for cell in source_notebook(form, root).cells:
        found.update(_KEY.findall(cell.source))
    return found


def answers_with(form: str, right: set[str], root: Path = course.COURSE_ROOT) -> dict:
    """Answers that are right for the items in ``right`` and wrong (the next letter) for the
    others."""
    out = {}
    for item, key in keys(form, root).items():
        wrong = bank.LETTERS[(bank.LETTERS.index(key) + 1) % len(bank.LETTERS)]
        out[item] = key if item in right else wrong
    return out


def build(form: str, given: dict, route: str = "isian",
          base: nbformat.NotebookNode | None = None) -> tuple[nbformat.NotebookNode, dict]:
    """A submission answering ``given`` by typed letters (``isian``), by the form's answers
    file (``formulir``) or only by the copy the notebook carries (``notebook``)."""
    nb = copy.deepcopy(base if base is not None else course.participant_version(source_notebook(form)))
    text = json.dumps({"disimpan_pada": SAVED_AT, "jawaban": given}, ensure_ascii=False)
    if route == "formulir":
        return nb, {answer_file(form): text.encode()}
    if route == "notebook":
        cell = next(c for c in nb.cells if "lembar.formulir(" in c.source)
        cell.outputs = [new_output("display_data", data=carried.bundle(
            answer_file(form), text, SAVED_AT))]
        return nb, {}
    for cell in nb.cells:
        if cell.cell_type != "code" or "lembar.isian(" not in cell.source:
            continue
        lines = []
        for line in cell.source.splitlines():
            found = re.match(r'\s+"([\w.]+)": None,$', line)
            if found and given.get(found.group(1)):
                line = f'    "{found.group(1)}": "{given[found.group(1)]}",'
            lines.append(line)
        cell.source = "\n".join(lines)
    return nb, {}


def _uniform(text: str) -> float:
    """A stable number in [0, 1) drawn from ``text``."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") / 2 ** 64


#: How far apart the demo's abilities (and the items' difficulties) lie, in logits.
SPREAD = 3.0


def cohort_right(form: str, person: str, share: float) -> set[str]:
    """The items a demo participant gets right, by a simple item-response model: a stable
    ability per person and a difficulty per objective (the same in both forms), and a stable
    draw per person and item. The item is right when the draw falls below
    1 / (1 + e^−(ability − difficulty + logit(share))). Nothing varies from run to run, and
    the cohort's item analysis behaves as a real room's would: able participants are right
    more often, so items discriminate and KR-20 is meaningful."""
    ability = SPREAD * (_uniform(f"kemampuan|{person}") - 0.5)
    chosen = set()
    for item in bank.items(form):
        difficulty = SPREAD * (_uniform(f"kesukaran|{item.objective}") - 0.5)
        odds = ability - difficulty + math.log(share / (1 - share))
        if _uniform(f"{form}|{person}|{item.id}") < 1 / (1 + math.exp(-odds)):
            chosen.add(item.id)
    return chosen
