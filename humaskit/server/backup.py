"""Back up the whole room into one archive, and bring it back on a fresh install.

The archive (``.tar.gz``, readable by root only: it holds the PINs) keeps::

    cadangan.json        what was backed up, from where (prefix, homes, cohort folders)
    hub/                 PREFIX/hub: settings (kelas.json with PINs and passwords), the hub's
                         database, cookie secret, sign-in guard and PIN-reset log
    exchange/            PREFIX/exchange: nbgrader's released, fetched and submitted work
    rumah/<akun>/        every account's home (participants, facilitator, trainer with the
                         nbgrader course and its gradebook)
    kohort/<n>/          each cohort folder named with ``--kohort`` (grades, gradebook,
                         the organiser's records)

Modes and owners are kept; owners are stored by account name and restored by name, never by
uid, so the archive fits a machine where the accounts get other uids. A participant's home
is hostile: the walk never follows a link (links are stored as links), files are opened with
``O_NOFOLLOW`` below their folder's descriptor, and only regular files, folders and links are
kept. SQLite databases the kit knows (the hub's, gradebooks) are copied with SQLite's backup
API, so a running hub or formgrader never yields a torn copy.

Restoring recreates the accounts the settings name (or checks those that exist), refuses an
archive whose files name an owner this machine lacks, refuses to overwrite any file that is
already there unless asked, and puts the configuration right for the new prefix and homes.
"""

from __future__ import annotations

import copy
import grp
import io
import json
import os
import pwd
import sqlite3
import stat
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from humaskit import __version__
from humaskit.safe_text import visible
from humaskit.server import accounts, room
from humaskit.server.layout import Layout, Settings

