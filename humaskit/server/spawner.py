"""Each participant's JupyterLab: a local process under their own Unix account, with a memory
limit for the whole account (a cgroup where the machine offers one; otherwise a limit on each
process's data), opening on the landing page, with the room's offline JupyterLab settings.

Participants' processes run at a lower CPU priority than the hub and the proxy, so that when
the whole room presses "Run All" the pages, log-ins and kernel connections still answer.

Kernels talk to their server over Unix sockets in a private directory per account, not over
loopback TCP: when 40 servers start kernels at once, ports picked at random collide ("Address
already in use") and a kernel dies; and no participant can reach another's kernel sockets."""

from __future__ import annotations

import json
import os
import pwd
import resource
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner

from humaskit.server import KERNEL_MESSAGE_BYTES

CGROUP_V2 = Path("/sys/fs/cgroup")
CGROUP_V1 = Path("/sys/fs/cgroup/memory")
GROUP = "humaskit"
NICENESS = 10
# Short, on tmpfs and root-owned: a socket path must stay under 108 bytes
# (/run/humaskit/<account>/kernel-<uuid>-ipc-<n> is at most 96 with a 32-byte account).
RUNTIME = Path("/run/humaskit")


def runtime_dir(account: str) -> Path:
    """The account's private Jupyter runtime directory (connection files, kernel sockets)."""
    entry = pwd.getpwnam(account)
    RUNTIME.mkdir(mode=0o755, exist_ok=True)
    folder = RUNTIME / account
    folder.mkdir(mode=0o700, exist_ok=True)
    os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o700)
    return folder


def memory_group(account: str, limit: int) -> Path | None:
    """A memory cgroup for ``account`` capped at ``limit`` bytes, or None if the machine has
    no writable memory controller."""
    try:
        if (CGROUP_V2 / "cgroup.controllers").exists():
            parent = CGROUP_V2 / GROUP
            parent.mkdir(exist_ok=True)
            (parent / "cgroup.subtree_control").write_text("+memory")
            group = parent / account
            group.mkdir(exist_ok=True)
            (group / "memory.max").write_text(str(limit))
            return group
        if CGROUP_V1.is_dir():
            group = CGROUP_V1 / GROUP / account
            group.mkdir(parents=True, exist_ok=True)
            (group / "memory.limit_in_bytes").write_text(str(limit))
            return group
    except OSError:
        return None
    return None


class KelasSpawner(LocalProcessSpawner):
    """LocalProcessSpawner with the room's memory limit and offline JupyterLab."""

    def get_args(self):
        args = super().get_args()
        return [*args, "--LabApp.news_url=None",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                "--KernelManager.transport=ipc",
                "--ServerApp.tornado_settings="
                + json.dumps({"websocket_max_message_size": KERNEL_MESSAGE_BYTES})]

    def get_env(self):
        env = super().get_env()
        env["JUPYTER_RUNTIME_DIR"] = str(runtime_dir(self.user.name))
        return env

    async def progress(self):
        """What the hub's "server starting" page says while it waits (Indonesian)."""
        yield {"progress": 50, "message": "JupyterLab Anda sedang dimulai..."}

    def make_preexec_fn(self, name):
        become = super().make_preexec_fn(name)
        limit = int(self.mem_limit or 0)
        group = memory_group(name, limit) if limit else None

        def preexec() -> None:
            os.nice(NICENESS)
            if group is not None:
                (group / "cgroup.procs").write_text(str(os.getpid()))
            elif limit:
                resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
            become()

        return preexec
