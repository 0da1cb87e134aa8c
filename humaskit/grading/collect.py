"""Bring submissions into the cohort's nbgrader course, matched to roster ids.

Sources: nbgrader's exchange (``inbound/`` folders named ``id+assignment+time+…``), a
course's ``submitted/<id>/<assignment>/`` layout, or a folder or zip of notebooks named by
participant (loose ``.ipynb`` files or one folder per participant, companion files such as a
form's JSON answers kept). Names are matched tolerantly (case, spaces, accents, "(1)" and
"copy" suffixes). Unmatched, ambiguous, duplicate and late files are reported, never dropped
silently; the originals are only read.

Everything below a source folder is the participants' and untrusted: a link is never followed
(it is reported), files are opened with ``O_NOFOLLOW`` below a folder descriptor, sizes are
capped, and zip archives are unpacked within caps on entries and sizes. A form's answers
carried inside a notebook are taken only under the exercise's own answers file name
(``jawaban_<latihan>.json``). On a classroom server, an exchange folder counts only when the
participant's own account owns it (:mod:`humaskit.grading.exchange`). One participant's bad
files are reported for that participant alone; the others are collected.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from nbgrader.utils import parse_utc

from humaskit.exercises import answers
from humaskit.grading import exchange
from humaskit.grading.roster import Participant
from humaskit.grading.workspace import Workspace
from humaskit.safe_text import visible

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
    "link": "Berupa tautan (symlink) ke {detail}; tautan tidak diikuti dan tidak dinilai.",
    "too_large": "Berkas terlalu besar ({detail}); tidak diambil.",
    "zip_escape": "Isi zip '{detail}' menunjuk ke luar folder arsip; dibuang.",
    "zip_too_large": "Arsip zip melampaui batas ({detail}); sisa isinya tidak dibuka.",
    "zip_unreadable": "Arsip zip rusak atau tidak dapat dibaca: {detail}.",
    "form_answers_from_notebook": "Jawaban formulir tidak ikut terkirim sebagai berkas; "
                                  "diambil dari salinannya di dalam notebook ({detail}).",
    "form_answers_missing": "Jawaban formulir tidak ikut terkirim: notebook menampilkan "
                            "formulir yang sudah dijalankan, tetapi berkas jawabannya tidak "
                            "ada dan notebook tidak menyimpan salinannya. Minta peserta "
                            "mengirim ulang folder latihannya (notebook dan berkas {detail}).",
    "form_answers_bad_name": "Notebook membawa jawaban formulir dengan nama berkas yang tidak "
                             "dapat dipakai ({detail}); salinan itu tidak diambil. Nama yang "
                             "diterima hanya jawaban_<latihan>.json, tanpa folder bernama "
                             "sama.",
    "form_answers_disagree": "Jawaban formulir di dalam notebook berbeda dengan berkas "
                             "jawabannya; {detail}. Periksa kiriman ini bila nilainya "
                             "meragukan.",
    "not_owner": "Folder kiriman {detail}, bukan oleh akun peserta itu sendiri; ditolak "
                 "dan tidak dinilai. Kiriman asli peserta itu (bila ada) tetap dinilai.",
    "not_a_submission": "Di folder pertukaran, tetapi bukan folder kiriman nbgrader "
                        "(<id>+<latihan>+<waktu>); diabaikan.",
    "unplaceable": "Kiriman tidak dapat disimpan ({detail}); tidak dinilai. Minta peserta "
                   "mengirim ulang dengan nama berkas biasa.",
}

#: Caps on what one source may bring in.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_ENTRY_BYTES = 50 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 500 * 1024 * 1024


def issue_message(code: str, detail: str = "") -> str:
    return ISSUES[code].format(detail=visible(detail))


def norm(text: str) -> str:
    """Lower-case ASCII words joined by '_' without copy markers: 'Dédi Sápta (1)' -> 'dedi_sapta'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\(\d+\)|\bcopy of\b|\bcopy\b|\bsalinan\b|\bsalinan dari\b", " ", text)
    return "_".join(re.findall(r"[a-z0-9]+", text))


@dataclass
class Unit:
    """One candidate submission: files from one participant for one assignment."""

    origin: Path
    #: Relative name -> bytes, read without following links.
    files: dict[str, bytes]
    identity: str
    timestamp: datetime
    assignment: str | None = None
    student: str | None = None
    late_minutes: int = 0
    issues: list[dict] = field(default_factory=list)


