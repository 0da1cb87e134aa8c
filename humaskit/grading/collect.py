"""Bring submissions into the cohort's nbgrader course, matched to roster ids.

Sources: nbgrader's exchange (``inbound/`` folders named ``id+assignment+time+…``), a
course's ``submitted/<id>/<assignment>/`` layout, or a folder or zip of notebooks named by
participant (loose ``.ipynb`` files or one folder per participant, companion files such as a
form's JSON answers kept). Names are matched tolerantly (case, spaces, accents, "(1)" and
"copy" suffixes). Unmatched, ambiguous, duplicate and late files are reported, never dropped
silently; the originals are only read.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from nbgrader.utils import parse_utc

from humaskit.grading.roster import Participant
from humaskit.grading.workspace import Workspace

WIB = timezone(timedelta(hours=7))
SKIP = {".ipynb_checkpoints", "__MACOSX", "__pycache__", ".DS_Store", "timestamp.txt"}

ISSUES = {
    "unmatched": "Nama berkas/folder tidak cocok dengan peserta mana pun di daftar peserta; "
                 "tidak dinilai.",
    "not_in_roster": "Id peserta '{detail}' tidak ada di daftar peserta; tidak dinilai.",
    "ambiguous": "Cocok dengan lebih dari satu peserta ({detail}); tidak dinilai.",
    "duplicate": "Kiriman ganda; yang dinilai adalah versi terbaru ({detail}). "
                 "Berkas ini tetap disimpan di tempat asalnya.",
    "late": "Terlambat {detail} dari batas waktu; tetap dinilai.",
    "unknown_assignment": "Latihan tidak dikenali dari nama berkas; jalankan ulang dengan "
                          "--assignment NAMA_LATIHAN.",
    "ignored": "Bukan notebook (.ipynb); diabaikan.",
}


def issue_message(code: str, detail: str = "") -> str:
    return ISSUES[code].format(detail=detail)


def norm(text: str) -> str:
    """Lower-case ASCII words joined by '_' without copy markers: 'Dédi Sápta (1)' -> 'dedi_sapta'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\(\d+\)|\bcopy of\b|\bcopy\b|\bsalinan\b|\bsalinan dari\b", " ", text)
    return "_".join(re.findall(r"[a-z0-9]+", text))


@dataclass
class Unit:
    """One candidate submission: files from one participant for one assignment."""

    origin: Path
    root: Path
    files: list[Path]
    identity: str
    timestamp: datetime
    assignment: str | None = None
    student: str | None = None
    late_minutes: int = 0
    issues: list[dict] = field(default_factory=list)


def extract(archive: Path, dest: Path) -> Path:
    """Unpack a zip into ``dest`` keeping the files' dates; refuses paths leaving ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            target = (dest / info.filename).resolve()
            if dest.resolve() not in target.parents or info.is_dir():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))
            stamp = datetime(*info.date_time, tzinfo=WIB).timestamp()
            os.utime(target, (stamp, stamp))
    return dest


def mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()
                  and not any(part in SKIP or part.startswith(".") for part in
                              p.relative_to(folder).parts))


def exchange_units(folder: Path) -> list[Unit]:
    """nbgrader exchange ``inbound/`` folders: ``student+assignment+timestamp+random``."""
    units = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p.name.count("+") >= 2):
        student, assignment, stamp = sub.name.split("+")[:3]
        stamp_file = sub / "timestamp.txt"
        when = parse_utc(stamp_file.read_text().strip() if stamp_file.exists() else stamp)
        units.append(Unit(sub, sub, files_under(sub), student, when.replace(tzinfo=timezone.utc),
                          assignment=assignment, student=student))
    return units


def submitted_units(folder: Path, assignments: list[str]) -> list[Unit]:
    """A course's ``submitted/<student>/<assignment>/`` folders."""
    units = []
    for sub in sorted(folder.glob("*/*")):
        if sub.is_dir() and sub.name in assignments:
            stamp_file = sub / "timestamp.txt"
            files = files_under(sub)
            when = (parse_utc(stamp_file.read_text().strip()).replace(tzinfo=timezone.utc)
                    if stamp_file.exists() else max(map(mtime, files), default=mtime(sub)))
            units.append(Unit(sub, sub, files, sub.parent.name, when, assignment=sub.name,
                              student=sub.parent.name))
    return units


