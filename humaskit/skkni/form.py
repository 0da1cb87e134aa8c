"""A participant's self-assessment (*isian*): identity, scheme, answers and plan, stored as
JSON beside the exercise notebook so that answers typed into the widget form survive into
the submitted, autograded notebook.

nbgrader copies the whole assignment folder on submit and autograde, so the graded cells
read :data:`ANSWER_FILE` with :func:`muat`. A participant who writes code passes an
:class:`Isian` built in code instead; both paths give the same tables.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from humaskit.skkni import apl02, plan

ANSWER_FILE = "jawaban_asesmen_mandiri.json"
IDENTITY_FIELDS = {"nama": "nama", "instansi": "instansi/OPD", "jabatan": "jabatan",
                   "tanggal_asesmen": "tanggal asesmen"}
VERSION = 1


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


@dataclass
class Isian:
    """One candidate's FR.APL.02: identity, scheme code, answer table and plan table."""

    identitas: dict = field(default_factory=lambda: dict.fromkeys(IDENTITY_FIELDS, ""))
    kode_skema: str = ""
    jawaban: pd.DataFrame = field(default_factory=lambda: _empty(apl02.ANSWER_COLUMNS))
    rencana: pd.DataFrame = field(default_factory=lambda: _empty(plan.PLAN_COLUMNS))

    def __post_init__(self) -> None:
        self.identitas = {k: _iso(self.identitas.get(k, "")) for k in IDENTITY_FIELDS}
        self.jawaban = pd.DataFrame(self.jawaban)
        self.rencana = pd.DataFrame(self.rencana)
        for column in ("kode_unit", "no_elemen", "klaim", "bukti"):
            if column not in self.jawaban:
                self.jawaban[column] = pd.Series(dtype=object)
        self.jawaban = apl02.with_unit_titles(self.jawaban)
        for column in plan.PLAN_COLUMNS:
            if column not in self.rencana:
                self.rencana[column] = pd.Series(dtype=object)
        self.rencana["target"] = self.rencana["target"].map(_iso)

    def to_json(self) -> str:
        """The isian as JSON text (dates as 'YYYY-MM-DD')."""
        def records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
            present = [c for c in columns if c in frame]
            return [{c: _plain(v) for c, v in row.items()}
                    for row in frame[present].to_dict("records")]

        return json.dumps({
            "versi": VERSION,
            "identitas": self.identitas,
            "kode_skema": self.kode_skema,
            "jawaban": records(self.jawaban, apl02.ANSWER_COLUMNS),
            "rencana": records(self.rencana, plan.PLAN_COLUMNS),
        }, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Isian:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise TypeError("isi berkas bukan objek JSON isian asesmen mandiri.")
        return cls(identitas=data.get("identitas") or {}, kode_skema=data.get("kode_skema", ""),
                   jawaban=pd.DataFrame(data.get("jawaban") or [], dtype=object),
                   rencana=pd.DataFrame(data.get("rencana") or [], dtype=object))


def _iso(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return _iso(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if not isinstance(value, str) and pd.isna(value):
        return ""
    return value


def save(isian: Isian, folder: str | Path = ".") -> Path:
    """Write the isian to ``folder/ANSWER_FILE`` (replacing it) and return the path."""
    path = Path(folder) / ANSWER_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(isian.to_json(), encoding="utf-8")
    tmp.replace(path)
    return path


def muat(isian_kode: Isian | None = None, folder: str | Path = ".") -> Isian:
    """The isian to grade: ``isian_kode`` when the participant wrote one in code, else the
    form's file in ``folder``, else an empty isian (a damaged file is reported, not fatal).

    An isian written in code is also saved to the answers file, so every submission carries
    its answers in one place whichever way they were entered (the trainer's competency
    report and asesor template read that file).
    """
    if isian_kode is not None:
        save(isian_kode, folder)
        print(f"Isian dari kode dipakai dan disimpan ke {ANSWER_FILE}.")
        return isian_kode
    path = Path(folder) / ANSWER_FILE
    if not path.exists():
        print(f"Belum ada isian: berkas {ANSWER_FILE} belum dibuat. Isi formulir lalu klik "
              "'Simpan jawaban', atau isi sel kode di atas.")
        return Isian()
    try:
        return Isian.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, TypeError) as exc:
        print(f"Berkas {ANSWER_FILE} rusak dan tidak dapat dibaca ({exc}). Buka formulir, "
              "isi ulang, lalu klik 'Simpan jawaban'.")
        return Isian()


def print_form(isian: Isian, folder: str | Path = ".") -> Path | None:
    """Write the printable FR.APL.02 HTML of ``isian`` to ``folder`` and return its path
    (None, with a message, when no scheme has been chosen yet)."""
    from humaskit.skkni import catalog

    try:
        elements = catalog.scheme_elements(isian.kode_skema)
    except KeyError:
        print("Formulir belum dapat dicetak: skema belum dipilih. Isi formulir terlebih dulu.")
        return None
    name = catalog.scheme_names(catalog.load_schemes()).get(isian.kode_skema, isian.kode_skema)
    page = apl02.to_html(isian.identitas, name, isian.jawaban, elements, isian.rencana)
    slug = "".join(c if c.isalnum() else "_" for c in isian.identitas.get("nama", "")).strip("_")
    path = Path(folder) / f"FR_APL_02_{slug or 'asesi'}.html"
    path.write_text(page, encoding="utf-8")
    print(f"Formulir FR.APL.02 tersimpan di {path.name}: buka, cetak, lalu tanda tangani.")
    return path
