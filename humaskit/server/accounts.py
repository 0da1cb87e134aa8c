"""The room's Unix accounts: one per participant on the roster, plus the facilitator and the
trainer. Each home is private (mode 700), so no participant can read another's files.

A participant's home gets the day notebooks and the datasets; the trainer's home gets the
nbgrader course (``kursus/``) with the instructor material (``source/``, and ``keys/`` where
the kit has answer keys), which exists nowhere else a participant could read. Existing files
are never overwritten, so re-running set-up keeps everyone's work.

Each account's password is set here too (``chpasswd``, reading from a pipe, so no secret
is ever on a command line): the participant's PIN, or the admin's long password.

nbgrader's trainer tools (formgrader, course list, "Create Assignment") are switched off for
the whole environment and on again for the trainer only, as nbgrader's documentation
advises for a shared server: participants see the Assignments tab and nothing they cannot use.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import subprocess
from pathlib import Path

from humaskit.grading import roster
from humaskit.server.layout import COURSE_ID, Layout, Settings

ACCOUNT = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")


class AccountError(ValueError):
    """A roster id cannot become a Unix account; the message is in Indonesian."""


#: Where Debian keeps the account tools, which a root shell without ``/usr/sbin`` on its
#: ``PATH`` (``su`` without ``-``, some ``sudo`` set-ups) would not find.
ADMIN_PATH = os.pathsep.join(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])


def admin(command: list[str], what: str, stdin: str | None = None) -> None:
    """Run a system account tool (``useradd``, ``chpasswd``), found even where ``/usr/sbin``
    is not on ``PATH``; a failure raises AccountError saying ``what`` could not be done."""
    tool = shutil.which(command[0], path=os.environ.get("PATH", "") + os.pathsep + ADMIN_PATH)
    if tool is None:
        raise AccountError(f"{what}: perintah sistem '{command[0]}' tidak ditemukan "
                           "(paket passwd Debian).")
    done = subprocess.run([tool, *command[1:]], input=stdin, text=True, capture_output=True,
                          check=False)
    if done.returncode != 0:
        raise AccountError(f"{what} ({command[0]}): {done.stderr.strip()[:300]}")


def from_roster(path: Path) -> dict[str, str]:
    """Unix account -> participant name, from a cohort roster (ids lower-cased)."""
    people = roster.load(path)
    accounts, bad = {}, []
    for pid, who in people.items():
        name = pid.lower()
        if not ACCOUNT.match(name):
            bad.append(pid)
        accounts[name] = who.nama
    if bad:
        raise AccountError(
            "Id peserta berikut tidak dapat menjadi nama akun di server (huruf kecil, angka, "
            "garis bawah atau tanda hubung, diawali huruf, paling panjang 32): "
            + ", ".join(bad) + ".")
    return accounts


def exists(account: str) -> bool:
    try:
        pwd.getpwnam(account)
    except KeyError:
        return False
    return True


def ensure(account: str, homes: Path) -> Path:
    """Create the account (no login shell) with a private home, if it is not there yet."""
    home = homes / account
    if not exists(account):
        homes.mkdir(parents=True, exist_ok=True)
        admin(["useradd", "--create-home", "--home-dir", str(home), "--shell",
               "/usr/sbin/nologin", "--user-group", account],
              f"Akun {account} tidak dapat dibuat")
    entry = pwd.getpwnam(account)
    home = Path(entry.pw_dir)
    home.mkdir(parents=True, exist_ok=True)
    os.chown(home, entry.pw_uid, entry.pw_gid)
    home.chmod(0o700)
    return home


def _give(source: Path, target: Path, account: str) -> None:
    """Copy ``source`` to ``target`` owned by ``account``, keeping what is already there."""
    entry = pwd.getpwnam(account)
    if source.is_dir():
        target.mkdir(exist_ok=True)
        os.chown(target, entry.pw_uid, entry.pw_gid)
        for child in source.iterdir():
            if child.name not in ("__pycache__", ".ipynb_checkpoints"):
                _give(child, target / child.name, account)
    elif not target.exists():
        shutil.copy2(source, target)
        os.chown(target, entry.pw_uid, entry.pw_gid)
        target.chmod(0o644)


def provision_participant(layout: Layout, settings: Settings, account: str) -> Path:
    home = ensure(account, Path(settings.homes))
    for part in ("notebooks", "datasets"):
        _give(layout.kit / part, home / part, account)
    return home


NBGRADER_TRAINER = """# The trainer's nbgrader (written by `humaskit server setup`): nbgrader's commands use the
# course {course}; formgrader opens the cohort that `humaskit grade all` (run as root, in
# the kit's sandbox) wrote in {cohort}, for hand grading. Formgrader's Autograde and
# Collect are refused.
from humaskit.grading.formgrader import trainer_config

