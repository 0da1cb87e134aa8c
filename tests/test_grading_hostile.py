"""A hostile cohort, graded as a trainer grades it: no submission may change, read or outlive
anything beyond its own working copy, earn points by tampering with the tests, or stop the
cohort's grades, feedback, exports or dashboard.

Each test checks what the trainer sees (the status), that the rest of the cohort is graded
correctly, that nothing outside the cohort's folder changed, and that nothing is left running.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import http.server
import json
import os
import pwd
import re
import signal
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path

import docx
import grading_toy as toy
import nbformat
import openpyxl
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from humaskit import ROOT, cli, evaluation
from humaskit.exercises import answers
from humaskit.grading import (
    autograde,
    cohort,
    collect,
    export,
    feedback,
    pictures,
    report,
    roster,
    sandbox,
)
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


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A PNG of one colour."""
    raw = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pixels(data: bytes) -> list[tuple[int, int, int]]:
    """The RGB pixels of an 8-bit RGB or RGBA PNG (what vl-convert writes)."""
    pos, idat, head = 8, b"", ()
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + size])
        elif kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + size]
        pos += 12 + size
    width, height, depth, colour = head[:4]
    assert depth == 8 and colour in (2, 6)
    step = 3 if colour == 2 else 4
    raw, stride, found, before = zlib.decompress(idat), width * step, [], bytearray(width * step)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a, b = line[x - step] if x >= step else 0, before[x]
            c = before[x - step] if x >= step else 0
            guess = {0: 0, 1: a, 2: b, 3: (a + b) // 2}.get(kind)
            if guess is None:  # Paeth
                p = a + b - c
                guess = a if abs(p - a) <= min(abs(p - b), abs(p - c)) else (
                    b if abs(p - b) <= abs(p - c) else c)
            line[x] = (line[x] + guess) & 255
        found += [tuple(line[i:i + 3]) for i in range(0, stride, step)]
        before = line
    return found


RED = (255, 0, 0)
RED_PNG = png(40, 40, RED)


#: An HTML output that would run a script, hide the page, follow a link and load an image from
#: a local server, around a table whose text must reach the feedback page whole.
HOSTILE_TABLE = ("<style>body{{display:none}}</style><script>alert(4)</script>"
                 "<table onmouseover=alert(5) style='position:fixed'><tr><td>Isi sel yang "
                 "panjang sekali, utuh sampai akhir<a href='http://127.0.0.1:{port}/'>tautan</a>"
                 "<img src='http://127.0.0.1:{port}/merah.png'><iframe src='/etc/passwd'>"
                 "</iframe></td></tr></table>")


def vegalite(spec: dict) -> str:
    """A cell that shows ``spec`` as a chart output, as altair does."""
    return ("from IPython.display import display\n"
            f"display({{'application/vnd.vegalite.v5+json': {spec!r}, 'text/plain': 'grafik'}},"
            " raw=True)")


def image_chart(url: str) -> dict:
    return {"data": {"values": [{"u": url}]}, "width": 60, "height": 60,
            "mark": {"type": "image", "width": 40, "height": 40},
            "encoding": {"url": {"field": "u", "type": "nominal"}, "x": {"value": 30},
                         "y": {"value": 30}}}


SMALL_CHART = {"data": {"values": [{"a": 1, "b": 2}, {"a": 2, "b": 3}]}, "mark": "bar",
               "encoding": {"x": {"field": "a", "type": "ordinal"},
                            "y": {"field": "b", "type": "quantitative"}}}
#: 185 bytes that used to run the grader out of memory, and a canvas that aborted it.
SEQUENCE_CHART = {"data": {"sequence": {"start": 0, "stop": 3_000_000, "as": "x"}},
                  "mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"}}}
