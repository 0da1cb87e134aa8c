"""The minutes the exercises and the guide state are the timing model's estimates from the
notebooks' own counts (words to read, decisions, words to write, cells), step by step."""

from __future__ import annotations

import math
import re

import nbformat
import pytest
from shared import ROOT

from humaskit.exercises import timing
from humaskit.exercises.issue_mapping import model
from humaskit.exercises.self_assessment import samples as self_assessment
from humaskit.training import schedule

SOURCE = ROOT / "exercises" / "source"


def notebook(name: str) -> nbformat.NotebookNode:
    return nbformat.read(SOURCE / name / f"{name}.ipynb", as_version=4)


def text_of(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells)


def table(text: str) -> dict[str, tuple[str, int]]:
    """The facilitator's table: part -> (its count, minutes)."""
    part = text.split("## Catatan fasilitator", 1)[1]
    return {name.strip("* "): (count.strip("* "), int(minutes.strip("*")))
            for name, count, minutes in re.findall(r"^\| ([^|]+) \| ([^|]+) \| (\S+) \|$",
                                                   part, re.MULTILINE)
            if minutes.strip("*").isdigit()}


def guide_minutes(day: int, exercise: str) -> list[int]:
    return [r.minutes for r in schedule.rows(day) if exercise in r.what]


def ceil5(minutes: int) -> int:
    return 5 * math.ceil(minutes / 5)


def test_a_step_is_read_decided_written_and_run_at_the_models_stated_rates():
    step = timing.Step("Langkah", read_words=300, decisions=3, harder_decisions=2,
                       write_words=20, cells=12)
    # 2 min reading + 2 min deciding + 2 min deciding harder + 2 min writing + 1 min cells
    assert step.minutes() == 9
    assert timing.Step("x", read_words=1).minutes() == 1  # whole minutes, rounded up
    assert timing.words("**Bukti** sah: `SK` <b>2025</b>, e-KTP") == 5


def test_sections_follow_level_two_headings_and_leave_out_the_facilitators_notes():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Judul\n\nsatu dua"),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_markdown_cell("## Langkah 1. A\n\ntiga\n\n## Catatan fasilitator\n\n"
                                      "empat lima enam"),
        nbformat.v4.new_code_cell("y = 2")])
    found = timing.sections(nb)
    assert [(s.title, s.read_words, s.cells) for s in found] == [
        ("Pengantar", 3, 1), ("Langkah 1. A", 4, 0)]


def test_pemetaan_isu_states_the_models_minutes_for_every_step():
    nb = notebook("pemetaan_isu")
    steps = timing.issue_mapping(nb)
    text = text_of(nb)
    minutes = {timing.step_number(s.title): s.minutes() for s in steps}
    headings = {int(k): int(m) for k, m in re.findall(
        r"^## Langkah (\d)\..*± (\d+) menit\)", text, re.MULTILINE)}
    assert headings == {k: m for k, m in minutes.items() if k}
    rows = table(text)
    for step in steps:
        number = timing.step_number(step.title)
        name = next(n for n in rows if (n.startswith(f"Langkah {number} ") if number
                                        else n.startswith(step.title.split()[0])))
        count, stated = rows[name]
        assert stated == step.minutes(), name
        if number and number < 7:
            decided = sum(len(d.subjects()) for d in model.DECISIONS.values()
                          if d.step == number)
            assert int(count) == decided == step.decisions + step.harder_decisions
    total = timing.total(steps)
    assert rows["Jumlah"] == ("80 isian", total)
    said = re.search(r"\*\*Waktu:\*\* ± (\d+) menit: ± (\d+) menit untuk pengantar, Langkah "
                     r"1–6 \(80 isian\) dan penutup,\s+ditambah ± (\d+) menit", text)
    assert tuple(map(int, said.groups())) == (total, total - minutes[7], minutes[7])
    assert guide_minutes(2, "pemetaan_isu") == [ceil5(total)]
    guide = schedule.GUIDE.read_text(encoding="utf-8")
    assert f"penutup ± {total - minutes[7]} menit (80 isian) dan Langkah 7 ± {minutes[7]}" \
        in guide.replace("\n", " ")
    assert f"jumlahnya ({total} menit)" in guide.replace("\n", " ")


def test_asesmen_mandiri_states_the_models_minutes_for_the_kits_sample_answers():
    nb = notebook("asesmen_mandiri")
    isian = self_assessment.complete()
    steps = timing.self_assessment(nb, isian)
    text = text_of(nb)
    rows = table(text)
    for step in steps:
        name = next(n for n in rows if n.startswith(step.title.split(" —")[0].split(" yang")[0]))
        count, stated = rows[name]
        assert stated == step.minutes(), name
        assert count == (str(step.decisions) if step.decisions else "–"), name
    claims = isian.jawaban["klaim"].tolist()
    form_step = next(s for s in steps if s.title.startswith("Langkah 1 dan 2"))
    assert form_step.decisions == len(isian.identitas) + 1 + len(claims) + claims.count("K")
    plan_step = next(s for s in steps if s.title.startswith("Langkah 4"))
    assert plan_step.decisions == 4 * claims.count("BK")
    discussion = int(re.search(r"Catatan fasilitator\*\* \(diskusi ± (\d+) menit\)", text)[1])
    assert rows["Diskusi profil (catatan fasilitator Langkah 3)"] == ("–", discussion)
    total = timing.total(steps) + discussion
    assert rows["Jumlah"] == (f"{form_step.decisions + plan_step.decisions} isian", total)
    assert re.search(r"\*\*Waktu:\*\* ± (\d+) menit", text)[1] == str(ceil5(total))
    assert guide_minutes(4, "asesmen_mandiri") == [ceil5(total)]
    guide = schedule.GUIDE.read_text(encoding="utf-8").replace("\n", " ")
    assert f"asesmen mandiri ± {total} menit" in guide
    assert f"{timing.total(steps)} menit kerja peserta" in guide
    assert f"{discussion} menit diskusi profil" in guide


@pytest.mark.parametrize("name", ["pemetaan_isu", "asesmen_mandiri"])
def test_the_notebook_states_the_models_rates(name):
    text = text_of(notebook(name)).replace("\n", " ")
    m = timing.MODEL
    assert f"membaca {m['read_wpm']} kata per menit" in text
    assert f"{m['decision_seconds']} detik per isian" in text
    assert f"menulis {m['write_wpm']} kata per menit" in text
    assert f"{m['cell_seconds']} detik untuk menjalankan setiap sel" in text
    if name == "pemetaan_isu":
        assert f"{m['harder_decision_seconds']} detik per isian yang membaca dua angka" in text
