"""``humaskit grade``: collect, autograde, feedback, export and report for a cohort."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from humaskit.datasets import DatasetError
from humaskit.grading import (
    autograde,
    cohort,
    collect,
    competency,
    export,
    feedback,
    feedback_release,
    formgrader,
    report,
    roster,
    sandbox,
)
from humaskit.grading.sandbox import Limits, SandboxError, is_root
from humaskit.grading.workspace import DEFAULT_OUT, Workspace
from humaskit.safe_text import visible, visible_lines


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
    parser.set_defaults(func=run_demo_or_help, parser=parser)
    steps = parser.add_subparsers(dest="step", metavar="STEP")

    def step(name: str, help_text: str, func) -> argparse.ArgumentParser:
        sub = steps.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--out", type=Path, default=DEFAULT_OUT,
                         help=f"cohort output folder (default {DEFAULT_OUT.name}/)")
        sub.set_defaults(func=handing_over(func))
        return sub

    sub = step("roster", "validate a roster CSV (id,nama,instansi,jabatan)", run_roster)
    sub.add_argument("roster", type=Path, help="roster CSV file")

    for name, text in (("collect", "import submissions and match them to the roster"),
                       ("all", "collect, autograde, then write feedback, exports and reports")):
        sub = step(name, text, run_collect if name == "collect" else run_all)
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
                                          "parallel sandboxes", run_autograde))
    step("feedback", "write per-participant HTML feedback (hidden tests not shown)",
         run_feedback)
    step("umpan-balik", "return the feedback pages to the participants through nbgrader's "
                        "exchange they submitted to (on the server: Ambil umpan balik in "
                        "their Assignments panel)", run_release)
    add_decisions_option(step("export", "export per-question and per-part scores "
                                        "to CSV and XLSX", run_export))
    add_decisions_option(step("report", "write the cohort dashboard and participant pages",
                              run_report))
    sub = step("nilai-manual", "open formgrader on the cohort's course for hand grading "
                               "(its Autograde and Collect are refused: grade with this kit)",
               run_manual)
    sub.add_argument("--port", type=int, default=8890, help="port (default 8890)")
    sub.add_argument("--no-browser", action="store_true", help="do not open a browser")
    sub.add_argument("--no-start", action="store_true",
                     help="prepare the course and print the server command, do not start it")


def handing_over(func):
    """The step, then what it wrote given to the cohort folder's owner (on the classroom
    server: the trainer, whose formgrader grades it by hand; elsewhere nothing changes)."""
    def step(args: argparse.Namespace) -> int:
        try:
            return func(args)
        finally:
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


def limits(args: argparse.Namespace) -> Limits:
    return Limits(cell_timeout=args.cell_timeout, submission_timeout=args.submission_timeout,
                  memory_mb=args.memory_mb, cpu_seconds=args.submission_timeout)


def run_demo_or_help(args: argparse.Namespace) -> int:
    if not args.demo:
        args.parser.print_help()
        return 0
    from humaskit.grading import demo

    return demo.run(args.out or DEFAULT_OUT / "demo", workers=args.workers)


def run_roster(args: argparse.Namespace) -> int:
    try:
        people = roster.load(args.roster)
    except roster.RosterError as exc:
        print(f"[GAGAL] {visible_lines(exc)}")
        return 1
    print(f"[OK] {len(people)} peserta di {args.roster}.")
    return 0


def do_collect(args: argparse.Namespace) -> Workspace:
    # Everything the trainer typed is checked before anything is written.
    deadline = collect.parse_deadline(args.deadline) if args.deadline else None
    missing = [str(s) for s in args.sources if not Path(s).exists()]
    if missing:
        raise collect.SourceError("Sumber kiriman tidak ditemukan: " + ", ".join(missing))
    ws = Workspace(args.out.resolve())
    settings = ws.settings()
    if args.roster or not settings:
        if not args.roster:
            raise SystemExit("Pertama kali: sebutkan daftar peserta dengan --roster BERKAS.csv")
        course_root = args.course or Path(settings.get("source_root") or
                                          cohort.course.COURSE_ROOT)
        cohort.setup(ws.out, args.roster, course_root, db_url=args.db_url)
    record = collect.collect(ws, args.sources, cohort.participants(ws), cohort.assignments(ws),
                             assignment=args.assignment, deadline=deadline)
    print(f"Terkumpul {len(record['submissions'])} kiriman di {ws.course / 'submitted'}.")
    for issue in record["found"]:
        print(f"  [PERHATIAN] {visible(issue['path'])}: "
              f"{collect.issue_message(issue['code'], issue.get('detail', ''))}")
    return ws


#: Problems a trainer can fix, reported as one Indonesian line instead of a traceback.
USER_ERRORS = (roster.RosterError, collect.DeadlineError, collect.SourceError, autograde.Busy,
               SandboxError)


def run_collect(args: argparse.Namespace) -> int:
    try:
        do_collect(args)
    except USER_ERRORS as exc:
        print(f"[GAGAL] {visible_lines(exc)}")
        return 1
    return 0


def do_autograde(ws: Workspace, args: argparse.Namespace) -> dict:
    problem = sandbox.check()
    if problem:
        raise SandboxError(problem)
    if not is_root():
        print("[PERHATIAN] Tidak berjalan sebagai root: kiriman dinilai dalam sandbox dengan "
              "uid Anda sendiri; batas jumlah proses per kiriman tidak berlaku.")
    before = ws.state()
    state = autograde.run(ws, cohort.participants(ws), workers=args.workers, force=args.force,
                          limits=limits(args), progress=not args.no_progress)
    fresh = sum(before.get(k, {}).get("graded_at") != r["graded_at"] for k, r in state.items())
    problems = sum(any(s["code"] != "ok" for s in r["statuses"]) for r in state.values())
    print(f"Dinilai sekarang: {fresh} kiriman; tidak berubah, dilewati: {len(state) - fresh}. "
          f"Seluruhnya {len(state)} kiriman, {problems} dengan catatan.\n"
          f"Gradebook: {ws.db_url()}")
    return state


def run_autograde(args: argparse.Namespace) -> int:
    try:
        do_autograde(Workspace(args.out.resolve()), args)
    except USER_ERRORS as exc:
        print(f"[GAGAL] {visible_lines(exc)}")
        return 1
    return 0


def run_feedback(args: argparse.Namespace) -> int:
    ws = Workspace(args.out.resolve())
    print(f"Umpan balik: {len(feedback.write_all(ws))} berkas di {ws.feedback}")
    return 0


def run_release(args: argparse.Namespace) -> int:
    ws = Workspace(args.out.resolve())
    if not ws.settings():
        print(f"[GAGAL] {visible(ws.out)} belum berisi kohort yang dinilai (penilaian.json "
              "tidak ada).")
        return 1
    outcomes = feedback_release.release(ws)
    returned = sum(o["code"] == "ok" for o in outcomes)
    print(f"Umpan balik dikembalikan lewat exchange: {returned} dari {len(outcomes)} kiriman. "
          "Peserta mengambilnya di Nbgrader → Daftar Latihan, tombol Ambil umpan balik.")
    for outcome in outcomes:
        if outcome["code"] != "ok":
            print(f"  [PERHATIAN] {feedback_release.message(outcome)}")
    return 1 if any(o["code"] not in ("ok", "not_exchange") for o in outcomes) else 0


def decisions(args: argparse.Namespace, ws: Workspace):
    """The asesor's record: the ``--decisions`` file, else the one the decision form keeps
    in the cohort folder, else none."""
    if getattr(args, "decisions", None):
        return competency.decisions(args.decisions)
    return competency.saved_decisions(ws)


def _with_decisions(args: argparse.Namespace, write) -> int:
    """Load the asesor's record (if any), then write; a bad record stops with its problems."""
    ws = Workspace(args.out.resolve())
    try:
        record = decisions(args, ws)
    except DatasetError as exc:
        print(f"[GAGAL] {visible_lines(exc)}")
        return 1
    write(ws, record)
    return 0