MANIFEST = "cadangan.json"
HUB, EXCHANGE, HOMES, COHORTS = "hub", "exchange", "rumah", "kohort"
#: Files of a running hub that must not come back.
SKIPPED = {"jupyterhub.pid", "proxy.pid"}
#: SQLite databases copied with the backup API (by file name, where the kit writes them).
DATABASES = {"jupyterhub.sqlite", "gradebook.db"}
#: Our own checks stand in for tarfile's filters (Debian 12's Python 3.11.2 has none); where
#: Python has them, say that the checked members are to be extracted as they are.
TRUSTED = {"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}
KINDS = {stat.S_IFREG: tarfile.REGTYPE, stat.S_IFDIR: tarfile.DIRTYPE,
         stat.S_IFLNK: tarfile.SYMTYPE}


class BackupError(ValueError):
    """The backup or restore cannot go on; the message is in Indonesian."""


def _root() -> None:
    if os.geteuid() != 0:
        raise PermissionError("Cadangan dan pemulihan server kelas hanya dapat dijalankan "
                              "sebagai root (sudo): folder setiap peserta tertutup bagi akun "
                              "lain, dan pemilik setiap berkas harus dipulihkan.")


# --- backup -----------------------------------------------------------------------------

def _name(lookup, number: int) -> str:
    """The account or group name of ``number`` ('' where this machine has none)."""
    try:
        return lookup(number)[0]
    except KeyError:
        return ""


def backup(layout: Layout, archive: Path, cohorts: list[Path] = ()) -> dict:
    """Write the room into ``archive`` (refused when it exists); returns the manifest."""
    _root()
    settings = layout.read()
    homes = {account: str(Layout.home(account)) for account in settings.accounts
             if accounts.exists(account)}
    for cohort in cohorts:
        if not Path(cohort).is_dir():
            raise BackupError(f"Folder kohort {cohort} tidak ada.")
    manifest = {"versi": 1, "humaskit": __version__,
                "dibuat": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "prefix": str(layout.prefix), "homes": settings.homes, "rumah": homes,
                "kohort": {str(n): str(Path(c).resolve()) for n, c in enumerate(cohorts, 1)}}
    try:
        fd = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BackupError(f"{archive} sudah ada dan tidak ditimpa. Pilih nama lain, atau "
                          "pindahkan berkas lama lebih dulu.") from None
    try:
        with os.fdopen(fd, "wb") as handle, tarfile.open(fileobj=handle, mode="w:gz") as tar:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(data), 0o600, int(datetime.now().timestamp())
            info.uname = info.gname = "root"
            tar.addfile(info, io.BytesIO(data))
            _add_tree(tar, layout.hub, HUB, databases=True)
            if layout.exchange.is_dir():
                _add_tree(tar, layout.exchange, EXCHANGE)
            for account, home in homes.items():
                if Path(home).is_dir():
                    _add_tree(tar, Path(home), f"{HOMES}/{account}",
                              databases=account == settings.trainer)
            for n, cohort in manifest["kohort"].items():
                _add_tree(tar, Path(cohort), f"{COHORTS}/{n}", databases=True)
    except BaseException:
        archive.unlink(missing_ok=True)
        raise
    return manifest


def _add_tree(tar: tarfile.TarFile, top: Path, arcname: str, databases: bool = False) -> None:
    """Add ``top`` and everything below it as ``arcname``, never following a link; with
    ``databases``, the kit's SQLite databases are copied with SQLite's backup API (never in
    a participant's home: a file there is not opened as a database by root)."""
    top_fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        tar.addfile(_info(arcname, os.fstat(top_fd)))
    finally:
        os.close(top_fd)
    for folder, dirs, files, dir_fd in os.fwalk(top, follow_symlinks=False):
        relative = Path(folder).relative_to(top)
        for name in sorted(dirs + files):
            if arcname == HUB and name in SKIPPED and folder == str(top):
                continue
            member = f"{arcname}/{relative / name}"
            try:
                _add_entry(tar, dir_fd, Path(folder) / name, member, databases)
            except FileNotFoundError:  # gone while the walk went on
                continue


def _add_entry(tar: tarfile.TarFile, dir_fd: int, path: Path, member: str,
               databases: bool) -> None:
    name = path.name
    info = os.lstat(name, dir_fd=dir_fd)
    kind = stat.S_IFMT(info.st_mode)
    if kind not in KINDS:  # sockets, pipes, devices: nothing to keep
        return
    if kind == stat.S_IFLNK:
        tar.addfile(_info(member, info, os.readlink(name, dir_fd=dir_fd)))
    elif kind == stat.S_IFDIR:
        tar.addfile(_info(member, info))
    else:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
        with os.fdopen(fd, "rb") as source, tempfile.TemporaryFile() as held:
            opened = os.fstat(source.fileno())
            if not stat.S_ISREG(opened.st_mode):
                return
            if not (databases and name in DATABASES and _snapshot(path, held)):
                while chunk := source.read(1 << 20):
                    held.write(chunk)
            entry = _info(member, opened)
            entry.size = held.tell()  # as read: a file growing meanwhile cannot tear the tar
            held.seek(0)
            tar.addfile(entry, held)


def _snapshot(path: Path, held) -> bool:
    """Write a consistent copy of the SQLite database at ``path`` into the file ``held``;
    False (nothing written) when it is not a database SQLite can read."""
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "salinan.sqlite"
        try:
            source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            try:
                dest = sqlite3.connect(target)
                source.backup(dest)
                dest.close()
            finally:
                source.close()
        except sqlite3.Error:
            return False
        held.write(target.read_bytes())
    return True


def _info(member: str, info: os.stat_result, link: str = "") -> tarfile.TarInfo:
    entry = tarfile.TarInfo(member)
    entry.type = KINDS[stat.S_IFMT(info.st_mode)]
    entry.mode = stat.S_IMODE(info.st_mode)
    entry.uid, entry.gid = info.st_uid, info.st_gid
    entry.uname, entry.gname = _name(pwd.getpwuid, info.st_uid), _name(grp.getgrgid, info.st_gid)
    entry.mtime = int(info.st_mtime)
    entry.linkname = link
    return entry


# --- restore ----------------------------------------------------------------------------

def read_manifest(tar: tarfile.TarFile) -> tuple[dict, Settings]:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
        data = json.load(tar.extractfile(f"{HUB}/kelas.json"))
    except (KeyError, ValueError, AttributeError):
        raise BackupError("Arsip ini bukan cadangan server kelas humaskit (cadangan.json atau "
                          "hub/kelas.json tidak ada atau rusak).") from None
    return manifest, Settings(**{k: v for k, v in data.items()
                                 if k in Settings.__dataclass_fields__})


def restore(archive: Path, layout: Layout, homes: Path | None = None,
            cohorts_to: Path | None = None, overwrite: bool = False) -> dict:
    """Bring back the room from ``archive`` under ``layout`` (homes in ``homes``, default the
    backed-up ones). Returns what was done: accounts created and checked, files restored."""
    _root()
    try:
        with tarfile.open(archive, "r:gz") as tar:
            return _restore(tar, layout, homes, cohorts_to, overwrite)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Arsip {archive} tidak dapat dibaca atau dipulihkan: "
                          f"{visible(error)}") from None


