"""Start a kernel locked down: ``python -m humaskit.grading.jail [options] -- KERNEL_ARGV...``.

Run (as root) inside fresh network and mount namespaces (``unshare --net --mount``): hides
the given paths behind empty read-only mounts (and makes the Python installation reachable
if it sits in a private folder such as /root), applies resource limits, drops to an
unprivileged uid with no supplementary groups, then executes the kernel. Kept free of heavy
imports: it starts once per submission.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys


def hide(path: str) -> None:
    """Cover a directory with an empty read-only tmpfs, or a file with /dev/null."""
    if os.path.isdir(path):
        cmd = ["mount", "-t", "tmpfs", "-o", "ro,size=4k,mode=000", "none", path]
    elif os.path.exists(path):
        cmd = ["mount", "--bind", "-o", "ro", "/dev/null", path]
    else:
        return
    subprocess.run(cmd, check=True)


def private_ancestor(path: str) -> str | None:
    """The topmost folder above ``path`` that other users cannot traverse (e.g. /root)."""
    parts = os.path.abspath(path).split(os.sep)[1:]
    for depth in range(1, len(parts)):
        folder = os.sep + os.path.join(*parts[:depth])
        if not os.stat(folder).st_mode & 0o001:
            return folder
    return None


def expose(paths: list[str], staging: str) -> None:
    """Make ``paths`` (the Python installation) reachable for the kernel's uid when they sit
    in a private folder: that folder is replaced by an empty tmpfs holding only them."""
    moves = [(p, private_ancestor(p)) for p in dict.fromkeys(map(os.path.realpath, paths))]
    moves = [(p, top) for p, top in moves if top]
    for i, (path, _) in enumerate(moves):
        os.makedirs(f"{staging}/{i}", exist_ok=True)
        subprocess.run(["mount", "--bind", path, f"{staging}/{i}"], check=True)
    for top in dict.fromkeys(top for _, top in moves):
        subprocess.run(["mount", "-t", "tmpfs", "-o", "mode=755,size=64k", "none", top],
                       check=True)
    for i, (path, _) in enumerate(moves):
        os.makedirs(path, mode=0o755, exist_ok=True)
        subprocess.run(["mount", "--bind", f"{staging}/{i}", path], check=True)
        subprocess.run(["umount", f"{staging}/{i}"], check=True)


def limit(memory_mb: int, cpu_seconds: int, file_mb: int) -> None:
    if memory_mb > 0:
        size = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    if cpu_seconds > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    if file_mb > 0:
        size = file_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="humaskit.grading.jail")
    parser.add_argument("--uid", type=int, default=-1)
    parser.add_argument("--hide", action="append", default=[])
    parser.add_argument("--expose", action="append", default=[])
    parser.add_argument("--staging", default="")
    parser.add_argument("--memory-mb", type=int, default=0)
    parser.add_argument("--cpu-seconds", type=int, default=0)
    parser.add_argument("--file-mb", type=int, default=0)
    parser.add_argument("kernel", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    kernel = args.kernel[1:] if args.kernel[:1] == ["--"] else args.kernel
    if args.expose:
        expose(args.expose, args.staging)
    for path in args.hide:
        hide(path)
    limit(args.memory_mb, args.cpu_seconds, args.file_mb)
    if args.uid >= 0:
        # Counted per uid; each worker slot has a uid of its own: this only stops fork bombs.
        resource.setrlimit(resource.RLIMIT_NPROC, (256, 256))
        os.setgroups([])
        os.setgid(args.uid)
        os.setuid(args.uid)
    os.execv(kernel[0], kernel)


if __name__ == "__main__":
    main(sys.argv[1:])