def loose_units(folder: Path, assignments: dict[str, list[str]],
                roster: dict[str, Participant]) -> tuple[list[Unit], list]:
    """Loose notebooks or one folder per participant; non-notebook files are reported.
    A lone wrapping folder (as zips often have) is entered unless it names a participant."""
    while True:
        entries = [p for p in folder.iterdir() if p.name not in SKIP and not p.name.startswith(".")]
        if (len(entries) == 1 and entries[0].is_dir()
                and not match(entries[0].name, roster, assignments)):
            folder = entries[0]
        else:
            break
    units, issues = [], []
    for entry in sorted(entries):
        if entry.is_file() and entry.suffix.lower() == ".ipynb":
            units.append(Unit(entry, entry.parent, [entry], entry.stem, mtime(entry)))
        elif entry.is_dir():
            files = files_under(entry)
            books = [f for f in files if f.suffix.lower() == ".ipynb"]
            companions = [f for f in files if f.suffix.lower() != ".ipynb"]
            by_assignment: dict[str | None, list[Path]] = {}
            for book in books:
                by_assignment.setdefault(guess_assignment(book.stem, assignments), []).append(book)
            for guessed, group in by_assignment.items():
                units.append(Unit(entry, entry, group + companions, entry.name,
                                  max(map(mtime, group)), assignment=guessed))
            if not books:
                issues.append({"code": "ignored", "path": str(entry), "detail": ""})
        else:
            issues.append({"code": "ignored", "path": str(entry), "detail": ""})
    return units, issues


def guess_assignment(name: str, assignments: dict[str, list[str]]) -> str | None:
    """The assignment whose name or notebook name appears in ``name``, if exactly one does."""
    text = f"_{norm(name)}_"
    hits = {a for a, books in assignments.items()
            for token in [a, *books] if f"_{norm(token)}_" in text}
    return hits.pop() if len(hits) == 1 else None


def match(identity: str, roster: dict[str, Participant],
          assignments: dict[str, list[str]]) -> list[str]:
    """Roster ids a file or folder name points to (exact id or name first, then contained)."""
    text = norm(identity)
    for token in sorted({norm(t) for a, books in assignments.items() for t in [a, *books]},
                        key=len, reverse=True):
        text = f"_{text}_".replace(f"_{token}_", "_").strip("_")
    exact = [pid for pid, p in roster.items() if text in (norm(pid), norm(p.nama))]
    if exact:
        return exact
    return [pid for pid, p in roster.items()
            if f"_{norm(pid)}_" in f"_{text}_" or f"_{norm(p.nama)}_" in f"_{text}_"]


