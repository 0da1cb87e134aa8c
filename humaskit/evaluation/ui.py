"""The evaluation form at the end of each day notebook (thin: the index is computed in
:mod:`humaskit.evaluation`). A day's form rates the teacher of each of that day's sessions;
the final form rates the organisation. Ratings are saved to ``evaluasi_penyelenggaraan.json``
beside the notebook, one entry per form, and shown in the cell so that they travel with it."""

from __future__ import annotations

import json
from pathlib import Path

import ipywidgets as w

from humaskit import evaluation, form_layout
from humaskit.exercises import answers
from humaskit.training import schedule

#: What the form promises, and the kit keeps (:mod:`humaskit.evaluation.collect`).
ANONYMOUS = ("Jawaban tidak dinilai dan dilaporkan tanpa nama: yang dikumpulkan hanya nilai "
             "dan komentar, tanpa nama akun, dalam urutan acak. Komentar dimuat di laporan "
             f"hanya bila sedikitnya {evaluation.MIN_FOR_COMMENTS} peserta mengisi formulir "
             "ini, agar tidak dapat ditelusuri ke penulisnya.")


def _sessions(form: str) -> list[schedule.Session]:
    day = int(form[-1])
    return [s for s in schedule.sessions() if s.day == day]


def _buttons(value, meals: bool = False) -> w.ToggleButtons:
    options = [(f"{n} {label}", n) for n, label in evaluation.SCALE.items()]
    if meals:
        options.append(("Tidak disediakan", evaluation.NOT_PROVIDED))
    allowed = [n for _, n in options]
    return w.ToggleButtons(options=options, value=value if value in allowed else None,
                           style={"button_width": "110px"})


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
        saved = saved if isinstance(saved, dict) else {}
        #: block (session id, or "" for the organisation) -> element -> buttons
        self.ratings: dict[str, dict[str, w.ToggleButtons]] = {}
        if form == evaluation.FINAL:
            self.ratings[""] = {e: _buttons(saved.get(e), e == evaluation.MEALS)
                                for e in evaluation.ORGANISATION}
        else:
            self.sessions = _sessions(form)
            for s in self.sessions:
                mine = saved.get(s.id) if isinstance(saved.get(s.id), dict) else {}
                self.ratings[s.id] = {e: _buttons(mine.get(e)) for e in evaluation.TEACHER}
        self.comment = w.Textarea(value=str(saved.get("komentar", "") or ""),
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
        """Write this form's ratings (every one required) and update the copy in the cell."""
        statements = {**evaluation.TEACHER, **evaluation.ORGANISATION}
        missing = [f"{statements[e]}" + (f" (sesi {block})" if block else "")
                   for block, boxes in self.ratings.items()
                   for e, box in boxes.items() if box.value is None]
        if missing:
            self.status.value = ("<span style='color:#c0392b'>Belum dinilai: "
                                 + "; ".join(missing) + ".</span>")
            return False
        data = self._saved()
        blocks = {block: {e: box.value for e, box in boxes.items()}
                  for block, boxes in self.ratings.items()}
        data[self.form] = {**blocks.pop("", {}), **blocks,
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
        if self.form == evaluation.FINAL:
            intro = ("<b>Evaluasi penyelenggaraan</b> (1 = tidak baik, 4 = sangat baik). "
                     + ANONYMOUS)
        else:
            intro = (f"<b>Evaluasi pengajar {evaluation.FORMS[self.form]}</b>: nilailah "
                     "fasilitator atau narasumber setiap sesi hari ini (1 = tidak baik, "
                     "4 = sangat baik). " + ANONYMOUS)
        rows = [w.HTML(intro)]
        for block, boxes in self.ratings.items():
            if block:
                session = next(s for s in self.sessions if s.id == block)
                rows.append(w.HTML(f"<p style='margin:1em 0 .2em'><b>Pengajar sesi "
                                   f"{session.part} ({session.clock})</b></p>"))
            for element, box in boxes.items():
                statement = {**evaluation.TEACHER, **evaluation.ORGANISATION}[element]
                rows += [w.HTML(f"<p style='margin:.5em 0 .2em'>{statement}</p>"), box]
        self.mirror.show()
        return form_layout.fit(w.VBox([*rows, self.comment, self.button, self.status]))


def formulir(form: str, folder: str | Path = ".") -> w.Widget:
    """The evaluation form for the notebooks: ``formulir("hari1")`` … ``formulir("akhir")``."""
    return Evaluasi(form, folder).widget()