CANVAS_CHART = dict(SMALL_CHART, width=100_000, height=100_000)
#: Paths of the kit and of the trainer a participant's cell tries to read.
KIT_FILES = [ROOT / "README.md", ROOT / "pyproject.toml", ROOT / ".git", ROOT / ".git" / "HEAD",
             ROOT / "exercises", ROOT / "exercises" / "source",
             ROOT / "exercises" / "source" / "pemetaan_isu" / "pemetaan_isu.ipynb"]


def looking_around(paths: list[Path]) -> str:
    """A participant cell that tries to read ``paths`` and prints what it got."""
    return ("import json, os\nfound = {}\n"
            f"for path in {[str(p) for p in paths]!r}:\n"
            "    try:\n"
            "        found[path] = 'TERBACA ' + str(os.listdir(path) if os.path.isdir(path) "
            "else open(path, 'rb').read(40))\n"
            "    except OSError as exc:\n"
            "        found[path] = type(exc).__name__\n"
            "print('DILIHAT', json.dumps(found, sort_keys=True))")


@pytest.fixture(scope="module")
def listener():
    """A web server on 127.0.0.1 that records every request it gets (and answers red)."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(RED_PNG)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], requests
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, listener):
    base = tmp_path_factory.mktemp("hostile")
    course_root = toy.make_course(base / "course")
    (base / "roster.csv").write_text(ROSTER, encoding="utf-8")
    secret = base / "rahasia"
    secret.mkdir(mode=0o700)
    (secret / "kunci.txt").write_text("RAHASIA_ROOT")
    (secret / "kunci.txt").chmod(0o600)
    (secret / "merah.png").write_bytes(RED_PNG)
    (secret / "merah.png").chmod(0o600)
    ws = cohort.setup(base / "out", base / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    good = toy.answered(released)
    gradebook = ws.course / "gradebook.db"
    inbox = base / "kiriman"
    # A correct participant with a chart, who also looks around the kit and the trainer's
    # folders.
    write(inbox, "ani.ipynb", toy.with_cell(toy.with_cell(good, vegalite(SMALL_CHART)),
                                            looking_around(
        [*KIT_FILES, base / "roster.csv", base / "out" / "penilaian.json",
         course_root / "source"])))
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
    # Chart image marks naming a root-only file and a local web server.
    citra = nbformat.read(inbox / "citra.ipynb", 4)
    for url in (f"file://{secret / 'merah.png'}", f"http://127.0.0.1:{listener[0]}/merah.png"):
        citra = toy.with_cell(citra, vegalite(image_chart(url)))
    write(inbox, "citra.ipynb", citra)
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
    # Stored XSS in markdown, a crafted image output and a crafted HTML table.
    xss = toy.with_cell(good, "from IPython.display import display\n"
                              "display({'image/png': 'AAAA\"><script>alert(1)</script>'}, raw=True)")
    xss = toy.with_cell(xss, "from IPython.display import display\n"
                             "display({'text/plain': 'tabel', 'text/html': "
                             f"{HOSTILE_TABLE.format(port=listener[0])!r}}}, raw=True)")
    xss.cells.insert(1, nbformat.v4.new_markdown_cell(
        "<img src=x onerror=alert(1)> [klik](javascript:alert(2)) <b onclick=alert(3)>b</b>"))
    # Charts over the caps, beside one that is fine.
    for chart in (SMALL_CHART, CANVAS_CHART, SEQUENCE_CHART):
        xss = toy.with_cell(xss, vegalite(chart))
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
    here = os.getcwd()
    os.chdir("/")  # the trainer's working directory must not matter
    try:
        state = autograde.run(ws, people, workers=2, limits=LIMITS, progress=False)
    finally:
        os.chdir(here)
    time.sleep(0.5)
    return {"ws": ws, "state": state, "record": record, "outside": outside,
            "folders": (secret, inbox, course_root), "people": people, "left": leftovers(),
            "inbox": inbox, "seen": looked_at(ws, "ani")}


def looked_at(ws, student) -> dict[str, str]:
    """What a participant's looking-around cell printed (empty if it did not run)."""
    nb = nbformat.reads(graded_text(ws, student), 4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and "DILIHAT " in out.text:
                return json.loads(out.text.split("DILIHAT ", 1)[1])
    return {}


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
    # Its kill loop finds no process to kill (the sandbox has no /proc), not even its own.
    for student in ("ani", "fajar", "hadi", "citra", "gita"):
        assert score(hostile["ws"], student) == 3, student
    assert leftovers() == []


def test_a_cpu_hog_does_not_starve_the_submission_beside_it(hostile):
    """fajar is graded on the other slot while eka's eight busy processes run: fajar loses
    nothing. eka's own later cells share eka's CPU with them, so how many finish under the
    cell cap depends on the machine's load; a point eka loses is reported, never silent."""
    assert score(hostile["ws"], "fajar") == 3
    assert codes(hostile, "fajar") == ["ok"]
    eka = score(hostile["ws"], "eka")
    assert eka == 3 and codes(hostile, "eka") == ["ok"] or "cell_timeout" in codes(hostile, "eka")


def test_feedback_is_sanitised(hostile, listener):
    ws = hostile["ws"]
    feedback.write_all(ws)
    page = (ws.feedback / "gita" / f"{toy.ASSIGNMENT}.html").read_text(encoding="utf-8")
    for vector in ("onerror", "onclick", "javascript:", "<script"):
        assert vector not in page.lower()
    # An HTML output keeps its table and text; no tag of it runs, styles, frames or loads.
    assert "<table><tbody><tr><td>Isi sel yang panjang sekali, utuh sampai akhirtautan" in page
    tags = re.findall(r"<([a-z]+)([^>]*)>", page.lower())
    assert not [t for t in tags if t[0] in ("script", "iframe") or f":{listener[0]}" in t[1]
                or re.search(r"\s(on[a-z]+|style)=", t[1])]
    assert [t for t in tags if t[0] == "style"] == [("style", "")]  # the page's own
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
    probe = ("import os, json; print(json.dumps({'top': sorted(os.listdir('/')), 'proc': "
             "[p for p in ('/proc/self/mountinfo', '/proc/1/cmdline', '/proc') "
             "if os.path.exists(p)], 'pid': os.getpid(), 'uid': os.getuid()}))")
    code, out, _ = sandbox.run([sys.executable, "-c", probe], b"", LIMITS, 60, uid=64099)
    seen = json.loads(out)
    allowed = sandbox.allowed_paths()
    tops = {Path(p).parts[1] for p in allowed} | {"dev", "tmp", "kerja"} | {
        name for name in ("bin", "sbin", "lib", "lib64", "lib32", "libx32")
        if Path("/", name).exists()}
    assert code == 0 and set(seen["top"]) <= tops
    assert not [p for p in allowed if Path(p).name in (".git", "exercises")]
    assert str(ROOT) not in allowed and os.getcwd() not in allowed
    assert seen["proc"] == []  # nothing lists the mounts (the host's folders) or processes
    assert seen["pid"] < 10  # its own pid namespace
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


# --- Collection, documents and exports (issue 21, classes 4, 5, 6, 8 and 9) ----------------

#: Characters no document may carry: C0 controls but tab, line feed and carriage return.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
FORMULAS = {"ani": '=HYPERLINK("http://127.0.0.1:9/curi","Ani")',
            "budi": "=cmd|' /C calc'!A0", "citra": "@SUM(1+1)*cmd|' /C calc'!A0",
            "dodi": "Dodi\x0bPratama\x1b[31m\x07"}


def test_formulas_and_control_characters_in_names_reach_no_export_as_such(hostile):
    """Class 8: every text cell of the workbook is text, every CSV value a spreadsheet would
    read as a formula starts with ', and no page carries a control character."""
    ws = hostile["ws"]
    path = Path(ws.settings()["roster"])
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines()
    for n, line in enumerate(lines):
        pid, _name, rest = line.split(",", 2)
        if pid in FORMULAS:
            lines[n] = ",".join([pid, '"' + FORMULAS[pid].replace('"', '""') + '"', rest])
    try:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files = export.write_all(ws)
        pages = report.write_all(ws)
    finally:
        path.write_text(original, encoding="utf-8")
    book = openpyxl.load_workbook(ws.exports / "nilai_kohort.xlsx")
    texts = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert texts and all(c.data_type == "s" for c in texts)
    assert FORMULAS["ani"] in {c.value for c in texts}  # kept whole, as text
    quoted = set()
    for csv_path in (f for f in files if f.suffix == ".csv"):
        with open(csv_path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for value in row:
                    assert not value.startswith(("=", "+", "@", "\t", "\r")), (csv_path, value)
                    assert not re.match(r"-[^\d]", value), (csv_path, value)
                    assert not CONTROLS.search(value), (csv_path, value)
                    quoted.add(value)
    assert {"'" + FORMULAS[p] for p in ("ani", "budi", "citra")} <= quoted
    for page in pages:
        assert not CONTROLS.search(page.read_text(encoding="utf-8")), page


def test_hostile_carried_names_in_a_graded_cohort_cost_only_their_participant(hostile,
                                                                              tmp_path):
    """Class 4: NUL, 300 characters, a subfolder's name: reported, nobody else affected."""
    ws = hostile["ws"]
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    nb = toy.answered(released)
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data=answers.bundle(
        name, '{"jawaban": {}}', "2026-11-23T09:00:00+00:00"))
        for name in ("a\x00b.json", "x" * 300, "sub", f"jawaban_{toy.ASSIGNMENT}.json")]
    box = tmp_path / "kiriman_lagi"
    write(box / "eka", f"{toy.ASSIGNMENT}.ipynb", nb)
    (box / "eka" / f"jawaban_{toy.ASSIGNMENT}.json").mkdir()
    (box / "eka" / f"jawaban_{toy.ASSIGNMENT}.json" / "isi.txt").write_text("x")
    (box / "eka" / "sub").mkdir()
    (box / "eka" / "sub" / "isi.txt").write_text("x")
    write(box, "fajar.ipynb", toy.answered(released))
    before = {s["student"]: s for s in ws.collection()["submissions"]}
    record = collect.collect(ws, [box], hostile["people"], cohort.assignments(ws))
    refused = [i for i in record["found"] if i["code"] == "form_answers_bad_name"]
    assert {i["student"] for i in refused} == {"eka"} and len(refused) == 4
    after = {s["student"]: s for s in record["submissions"]}
    assert after["fajar"]["hash"] == before["fajar"]["hash"]  # the same answers, collected
    assert after["eka"]["origin"] == str(box / "eka")
    assert {"sub/isi.txt", f"{toy.ASSIGNMENT}.ipynb"} <= set(after["eka"]["files"])
    assert set(after) == set(before)


