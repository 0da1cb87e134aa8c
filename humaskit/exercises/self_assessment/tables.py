"""A participant's decisions as tables, each beside the rule's verdict, in Indonesian.

A notebook cell that ends with one of these shows an HTML table in JupyterLab and in
formgrader (where the asesor grades beside it), and a plain-text table of the same rows:
the feedback page shows a cell's text output only, so a form user reads their own choices
there instead of the form widget's internals.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd

from humaskit.documents import Table
from humaskit.exercises.self_assessment.checks import EVIDENCE_RULE
from humaskit.skkni import apl02, catalog, evidence, plan
from humaskit.skkni.form import IDENTITY_FIELDS, Isian

NOT_ANSWERED = "(belum dijawab)"
PLAN_RULE = ("Aturan: setiap elemen BK punya rencana dengan kegiatan, sumber belajar, target "
             "dan indikator keberhasilan; target berupa tanggal (TTTT-BB-HH) sesudah tanggal "
             "asesmen.")


class Tabel:
    """A titled :class:`humaskit.documents.Table` shown as HTML and as plain text wrapped to
    ``widths`` per column (numbers written the Indonesian way in both)."""

    def __init__(self, title: str, frame: pd.DataFrame, widths: dict[str, int], note: str = "",
                 decimals: dict[str, int] | None = None):
        self.table = Table(title, frame, decimals or {})
        self.frame, self.widths, self.note = frame, widths, note

    def _repr_html_(self) -> str:
        note = f"<p><small>{html.escape(self.note)}</small></p>" if self.note else ""
        return self.table.html() + note

    def __repr__(self) -> str:
        columns = [str(c) for c in self.frame.columns]
        width = [self.widths.get(c, 12) for c in columns]

        def line(cells: list[str]) -> list[str]:
            wrapped = [textwrap.wrap(text, size) or [""] for text, size in zip(cells, width)]
            return [" | ".join((cell[i] if i < len(cell) else "").ljust(size)
                               for cell, size in zip(wrapped, width)).rstrip()
                    for i in range(max((len(cell) for cell in wrapped), default=0))]

        rule = "-+-".join("-" * size for size in width)
        lines = [self.table.caption, *line(columns), rule]
        for row in self.table.cells():
            lines += [*line(row), rule]
        if self.note:
            lines += textwrap.wrap(self.note, sum(width) + 3 * (len(width) - 1))
        return "\n".join(lines)


def _number(value: object) -> int | str:
    return int(value) if pd.notna(value) else "?"


def _elements(isian: Isian, answers: pd.DataFrame) -> pd.DataFrame:
    try:
        return catalog.scheme_elements(isian.kode_skema)[["kode_unit", "no_elemen"]]
    except KeyError:
        return answers[["kode_unit", "no_elemen"]].drop_duplicates()


def _answers(isian: Isian) -> pd.DataFrame:
    if not len(isian.jawaban):
        return apl02.normalise(pd.DataFrame(columns=apl02.ANSWER_COLUMNS))
    return apl02.normalise(isian.jawaban)


def identitas(isian: Isian) -> Tabel:
    """The identity and scheme as filled in."""
    rows = [{"Isian": label[0].upper() + label[1:],
             "Jawaban Anda": isian.identitas.get(key, "")}
            for key, label in IDENTITY_FIELDS.items()]
    rows.append({"Isian": "Skema", "Jawaban Anda": isian.kode_skema or NOT_ANSWERED})
    return Tabel("Identitas dan skema Anda", pd.DataFrame(rows),
                 {"Isian": 16, "Jawaban Anda": 70})


def jawaban(isian: Isian) -> Tabel:
    """Every element of the scheme: the claim and evidence given, and the rule's verdict."""
    answers = _answers(isian)
    verdicts = evidence.review(answers, isian.identitas.get("tanggal_asesmen"))
    verdict = {(r.kode_unit, r.no_elemen): r.putusan for r in verdicts.itertuples()}
    given = {(r.kode_unit, r.no_elemen): r for r in answers.itertuples()}
    rows = []
    for e in _elements(isian, answers).itertuples():
        key = (e.kode_unit, e.no_elemen)
        answer = given.get(key)
        claim = answer.klaim if answer is not None else ""
        if claim == "K":
            decided = verdict[key]
        elif claim == "BK":
            decided = "BK: tidak perlu bukti; rencana pengembangannya ada di Langkah 4."
        elif claim:
            decided = f"✘ Jawaban '{claim}' tidak sah; isi K atau BK."
        else:
            decided = "✘ Belum dijawab K atau BK."
        rows.append({"Unit": e.kode_unit, "Elemen": _number(e.no_elemen),
                     "Klaim Anda": claim or NOT_ANSWERED,
                     "Bukti Anda": evidence.excerpt(answer.bukti) if answer is not None else "",
                     "Putusan aturan": decided})
    columns = ["Unit", "Elemen", "Klaim Anda", "Bukti Anda", "Putusan aturan"]
    return Tabel("Jawaban Anda dan putusan aturan bukti", pd.DataFrame(rows, columns=columns),
                 {"Unit": 15, "Elemen": 6, "Klaim Anda": 8, "Bukti Anda": 32,
                  "Putusan aturan": 36},
                 f"Aturan: {EVIDENCE_RULE} ✔ memenuhi aturan; ⚑ tanda untuk asesor (poin tidak "
                 "berkurang); ✘ belum memenuhi aturan (perbaiki). Kecukupan bukti dinilai "
                 "asesor.")


