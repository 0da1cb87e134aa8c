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

import html
from pathlib import Path

import ipywidgets as w
import pandas as pd
from IPython.display import display

from humaskit import form_layout
from humaskit.exercises import answers
from humaskit.exercises.issue_mapping import checks, model
from humaskit.issues import charts
from humaskit.number_format import angka

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
                 "prioritas": "Prioritas", "tahap": "Tahap", "koordinator": "Koordinator",
                 "pemangku_kunci": "Pemangku kunci (Kelola secara dekat)"}


class Tabel(pd.DataFrame):
    """A table shown whole: every cell in full (pandas cuts text after 50 characters, and a
    list of stakeholders or offices is longer) and no row numbers. What it computes is a
    plain DataFrame."""

    @property
    def _constructor(self):
        return pd.DataFrame

    def _repr_html_(self) -> str:
        return self.to_html(index=False)

    def __repr__(self) -> str:
        return self.to_string(index=False)


def readable(frame: pd.DataFrame) -> Tabel:
    """``frame`` as a participant reads it: Indonesian numbers (1.525.434; 54,6), "—" for
    what is empty, Indonesian column names, every cell in full."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_integer_dtype(values):
            out[column] = [angka(v, 0) if pd.notna(v) else "—" for v in values]
        elif pd.api.types.is_float_dtype(values):
            out[column] = [angka(v, 1) if pd.notna(v) else "—" for v in values]
        else:
            out[column] = [v if isinstance(v, str) and v else ("—" if v in ("", None) else v)
                           for v in values]
    return Tabel(out.rename(columns=COLUMN_LABELS))


class Formulir(w.VBox):
    """The dropdowns of one decision; where widgets cannot be drawn (a feedback page) it
    reads as its title, and the answer cell below shows the choices as a table."""

    def __repr__(self) -> str:
        return f"{self.children[0].value.replace('<b>', '').replace('</b>', '')} " \
               "(pilihan Anda: lihat tabel sel jawaban)"


class Lembar:
    """Every decision of the exercise, saved as it changes."""

    def __init__(self, folder: str | Path = "."):
        self.path = Path(folder) / ANSWER_FILE
        self.jawaban = model.blank()
        self.jawaban.update(self._saved())
        self.mirror = answers.Mirror(ANSWER_FILE)
        self.forms: dict[str, dict] = {}

    def _saved(self) -> dict:
        """Valid answers from the answers file (nothing if it is missing or damaged)."""
        try:
            return model.valid_only(answers.parse(self.path.read_text(encoding="utf-8"))[1])
        except (OSError, ValueError):
            return {}

    def count(self) -> tuple[int, int]:
        return model.count(self.jawaban)

    def text(self, stamp: str) -> str:
        """The answers as the answers file holds them."""
        return answers.text(self.jawaban, stamp)

    def simpan(self) -> None:
        """Write the answers file and update the copy shown in the notebook."""
        answers.save(self.path, self.mirror, self.jawaban, *self.count())

    def formulir(self, name: str) -> Formulir:
        """The dropdowns of one decision; every change is saved at once."""
        decision = model.DECISIONS[name]
        rows, dropdowns = [], {}
        figures = model.evidence(name, self.jawaban)
        for key in decision.subjects():
            options = [(UNSET, None)] + [(str(c), c) for c in decision.choices(key)]
            current = self.jawaban[name].get(key)
            box = w.Dropdown(options=options, value=current if model.valid(
                decision, key, current) else None, layout=w.Layout(width="260px"))
            box.observe(lambda change, k=key: self._chosen(name, k, change["new"]),
                        names="value")
            dropdowns[key] = box
            note = f"<br><small>{html.escape(figures[key])}</small>" if key in figures else ""
            rows.append(form_layout.row(w.HTML(f"{html.escape(str(key))}{note}",
                                               layout=w.Layout(width="380px")), box))
        self.forms[name] = dropdowns
        filled, total = self.count()
        stamp = answers.now() if filled else ""
        self.mirror.show(self.text(stamp) if filled else "", stamp, filled=filled, total=total)
        return form_layout.fit(Formulir([w.HTML(f"<b>Formulir: {decision.label}</b>"), *rows]))

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
                merged[key] = model.normalise(decision, key, value)
        for key in unknown:
            print(f"✘ {key!r} bukan isian langkah ini; periksa ejaannya (diabaikan).")
        self.jawaban[name] = merged
        for key, box in self.forms.get(name, {}).items():
            if model.valid(decision, key, merged[key]) and box.value != merged[key]:
                box.value = merged[key]
        self.simpan()
        display(self.tabel_jawaban(name))
        return merged

    def tabel_jawaban(self, name: str) -> Tabel:
        """The decision as saved: each item and your answer ("—" where empty)."""
        decision = model.DECISIONS[name]
        given = self.jawaban[name]
        return Tabel({
            "Isian": [str(k) for k in decision.subjects()],
            f"Jawaban Anda ({decision.label})": [
                "—" if given.get(k) is None else str(given[k]) for k in decision.subjects()]})

    def tabel(self, step: int) -> Tabel:
        """The table to read for ``step``, from your own earlier decisions."""
        return readable(model.step_table(step, self.jawaban))

    def peta(self) -> Tabel:
        """Your issue map so far, from your own decisions only ("—" where not yet decided)."""
        columns = ["topik", "dampak", "urgensi", "prioritas", "kategori", "tahap", "koordinator",
                   "pemangku_kunci"]
        return readable(model.issue_table(self.jawaban)[columns])

    def matriks(self):
        """The priority matrix drawn from your own decisions (issues with impact and urgency)."""
        table = model.issue_table(self.jawaban)
        rated = table[table["kategori"] != model.UNRATED]
        missing = table.loc[table["kategori"] == model.UNRATED, "topik"].tolist()
        if missing:
            print(f"Belum tampil di matriks ({len(missing)} isu tanpa dampak atau urgensi): "
                  + ", ".join(missing) + ".")
        return charts.issue_matrix(rated.astype({"dampak": int, "urgensi": int,
                                                 "prioritas": int}))

    def periksa(self, name: str) -> None:
        checks.periksa(name, self.jawaban)
