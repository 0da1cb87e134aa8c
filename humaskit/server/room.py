"""Setting up the room on the server: settings, accounts, JupyterHub's config file."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from humaskit.server import accounts, pins
from humaskit.server.layout import Layout, Settings

CONFIG = """# Written by `humaskit server setup`; the settings are in kelas.json beside this file.
from pathlib import Path

from humaskit.server.hubconfig import configure
from humaskit.server.layout import Layout

configure(get_config(), Layout(Path(r"{prefix}")))  # noqa: F821
"""


def setup(layout: Layout, roster: Path, **options) -> Settings:
    """Write the settings and the hub's config, create and provision every account, each
    with its PIN or admin password. Run again (say, for a late participant), it keeps the
    PINs and passwords already handed out."""
    if os.geteuid() != 0:
        raise PermissionError("Server kelas harus disiapkan sebagai root (sudo), karena "
                              "setiap peserta mendapat akun Unix sendiri.")
    if not layout.python.exists():
        raise FileNotFoundError(f"{layout.python} belum ada: pasang dulu dengan "
                                "`humaskit server install BUNDEL`.")
    reachable = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup",
                                "--clear-groups", str(layout.python), "-c", "import humaskit"],
                               capture_output=True, check=False)
    if reachable.returncode != 0:
        raise PermissionError(f"Akun peserta tidak dapat menjalankan {layout.python}: salah "
                              f"satu folder di atas {layout.prefix} tertutup bagi akun lain. "
                              "Pasang di folder yang terbuka, misalnya /opt/humaskit.")
    earlier = layout.read() if layout.settings_file.exists() else Settings({})
    settings = Settings(participants=accounts.from_roster(roster), **options)
    check_proxy(layout, settings.proxy)
    settings.pins = pins.assign(settings.participants, earlier.pins)
    settings.admin_passwords = pins.admin_passwords(settings.admins, earlier.admin_passwords)
    clash = set(settings.admins) & set(settings.participants)
    if clash:
        raise ValueError(f"Akun {', '.join(sorted(clash))} dipakai peserta dan admin sekaligus.")
    layout.write(settings)
    layout.config_file.write_text(CONFIG.format(prefix=layout.prefix), encoding="utf-8")
    layout.config_file.chmod(0o600)
    accounts.provision(layout, settings)
    return settings


def check_proxy(layout: Layout, proxy: str) -> None:
    """The chosen proxy can run here: Node.js and the unpacked Node proxy for ``node``."""
    if proxy == "python":
        return
    if proxy != "node":
        raise ValueError(f"Proksi tidak dikenal: {proxy} (pilih node atau python).")
    if shutil.which("node") is None:
        raise FileNotFoundError("Node.js tidak ditemukan: pasang paket Debian `nodejs` "
                                "(apt install nodejs), atau pilih `--proxy python`.")
    if not layout.node_proxy.exists():
        raise FileNotFoundError(f"{layout.node_proxy} belum ada: buat bundel di mesin yang "
                                "memiliki npm, lalu pasang ulang dengan `humaskit server "
                                "install BUNDEL`; atau pilih `--proxy python`.")


def start_command(layout: Layout) -> list[str]:
    return [str(layout.env / "bin" / "jupyterhub"), "-f", str(layout.config_file)]
