"""Kernels that run one participant's notebook locked down.

nbgrader's ``Execute`` preprocessor is swapped for :class:`SandboxExecute`, whose kernel
manager (:class:`SandboxKernelManager`) launches the kernel through :mod:`humaskit.grading.jail`:
no network (``unshare --net``; the kernel talks to nbgrader over Unix sockets), the course,
gradebook and all other submissions hidden (``unshare --mount``), a memory, CPU-time and
file-size cap, and a uid of its own that owns nothing but the submission's working copy.
Output per cell is capped in bytes while it streams in, so a flood cannot exhaust memory.
"""

from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Int, List, Unicode

from humaskit import ROOT
from humaskit.notebooks import poll_in_slices

#: Marker written into a cell whose output was cut by :class:`SandboxExecute`.
TRUNCATED = "… keluaran dipotong: melebihi batas ukuran keluaran per sel …"


@dataclass(frozen=True)
class Limits:
    """Resource limits for one submission."""

    cell_timeout: int = 120
    submission_timeout: int = 900
    memory_mb: int = 2048
    cpu_seconds: int = 900
    max_output_bytes: int = 1_000_000
    max_output_lines: int = 1000


def is_root() -> bool:
    return os.geteuid() == 0


class SandboxKernelManager(AsyncKernelManager):
    """An ipykernel started in jail: own uid, no network, hidden paths, resource limits."""

    uid = Int(-1, help="uid the kernel runs as (-1: do not change)").tag(config=True)
    memory_mb = Int(0, help="address-space cap of the kernel in MiB (0: none)").tag(config=True)
    cpu_seconds = Int(0, help="CPU-time cap of the kernel in seconds (0: none)").tag(config=True)
    file_mb = Int(200, help="largest file the kernel may write, in MiB").tag(config=True)
    hide_paths = List(Unicode(), help="paths the kernel must not see").tag(config=True)
    runtime_dir = Unicode("", help="private folder for sockets and HOME").tag(config=True)

    async def _async_pre_start_kernel(self, **kw):
        runtime = Path(self.runtime_dir)
        if self.runtime_dir:
            runtime.mkdir(parents=True, exist_ok=True)
            self.transport = "ipc"
            self.ip = str(runtime / "ipc")
            self.connection_file = str(runtime / f"kernel-{os.getpid()}.json")
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        cwd = Path(kw.get("cwd") or os.getcwd())
        home = runtime / "home" if self.runtime_dir else cwd
        home.mkdir(exist_ok=True)
        kw["env"] = kernel_env(home)
        jailed = self.uid >= 0 and is_root()
        if jailed:
            give_to(self.uid, runtime.parent, cwd, runtime)
        cmd = [sys.executable, "-m", "humaskit.grading.jail",
               "--memory-mb", str(self.memory_mb), "--cpu-seconds", str(self.cpu_seconds),
               "--file-mb", str(self.file_mb)]
        if jailed:
            cmd = ["unshare", "--net", "--mount", "--propagation", "private", *cmd,
                   "--uid", str(self.uid)]
            for path in self.hide_paths:
                cmd += ["--hide", path]
            for path in (sys.base_prefix, sys.prefix, str(ROOT)):
                cmd += ["--expose", path]
            cmd += ["--staging", str(runtime.parent / "mnt")]
        elif self.uid >= 0:
            warnings.warn("Not running as root: kernels keep the grader's uid, network and "
                          "view of the files; only resource limits apply.", stacklevel=2)
        return [*cmd, "--", *kernel_cmd], kw


def kernel_env(home: Path) -> dict[str, str]:
    """A small environment for the kernel: no proxies, no secrets from the grader's shell."""
    keep = ("PATH", "LANG", "LC_ALL", "TZ", "VIRTUAL_ENV", "PYTHONPATH")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(HOME=str(home), MPLBACKEND="Agg", OPENBLAS_NUM_THREADS="1",
               OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1",
               JUPYTER_PLATFORM_DIRS="1", NBGRADER_EXECUTION="autograde")
    return env


def give_to(uid: int, top: Path, *folders: Path) -> None:
    """Make the kernel's uid own its folders; let it traverse (not list) their parents up to
    ``top`` (the worker's scratch folder, which the worker made traversable)."""
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            os.chown(path, uid, uid, follow_symlinks=False)
        folder.chmod(0o700)
        for parent in folder.parents:
            if parent == top or top not in parent.parents:
                break
            parent.chmod(0o711)


class SandboxExecute(Execute):
    """nbgrader's Execute with the jailed kernel manager, a byte cap on each cell's output,
    and the shell channel polled in slices (a missed reply must not cost a cell timeout)."""

    max_output_bytes = Int(1_000_000, help="bytes of output kept per cell").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SandboxKernelManager
        super().__init__(*args, **kwargs)
        self._output_bytes: dict[int, int] = {}

    async def async_start_new_kernel_client(self):
        client = await super().async_start_new_kernel_client()
        poll_in_slices(client.shell_channel)
        return client

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + sum(
            len(str(v)) for v in content.get("data", {}).values())
        used = self._output_bytes.get(cell_index, 0)
        self._output_bytes[cell_index] = used + size
        if used + size <= self.max_output_bytes:
            return super().output(outs, msg, display_id, cell_index)
        if used <= self.max_output_bytes:
            outs.append(new_output("stream", name="stderr", text=f"\n{TRUNCATED}\n"))
        return None
