"""``humaskit skkni``: check a (full) SKKNI catalog and its schemes together, and write the
asesor's blank record for a set of self-assessments."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "skkni", help="check an SKKNI catalog with its schemes; write the asesor's record",
        description="Check a catalog (default: the shipped excerpt or $HUMASKIT_SKKNI_KATALOG) "
                    "and its schemes together: schema, consistent unit titles, every scheme "
                    "unit present in the catalog. With --templat-asesor, read the answer "
                    "files (jawaban_asesmen_mandiri.json) under SUBMITTED/<id>/<assignment>/ "
                    "and write the asesor's blank record.",
    )
    parser.add_argument("--katalog", metavar="FILE", help="catalog CSV (skkni_katalog columns)")
    parser.add_argument("--skema", metavar="FILE", help="schemes CSV (skkni_skema columns)")
    parser.add_argument("--templat-asesor", nargs=2, metavar=("SUBMITTED", "OUT"),
                        help="submitted folder of the nbgrader course, and the .csv/.xlsx to write")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from humaskit.datasets import DatasetError
    from humaskit.skkni import asesor, catalog, form

    try:
        units = catalog.load_catalog(args.katalog)
        schemes = catalog.load_schemes(args.skema, catalog=units)
    except DatasetError as exc:
        print(f"[GAGAL] {exc}")
        return 1
    print(f"[OK]    katalog: {units['kode_unit'].nunique()} unit, {len(units)} elemen; "
          f"{schemes['kode_skema'].nunique()} skema")
    if args.templat_asesor:
        submitted, out = (Path(p) for p in args.templat_asesor)
        isians = {path.parent.parent.name: form.muat(folder=path.parent)
                  for path in sorted(submitted.glob(f"*/*/{form.ANSWER_FILE}"))}
        written = asesor.write_template(asesor.claims_from_isian(isians), out)
        print(f"[OK]    lembar asesor untuk {len(isians)} peserta: {written}")
    return 0
