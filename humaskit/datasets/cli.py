"""``humaskit datasets``: list the shipped datasets and validate CSV files."""

from __future__ import annotations

import argparse

from humaskit import datasets


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "datasets", help="list the shipped datasets or validate a CSV against a schema",
        description="Without arguments, validate every shipped dataset. With FILE and "
                    "--schema NAME, validate your own CSV (for example a full SKKNI "
                    "catalog) against the schema of dataset NAME.",
    )
    parser.add_argument("file", nargs="?", help="a CSV file to validate")
    parser.add_argument("--schema", metavar="NAME", help="dataset whose schema FILE must follow")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.file:
        if not args.schema:
            print("Sebutkan skemanya: --schema NAMA (lihat `humaskit datasets`).")
            return 2
        return _report([(args.schema, lambda: datasets.load_file(args.file, args.schema))])
    return _report([(name, lambda name=name: datasets.load(name)) for name in datasets.names()])


def _report(jobs) -> int:
    failed = 0
    for name, load in jobs:
        try:
            frame = load()
        except (datasets.DatasetError, KeyError) as exc:
            failed += 1
            print(f"[GAGAL] {name}\n{exc}")
        else:
            print(f"[OK]    {name}: {len(frame)} baris, {len(frame.columns)} kolom")
    return 1 if failed else 0