def _restore(tar: tarfile.TarFile, layout: Layout, homes: Path | None,
             cohorts_to: Path | None, overwrite: bool) -> dict:
    """Check everything first (accounts, owners, files already there), then extract."""
    manifest, settings = read_manifest(tar)
    homes = Path(homes or settings.homes)
    cohorts = {n: (cohorts_to / Path(path).name if cohorts_to else Path(path))
               for n, path in manifest["kohort"].items()}
    places = _places(layout, homes, settings, cohorts)
    members = [(m, *_where(m.name, places)) for m in tar.getmembers() if m.name != MANIFEST]
    created = [a for a in settings.accounts if not accounts.exists(a)]
    for account in created:
        _create(account, homes)
    _check_owners([m for m, _, _ in members])
    for member, _, name in members:
        _allowed(member, name)
    _check_targets(members, overwrite)
    tar.errorlevel = 2  # an owner or mode that cannot be set stops the restore
    try:
        for member, root, name in members:
            root.mkdir(parents=True, exist_ok=True)
            tar.extract(_owned_by_name(member, root, name), root, numeric_owner=True,
                        **TRUSTED)
    except tarfile.TarError as error:
        raise BackupError(f"Arsip rusak: {visible(error)}. Pemulihan berhenti.") from None
    _fix_configuration(layout, settings, homes, manifest)
    accounts.set_passwords({**settings.pins, **settings.admin_passwords})
    elsewhere = [a for a in settings.accounts if Layout.home(a) != homes / a]
    return {"created": created, "checked": [a for a in settings.accounts if a not in created],
            "elsewhere": elsewhere, "files": len(members), "homes": homes,
            "cohorts": list(cohorts.values())}


def _places(layout: Layout, homes: Path, settings: Settings,
            cohorts: dict[str, Path]) -> dict[str, Path]:
    """Archive top folder -> where it goes."""
    return {HUB: layout.hub, EXCHANGE: layout.exchange,
            **{f"{HOMES}/{a}": homes / a for a in settings.accounts},
            **{f"{COHORTS}/{n}": path for n, path in cohorts.items()}}


def _where(name: str, places: dict[str, Path]) -> tuple[Path, str]:
    """The folder an archive member is extracted below, and its name there."""
    for top, target in places.items():
        if name == top or name.startswith(top + "/"):
            return target.parent, target.name + name[len(top):]
    raise BackupError(f"Isi arsip '{name}' tidak dikenal; arsip tidak dipulihkan.")


def _create(account: str, homes: Path) -> None:
    """A missing account, with its home to come from the archive (no skeleton files)."""
    homes.mkdir(parents=True, exist_ok=True)
    try:
        accounts.admin(["useradd", "--no-create-home", "--home-dir", str(homes / account),
                        "--shell", "/usr/sbin/nologin", "--user-group", account],
                       f"Akun {account} tidak dapat dibuat")
    except accounts.AccountError as error:
        raise BackupError(str(error)) from None


