"""Checks and points for the pre-test and post-test grade cells (one cell per item).

The visible check says only whether an item is answered. The hidden test, holding the key,
gives 1 point for the right letter and 0 otherwise."""

from __future__ import annotations

from humaskit.exercises.quiz.ui import letter


def periksa(item_id: str, jawaban: dict) -> None:
    """Print whether item ``item_id`` is answered with a valid letter (only the message: the
    check cell shows no value)."""
    given = jawaban.get(item_id) if isinstance(jawaban, dict) else None
    if letter(given) is None:
        print(f"… Soal {item_id} belum dijawab (pilih di formulir atau isi a, b, c, atau d).")
    else:
        print(f"✔ Soal {item_id} sudah dijawab.")


def nilai(item_id: str, jawaban: dict, kunci: str) -> float:
    """1.0 when the answer to ``item_id`` is the key, else 0.0."""
    given = jawaban.get(item_id) if isinstance(jawaban, dict) else None
    return 1.0 if letter(given) == kunci else 0.0
