"""The facilitator's page, a JupyterHub service: who is logged in, who has fetched and who
has submitted each exercise, and the room's address as text and as a QR code for the
projector. Only the facilitator and the trainer (the hub's admins) may open it.

Its second page (``kemajuan``), for the projector, shows each participant's live progress in
the running exercise as large tiles: decisions filled in, the last save, where the visible
checks still fail (:mod:`humaskit.server.progress`, which reads answers files as data).

It also shows whose sign-in waits or is locked after wrong PINs, with a button to unlock,
and gives a participant who forgot their PIN a new one, shown once (every reset is logged).

It runs as root (a service the hub starts) and never writes in a home: homes are checked with
``lstat`` (a link is never followed), answers files are opened without following a link and
read within a cap, and the exchange's inbound folder is read by its entries' names and owners
(a folder counts only when the account it names made it).
"""

from __future__ import annotations

import html
import json
import os
import socket
import stat
import sys
import time
from datetime import datetime
from pathlib import Path

import segno

from humaskit import pages
from humaskit.grading import exchange
from humaskit.server import activity, pins, progress
from humaskit.server.layout import COURSE_ID, Layout, Settings
from humaskit.server.signin import Guard

REFRESH_SECONDS = 30
GRID_REFRESH_SECONDS = 15
FACILITATOR_PATH = "/services/fasilitator/"


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
    """One row per participant: name, account, server state, last activity, sign-in state
    (waiting or locked after wrong PINs), per exercise."""
    by_name = {u["name"]: u for u in users}
    exercises, done = released(layout), submitted(layout)
    guarded = Guard(layout.guard_file).read()
    found = []
    for account, name in settings.participants.items():
        user = by_name.get(account, {})
        server = (user.get("servers") or {}).get("", {})
        found.append({
            "nama": name, "akun": account,
            "server": "aktif" if server.get("ready") else "mati",
            "aktivitas": _when(user.get("last_activity")),
            "masuk": Guard.describe(guarded.get(account, {})),
            "latihan": {a: ("dikumpulkan" if (account, a) in done else
                            "diambil" if fetched(layout.home(account), a) else "–")
                        for a in exercises},
        })
    return found


def _blocked(row: dict) -> bool:
    """The participant cannot sign in now (waiting or locked after wrong PINs)."""
    return row["masuk"].startswith(("terkunci", "menunggu"))


def _actions(row: dict, xsrf: str) -> str:
    """The row's sign-in buttons: unlock (when waiting or locked), and a new PIN."""
    account, name = html.escape(row["akun"]), html.escape(row["nama"])
    unlock = (f"<form method='post' action='pin'>{xsrf}<input type='hidden' name='akun' "
              f"value='{account}'><button name='aksi' value='buka'>Buka kunci</button></form>"
              if _blocked(row) else "")
    ask = html.escape(json.dumps(f"Buat PIN baru untuk {row['nama']}? PIN lama langsung "
                                 "tidak berlaku."), quote=True)
    reset = (f"<form method='post' action='pin' onsubmit=\"return confirm({ask})\">{xsrf}"
             f"<input type='hidden' name='akun' value='{account}'><button name='aksi' "
             f"value='baru' title='PIN baru untuk {name}'>PIN baru</button></form>")
    return unlock + reset


