"""The answer sheet of the no-code *Pemetaan Isu*: a dropdown form per decision, or a literal
dict in a cell, graded the same.

:class:`Lembar` keeps every decision in one plain dict (``lembar.jawaban``, which the notebook
calls ``jawaban`` and the grade cells read). A change in a form is saved at once to
:data:`ANSWER_FILE` beside the notebook and shown in the form's cell
(:class:`humaskit.exercises.answers.Mirror`), so the answers travel inside the ``.ipynb`` too.
``lembar.isian(name, {...})`` merges a literal dict over the form: a value typed in the cell
wins, ``None`` keeps the form's choice.
"""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as w
import pandas as pd

from humaskit.exercises import answers
from humaskit.exercises.issue_mapping import checks, model
from humaskit.issues import charts

ANSWER_FILE = "jawaban_pemetaan_isu.json"
UNSET = "— pilih —"
COLUMN_LABELS = {"ejaan": "Ejaan topik (huruf kecil)", "klip": "Jumlah klip", "baku": "Topik baku?",
                 "topik": "Isu", "volume": "Volume", "persen_negatif": "% negatif",
                 "total_jangkauan": "Total jangkauan", "volume_terkini": "Volume Juni",
                 "volume_sebelumnya": "Volume Mei", "tren": "Tren",
                 "nama": "Pemangku kepentingan", "kekuasaan": "Kekuasaan",
                 "kepentingan": "Kepentingan", "isu_terkait": "Isu terkait",
                 "kategori": "Kategori", "opd_dan_jumlah_klip": "OPD (jumlah klip)",
                 "jumlah_opd": "Jumlah OPD", "dampak": "Dampak", "urgensi": "Urgensi",
                 "prioritas": "Prioritas", "tahap": "Tahap", "koordinator": "Koordinator"}


def _coerce(decision: model.Decision, key, value):
    """A typed value as the choice it means ('3' for 3, stray spaces and case in text)."""
    if isinstance(value, str):
        text = value.strip()
        for choice in decision.choices(key):
            if str(choice).lower() == text.lower():
                return choice
        return text
    return value


class Lembar:
    """Every decision of the exercise, saved as it changes."""

    def __init__(self, lanjut_dengan_jawaban_sendiri: bool = False, folder: str | Path = "."):
        self.path = Path(folder) / ANSWER_FILE
        self.jawaban = model.blank()
        self.jawaban.update(self._saved())
        self.jawaban[model.FLAG] = bool(lanjut_dengan_jawaban_sendiri)
        self.mirror = answers.Mirror(ANSWER_FILE)
        self.forms: dict[str, dict] = {}

    def _saved(self) -> dict:
        """Valid answers from the answers file (nothing if it is missing or damaged)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8")).get("jawaban", {})
        except (OSError, ValueError, AttributeError):
            return {}
        out = {}
        for name, decision in model.DECISIONS.items():
            given = data.get(name) if isinstance(data, dict) else None
            if isinstance(given, dict):
                out[name] = {k: (given.get(k) if model.valid(decision, k, given.get(k))
                                 else None) for k in decision.subjects()}
        return out

    def count(self) -> tuple[int, int]:
        filled = sum(len(model.filled(self.jawaban, n)) for n in model.DECISIONS)
        return filled, sum(len(d.subjects()) for d in model.DECISIONS.values())

    def text(self, stamp: str) -> str:
        """The answers as the answers file holds them."""
        return answers.text(self.jawaban, stamp)

    def simpan(self) -> None:
        """Write the answers file and update the copy shown in the notebook."""
        answers.save(self.path, self.mirror, self.jawaban, *self.count())

    def formulir(self, name: str) -> w.Widget:
        """The dropdowns of one decision; every change is saved at once."""
        decision = model.DECISIONS[name]
        rows, dropdowns = [], {}
        for key in decision.subjects():
            options = [(UNSET, None)] + [(str(c), c) for c in decision.choices(key)]
            current = self.jawaban[name].get(key)
            box = w.Dropdown(options=options, value=current if model.valid(
                decision, key, current) else None, layout=w.Layout(width="260px"))
            box.observe(lambda change, k=key: self._chosen(name, k, change["new"]),
                        names="value")
            dropdowns[key] = box
            rows.append(w.HBox([w.Label(str(key), layout=w.Layout(width="340px")), box]))
        self.forms[name] = dropdowns
        filled, total = self.count()
        stamp = answers.now() if filled else ""
        self.mirror.show(self.text(stamp) if filled else "", stamp, filled=filled, total=total)
        return w.VBox([w.HTML(f"<b>Formulir: {decision.label}</b>"), *rows])

    def _chosen(self, name: str, key, value) -> None:
        self.jawaban[name][key] = value
        self.simpan()

    def isian(self, name: str, literal: dict | None = None) -> dict:
        """The decision as answered: values typed in ``literal`` (not ``None``) over the
        form's choices. Saved, shown in the form, and checked for completeness."""
        decision = model.DECISIONS[name]
        merged = dict(self.jawaban[name])
        unknown = []
        for key, value in (literal or {}).items():
            if key not in merged:
                unknown.append(key)
            elif value is not None:
                merged[key] = _coerce(decision, key, value)
        for key in unknown:
            print(f"✘ {key!r} bukan isian langkah ini; periksa ejaannya (diabaikan).")
        self.jawaban[name] = merged
        for key, box in self.forms.get(name, {}).items():
            if model.valid(decision, key, merged[key]) and box.value != merged[key]:
                box.value = merged[key]
        self.simpan()
        return merged

    def tabel(self, step: int) -> pd.DataFrame:
        """The table to read for ``step`` (reference results, or your own if chosen)."""
        table = model.step_table(step, self.jawaban)
        return table.rename(columns=COLUMN_LABELS)

    def peta(self) -> pd.DataFrame:
        """Your issue map so far: priority and category from your own dampak × urgensi."""
        columns = ["topik", "dampak", "urgensi", "prioritas", "kategori", "tahap", "koordinator"]
        return model.issue_table(self.jawaban)[columns].rename(columns=COLUMN_LABELS)

    def matriks(self):
        """The priority matrix drawn from your own decisions."""
        return charts.issue_matrix(model.issue_table(self.jawaban))

    def periksa(self, name: str) -> bool:
        return checks.periksa(name, self.jawaban)