def test_an_impersonated_inbound_folder_does_not_zero_the_victim(tmp_path):
    """Class 6. Roster ids that are accounts here (``nobody``, ``daemon``) stand for the
    server's participants: ``daemon`` makes a later, empty submission in ``nobody``'s name.
    ``eve`` (no account: a laptop's copy) sends an extra cell whose grade id is a list."""
    if not sandbox.is_root():
        pytest.skip("giving a folder to another uid needs root")
    course_root = toy.make_course(tmp_path / "course")
    (tmp_path / "roster.csv").write_text("id,nama,instansi,jabatan\nnobody,Nobi,Dinkes,Analis\n"
                                         "daemon,Damar,Setda,Analis\neve,Eva,RSUD,Analis\n",
                                         encoding="utf-8")
    ws = cohort.setup(tmp_path / "out", tmp_path / "roster.csv", course_root)
    released = nbformat.read(ws.course / "release" / toy.ASSIGNMENT /
                             f"{toy.ASSIGNMENT}.ipynb", 4)
    inbound = tmp_path / "exchange" / "humaskit" / "inbound"

    def submit(student, stamp, nb, owner):
        folder = inbound / f"{student}+{toy.ASSIGNMENT}+{stamp} UTC+{owner}"
        path = write(folder, f"{toy.ASSIGNMENT}.ipynb", nb)
        uid = pwd.getpwnam(owner).pw_uid
        os.chown(folder, uid, uid)
        os.chown(path, uid, uid)

    submit("nobody", "2026-11-01 10:00:00", toy.answered(released), "nobody")
    submit("nobody", "2026-11-01 11:00:00", nbformat.v4.new_notebook(), "daemon")
    malformed = toy.with_cell(toy.answered(released), "print('sel tambahan')")
    malformed.cells[3].metadata["nbgrader"] = {"grade_id": ["a", "b"], "grade": True,
                                               "solution": False, "locked": False,
                                               "points": 1}
    submit("eve", "2026-11-01 10:00:00", malformed, "root")
    people = cohort.participants(ws)
    record = collect.collect(ws, [inbound], people, cohort.assignments(ws))
    refused, = [i for i in record["issues"] if i["code"] == "not_owner"]
    assert refused["student"] == "nobody" and "akun 'daemon'" in refused["detail"]
    state = autograde.run(ws, people, workers=2, limits=LIMITS, progress=False)
    assert score(ws, "nobody") == 3
    assert [s["code"] for s in state[f"{toy.ASSIGNMENT}/nobody"]["statuses"]] == ["ok"]
    eve = [s["code"] for s in state[f"{toy.ASSIGNMENT}/eve"]["statuses"]]
    assert eve == ["malformed_cells"] and score(ws, "eve") == 3
    again = autograde.run(ws, people, workers=2, limits=LIMITS, progress=False)
    assert again == state  # nothing left to retry


