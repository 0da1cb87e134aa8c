"""Every shell command in README.md, grader/README.md and the facilitator guide works as
written, from the checkout, in a shell whose PATH does not hold the venv (as a newcomer runs
them). Commands that start a server, need the internet or a browser, or run the test suite
itself are checked with ``--help`` or a dry run; every other one runs for real, on the input
files its document names (made here as a trainer would have them)."""

from __future__ import annotations

import json
import re
import shutil
import zipfile

import nbformat
import pandas as pd
import pytest
from shared import DEMO_COMMAND, ROOT, run

from humaskit.exercises.issue_mapping import samples as issue_samples
from humaskit.skkni import asesor

pytestmark = pytest.mark.slow

DOCUMENTS = ("README.md", "grader/README.md", "notebooks/PANDUAN_FASILITATOR.md")
#: (pattern, how it is checked, why). The first matching rule applies; every documented
#: command must match one.
RULES = [
    (r"^cd humaskit$", "skip", "the clone's folder: the test already runs in the checkout"),
    (r"^(cd ~/kursus|nbgrader (generate|release)_assignment \w+)$", "skip",
     "the trainer's terminal on the classroom server: tests/classroom/ runs them"),
    (r"/opt/humaskit/exchange", "help", "the classroom server's exchange"),
    (r"--out /home/pelatih/", "help",
     "the trainer's cohort on the classroom server: tests/classroom/test_hand_grading.py"),
    (r"^(PIP_\S+ )*make (lab|test)\b", "dry-run", "starts JupyterLab / runs this suite"),
    (r"^make handouts$", "dry-run", "executes every notebook; PDF needs a browser"),
    (r"^(\S+=\S+ )*make server\b", "dry-run", "creates Unix accounts and starts a server"),
    ((r"^\.venv/bin/humaskit server (bundle|install|setup|start|status|kartu|riwayat-pin"
      r"|hadir|backup|restore)\b"),
     "help", "needs root, the server's secrets, a download or a hub (tests/classroom/)"),
    (r"^\.venv/bin/humaskit laporan --kelas$", "help",
     "reads the participants' homes on the classroom server (tests/classroom/)"),
    (r"^\.venv/bin/humaskit laporan --evaluasi \S+$", "help",
     ("needs the participants' collected files and the filled-in identity and attendance "
      "sheets (tests/test_evaluation_collect.py runs it on a cohort)")),
    (r"^\.venv/bin/humaskit handouts$", "help", "executes every notebook; PDF needs a browser"),
    (r"^\.venv/bin/jupyter lab\b", "help", "starts a server"),
    (r"^\.venv/bin/pip (download|install --no-index)\b", "help",
     "downloads from the internet, or installs from the wheelhouse the download makes"),
    (r"^\.venv/bin/python benchmarks/", "help", "a benchmark of several minutes"),
    (r"\.\.\.", "help", "a usage pattern, not a command"),
    (r"^python3 -m venv \.venv$", "elsewhere", "creates a venv: done in an empty folder"),
    (r"^\.venv/bin/humaskit grade nilai-manual\b", "no-start",
     "starts formgrader's server: run with --no-start, which prepares it and prints how"),
    (r"^\.venv/bin/humaskit laporan( --ambang-kehadiran \d+)?$", "help",
     "needs the facilitator's filled-in identity and attendance sheets"),
    (r"^(make |\.venv/bin/humaskit )", "run", ""),
]
#: Outputs of the documented commands, kept aside and put back around the test.
OUTPUTS = ("hasil_penilaian", "exercises/submitted")
#: Input files the documents name, as a trainer would have them.
INPUTS = ("kiriman.zip", "kiriman_pemetaan_isu.zip", "grader/roster_kohort.csv", "peserta.csv",
          "asesor_asesmen_mandiri.csv", "katalog.csv", "skema.csv")


def commands(document: str) -> list[str]:
    """The shell commands of a document: lines of ```bash blocks (continuations joined,
    comments dropped) and inline code that starts like a command."""
    text = (ROOT / document).read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.DOTALL):
        block = re.sub(r"\\\n\s*", "", block)
        for line in block.splitlines():
            line = line.split(" #")[0].strip()
            if line and not line.startswith("#"):
                found.append(line)
    found += re.findall(r"`((?:\.venv/bin/|make |PIP_\w+=|python3? )[^`]+)`", text)
    return list(dict.fromkeys(found))


def rule(command: str) -> tuple[str, str]:
    for pattern, mode, why in RULES:
        if re.search(pattern, command):
            return mode, why
    raise AssertionError(f"no rule for the documented command: {command}")


ALL = sorted({c for d in DOCUMENTS for c in commands(d)})


def submission(name: str) -> bytes:
    release = nbformat.read(ROOT / "exercises" / "release" / "pemetaan_isu" /
                            "pemetaan_isu.ipynb", 4)
    nb, _ = issue_samples.build(name, release)
    return nbformat.writes(nb).encode()