def extract(archive: Path, dest: Path, issues: list[dict]) -> Path:
    """Unpack a zip into ``dest`` keeping the files' dates, within the caps; entries that
    would leave ``dest``, links and what passes a cap are reported in ``issues``."""
    dest.mkdir(parents=True, exist_ok=True)
    total = 0
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            if len(members) > MAX_ZIP_ENTRIES:
                issues.append({"code": "zip_too_large", "path": str(archive),
                               "detail": f"lebih dari {MAX_ZIP_ENTRIES} isi"})
                members = members[:MAX_ZIP_ENTRIES]
            for info in members:
                try:
                    total += unpack(zf, info, dest, archive, issues, MAX_ZIP_TOTAL_BYTES - total)
                except (OSError, ValueError) as exc:  # a name this file system refuses
                    issues.append({"code": "unplaceable", "path": f"{archive}:{info.filename}",
                                   "detail": f"{type(exc).__name__}: {str(exc)[:120]}"})
                if total > MAX_ZIP_TOTAL_BYTES:
                    issues.append({"code": "zip_too_large", "path": str(archive),
                                   "detail": f"lebih dari {MAX_ZIP_TOTAL_BYTES // 2**20} MB "
                                             "setelah dibuka"})
                    break
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        issues.append({"code": "zip_unreadable", "path": str(archive), "detail": str(exc)})
    return dest


def unpack(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, archive: Path,
           issues: list[dict], room: int) -> int:
    """Write one entry below ``dest`` (reported instead when it would leave ``dest``, is a
    link or passes the size cap; not written when larger than ``room``); returns its size."""
    target = (dest / info.filename).resolve()
    if dest.resolve() not in target.parents:
        issues.append({"code": "zip_escape", "path": str(archive), "detail": info.filename})
        return 0
    if info.is_dir():
        return 0
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        issues.append({"code": "link", "path": f"{archive}:{info.filename}",
                       "detail": "isi arsip"})
        return 0
    data = read_capped(zf, info, MAX_ZIP_ENTRY_BYTES)
    if data is None:
        issues.append({"code": "too_large", "path": f"{archive}:{info.filename}",
                       "detail": f"lebih dari {MAX_ZIP_ENTRY_BYTES // 2**20} MB"})
        return 0
    if len(data) > room:
        return len(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    stamp = datetime(*info.date_time, tzinfo=WIB).timestamp()
    os.utime(target, (stamp, stamp))
    return len(data)


def read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | None:
    """An entry's bytes, counted as they are inflated (headers may lie); None past ``cap``."""
    chunks, size = [], 0
    with zf.open(info) as entry:
        while chunk := entry.read(1 << 20):
            size += len(chunk)
            if size > cap:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.lstat().st_mtime, tz=timezone.utc)


