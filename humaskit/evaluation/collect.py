"""Bring the participants' evaluation answers into the cohort, anonymous in fact.

Two sources, read as data with grading's collection checks (:mod:`humaskit.grading.collect`:
a link is never followed, files are opened with ``O_NOFOLLOW`` below a folder descriptor,
sizes are capped, zips are unpacked within caps):

- the classroom server: each participant's ``~/notebooks/evaluasi_penyelenggaraan.json``,
  read by root from the account's home; a file the account does not own is refused;
- on laptops, a folder or zip of the collected files (every ``*.json`` below it).

Each answers file becomes one anonymous record (:func:`humaskit.evaluation.record`: the
complete forms' ratings and comments, no save time and no other key) stored in the cohort's
``penyelenggaraan/evaluasi/`` under a random name, all written in shuffled order with one
modification time, so that neither a record, its name, nor the order tells whose it is.
A collection replaces the previous one from the same kind of source (``kelas`` or
``kumpulan``), which is moved to ``penyelenggaraan/arsip_evaluasi/``, never deleted. A bad
file is reported by its path on the facilitator's terminal and left out; it never stops the
others.
"""

from __future__ import annotations

import json
import os
import pwd
import random
import secrets
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from humaskit import evaluation
from humaskit.grading import collect
from humaskit.safe_text import visible
from humaskit.server.layout import Layout

ROOM, FILES = "kelas", "kumpulan"
ARCHIVE = "arsip_evaluasi"
#: Where the day notebooks (and so their evaluation form's answers) are in a home.
NOTEBOOKS = "notebooks"
PROBLEMS = {
    "too_large": f"terlalu besar (lebih dari {evaluation.MAX_FILE_BYTES // 1024} KB) atau "
                 "bukan berkas biasa; tidak diambil.",
    "damaged": "berkas rusak atau bukan JSON.",
    "empty": "tidak memuat formulir evaluasi.",
    "no_account": "akun tidak ada di server ini; dilewati.",
    "not_a_folder": "bukan folder biasa (mungkin tautan); dilewati.",
    "not_owner": "berkas ini bukan milik akun peserta itu sendiri; tidak diambil.",
    "not_json": "bukan berkas jawaban evaluasi (.json); diabaikan.",
}


@dataclass
class Found:
    """What a collection found: anonymous records and, per bad file, where and why."""

    records: list[dict] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    #: Participant accounts (server) with no saved evaluation yet.
    missing: int = 0

    def add(self, where: str, data: bytes | None) -> None:
        if data is None:
            self.problems.append((where, PROBLEMS["too_large"]))
            return
        try:
            kept, left_out = evaluation.record(json.loads(data.decode("utf-8")))
        except (ValueError, UnicodeDecodeError, RecursionError):
            kept, left_out = {}, [PROBLEMS["damaged"]]
        self.problems += [(where, message) for message in left_out]
        if kept:
            self.records.append(kept)
        elif not left_out:
            self.problems.append((where, PROBLEMS["empty"]))


def from_room(layout: Layout) -> Found:
    """Every participant's saved evaluation on the classroom server (root only)."""
    if os.geteuid() != 0:
        raise PermissionError("Evaluasi dari server kelas hanya dapat dikumpulkan sebagai root "
                              "(sudo), karena folder setiap peserta tertutup bagi akun lain.")
    if not layout.settings_file.exists():
        raise FileNotFoundError(f"Server kelas belum disiapkan di {layout.prefix} "
                                f"({layout.settings_file.name} tidak ada). Sebutkan tempatnya "
                                "dengan --prefix.")
    found = Found()
    for account in layout.read().participants:
        try:
            entry = pwd.getpwnam(account)
        except KeyError:
            found.problems.append((account, PROBLEMS["no_account"]))
            continue
        _from_home(entry, found)
    return found


def _from_home(entry: pwd.struct_passwd, found: Found) -> None:
    folder = Path(entry.pw_dir) / NOTEBOOKS
    where = str(folder / evaluation.ANSWER_FILE)
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    try:
        home_fd = os.open(entry.pw_dir, flags)
    except OSError:
        found.problems.append((entry.pw_dir, PROBLEMS["not_a_folder"]))
        return
    issues: list[dict] = []
    try:
        if collect.reported_link(folder, issues, home_fd):
            found.problems.append((str(folder), _issue(issues[0])))
            return
        try:
            folder_fd = os.open(NOTEBOOKS, flags, dir_fd=home_fd)
        except FileNotFoundError:
            found.missing += 1
            return
        except OSError:
            found.problems.append((str(folder), PROBLEMS["not_a_folder"]))
            return
        try:
            _from_folder(folder_fd, entry.pw_uid, where, found)
        finally:
            os.close(folder_fd)
    finally:
        os.close(home_fd)


