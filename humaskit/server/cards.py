"""The sign-in cards: an A4 PDF of cut-out cards, one per participant (name, account, PIN,
the room's address and its QR code), handed out at registration; and a separate sheet with
the admins' passwords for the organiser only. One card can be reprinted on demand.

The pages are printed with the kit's headless Chromium (:mod:`humaskit.pages`) from a
private scratch folder; the files written hold secrets, so they are readable by their owner
only. Without Chromium the HTML is kept instead, to be printed from any browser.
"""

from __future__ import annotations

import html
import shutil
import tempfile
from pathlib import Path

import segno

from humaskit import pages
from humaskit.server.facilitator import FACILITATOR_PATH, room_url
from humaskit.server.layout import Layout, Settings

PARTICIPANTS_FILE = "kartu_peserta"
ADMINS_FILE = "kartu_admin"
CSS = """@page{size:A4;margin:10mm}
body{font-family:Arial,sans-serif;margin:0;color:#16404d}
.kartu-kartu{display:grid;grid-template-columns:1fr 1fr;gap:0}
.kartu{border:1px dashed #888;height:53mm;padding:4mm;box-sizing:border-box;display:flex;
gap:4mm;break-inside:avoid;page-break-inside:avoid}
.kartu svg{width:30mm;height:30mm;flex:none}
.judul{font-size:9pt;color:#555;margin:0 0 2mm}.nama{font-size:13pt;font-weight:bold;margin:0}
.baris{font-size:10pt;margin:1mm 0}.pin{font-family:monospace;font-size:18pt;font-weight:bold}
.alamat{font-size:9pt;word-break:break-all}
table{border-collapse:collapse;margin-top:4mm}td,th{border:1px solid #888;padding:2mm 3mm;
text-align:left}.rahasia{font-family:monospace;font-size:11pt}"""


def _qr(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, dark="#16404d")


def card(name: str, account: str, pin: str, url: str, qr: str) -> str:
    return (f"<div class='kartu'>{qr}<div><p class='judul'>Kartu masuk ruang kelas</p>"
            f"<p class='nama'>{html.escape(name)}</p>"
            f"<p class='baris'>Akun: <b>{html.escape(account)}</b></p>"
            f"<p class='baris'>PIN: <span class='pin'>{html.escape(pin)}</span></p>"
            f"<p class='alamat'>Buka {html.escape(url)}</p>"
            "<p class='judul'>PIN ini rahasia: jangan dipinjamkan.</p></div></div>")


def participants_page(settings: Settings, accounts: list[str]) -> str:
    url = room_url(settings)
    qr = _qr(url)
    body = "".join(card(settings.participants[a], a, settings.pins[a], url, qr)
                   for a in accounts)
    return pages.document("Kartu masuk peserta", f"<div class='kartu-kartu'>{body}</div>", CSS)


def admins_page(settings: Settings) -> str:
    url = room_url(settings)
    rows = "".join(f"<tr><td>{html.escape(a)}</td><td class='rahasia'>{html.escape(p)}</td></tr>"
                   for a, p in settings.admin_passwords.items())
    body = (f"<h1>Akun admin ruang kelas</h1><p>Hanya untuk penyelenggara: fasilitator "
            f"(<b>{html.escape(settings.facilitator)}</b>) dan pelatih "
            f"(<b>{html.escape(settings.trainer)}</b>). Jangan dibagikan kepada peserta.</p>"
            f"<p>Alamat kelas: {html.escape(url)}<br>Halaman fasilitator: "
            f"{html.escape(url.rstrip('/') + FACILITATOR_PATH)}</p>"
            f"<table><tr><th>Akun</th><th>Kata sandi</th></tr>{rows}</table>")
    return pages.document("Akun admin ruang kelas", body, CSS)


def write(layout: Layout, out: Path, account: str | None = None) -> list[Path]:
    """Write the participants' cards and the admins' sheet into ``out`` (or only the card of
    ``account``); returns the files written (PDF, or HTML where Chromium is missing)."""
    settings = layout.read()
    if account is not None and account not in settings.participants:
        raise ValueError(f"Akun {account} tidak ada di daftar peserta server ini.")
    documents = ({f"kartu_{account}": participants_page(settings, [account])} if account
                 else {PARTICIPANTS_FILE: participants_page(settings, list(settings.participants)),
                       ADMINS_FILE: admins_page(settings)})
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o700)
    browser = pages.find_browser()
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        for stem, text in documents.items():
            page = Path(scratch) / f"{stem}.html"
            page.write_text(text, encoding="utf-8")
            made = pages.print_pdf(page, browser) if browser else page
            target = out / made.name
            shutil.move(made, target)
            target.chmod(0o600)
            written.append(target)
    return written
