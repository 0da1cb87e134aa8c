"""What each participant did in the room and when: the evidence the pre-filled attendance
(:func:`humaskit.training.attendance.prefill`) is built from.

Two kinds of event are kept in ``PREFIX/hub/aktivitas.csv`` (root only):

- ``masuk``: the participant signed in with their PIN (the hub's authenticator writes it);
- ``simpan``: a file of theirs was saved: a day notebook (``notebooks/*.ipynb``), an exercise
  notebook or its answers file (``<latihan>/*.ipynb``, ``<latihan>/jawaban_*.json``). The
  facilitator's page looks every :data:`POLL_SECONDS` and records each new save at the time
  the file last changed (its ctime, which no participant can set). It counts only when the
  content was written then, i.e. the modification time agrees with the ctime: a file copied
  in by set-up or by nbgrader's fetch keeps its old modification time, and a date set by hand
  (``touch -d``) changes only the ctime, so neither is a save. JupyterLab saves a notebook
  whose cells were run (autosave), and the exercises' forms save at every choice, so a save
  is work done at that moment.

Not evidence, and never used: a running server, an open browser tab, and the hub's
``last_activity``, which the proxy updates on any traffic, including the polling of a tab
left open. The page reads homes as root, so it lists only the named folders, never follows a
link, takes only regular files the participant's own account owns, and writes nothing there.
"""

from __future__ import annotations

import csv
import fcntl
import os
import stat
from datetime import datetime
from pathlib import Path

from humaskit.server import progress

FILE = "aktivitas.csv"
COLUMNS = ("waktu", "akun", "jenis", "berkas")
SIGN_IN, SAVE = "masuk", "simpan"
POLL_SECONDS = 30
#: How far apart a written file's modification and change times may be (seconds).
WRITTEN_WITHIN = 2
#: Entries looked at per folder (a folder of thousands of files is not the participant's work).
MAX_ENTRIES = 500
DAY_NOTEBOOKS = "notebooks"


def stamp(moment: float) -> str:
    return datetime.fromtimestamp(int(moment)).astimezone().isoformat(timespec="seconds")


def log(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Append events (waktu, akun, jenis, berkas); the hub and the page both write here."""
    if not rows:
        return
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(descriptor, "a", newline="", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        writer = csv.writer(handle, lineterminator="\n")
        if handle.tell() == 0:
            writer.writerow(COLUMNS)
        writer.writerows(rows)


def signed_in(path: Path, account: str, when: float) -> None:
    log(path, [(stamp(when), account, SIGN_IN, "")])


def read(path: Path) -> list[dict[str, str]]:
    """Every event, oldest first as written; no file means none yet."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError:
        return []


def _watched(name: str, day_notebooks: bool) -> bool:
    if not name.isprintable() or len(name) > 120:
        return False
    return name.endswith(".ipynb") or (not day_notebooks and name.startswith("jawaban_")
                                       and name.endswith(".json"))


def saves(home: Path, uid: int, folders: list[str]) -> dict[str, float]:
    """``folder/name`` -> when each watched file the account owns was last written (its
    ctime, where the modification time agrees)."""
    found = {}
    for folder in folders:
        fd = progress.open_folder(home, folder)
        if fd is None:
            continue
        try:
            with os.scandir(fd) as entries:
                for number, entry in enumerate(entries):
                    if number >= MAX_ENTRIES:
                        break
                    if not _watched(entry.name, folder == DAY_NOTEBOOKS):
                        continue
                    info = entry.stat(follow_symlinks=False)
                    if (stat.S_ISREG(info.st_mode) and info.st_uid == uid
                            and abs(info.st_mtime - info.st_ctime) <= WRITTEN_WITHIN):
                        found[f"{folder}/{entry.name}"] = info.st_ctime
        except OSError:
            pass
        finally:
            os.close(fd)
    return found


class Recorder:
    """Records each save once: the events already in the file are known at start."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.known = {(e["akun"], e["berkas"]): e["waktu"] for e in read(self.path)
                      if e.get("jenis") == SAVE}

    def poll(self, homes: dict[str, tuple[Path, int]], exercises: list[str]) -> int:
        """Look at every participant's (account -> home, uid) watched files; record the
        saves not yet recorded. Returns how many were."""
        new = []
        for account, (home, uid) in homes.items():
            for name, changed in sorted(saves(home, uid, [DAY_NOTEBOOKS, *exercises]).items()):
                when = stamp(changed)
                if self.known.get((account, name)) != when:
                    self.known[(account, name)] = when
                    new.append((when, account, SAVE, name))
        log(self.path, new)
        return len(new)
