"""The pre-test/post-test answer sheet: a radio-button form per day, or a literal dict in a
cell, graded the same.

:class:`Kuis` keeps every answer in one plain dict (``kuis.jawaban``: objective id -> letter),
which the grade cells read. A choice is saved at once to ``jawaban_<form>_test.json`` beside
the notebook and shown in the form's cell (:class:`humaskit.exercises.answers.Mirror`), so
answers reach the trainer however the notebook travels.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from humaskit import form_layout
from humaskit.exercises import answers
from humaskit.exercises.quiz import bank


def answer_file(form: str) -> str:
    return f"jawaban_{bank.FORMS[form]}.json"


def letter(value: object) -> str | None:
    """A typed answer as its option letter ('B', ' b ', 'b.' -> 'b'); None if it is none."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower().rstrip(".)")
    return text if text in bank.LETTERS else None


def letters(form: str, jawaban: dict) -> dict[str, str]:
    """The answers of saved ``jawaban`` that are one of the form's items and an option letter
    (anything else in a damaged or hostile file is left out)."""
    ids = {i.id for i in bank.items(form)}
    return {k: letter(v) for k, v in jawaban.items() if k in ids and letter(v)}


class Kuis:
    """Every answer of one form, saved as it changes."""

    def __init__(self, form: str, folder: str | Path = "."):
        self.form = form
        self.filename = answer_file(form)
        self.path = Path(folder) / self.filename
        self.jawaban: dict[str, str | None] = {i.id: None for i in bank.items(form)}
        self.jawaban.update(self._saved())
        self.mirror = answers.Mirror(self.filename)
        self.forms: dict[str, w.RadioButtons] = {}

    def _saved(self) -> dict:
        try:
            return letters(self.form, answers.parse(self.path.read_text(encoding="utf-8"))[1])
        except (OSError, ValueError):
            return {}

    def count(self) -> tuple[int, int]:
        return sum(v is not None for v in self.jawaban.values()), len(self.jawaban)

    def text(self, stamp: str) -> str:
        """The answers as the answers file holds them."""
        return answers.text(self.jawaban, stamp)

    def simpan(self) -> None:
        """Write the answers file and update the copy shown in the notebook."""
        answers.save(self.path, self.mirror, self.jawaban, *self.count())

    def formulir(self, day: int) -> w.Widget:
        """The day's questions as radio buttons; every choice is saved at once."""
        rows = []
        for number, item in enumerate(bank.items(self.form, day), start=1):
            buttons = w.RadioButtons(
                options=[(f"{k}. {o}", k) for k, o in zip(bank.LETTERS, item.options)],
                value=self.jawaban[item.id], layout=w.Layout(width="auto"))
            buttons.observe(lambda change, i=item.id: self._chosen(i, change["new"]),
                            names="value")
            self.forms[item.id] = buttons
            stem = html.escape(item.stem).replace("*", "")
            rows += [w.HTML(f"<p style='margin-top:1em'><b>Soal {day}.{number}</b> "
                            f"({item.id}). {stem}</p>"), buttons]
        filled, total = self.count()
        stamp = answers.now() if filled else ""
        self.mirror.show(self.text(stamp) if filled else "", stamp, filled=filled, total=total)
        return form_layout.fit(w.VBox(rows))

    def _chosen(self, item_id: str, value: str | None) -> None:
        self.jawaban[item_id] = value
        self.simpan()

    def isian(self, day: int, literal: dict | None = None) -> dict:
        """The day's answers: letters typed in ``literal`` (not ``None``) over the form's."""
        ids = [i.id for i in bank.items(self.form, day)]
        for key, value in (literal or {}).items():
            if key not in ids:
                print(f"✘ {key!r} bukan nomor soal hari ini; periksa ejaannya (diabaikan).")
            elif value is not None:
                chosen = letter(value)
                if chosen is None:
                    print(f"✘ {key}: {value!r} bukan pilihan; isi dengan a, b, c, atau d.")
                    continue
                self.jawaban[key] = chosen
                if key in self.forms and self.forms[key].value != chosen:
                    self.forms[key].value = chosen
        self.simpan()
        return {k: self.jawaban[k] for k in ids}