def hostile_organiser_cohort(base: Path) -> Path:
    """The organiser's demo records, with a participant named as a formula carrying control
    characters, an evaluation comment with VT, ESC, NUL and a lone surrogate, and a
    50,000-row RTL full of formulas and control characters."""
    from test_training import _cohort

    out = _cohort(base)
    roster_path = base / "roster.csv"
    text = roster.DEMO_ROSTER.read_text(encoding="utf-8-sig").replace(
        "Rini Paramitha", '"=HYPERLINK(""http://127.0.0.1:9/"",""Rini"")\x0bParamitha\x1b[31m"')
    roster_path.write_text(text, encoding="utf-8")
    (out / "penilaian.json").write_text(json.dumps({"roster": str(roster_path)}))
    records = out / "penyelenggaraan"
    (records / "evaluasi" / "jahil.json").write_text(json.dumps({evaluation.FINAL: {
        **{e: 3 for e in evaluation.ORGANISATION},
        "komentar": "Bagus\x0bsekali\x1b[32m[OK]\x00\ud800 =cmd|' /C calc'!A0" + "!" * 5000}}))
    rows = "".join(f'{n},"=HYPERLINK(""http://127.0.0.1:9/{n}"")\x0baksi",Ani\x1b[0m,Setda,'
                   f"2027-01-31,indikator\x07{n}\n" for n in range(1, 50_001))
    (records / "rtl" / "rini_paramitha.csv").write_text(
        "no,aksi,penanggung_jawab,opd,tenggat,indikator\n" + rows, encoding="utf-8")
    return out


