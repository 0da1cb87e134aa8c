"""Where the classroom server keeps everything, under one prefix (default ``/opt/humaskit``).

::

    PREFIX/env/        the Python environment every account runs (world-readable)
    PREFIX/proxy/      JupyterHub's reference proxy (npm configurable-http-proxy), run by Node,
                       when the bundle has it (``server setup --proxy node``)
    PREFIX/kit/        the kit participants may read: package, datasets, day notebooks
    PREFIX/instruktur/ instructor material (exercise sources with hidden tests and model
                       answers, answer keys): root only; copied into the trainer's course
    PREFIX/hub/        JupyterHub's config, database, secrets, settings (root only)
    PREFIX/exchange/   nbgrader's exchange (release, fetch, submit)

The settings (``hub/kelas.json``) hold the room's accounts, PINs and admin passwords; only
root reads them.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

DEFAULT_PREFIX = Path("/opt/humaskit")
COURSE_ID = "humaskit"
#: The room's proxy: the Python port of JupyterHub's proxy (:mod:`humaskit.server.proxy`), or
#: JupyterHub's reference one run by Node. The first is the default: in a room of 40 it was as
#: reliable and a little faster, and needs no Node.js (README: the comparison).
PROXIES = ("python", "node")


@dataclass
class Settings:
    """The room: roster accounts, the two admins, their secrets, port, limits."""

    participants: dict[str, str]  # unix account -> name shown
    facilitator: str = "fasilitator"
    trainer: str = "pelatih"
    pins: dict[str, str] = field(default_factory=dict)  # participant -> PIN (Unix password)
    admin_passwords: dict[str, str] = field(default_factory=dict)  # admin -> long password
    ip: str = "0.0.0.0"
    port: int = 8000  # the room's port; the proxy API, facilitator page and hub use the next 3
    url: str = ""  # the room address shown to participants (detected when empty)
    memory_mib: int = 1024
    idle_minutes: int = 60
    homes: str = "/home"
    proxy: str = PROXIES[0]

    @property
    def admins(self) -> list[str]:
        return [self.facilitator, self.trainer]

    @property
    def accounts(self) -> list[str]:
        return [*self.admins, *self.participants]


@dataclass(frozen=True)
class Layout:
    prefix: Path = DEFAULT_PREFIX

    @property
    def env(self) -> Path:
        return self.prefix / "env"

    @property
    def python(self) -> Path:
        return self.env / "bin" / "python"

    @property
    def proxy(self) -> Path:
        return self.prefix / "proxy"

    @property
    def node_proxy(self) -> Path:
        """The Node proxy's command (a Node script), as ``server install`` unpacks it."""
        return (self.proxy / "package" / "node_modules" / "configurable-http-proxy" / "bin"
                / "configurable-http-proxy")

    @property
    def kit(self) -> Path:
        return self.prefix / "kit"

    @property
    def instructor(self) -> Path:
        return self.prefix / "instruktur"

    @property
    def hub(self) -> Path:
        return self.prefix / "hub"

    @property
    def exchange(self) -> Path:
        return self.prefix / "exchange"

    @property
    def settings_file(self) -> Path:
        return self.hub / "kelas.json"

    @property
    def config_file(self) -> Path:
        return self.hub / "jupyterhub_config.py"

    @staticmethod
    def home(account: str) -> Path:
        """The account's home as the system knows it."""
        import pwd

        return Path(pwd.getpwnam(account).pw_dir)

    @property
    def resets_file(self) -> Path:
        """The log of PIN resets (time, account, by whom; never the PIN)."""
        from humaskit.server import resets

        return self.hub / resets.FILE

    @property
    def guard_file(self) -> Path:
        """Failed sign-ins per account, waits and locks (:mod:`humaskit.server.signin`)."""
        return self.hub / "masuk_gagal.json"

    @property
    def activity_file(self) -> Path:
        """Sign-ins and saves per account (:mod:`humaskit.server.activity`)."""
        from humaskit.server import activity

        return self.hub / activity.FILE

    def read(self) -> Settings:
        data = json.loads(self.settings_file.read_text(encoding="utf-8"))
        known = {f.name for f in fields(Settings)}
        return Settings(**{k: v for k, v in data.items() if k in known})

    def write(self, settings: Settings) -> None:
        self.hub.mkdir(parents=True, exist_ok=True)
        self.hub.chmod(0o700)
        tmp = self.settings_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1),
                       encoding="utf-8")
        tmp.chmod(0o600)
        os.replace(tmp, self.settings_file)