def rencana(isian: Isian) -> Tabel:
    """Every element claimed BK: the plan item given, and what the plan rules say of it."""
    answers = _answers(isian)
    items = isian.rencana.copy()
    items["no_elemen"] = pd.to_numeric(items["no_elemen"], errors="coerce")
    items["kode_unit"] = items["kode_unit"].astype(str).str.strip()
    assessed = isian.identitas.get("tanggal_asesmen")
    rows = []
    for row in answers[answers["klaim"] == "BK"].itertuples():
        mine = items[(items["kode_unit"] == row.kode_unit)
                     & (items["no_elemen"] == row.no_elemen)].head(1)
        problems = plan.missing_items(mine, answers[answers.index == row.Index])
        dated = mine[mine["target"].map(lambda v: bool(str(v or "").strip()))]
        problems += plan.date_problems(dated, assessed)
        if len(dated) and plan.parse_date(assessed) is None:
            problems.append("tanggal asesmen belum diisi")
        item = mine.iloc[0] if len(mine) else pd.Series(dtype=object)
        rows.append({"Unit": row.kode_unit, "Elemen": _number(row.no_elemen),
                     "Kegiatan": item.get("kegiatan", ""),
                     "Sumber belajar": item.get("sumber_belajar", ""),
                     "Target": item.get("target", ""),
                     "Indikator": item.get("indikator", ""),
                     "Putusan aturan": ("✘ " + " ".join(problems)) if problems else
                     "✔ Lengkap; target sesudah tanggal asesmen."})
    frame = pd.DataFrame(rows, columns=["Unit", "Elemen", "Kegiatan", "Sumber belajar",
                                        "Target", "Indikator", "Putusan aturan"])
    return Tabel("Rencana pengembangan Anda dan putusan aturan", frame,
                 {"Unit": 15, "Elemen": 6, "Kegiatan": 20, "Sumber belajar": 16,
                  "Target": 10, "Indikator": 16, "Putusan aturan": 24},
                 PLAN_RULE if len(frame) else "Tidak ada elemen BK, jadi tidak perlu rencana.")


def ringkasan(summary: pd.DataFrame) -> Tabel | pd.DataFrame:
    """The per-unit summary as participants read it (percent with a decimal comma); anything
    that is not a summary table is shown as it is, for the checks below to explain."""
    if not isinstance(summary, pd.DataFrame) or not set(apl02.SUMMARY_COLUMNS) <= set(summary):
        return summary
    frame = pd.DataFrame({
        "Unit": summary["kode_unit"], "Judul unit": summary["judul_unit"],
        "Elemen": summary["jumlah_elemen"], "K": summary["jumlah_K"],
        "BK": summary["jumlah_BK"], "% K": summary["persen_K"],
        "Klaim unit": summary["klaim_unit"]})
    return Tabel("Ringkasan klaim per unit", frame,
                 {"Unit": 15, "Judul unit": 28, "Elemen": 6, "K": 3, "BK": 3, "% K": 6,
                  "Klaim unit": 6}, "Unit diklaim K hanya bila semua elemennya K.",
                 decimals={"% K": 1})
