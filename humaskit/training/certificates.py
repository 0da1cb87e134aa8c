"""Certificates (*sertifikat*): one printable A4 page per participant who meets the
attendance threshold, stating the JP they attended; PDF where Chromium is installed.

Participants below the threshold get no certificate; they are listed with the reason in
``tidak_memenuhi.csv`` and in the organiser's report.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from humaskit import pages, safe_text
from humaskit.training.identity import Identity, tanggal

CSS = """
@page{size:A4 landscape;margin:0}
body{margin:0;font-family:"Times New Roman",Georgia,serif;color:#1b1b1b}
.sheet{box-sizing:border-box;width:297mm;height:210mm;padding:16mm 22mm;
border:3mm double #16404d;display:flex;flex-direction:column}
.nomor{text-align:right;font-size:11pt;color:#444}
h1{text-align:center;font-size:30pt;letter-spacing:.25em;margin:6mm 0 2mm;color:#16404d}
.sub{text-align:center;font-size:13pt;margin:0 0 6mm}
.nama{text-align:center;font-size:24pt;font-weight:bold;margin:2mm 0 0}
.instansi{text-align:center;font-size:13pt;margin:1mm 0 6mm}
.isi{text-align:center;font-size:13pt;line-height:1.5;margin:0 12mm}
.jp{font-weight:bold}
.tanda{display:flex;justify-content:space-around;margin-top:auto;font-size:12pt}
.tanda div{text-align:center;min-width:75mm}.ruang{height:22mm}
.ttd-nama{font-weight:bold;text-decoration:underline}
"""


def number(identity: Identity, index: int) -> str:
    prefix = identity["nomor_awalan"]
    return f"{prefix}/{index:03d}" if prefix else f"{index:03d}"


def page(identity: Identity, who: dict, index: int) -> str:
    """One certificate as a complete HTML page (every text escaped and printable)."""
    esc = html.escape
    signs = []
    for n, (role, name, nip) in enumerate(identity.signatories()):
        place = (f"{esc(identity['kota_penerbitan'])}, {esc(tanggal(identity.end))}<br>"
                 if n == len(identity.signatories()) - 1 else "<br>")
        signs.append(f"<div>{place}{esc(role)}<div class='ruang'></div>"
                     f"<div class='ttd-nama'>{esc(name)}</div>"
                     + (f"NIP {esc(nip)}" if nip else "") + "</div>")
    body = (
        f"<div class='sheet'><div class='nomor'>Nomor: {esc(number(identity, index))}</div>"
        "<h1>SERTIFIKAT</h1><p class='sub'>diberikan kepada</p>"
        f"<p class='nama'>{esc(who['nama'])}</p><p class='instansi'>{esc(who['instansi'])}</p>"
        f"<p class='isi'>sebagai peserta pelatihan <i>{esc(identity['judul'])}</i> yang "
        f"diselenggarakan oleh {esc(identity['penyelenggara'])} di {esc(identity['tempat'])} "
        f"pada {esc(identity.dates)}, dengan kehadiran "
        f"<span class='jp'>{who['jp']} jam pelajaran (JP)</span>.</p>"
        f"<div class='tanda'>{''.join(signs)}</div></div>")
    return safe_text.printable(pages.document(f"Sertifikat — {who['nama']}", body, CSS))


def write(identity: Identity, summary: pd.DataFrame, folder: Path,
          pdf: bool = True) -> tuple[list[Path], list[str]]:
    """Write ``<id>.html`` (and ``.pdf``) per qualifying participant and
    ``tidak_memenuhi.csv``; returns the pages written and notes (e.g. PDF skipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    browser = pages.find_browser() if pdf else None
    written, notes = [], []
    qualified = summary[summary["memenuhi"]].reset_index(drop=True)
    for index, who in enumerate(qualified.to_dict("records"), start=1):
        path = folder / f"{who['id']}.html"
        path.write_text(page(identity, who, index), encoding="utf-8")
        written.append(path)
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