def _check_owners(members: list[tarfile.TarInfo]) -> None:
    unknown = set()
    for m in members:
        try:
            pwd.getpwnam(m.uname)
        except KeyError:
            unknown.add(f"akun '{m.uname}'")
        try:
            grp.getgrnam(m.gname)
        except KeyError:
            unknown.add(f"grup '{m.gname}'")
    if unknown:
        raise BackupError("Pemilik berkas di arsip tidak ada di mesin ini: "
                          + ", ".join(sorted(unknown)) + ". Buat dulu, lalu pulihkan lagi.")


def _check_targets(members: list[tuple[tarfile.TarInfo, Path, str]], overwrite: bool) -> None:
    there = [root / name for m, root, name in members
             if os.path.lexists(root / name) and not (m.isdir() and (root / name).is_dir())]
    if there and not overwrite:
        shown = ", ".join(str(p) for p in there[:5]) + (" …" if len(there) > 5 else "")
        raise BackupError(f"{len(there)} berkas sudah ada dan tidak ditimpa: {shown}. "
                          "Pulihkan ke instalasi baru, atau tambahkan --timpa.")
    for path in there:
        if path.is_dir() and not path.is_symlink():
            raise BackupError(f"{path} adalah folder, tetapi di arsip berupa berkas.")
        path.unlink()


def _allowed(member: tarfile.TarInfo, name: str) -> None:
    """Only regular files, folders and links, named inside their folder."""
    path = PurePosixPath(name)
    if not (member.isreg() or member.isdir() or member.issym()):
        raise BackupError(f"Isi arsip '{visible(member.name)}' bukan berkas, folder, atau "
                          "tautan biasa; arsip tidak dipulihkan.")
    if path.is_absolute() or ".." in path.parts:
        raise BackupError(f"Isi arsip '{visible(member.name)}' menunjuk ke luar foldernya; "
                          "arsip tidak dipulihkan.")


def _owned_by_name(member: tarfile.TarInfo, root: Path, name: str) -> tarfile.TarInfo:
    """The member as extracted below ``root`` under ``name``, its owner looked up by name on
    this machine; refused when its folder, links resolved, lies outside ``root`` (a link
    restored earlier must not carry a file elsewhere)."""
    _allowed(member, name)
    inside = os.path.realpath(root)
    if os.path.commonpath([inside, os.path.realpath(root / Path(name).parent)]) != inside:
        raise BackupError(f"Isi arsip '{visible(member.name)}' akan ditulis lewat tautan ke "
                          f"luar {root}; pemulihan berhenti.")
    restored = copy.copy(member)
    restored.name = name
    restored.uid, restored.gid = pwd.getpwnam(member.uname).pw_uid, grp.getgrnam(
        member.gname).gr_gid
    return restored


def _fix_configuration(layout: Layout, settings: Settings, homes: Path, manifest: dict) -> None:
    """Point the hub's configuration, the settings and the trainer's course at the new
    prefix and homes; on an installed environment, write its shared nbgrader settings."""
    layout.config_file.write_text(room.CONFIG.format(prefix=layout.prefix), encoding="utf-8")
    layout.config_file.chmod(0o600)
    if str(homes) != settings.homes:
        settings.homes = str(homes)
        layout.write(settings)
    moved = manifest["prefix"] != str(layout.prefix) or manifest["homes"] != str(homes)
    trainer = homes / settings.trainer / ".jupyter" / "nbgrader_config.py"
    if moved and trainer.is_file() and not trainer.is_symlink():
        trainer.write_text(accounts.trainer_nbgrader(layout, homes / settings.trainer),
                           encoding="utf-8")
    if layout.python.exists():
        accounts.shared_configuration(layout)
