"""The evaluation form at the end of each day notebook (thin: the index is computed in
:mod:`humaskit.evaluation`). Ratings are saved to ``evaluasi_penyelenggaraan.json`` beside
the notebook, one entry per form, and shown in the cell so that they travel with it."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as w

from humaskit import evaluation
from humaskit.exercises import answers


class Evaluasi:
    """One form (``hari1``..``hari4``, ``akhir``) of the answers file in ``folder``."""

    def __init__(self, form: str, folder: str | Path = "."):
        if form not in evaluation.FORMS:
            raise ValueError(f"Formulir '{form}' tidak dikenal; pilih: "
                             f"{', '.join(evaluation.FORMS)}.")
        self.form = form
        self.path = Path(folder) / evaluation.ANSWER_FILE
        self.mirror = answers.Mirror(evaluation.ANSWER_FILE)
        saved = self._saved().get(form, {})
        self.ratings = {e: w.ToggleButtons(
            options=[(f"{n} {label}", n) for n, label in evaluation.SCALE.items()],
            value=saved.get(e) if saved.get(e) in evaluation.SCALE else None,
            style={"button_width": "110px"}) for e in evaluation.ELEMENTS}
        self.comment = w.Textarea(value=saved.get("komentar", "") or "",
                                  placeholder="Saran atau komentar (boleh dikosongkan)",
                                  layout=w.Layout(width="600px", height="70px"))
        self.button = w.Button(description="Simpan evaluasi", icon="save",
                               button_style="primary")
        self.status = w.HTML()
        self.button.on_click(lambda _: self.save())

    def _saved(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self) -> bool:
        """Write this form's ratings (all five required) and update the copy in the cell."""
        missing = [e for e, box in self.ratings.items() if box.value is None]
        if missing:
            self.status.value = ("<span style='color:#c0392b'>Belum dinilai: "
                                 + ", ".join(missing) + ".</span>")
            return False
        data = self._saved()
        data[self.form] = {**{e: box.value for e, box in self.ratings.items()},
                           "komentar": self.comment.value.strip()}
        stamp = answers.now()
        data["disimpan_pada"] = stamp
        text = json.dumps(data, ensure_ascii=False, indent=1)
        answers.write(self.path, text)
        self.mirror.update(text, stamp)
        self.status.value = ("<span style='color:#1e7e34'>✔ Terima kasih, evaluasi "
                             f"{evaluation.FORMS[self.form]} tersimpan.</span>")
        return True

    def widget(self) -> w.Widget:
        rows = [w.HTML(f"<b>Evaluasi {evaluation.FORMS[self.form]}</b> (1 = tidak baik, "
                       "4 = sangat baik). Jawaban tidak dinilai dan dilaporkan tanpa nama.")]
        for element, statement in evaluation.ELEMENTS.items():
            rows += [w.HTML(f"<p style='margin:.6em 0 .2em'>{statement}</p>"),
                     self.ratings[element]]
        self.mirror.show()
        return w.VBox([*rows, self.comment, self.button, self.status])


def formulir(form: str, folder: str | Path = ".") -> w.Widget:
    """The evaluation form for the notebooks: ``formulir("hari1")`` … ``formulir("akhir")``."""
    return Evaluasi(form, folder).widget()