def test_control_characters_and_a_huge_rtl_stop_no_organiser_document(tmp_path):
    """Classes 5 and 9: the laporan (DOCX, HTML) and the certificates are written, with
    every participant's text printable and the RTL capped (the cap reported)."""
    from humaskit.training import inputs, publish

    out = hostile_organiser_cohort(tmp_path)
    done = publish.publish(out, pdf=False)
    folder = done["folder"]
    with zipfile.ZipFile(folder / "laporan_penyelenggaraan.docx") as word:
        xml = word.read("word/document.xml").decode("utf-8")
    assert not CONTROLS.search(xml)
    table, = [t for t in docx.Document(str(folder / "laporan_penyelenggaraan.docx")).tables
              if [c.text for c in t.rows[0].cells][:2] == ["Nama", "Aksi"]]
    actions = [r for r in table.rows if "Paramitha" in r.cells[0].text]
    assert len(actions) == inputs.MAX_RTL_ACTIONS
    assert any("50000 aksi; hanya 30 aksi pertama" in n and "Paramitha" in n
               for n in done["notes"])
    assert any("komentar evaluasi lebih dari 1000 karakter" in n for n in done["notes"])
    page = (folder / "laporan_penyelenggaraan.html").read_text(encoding="utf-8")
    assert not CONTROLS.search(page) and "sekali" in page and "[OK]" in page
    certificate = (folder / "sertifikat" / "rini_paramitha.html").read_text(encoding="utf-8")
    assert not CONTROLS.search(certificate) and "Paramitha" in certificate
    summary = (folder / "rekap_kehadiran.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(" in summary and not CONTROLS.search(summary)


def test_a_certificate_pdf_is_printed_for_a_name_with_control_characters(tmp_path):
    from humaskit import pages
    from humaskit.training import certificates, curriculum, register, schedule
    from humaskit.training.identity import Identity

    browser = pages.find_browser()
    if browser is None:
        pytest.skip("Chromium is not installed")
    name = "Ani\x0b\x1b[31mLestari\x00\ud800"
    who = pd.DataFrame([{"id": "ani", "nama": name,
                         "instansi": "=cmd|' /C calc'!A0", "jp": 30, "persen_kehadiran": 100.0,
                         "memenuhi": True, "alasan": ""}])
    people = {"ani": roster.Participant("ani", name, "=cmd|' /C calc'!A0", "Analis")}
    identity = Identity({"judul": "Bimtek\x07", "penyelenggara": "Setda", "tempat": "Aula",
                         "tanggal_mulai": "2026-11-23", "tanggal_selesai": "2026-11-26",
                         "kota_penerbitan": "Muara", "nomor_awalan": ""})
    entries = register.issue(tmp_path, [{"id": "ani", "nama": name, "nip": ""}],
                             identity.certificate_number, identity["judul"], 26)
    written, notes = certificates.write(identity, who, people, entries,
                                        curriculum.modules(schedule.sessions()),
                                        tmp_path / "sertifikat")
    assert notes == [] and [p.name for p in written] == ["ani.html", "ani.pdf",
                                                         "semua_sertifikat.pdf"]
    assert written[1].read_bytes().startswith(b"%PDF")


def test_every_document_writer_takes_any_text(tmp_path):
    """Class 5 for the writers every take-home and report uses (humaskit.documents): text with
    control characters, a lone surrogate and formulas in every slot."""
    from humaskit import documents

    bad = "Nilai\x0b\x1b[31m\x00\ud800 =HYPERLINK(\"http://127.0.0.1:9/\")"
    frame = pd.DataFrame({bad: [bad, "=1+1", "-cmd", "@SUM(A1)"], "angka": [1.5, 2, 3, 4]})
    doc = documents.Document(bad, bad, bad, [documents.Section(
        bad, [bad], [documents.Table(bad, frame, {bad: 1})], points=[bad])])
    page = documents.to_html(doc)
    documents.to_docx(doc, tmp_path / "d.docx")
    documents.to_xlsx(doc, tmp_path / "d.xlsx")
    assert not CONTROLS.search(page)
    assert docx.Document(str(tmp_path / "d.docx")).paragraphs[0].text.startswith("Nilai")
    book = openpyxl.load_workbook(tmp_path / "d.xlsx")
    texts = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in texts)
    assert {"=1+1", "-cmd", "@SUM(A1)"} <= {c.value for c in texts}
    assert not any(CONTROLS.search(c.value) for c in texts)


