"""The offline install path: a bundle built once on a connected machine, installed on the
server with the package index disabled.

``bundle`` makes a throwaway environment with the *server's* Python (so that wheels match
its version), downloads every wheel the kit needs plus its build backend into
``BUNDLE/wheels``, packs JupyterHub's reference proxy (the npm ``configurable-http-proxy``,
versions pinned in ``nodeproxy/package-lock.json``) with all its dependencies into one npm
tarball in ``BUNDLE/node`` where ``npm`` is installed (for ``server setup --proxy node``),
and copies the kit. ``install`` creates ``PREFIX/env`` with that Python and installs from the
bundle with ``--no-index``, and unpacks the Node proxy, if bundled, into ``PREFIX/proxy``
(it needs only Debian's ``nodejs`` to run): nothing is fetched from the network.

Instructor material (exercise sources with hidden tests and model answers, answer keys) never
goes into the kit that every account reads: the bundle keeps it in ``BUNDLE/instruktur`` and
the server in ``PREFIX/instruktur``, both readable by their owner only; set-up copies it into
the trainer's private course.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from humaskit import ROOT, lab_language
from humaskit.server import start_page
from humaskit.server.layout import Layout

#: What the kit folder holds on the server: everything a participant may read.
KIT_PARTS = ("humaskit", "datasets", "notebooks", "grader", "pyproject.toml", "README.md",
             "nbgrader_config.py", "jupyterlab-overrides.json")
#: Instructor material: only the trainer's course gets it.
INSTRUCTOR_PARTS = ("exercises/source", "exercises/keys")
#: The build backend of the kit, needed to install it without an index.
BUILD = ("hatchling", "editables~=0.3")
DEFAULT_PYTHON = "/usr/bin/python3"
#: The npm project of the room's Node proxy: its package.json and lock.
NODE_PROXY = Path(__file__).with_name("nodeproxy")


class InstallError(RuntimeError):
    """An install step failed; the message (Indonesian) says which and why."""


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise InstallError(f"{what} gagal:\n{tail}")


def copy_kit(source: Path, target: Path, parts: tuple[str, ...] = KIT_PARTS,
             private: bool = False) -> Path:
    """The kit's ``parts`` (no venv, outputs or caches): world-readable, or readable by
    their owner only when ``private``."""
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.pyc")
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700 if private else 0o755)
    for part in parts:
        src = source / part
        dst = target / part
        if src.is_dir():
            shutil.copytree(src, dst, ignore=ignore, dirs_exist_ok=True)
        elif src.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    folder, file = (0o700, 0o600) if private else (0o755, 0o644)
    for path in [target, *target.rglob("*")]:
        path.chmod(folder if path.is_dir() else file)
    return target


def bundle(out: Path, python: str = DEFAULT_PYTHON, source: Path = ROOT) -> Path:
    """Build ``out/wheels`` and ``out/kit`` for a server whose Python is ``python``."""
    out = Path(out)
    kit = copy_kit(source, out / "kit")
    copy_kit(source, out / "instruktur", INSTRUCTOR_PARTS, private=True)
    with tempfile.TemporaryDirectory() as scratch:
        venv = Path(scratch) / "env"
        _run([python, "-m", "venv", str(venv)], f"Membuat lingkungan {python}")
        _run([str(venv / "bin" / "python"), "-m", "pip", "download", "--quiet",
              "--dest", str(out / "wheels"), str(kit), *BUILD], "Mengunduh paket")
    if shutil.which("npm"):
        pack_node_proxy(out / "node")
    return out


def pack_node_proxy(out: Path) -> Path:
    """Download the Node proxy's packages as the lock pins them (``npm ci``, integrity
    checked) and pack them, dependencies included, into one tarball in ``out``."""
    npm = shutil.which("npm")
    if npm is None:
        raise InstallError("npm tidak ditemukan: pasang paket Debian `nodejs` dan `npm` di "
                           "mesin yang membuat bundel (proksi Node ikut dibundel).")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(NODE_PROXY / name, scratch)
        _run([npm, "ci", "--prefix", scratch, "--omit=dev", "--no-audit", "--no-fund"],
             "Mengunduh proksi Node (npm ci)")
        project = json.loads((Path(scratch) / "package.json").read_text())
        project["bundleDependencies"] = sorted(project["dependencies"])  # packed with it
        (Path(scratch) / "package.json").write_text(json.dumps(project, indent=2))
        for old in out.glob("*.tgz"):
            old.unlink()
        _run([npm, "pack", scratch, "--pack-destination", str(out), "--silent"],
             "Mengemas proksi Node (npm pack)")
    return next(out.glob("*.tgz"))


def unpack_node_proxy(bundle_dir: Path, layout: Layout) -> None:
    """Unpack the bundle's Node proxy into ``layout.proxy``, replacing an earlier one."""
    packed = sorted((bundle_dir / "node").glob("*.tgz"))
    if not packed:
        raise InstallError(f"{bundle_dir / 'node'} tidak berisi proksi Node (*.tgz). Buat "
                           "ulang bundel dengan `humaskit server bundle`.")
    shutil.rmtree(layout.proxy, ignore_errors=True)
    layout.proxy.mkdir(parents=True)
    safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(packed[-1]) as archive:
        archive.extractall(layout.proxy, **safe)
    layout.proxy.chmod(0o755)


def install(bundle_dir: Path, layout: Layout, python: str = DEFAULT_PYTHON) -> list[str]:
    """Install the kit from a bundle into ``layout.prefix``, with no package index, and its
    JupyterLab and formgrader in Indonesian; returns the strings of nbgrader's panels and
    formgrader that could not be put into Indonesian."""
    bundle_dir = Path(bundle_dir)
    wheels = bundle_dir / "wheels"
    if not wheels.is_dir() or not (bundle_dir / "kit" / "pyproject.toml").exists() \
            or not (bundle_dir / "instruktur").is_dir():
        raise InstallError(f"{bundle_dir} bukan bundel humaskit (folder wheels/, kit/ atau "
                           "instruktur/ tidak ada). Buat dengan `humaskit server bundle`.")
    layout.prefix.mkdir(parents=True, exist_ok=True)
    layout.prefix.chmod(0o755)
    for part in INSTRUCTOR_PARTS:  # an earlier version put instructor material in the kit
        shutil.rmtree(layout.kit / part, ignore_errors=True)
    copy_kit(bundle_dir / "kit", layout.kit)
    copy_kit(bundle_dir / "instruktur", layout.instructor, INSTRUCTOR_PARTS, private=True)
    if not layout.python.exists():
        _run([python, "-m", "venv", str(layout.env)], f"Membuat lingkungan {layout.env}")
    _run([str(layout.python), "-m", "pip", "install", "--quiet", "--no-index",
          "--find-links", str(wheels), "-e", str(layout.kit)], "Memasang paket dari bundel")
    if (bundle_dir / "node").is_dir():
        unpack_node_proxy(bundle_dir, layout)
    _run([str(layout.python), "-c", "from humaskit import charts; charts.use_cached_bundle()"],
         "Membuat berkas grafik luring")
    settings = layout.env / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy2(layout.kit / "jupyterlab-overrides.json", settings / "overrides.json")
    start_page.enable(layout.env)
    untranslated = lab_language.install(layout.env)
    for path in [layout.env, *layout.env.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | (0o755 if path.is_dir() else 0o444))
    return untranslated