def digest(folder: Path) -> str:
    """Hash of a submission's files (names and bytes), ignoring nbgrader's timestamp.txt."""
    h = hashlib.sha256()
    for path in files_under(folder):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def place(unit: Unit, dest: Path, expected: list[str], archive: Path) -> None:
    """Copy a unit's files into ``submitted/<id>/<assignment>/``, the notebook under the
    name nbgrader expects; an earlier different copy is moved to ``archive``, not lost."""
    staging = dest.with_name(dest.name + ".baru")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    books = [f for f in unit.files if f.suffix.lower() == ".ipynb"]
    for path in unit.files:
        rel = path.relative_to(unit.root) if unit.root in path.parents else Path(path.name)
        if path in books and len(books) == 1 and len(expected) == 1:
            rel = Path(f"{expected[0]}.ipynb")
        elif path in books and norm(path.stem) in map(norm, expected):
            rel = Path(f"{expected[[norm(e) for e in expected].index(norm(path.stem))]}.ipynb")
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, staging / rel)
    (staging / "timestamp.txt").write_text(
        unit.timestamp.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
    if dest.exists():
        if digest(dest) == digest(staging):
            shutil.rmtree(dest)
        else:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
            archive.mkdir(parents=True, exist_ok=True)
            shutil.move(str(dest), archive / f"{dest.parent.name}__{dest.name}__{stamp}")
    staging.rename(dest)


def collect(ws: Workspace, sources: list[Path], roster: dict[str, Participant],
            assignments: dict[str, list[str]], assignment: str | None = None,
            deadline: datetime | None = None) -> dict:
    """Collect submissions from ``sources`` into ``ws``; returns the collection record (all
    submissions and issues so far) with ``found``: the issues of these sources.

    ``assignments`` maps each assignment to its notebook names (without ``.ipynb``).
    """
    units: list[Unit] = []
    issues: list[dict] = []
    scanned: list[Path] = []
    for source in map(Path, sources):
        if source.is_file() and zipfile.is_zipfile(source):
            stamp = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:8]
            folder = extract(source, ws.out / "masukan" / f"{source.stem}-{stamp}")
        else:
            folder = source
        scanned.append(folder.resolve())
        inbound = folder / "inbound" if (folder / "inbound").is_dir() else folder
        if any(p.name.count("+") >= 2 for p in inbound.iterdir() if p.is_dir()):
            found = exchange_units(inbound)
        elif any(p.is_dir() and p.name in assignments for p in folder.glob("*/*")):
            found = submitted_units(folder, list(assignments))
        else:
            found, more = loose_units(folder, assignments, roster)
            issues += more
        units += found
    for unit in units:
        if unit.assignment is None:
            unit.assignment = (assignment or guess_assignment(unit.identity, assignments)
                               or (next(iter(assignments)) if len(assignments) == 1 else None))
        if unit.assignment not in assignments:
            issues.append({"code": "unknown_assignment", "path": str(unit.origin), "detail": ""})
            continue
        if unit.student is not None:
            if unit.student not in roster:
                issues.append({"code": "not_in_roster", "path": str(unit.origin),
                               "detail": unit.student, "assignment": unit.assignment})
                unit.assignment = None
            continue
        ids = match(unit.identity, roster, assignments)
        if len(ids) == 1:
            unit.student = ids[0]
        else:
            issues.append({"code": "ambiguous" if ids else "unmatched", "path": str(unit.origin),
                           "detail": ", ".join(ids), "assignment": unit.assignment})
            unit.assignment = None
    chosen: dict[tuple[str, str], Unit] = {}
    for unit in sorted((u for u in units if u.student and u.assignment in assignments),
                       key=lambda u: u.timestamp, reverse=True):
        first = chosen.setdefault((unit.student, unit.assignment), unit)
        if first is not unit:
            issues.append({"code": "duplicate", "path": str(unit.origin),
                           "detail": str(first.origin), "student": unit.student,
                           "assignment": unit.assignment})
    record = ws.collection()
    kept = {(s["student"], s["assignment"]): s for s in record["submissions"]}
    for (student, name), unit in chosen.items():
        if deadline and unit.timestamp > deadline:
            unit.late_minutes = math.ceil((unit.timestamp - deadline).total_seconds() / 60)
            issues.append({"code": "late", "path": str(unit.origin),
                           "detail": f"{unit.late_minutes} menit", "student": student,
                           "assignment": name})
        dest = ws.course / "submitted" / student / name
        place(unit, dest, assignments[name], ws.out / "arsip")
        kept[(student, name)] = {
            "student": student, "assignment": name, "origin": str(unit.origin),
            "timestamp": unit.timestamp.isoformat(), "late_minutes": unit.late_minutes,
            "files": sorted(str(p.relative_to(dest)) for p in files_under(dest)),
            "hash": digest(dest)}
    earlier = [i for i in record["issues"]
               if not any(top == Path(i["path"]) or top in Path(i["path"]).parents
                          for top in scanned)]
    record = {"submissions": sorted(kept.values(), key=lambda s: (s["assignment"], s["student"])),
              "issues": earlier + issues}
    ws.write("pengumpulan.json", record)
    return dict(record, found=issues)


def parse_deadline(text: str) -> datetime:
    """An ISO date-time; without a time zone it is read as WIB (UTC+7)."""
    when = datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=WIB)