def run_export(args: argparse.Namespace) -> int:
    def write(ws, record):
        files = export.write_all(ws, record)
        print(f"Ekspor: {len(files)} berkas di {ws.exports}")
    return _with_decisions(args, write)


def run_report(args: argparse.Namespace) -> int:
    def write(ws, record):
        files = report.write_all(ws, record)
        print(f"Laporan: {files[0]} dan {len(files) - 1} halaman peserta")
    return _with_decisions(args, write)


def run_manual(args: argparse.Namespace) -> int:
    ws = Workspace(args.out.resolve())
    if not ws.settings():
        print(f"[GAGAL] {visible(ws.out)} belum berisi kohort yang dinilai (penilaian.json "
              "tidak ada). Jalankan lebih dulu: .venv/bin/humaskit grade all SUMBER... "
              f"--roster DAFTAR.csv --out {visible(args.out)}")
        return 1
    formgrader.write_config(ws)
    command = formgrader.open_command(ws, args.port, browser=not args.no_browser)
    print(f"Formgrader kohort {visible(ws.out)}: http://localhost:{args.port}/formgrader\n"
          "Nilai dan komentar yang Anda isi di sana tersimpan di gradebook kohort ini "
          f"({visible(ws.db_url())}) dan dibaca oleh grade export, grade report dan laporan.\n"
          "Tombol Collect dan Autograde di Formgrader dimatikan: kumpulkan dan nilai dengan "
          "humaskit grade (di dalam sandbox).")
    if args.no_start:
        print("Perintah server: " + " ".join(command))
        return 0
    return subprocess.run(command, cwd=ws.course, check=False).returncode


def run_all(args: argparse.Namespace) -> int:
    try:
        ws = do_collect(args)
        do_autograde(ws, args)
    except USER_ERRORS as exc:
        print(f"[GAGAL] {visible_lines(exc)}")
        return 1
    args.out = ws.out
    failed = 0
    for func in (run_feedback, run_export, run_report):
        try:
            failed += func(args)
        except Exception as exc:  # noqa: BLE001 - each output is written whatever the others do
            print(f"[GAGAL] {func.__name__.removeprefix('run_')}: {type(exc).__name__}: "
                  f"{visible_lines(exc)}")
            failed += 1
    return 1 if failed else 0


