"""Revealed answers that depend on the data say what the kit computes from that data.

Each test reads a *Lihat jawaban* block of a module and checks its names and numbers against
the package functions the module's explorations use, so no key can drift from the data."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from humaskit import datasets
from humaskit.issues import explore, stakeholders


def revealed(notebook: str, marker: str) -> str:
    """The text of the revealed answer of ``notebook`` that contains ``marker``."""
    nb = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))
    texts = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    found = [t.split("<summary>Lihat jawaban</summary>", 1)[1].split("</details>", 1)[0]
             for t in texts if "Lihat jawaban" in t and marker in t]
    assert len(found) == 1, f"{notebook}: no single answer block with {marker!r}"
    return " ".join(found[0].split())


@pytest.fixture(scope="module")
def table():
    return datasets.load("pemangku_kepentingan")


def items(answer: str) -> dict[str, str]:
    return dict(re.findall(r"(\d)\. (.*?)(?= \d\. |$)", answer))


@pytest.mark.parametrize("question, power, interest", [("1", 4, 3), ("2", 3, 4)])
def test_day2_who_moves_when_the_bounds_rise(table, question, power, interest):
    answer = items(revealed("02_hari2_manajemen_isu.ipynb", "Lembaga Adat Melayu"))[question]
    grid = explore.regrid(table, power, interest)
    movers = grid.loc[grid["berpindah"], "nama"]
    for name in movers:
        short = re.sub(r" (Kabupaten )?Muara Seruni$", "", name).replace("DPRD", "").strip()
        words = short.split()[:3]
        assert " ".join(words[:2]) in answer or words[-1] in answer, name
    named = len(re.findall(r"Komisi|Lembaga|Forum|Koperasi|Ikatan|Seruni TV|Harian", answer))
    assert named >= len(movers) - 1  # "Komisi II dan Komisi IV" name two with one word each


def test_day2_lowering_both_bounds_to_two(table):
    answer = items(revealed("02_hari2_manajemen_isu.ipynb", "Lembaga Adat Melayu"))["3"]
    counts = explore.quadrant_counts(explore.regrid(table, 2, 2))
    key, total = map(int, re.search(r"\((\d+) dari (\d+)\)", answer).groups())
    assert (key, total) == (counts[stakeholders.KEY_PLAYERS], len(table))
    assert f"dengan {key} pihak" in answer
    assert counts["Pantau"] == 0 and "tidak ada yang cukup *dipantau*" in answer
