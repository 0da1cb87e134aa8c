"""The curriculum in whole *jam pelajaran*: JP per session and per *mata pelatihan*.

A session's lesson minutes rarely divide by 45 (H2-pagi has 205 minutes, 4,56 JP), yet an
official document states whole JP that add up to the programme's total. The total is the
programme's lesson minutes in whole JP, rounded down (:func:`schedule.whole_jp`); it is
shared among the sessions by the largest-remainder rule (Hamilton): each session first gets
the whole part of its minutes / 45, and the JP left over go one each to the sessions with
the largest fractional parts (the earlier session first on a tie). So every session's JP
differs from its exact share by less than one, and the sessions always add up to the total.

A *mata pelatihan* is one day's module (``### Hari N — title`` in the facilitator guide);
its JP are the sum of its sessions' JP, its methods those of its lesson rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from humaskit.training import schedule

#: Kind of a schedule row (its "Jenis" column) -> the method as a curriculum names it.
METHODS = {"materi": "ceramah interaktif", "eksplorasi": "eksplorasi data di notebook",
           "diskusi": "diskusi", "kerja kelompok": "kerja kelompok", "praktik": "praktik",
           "latihan": "latihan terstruktur", "evaluasi": "tes tertulis"}


def allocate(sessions: list[schedule.Session]) -> dict[str, int]:
    """Whole JP per session id, adding up to the programme's total (largest remainder)."""
    total = schedule.whole_jp(sum(s.minutes for s in sessions))
    shares = {s.id: s.minutes / schedule.JP_MINUTES for s in sessions}
    jp = {sid: int(share) for sid, share in shares.items()}
    order = sorted(shares, key=lambda sid: -(shares[sid] - jp[sid]))  # stable: earlier first
    for sid in order[: total - sum(jp.values())]:
        jp[sid] += 1
    return jp


@dataclass(frozen=True)
class Module:
    """One *mata pelatihan*: a day's module, its sessions, whole JP and methods."""

    day: int
    title: str
    sessions: tuple[str, ...]
    jp: int
    methods: tuple[str, ...]


def titles(guide: str | None = None) -> dict[int, str]:
    """Day -> the title of its module, from the guide's ``### Hari N — title`` headings."""
    text = guide if guide is not None else schedule.GUIDE.read_text(encoding="utf-8")
    return {int(day): title.strip() for day, title in
            re.findall(r"^### Hari (\d+) — (.+)$", text, re.MULTILINE)}


def objectives(guide: str | None = None) -> dict[int, str]:
    """Day -> its learning objectives as the guide states them (``**Tujuan.** Peserta dapat
    …``), on one line, without Markdown emphasis."""
    text = guide if guide is not None else schedule.GUIDE.read_text(encoding="utf-8")
    found = {}
    for day in schedule.days(text):
        section = text.split(f"### Hari {day} ", 1)[1].split("\n### ", 1)[0]
        said = re.search(r"^\*\*Tujuan\.\*\* (.+?)(?:\n\n|\Z)", section, re.MULTILINE | re.DOTALL)
        if said:
            found[day] = re.sub(r"\*", "", " ".join(said.group(1).split()))
    return found


def modules(sessions: list[schedule.Session], guide: str | None = None) -> list[Module]:
    """The mata pelatihan in day order, with whole JP that add up to the programme total."""
    jp, named = allocate(sessions), titles(guide)
    found = []
    for day in sorted({s.day for s in sessions}):
        mine = [s for s in sessions if s.day == day]
        kinds = [k.strip() for s in mine for r in s.rows if r.counted for k in r.kind.split("+")]
        methods = tuple(dict.fromkeys(METHODS.get(k, k) for k in kinds))
        found.append(Module(day, named.get(day, f"Hari {day}"), tuple(s.id for s in mine),
                            sum(jp[s.id] for s in mine), methods))
    return found
