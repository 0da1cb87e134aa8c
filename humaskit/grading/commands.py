"""The steps of ``humaskit grade`` (its command line is :mod:`humaskit.grading.cli`)."""

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


def with_notes(ws: Workspace, state: dict) -> int:
    """How many graded submissions carry a note: a grading status other than ok, or an issue
    from collection (printed as [PERHATIAN] when it was collected)."""
    collected = {(i.get("student"), i.get("assignment")) for i in ws.collection()["issues"]}
    return sum(any(s["code"] != "ok" for s in r["statuses"])
               or (r["student"], r["assignment"]) in collected for r in state.values())


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
    problems = with_notes(ws, state)
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