def test_a_participants_rtl_take_home_holds_formulas_as_text_and_reads_back(tmp_path):
    from humaskit import rtl

    table = rtl.empty()
    for aksi in ('=HYPERLINK("http://127.0.0.1:9/","Aksi")', "+62 812 rapat", "@rapat OPD"):
        table = rtl.add(table, aksi, "-Ani", "Setda", "2027-01-31", "=1+1 indikator")
    paths = rtl.export(table, tmp_path)
    with open(paths["csv"], encoding="utf-8-sig", newline="") as handle:
        values = [v for row in csv.reader(handle) for v in row]
    assert "'=HYPERLINK(\"http://127.0.0.1:9/\",\"Aksi\")" in values and "'-Ani" in values
    book = openpyxl.load_workbook(paths["xlsx"])
    assert all(c.data_type == "s" for row in book["RTL"].iter_rows() for c in row
               if isinstance(c.value, str))
    assert rtl.load(paths["csv"])["aksi"].tolist() == table["aksi"].tolist()


def test_an_own_data_take_home_holds_a_formula_topic_as_text(tmp_path):
    """Class 8 for the own-data take-home (humaskit.own_data.takehome writes through
    humaskit.documents): a topic typed as a formula with control characters."""
    import own_data_files as files

    from humaskit.own_data import analyse, takehome

    path = tmp_path / "pemantauan.csv"
    path.write_bytes(files.monitoring_csv().replace(
        b"Sampah pasar", b"=cmd|' /C calc'!A0\x0b\x1b[31mpasar").replace(
        b"sampah pasar", b"=cmd|' /C calc'!A0\x0b\x1b[31mpasar"))
    written = takehome.write(analyse(path, "monitoring"), tmp_path / "bawa_pulang")
    book = openpyxl.load_workbook(written["xlsx"])
    texts = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str)]
    assert any(c.value.startswith("=cmd") for c in texts)
    assert all(c.data_type == "s" and not CONTROLS.search(c.value) for c in texts)
    with zipfile.ZipFile(written["docx"]) as word:
        assert not CONTROLS.search(word.read("word/document.xml").decode("utf-8"))
    assert not CONTROLS.search(written["html"].read_text(encoding="utf-8"))


