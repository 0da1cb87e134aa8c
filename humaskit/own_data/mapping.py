"""Which of the participant's columns is which of the kit's fields, and which to drop.

:func:`propose` guesses from the headers (and, for personal data, from the values); the
participant confirms or corrects the guess; :func:`save` and :func:`load` keep it as a small
JSON file for the next survey round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from humaskit.datasets.validation import DatasetError, Problem
from humaskit.own_data import fields
from humaskit.own_data.reading import RawTable


@dataclass
class Mapping:
    """``kind`` (``"skm"`` or ``"monitoring"``); ``columns``: field key -> the sheet's header;
    ``personal``: headers holding personal data, never shown nor written anywhere."""

    kind: str
    columns: dict[str, str] = field(default_factory=dict)
    personal: list[str] = field(default_factory=list)

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
        problems = [Problem(None, None, f"belum ada kolom untuk '{f.label}'.")
                    for f in self.missing()]
        used: dict[str, str] = {}
        for key, header in self.columns.items():
            if not header:
                continue
            label = next(f.label for f in self.fields if f.key == key)
            if header not in raw.frame.columns:
                problems.append(Problem(None, header, "kolom ini tidak ada di berkas."))
            elif header in self.personal:
                problems.append(Problem(None, raw.where(header),
                                        f"ditandai data pribadi, jadi tidak dapat dipakai "
                                        f"sebagai '{label}'."))
            elif header in used:
                problems.append(Problem(None, raw.where(header),
                                        f"dipakai dua kali: '{used[header]}' dan '{label}'."))
            used[header] = label
        if problems:
            raise DatasetError(f"{raw.source} (pemetaan kolom)", problems)

    def to_json(self) -> str:
        return json.dumps({"jenis": self.kind, "kolom": self.columns,
                           "data_pribadi": self.personal}, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str, source: str = "pemetaan") -> Mapping:
        try:
            data = json.loads(text)
            kind, columns = data["jenis"], dict(data["kolom"])
            personal = [str(h) for h in data.get("data_pribadi", [])]
        except (ValueError, KeyError, TypeError):
            raise DatasetError(source, [Problem(None, None, "berkas pemetaan rusak atau bukan "
                                                "buatan humaskit.")]) from None
        if kind not in fields.KINDS:
            raise DatasetError(source, [Problem(None, None, f"jenis data '{kind}' tidak dikenal.")])
        return cls(kind, {str(k): str(v) for k, v in columns.items() if v}, personal)


def propose(raw: RawTable, kind: str) -> Mapping:
    """The best guess: personal-data columns marked, then each field given the unused column
    whose header names it most surely (codes such as ``U3`` first, then longest phrases)."""
    personal = [h for h in raw.frame.columns
                if fields.personal_by_header(h) or fields.personal_by_values(raw.frame[h])]
    candidates = sorted(
        ((fields.header_score(f, h), -i, f.key, h)
         for f in fields.KINDS[kind] for i, h in enumerate(raw.frame.columns)
         if h not in personal),
        reverse=True)
    columns: dict[str, str] = {}
    for score, _, key, header in candidates:
        if score and key not in columns and header not in columns.values():
            columns[key] = header
    order = [f.key for f in fields.KINDS[kind]]
    return Mapping(kind, {k: columns[k] for k in order if k in columns}, personal)


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
