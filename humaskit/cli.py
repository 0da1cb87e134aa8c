"""The ``humaskit`` command: one subcommand per task of a facilitator or trainer."""

from __future__ import annotations

import argparse
import sys

from humaskit import __version__, doctor, handouts
from humaskit.datasets import cli as datasets_cli
from humaskit.exercises import cli as exercises_cli
from humaskit.grading import cli as grading_cli
from humaskit.skkni import cli as skkni_cli

#: Modules that each add one subcommand with ``register(subparsers)``.
COMMANDS = (doctor, datasets_cli, exercises_cli, grading_cli, handouts, skkni_cli)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="humaskit",
        description="Workshop kit for strategic government PR (kehumasan strategis): "
                    "check the install, validate datasets, release exercises, build "
                    "handouts and grade a cohort.",
    )
    parser.add_argument("--version", action="version", version=f"humaskit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