def test_an_all_empty_text_column_is_written_to_csv(tmp_path):
    """An export column nobody filled (e.g. the self-assessment's evidence marks) keeps the
    CSV writer going under pandas' string dtype."""
    from humaskit import safe_text

    frame = pd.DataFrame({"tanda_bukti": pd.Series([None, None], dtype="str"),
                          "aksi": ["rapat", "=1+1"]})
    safe_text.to_csv(frame, tmp_path / "a.csv")
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "tanda_bukti,aksi", ",rapat", ",'=1+1"]


# Issue 21, classes 1-3: the working directory, chart marks that reach out, charts too large.

def test_grading_from_any_folder_gives_the_same_scores_and_shows_no_kit_source(hostile):
    ws, key = hostile["ws"], f"{toy.ASSIGNMENT}/ani"
    seen = {"/": (score(ws, "ani"), hostile["seen"])}
    here = os.getcwd()
    for folder in (ws.out, ROOT):  # a cohort folder, the kit root
        state = ws.state()
        del state[key]  # graded again, alone
        ws.write("status.json", state)
        os.chdir(folder)
        try:
            autograde.run(ws, hostile["people"], workers=1, limits=LIMITS, progress=False)
        finally:
            os.chdir(here)
        seen[str(folder)] = (score(ws, "ani"), looked_at(ws, "ani"))
        assert [s["code"] for s in ws.state()[key]["statuses"]] == ["ok"]
    first = seen["/"]
    assert first[0] == 3 and len(first[1]) == len(KIT_FILES) + 3
    assert all(found == first for found in seen.values()), seen
    assert not [path for path, what in first[1].items() if what.startswith("TERBACA")], first


