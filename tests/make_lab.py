"""JupyterLab started from the venv as ``make lab`` starts it (the Makefile's own options), on
loopback and with no browser, for the browser tests of the laptop path."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
from local_ports import free_ports

ROOT = Path(__file__).resolve().parents[1]


def lab_flags() -> list[str]:
    """The JupyterLab options of ``make lab``, as the Makefile writes them."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlab:", 1)[1]
    command = recipe.split("jupyter lab", 1)[1].split("notebooks/00_mulai_di_sini.ipynb")[0]
    return [f for f in shlex.split(command.replace("\\\n", " ")) if f.startswith("--")
            and "$(" not in f]


@contextmanager
def make_lab(folder: Path, token: str) -> Iterator[str]:
    """A JupyterLab server over ``folder``; yields its address."""
    port = free_ports(1)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
         "--ip=127.0.0.1", f"--ServerApp.token={token}", f"--ServerApp.root_dir={folder}",
         *(["--allow-root"] if os.geteuid() == 0 else []), *lab_flags()],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            assert server.poll() is None, "JupyterLab did not start"
            try:
                requests.get(f"{base}/api/status?token={token}", timeout=1).raise_for_status()
                break
            except requests.RequestException:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(20)
