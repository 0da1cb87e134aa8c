"""``humaskit laporan``: the organiser's report and the certificates of a cohort."""

from __future__ import annotations

import argparse
from pathlib import Path

from humaskit import documents
from humaskit.datasets.validation import DatasetError
from humaskit.grading.workspace import DEFAULT_OUT
from humaskit.safe_text import visible, visible_lines
from humaskit.training import attendance, publish


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "laporan", help="build the organiser's report (DOCX, HTML) and the certificates",
        description="From a cohort folder written by `humaskit grade all --out DIR` and the "
                    "facilitator's records in DIR/penyelenggaraan/ (identitas.csv, "
                    "daftar_hadir.csv, evaluations, RTL files), write the laporan "
                    "penyelenggaraan and one certificate per participant who meets the "
                    "attendance threshold into DIR/penyelenggaraan/keluaran/.")
    parser.add_argument("--kohort", type=Path, default=DEFAULT_OUT, metavar="DIR",
                        help=f"the cohort folder, as given to `humaskit grade --out` "
                             f"(default {DEFAULT_OUT.name}/)")
    parser.add_argument("--ambang-kehadiran", type=float, default=attendance.DEFAULT_THRESHOLD,
                        metavar="PERSEN", dest="threshold",
                        help="minimum attendance for a certificate, in %% (default 90)")
    parser.add_argument("--templat", action="store_true",
                        help="only write blank identity, attendance and evaluation sheets")
    parser.add_argument("--tanpa-pdf", action="store_true", dest="no_pdf",
                        help="write the report and certificates without PDF")
    parser.add_argument("--kertas", choices=sorted(documents.PAPER), default="A4",
                        help="paper of the report (default A4; F4 is folio)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.threshold <= 100:
        print(f"Ambang kehadiran harus di antara 0 dan 100 persen, bukan {args.threshold:g}.")
        return 2
    try:
        if args.templat:
            made, unmade = publish.templates(args.kohort)
            for path in made:
                print(f"Dibuat: {path}")
            if not made:
                print("Semua templat sudah ada; tidak ada yang ditimpa.")
            if unmade:
                print(unmade)
            return 0
        done = publish.publish(args.kohort, args.threshold, pdf=not args.no_pdf,
                               paper=args.kertas)
    except DatasetError as error:
        print(visible_lines(error))
        print("Tidak ada keluaran yang ditulis; keluaran sebelumnya (bila ada) tetap utuh.")
        return 1
    folder = done["folder"]
    pdf = f", PDF dibuat dengan {done['pdf']}" if done["pdf"] else ""
    print(f"Laporan ({args.kertas}): {folder / 'laporan_penyelenggaraan.docx'} (dan .html{pdf})\n"
          f"Sertifikat: {done['certificates']} peserta di {folder / 'sertifikat'}; "
          f"{done['below']} peserta belum memenuhi ambang (lihat tidak_memenuhi.csv).")
    for note in done["notes"]:
        print(f"  [CATATAN] {visible(note)}")
    return 0
