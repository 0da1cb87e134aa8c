"""The schedule actually run, read from the facilitator guide, and its *jam pelajaran*.

The guide (``notebooks/PANDUAN_FASILITATOR.md``) has one table per day under ``### Hari N``:
``| 08.30–08.50 | what | minutes | kind |``. Attendance is taken per session: the morning
(before *Ishoma*) and the afternoon of each day. A session's JP-bearing minutes are those of
its rows that are lessons: breaks (kind ``—``), preparation (``persiapan``) and optional
practice (``opsional`` in the text) do not count. One JP is 45 minutes (ASN training);
participants' JP are counted in whole JP, rounded down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from humaskit import ROOT

GUIDE = ROOT / "notebooks" / "PANDUAN_FASILITATOR.md"
JP_MINUTES = 45
ROW = re.compile(r"^\| (\d\d)\.(\d\d)–(\d\d)\.(\d\d) \| (.+?) \| (\d+) \| (.+?) \|$",
                 re.MULTILINE)
NOT_COUNTED = ("—", "persiapan")
MEAL = "Ishoma"
PARTS = ("pagi", "siang")


@dataclass(frozen=True)
class Row:
    day: int
    start: int
    end: int
    what: str
    minutes: int
    kind: str

    @property
    def counted(self) -> bool:
        return self.kind not in NOT_COUNTED and "opsional" not in self.what

    @property
    def clock(self) -> str:
        return f"{self.start // 60:02d}.{self.start % 60:02d}–{self.end // 60:02d}.{self.end % 60:02d}"


@dataclass(frozen=True)
class Session:
    """One attendance session: ``id`` such as ``H1-pagi``, its rows and counted minutes."""

    day: int
    part: str
    rows: tuple[Row, ...]

    @property
    def id(self) -> str:
        return f"H{self.day}-{self.part}"

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rows if r.counted)

    @property
    def clock(self) -> str:
        """From the first to the last counted row (optional practice left out)."""
        counted = [r for r in self.rows if r.counted]
        return f"{counted[0].clock[:5]}–{counted[-1].clock[6:]}"


def rows(day: int, guide: str | None = None) -> list[Row]:
    """The schedule rows of one day, in order."""
    text = guide if guide is not None else GUIDE.read_text(encoding="utf-8")
    section = text.split(f"### Hari {day} ", 1)[1].split("\n### ", 1)[0]
    return [Row(day, int(a) * 60 + int(b), int(c) * 60 + int(d), what, int(minutes), kind)
            for a, b, c, d, what, minutes, kind in ROW.findall(section)]


def days(guide: str | None = None) -> list[int]:
    text = guide if guide is not None else GUIDE.read_text(encoding="utf-8")
    return sorted({int(d) for d in re.findall(r"^### Hari (\d+) ", text, re.MULTILINE)})


def sessions(guide: str | None = None) -> list[Session]:
    """Every attendance session with counted minutes, day by day, morning first."""
    text = guide if guide is not None else GUIDE.read_text(encoding="utf-8")
    found = []
    for day in days(text):
        parts: dict[str, list[Row]] = {part: [] for part in PARTS}
        part = PARTS[0]
        for row in rows(day, text):
            if row.what.startswith(MEAL):
                part = PARTS[1]
                continue
            parts[part].append(row)
        found += [Session(day, p, tuple(r)) for p, r in parts.items()
                  if r and Session(day, p, tuple(r)).minutes]
    return found


def whole_jp(minutes: float) -> int:
    """Minutes as whole JP (45 minutes each), rounded down."""
    return int(minutes // JP_MINUTES)
