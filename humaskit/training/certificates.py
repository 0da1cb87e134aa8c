"""Certificates (*sertifikat*) an ASN can credit JP with: A4 landscape, a front page with the
participant's NIP, pangkat/golongan, jabatan and instansi, the programme's total JP, the
number from the register, the signatures and a QR code (:mod:`humaskit.training.register`),
and a back page listing each *mata pelatihan* with its JP. One HTML page (and PDF, where
Chromium is installed) per participant, plus one combined PDF for printing.

Participants below the attendance threshold get no certificate; they are listed with the
reason in ``tidak_memenuhi.csv`` and in the organiser's report.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import segno

from humaskit import pages, safe_text
from humaskit.training import curriculum, register
from humaskit.training.identity import Identity, tanggal

COMBINED = "semua_sertifikat"
CSS = """
@page{size:A4 landscape;margin:0}
body{margin:0;font-family:"Times New Roman",Georgia,serif;color:#1b1b1b}
.sheet{box-sizing:border-box;width:297mm;height:210mm;padding:14mm 20mm;overflow:hidden;
border:3mm double #16404d;display:flex;flex-direction:column;break-after:page}
.nomor{text-align:center;font-size:12pt;color:#333;margin:0}
h1{text-align:center;font-size:30pt;letter-spacing:.25em;margin:3mm 0 1mm;color:#16404d}
.sub{text-align:center;font-size:13pt;margin:0 0 3mm}
.nama{text-align:center;font-size:24pt;font-weight:bold;margin:0 0 2mm}
.data{margin:0 auto 3mm;font-size:12.5pt;border-collapse:collapse}
.data td{padding:.3mm 2mm;vertical-align:top}
.isi{text-align:center;font-size:13pt;line-height:1.45;margin:0 10mm}
.jp{font-weight:bold}
.bawah{display:flex;align-items:flex-end;justify-content:space-between;margin-top:auto}
.qr{width:34mm;font-size:8pt;text-align:center;color:#444}.qr svg{width:30mm;height:30mm}
.tanda{display:flex;gap:14mm;font-size:12pt}
.tanda div{text-align:center;min-width:70mm}.ruang{height:20mm}
.ttd-nama{font-weight:bold;text-decoration:underline}
h2{text-align:center;font-size:18pt;color:#16404d;margin:4mm 0}
.kurikulum{margin:0 auto;border-collapse:collapse;font-size:13pt;min-width:170mm}
.kurikulum th,.kurikulum td{border:1px solid #555;padding:1.5mm 4mm;text-align:left}
.kurikulum td.jp{text-align:right}.kurikulum tr.jumlah td{font-weight:bold}
"""


def qr_svg(text: str) -> str:
    """The QR code of ``text`` as an inline SVG (error correction M)."""
    return segno.make(text, error="m").svg_inline(scale=4, border=1)


def sheets(identity: Identity, who: dict, entry: dict,
           modules: list[curriculum.Module]) -> str:
    """The two pages of one certificate (front and back) as HTML; every text escaped."""
    esc = html.escape
    signed = identity.certificate_signatories()
    signs = []
    for n, (role, name, nip) in enumerate(signed):
        above = (f"{esc(identity['kota_penerbitan'])}, {esc(tanggal(identity.end))}<br>"
                 if n == len(signed) - 1 else "<br>")
        signs.append(f"<div>{above}{esc(role)}<div class='ruang'></div>"
                     f"<div class='ttd-nama'>{esc(name)}</div>"
                     + (f"NIP {esc(nip)}" if nip else "") + "</div>")
    details = [("NIP", who.get("nip")), ("Pangkat/golongan", who.get("pangkat_golongan")),
               ("Jabatan", who.get("jabatan")), ("Instansi", who.get("instansi"))]
    rows = "".join(f"<tr><td>{label}</td><td>:</td><td>{esc(value)}</td></tr>"
                   for label, value in details if value)
    total = sum(m.jp for m in modules)
    front = (
        f"<div class='sheet'><h1>SERTIFIKAT</h1>"
        f"<p class='nomor'>Nomor: {esc(entry['nomor'])}</p>"
        "<p class='sub'>diberikan kepada</p>"
        f"<p class='nama'>{esc(who['nama'])}</p><table class='data'>{rows}</table>"
        f"<p class='isi'>yang telah mengikuti <i>{esc(identity['judul'])}</i> yang "
        f"diselenggarakan oleh {esc(identity['penyelenggara'])} di {esc(identity['tempat'])} "
        f"pada {esc(identity.dates)}, sebanyak <span class='jp'>{total} jam pelajaran "
        "(JP)</span>.</p>"
        f"<div class='bawah'><div class='qr'>{qr_svg(register.payload(entry))}<br>Pindai "
        "untuk memeriksa keaslian</div><div class='tanda'>" + "".join(signs)
        + "</div></div></div>")
    lines = "".join(f"<tr><td>{n}</td><td>Hari {m.day}: {esc(m.title)}</td>"
                    f"<td class='jp'>{m.jp}</td></tr>" for n, m in enumerate(modules, start=1))
    back = (
        "<div class='sheet'><h2>DAFTAR MATA PELATIHAN</h2>"
        f"<p class='sub'>{esc(identity['judul'])}<br>{esc(identity.dates)}</p>"
        "<table class='kurikulum'><tr><th>No</th><th>Mata pelatihan</th><th>JP</th></tr>"
        f"{lines}<tr class='jumlah'><td></td><td>Jumlah</td><td class='jp'>{total}</td></tr>"
        "</table><p class='sub' style='margin-top:4mm'>1 JP = 45 menit. Nomor sertifikat: "
        f"{esc(entry['nomor'])}.</p></div>")
    return front + back


def page(identity: Identity, who: dict, entry: dict, modules: list[curriculum.Module]) -> str:
    """One certificate as a complete HTML page (every text escaped and printable), with its
    QR text in a ``meta`` element."""
    body = sheets(identity, who, entry, modules)
    meta = f"<meta name='humaskit-qr' content='{html.escape(register.payload(entry))}'>"
    return safe_text.printable(pages.document(f"Sertifikat — {who['nama']}", meta + body, CSS))


def write(identity: Identity, summary: pd.DataFrame, roster: dict, entries: pd.DataFrame,
          modules: list[curriculum.Module], folder: Path,
          pdf: bool = True) -> tuple[list[Path], list[str]]:
    """Write ``<id>.html`` (and ``.pdf``) per register entry, the combined page and PDF, and
    ``tidak_memenuhi.csv``; returns the files written and notes (e.g. PDF skipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    browser = pages.find_browser() if pdf else None
    written, notes, bodies = [], [], []
    for entry in entries.to_dict("records"):
        person = roster[entry["id"]]
        who = {**vars(person), "nama": entry["nama"]}
        path = folder / f"{entry['id']}.html"
        path.write_text(page(identity, who, entry, modules), encoding="utf-8")
        bodies.append(sheets(identity, who, entry, modules))
        written.append(path)
    combined = folder / f"{COMBINED}.html"
    if bodies:
        combined.write_text(safe_text.printable(pages.document(
            "Sertifikat — semua peserta", "".join(bodies), CSS)), encoding="utf-8")
    for path in [p for p in written] + ([combined] if bodies else []):
        if browser:
            try:
                written.append(pages.print_pdf(path, browser))
            except (pages.PrintError, OSError) as error:
                notes.append(str(error))
    if pdf and not browser:
        notes.append("PDF sertifikat dilewati: Chromium tidak ditemukan. Buka berkas HTML di "
                     "peramban lalu Cetak → Simpan sebagai PDF (A4, lanskap).")
    below = summary[~summary["memenuhi"]][["id", "nama", "instansi", "jp", "persen_kehadiran",
                                           "alasan"]]
    safe_text.to_csv(below, folder / "tidak_memenuhi.csv")
    return written, notes
