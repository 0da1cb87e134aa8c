"""The log of PIN resets on the classroom server: when, which account, by whom; never the
PIN. The organiser's report lists them in its data notes (``humaskit server riwayat-pin``
copies the log into the cohort folder). Imports nothing Unix-only, so the report can be built
on any machine."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

FILE = "reset_pin.csv"
COLUMNS = ("waktu", "akun", "oleh")


def log(path: Path, account: str, by: str, when: datetime | None = None) -> None:
    new = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if new:
            writer.writerow(COLUMNS)
        writer.writerow([(when or datetime.now().astimezone()).isoformat(timespec="seconds"),
                         account, by])
    path.chmod(0o600)


def read(path: Path) -> list[dict[str, str]]:
    """The reset log: one row (waktu, akun, oleh) per reset, oldest first."""
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def notes(path: Path, names: dict[str, str] | None = None) -> list[str]:
    """One sentence per reset, for the data notes of the organiser's report (``names``:
    account -> participant name)."""
    names = names or {}
    found = []
    for row in read(path):
        when = datetime.fromisoformat(row["waktu"])
        who = names.get(row["akun"])
        found.append(
            f"PIN akun {row['akun']}" + (f" ({who})" if who else "")
            + f" diatur ulang oleh {row['oleh']} pada {when:%d-%m-%Y} pukul {when:%H.%M}; "
            "sejak itu PIN lama tidak berlaku.")
    return found