def page(layout: Layout, settings: Settings, users: list[dict], xsrf: str = "") -> str:
    """The page; ``xsrf`` is the hidden form field of the request (for the buttons)."""
    url = room_url(settings)
    table = rows(layout, settings, users)
    exercises = released(layout)
    active = sum(r["server"] == "aktif" for r in table)
    head = "".join(f"<th>{html.escape(a)}</th>" for a in exercises)
    body = "".join(
        f"<tr><td>{html.escape(r['nama'])}</td><td>{html.escape(r['akun'])}</td>"
        f"<td class='{r['server']}'>{r['server']}</td><td>{r['aktivitas']}</td>"
        + "".join(f"<td class='{v}'>{v}</td>" for v in r["latihan"].values())
        + f"<td class='{'terkunci' if _blocked(r) else ''}'>{html.escape(r['masuk'])}</td>"
        f"<td class='aksi'>{_actions(r, xsrf)}</td></tr>"
        for r in table)
    locked = [r["nama"] for r in table if _blocked(r)]
    warning = (f"<p class='peringatan'>Tidak dapat masuk karena PIN salah berulang kali: "
               f"{html.escape(', '.join(locked))}. Pastikan itu memang pemilik akunnya, lalu "
               "tekan <b>Buka kunci</b> (atau <b>PIN baru</b> bila ia lupa PIN).</p>"
               if locked else "")
    counts = "; ".join(
        f"{html.escape(a)}: {sum(r['latihan'][a] != '–' for r in table)} mengambil, "
        f"{sum(r['latihan'][a] == 'dikumpulkan' for r in table)} mengumpulkan"
        for a in exercises) or "belum ada latihan yang dirilis"
    formgrader = f"/user/{settings.trainer}/formgrader"
    content = (
        f"<h1>Halaman fasilitator</h1><div class='alamat'><div><p>Alamat ruang kelas:</p>"
        f"<p class='url'>{html.escape(url)}</p><p>Masuk dengan nama akun dan PIN yang "
        f"tertulis di kartu masing-masing.</p></div>{qr_svg(url)}</div>"
        f"<p>{active} dari {len(table)} peserta sedang aktif. {counts}.</p>{warning}"
        "<p class='besar'><a href='kemajuan'>Kemajuan latihan per peserta (layar besar, untuk "
        "proyektor)</a></p>"
        f"<p>Pelatih: buka <a href='{formgrader}' target='_blank' rel='noopener'>formgrader</a>"
        " di tab baru (JupyterHub tidak mengizinkan formgrader dibuka di dalam JupyterLab).</p>"
        f"<table><tr><th>Nama</th><th>Akun</th><th>Server</th><th>Aktivitas terakhir</th>"
        f"{head}<th>Masuk</th><th>Tindakan</th></tr>{body}</table>"
        f"<p class='kecil'>Diperbarui {datetime.now().strftime('%H.%M.%S')}; halaman ini "
        f"memuat ulang sendiri setiap {REFRESH_SECONDS} detik.</p>")
    css = ("body{font-family:Arial,sans-serif;margin:1.5em}.alamat{display:flex;gap:2em;"
           "align-items:center}.url{font-size:2.2em;font-weight:bold}table{border-collapse:"
           "collapse}td,th{border:1px solid #bbb;padding:3px 8px}.aktif,.dikumpulkan{background:"
           "#d4edda}.diambil{background:#fff3cd}.kecil{color:#666;font-size:.9em}"
           ".terkunci,.peringatan{background:#f8d7da}.peringatan{padding:.5em}"
           ".aksi form{display:inline;margin-right:.3em}.besar{font-size:1.3em}")
    return pages.document("Halaman fasilitator", content, css, refresh=REFRESH_SECONDS)


def running(layout: Layout, asked: str | None, readable: set[str]) -> str | None:
    """The exercise the grid shows: the one asked for when it is released, else the latest
    released one whose progress can be read (else the latest released)."""
    exercises = released(layout)
    if asked in exercises:
        return asked
    outbound = layout.exchange / COURSE_ID / "outbound"
    pool = [a for a in exercises if a in readable] or exercises
    return max(pool, key=lambda a: os.lstat(outbound / a).st_mtime, default=None)


STATES = {"belum": "belum mulai", "mengerjakan": "sedang mengisi",
          "perlu-dicek": "ada pemeriksaan ✘", "lengkap": "lengkap",
          "tidak-terbaca": "berkas tidak terbaca"}


