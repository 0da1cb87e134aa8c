"""The facilitator guide's daily schedules agree with the notebooks' own timings.

Each day notebook opens with a table of its parts and minutes; the guide's schedule gives
every part (a row starting "Bagian k") the same minutes, its clock times add up, and the
stated totals are the sums of the rows."""

from __future__ import annotations

import itertools
import json
import re

import pytest
from shared import ROOT

from humaskit.training import schedule

GUIDE = schedule.GUIDE.read_text(encoding="utf-8")
NOTEBOOKS = {1: "01_hari1_konfigurasi_kehumasan", 2: "02_hari2_manajemen_isu",
             3: "03_hari3_strategi_komunikasi", 4: "04_hari4_kompetensi_etika_rtl"}


def guide_rows(day: int) -> list[tuple]:
    return [(r.start, r.end, r.what, r.minutes, r.kind) for r in schedule.rows(day, GUIDE)]


def notebook_parts(day: int) -> dict[str, int]:
    """Part number -> minutes, from the overview table of the day's notebook."""
    nb = json.loads((ROOT / "notebooks" / f"{NOTEBOOKS[day]}.ipynb").read_text(encoding="utf-8"))
    text = "".join("".join(c["source"]) for c in nb["cells"][:4])
    return {k: int(m) for k, m in re.findall(r"^\| (\d) \| .*? \| ±? ?(\d+) menit \|$", text,
                                             re.MULTILINE)}


def notebook_headings(day: int) -> dict[str, int]:
    nb = json.loads((ROOT / "notebooks" / f"{NOTEBOOKS[day]}.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    return {k: int(m) for k, m in re.findall(r"^## Bagian (\d) — .*?\(± (\d+) menit", text,
                                             re.MULTILINE)}


@pytest.mark.parametrize("day", NOTEBOOKS)
def test_every_row_lasts_its_minutes_and_follows_the_one_before(day):
    rows = guide_rows(day)
    assert rows
    for start, end, what, minutes, _ in rows:
        assert end - start == minutes, what
    for before, after in itertools.pairwise(rows):
        assert before[1] == after[0], after[2]


@pytest.mark.parametrize("day", NOTEBOOKS)
def test_every_part_of_the_notebook_has_its_own_minutes_in_the_guide(day):
    parts = notebook_parts(day)
    scheduled = {m.group(1): minutes for _, _, what, minutes, _ in guide_rows(day)
                 if (m := re.match(r"Bagian (\d):", what))}
    assert parts and scheduled == parts


@pytest.mark.parametrize("day", NOTEBOOKS)
def test_the_notebooks_headings_say_the_minutes_of_its_overview(day):
    parts = notebook_parts(day)
    for part, minutes in notebook_headings(day).items():
        assert parts[part] == minutes, f"Hari {day}, Bagian {part}"


def test_the_stated_core_total_of_day_1_is_the_sum_of_its_rows():
    stated = int(re.search(r"Total materi inti: (\d+) menit", GUIDE).group(1))
    core = sum(minutes for _, _, what, minutes, kind in guide_rows(1)
               if kind not in ("persiapan", "—") and "opsional" not in what)
    assert stated == core


@pytest.mark.parametrize("day", NOTEBOOKS)
def test_each_notebook_states_its_length_and_jam_pelajaran_from_its_parts(day):
    nb = json.loads((ROOT / "notebooks" / f"{NOTEBOOKS[day]}.ipynb").read_text(encoding="utf-8"))
    text = "".join("".join(c["source"]) for c in nb["cells"][:4])
    minutes, jp = map(int, re.search(r"Lama sesi:\*\* (\d+) menit.*?sekitar (\d+) JP", text,
                                     re.DOTALL).groups())
    rows = re.findall(r"^\| (\S+) \| (.*?) \| ±? ?(\d+) menit \|$", text, re.MULTILINE)
    assert minutes == sum(int(m) for _, _, m in rows)
    breaks = sum(int(m) for _, what, m in rows if what.startswith("Istirahat"))
    assert jp == round((minutes - breaks) / 45)
