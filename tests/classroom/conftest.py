"""The real JupyterHub, started once for every module in tests/classroom/: installed from a
bundle with no package index, the roster participants (hub.PARTICIPANTS), the facilitator and the trainer."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hub import ADMINS, ANI_DECISIONS, PARTICIPANTS, ROOT, refused, run_as, wait_for
from local_ports import free_ports

from humaskit import pages
from humaskit.server import accounts, spawner
from humaskit.server.client import Session

#: The hub starts ``spawner.NICENESS`` above normal priority. On the room's machine the hub
#: runs at normal priority and participants' servers and kernels below it, with nothing else
#: busy; here the other test worker and the browser are busy at normal priority, and without
#: a scheduler that groups processes by session (``sched_autogroup_enabled`` 0) they starve
#: a participant's kernel: its notebook shows "Tanpa Kernel" and a Run All never ends.
AS_ON_A_MACHINE_OF_ITS_OWN = ("nice", "-n", str(-spawner.NICENESS))


@pytest.fixture(scope="session")
def room():
    base = Path(tempfile.mkdtemp(prefix="humaskit-kelas-"))  # pytest's own is root-only
    base.chmod(0o755)
    prefix, homes, bundle = base / "opt", base / "home", base / "bundel"
    _remove_left_over_accounts()
    created = [a for a in (*PARTICIPANTS, *ADMINS) if not accounts.exists(a)]
    roster = base / "peserta.csv"
    roster.write_text("id,nama,instansi,jabatan\n" + "".join(
        f"{a},{n},Dinas Kominfo,Pranata Humas\n" for a, n in PARTICIPANTS.items()),
        encoding="utf-8")
    kit = str(ROOT / ".venv" / "bin" / "humaskit")
    _bundle(kit, bundle)
    offline = dict(os.environ, PIP_INDEX_URL="http://127.0.0.1:9/tidak-ada",
                   PIP_NO_INDEX="1", PIP_FIND_LINKS="")
    installed = subprocess.run([kit, "server", "install", str(bundle), "--prefix", str(prefix)],
                               capture_output=True, text=True, check=False, env=offline)
    server_kit = str(prefix / "env" / "bin" / "humaskit")
    port = free_ports(4)
    setup_command = [server_kit, "server", "setup", "--roster", str(roster), "--prefix",
                     str(prefix), "--homes", str(homes), "--ip", "127.0.0.1", "--port",
                     str(port), "--url", f"http://127.0.0.1:{port}/",
                     *(["--proxy", PROXY] if PROXY else [])]
    setup = subprocess.run(setup_command, capture_output=True, text=True, check=False)
    settings = prefix / "hub" / "kelas.json"
    first = json.loads(settings.read_text()) if setup.returncode == 0 else {}
    again = subprocess.run(setup_command, capture_output=True, text=True, check=False)
    hub = None
    if setup.returncode == 0:
        log = open(base / "hub.log", "w")  # noqa: SIM115 - closed at teardown
        hub = subprocess.Popen([*AS_ON_A_MACHINE_OF_ITS_OWN, server_kit, "server", "start",
                                "--prefix", str(prefix)],
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(f"http://127.0.0.1:{port}/hub/api/", 60)
    try:
        kept = json.loads(settings.read_text()) if setup.returncode == 0 else {}
        yield {"base": f"http://127.0.0.1:{port}", "prefix": prefix, "homes": homes,
               "bundle": bundle, "installed": installed, "setup": setup, "again": again,
               "first": first, "pins": kept.get("pins", {}), "kit": server_kit,
               "admin": kept.get("admin_passwords", {}).get("fasilitator"),
               "roster": roster, "out": homes / "pelatih" / accounts.COHORT,
               "log": base / "hub.log",
               "base_dir": base}
    finally:
        if hub is not None:  # nothing of the room is kept: no need to stop it gracefully
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait()
        # The hub's proxy, services and participants' servers run in sessions of their own:
        # none may outlive the room.
        subprocess.run(["pkill", "-KILL", "-f", str(base)], check=False)
        for account in created:
            subprocess.run(["pkill", "-KILL", "-u", account], check=False)
            for _ in range(100):  # userdel refuses an account that still has a process
                if subprocess.run(["pgrep", "-u", account], capture_output=True,
                                  check=False).returncode:
                    break
                time.sleep(0.1)
            subprocess.run(["userdel", account], check=False, capture_output=True)
            shutil.rmtree(spawner.RUNTIME / account, ignore_errors=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def logged_in(room):
    assert room["setup"].returncode == 0, room["setup"].stdout + room["setup"].stderr
    sessions = {}
    for account in PARTICIPANTS:
        session = Session(room["base"], account)
        assert session.login(room["pins"][account]).status_code == 200
        sessions[account] = session
    for session in sessions.values():
        session.wait_for_lab()
    return sessions


@pytest.fixture(scope="session")
def submitted(room, logged_in):
    course = Path(pwd.getpwnam("pelatih").pw_dir) / "kursus"
    nbgrader = str(room["prefix"] / "env" / "bin" / "nbgrader")
    for step in ("generate_assignment", "release_assignment"):
        done = run_as("pelatih", nbgrader, step, "pemetaan_isu", cwd=course)
        assert done.returncode == 0, done.stdout + done.stderr
    ani = logged_in["uji_ani"]
    fetched = ani.user_post("assignments/fetch", course_id="humaskit",
                            assignment_id="pemetaan_isu")
    # Ani's form saved a few decisions beside the notebook (as its dropdowns do) before she
    # submitted: the feedback returned to her shows them (test_feedback.py).
    saved = {"type": "file", "format": "text", "content": json.dumps(
        {"disimpan_pada": "2026-02-10T03:00:00+00:00", "jawaban": ANI_DECISIONS})}
    put = ani.http.put(f"{room['base']}/user/uji_ani/api/contents/pemetaan_isu/"
                       "jawaban_pemetaan_isu.json", json=saved, headers=ani._headers())
    assert put.status_code in (200, 201), (put.text, fetched.status_code, fetched.text[-1500:])
    sent = ani.user_post("assignments/submit", course_id="humaskit",
                         assignment_id="pemetaan_isu")
    return fetched, sent


@pytest.fixture(scope="session")
def graded(room, submitted):
    """The trainer's grading on the server, as the guides write it: `grade all` as root on
    the exchange, into the cohort folder whose course the trainer's formgrader opens; run once,
    it returns that folder, with uji_ani's pemetaan_isu graded."""
    inbound = room["prefix"] / "exchange" / "humaskit" / "inbound"
    done = subprocess.run([room["kit"], "grade", "all", str(inbound), "--roster",
                           str(room["roster"]), "--course",
                           str(room["prefix"] / "instruktur" / "exercises"), "--assignment",
                           "pemetaan_isu", "--out", str(room["out"]), "--workers", "1"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return room["out"]


@pytest.fixture(scope="session")
def facilitator(room):
    session = Session(room["base"], "fasilitator")
    assert refused(session, room["admin"]) is None
    return session


@pytest.fixture(scope="session")
def trainer(room):
    session = Session(room["base"], "pelatih")
    session.login(room["first"]["admin_passwords"]["pelatih"])
    session.wait_for_lab()
    return session


@pytest.fixture(scope="session")
def cards(room):
    """`humaskit server kartu`: the whole room's cards and admin sheet, then one reprint."""
    pypdf = pytest.importorskip("pypdf")
    if pages.find_browser() is None:
        pytest.skip("no Chromium on this machine (.ci/run installs Debian's chromium)")
    out = room["base_dir"] / "kartu"
    made = [subprocess.run([room["kit"], "server", "kartu", "--prefix", str(room["prefix"]),
                            "--out", str(out), *extra], capture_output=True, text=True,
                           check=False) for extra in ([], ["--akun", "uji_budi"])]
    for done in made:
        assert done.returncode == 0, done.stdout + done.stderr
    text = {pdf.name: "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
            for pdf in out.glob("*.pdf")}
    return {"text": text, "out": out, "printed": made}


def _remove_left_over_accounts() -> None:
    """The room's accounts that an aborted run left behind (their home is in an earlier
    room's temporary folder): set-up would reuse them with that room's home and course, so
    they are removed and made afresh. Only one room runs at a time (the heavy lock)."""
    left = str(Path(tempfile.gettempdir()) / "humaskit-kelas-")
    for account in (*PARTICIPANTS, *ADMINS):
        if accounts.exists(account) and pwd.getpwnam(account).pw_dir.startswith(left):
            subprocess.run(["userdel", account], check=False, capture_output=True)


#: Developers only (CI never sets it): a folder of wheels from an earlier `server bundle`,
#: so that a test run copies the kit afresh but skips downloading the same wheels again.
CACHED_WHEELS = os.environ.get("HUMASKIT_TEST_WHEELS")
#: Developers only: the room's proxy (`server setup --proxy`), to compare them; else the default.
PROXY = os.environ.get("HUMASKIT_TEST_PROXY")


def _bundle(kit: str, bundle: Path) -> None:
    if CACHED_WHEELS and Path(CACHED_WHEELS, "..", "kit").exists():
        from humaskit.server import install

        install.copy_kit(ROOT, bundle / "kit")
        install.copy_kit(ROOT, bundle / "instruktur", install.INSTRUCTOR_PARTS, private=True)
        shutil.copytree(CACHED_WHEELS, bundle / "wheels")
        if shutil.which("npm"):
            install.pack_node_proxy(bundle / "node")
        return
    done = subprocess.run([kit, "server", "bundle", str(bundle)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