def read_file(dir_fd: int, name: str, cap: int = MAX_FILE_BYTES) -> bytes | None:
    """A regular file's bytes, opened below ``dir_fd`` without following a link; None if it
    is not a regular file or exceeds the size ``cap``."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > cap:
            return None
        data = handle.read(cap + 1)
        return None if len(data) > cap else data


def read_tree(folder: Path, issues: list[dict]) -> dict[str, bytes]:
    """Every regular file below ``folder`` (relative name -> bytes) without following links;
    links and oversized files are reported in ``issues``."""
    files: dict[str, bytes] = {}
    for top, dirs, names, top_fd in os.fwalk(folder, follow_symlinks=False):
        rel_top = Path(top).relative_to(folder)
        dirs[:] = [d for d in dirs if d not in SKIP and not d.startswith(".")
                   and not reported_link(Path(top) / d, issues, top_fd)]
        for name in sorted(names):
            if name in SKIP or name.startswith("."):
                continue
            if reported_link(Path(top) / name, issues, top_fd):
                continue
            data = read_file(top_fd, name)
            if data is None:
                issues.append({"code": "too_large", "path": str(Path(top) / name),
                               "detail": f"lebih dari {MAX_FILE_BYTES // 2**20} MB"})
                continue
            files[str(rel_top / name)] = data
    return files


def reported_link(path: Path, issues: list[dict], dir_fd: int | None = None) -> bool:
    """Report ``path`` if it is a link (a participant's folder or file must not be one);
    with ``dir_fd``, its name is looked up below that folder descriptor."""
    where = path.name if dir_fd is not None else path
    try:
        if not stat.S_ISLNK(os.lstat(where, dir_fd=dir_fd).st_mode):
            return False
        target = os.readlink(where, dir_fd=dir_fd)
    except OSError:
        return False
    issues.append({"code": "link", "path": str(path), "detail": target})
    return True


def newest(path: Path) -> datetime:
    """The newest modification time of the files below ``path`` (links not followed), or of
    ``path`` itself when it holds none."""
    times = []
    if path.is_dir() and not path.is_symlink():
        for top, dirs, names, _fd in os.fwalk(path, follow_symlinks=False):
            dirs[:] = [d for d in dirs if d not in SKIP and not d.startswith(".")]
            times += [os.lstat(Path(top) / n).st_mtime for n in names
                      if n not in SKIP and not n.startswith(".")]
    return datetime.fromtimestamp(max(times or [path.lstat().st_mtime]), tz=timezone.utc)


def exchange_units(folder: Path, issues: list[dict]) -> list[Unit]:
    """nbgrader exchange ``inbound/`` folders: ``student+assignment+timestamp+random``; on a
    server, a folder that the named participant's account does not own is refused, and
    anything else in ``inbound/`` (a plain file, a folder named otherwise) is reported."""
    units = []
    for sub in sorted(folder.iterdir()):
        if sub.name in SKIP or sub.name.startswith(".") or reported_link(sub, issues):
            continue
        if exchange.parts(sub.name) is None or not sub.is_dir():
            issues.append({"code": "not_a_submission", "path": str(sub), "detail": ""})
            continue
        student, assignment, stamp = exchange.parts(sub.name)
        problem = exchange.owner_problem(sub.lstat(), student)
        if problem:
            issues.append({"code": "not_owner", "path": str(sub), "detail": problem,
                           "student": student, "assignment": assignment})
            continue
        files = read_tree(sub, issues)
        stamp_text = files.pop("timestamp.txt", b"").decode(errors="replace").strip()
        try:
            when = parse_utc(stamp_text or stamp).replace(tzinfo=timezone.utc)
        except (ValueError, OverflowError):
            when = newest(sub)
        units.append(Unit(sub, files, student, when, assignment=assignment, student=student))
    return units


def submitted_units(folder: Path, assignments: list[str], issues: list[dict]) -> list[Unit]:
    """A course's ``submitted/<student>/<assignment>/`` folders."""
    units = []
    for person in sorted(folder.iterdir()):
        if reported_link(person, issues) or not person.is_dir():
            continue
        for sub in sorted(person.iterdir()):
            if sub.name not in assignments or reported_link(sub, issues) or not sub.is_dir():
                continue
            files = read_tree(sub, issues)
            stamp_text = files.pop("timestamp.txt", b"").decode(errors="replace").strip()
            try:
                when = parse_utc(stamp_text).replace(tzinfo=timezone.utc)
            except (ValueError, OverflowError):
                when = newest(sub)
            units.append(Unit(sub, files, person.name, when, assignment=sub.name,
                              student=person.name))
    return units


def loose_units(folder: Path, assignments: dict[str, list[str]],
                roster: dict[str, Participant], issues: list[dict]) -> list[Unit]:
    """Loose notebooks or one folder per participant; non-notebook files are reported.
    A lone wrapping folder (as zips often have) is entered unless it names a participant."""
    while True:
        entries = [p for p in folder.iterdir() if p.name not in SKIP and not p.name.startswith(".")]
        if (len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink()
                and not match(entries[0].name, roster, assignments)):
            folder = entries[0]
        else:
            break
    units = []
    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for entry in sorted(entries):
            if reported_link(entry, issues):
                continue
            if entry.is_file() and entry.suffix.lower() == ".ipynb":
                data = read_file(folder_fd, entry.name)
                if data is None:
                    issues.append({"code": "too_large", "path": str(entry),
                                   "detail": f"lebih dari {MAX_FILE_BYTES // 2**20} MB"})
                    continue
                units.append(Unit(entry, {entry.name: data}, entry.stem, mtime(entry)))
            elif entry.is_dir():
                files = read_tree(entry, issues)
                books = [f for f in files if f.lower().endswith(".ipynb")]
                companions = {f: b for f, b in files.items() if not f.lower().endswith(".ipynb")}
                by_assignment: dict[str | None, list[str]] = {}
                for book in books:
                    by_assignment.setdefault(guess_assignment(Path(book).stem, assignments),
                                             []).append(book)
                for guessed, group in by_assignment.items():
                    units.append(Unit(entry, {**{b: files[b] for b in group}, **companions},
                                      entry.name, newest(entry), assignment=guessed))
                if not books:
                    issues.append({"code": "ignored", "path": str(entry), "detail": ""})
            else:
                issues.append({"code": "ignored", "path": str(entry), "detail": ""})
    finally:
        os.close(folder_fd)
    return units


def guess_assignment(name: str, assignments: dict[str, list[str]]) -> str | None:
    """The assignment whose name or notebook name appears in ``name``, if exactly one does.
    Longer names are looked for first and take their words with them, so that
    ``pemetaan_isu_analis`` is not also read as ``pemetaan_isu``."""
    text = f"_{norm(name)}_"
    tokens = sorted(((norm(token), a) for a, books in assignments.items()
                     for token in [a, *books]), key=lambda t: len(t[0]), reverse=True)
    hits = set()
    for token, assignment in tokens:
        if token and f"_{token}_" in text:
            hits.add(assignment)
            text = text.replace(f"_{token}_", "_")
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


def files_under(folder: Path) -> list[Path]:
    """Files of a folder the kit itself wrote (a placed submission), without timestamp.txt."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
                  and not any(part in SKIP or part.startswith(".") for part in
                              p.relative_to(folder).parts))


def digest(folder: Path) -> str:
    """Hash of a submission's files (names and bytes), ignoring nbgrader's timestamp.txt."""
    h = hashlib.sha256()
    for path in files_under(folder):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def place(unit: Unit, dest: Path, expected: list[str], archive: Path) -> None:
    """Write a unit's files into ``submitted/<id>/<assignment>/``, the notebook under the
    name nbgrader expects; an earlier different copy is moved to ``archive``, not lost."""
    staging = dest.with_name(dest.name + ".baru")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    books = [f for f in unit.files if f.lower().endswith(".ipynb")]
    when = unit.timestamp.timestamp()
    for name, data in unit.files.items():
        rel = Path(name)
        stem = norm(rel.stem)
        if name in books and len(books) == 1 and len(expected) == 1:
            rel = Path(f"{expected[0]}.ipynb")
        elif name in books and stem in map(norm, expected):
            rel = Path(f"{expected[[norm(e) for e in expected].index(stem)]}.ipynb")
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        (staging / rel).write_bytes(data)
        os.utime(staging / rel, (when, when))
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
            folder = extract(source, ws.out / "masukan" / f"{source.stem}-{stamp}", issues)
        else:
            folder = source
        scanned.append(folder.resolve())
        inbound = folder / "inbound" if (folder / "inbound").is_dir() else folder
        if any(p.name.count("+") >= 2 for p in inbound.iterdir()):
            found = exchange_units(inbound, issues)
        elif any(p.is_dir() and not p.is_symlink() and p.name in assignments
                 for p in folder.glob("*/*")):
            found = submitted_units(folder, list(assignments), issues)
        else:
            found = loose_units(folder, assignments, roster, issues)
        units += found
    for unit in units:
        if unit.assignment is None:
            unit.assignment = (assignment or guess_assignment(unit.identity, assignments)
                               or (next(iter(assignments)) if len(assignments) == 1 else None))
        if unit.assignment not in assignments:
            issues.append({"code": "unknown_assignment", "path": str(unit.origin), "detail": ""})
            continue
        if unit.student is not None:
            unit.student = roster_id(unit.student, roster)
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
        issues += recover_form_answers(unit, student, name)
        if deadline and unit.timestamp > deadline:
            unit.late_minutes = math.ceil((unit.timestamp - deadline).total_seconds() / 60)
            issues.append({"code": "late", "path": str(unit.origin),
                           "detail": f"{unit.late_minutes} menit", "student": student,
                           "assignment": name})
        dest = ws.course / "submitted" / student / name
        try:
            place(unit, dest, assignments[name], ws.out / "arsip")
        except (OSError, ValueError) as exc:  # a name no file system takes: theirs alone
            shutil.rmtree(dest.with_name(dest.name + ".baru"), ignore_errors=True)
            issues.append({"code": "unplaceable", "path": str(unit.origin),
                           "detail": f"{type(exc).__name__}: {str(exc)[:120]}",
                           "student": student, "assignment": name})
            continue
        kept[(student, name)] = {
            "student": student, "assignment": name, "origin": str(unit.origin),
            "timestamp": unit.timestamp.isoformat(), "late_minutes": unit.late_minutes,
            "files": sorted(str(p.relative_to(dest)) for p in files_under(dest)),
            # as sent: nbgrader's feedback exchange finds a page by the notebook's own name
            "sent": sorted(n for n in unit.files if n.endswith(".ipynb") and "/" not in n),
            "hash": digest(dest)}
    earlier = [i for i in record["issues"]
               if not any(top == Path(i["path"]) or top in Path(i["path"]).parents
                          for top in scanned)]
    record = {"submissions": sorted(kept.values(), key=lambda s: (s["assignment"], s["student"])),
              "issues": earlier + issues}
    ws.write("pengumpulan.json", record)
    return dict(record, found=issues)


def roster_id(name: str, roster: dict[str, Participant]) -> str:
    """The roster id an exchange name gives: as written, or the id whose server account it
    is (accounts are the ids in lower case)."""
    if name in roster:
        return name
    return next((pid for pid in roster if pid.lower() == name), name)


class SourceError(ValueError):
    """A source named on the command line does not exist (message in Indonesian)."""


class DeadlineError(ValueError):
    """A ``--deadline`` that is not a date-time (message in Indonesian)."""


def answers_file(assignment: str) -> str:
    """The only name under which a notebook's carried answers are taken."""
    return f"jawaban_{assignment}.json"


def recover_form_answers(unit: Unit, student: str, assignment: str) -> list[dict]:
    """Put a form's answers beside the notebook from the copy the notebook carries, when the
    answers file did not come with it; say so, or say that the answers are missing (not when
    they were written in the notebook's code answer cell instead of the form). A copy
    under another name than :func:`answers_file` is refused, and a copy that disagrees with
    the answers file sent beside it is reported (the later save wins; see :func:`newer`)."""
    found = []
    where = {"path": str(unit.origin), "student": student, "assignment": assignment}
    expected = answers_file(assignment)
    for name in [n for n in unit.files if n.lower().endswith(".ipynb")]:
        try:
            nb = json.loads(unit.files[name])
            carried, form_shown = answers.harvest(nb), answers.shows_a_form(nb)
        except (ValueError, UnicodeDecodeError, TypeError, AttributeError, RecursionError):
            continue
        folder = Path(name).parent
        for filename in sorted(set(carried) - {expected}):
            found.append(dict(where, code="form_answers_bad_name", detail=filename[:80]))
        if expected in carried:
            target = str(folder / expected)
            saved, text = carried[expected]
            if any(n.startswith(target + "/") for n in unit.files):
                found.append(dict(where, code="form_answers_bad_name",
                                  detail=f"{expected} juga nama folder di kiriman"))
            elif target not in unit.files:
                unit.files[target] = text.encode()
                found.append(dict(where, code="form_answers_from_notebook", detail=expected))
            else:
                said = disagreement(unit.files[target], saved, text)
                if said:
                    winner, detail = said
                    unit.files[target] = winner
                    found.append(dict(where, code="form_answers_disagree", detail=detail))
        has_answers_file = any(n.lower().endswith(".json") for n in unit.files)
        if (expected not in carried and not has_answers_file and form_shown
                and not answers.answered_in_code(nb)):
            found.append(dict(where, code="form_answers_missing", detail=expected))
    return found


def disagreement(sent: bytes, carried_at: str, carried: str) -> tuple[bytes, str] | None:
    """When the answers file sent and the copy a notebook carries hold different answers:
    the bytes to keep and what to tell the trainer. The later save wins (the file is written
    on every save, the notebook's copy only when the notebook was saved too, so the file is
    normally the later one); when the times cannot be compared, the file wins."""
    try:
        kept = json.loads(sent)
        sent_at = str(kept.get("disimpan_pada", ""))
        same = kept.get("jawaban") == json.loads(carried).get("jawaban")
    except (ValueError, UnicodeDecodeError, AttributeError, RecursionError):
        sent_at, same = "", False
    if same:
        return None
    if newer(carried_at, sent_at):
        return carried.encode(), (f"yang dinilai salinan di dalam notebook (disimpan "
                                  f"{carried_at[:19]}), bukan berkas (disimpan {sent_at[:19]})")
    sent_at = sent_at[:19] or "waktu tidak terbaca"
    return sent, (f"yang dinilai berkas jawaban (disimpan {sent_at}), bukan salinan di dalam "
                  f"notebook (disimpan {carried_at[:19]})")


def newer(first: str, second: str) -> bool:
    """Whether save time ``first`` is later than ``second`` (False if either is unreadable)."""
    try:
        a, b = datetime.fromisoformat(first), datetime.fromisoformat(second)
        return (a.replace(tzinfo=a.tzinfo or timezone.utc)
                > b.replace(tzinfo=b.tzinfo or timezone.utc))
    except (ValueError, TypeError):
        return False


def parse_deadline(text: str) -> datetime:
    """An ISO date-time; without a time zone it is read as WIB (UTC+7)."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise DeadlineError(f"Batas waktu '{visible(text)}' tidak dapat dibaca. Tulis tanggal dan "
                            "jam seperti 2026-11-20T17:00 (WIB) atau 2026-11-20T17:00+08:00."
                            ) from None
    return when if when.tzinfo else when.replace(tzinfo=WIB)