def _from_folder(folder_fd: int, uid: int, where: str, found: Found) -> None:
    try:
        info = os.lstat(evaluation.ANSWER_FILE, dir_fd=folder_fd)
    except FileNotFoundError:
        found.missing += 1
        return
    issues: list[dict] = []
    if collect.reported_link(Path(where), issues, folder_fd):
        found.problems.append((where, _issue(issues[0])))
    elif info.st_uid != uid:
        found.problems.append((where, PROBLEMS["not_owner"]))
    else:
        found.add(where, collect.read_file(folder_fd, evaluation.ANSWER_FILE,
                                           evaluation.MAX_FILE_BYTES))


def from_sources(sources: list[Path]) -> Found:
    """Every answers file (``*.json``) in folders or zips of collected files."""
    found = Found()
    for source in map(Path, sources):
        _from_source(source, found)
    return found


def _from_source(source: Path, found: Found) -> None:
    if source.is_file() and zipfile.is_zipfile(source):
        with tempfile.TemporaryDirectory(prefix="humaskit-evaluasi-") as unpacked:
            issues: list[dict] = []
            collect.extract(source, Path(unpacked) / "isi", issues)
            found.problems += [(i["path"], _issue(i)) for i in issues]
            _walk(Path(unpacked) / "isi", found, shown=f"{source}:")
        return
    if not source.is_dir() or source.is_symlink():
        raise FileNotFoundError(f"{visible(source)} bukan folder atau berkas zip.")
    _walk(source, found, shown=f"{source}/")


def _walk(folder: Path, found: Found, shown: str) -> None:
    """Read every ``*.json`` below ``folder`` without following a link; ``shown`` names the
    source in messages (files unpacked from a zip are named inside the zip)."""
    if not folder.is_dir():
        return
    for top, dirs, names, top_fd in os.fwalk(folder, follow_symlinks=False):
        issues: list[dict] = []
        dirs[:] = [d for d in dirs if d not in collect.SKIP and not d.startswith(".")
                   and not collect.reported_link(Path(top) / d, issues, top_fd)]
        for name in sorted(names):
            where = shown + str((Path(top) / name).relative_to(folder))
            if (name in collect.SKIP or name.startswith(".")
                    or collect.reported_link(Path(top) / name, issues, top_fd)):
                continue
            if not name.lower().endswith(".json"):
                found.problems.append((where, PROBLEMS["not_json"]))
                continue
            found.add(where, collect.read_file(top_fd, name, evaluation.MAX_FILE_BYTES))
        found.problems += [(shown + str(Path(i["path"]).relative_to(folder)), _issue(i))
                           for i in issues]


def _issue(issue: dict) -> str:
    return collect.issue_message(issue["code"], issue.get("detail", ""))


def store(records: list[dict], folder: Path, kind: str) -> tuple[list[Path], Path | None]:
    """Write ``records`` into ``folder`` (the cohort's ``penyelenggaraan/evaluasi/``) in a
    shuffled order under random names, replacing the previous collection of this ``kind``;
    returns the files written and where the previous ones were moved (None if none)."""
    folder.mkdir(parents=True, exist_ok=True)
    earlier = sorted(folder.glob(f"{kind}-*.json"))
    moved = None
    if earlier:
        moved = folder.parent / ARCHIVE / f"{kind}-{datetime.now():%Y%m%dT%H%M%S%f}"
        moved.mkdir(parents=True)
        for path in earlier:
            shutil.move(str(path), moved / path.name)
    shuffled = list(records)
    random.SystemRandom().shuffle(shuffled)
    stamp = time.time()
    written = []
    for data in shuffled:
        path = folder / f"{kind}-{secrets.token_hex(8)}.json"
        with open(path, "x", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        written.append(path)
    for path in written:
        os.utime(path, (stamp, stamp))
    return written, moved
