"""One machine serves the whole room: the real JupyterHub, started here on loopback from a
bundle installed with no package index, three roster participants, the facilitator and the
trainer. Needs root (each participant gets a Unix account), as the classroom server does.

Each participant signs in as themselves with the PIN on their printed card; a participant
account is hostile, so it is tried against everything it must not read."""

from __future__ import annotations

import json
import os
import pwd
import re
import subprocess
import time
from pathlib import Path

import nbformat
import pytest
from hub import (
    INSTRUCTOR_MARKS,
    PARTICIPANTS,
    ROOT,
    SCREENSHOTS,
    card_pin,
    lab_disabled,
    press,
    refused,
    run_as,
    wait_for_every_cell,
)

from humaskit import satisfaction
from humaskit.server import spawner
from humaskit.server.client import Session

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

def test_the_bundle_installs_with_no_package_index(room):
    assert room["installed"].returncode == 0, room["installed"].stdout + room["installed"].stderr
    python = room["prefix"] / "env" / "bin" / "python"
    check = subprocess.run([str(python), "-c", "import humaskit, jupyterhub, nbgrader"],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_three_roster_participants_log_in_and_their_servers_spawn(logged_in):
    assert set(logged_in) == set(PARTICIPANTS)
    for session in logged_in.values():
        listing = session.user_get("api/contents/notebooks").json()
        names = {item["name"] for item in listing["content"]}
        assert "00_mulai_di_sini.ipynb" in names and "01_hari1_konfigurasi_kehumasan.ipynb" in names


def test_setup_run_again_keeps_every_pin_and_password_already_handed_out(room):
    assert room["again"].returncode == 0, room["again"].stdout + room["again"].stderr
    assert room["first"]["pins"] == room["pins"] and set(room["pins"]) == set(PARTICIPANTS)
    assert len(set(room["pins"].values())) == len(PARTICIPANTS)
    assert all(len(p) >= 32 for p in room["first"]["admin_passwords"].values())
    assert oct((room["prefix"] / "hub" / "kelas.json").stat().st_mode & 0o777) == "0o600"


def test_each_pin_signs_in_only_its_own_account_and_a_wrong_pin_is_refused(room, logged_in):
    pins = room["pins"]
    as_budi = refused(Session(room["base"], "uji_budi"), pins["uji_ani"])
    assert as_budi is not None and as_budi.status_code == 403
    assert "Nama akun atau PIN salah" in as_budi.text
    wrong = refused(Session(room["base"], "uji_ani"), "000000")
    assert wrong is not None and "Nama akun atau PIN salah" in wrong.text
    assert refused(Session(room["base"], "orang_asing"), pins["uji_ani"]) is not None
    assert refused(Session(room["base"], "uji_ani"), pins["uji_ani"]) is None
    assert refused(Session(room["base"], "Uji_Ani"), pins["uji_ani"]) is None  # a phone's caps


def test_the_hubs_own_pages_speak_indonesian(room, logged_in):
    ani = logged_in["uji_ani"]
    home = ani.get("/hub/home")
    assert "Buka JupyterLab saya" in home.text and "Keluar" in home.text
    assert "My Server" not in home.text and "Logout" not in home.text
    missing = ani.get("/hub/tidak-ada")
    assert missing.status_code == 404 and "Halaman tidak ditemukan" in missing.text
    login = Session(room["base"], "uji_ani").get("/hub/login").text
    assert "Masuk ke ruang kelas" in login and "Sign in" not in login


def test_no_participant_can_read_any_instructor_material_or_anothers_work(room, submitted):
    """As a participant account, on the server: the exercises' sources (model answers,
    hidden tests, pre/post-test keys) anywhere the room keeps them, other participants'
    homes, the trainer's course and gradebook."""
    prefix, homes = room["prefix"], room["homes"]
    course = homes / "pelatih" / "kursus"
    places = [prefix / "kit", prefix / "instruktur", prefix / "exchange", prefix / "hub",
              homes, room["bundle"]]
    for mark in INSTRUCTOR_MARKS:  # in material, not in the package code that handles it
        found = run_as("uji_ani", "grep", "-rlE", "--exclude=*.py", "--exclude=*.pyc", mark,
                       *map(str, places))
        assert found.stdout == "", (mark, found.stdout)
        # the material is there, for the trainer: the search above could have found it
        assert run_as("pelatih", "grep", "-rlqE", mark, str(course / "source")).returncode == 0
    assert not (prefix / "kit" / "exercises" / "source").exists()
    secret = [course / "source" / "pemetaan_isu" / "pemetaan_isu.ipynb",
              course / "gradebook.db", prefix / "instruktur" / "exercises" / "source" /
              "post_test" / "post_test.ipynb", homes / "uji_budi" / "notebooks" /
              "00_mulai_di_sini.ipynb", prefix / "hub" / "kelas.json",
              room["bundle"] / "instruktur" / "exercises" / "source" / "pre_test" /
              "pre_test.ipynb"]
    keys = [p for p in (prefix / "instruktur" / "exercises" / "keys").rglob("*") if p.is_file()]
    assert keys and (course / "keys" / keys[0].name).exists()  # the trainer's course has them
    secret += [*keys, course / "keys" / keys[0].name]
    for path in secret:
        assert path.exists(), path
        peek = run_as("uji_ani", "cat", str(path))
        assert peek.returncode != 0 and "Permission denied" in peek.stderr, path
    for folder in (course, homes / "uji_budi", prefix / "instruktur"):
        peek = run_as("uji_ani", "ls", str(folder))
        assert peek.returncode != 0 and "Permission denied" in peek.stderr, folder


def test_no_participant_can_read_another_participants_home(room, logged_in):
    homes = room["homes"]
    assert oct((homes / "uji_budi").stat().st_mode & 0o777) == "0o700"
    peek = run_as("uji_ani", "ls", str(homes / "uji_budi" / "notebooks"))
    assert peek.returncode != 0 and "Permission denied" in peek.stderr
    through_lab = logged_in["uji_ani"].user_get("api/contents/../uji_budi")
    assert through_lab.status_code in (400, 403, 404)


def test_each_participants_server_runs_under_the_memory_limit(room, logged_in):
    processes = subprocess.run(["pgrep", "-u", "uji_citra", "-f", "jupyterhub.singleuser"],
                               capture_output=True, text=True, check=False).stdout.split()
    assert processes
    pid = processes[0]
    group = Path(f"/proc/{pid}/cgroup").read_text()
    limits = Path(f"/proc/{pid}/limits").read_text()
    in_group = "humaskit/uji_citra" in group
    data = re.search(r"Max data size\s+(\S+)", limits).group(1)
    assert in_group or data == str(1024 * 2**20)


def _niceness(pid: str) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def test_a_participants_server_runs_below_the_hubs_priority(room, logged_in):
    """When the whole room presses Run All, log-ins and pages still answer."""
    hub = subprocess.run(["pgrep", "-f", f"{room['prefix']}/env/bin/jupyterhub"],
                         capture_output=True, text=True, check=False).stdout.split()
    server = subprocess.run(["pgrep", "-u", "uji_citra", "-f", "jupyterhub.singleuser"],
                            capture_output=True, text=True, check=False).stdout.split()
    assert hub and server
    assert _niceness(server[0]) == _niceness(hub[0]) + spawner.NICENESS


def test_a_participants_kernel_talks_over_private_unix_sockets_not_tcp_ports(logged_in):
    ani = logged_in["uji_ani"]
    kernel = ani.start_kernel()
    try:
        runtime = spawner.RUNTIME / "uji_ani"
        connection = json.loads((runtime / f"kernel-{kernel}.json").read_text())
        assert connection["transport"] == "ipc"
        assert Path(connection["ip"]).parent == runtime  # no port for 40 kernels to race for
        assert runtime.stat().st_uid == pwd.getpwnam("uji_ani").pw_uid
        assert oct(runtime.stat().st_mode & 0o777) == "0o700"
        peek = run_as("uji_budi", "ls", str(runtime))
        assert peek.returncode != 0 and "Permission denied" in peek.stderr
    finally:
        ani.stop_kernel(kernel)


def test_a_participant_fetches_and_submits_from_the_assignments_tab(room, submitted):
    fetched, sent = submitted
    assert fetched.json()["success"] and sent.json()["success"]
    assert (room["homes"] / "uji_ani" / "pemetaan_isu" / "pemetaan_isu.ipynb").exists()


def test_no_participant_can_list_the_submissions_in_the_exchange(room, submitted):
    inbound = room["prefix"] / "exchange" / "humaskit" / "inbound"
    peek = run_as("uji_budi", "ls", str(inbound))
    assert peek.returncode != 0 and "Permission denied" in peek.stderr


def test_the_trainer_collects_from_the_exchange_and_grades(graded):
    state = json.loads((graded / "status.json").read_text())
    assert list(state) == ["pemetaan_isu/uji_ani"]
    assert state["pemetaan_isu/uji_ani"]["statuses"][0]["code"] == "ok"


def test_guessing_a_pin_is_stopped_and_the_participant_is_told_why(room, facilitator):
    """100 wrong PINs from a loop of 10 at a time, the right one among them, do not get in:
    after a few the account waits; the real participant is told so in Indonesian, the
    facilitator page shows it, and the facilitator's unlock lets the right PIN in again."""
    from concurrent.futures import ThreadPoolExecutor

    real = room["pins"]["uji_citra"]
    guesses = [f"{n:06d}" for n in range(100) if f"{n:06d}" != real]
    guesses[50] = real  # reached after 41 guesses were answered: the account waits by then
    started = time.monotonic()
    with ThreadPoolExecutor(10) as guesser:
        answers = list(guesser.map(
            lambda guess: refused(Session(room["base"], "uji_citra"), guess), guesses))
    assert all(answer is not None for answer in answers)
    told = refused(Session(room["base"], "uji_citra"), real)
    assert told.status_code == 429
    assert "Demi keamanan, akun ini menunggu sampai pukul" in told.text
    row = re.search(r"<tr><td>Citra Dewi</td>.*?</tr>",
                    facilitator.get("/services/fasilitator/").text).group(0)
    assert "menunggu s.d." in row and "Buka kunci" in row
    assert time.monotonic() - started < 120  # most guesses are refused without a check
    assert press(facilitator, "uji_citra", "buka").status_code == 200
    assert refused(Session(room["base"], "uji_citra"), real) is None


def test_only_an_admin_gives_a_new_pin_shown_once_and_the_old_one_stops_working(
        room, facilitator, logged_in):
    old = room["pins"]["uji_citra"]
    budi = logged_in["uji_budi"]
    page = budi.get("/services/fasilitator/")
    assert page.status_code == 403 and "Akses ditolak" in page.text  # the hub's own refusal
    forged = budi.http.post(f"{room['base']}/services/fasilitator/pin",
                            data={"akun": "uji_citra", "aksi": "baru"}, allow_redirects=False)
    assert forged.status_code != 200 and not (room["prefix"] / "hub" / "reset_pin.csv").exists()
    shown = press(facilitator, "uji_citra", "baru")
    assert shown.status_code == 200 and "PIN baru untuk Citra Dewi" in shown.text
    assert shown.headers["Cache-Control"] == "no-store"
    new = re.search(r"<p class='pin'>(\d{6})</p>", shown.text).group(1)
    assert new != old
    assert refused(Session(room["base"], "uji_citra"), old) is not None
    assert refused(Session(room["base"], "uji_citra"), new) is None
    log = (room["prefix"] / "hub" / "reset_pin.csv").read_text()
    assert re.search(r"\n\d{4}-\d\d-\d\dT[\d:]+[+-][\d:]+,uji_citra,fasilitator\n", log)
    room["old_pins"] = [old]
    room["pins"]["uji_citra"] = new


def test_the_facilitator_page_shows_who_is_in_and_who_submitted(room, submitted, facilitator):
    page = facilitator.get("/services/fasilitator/")
    assert page.status_code == 200
    text = page.text
    assert "Halaman fasilitator" in text and "<svg" in text and room["base"] in text
    row = re.search(r"<tr><td>Ani Lestari</td>.*?</tr>", text).group(0)
    assert "aktif" in row and "dikumpulkan" in row
    assert "pemetaan_isu: 1 mengambil, 1 mengumpulkan" in text


def test_a_participant_cannot_open_the_facilitator_page(room, logged_in):
    page = logged_in["uji_budi"].get("/services/fasilitator/")
    assert page.status_code == 403 or "Halaman fasilitator" not in page.text


def test_formgrader_opens_for_the_trainer_in_its_own_tab(trainer, graded):
    page = trainer.user_get("formgrader")
    assert page.status_code == 200 and "nbgrader formgrade" in page.text
    # Inside JupyterLab's iframe the hub's policy would blank it (nbgrader #1870): a tab works.
    assert "frame-ancestors 'none'" in page.headers.get("Content-Security-Policy", "")
    assignments = trainer.user_get("formgrader/api/assignments").json()
    assert "pemetaan_isu" in {a["name"] for a in assignments}


def test_a_day_notebook_runs_top_to_bottom_in_a_participants_kernel(logged_in):
    seconds = logged_in["uji_citra"].run_notebook("notebooks/01_hari1_konfigurasi_kehumasan.ipynb")
    assert 0 < seconds < 300
    kernels = logged_in["uji_citra"].user_get("api/kernels").json()
    assert kernels == []  # the run's kernel is shut down afterwards


def test_a_participants_trainer_tools_are_switched_off_and_the_trainers_on(logged_in, trainer):
    assert logged_in["uji_budi"].user_get("formgrader").status_code == 404
    assert "@jupyter/nbgrader:create-assignment" in lab_disabled(logged_in["uji_budi"])
    assert "@jupyter/nbgrader:create-assignment" not in lab_disabled(trainer)


def test_the_cards_pdf_has_one_card_per_roster_row_and_the_admins_a_sheet_of_their_own(
        room, cards):
    text = cards["text"]
    assert set(text) == {"kartu_peserta.pdf", "kartu_admin.pdf", "kartu_uji_budi.pdf"}
    room_cards = text["kartu_peserta.pdf"]
    assert room_cards.count("Kartu masuk ruang kelas") == len(PARTICIPANTS)
    for account, name in PARTICIPANTS.items():
        assert name in room_cards and card_pin(room_cards, account) == room["pins"][account]
    assert room["base"] in room_cards
    admins = text["kartu_admin.pdf"]
    for password in room["first"]["admin_passwords"].values():
        assert password in admins and password not in room_cards
    assert not any(pin in admins for pin in room["pins"].values())
    reprint = text["kartu_uji_budi.pdf"]
    assert reprint.count("Kartu masuk ruang kelas") == 1
    assert card_pin(reprint, "uji_budi") == room["pins"]["uji_budi"]
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in cards["out"].iterdir())
    assert not any(pin in done.stdout for done in cards["printed"] for pin in room["pins"].values())


