"""The ``humaskit`` command: one subcommand per task of a facilitator or trainer.

Each subcommand lives in its own module (with a ``register(subparsers)`` function), imported
only when that subcommand runs: ``humaskit --help`` lists them from :data:`COMMANDS` without
loading nbgrader, nbconvert or pandas.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from humaskit import __version__

#: Subcommand -> (module that registers it, one-line help as that module states it).
COMMANDS = {
    "doctor": ("humaskit.doctor", "check that this machine is ready for the workshop"),
    "datasets": ("humaskit.datasets.cli",
                 "list the shipped datasets or validate a CSV against a schema"),
    "exercises": ("humaskit.exercises.cli", "release the participant versions of the exercises"),
    "grade": ("humaskit.grading.cli",
              "grade a cohort's submissions (nbgrader, sandboxed, in parallel)"),
    "handouts": ("humaskit.handouts",
                 "build printable offline handouts (HTML, and PDF if possible)"),
    "laporan": ("humaskit.training.cli",
                "build the organiser's report (DOCX, HTML) and the certificates"),
    "sertifikat": ("humaskit.training.certificate_cli",
                   "check a certificate's QR code against the cohort's register"),
    "server": ("humaskit.server.cli",
               "serve the whole room from one Linux machine (JupyterHub)"),
    "skkni": ("humaskit.skkni.cli",
              "check an SKKNI catalog with its schemes; write the asesor's record"),
}


def build_parser(load: str | list[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the subcommands in ``load`` (all when ``"*"``) registered in full and
    the others listed by their help line only."""
    parser = argparse.ArgumentParser(
        prog="humaskit",
        description="Workshop kit for strategic government PR (kehumasan strategis): "
                    "check the install, validate datasets, release exercises, build "
                    "handouts and grade a cohort.",
    )
    parser.add_argument("--version", action="version", version=f"humaskit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    names = list(COMMANDS) if load == "*" else [load] if isinstance(load, str) else load or []
    for name, (module, help_text) in COMMANDS.items():
        if name in names:
            importlib.import_module(module).register(subparsers)
        else:
            subparsers.add_parser(name, help=help_text)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(chosen if chosen in COMMANDS else None).parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