def _ago(saved: float | None, now: float) -> str:
    if saved is None:
        return "belum pernah disimpan"
    minutes = max(0, int((now - saved) // 60))
    clock = datetime.fromtimestamp(saved).astimezone().strftime("%H.%M")
    return f"disimpan {clock} ({'baru saja' if minutes < 1 else f'{minutes} menit lalu'})"


def progress_rows(layout: Layout, settings: Settings, assignment: str,
                  watch: progress.Watch) -> list[dict]:
    """Per participant (by name): their progress in ``assignment`` and whether they
    fetched and submitted it."""
    done = submitted(layout)
    found = []
    for account, name in sorted(settings.participants.items(), key=lambda p: p[1].lower()):
        uid = exchange.account_uid(account)
        home = layout.home(account) if uid is not None else None
        found.append({
            "nama": name, "akun": account,
            "kemajuan": (watch.progress(home, uid, assignment) if home else
                         progress.Progress(fetched=False)),
            "dikumpulkan": (account, assignment) in done})
    return found


def _tile(row: dict, now: float) -> str:
    mine = row["kemajuan"]
    state = mine.state
    count = (f"{mine.filled} dari {mine.total} isian" if mine.filled is not None
             else html.escape(mine.problem) or ("jawaban belum ada" if mine.fetched
                                                else "latihan belum diambil"))
    share = 100 * mine.filled / mine.total if mine.filled is not None and mine.total else 0
    failing = "".join(f"<li>✘ {html.escape(f)}</li>" for f in mine.failing[:4]) + (
        f"<li>… dan {len(mine.failing) - 4} lainnya</li>" if len(mine.failing) > 4 else "")
    sent = "<p class='kirim'>✔ sudah dikumpulkan</p>" if row["dikumpulkan"] else ""
    return (f"<div class='ubin {state}' data-akun='{html.escape(row['akun'])}'>"
            f"<p class='nama'>{html.escape(row['nama'])}</p>"
            f"<p class='jumlah'>{count}</p><div class='batang'><div style='width:"
            f"{share:.0f}%'></div></div><p class='status'>{STATES[state]}</p>"
            f"<p>{_ago(mine.saved, now)}</p>"
            + (f"<ul>{failing}</ul>" if failing else "") + sent + "</div>")


def grid_page(layout: Layout, settings: Settings, asked: str | None,
              watch: progress.Watch) -> str:
    """The room's progress in the running exercise, one large tile per participant."""
    assignment = running(layout, asked, set(watch.readers))
    now = time.time()
    if assignment is None:
        body = "<p class='besar'>Belum ada latihan yang dirilis.</p>"
    else:
        table = progress_rows(layout, settings, assignment, watch)
        tally = "; ".join(f"{sum(r['kemajuan'].state == k for r in table)} {v}"
                          for k, v in STATES.items()
                          if any(r["kemajuan"].state == k for r in table))
        sent = sum(r["dikumpulkan"] for r in table)
        readable = (
            "" if assignment in watch.readers else
            "<p class='catatan'>Latihan ini dikerjakan dengan kode dan tidak punya berkas "
            "jawaban formulir, jadi jumlah isian tidak dapat dihitung tanpa menjalankan kode "
            "peserta; yang tampak hanya waktu notebook terakhir disimpan.</p>")
        body = (f"<p class='besar'>{html.escape(assignment)}: {len(table)} peserta; {tally}; "
                f"{sent} sudah mengumpulkan.</p>{readable}<div class='petak'>"
                + "".join(_tile(r, now) for r in table) + "</div>")
    others = " ".join(f"<a href='?latihan={html.escape(a)}'>{html.escape(a)}</a>"
                      for a in released(layout) if a != assignment)
    content = (
        "<h1>Kemajuan latihan</h1>" + body
        + (f"<p class='kecil'>Latihan lain: {others}</p>" if others else "")
        + "<p class='kecil'>Jumlah isian dan pemeriksaan dibaca dari berkas jawaban yang "
        "disimpan formulir peserta (pemeriksaan yang sama dengan yang dilihat peserta; "
        "ketepatan jawaban dinilai saat penilaian). Diperbarui "
        f"{datetime.now().strftime('%H.%M.%S')}; halaman ini memuat ulang sendiri setiap "
        f"{GRID_REFRESH_SECONDS} detik. <a href='./'>Halaman fasilitator</a></p>")
    css = ("body{font-family:Arial,sans-serif;margin:1em;font-size:20px}h1{margin:.2em 0}"
           ".besar{font-size:1.4em;font-weight:bold}.petak{display:grid;grid-template-columns:"
           "repeat(auto-fill,minmax(15em,1fr));gap:.6em}.ubin{border:3px solid #888;"
           "border-radius:8px;padding:.4em .7em}.ubin p{margin:.25em 0}.nama{font-size:1.5em;"
           "font-weight:bold}.jumlah{font-size:1.9em;font-weight:bold}.status{font-size:1.3em;"
           "font-weight:bold}.batang{background:#ddd;height:.7em;border-radius:4px}"
           ".batang div{background:#16404d;height:100%;border-radius:4px}.ubin ul{margin:.2em 0;"
           "padding-left:1em;color:#842029;font-weight:bold}.belum{background:#e9ecef}"
           ".mengerjakan{background:#fff3cd;border-color:#b58900}.perlu-dicek,.tidak-terbaca"
           "{background:#f8d7da;border-color:#b02a37}.lengkap{background:#d4edda;"
           "border-color:#2e7d32}.kirim{color:#1b5e20;font-weight:bold}.kecil{color:#555;"
           "font-size:.8em}.catatan{background:#fff3cd;padding:.4em}")
    return pages.document("Kemajuan latihan", content, css, refresh=GRID_REFRESH_SECONDS)


def new_pin_page(settings: Settings, account: str, pin: str) -> str:
    """The new PIN, shown this once, with what to do with it."""
    name = html.escape(settings.participants[account])
    content = (
        f"<h1>PIN baru untuk {name}</h1><p>Akun: <b>{html.escape(account)}</b></p>"
        f"<p class='pin'>{html.escape(pin)}</p>"
        "<p>PIN lama tidak berlaku lagi, dan akun ini tidak lagi terkunci. Tuliskan PIN ini "
        "di kartu peserta dan serahkan langsung kepada pemiliknya: halaman ini tidak dapat "
        "dibuka lagi. Kartu baru dapat dicetak di server dengan <code>humaskit server kartu "
        f"--akun {html.escape(account)}</code>. Penggantian ini tercatat (waktu dan oleh "
        "siapa, tanpa PIN) dan disebut dalam catatan data laporan.</p>"
        "<p><a href='./'>Kembali ke halaman fasilitator</a></p>")
    css = ("body{font-family:Arial,sans-serif;margin:1.5em}.pin{font-size:4em;font-weight:"
           "bold;letter-spacing:.2em;font-family:monospace}")
    return pages.document("PIN baru", content, css)


def main(prefix: str) -> None:
    from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
    from tornado import httpclient, ioloop, web

    layout = Layout(Path(prefix))

    class Admins(HubOAuthenticated, web.RequestHandler):
        def admin(self) -> str:
            if not self.current_user.get("admin"):
                raise web.HTTPError(403, "Halaman ini hanya untuk fasilitator dan pelatih.")
            return self.current_user["name"]

        def write_error(self, status_code: int, **kwargs) -> None:
            error = kwargs.get("exc_info", (None, None))[1]
            said = error.log_message if isinstance(error, web.HTTPError) else None
            self.finish(pages.document("Halaman fasilitator", (
                f"<h1>Tidak dapat dibuka ({status_code})</h1><p>"
                + html.escape(said or "Terjadi kesalahan; muat ulang halaman.") + "</p>"),
                "body{font-family:Arial,sans-serif;margin:1.5em}"))

    class Page(Admins):
        @web.authenticated
        async def get(self):
            self.admin()
            api = os.environ["JUPYTERHUB_API_URL"]
            token = os.environ["JUPYTERHUB_API_TOKEN"]
            response = await httpclient.AsyncHTTPClient().fetch(
                f"{api}/users", headers={"Authorization": f"token {token}"})
            self.write(page(layout, layout.read(), json.loads(response.body),
                            self.xsrf_form_html()))

    watch = progress.Watch()
    recorder = activity.Recorder(layout.activity_file)

    def record() -> None:
        settings = layout.read()
        homes = {a: (layout.home(a), uid) for a in settings.participants
                 if (uid := exchange.account_uid(a)) is not None}
        recorder.poll(homes, released(layout))

    class Grid(Admins):
        @web.authenticated
        def get(self):
            self.admin()
            self.write(grid_page(layout, layout.read(), self.get_argument("latihan", None),
                                 watch))

    class Pin(Admins):
        @web.authenticated
        def post(self):
            by = self.admin()
            account, action = self.get_body_argument("akun"), self.get_body_argument("aksi")
            settings = layout.read()
            if account not in settings.participants:
                raise web.HTTPError(400, "Akun tidak ada di daftar peserta.")
            if action == "buka":
                Guard(layout.guard_file).unlock(account)
                self.redirect("./")
            elif action == "baru":
                pin = pins.reset(layout, account, by)
                self.set_header("Cache-Control", "no-store")
                self.write(new_pin_page(settings, account, pin))
            else:
                raise web.HTTPError(400, "Aksi tidak dikenal.")

    prefix_url = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    app = web.Application([(prefix_url, Page), (prefix_url + "pin", Pin),
                           (prefix_url + "kemajuan", Grid),
                           (prefix_url + "oauth_callback", HubOAuthCallbackHandler)],
                          cookie_secret=os.urandom(32), xsrf_cookies=True)
    service = os.environ["JUPYTERHUB_SERVICE_URL"]
    app.listen(int(service.rsplit(":", 1)[1].split("/")[0]), "127.0.0.1")
    record()
    ioloop.PeriodicCallback(record, activity.POLL_SECONDS * 1000).start()
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main(sys.argv[1])
