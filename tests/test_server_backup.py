"""The room's backup archive: what it keeps and what it never does (follow a link, keep a
pipe or a running hub's pid file, overwrite an archive), and owners restored by account
name, not uid. The round trip on a real room is tests/classroom/test_backup.py."""

from __future__ import annotations

import grp
import io
import os
import pwd
import sqlite3
import subprocess
import tarfile

import pytest

from humaskit.server import accounts, backup
from humaskit.server.layout import Layout, Settings

as_root = pytest.mark.skipif(os.geteuid() != 0, reason="backup and restore run as root")


def _member(name: str, kind=tarfile.REGTYPE, uname="root", uid=4242) -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.type, member.uname, member.gname, member.uid, member.gid = kind, uname, "root", uid, uid
    return member


def test_an_owner_is_restored_by_account_name_not_by_the_uid_in_the_archive(tmp_path):
    restored = backup._owned_by_name(_member("hub/kelas.json"), tmp_path, "hub/kelas.json")
    assert (restored.uid, restored.gid) == (0, 0) and restored.name == "hub/kelas.json"


@pytest.mark.parametrize("member", [_member("rumah/a/pipa", tarfile.FIFOTYPE),
                                    _member("rumah/a/disk", tarfile.BLKTYPE),
                                    _member("rumah/a/keras", tarfile.LNKTYPE),
                                    _member("a/../../lolos.json"), _member("/etc/lolos")])
def test_no_device_pipe_hard_link_or_path_outside_is_restored(tmp_path, member):
    with pytest.raises(backup.BackupError, match="arsip tidak dipulihkan"):
        backup._owned_by_name(member, tmp_path, member.name)


def test_nothing_is_restored_through_a_link_restored_before_it(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "tautan").symlink_to("/etc")
    with pytest.raises(backup.BackupError, match="lewat tautan ke luar"):
        backup._owned_by_name(_member("a/tautan/passwd"), tmp_path, "a/tautan/passwd")


def test_an_owner_this_machine_lacks_stops_the_restore_before_any_file():
    with pytest.raises(backup.BackupError, match="akun 'ujitidakada_ani'"):
        backup._check_owners([_member("rumah/a/x", uname="ujitidakada_ani")])


@pytest.fixture
def room(tmp_path):
    layout = Layout(tmp_path / "opt")
    layout.write(Settings({}, facilitator="ujitidakada_f", trainer="ujitidakada_t",
                          pins={"x": "123456"}))
    with sqlite3.connect(layout.hub / "jupyterhub.sqlite") as db:
        db.execute("create table users (name text)")
        db.execute("insert into users values ('uji_ani')")
    db.close()
    (layout.hub / "jupyterhub.pid").write_text("4242")
    layout.exchange.mkdir()
    layout.exchange.chmod(0o1777)
    cohort = tmp_path / "hasil_penilaian"
    cohort.mkdir()
    (cohort / "nilai.csv").write_text("id,nilai\n")
    (cohort / "nilai.csv").chmod(0o640)
    (cohort / "rahasia").symlink_to("/etc")
    os.mkfifo(cohort / "pipa")
    return layout, cohort


@as_root
def test_the_archive_keeps_modes_links_as_links_and_a_consistent_database(tmp_path, room):
    layout, cohort = room
    archive = tmp_path / "kelas.tar.gz"
    backup.backup(layout, archive, [cohort])
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
        database = tar.extractfile("hub/jupyterhub.sqlite").read()
    assert members["exchange"].mode == 0o1777 and members["kohort/1/nilai.csv"].mode == 0o640
    assert members["kohort/1/rahasia"].issym() and members["kohort/1/rahasia"].linkname == "/etc"
    assert not any(n.startswith("kohort/1/rahasia/") for n in members)
    assert "kohort/1/pipa" not in members and "hub/jupyterhub.pid" not in members
    assert members["hub/kelas.json"].uname == "root"
    (tmp_path / "salinan.sqlite").write_bytes(database)
    with sqlite3.connect(tmp_path / "salinan.sqlite") as db:
        assert db.execute("select name from users").fetchall() == [("uji_ani",)]


@as_root
def test_an_existing_archive_is_never_overwritten(tmp_path, room):
    archive = tmp_path / "kelas.tar.gz"
    archive.write_bytes(b"cadangan kemarin")
    with pytest.raises(backup.BackupError, match="sudah ada dan tidak ditimpa"):
        backup.backup(room[0], archive)
    assert archive.read_bytes() == b"cadangan kemarin"


@as_root
def test_an_archive_that_is_not_a_room_backup_is_refused(tmp_path):
    archive = tmp_path / "lain.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.addfile(_member("catatan.txt"), io.BytesIO(b""))
    with pytest.raises(backup.BackupError, match="bukan cadangan server kelas"):
        backup.restore(archive, Layout(tmp_path / "opt"))


@as_root
def test_restore_on_a_machine_without_the_rooms_accounts_creates_them(tmp_path):
    """The room moved to a new machine: every account of the archive is made again, with no
    login shell and its home (and PIN or password) from the archive, not from a skeleton."""
    people = ("ujipulih_f", "ujipulih_t", "ujipulih_ani")
    assert not any(accounts.exists(a) for a in people)
    layout = Layout(tmp_path / "opt")
    layout.write(Settings({"ujipulih_ani": "Ani"}, facilitator=people[0], trainer=people[1],
                          pins={"ujipulih_ani": "123456"},
                          admin_passwords={people[0]: "a" * 20, people[1]: "b" * 20},
                          homes=str(tmp_path / "lama")))
    layout.exchange.mkdir()
    archive = tmp_path / "kelas.tar.gz"
    backup.backup(layout, archive)
    try:
        done = backup.restore(archive, Layout(tmp_path / "baru"), homes=tmp_path / "rumah")
        assert sorted(done["created"]) == sorted(people)
        for account in people:
            entry = pwd.getpwnam(account)
            assert (entry.pw_dir, entry.pw_shell) == (str(tmp_path / "rumah" / account),
                                                      "/usr/sbin/nologin")
            assert grp.getgrgid(entry.pw_gid).gr_name == account
        assert not (tmp_path / "rumah" / "ujipulih_ani" / ".bashrc").exists()
    finally:
        for account in people:
            subprocess.run(["/usr/sbin/userdel", account], capture_output=True, check=False)
