"""``humaskit sertifikat periksa``: check a certificate's QR text offline against the cohort's
register (:mod:`humaskit.training.register`)."""

from __future__ import annotations

import argparse
import html
import re
from pathlib import Path

from humaskit.grading.workspace import DEFAULT_OUT


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sertifikat", help="check a certificate's QR code against the cohort's register",
        description="Certificates of a cohort carry a QR code; `periksa` checks the text a "
                    "QR scanner shows (or a certificate's HTML file) offline against the "
                    "cohort's register and its secret, and refuses a certificate whose number, "
                    "name, programme or JP were changed.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("periksa", help="check one certificate")
    check.add_argument("teks", nargs="?", metavar="TEKS_QR",
                       help="the text of the QR code, as the scanner shows it")
    check.add_argument("--berkas", type=Path, metavar="FILE",
                       help="a certificate's HTML file (its QR text is read from it)")
    check.add_argument("--kohort", type=Path, default=DEFAULT_OUT, metavar="DIR",
                       help=f"the cohort folder (default {DEFAULT_OUT.name}/)")
    parser.set_defaults(func=run)


def qr_text(path: Path) -> str | None:
    """The QR text a certificate's HTML page carries."""
    found = re.search(r"<meta name='humaskit-qr' content='([^']*)'>",
                      path.read_text(encoding="utf-8", errors="replace"))
    return html.unescape(found.group(1)) if found else None


def run(args: argparse.Namespace) -> int:
    from humaskit.training import inputs
    from humaskit.training import register as certificate_register

    text = args.teks
    if args.berkas is not None:
        if not args.berkas.is_file():
            print(f"Berkas sertifikat tidak ditemukan: {args.berkas}")
            return 2
        text = qr_text(args.berkas)
        if text is None:
            print(f"{args.berkas.name}: tidak memuat kode QR sertifikat humaskit.")
            return 1
    if not text:
        print("Berikan teks kode QR (hasil pindaian) atau --berkas SERTIFIKAT.html.")
        return 2
    verdict = certificate_register.check(inputs.folder(args.kohort), text)
    print(verdict.message)
    return 0 if verdict.valid else 1
