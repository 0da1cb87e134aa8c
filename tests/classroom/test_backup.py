"""`humaskit server backup` writes the whole room into one archive, and `restore` brings it
back on another machine: here into a fresh prefix and homes folder (the shared room stays as
it is), from the archive with every uid and gid rewritten, as on a machine where the
accounts got other numbers. Files, modes and owners (by account name) come back as they were."""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import sqlite3
import stat
import subprocess
import tarfile
import time
from pathlib import Path

import pytest
from hub import ADMINS, PARTICIPANTS, refused, run_as

from humaskit.server import backup
from humaskit.server.client import Session
from humaskit.server.layout import Layout

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

#: What restore writes anew for the new place: the hub's config names the prefix, the
#: settings the homes, the trainer's nbgrader config both; live databases are compared by
#: their content, and a running hub's pid files are not kept.
REWRITTEN = {"hub/jupyterhub_config.py", "hub/kelas.json", "hub/jupyterhub.pid", "hub/proxy.pid",
             "rumah/pelatih/.jupyter/nbgrader_config.py"}


def _uid_scrambled(archive: Path, target: Path) -> None:
    """A copy of ``archive`` whose members all carry nobody's uid and gid, names kept."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            data = source.extractfile(member) if member.isreg() else None
            member.uid = member.gid = 65534
            copy.addfile(member, data)


@pytest.fixture(scope="module")
def restored(room):
    assert room["setup"].returncode == 0, room["setup"].stdout + room["setup"].stderr
    base = room["base_dir"]
    sent = room["prefix"] / "exchange" / "cadangan_uji" / "uji_ani+pemetaan_isu"
    made = run_as("uji_ani", "/bin/mkdir", "-p", "-m", "700", str(sent))
    assert made.returncode == 0, made.stderr
    made = run_as("uji_ani", "/bin/cp", str(Layout.home("uji_ani") / "notebooks" /
                                           "00_mulai_di_sini.ipynb"), str(sent))
    assert made.returncode == 0, made.stderr
    trainer = Layout.home("pelatih")
    book = run_as("pelatih", str(room["prefix"] / "env" / "bin" / "nbgrader"), "db", "student",
                  "list", cwd=trainer / "kursus")
    assert book.returncode == 0, book.stdout + book.stderr
    cohort = base / "hasil_cadangan"
    cohort.mkdir()
    (cohort / "nilai.csv").write_text("id,nilai\nuji_ani,90\n", encoding="utf-8")
    (cohort / "nilai.csv").chmod(0o640)
    shutil.chown(cohort / "nilai.csv", "pelatih", "pelatih")
    with sqlite3.connect(cohort / "gradebook.db") as db:
        db.execute("create table nilai (id text, skor real)")
        db.execute("insert into nilai values ('uji_ani', 9.5)")
    db.close()
    archive, moved = base / "kelas.tar.gz", base / "kelas_mesin_lain.tar.gz"
    fresh = base / "pulih"
    command = [room["kit"], "server", "backup", str(archive), "--prefix", str(room["prefix"]),
               "--kohort", str(cohort)]
    started = time.time()
    made = subprocess.run(command, capture_output=True, text=True, check=False)
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    _uid_scrambled(archive, moved)
    back = [room["kit"], "server", "restore", str(moved), "--prefix", str(fresh / "opt"),
            "--homes", str(fresh / "home"), "--kohort-ke", str(fresh / "kohort")]
    done = subprocess.run(back, capture_output=True, text=True, check=False)
    twice = subprocess.run(back, capture_output=True, text=True, check=False)
    try:
        yield {"made": made, "again": again, "done": done, "twice": twice, "fresh": fresh,
               "archive": archive, "started": started, "cohort": cohort}
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
        for path in (archive, moved):
            path.unlink(missing_ok=True)


def _tree(top: Path, arcname: str) -> dict[str, tuple]:
    """Archive name -> (mode, owner, group, mtime, content or link target) below ``top``."""
    found = {}
    for folder, dirs, files in os.walk(top):
        for name in dirs + files:
            path = Path(folder) / name
            info = path.lstat()
            content = (os.readlink(path) if stat.S_ISLNK(info.st_mode) else
                       path.read_bytes() if stat.S_ISREG(info.st_mode) else None)
            found[f"{arcname}/{path.relative_to(top)}"] = (
                stat.filemode(info.st_mode), pwd.getpwuid(info.st_uid).pw_name,
                grp.getgrgid(info.st_gid).gr_name, info.st_mtime, content)
    return found


def _top(folder: Path) -> tuple[str, str, str]:
    info = folder.lstat()
    return (stat.filemode(info.st_mode), pwd.getpwuid(info.st_uid).pw_name,
            grp.getgrgid(info.st_gid).gr_name)


def _pairs(room, restored) -> list[tuple[Path, Path, str]]:
    fresh = restored["fresh"]
    return [(room["prefix"] / "hub", fresh / "opt" / "hub", "hub"),
            (room["prefix"] / "exchange", fresh / "opt" / "exchange", "exchange"),
            (restored["cohort"], fresh / "kohort" / restored["cohort"].name, "kohort"),
            *[(Layout.home(a), fresh / "home" / a, f"rumah/{a}")
              for a in (*ADMINS, *PARTICIPANTS)]]


def test_the_backup_is_one_archive_for_root_alone_and_never_overwritten(restored):
    made = restored["made"]
    assert made.returncode == 0, made.stdout + made.stderr
    info = restored["archive"].stat()
    assert (info.st_uid, stat.S_IMODE(info.st_mode)) == (0, 0o600)
    assert restored["again"].returncode == 1
    assert "sudah ada dan tidak ditimpa" in restored["again"].stdout
    with tarfile.open(restored["archive"]) as tar:
        names = set(tar.getnames())
    assert {"cadangan.json", "hub/kelas.json", "hub/jupyterhub.sqlite", "exchange",
            "exchange/cadangan_uji/uji_ani+pemetaan_isu/00_mulai_di_sini.ipynb",
            "rumah/pelatih/kursus/gradebook.db", "kohort/1/gradebook.db"} <= names
    assert "hub/jupyterhub.pid" not in names


def test_restore_brings_back_every_file_mode_and_owner_by_account_name(room, restored):
    done = restored["done"]
    assert done.returncode == 0, done.stdout + done.stderr
    assert "akun yang sudah ada dan diperiksa: fasilitator, pelatih, uji_ani" in done.stdout
    compared = 0
    for original, copy, arcname in _pairs(room, restored):
        before, after = _tree(original, arcname), _tree(copy, arcname)
        assert _top(original) == _top(copy), arcname
        for name, (mode, owner, group, mtime, content) in before.items():
            if (name in REWRITTEN or Path(name).name in backup.DATABASES
                    or (mode[0] != "d" and mtime >= restored["started"])):
                continue  # written anew, or changed by the live room since the backup
            assert name in after, name
            assert after[name][:3] == (mode, owner, group), name
            if mode[0] != "d":
                assert after[name][4] == content, name
                compared += 1
    assert compared > 50
    exchange = (restored["fresh"] / "opt" / "exchange").lstat()
    assert stat.filemode(exchange.st_mode) == "drwxrwxrwt"


def test_the_restored_settings_databases_and_config_point_at_the_new_place(room, restored):
    fresh = restored["fresh"]
    settings = json.loads((fresh / "opt" / "hub" / "kelas.json").read_text())
    original = json.loads((room["prefix"] / "hub" / "kelas.json").read_text())
    assert settings == dict(original, homes=str(fresh / "home"))
    assert str(fresh / "opt") in (fresh / "opt" / "hub" / "jupyterhub_config.py").read_text()
    trainer = (fresh / "home" / "pelatih" / ".jupyter" / "nbgrader_config.py").read_text()
    assert str(fresh / "home" / "pelatih" / "kursus") in trainer
    assert str(fresh / "opt" / "exchange") in trainer
    with sqlite3.connect(fresh / "opt" / "hub" / "jupyterhub.sqlite") as db:
        users = {row[0] for row in db.execute("select name from users")}
    assert set(PARTICIPANTS) <= users
    with sqlite3.connect(fresh / "kohort" / "hasil_cadangan" / "gradebook.db") as db:
        assert db.execute("select * from nilai").fetchall() == [("uji_ani", 9.5)]
    original = sqlite3.connect(Layout.home("pelatih") / "kursus" / "gradebook.db")
    copy = sqlite3.connect(fresh / "home" / "pelatih" / "kursus" / "gradebook.db")
    assert list(copy.iterdump()) == list(original.iterdump())
    assert "student" in {row[0] for row in copy.execute("select name from sqlite_master")}
    original.close()
    copy.close()


def test_restore_refuses_to_overwrite_and_the_pins_still_sign_in(room, restored):
    twice = restored["twice"]
    assert twice.returncode == 1
    assert "sudah ada dan tidak ditimpa" in twice.stdout and "--timpa" in twice.stdout
    assert refused(Session(room["base"], "uji_citra"), room["pins"]["uji_citra"]) is None
