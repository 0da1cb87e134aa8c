"""``humaskit laporan``: the organiser's report and the certificates of a cohort.

The report's modules (pandas, altair, python-docx) load when it runs, not for ``--help``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from humaskit.grading.workspace import DEFAULT_OUT
from humaskit.paper import PAPER
from humaskit.server.layout import DEFAULT_PREFIX, Layout


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
    parser.add_argument("--ambang-kehadiran", type=float, default=None,
                        metavar="PERSEN", dest="threshold",
                        help="minimum attendance for a certificate, in %% (default 90)")
    parser.add_argument("--templat", action="store_true",
                        help="only write blank identity, attendance and evaluation sheets")
    parser.add_argument("--tanpa-pdf", action="store_true", dest="no_pdf",
                        help="write the report and certificates without PDF")
    parser.add_argument("--kertas", choices=sorted(PAPER), default="A4",
                        help="paper of the report (default A4; F4 is folio)")
    parser.add_argument("--kelas", action="store_true",
                        help="first collect every participant's saved evaluation from the "
                             "classroom server (as root), anonymously, into "
                             "DIR/penyelenggaraan/evaluasi/")
    parser.add_argument("--evaluasi", type=Path, action="append", default=[],
                        metavar="FOLDER_ATAU_ZIP",
                        help="first collect the evaluation answers files (*.json) from this "
                             "folder or zip, anonymously (repeat for several; together they "
                             "replace the previous collection)")
    parser.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX,
                        help=f"with --kelas: where the server lives (default {DEFAULT_PREFIX})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from humaskit.datasets.validation import DatasetError
    from humaskit.evaluation import collect
    from humaskit.number_format import compact
    from humaskit.safe_text import visible, visible_lines
    from humaskit.training import attendance, publish

    if args.threshold is None:
        args.threshold = attendance.DEFAULT_THRESHOLD
    if not 0 < args.threshold <= 100:
        print(f"Ambang kehadiran harus di antara 0 dan 100 persen, bukan {compact(args.threshold)}.")
        return 2
    for kind, wanted in ((collect.ROOM, args.kelas), (collect.FILES, args.evaluasi)):
        if wanted and not _collect(args, kind):
            return 1
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


def _collect(args: argparse.Namespace, kind: str) -> bool:
    """Collect the evaluations (from the room, or from the folders and zips named) into the
    cohort and say what happened; False when nothing could be read at all."""
    from humaskit.evaluation import collect
    from humaskit.safe_text import visible
    from humaskit.training import inputs

    try:
        found = (collect.from_room(Layout(args.prefix)) if kind == collect.ROOM
                 else collect.from_sources(args.evaluasi))
    except (PermissionError, FileNotFoundError, ValueError) as error:
        print(visible(error))
        return False
    for where, message in found.problems:
        print(f"  [DILEWATI] {visible(where)}: {visible(message)}")
    source = "server kelas" if kind == collect.ROOM else "berkas yang dikumpulkan"
    if not found.records:
        print(f"Tidak ada evaluasi yang dapat diambil dari {source}; evaluasi yang sudah "
              "terkumpul tidak diubah.")
        return True
    target = inputs.folder(args.kohort) / "evaluasi"
    written, moved = collect.store(found.records, target, kind)
    print(f"{len(written)} evaluasi dari {source} disimpan tanpa nama di {target}"
          + (f" ({found.missing} peserta belum menyimpan evaluasi)" if found.missing else "")
          + "." + (f" Kumpulan sebelumnya dipindahkan ke {moved}." if moved else ""))
    return True
