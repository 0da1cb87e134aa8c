"""Which of the participant's columns is which of the kit's fields, which to hide, and what
each answer label is worth.

:func:`propose` guesses from the headers and the values; the participant confirms or
corrects the guess (and confirms any answer scale whose order is not certain); :func:`save`
and :func:`load` keep it as a small JSON file for the next survey round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from humaskit.datasets.validation import DatasetError
from humaskit.own_data import fields, values
from humaskit.own_data.reading import RawTable
from humaskit.own_data.reading import SheetProblem as Problem


@dataclass
class Mapping:
    """``kind`` (``"skm"`` or ``"monitoring"``); ``columns``: field key -> the sheet's header;
    ``personal``: headers holding personal data, never shown nor written anywhere;
    ``scales``: answer label -> value 1–4 per header, as the participant confirmed them."""

    kind: str
    columns: dict[str, str] = field(default_factory=dict)
    personal: list[str] = field(default_factory=list)
    scales: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[fields.Field, ...]:
        return fields.KINDS[self.kind]

    def missing(self) -> list[fields.Field]:
        """Required fields that no column is mapped to yet."""
        return [f for f in self.fields if f.required and not self.columns.get(f.key)]

    def check(self, raw: RawTable) -> None:
        """Raise DatasetError (Indonesian) if the mapping cannot be used on ``raw``."""
        if not any(self.columns.values()):
            shown = ", ".join(f"«{h}»" for h in raw.frame.columns if h not in self.personal)
            raise DatasetError(f"{raw.source} (pemetaan kolom)", [Problem(
                None, None, f"tidak satu kolom pun dikenali sebagai data "
                f"{fields.KIND_LABELS[self.kind]}. Kolom di berkas: {shown or '(tidak ada)'}. "
                "Pilih kolomnya sendiri di langkah 2, atau periksa apakah berkasnya benar.")])
        problems = [Problem(None, None, f"belum ada kolom untuk «{f.label}».{self._why(f, raw)}")
                    for f in self.missing()]
        used: dict[str, str] = {}
        for key, header in self.columns.items():
            if not header:
                continue
            label = next(f.label for f in self.fields if f.key == key)
            if header not in raw.frame.columns:
                problems.append(Problem(None, f"«{header}»", "kolom ini tidak ada di berkas."))
            elif header in self.personal:
                problems.append(Problem(None, raw.where(header),
                                        f"ditandai data pribadi, jadi tidak dapat dipakai "
                                        f"sebagai «{label}»."))
            elif header in used:
                problems.append(Problem(None, raw.where(header),
                                        f"dipakai dua kali: «{used[header]}» dan «{label}»."))
            used[header] = label
        if problems:
            raise DatasetError(f"{raw.source} (pemetaan kolom)", problems)

    def _why(self, wanted: fields.Field, raw: RawTable) -> str:
        """Why a column named like ``wanted`` was passed by: its values are not answers."""
        for header in raw.frame.columns:
            if (wanted.kind == "answer" and fields.header_score(wanted, header)
                    and header not in self.columns.values() and header not in self.personal):
                return (f" Kolom {raw.where(header)} bernama seperti unsur ini, tetapi isinya "
                        "kebanyakan bukan jawaban 1–4; pilih kolom itu sendiri di langkah 2 "
                        "bila memang itu kolomnya.")
        return ""

    def to_json(self) -> str:
        return json.dumps({"jenis": self.kind, "kolom": self.columns,
                           "data_pribadi": self.personal, "skala": self.scales},
                          ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str, source: str = "pemetaan") -> Mapping:
        try:
            data = json.loads(text)
            kind, columns = data["jenis"], dict(data["kolom"])
            personal = [str(h) for h in data.get("data_pribadi", [])]
            scales = {str(h): {str(k): int(v) for k, v in table.items() if int(v) in range(1, 5)}
                      for h, table in dict(data.get("skala", {})).items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            raise DatasetError(source, [Problem(None, None, "berkas pemetaan rusak atau bukan "
                                                "buatan humaskit.")]) from None
        if kind not in fields.KINDS:
            raise DatasetError(source, [Problem(None, None, f"jenis data «{kind}» tidak dikenal.")])
        return cls(kind, {str(k): str(v) for k, v in columns.items() if v}, personal, scales)


def propose(raw: RawTable, kind: str) -> Mapping:
    """The best guess: personal-data columns marked (by header, or by values that look like
    phone numbers, NIK, e-mail or street addresses, or people's names), then each field given
    the unused column whose header names it most surely (codes such as ``U3`` first, then
    longest phrases). An answer field only gets a column whose values are on the answer scale,
    so a free-text "Saran dan Masukan" is never taken for an element."""
    kinds = fields.KINDS[kind]
    named = {h for h in raw.frame.columns
             if any(fields.header_score(f, h) for f in fields.SKM + fields.MONITORING)
             or fields.names_no_person(h)}
    personal = [h for h in raw.frame.columns
                if fields.personal_by_header(h)
                or fields.personal_by_values(raw.frame[h], named_by_header=h in named)]
    candidates = sorted(
        ((fields.header_score(f, h), -i, f.key, h)
         for f in kinds for i, h in enumerate(raw.frame.columns) if h not in personal),
        reverse=True)
    answers = {f.key for f in kinds if f.kind == "answer"}
    columns: dict[str, str] = {}
    for score, _, key, header in candidates:
        if not score or key in columns or header in columns.values():
            continue
        if key in answers and not answer_column(raw.frame[header]):
            continue
        columns[key] = header
    order = [f.key for f in kinds]
    return Mapping(kind, {k: columns[k] for k in order if k in columns}, personal)


def answer_column(cells) -> bool:
    """Whether most of a column's filled cells are answers on the 1–4 scale (a few typing
    mistakes are the checks' business, not a reason to pass the column by)."""
    filled = [c for c in cells.dropna().head(500) if str(c).strip()]
    return bool(filled) and sum(values.on_scale(c) for c in filled) >= 0.6 * len(filled)


def scales(raw: RawTable, chosen: Mapping) -> dict[str, values.Scale]:
    """The proposed scale of every mapped answer column that holds labels or letters."""
    answer_keys = [f.key for f in chosen.fields if f.kind == "answer"]
    headers = [chosen.columns[k] for k in answer_keys if chosen.columns.get(k)
               and chosen.columns[k] in raw.frame.columns]
    return values.propose_scales({h: raw.frame[h] for h in headers}, raw.legend)


def save(mapping: Mapping, path: str | Path) -> Path:
    """Write the mapping as JSON (UTF-8) for the next round."""
    path = Path(path)
    path.write_text(mapping.to_json() + "\n", encoding="utf-8")
    return path


def load(path: str | Path) -> Mapping:
    """A mapping saved by :func:`save`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise DatasetError(path.name, [Problem(None, None, "berkas pemetaan tidak dapat "
                                               "dibaca.")]) from None
    return Mapping.from_json(text, path.name)