def test_the_sandbox_is_the_same_whatever_folder_the_grader_starts_in(tmp_path):
    probe = ("import json; from humaskit.grading import sandbox; "
             "print(json.dumps(sandbox.command(['python'], sandbox.Limits())))")
    commands = {json.dumps(json.loads(subprocess.run(
        [sys.executable, "-c", probe], cwd=folder, capture_output=True, text=True,
        check=True).stdout)) for folder in ("/", tmp_path, ROOT)}
    assert len(commands) == 1
    binds = json.loads(commands.pop())
    bound = [binds[i + 1] for i, arg in enumerate(binds) if arg == "--ro-bind"]
    assert str(tmp_path) not in bound and "/" not in bound and str(ROOT) not in bound
    assert not [p for p in bound if Path(p).name in (".git", "exercises")]


def unsandboxed_png(spec: dict) -> bytes:
    """``spec`` drawn as the grader drew it before, in a process of its own (this one serves
    the listener)."""
    code = ("import sys, vl_convert as v; sys.stdout.buffer.write("
            f"v.vegalite_to_png({spec!r}, allowed_base_urls=[]))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                          check=False).stdout


def test_chart_marks_reach_no_file_and_no_address(hostile, listener):
    port, requests = listener
    secret = hostile["folders"][0] / "merah.png"
    # The payloads work: drawn by the grader itself, the file would show, the server be asked.
    assert RED in pixels(unsandboxed_png(image_chart(f"file://{secret}")))
    unsandboxed_png(image_chart(f"http://127.0.0.1:{port}/merah.png"))
    assert requests
    requests.clear()
    feedback.write_all(hostile["ws"])
    assert requests == []
    page = (hostile["ws"].feedback / "citra" / f"{toy.ASSIGNMENT}.html").read_text(
        encoding="utf-8")
    drawn = [base64.b64decode(data) for data in re.findall(
        r'alt="grafik keluaran" src="data:image/png;base64,([^"]+)"', page)]
    shown = len(drawn) + page.lower().count(pictures.FAILED.lower())
    assert shown == 2 and not any(RED in pixels(picture) for picture in drawn)


def test_a_chart_too_large_costs_only_its_picture_and_grade_all_still_writes_everything(
        hostile):
    ws, started = hostile["ws"], time.time()
    assert cli.main(["grade", "all", str(hostile["inbox"]), "--out", str(ws.out),
                     "--cell-timeout", str(LIMITS.cell_timeout)]) in (0, 1)
    page = (ws.feedback / "gita" / f"{toy.ASSIGNMENT}.html").read_text(encoding="utf-8")
    failed = re.findall(rf"{pictures.FAILED}: ([^<]*)\.</p>", page)
    assert sorted(failed) == [
        "3.000.000 titik data, melebihi batas 50.000 titik",
        "ukuran kanvas 100.000 piksel, melebihi batas 5.000 piksel"]
    assert page.count('alt="grafik keluaran"') == 1  # her chart within the caps is drawn
    assert score(ws, "gita") == 3
    for student in ("ani", "citra"):  # the others' pages and pictures
        assert 'alt="grafik keluaran"' in (ws.feedback / student / f"{toy.ASSIGNMENT}.html"
                                           ).read_text(encoding="utf-8")
    for written in (ws.exports / "nilai_kohort.xlsx", ws.reports / "dasbor.html",
                    *(ws.feedback / s / f"{toy.ASSIGNMENT}.html" for s in hostile["people"])):
        assert written.stat().st_mtime >= started - 1, written


def test_a_chart_that_passes_the_caps_but_exhausts_the_renderer_costs_only_its_picture(
        monkeypatch):
    monkeypatch.setattr(pictures, "MAX_POINTS", 10**9)
    monkeypatch.setattr(pictures, "MAX_CANVAS_PX", 10**9)
    drawn = pictures.draw([SMALL_CHART, SEQUENCE_CHART, CANVAS_CHART, SMALL_CHART], uid=64098)
    assert isinstance(drawn[0], bytes) and drawn[3] == drawn[0]
    for reason in drawn[1:3]:
        assert f"memori ({pictures.MEMORY_MB} MB)" in reason
