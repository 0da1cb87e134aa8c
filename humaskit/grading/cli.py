"""``humaskit grade``: collect, autograde, feedback, export and report for a cohort.

This module builds the command line only; each step runs from
:mod:`humaskit.grading.commands`, imported when a step runs, so that ``--help`` answers at
once instead of loading nbgrader, pandas and altair first.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from humaskit.grading.sandbox import Limits
from humaskit.grading.workspace import DEFAULT_OUT, Workspace

COMMANDS = "humaskit.grading.commands"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "grade", help="grade a cohort's submissions (nbgrader, sandboxed, in parallel)",
        description="The trainer's grading pipeline on nbgrader's course and gradebook: "
                    "collect submissions, autograde them in parallel sandboxes, write "
                    "Indonesian feedback, CSV/XLSX exports and a cohort dashboard. Start with "
                    "`humaskit grade --demo`.")
    parser.add_argument("--demo", action="store_true",
                        help="run the whole pipeline on the bundled sample cohort")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"cohort output folder (default {DEFAULT_OUT.name}/, "
                             f"or {DEFAULT_OUT.name}/demo with --demo)")
    parser.add_argument("--workers", type=int, default=None,
                        help="parallel workers for --demo (default: CPU cores)")
    parser.set_defaults(func=later("run_demo_or_help"), parser=parser)
    steps = parser.add_subparsers(dest="step", metavar="STEP")

    def step(name: str, help_text: str, func: str) -> argparse.ArgumentParser:
        sub = steps.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--out", type=Path, default=DEFAULT_OUT,
                         help=f"cohort output folder (default {DEFAULT_OUT.name}/)")
        sub.set_defaults(func=handing_over(func))
        return sub

    sub = step("roster", "validate a roster CSV (id,nama,instansi,jabatan)", "run_roster")
    sub.add_argument("roster", type=Path, help="roster CSV file")

    for name, text in (("collect", "import submissions and match them to the roster"),
                       ("all", "collect, autograde, then write feedback, exports and reports")):
        sub = step(name, text, "run_collect" if name == "collect" else "run_all")
        sub.add_argument("sources", nargs="+", type=Path,
                         help="nbgrader exchange or submitted/ folder, or a folder or zip "
                              "of notebooks named by participant")
        sub.add_argument("--roster", type=Path, help="roster CSV (required the first time)")
        sub.add_argument("--assignment", help="assignment of all loose files (when file "
                                              "names do not say)")
        sub.add_argument("--deadline", help="ISO date-time; later files are reported late "
                                            "(WIB if no time zone)")
        sub.add_argument("--db-url", help="gradebook URL (default: SQLite in the output "
                                          "folder; e.g. postgresql://user@host/db)")
        sub.add_argument("--course", type=Path, default=None,
                         help="nbgrader course root holding source/ (default: exercises/)")
        if name == "all":
            add_grading_options(sub)
            add_decisions_option(sub)

    add_grading_options(step("autograde", "autograde new or changed submissions in "
                                          "parallel sandboxes", "run_autograde"))
    step("feedback", "write per-participant HTML feedback (hidden tests not shown)",
         "run_feedback")
    step("umpan-balik", "return the feedback pages to the participants through nbgrader's "
                        "exchange they submitted to (on the server: Ambil umpan balik in "
                        "their Assignments panel)", "run_release")
    add_decisions_option(step("export", "export per-question and per-part scores "
                                        "to CSV and XLSX", "run_export"))
    add_decisions_option(step("report", "write the cohort dashboard and participant pages",
                              "run_report"))
    sub = step("nilai-manual", "open formgrader on the cohort's course for hand grading "
                               "(its Autograde and Collect are refused: grade with this kit)",
               "run_manual")
    sub.add_argument("--port", type=int, default=8890, help="port (default 8890)")
    sub.add_argument("--no-browser", action="store_true", help="do not open a browser")
    sub.add_argument("--no-start", action="store_true",
                     help="prepare the course and print the server command, do not start it")


def later(name: str):
    """The step ``name`` of :mod:`humaskit.grading.commands`, imported when it runs."""
    def step(args: argparse.Namespace) -> int:
        return getattr(importlib.import_module(COMMANDS), name)(args)
    return step


def handing_over(name: str):
    """The step, then what it wrote given to the cohort folder's owner (on the classroom
    server: the trainer, whose formgrader grades it by hand; elsewhere nothing changes)."""
    run = later(name)

    def step(args: argparse.Namespace) -> int:
        try:
            return run(args)
        finally:
            from humaskit.grading import formgrader
            formgrader.hand_over(Workspace(args.out.resolve()))
    return step


def add_grading_options(sub: argparse.ArgumentParser) -> None:
    d = Limits()
    sub.add_argument("--workers", type=int, default=None,
                     help="parallel workers (default: CPU cores)")
    sub.add_argument("--force", action="store_true", help="re-grade unchanged submissions")
    sub.add_argument("--cell-timeout", type=int, default=d.cell_timeout,
                     help=f"seconds per cell (default {d.cell_timeout})")
    sub.add_argument("--submission-timeout", type=int, default=d.submission_timeout,
                     help=f"seconds per submission (default {d.submission_timeout})")
    sub.add_argument("--memory-mb", type=int, default=d.memory_mb,
                     help=f"memory cap per kernel in MiB (default {d.memory_mb})")
    sub.add_argument("--no-progress", action="store_true", help="no progress bar")


def add_decisions_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--decisions", type=Path, default=None,
                     help="the asesor's decisions file (per unit, with recommendation; "
                          "default: the record the decision notebook keeps in --out)")