@pytest.fixture(scope="module")
def workshop(tmp_path_factory, demo_cohort):
    """The checkout with the input files the documents name, its outputs kept aside, and what
    the trainer's first command wrote (``grade --demo``, run once: the ``demo_cohort``
    fixture), as the commands that read it find it."""
    aside = tmp_path_factory.mktemp("disimpan")
    assert run("make release").returncode == 0
    for name in OUTPUTS:
        if (ROOT / name).exists():
            shutil.move(ROOT / name, aside / name.replace("/", "__"))
    if demo_cohort["out"].exists():
        shutil.copytree(demo_cohort["out"], ROOT / "hasil_penilaian" / "demo")
    roster = (ROOT / "grader" / "roster_contoh.csv").read_text(encoding="utf-8")
    (ROOT / "grader" / "roster_kohort.csv").write_text(roster, encoding="utf-8")
    (ROOT / "peserta.csv").write_text("id,nama,instansi,jabatan\nP07,Siti Aminah,Disdik,"
                                      "Pranata Humas\n", encoding="utf-8")
    for archive in ("kiriman.zip", "kiriman_pemetaan_isu.zip"):
        with zipfile.ZipFile(ROOT / archive, "w") as zf:
            zf.writestr("Rini Paramitha.ipynb", submission("referensi_isian"))
            zf.writestr("agus_salim.ipynb", submission("ejaan_keliru"))
    folder = ROOT / "exercises" / "submitted" / "P07" / "pemetaan_isu"
    folder.mkdir(parents=True)
    (folder / "pemetaan_isu.ipynb").write_bytes(submission("referensi_isian"))
    pd.DataFrame(columns=asesor.RECORD_COLUMNS).to_csv(ROOT / "asesor_asesmen_mandiri.csv",
                                                       index=False)
    shutil.copy(ROOT / "datasets" / "skkni_katalog.csv", ROOT / "katalog.csv")
    shutil.copy(ROOT / "datasets" / "skkni_skema.csv", ROOT / "skema.csv")
    try:
        yield ROOT
    finally:
        for name in INPUTS:
            (ROOT / name).unlink(missing_ok=True)
        for name in OUTPUTS:
            shutil.rmtree(ROOT / name, ignore_errors=True)
            kept = aside / name.replace("/", "__")
            if kept.exists():
                shutil.move(kept, ROOT / name)


def test_the_documents_name_commands_and_every_one_has_a_rule():
    assert len(ALL) > 20
    for command in ALL:
        rule(command)


def test_no_document_tells_to_run_humaskit_without_the_venv_path():
    for document in DOCUMENTS:
        for command in commands(document):
            assert not command.startswith(("humaskit ", "python ")), (document, command)


# The grading steps of grader/README.md run in the order the document gives them; the
# organiser's documents come after the grading they report on.
ORDER = [c for c in ALL if rule(c)[0] == "run"]
ORDER.sort(key=lambda c: (" collect " not in c, " all " in c, " laporan" in c,
                          "--decisions" in c, " sertifikat " in c))


@pytest.mark.parametrize("command", ORDER)
def test_a_documented_command_runs_as_written(workshop, demo_cohort, command):
    done = demo_cohort["done"] if command == DEMO_COMMAND else run(command)
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("command", [c for c in ALL if rule(c)[0] in ("help", "dry-run")])
def test_a_command_that_cannot_run_here_is_checked_by_help_or_dry_run(workshop, command):
    mode, _ = rule(command)
    if mode == "dry-run":
        check = re.sub(r"\bmake\b", "make -n", command, count=1)
    else:
        words = command.split()
        program = words[:2] if words[0].endswith(("pip", "jupyter")) else words[:1]
        if words[0].endswith("python"):
            program = words[:2]
        if words[0].endswith("humaskit"):
            program = [w for w in words if not w.startswith(("SUMBER", "--", "..."))][:3]
        check = " ".join([*program, "--help"])
    done = run(check)
    assert done.returncode == 0, f"{check}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


@pytest.mark.parametrize("command", [c for c in ALL if rule(c)[0] == "no-start"])
def test_a_server_command_prepares_its_server_as_written(workshop, command):
    if not (ROOT / "hasil_penilaian" / "penilaian.json").exists():  # run alone: a cohort
        collect = next(c for c in ORDER if " collect " in c)
        assert run(collect).returncode == 0
    done = run(f"{command} --no-start")
    assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    assert "/formgrader" in done.stdout and "Traceback" not in done.stdout + done.stderr


def test_creating_the_venv_works_as_written(tmp_path):
    (command,) = [c for c in ALL if rule(c)[0] == "elsewhere"]
    done = run(command, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".venv" / "bin" / "python").exists()


def test_the_trainers_first_command_is_documented_and_writes_the_dashboard(demo_cohort):
    assert DEMO_COMMAND in ORDER  # the command the fixture runs is the documents' own
    assert demo_cohort["done"].returncode == 0, demo_cohort["done"].stderr[-3000:]
    assert (demo_cohort["out"] / "laporan" / "dasbor.html").exists()
    state = json.loads((demo_cohort["out"] / "status.json").read_text())
    assert len(state) >= 20
