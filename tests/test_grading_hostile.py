"""A hostile cohort, graded as a trainer grades it: no submission may change, read or outlive
anything beyond its own working copy, earn points by tampering with the tests, or stop the
cohort's grades, feedback, exports or dashboard.

Each test checks what the trainer sees (the status), that the rest of the cohort is graded
correctly, that nothing outside the cohort's folder changed, and that nothing is left running.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import grading_toy as toy
import nbformat
import pytest
from nbgrader.api import Gradebook

from humaskit.grading import autograde, cohort, collect, export, feedback, report, sandbox
from humaskit.grading.sandbox import Limits

pytestmark = pytest.mark.slow


def test_the_sandbox_runs_here():
    assert sandbox.check() is None

MARK = "HUMASKIT_SISA_PROSES"
LIMITS = Limits(cell_timeout=6, submission_timeout=90, memory_mb=1536, cpu_seconds=90)
ROSTER = """id,nama,instansi,jabatan
ani,Ani Lestari,Diskominfo,Pranata Humas
budi,Budi Santoso,Setda,Analis
citra,Citra Dewi,Dinkes,Analis
dodi,Dodi Pratama,Bappeda,Perencana
eka,Eka Putri,Disdik,Pengelola Informasi
fajar,Fajar Nugroho,BPBD,Pranata Humas
gita,Gita Maharani,RSUD,Pranata Humas
hadi,Hadi Wijaya,PUPR,Analis
"""


def digests(*folders: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in folders for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.is_symlink()}


def leftovers() -> list[str]:
    """Command lines of processes still carrying the marker (a submission's daemons)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if MARK in cmdline and "pytest" not in cmdline:
                found.append(cmdline)
    return found


def write(folder: Path, name: str, nb) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    course_root = toy.make_course(base / "course")
    (base / "roster.csv").write_text(ROSTER, encoding="utf-8")
    secret = base / "rahasia"
    secret.mkdir(mode=0o700)
    (secret / "kunci.txt").write_text("RAHASIA_ROOT")
    (secret / "kunci.txt").chmod(0o600)
    ws = cohort.setup(base / "out", base / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    good = toy.answered(released)
    gradebook = ws.course / "gradebook.db"
    inbox = base / "kiriman"
    write(inbox, "ani.ipynb", good)
    # A kernel-side hook and input transformer, with wrong answers.
    write(inbox, "budi.ipynb", toy.with_cell(
        toy.answered(released, tambah="jumlah = -5", nilai="nilai = 0"),
        "ip = get_ipython()\n"
        "ip.events.register('pre_run_cell', lambda info: print('SUMBER:', info.raw_cell))\n"
        "ip.input_transformers_post.append(lambda lines: ['pass\\n'])\n"
        "import builtins\nbuiltins.AssertionError = type('X', (Exception,), {})"))
    # Writing through links to the gradebook and a root-only file; reading them.
    write(inbox, "citra.ipynb", toy.with_cell(good, (
        "import os\n"
        f"for i, target in enumerate([{str(gradebook)!r}, {str(secret / 'kunci.txt')!r}]):\n"
        "    os.symlink(target, f'tautan{i}')\n"
        "    try:\n"
        "        open(f'tautan{i}', 'w').write('dirusak')\n"
        "    except OSError as exc:\n"
        "        print(type(exc).__name__)\n"
        f"print(open({str(secret / 'kunci.txt')!r}).read())")))
    # A daemon that outlives its cell, and a process that would kill other kernels.
    write(inbox, "dodi.ipynb", toy.with_cell(good, (
        "import subprocess, sys\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)  # {MARK}'],"
        " start_new_session=True)\n"
        "subprocess.Popen(['sh', '-c', 'while true; do pkill -9 -f ipykernel; sleep 0.2; done']"
        ", start_new_session=True)")))
    # A CPU hog beside a correct submission (eka is graded at the same time on the other slot).
    write(inbox, "eka.ipynb", toy.with_cell(good, (
        "import multiprocessing as mp\n"
        "def sibuk():\n    while True:\n        pass\n"
        "for _ in range(8):\n    mp.Process(target=sibuk, daemon=False).start()")))
    write(inbox, "fajar.ipynb", good)
    # Stored XSS in markdown and a crafted image output.
    xss = toy.with_cell(good, "from IPython.display import display\n"
                              "display({'image/png': 'AAAA\"><script>alert(1)</script>'}, raw=True)")
    xss.cells.insert(1, nbformat.v4.new_markdown_cell(
        "<img src=x onerror=alert(1)> [klik](javascript:alert(2)) <b onclick=alert(3)>b</b>"))
    write(inbox, "gita.ipynb", xss)
    # A participant folder that is a link to the root-only folder, and a file that is a link.
    (inbox / "hadi").symlink_to(secret)
    (inbox / "hadi lestari.ipynb").symlink_to(secret / "kunci.txt")
    # A name with a control character.
    write(inbox, "hadi\x07wijaya.ipynb", good)
    for path in inbox.iterdir():
        if not path.is_symlink():
            os.utime(path, (time.time() - 60, time.time() - 60))
    outside = digests(secret, inbox, course_root)
    people = cohort.participants(ws)
    record = collect.collect(ws, [inbox], people, cohort.assignments(ws))
    state = autograde.run(ws, people, workers=2, limits=LIMITS, progress=False)
    time.sleep(0.5)
    return {"ws": ws, "state": state, "record": record, "outside": outside,
            "folders": (secret, inbox, course_root), "people": people, "left": leftovers()}


def codes(hostile, student):
    return [s["code"] for s in hostile["state"][f"{toy.ASSIGNMENT}/{student}"]["statuses"]]


def score(ws, student):
    with Gradebook(ws.db_url()) as gb:
        return gb.find_submission(toy.ASSIGNMENT, student).score


def graded_text(ws, student) -> str:
    return (ws.course / "autograded" / student / toy.ASSIGNMENT /
            f"{toy.ASSIGNMENT}.ipynb").read_text(encoding="utf-8")


def test_the_rest_of_the_cohort_is_graded_correctly(hostile):
    ws = hostile["ws"]
    for student in ("ani", "fajar", "hadi"):
        assert score(ws, student) == 3, student
        assert codes(hostile, student) == ["ok"]


def test_nothing_outside_the_cohort_folder_changed(hostile):
    assert digests(*hostile["folders"]) == hostile["outside"]


def test_no_process_of_any_submission_is_left_running(hostile):
    assert hostile["left"] == []
    assert leftovers() == []


def test_links_and_writes_to_the_gradebook_or_root_files_change_nothing(hostile):
    ws = hostile["ws"]
    assert "file_access_denied" in codes(hostile, "citra")
    assert score(hostile["ws"], "citra") == 3
    with Gradebook(ws.db_url()) as gb:
        assert len(gb.assignment_submissions(toy.ASSIGNMENT)) == 8
    assert "RAHASIA_ROOT" not in graded_text(ws, "citra")


def test_hooks_and_transformers_neither_see_nor_pass_the_hidden_tests(hostile):
    ws = hostile["ws"]
    assert score(ws, "budi") == 0  # wrong answers stay wrong whatever the kernel does
    nb = nbformat.reads(graded_text(ws, "budi"), 4)
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "SUMBER:" in outputs  # the hook ran, and saw only the participant's own cells
    assert toy.HIDDEN_MARKER not in outputs
    page = (ws.feedback / "budi" / f"{toy.ASSIGNMENT}.html")
    feedback.write_all(ws)
    assert toy.HIDDEN_MARKER not in page.read_text(encoding="utf-8")


def test_a_daemon_does_not_outlive_its_submission_nor_kill_other_kernels(hostile):
    # Its kill loop can only reach its own kernel, which it takes down: its own loss.
    assert "kernel_died" in codes(hostile, "dodi")
    for student in ("ani", "fajar", "hadi", "citra", "gita"):
        assert score(hostile["ws"], student) == 3, student
    assert leftovers() == []


def test_a_cpu_hog_does_not_starve_the_submission_beside_it(hostile):
    assert score(hostile["ws"], "eka") == 3
    assert score(hostile["ws"], "fajar") == 3
    assert codes(hostile, "fajar") == ["ok"]


def test_feedback_is_sanitised(hostile):
    ws = hostile["ws"]
    feedback.write_all(ws)
    page = (ws.feedback / "gita" / f"{toy.ASSIGNMENT}.html").read_text(encoding="utf-8")
    for vector in ("onerror", "onclick", "javascript:", "<script"):
        assert vector not in page.lower()
    assert score(ws, "gita") == 3


def test_links_in_the_inbox_are_reported_not_followed(hostile):
    links = [i for i in hostile["record"]["issues"] if i["code"] == "link"]
    assert sorted(Path(i["path"]).name for i in links) == ["hadi", "hadi lestari.ipynb"]
    submitted = hostile["ws"].course / "submitted"
    assert "RAHASIA_ROOT" not in "".join(p.read_text(errors="replace")
                                         for p in submitted.rglob("*") if p.is_file())


def test_a_control_character_in_a_name_does_not_stop_exports_or_reports(hostile):
    ws = hostile["ws"]
    files = export.write_all(ws)
    assert any(f.suffix == ".xlsx" for f in files)
    record = ws.collection()
    assert any("\x07" in s["origin"] for s in record["submissions"])  # the original is kept
    assert "\x07" not in (ws.exports / "status_kiriman.csv").read_text(encoding="utf-8-sig")


def test_a_broken_graded_notebook_does_not_stop_the_report_or_feedback(hostile, tmp_path):
    ws = hostile["ws"]
    path = ws.course / "autograded" / "ani" / toy.ASSIGNMENT / f"{toy.ASSIGNMENT}.ipynb"
    original = path.read_bytes()
    try:
        path.write_text("{ bukan json")
        pages = report.write_all(ws)
        assert len(pages) == 1 + len(hostile["people"])
        written = feedback.write_all(ws)
        assert "tidak dapat dibuat" in (ws.feedback / "ani" /
                                       f"{toy.ASSIGNMENT}.html").read_text(encoding="utf-8")
        assert len(written) == len(hostile["state"])
    finally:
        path.write_bytes(original)


def test_a_second_run_on_the_same_folder_is_refused(hostile):
    held = autograde.lock(hostile["ws"])
    try:
        with pytest.raises(autograde.Busy, match="sedang dinilai"):
            autograde.run(hostile["ws"], hostile["people"], force=True, limits=LIMITS,
                          progress=False)
    finally:
        held.close()


def test_the_sandbox_sees_only_the_allow_list():
    probe = ("import os, json; print(json.dumps({'top': sorted(os.listdir('/')), 'mounts': "
             "[l.split()[4] for l in open('/proc/self/mountinfo')], 'procs': "
             "[p for p in os.listdir('/proc') if p.isdigit()], 'uid': os.getuid()}))")
    code, out, _ = sandbox.run([sys.executable, "-c", probe], b"", LIMITS, 60, uid=64099)
    seen = json.loads(out)
    allowed = sandbox.allowed_paths()
    tops = {Path(p).parts[1] for p in allowed} | {"dev", "proc", "tmp", "kerja"} | {
        name for name in ("bin", "sbin", "lib", "lib64", "lib32", "libx32")
        if Path("/", name).exists()}
    assert code == 0 and set(seen["top"]) <= tops
    fixed = ("/", "/proc", "/dev", "/tmp", "/kerja", "/dev/shm")
    for mount in seen["mounts"]:
        assert mount in fixed or mount.startswith(("/proc/", "/dev/")) or mount in allowed, mount
    assert not any(Path(p).name in (".git", "exercises") for p in seen["mounts"])
    assert len(seen["procs"]) <= 3  # its own pid namespace
    if sandbox.is_root():
        assert seen["uid"] == 64099


def test_files_left_in_tmp_do_not_reach_the_next_submission():
    write_probe = "open('/tmp/sisa', 'w').write('x'); open('/dev/shm/sisa', 'w').write('x')"
    read_probe = "import os; print(os.path.exists('/tmp/sisa') or os.path.exists('/dev/shm/sisa'))"
    sandbox.run([sys.executable, "-c", write_probe], b"", LIMITS, 60)
    _, out, _ = sandbox.run([sys.executable, "-c", read_probe], b"", LIMITS, 60)
    assert out.strip() == b"False"


def test_a_zip_bomb_and_escaping_entries_are_capped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(collect, "MAX_ZIP_ENTRY_BYTES", 1024 * 1024)
    archive = tmp_path / "kiriman.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ani.ipynb", nbformat.writes(nbformat.v4.new_notebook()))
        zf.writestr("bom.ipynb", b"0" * (8 * 1024 * 1024))
        zf.writestr("../../lolos.ipynb", b"{}")
    issues: list[dict] = []
    dest = collect.extract(archive, tmp_path / "isi", issues)
    assert sorted(p.name for p in dest.iterdir()) == ["ani.ipynb"]
    assert {i["code"] for i in issues} == {"too_large", "zip_escape"}
    assert not (tmp_path / "lolos.ipynb").exists()


def test_a_manual_grade_survives_resubmission_and_force(tmp_path):
    course_root = toy.make_course(tmp_path / "course", essay=True)
    (tmp_path / "roster.csv").write_text("id,nama,instansi,jabatan\nP01,Ani,Dinkes,Analis\n",
                                         encoding="utf-8")
    ws = cohort.setup(tmp_path / "out", tmp_path / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    people = cohort.participants(ws)

    def submit(nb, when):
        path = write(tmp_path / f"kiriman{when}", "P01.ipynb", nb)
        os.utime(path, (when, when))
        collect.collect(ws, [path.parent], people, cohort.assignments(ws))
        return autograde.run(ws, people, workers=1, limits=LIMITS, progress=False)

    submit(toy.answered(released, nilai="nilai = 1"), 1_800_000_000)
    with Gradebook(ws.db_url()) as gb:
        nb = gb.find_submission_notebook(toy.ASSIGNMENT, toy.ASSIGNMENT, "P01")
        grade = next(g for g in nb.grades if g.name == "esai")
        grade.manual_score = 1.5
        comment = next(c for c in nb.comments if c.name == "esai")
        comment.manual_comment = "Bagus, tambahkan indikator."
        gb.db.commit()

    def essay():
        with Gradebook(ws.db_url()) as gb:
            nb = gb.find_submission_notebook(toy.ASSIGNMENT, toy.ASSIGNMENT, "P01")
            grade = next(g for g in nb.grades if g.name == "esai")
            comment = next(c for c in nb.comments if c.name == "esai")
            return grade.manual_score, grade.needs_manual_grade, comment.manual_comment, \
                gb.find_submission(toy.ASSIGNMENT, "P01").score

    state = submit(toy.answered(released), 1_800_000_100)  # the auto answer corrected
    assert essay() == (1.5, False, "Bagus, tambahkan indikator.", 4.5)
    assert [s["code"] for s in state[f"{toy.ASSIGNMENT}/P01"]["statuses"]] == ["ok"]
    state = autograde.run(ws, people, workers=1, force=True, limits=LIMITS, progress=False)
    assert essay() == (1.5, False, "Bagus, tambahkan indikator.", 4.5)
    state = submit(toy.answered(released, esai="Esai yang ditulis ulang."), 1_800_000_200)
    assert essay()[:3] == (1.5, True, "Bagus, tambahkan indikator.")
    assert [s["code"] for s in state[f"{toy.ASSIGNMENT}/P01"]["statuses"]] == ["needs_review"]
    archived = sorted((ws.out / "arsip" / "penilaian").iterdir())
    assert len(archived) == 3
    earlier = json.loads((archived[0] / "nilai.json").read_text(encoding="utf-8"))
    assert earlier[toy.ASSIGNMENT]["nilai"]["uji_nilai"]["otomatis"] == 0


#: Set in the environment of the runs these tests start: their workers inherit it, so the
#: tests see their own workers, never those of another test running at the same time.
RUN_TAG = "HUMASKIT_UJI_RUN"


def worker_pids(tag: str) -> list[int]:
    """Grading workers started by a run whose environment carries ``RUN_TAG=tag``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or b"humaskit.grading.worker" not in \
                    (entry / "cmdline").read_bytes():
                continue
            if f"{RUN_TAG}={tag}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_a_killed_worker_is_retried_not_recorded_as_zero(tmp_path, monkeypatch):
    course_root = toy.make_course(tmp_path / "course")
    (tmp_path / "roster.csv").write_text("id,nama,instansi,jabatan\nani,Ani,Dinkes,Analis\n",
                                         encoding="utf-8")
    ws = cohort.setup(tmp_path / "out", tmp_path / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    write(tmp_path / "kiriman", "ani.ipynb", toy.with_cell(toy.answered(released),
                                                           "import time\ntime.sleep(3)"))
    people = cohort.participants(ws)
    collect.collect(ws, [tmp_path / "kiriman"], people, cohort.assignments(ws))
    monkeypatch.setenv(RUN_TAG, "worker")

    def kill_first_worker():
        deadline = time.time() + 30
        while time.time() < deadline:
            fresh = set(worker_pids("worker"))
            if fresh:
                time.sleep(1.5)
                os.kill(fresh.pop(), signal.SIGKILL)
                return
            time.sleep(0.1)

    killer = threading.Thread(target=kill_first_worker)
    killer.start()
    state = autograde.run(ws, people, workers=1, limits=LIMITS, progress=False)
    killer.join()
    assert [s["code"] for s in state[f"{toy.ASSIGNMENT}/ani"]["statuses"]] == ["ok"]
    assert score(ws, "ani") == 3


def test_kill_9_of_the_whole_run_leaves_nothing_and_a_rerun_grades_each_once(tmp_path):
    course_root = toy.make_course(tmp_path / "course")
    people = "".join(f"p{i},Peserta {i},Dinkes,Analis\n" for i in range(4))
    (tmp_path / "roster.csv").write_text("id,nama,instansi,jabatan\n" + people,
                                         encoding="utf-8")
    ws = cohort.setup(tmp_path / "out", tmp_path / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    slow = toy.with_cell(toy.answered(released), f"import time\ntime.sleep(2)  # {MARK}")
    for i in range(4):
        write(tmp_path / "kiriman", f"p{i}.ipynb", slow)
    roster = cohort.participants(ws)
    collect.collect(ws, [tmp_path / "kiriman"], roster, cohort.assignments(ws))
    run = subprocess.Popen([str(Path(sys.executable).parent / "humaskit"), "grade", "autograde",
                            "--out", str(ws.out), "--workers", "2", "--no-progress",
                            "--cell-timeout", "20"], start_new_session=True,
                           env=dict(os.environ, **{RUN_TAG: "kill9"}))
    deadline = time.time() + 60
    while time.time() < deadline and len(ws.state()) < 1:
        time.sleep(0.2)
    assert run.poll() is None and 1 <= len(ws.state()) < 4  # killed in the middle
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    time.sleep(1.5)
    assert worker_pids("kill9") == [] and leftovers() == []
    state = autograde.run(ws, roster, workers=2, limits=LIMITS, progress=False)
    assert sorted(state) == [f"{toy.ASSIGNMENT}/p{i}" for i in range(4)]
    with Gradebook(ws.db_url()) as gb:
        subs = gb.assignment_submissions(toy.ASSIGNMENT)
        assert sorted(s.student_id for s in subs) == [f"p{i}" for i in range(4)]
        assert all(s.score == 3 for s in subs)
    assert leftovers() == []


def test_a_test_runner_that_dies_is_restarted_not_counted_against_the_participant():
    from humaskit.grading import isolate

    runner = isolate.Verifier(LIMITS, -1, -1)
    cells = [{"source": "assert x == 1\nx + 1", "values": {"x": 1}}]
    try:
        assert runner.ask(cells, 60)[0][-1]["data"]["text/plain"] == "2"
        os.killpg(runner.proc.pid, signal.SIGKILL)
        runner.proc.wait()
        assert runner.ask(cells, 60)[0][-1]["data"]["text/plain"] == "2"
    finally:
        runner.close()
