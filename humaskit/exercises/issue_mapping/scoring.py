"""The hidden tests of the no-code *Pemetaan Isu*: the points each decision earns.

A grade cell ends with :func:`nilai`, whose value nbgrader reads as partial credit: each key
of a decision (an issue, a stakeholder, a spelling) earns its share of the decision's points.
Answers are judged on the basis of :func:`humaskit.exercises.issue_mapping.model.basis`, so an
earlier mistake never costs a later step.
"""

from __future__ import annotations

from humaskit.exercises.issue_mapping import model


def nilai(name: str, jawaban: dict) -> float:
    """Points for decision ``name`` (printed keys that are not right, for the feedback)."""
    earned = model.points(name, jawaban)
    _, wrong = model.judge(name, jawaban)
    if wrong:
        print(f"Belum tepat ({len(wrong)} isian): " + ", ".join(repr(k) for k in wrong))
    return earned
