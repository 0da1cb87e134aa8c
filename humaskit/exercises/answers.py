"""Form answers that travel with the notebook, whichever way it reaches the trainer.

A widget form saves its answers to a JSON file beside the notebook *and* shows them as one
output of its own cell (:class:`Mirror`). The output is updated in place on every save, so the
saved ``.ipynb`` carries the latest answers even when it is sent alone (by USB or e-mail);
collection (:func:`harvest`) then writes them back beside the notebook. Where a notebook shows
a form that was run but carries no answers, none came with it and none were written in its
code answer cell instead (:func:`answered_in_code`), collection says so.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path

MIME = "application/vnd.humaskit.jawaban+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def write(path: Path, text: str) -> None:
    """Replace ``path`` atomically (a half-written answers file must never be left)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def text(jawaban: dict, saved_at: str) -> str:
    """An answer sheet as its answers file holds it."""
    return json.dumps({"disimpan_pada": saved_at, "jawaban": jawaban}, ensure_ascii=False,
                      indent=1)


def parse(text: str | bytes) -> tuple[str, dict]:
    """An answers file's time of saving and answers (:func:`text` read back); ValueError when
    it is not an answer sheet. The file is the participant's: nothing in it is trusted."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError("berkas jawaban bersarang terlalu dalam") from None
    jawaban = data.get("jawaban") if isinstance(data, dict) else None
    if not isinstance(jawaban, dict):
        raise ValueError("berkas ini bukan berkas jawaban formulir")  # noqa: TRY004 - bad content
    return str(data.get("disimpan_pada", "")), jawaban


def save(path: Path, mirror: Mirror, jawaban: dict, filled: int, total: int) -> None:
    """Write an answer sheet's file and update the copy its form shows in the notebook."""
    stamp = now()
    saved = text(jawaban, stamp)
    write(path, saved)
    mirror.update(saved, stamp, filled=filled, total=total)


def bundle(filename: str, text: str, saved_at: str, filled: int | None = None,
           total: int | None = None) -> dict:
    count = f" ({filled} dari {total} isian terisi)" if total else ""
    note = (f"✔ Jawaban formulir tersimpan di notebook ini dan di berkas `{filename}`{count}, "
            f"pukul {saved_at[11:16]} UTC. Simpan notebook (Ctrl+S) sebelum mengirim."
            if text else "Formulir belum disimpan.")
    return {MIME: {"berkas": filename, "isi": text, "disimpan_pada": saved_at},
            "text/markdown": note}


class Mirror:
    """The answers shown in every form cell (one display id), updated in place on each save."""

    def __init__(self, filename: str):
        self.filename = filename
        self.display_id = f"humaskit-jawaban-{uuid.uuid4().hex}"
        self.shown = False

    def show(self, text: str = "", saved_at: str = "", **counts) -> None:
        from IPython.display import display

        display(bundle(self.filename, text, saved_at, **counts), raw=True,
                display_id=self.display_id)
        self.shown = True

    def update(self, text: str, saved_at: str, **counts) -> None:
        from IPython.display import update_display

        if self.shown:
            update_display(bundle(self.filename, text, saved_at, **counts), raw=True,
                           display_id=self.display_id)


def harvest(nb: dict) -> dict[str, tuple[str, str]]:
    """Answers carried in a notebook's outputs: file name -> (saved at, JSON text); the
    newest per file. The names are the notebook's (untrusted): collection takes only the
    exercise's own answers file name."""
    found: dict[str, tuple[str, str]] = {}
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) or []:
            data = out.get("data", {}) if isinstance(out, dict) else {}
            item = data.get(MIME)
            if not isinstance(item, dict) or not item.get("isi"):
                continue
            name, text = str(item.get("berkas", "")), str(item["isi"])
            saved = str(item.get("disimpan_pada", ""))
            if name not in found or saved > found[name][0]:
                found[name] = (saved, text)
    return found


def shows_a_form(nb: dict) -> bool:
    """Whether a run form (a widget other than a chart) is in the notebook's outputs. An
    Altair chart under the ``jupyter`` renderer is a widget too (``JupyterChart``)."""
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) or []:
            data = out.get("data", {}) if isinstance(out, dict) else {}
            if WIDGET_VIEW in data and "JupyterChart" not in str(data.get("text/plain", "")):
                return True
    return False



def answered_in_code(nb: dict) -> bool:
    """Whether a code answer cell (an nbgrader solution cell) was changed from the one
    released: a participant who answers in code instead of the form sends the answers in the
    notebook itself. Told as nbgrader tells an unanswered cell, by the checksum the release
    wrote into the cell; a forged checksum could only silence the missing-answers warning
    about that participant's own submission."""
    from nbformat import from_dict
    from nbgrader.utils import compute_checksum

    for cell in nb.get("cells", []):
        try:
            meta = cell["metadata"]["nbgrader"]
            if cell["cell_type"] != "code" or not meta.get("solution") \
                    or not meta.get("checksum"):
                continue
            source = cell.get("source", "")  # a stored notebook may keep it as lines
            source = "".join(source) if isinstance(source, list) else source
            if compute_checksum(from_dict(dict(cell, source=source))) != meta["checksum"]:
                return True
        except (KeyError, TypeError, ValueError, AttributeError):  # the notebook's, untrusted
            continue
    return False
