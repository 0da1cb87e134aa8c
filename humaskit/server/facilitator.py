"""The facilitator's page, a JupyterHub service: who is logged in, who has fetched and who
has submitted each exercise, and the room's address as text and as a QR code for the
projector. Only the facilitator and the trainer (the hub's admins) may open it.

It runs as root (a service the hub starts), so it only *lists* names: homes are checked with
``lstat`` (a link is never followed) and the exchange's inbound folder by its entries' names
and owners (a folder counts only when the account it names made it).
"""

from __future__ import annotations

import html
import json
import os
import socket
import stat
import sys
from datetime import datetime
from pathlib import Path

import segno

from humaskit import pages
from humaskit.grading import exchange
from humaskit.server.layout import COURSE_ID, Layout, Settings

REFRESH_SECONDS = 30


def room_url(settings: Settings) -> str:
    """The address participants type: the configured one, or this machine's LAN address."""
    if settings.url:
        return settings.url
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # no packet is sent for UDP connect
            ip = probe.getsockname()[0]
        except OSError:
            ip = "127.0.0.1"
    return f"http://{ip}:{settings.port}/"


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=8, dark="#16404d")


def released(layout: Layout) -> list[str]:
    outbound = layout.exchange / COURSE_ID / "outbound"
    try:
        return sorted(e.name for e in os.scandir(outbound) if e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def submitted(layout: Layout) -> set[tuple[str, str]]:
    """(account, assignment) of every submission in the exchange that the participant's own
    account made (:func:`humaskit.grading.exchange.submitted`)."""
    return exchange.submitted(layout.exchange / COURSE_ID / "inbound")


def fetched(home: Path, assignment: str) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(home / assignment).st_mode)
    except OSError:
        return False


def _when(stamp: str | None) -> str:
    if not stamp:
        return "–"
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    return moment.strftime("%H.%M")


def rows(layout: Layout, settings: Settings, users: list[dict]) -> list[dict]:
    """One row per participant: name, account, server state, last activity, per exercise."""
    by_name = {u["name"]: u for u in users}
    exercises, done = released(layout), submitted(layout)
    found = []
    for account, name in settings.participants.items():
        user = by_name.get(account, {})
        server = (user.get("servers") or {}).get("", {})
        found.append({
            "nama": name, "akun": account,
            "server": "aktif" if server.get("ready") else "mati",
            "aktivitas": _when(user.get("last_activity")),
            "latihan": {a: ("dikumpulkan" if (account, a) in done else
                            "diambil" if fetched(layout.home(account), a) else "–")
                        for a in exercises},
        })
    return found


def page(layout: Layout, settings: Settings, users: list[dict]) -> str:
    url = room_url(settings)
    table = rows(layout, settings, users)
    exercises = released(layout)
    active = sum(r["server"] == "aktif" for r in table)
    head = "".join(f"<th>{html.escape(a)}</th>" for a in exercises)
    body = "".join(
        f"<tr><td>{html.escape(r['nama'])}</td><td>{html.escape(r['akun'])}</td>"
        f"<td class='{r['server']}'>{r['server']}</td><td>{r['aktivitas']}</td>"
        + "".join(f"<td class='{v}'>{v}</td>" for v in r["latihan"].values()) + "</tr>"
        for r in table)
    counts = "; ".join(
        f"{html.escape(a)}: {sum(r['latihan'][a] != '–' for r in table)} mengambil, "
        f"{sum(r['latihan'][a] == 'dikumpulkan' for r in table)} mengumpulkan"
        for a in exercises) or "belum ada latihan yang dirilis"
    formgrader = f"/user/{settings.trainer}/formgrader"
    content = (
        f"<h1>Halaman fasilitator</h1><div class='alamat'><div><p>Alamat ruang kelas:</p>"
        f"<p class='url'>{html.escape(url)}</p><p>Masuk dengan nama akun (id di daftar "
        f"peserta) dan kata sandi lokakarya.</p></div>{qr_svg(url)}</div>"
        f"<p>{active} dari {len(table)} peserta sedang aktif. {counts}.</p>"
        f"<p>Pelatih: buka <a href='{formgrader}' target='_blank' rel='noopener'>formgrader</a>"
        " di tab baru (JupyterHub tidak mengizinkan formgrader dibuka di dalam JupyterLab).</p>"
        f"<table><tr><th>Nama</th><th>Akun</th><th>Server</th><th>Aktivitas terakhir</th>"
        f"{head}</tr>{body}</table>"
        f"<p class='kecil'>Diperbarui {datetime.now().strftime('%H.%M.%S')}; halaman ini "
        f"memuat ulang sendiri setiap {REFRESH_SECONDS} detik.</p>")
    css = ("body{font-family:Arial,sans-serif;margin:1.5em}.alamat{display:flex;gap:2em;"
           "align-items:center}.url{font-size:2.2em;font-weight:bold}table{border-collapse:"
           "collapse}td,th{border:1px solid #bbb;padding:3px 8px}.aktif,.dikumpulkan{background:"
           "#d4edda}.diambil{background:#fff3cd}.kecil{color:#666;font-size:.9em}")
    return pages.document("Halaman fasilitator", content, css, refresh=REFRESH_SECONDS)


def main(prefix: str) -> None:
    from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
    from tornado import httpclient, ioloop, web

    layout = Layout(Path(prefix))

    class Page(HubOAuthenticated, web.RequestHandler):
        @web.authenticated
        async def get(self):
            if not self.current_user.get("admin"):
                raise web.HTTPError(403, "Hanya fasilitator dan pelatih.")
            api = os.environ["JUPYTERHUB_API_URL"]
            token = os.environ["JUPYTERHUB_API_TOKEN"]
            response = await httpclient.AsyncHTTPClient().fetch(
                f"{api}/users", headers={"Authorization": f"token {token}"})
            self.write(page(layout, layout.read(), json.loads(response.body)))

    prefix_url = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    app = web.Application([(prefix_url, Page), (prefix_url + "oauth_callback",
                                                 HubOAuthCallbackHandler)],
                          cookie_secret=os.urandom(32))
    service = os.environ["JUPYTERHUB_SERVICE_URL"]
    app.listen(int(service.rsplit(":", 1)[1].split("/")[0]), "127.0.0.1")
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main(sys.argv[1])
