"""Benchmark: ``humaskit grade`` against stock ``nbgrader autograde`` on the same cohort.

    python benchmarks/grade_cohort.py [--participants 40] [--workers N] [--keep DIR]

Builds a cohort of N participants x the three exercises from their crafted samples
(complete by form or by typed values, partly wrong, empty, and one truncated file per
exercise), places it in a course's ``submitted/`` folder, then in one run times

* stock: ``nbgrader autograde <exercise> --create --force`` for each exercise, serially;
* humaskit: collect that ``submitted/`` folder and autograde it with N workers (default: all
  cores), each submission in its sandbox.

It prints both times, the speed-up and submissions per minute, and checks that every grade
cell of every well-formed submission got the same score from both. Then it times writing the
feedback pages, whose charts are drawn in sandboxes (:mod:`humaskit.grading.pictures`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from humaskit.exercises import course
from humaskit.exercises.issue_analysis import samples as analysis_samples
from humaskit.exercises.issue_mapping import samples as issue_samples
from humaskit.exercises.self_assessment import samples as self_samples
from humaskit.grading import autograde, cohort, collect, feedback

ROSTER_HEADER = "id,nama,instansi,jabatan\n"
EXERCISES = ("pemetaan_isu", "pemetaan_isu_analis", "asesmen_mandiri")


def released(root: Path, assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(root / "release" / assignment / f"{assignment}.ipynb", as_version=4)


def build_cohort(root: Path, participants: int) -> set[tuple[str, str]]:
    """Submissions in ``root/submitted``; returns the (assignment, student) pairs broken on
    purpose (truncated files), which are left out of the score comparison."""
    broken = set()
    # The answers a notebook only carries inside itself need humaskit's collection: stock
    # nbgrader cannot read them, so that route is left out of the comparison.
    issue_names = [n for n in issue_samples.NAMES if n != "referensi_tersimpan_di_notebook"]
    for i in range(participants):
        student = f"peserta{i + 1:02d}"
        nb, extra = issue_samples.build(issue_names[i % len(issue_names)],
                                        released(root, "pemetaan_isu"))
        course.submit(root, "pemetaan_isu", student, {"pemetaan_isu.ipynb": nb}, extra)
        nb = course.answered_release(released(root, "pemetaan_isu_analis"), analysis_samples.build(
            analysis_samples.NAMES[i % len(analysis_samples.NAMES)]))
        course.submit(root, "pemetaan_isu_analis", student, {"pemetaan_isu_analis.ipynb": nb})
        nb, extra = self_samples.build(self_samples.NAMES[i % len(self_samples.NAMES)],
                                       released(root, "asesmen_mandiri"))
        course.submit(root, "asesmen_mandiri", student, {"asesmen_mandiri.ipynb": nb}, extra)
        if i == participants - 1 and participants > 2:
            for name in EXERCISES:
                path = root / "submitted" / student / name / f"{name}.ipynb"
                path.write_text(path.read_text()[:500])
                broken.add((name, student))
    return broken


def cell_scores(db_url: str) -> dict[tuple[str, str, str], float | None]:
    with Gradebook(db_url) as gb:
        return {(sub.assignment.name, sub.student_id, grade.name): grade.auto_score
                for name in EXERCISES
                for sub in gb.find_assignment(name).submissions
                for nb in sub.notebooks for grade in nb.grades}


def run_stock(root: Path) -> float:
    start = time.perf_counter()
    for name in EXERCISES:
        subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "autograde", name,
                        "--create", "--force", f"--CourseDirectory.root={root}",
                        f"--CourseDirectory.course_id={course.COURSE_ID}",
                        f"--CourseDirectory.db_url=sqlite:///{root / 'gradebook.db'}",
                        "--ExecutePreprocessor.timeout=120", "--log-level=ERROR"],
                       check=False, cwd=root, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def run_humaskit(base: Path, stock_root: Path, participants: int, workers: int) -> tuple:
    roster = base / "roster.csv"
    roster.write_text(ROSTER_HEADER + "".join(
        f"peserta{i + 1:02d},Peserta {i + 1},Dinas Kominfo,Pranata Humas\n"
        for i in range(participants)), encoding="utf-8")
    # The same sources as the stock run (the checkout may change while the stock run goes).
    ws = cohort.setup(base / "humaskit", roster, stock_root, list(EXERCISES))
    people = cohort.participants(ws)
    inbox = base / "kiriman"
    shutil.copytree(stock_root / "submitted", inbox)
    start = time.perf_counter()
    collect.collect(ws, [inbox], people, cohort.assignments(ws))
    autograde.run(ws, people, workers=workers, progress=False)
    return time.perf_counter() - start, ws


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--keep", type=Path, help="keep the cohorts in this folder")
    args = parser.parse_args()
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    base = args.keep or Path(tempfile.mkdtemp(prefix="humaskit-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    try:
        stock_root = course.copy_course(base / "stock", list(EXERCISES))
        for name in EXERCISES:
            course.release(stock_root, [name])
        broken = build_cohort(stock_root, args.participants)
        total = len(EXERCISES) * args.participants
        print(f"Cohort: {args.participants} participants x {len(EXERCISES)} exercises = "
              f"{total} submissions "
              f"({len(broken)} truncated on purpose); {os.cpu_count()} cores.")
        stock = run_stock(stock_root)
        print(f"stock nbgrader autograde (serial): {stock:8.1f} s  "
              f"{60 * total / stock:6.1f} submissions/min")
        ours, ws = run_humaskit(base, stock_root, args.participants, args.workers)
        print(f"humaskit grade ({args.workers} workers):    {ours:8.1f} s  "
              f"{60 * total / ours:6.1f} submissions/min")
        print(f"speed-up: {stock / ours:.2f}x")
        mine, theirs = cell_scores(ws.db_url()), cell_scores(f"sqlite:///{stock_root / 'gradebook.db'}")
        compared = [k for k in theirs if (k[0], k[1]) not in broken]
        differ = [k for k in compared if mine.get(k) != theirs[k]]
        print(f"scores: {len(compared)} grade cells of well-formed submissions compared, "
              f"{len(differ)} differ" + (f": {differ[:5]}" if differ else ""))
        start = time.perf_counter()
        pages = feedback.write_all(ws)
        took = time.perf_counter() - start
        drawn = sum(p.read_text(encoding="utf-8").count('alt="grafik keluaran"') for p in pages)
        print(f"feedback: {len(pages)} pages with {drawn} charts drawn in sandboxes, "
              f"{took:.1f} s")
        return 1 if differ else 0
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
