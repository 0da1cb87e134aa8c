"""JupyterHub's configuration for the classroom, applied by ``PREFIX/hub/jupyterhub_config.py``.

- Accounts: the roster's participants and the two admins (facilitator, trainer), each
  signing in as themselves with JupyterHub's PAM authenticator against their Unix account:
  a personal PIN for a participant, a long password for an admin; guessing a PIN is slowed
  and then locked (:mod:`humaskit.server.signin`).
- Pages: the hub's own pages (log-in, server starting, errors, server stopped) in
  Indonesian, from the templates in ``humaskit/server/templates``.
- Proxy (``server setup --proxy``): the Python port of ``configurable-http-proxy`` from PyPI
  (the default; a wheel, no Node.js), run through :mod:`humaskit.server.proxy`, which mends
  its faults in a room; or JupyterHub's reference one, the npm package run by Debian's
  Node.js and unpacked from the bundle (README: the two compared in a 40-participant room).
- Spawner: :class:`humaskit.server.spawner.KelasSpawner`, memory-limited, idle servers culled,
  opening on the start page that picks the view for the screen's width.
- Services: the idle culler, and the facilitator's page (:mod:`humaskit.server.facilitator`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from humaskit.server.layout import Layout, Settings

#: The start page (:mod:`humaskit.server.start_page`): Notebook 7 on a phone, JupyterLab
#: on a laptop, both on the landing notebook.
LANDING = "/mulai"
FACILITATOR_SERVICE = "fasilitator"
PROXY_TIMEOUT_S = 300
SPAWN_TIMEOUT_S = 300
TEMPLATES = Path(__file__).with_name("templates")


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
    c.ConfigurableHTTPProxy.command = proxy_command(layout, settings)
    c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:" + str(settings.port + 1)
    c.ConfigurableHTTPProxy.pid_file = str(layout.hub / "proxy.pid")

    # PAM (the "login" service): each account's Unix password, set by `setup` and by a PIN
    # reset; a wrong one costs about 3 s there (pam_faildelay), then the guard counts it.
    c.JupyterHub.authenticator_class = "humaskit.server.signin.KelasAuthenticator"
    c.KelasAuthenticator.guard_file = str(layout.guard_file)
    c.KelasAuthenticator.activity_file = str(layout.activity_file)
    c.Authenticator.allowed_users = set(settings.participants)
    c.Authenticator.admin_users = set(settings.admins)
    c.JupyterHub.template_paths = [str(TEMPLATES)]

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


def proxy_command(layout: Layout, settings: Settings) -> list[str]:
    """The room's proxy, as the settings choose it. Both wait up to PROXY_TIMEOUT_S for a
    participant's server: when the whole room opens notebooks at once, a kernel's websocket
    can take longer to answer than the Python proxy's default of 20 s."""
    timeout = f"--proxy-timeout={PROXY_TIMEOUT_S * 1000}"
    if settings.proxy == "node":
        return [shutil.which("node") or "/usr/bin/node", str(layout.node_proxy), timeout]
    # its other faults in a room (10 requests at a time; kernel websockets) are mended in
    # humaskit.server.proxy
    return [str(layout.python), "-m", "humaskit.server.proxy", timeout]
