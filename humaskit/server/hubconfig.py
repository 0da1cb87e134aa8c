"""JupyterHub's configuration for the classroom, applied by ``PREFIX/hub/jupyterhub_config.py``.

- Accounts: the roster's participants and the two admins (facilitator, trainer), logged in
  with JupyterHub's shared-password authenticator: one workshop password for participants,
  one admin password for the admins.
- Proxy: ``configurable-http-proxy`` from PyPI, a Python implementation of JupyterHub's
  proxy API (installed as a wheel, so it installs offline; no Node.js needed), run through
  :mod:`humaskit.server.proxy`: sized for a room, and speaking JupyterLab's kernel protocol.
- Spawner: :class:`humaskit.server.spawner.KelasSpawner`, memory-limited, idle servers culled.
- Services: the idle culler, and the facilitator's page (:mod:`humaskit.server.facilitator`).
"""

from __future__ import annotations

from humaskit.server.layout import Layout

LANDING = "/lab/tree/notebooks/00_mulai_di_sini.ipynb"
FACILITATOR_SERVICE = "fasilitator"
PROXY_TIMEOUT_S = 300
SPAWN_TIMEOUT_S = 300


def configure(c, layout: Layout) -> None:
    settings = layout.read()
    python = str(layout.python)
    c.JupyterHub.ip = settings.ip
    c.JupyterHub.port = settings.port
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings.port + 3
    c.JupyterHub.db_url = f"sqlite:///{layout.hub / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(layout.hub / "cookie_secret")
    c.JupyterHub.pid_file = str(layout.hub / "jupyterhub.pid")
    # The Python proxy gives up on a server after 20 s by default (Node's waits): when the whole
    # room opens notebooks at once, a kernel's websocket can take longer to answer. Its other
    # faults in a room (10 requests at a time; kernel websockets) are mended in
    # humaskit.server.proxy.
    c.ConfigurableHTTPProxy.command = [python, "-m", "humaskit.server.proxy",
                                       f"--proxy-timeout={PROXY_TIMEOUT_S * 1000}"]
    c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:" + str(settings.port + 1)
    c.ConfigurableHTTPProxy.pid_file = str(layout.hub / "proxy.pid")

    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = settings.password
    c.SharedPasswordAuthenticator.admin_password = settings.admin_password
    c.Authenticator.allowed_users = set(settings.participants)
    c.Authenticator.admin_users = set(settings.admins)

    c.JupyterHub.spawner_class = "humaskit.server.spawner.KelasSpawner"
    c.Spawner.cmd = [python, "-m", "jupyterhub.singleuser"]
    c.Spawner.default_url = LANDING
    c.Spawner.mem_limit = f"{settings.memory_mib}M"
    # When the whole room logs in at once, 40 JupyterLab servers start together on two cores:
    # a participant waits on the hub's progress page rather than getting an error.
    c.Spawner.http_timeout = SPAWN_TIMEOUT_S
    c.Spawner.start_timeout = SPAWN_TIMEOUT_S
    c.Spawner.environment = {"PATH": f"{layout.env / 'bin'}:/usr/local/bin:/usr/bin:/bin"}

    c.JupyterHub.load_roles = [
        {"name": "jupyterhub-idle-culler-role",
         "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
         "services": ["jupyterhub-idle-culler-service"]},
        {"name": "fasilitator-role",
         "scopes": ["list:users", "read:users", "read:users:activity", "read:servers"],
         "services": [FACILITATOR_SERVICE]},
    ]
    c.JupyterHub.services = [
        {"name": "jupyterhub-idle-culler-service",
         "command": [python, "-m", "jupyterhub_idle_culler",
                     f"--timeout={settings.idle_minutes * 60}"]},
        {"name": FACILITATOR_SERVICE, "url": f"http://127.0.0.1:{settings.port + 2}",
         "command": [python, "-m", "humaskit.server.facilitator", str(layout.prefix)],
         "oauth_no_confirm": True, "display": True},
    ]
    c.JupyterHub.template_vars = {"announcement_login": (
        "Masuk dengan nama akun Anda (id di daftar peserta) dan kata sandi lokakarya.")}
