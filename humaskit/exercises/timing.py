"""How long a no-code exercise takes a participant who does not program: counts per step,
and a stated model that turns them into minutes.

The counts come from the notebook itself and the exercise's own definitions: the words of
explanation to read in each step's section, the decisions to make there (a dropdown chosen, a
field typed, a K/BK pressed), the words to write, and the cells to run. The timed
walk-through in ``benchmarks/walkthrough.py`` fills every form in a real browser and counts
the same things on the page, so the two can be compared.

The model (:data:`MODEL`) is an assumption, not a measurement of participants:

- reading: 150 words a minute, the low end of 150–200 for Indonesian instructional prose read
  by non-specialists, because the text states rules with numbers;
- a decision: 40 seconds to find the figure its rule reads (shown beside each choice), apply
  the rule and choose; 60 seconds where the rule reads two or more figures or is a list of
  rules checked in order (:data:`SEVERAL_FIGURES`);
- writing: 10 words a minute, composing and typing with two fingers (copy typing alone is
  about 20–30);
- a cell: 5 seconds to run it and glance at its output (the walk-through measures the
  machine's part, under a second for most cells).

Minutes per step are rounded up to whole minutes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import nbformat

#: The model's rates (see the module docstring): words a minute, seconds per item.
MODEL = {"read_wpm": 150, "decision_seconds": 40, "harder_decision_seconds": 60,
         "write_wpm": 10, "cell_seconds": 5}
#: *Pemetaan Isu* decisions whose rule reads several figures, and what it reads.
SEVERAL_FIGURES = {"bacaan_ringkasan": "the largest of a column of nine",
                   "urgensi": "% negative, then the trend",
                   "tahap": "volume, June and May volumes, rules in order",
                   "kuadran": "power and interest",
                   "koordinator": "category and number of offices",
                   "bacaan_matriks": "the whole map"}
SOLUTION = re.compile(r"### BEGIN SOLUTION.*?### END SOLUTION", re.DOTALL)
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
#: Sections the participant does not work through (read by the facilitator).
FACILITATOR = ("Catatan fasilitator",)


@dataclass(frozen=True)
class Step:
    """One step of an exercise, as counted."""

    title: str
    read_words: int = 0
    decisions: int = 0
    harder_decisions: int = 0
    write_words: int = 0
    cells: int = 0

    def minutes(self, model: dict | None = None) -> int:
        """The model's estimate for this step, in whole minutes (rounded up)."""
        m = model or MODEL
        seconds = (self.read_words / m["read_wpm"] * 60 + self.decisions * m["decision_seconds"]
                   + self.harder_decisions * m["harder_decision_seconds"]
                   + self.write_words / m["write_wpm"] * 60 + self.cells * m["cell_seconds"])
        return math.ceil(seconds / 60 - 1e-9)

    def plus(self, **more: int) -> Step:
        return Step(self.title, **{k: getattr(self, k) + more.get(k, 0)
                                   for k in ("read_words", "decisions", "harder_decisions", "write_words",
                                             "cells")})


def words(text: str) -> int:
    """Words a reader reads in markdown or a typed answer (markup and code fences aside)."""
    text = SOLUTION.sub("", text)
    text = re.sub(r"<[^>]+>|`{3}.*?`{3}", " ", text, flags=re.DOTALL)
    return len(WORD.findall(text))


def sections(nb: nbformat.NotebookNode) -> list[Step]:
    """The notebook's sections by level-2 heading (the text before the first is the
    introduction), with the words of their markdown and the number of code cells; the
    facilitator's notes are left out."""
    found = [Step("Pengantar")]
    skipping = False
    for cell in nb.cells:
        if cell.cell_type == "code":
            found[-1] = found[-1].plus(cells=0 if skipping else 1)
            continue
        if cell.cell_type != "markdown":
            continue
        for part in re.split(r"^(?=## )", cell.source, flags=re.MULTILINE):
            heading = re.match(r"## (.+)", part)
            if heading:
                skipping = heading.group(1).strip().startswith(FACILITATOR)
                if not skipping:
                    found.append(Step(heading.group(1).strip()))
            if not skipping:
                found[-1] = found[-1].plus(read_words=words(part))
    return found


def step_number(title: str) -> int | None:
    match = re.match(r"Langkah (\d)", title)
    return int(match.group(1)) if match else None


def issue_mapping(nb: nbformat.NotebookNode) -> list[Step]:
    """*Pemetaan Isu* per step: each decision's subjects (a dropdown or a typed value each),
    the words of each subject's form label, and for Step 7 the strategy it asks for."""
    from humaskit.exercises.issue_mapping import model

    steps = []
    for step in sections(nb):
        number = step_number(step.title)
        chosen = [d for d in model.DECISIONS.values() if d.step == number]
        labels = sum(words(str(s)) for d in chosen for s in d.subjects())
        written = STRATEGY_WORDS if number == 7 else 0
        steps.append(step.plus(
            decisions=sum(len(d.subjects()) for d in chosen if d.name not in SEVERAL_FIGURES),
            harder_decisions=sum(len(d.subjects()) for d in chosen if d.name in SEVERAL_FIGURES),
            read_words=labels, write_words=written))
    return [s for s in steps if s.title not in ("Poin kunci", "Glosarium")] + \
        [_closing(steps)]


#: Step 7 asks for three issues, ± 80–100 words each: the model takes the upper end.
STRATEGY_WORDS = 3 * 100


def _closing(steps: list[Step]) -> Step:
    """Key points and glossary, read once at the end."""
    words_read = sum(s.read_words for s in steps if s.title in ("Poin kunci", "Glosarium"))
    return Step("Poin kunci dan glosarium", read_words=words_read)


def self_assessment(nb: nbformat.NotebookNode, isian) -> list[Step]:
    """*Asesmen Mandiri* per step, for the answers ``isian`` (a :class:`form.Isian`): Step 1–2
    reads each element's question and KUK and decides K/BK, typing the evidence of each K and
    the identity; Step 4 types the four plan fields of each BK."""
    from humaskit.skkni import catalog

    elements = catalog.scheme_elements(isian.kode_skema)
    element_words = sum(words(f"{e.pertanyaan} {e.kuk}".replace("|", " "))
                        for e in elements.itertuples())
    identity = list(isian.identitas.values())
    claims = isian.jawaban["klaim"].tolist()
    evidence = [b for c, b in zip(claims, isian.jawaban["bukti"]) if c == "K"]
    plans = isian.rencana[["kegiatan", "sumber_belajar", "target", "indikator"]]
    steps = []
    for step in sections(nb):
        if step.title.startswith("Langkah 1 dan 2"):
            step = step.plus(read_words=element_words,
                             decisions=len(identity) + 1 + len(claims) + len(evidence),
                             write_words=sum(words(str(v)) for v in identity[:3])
                             + sum(words(b) for b in evidence))
        elif step.title.startswith("Langkah 4"):
            step = step.plus(decisions=plans.size,
                             write_words=sum(words(str(v)) for v in
                                             plans.drop(columns="target").to_numpy().ravel()))
        elif step.title.startswith("Poin kunci"):
            step = Step("Poin kunci", read_words=step.read_words)
        steps.append(step)
    return steps


def total(steps: list[Step], model: dict | None = None) -> int:
    return sum(s.minutes(model) for s in steps)