def test_a_participant_does_day_1_and_fetches_an_exercise_in_a_real_browser(
        room, browser, submitted, cards, logged_in):
    """Log in on the hub's Indonesian page with the PIN on the card, open Day 1, Run All, see
    the charts, use a widget, and fetch the released exercise from the Assignments panel (in
    Indonesian), as a participant does with a mouse."""
    # Other modules' kernels of this account hold memory of its limit (1 GiB): Day 1 starts
    # with none, as a participant's first notebook of the day does.
    logged_in["uji_budi"].stop_kernels()
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(120_000)
    # A kernel websocket that fails its handshake makes JupyterLab reconnect, and a Run All
    # pressed meanwhile is lost: Chromium logs the failure on the console.
    kernel_errors: list[str] = []
    page.on("console", lambda message: kernel_errors.extend(
        [message.text] if "WebSocket" in message.text and message.type == "error" else []))
    page.goto(f"{room['base']}/hub/login")
    page.get_by_role("heading", name="Masuk ke ruang kelas").wait_for()
    assert page.locator("#login_submit").get_attribute("value") == "Masuk"
    page.screenshot(path=SCREENSHOTS.format("halaman_masuk"))
    page.fill("#username_input", "uji_budi")
    page.fill("#password_input", card_pin(cards["text"]["kartu_uji_budi.pdf"], "uji_budi"))
    page.click("#login_submit")
    page.wait_for_url("**/user/uji_budi/lab/**")

    day1 = "notebooks/01_hari1_konfigurasi_kehumasan.ipynb"
    page.goto(f"{room['base']}/user/uji_budi/lab/tree/{day1}?reset")
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    notebook.locator(".jp-Notebook").wait_for()
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    # Pressed at once, before the kernel may exist: humaskit's lab extension makes the cells
    # wait for it (test_run_all.py presses at the earliest moment on purpose).
    page.click(".lm-MenuBar-item:has-text('Jalankan')")
    page.click(".lm-Menu-item[data-command='runmenu:run-all']")
    code_cells = sum(c.cell_type == "code" for c in nbformat.read(ROOT / day1, 4).cells)
    wait_for_every_cell(page, code_cells, room["log"], 120_000)
    assert notebook.locator(".jp-RenderedText[data-mime-type$='stderr']").count() == 0
    assert notebook.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0
    assert notebook.locator(".vega-embed svg, .vega-embed canvas").count() >= 1
    assert kernel_errors == []

    calculator = notebook.locator(".widget-inline-hbox:has(label:text-is('Populasi N:'))")
    calculator.locator("input").fill("100")
    calculator.locator("input").press("Enter")
    expected = f"sampel minimal {satisfaction.krejcie_morgan(100)} responden"
    notebook.get_by_text(expected).wait_for()

    page.click(".lm-MenuBar-item:has-text('Nbgrader')")
    entry = page.locator(".lm-Menu-item[data-command='nbgrader:open-assignment-list']")
    assert entry.inner_text().strip() == "Daftar Latihan"
    entry.click()
    page.get_by_text("Latihan yang sudah dirilis").wait_for()
    page.get_by_text("Belum ada latihan yang dikumpulkan.").wait_for()
    released = page.locator("#released_assignments_list .list_item:has-text('pemetaan_isu')")
    page.screenshot(path=SCREENSHOTS.format("panel_latihan"))
    released.locator("button:text-is('Ambil')").click()
    fetched = page.locator("#fetched_assignments_list .list_item:not(.nested_list_item)")
    fetched.filter(has_text="pemetaan_isu").locator("button:text-is('Kumpulkan')").wait_for()
    assert (room["homes"] / "uji_budi" / "pemetaan_isu" / "pemetaan_isu.ipynb").exists()
    page.close()


def test_no_pin_appears_in_any_log_or_report(room, cards, submitted):
    """The PINs (today's and replaced ones) are in the root-only settings and on the cards,
    nowhere else: not in the hub's log, set-up's output, the grading reports, the reset log
    or the sign-in state."""
    secrets = [*room["pins"].values(), *room.get("old_pins", [])]
    places = [room["log"], room["prefix"] / "hub" / "reset_pin.csv",
              room["prefix"] / "hub" / "masuk_gagal.json",
              *(p for p in room["out"].rglob("*") if p.is_file())]
    said = room["setup"].stdout + room["setup"].stderr + room["again"].stdout
    for path in places:
        if path.exists():
            said += path.read_bytes().decode("utf-8", "replace")
    assert room["log"].stat().st_size > 0 and "Failed login" in said
    for pin in secrets:
        assert not re.search(rf"(?<![0-9a-fA-F]){pin}(?![0-9a-fA-F])", said), pin