c = get_config()  # noqa: F821
c.merge(trainer_config(r"{course}", r"{cohort}", {command!r}))
c.Exchange.root = r"{exchange}"
c.CourseDirectory.course_id = "{course_id}"
"""
#: The cohort folder in the trainer's home: `grade all --out` on the server.
COHORT = "hasil_penilaian"


def trainer_nbgrader(layout: Layout, home: Path) -> str:
    """The trainer's nbgrader settings: their course, and the cohort formgrader opens."""
    cohort = home / COHORT
    return NBGRADER_TRAINER.format(course=home / "kursus", cohort=cohort,
                                   exchange=layout.exchange, course_id=COURSE_ID,
                                   command=grade_all_command(layout, cohort))


def grade_all_command(layout: Layout, cohort: Path) -> str:
    """The trainer's grading command on the server, as root (it sandboxes participant code)."""
    return (f"sudo {layout.env}/bin/humaskit grade all {layout.exchange}/{COURSE_ID}/inbound "
            f"--roster DAFTAR_PESERTA.csv --course {layout.instructor}/exercises "
            f"--assignment LATIHAN --out {cohort}")


TRAINER_ONLY_SERVER = ("nbgrader.server_extensions.formgrader",
                       "nbgrader.server_extensions.course_list")
TRAINER_ONLY_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                    "@jupyter/nbgrader:create-assignment")


def _trainer_tools(config: Path, on: bool) -> dict[Path, str]:
    """Jupyter configuration files under ``config`` turning the trainer's tools on or off."""
    server = {"ServerApp": {"jpserver_extensions": dict.fromkeys(TRAINER_ONLY_SERVER, on)}}
    lab = {"disabledExtensions": dict.fromkeys(TRAINER_ONLY_LAB, not on)}
    return {config / "jupyter_server_config.json": json.dumps(server, indent=1),
            config / "labconfig" / "page_config.json": json.dumps(lab, indent=1)}


def _write(files: dict[Path, str], account: str | None = None) -> None:
    """Write configuration files: the environment's (``account`` None) are the kit's own and
    refreshed; those in an account's home are written only where absent, keeping its edits."""
    for path, text in files.items():
        if account is not None and path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if account is None:
            path.chmod(0o644)
        else:
            entry = pwd.getpwnam(account)
            for made in (path, path.parent):
                os.chown(made, entry.pw_uid, entry.pw_gid)


def provision_trainer(layout: Layout, settings: Settings) -> Path:
    home = ensure(settings.trainer, Path(settings.homes))
    entry = pwd.getpwnam(settings.trainer)
    course = home / "kursus"
    course.mkdir(exist_ok=True)
    os.chown(course, entry.pw_uid, entry.pw_gid)
    for part in ("source", "keys"):
        material = layout.instructor / "exercises" / part
        if material.is_dir():
            _give(material, course / part, settings.trainer)
    cohort = home / COHORT  # `grade all` writes here as root and hands it to the trainer
    for folder in (cohort, cohort / "kursus"):
        folder.mkdir(exist_ok=True)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        folder.chmod(0o700)
    folder = home / ".jupyter"
    folder.mkdir(exist_ok=True)
    os.chown(folder, entry.pw_uid, entry.pw_gid)
    nbgrader = trainer_nbgrader(layout, home)
    _write({folder / "nbgrader_config.py": nbgrader, **_trainer_tools(folder, on=True)},
           settings.trainer)
    return home


NBGRADER_EVERYONE = """# Every account's nbgrader exchange (written by `humaskit server setup`).
c = get_config()  # noqa: F821
c.Exchange.root = r"{exchange}"
c.CourseDirectory.course_id = "{course_id}"
"""


def provision(layout: Layout, settings: Settings) -> None:
    """Every account of the room, and the exchange."""
    shared_configuration(layout)
    ensure(settings.facilitator, Path(settings.homes))
    provision_trainer(layout, settings)
    for account in settings.participants:
        provision_participant(layout, settings, account)
    set_passwords({**settings.pins, **settings.admin_passwords})


def shared_configuration(layout: Layout) -> None:
    """The exchange, and the environment's nbgrader settings every account reads."""
    layout.exchange.mkdir(parents=True, exist_ok=True)
    layout.exchange.chmod(0o1777)  # nbgrader: anyone may create a course folder, sticky
    shared = layout.env / "etc" / "jupyter"
    shared.mkdir(parents=True, exist_ok=True)
    (shared / "nbgrader_config.py").write_text(NBGRADER_EVERYONE.format(
        exchange=layout.exchange, course_id=COURSE_ID), encoding="utf-8")
    (shared / "nbgrader_config.py").chmod(0o644)
    _write(_trainer_tools(shared, on=False))


def set_passwords(secrets: dict[str, str]) -> None:
    """Set the Unix password of each account (the hub checks them through PAM)."""
    lines = "".join(f"{account}:{secret}\n" for account, secret in secrets.items())
    admin(["chpasswd"], "Kata sandi akun tidak dapat dipasang", stdin=lines)
