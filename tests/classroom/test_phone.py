"""A phone or a tablet is enough: a participant who arrives with a 390 px phone or a 768 px
tablet (touch) lands in Notebook 7's single-document view, runs a day, does the exercise's
forms and its writing, saves and submits, and nothing on the page scrolls sideways.

Uses its own roster account (``uji_eka``), so that the other modules' accounts keep their
state; what it fetched and submitted is taken away again at the end (see ``phone``)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from hub import ROOT, SCREENSHOTS, wait_for_every_cell

from humaskit import form_layout
from humaskit.exercises.issue_mapping.ui import ANSWER_FILE
from humaskit.number_format import angka
from humaskit.server import start_page

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

ACCOUNT = "uji_eka"
DAY1 = "notebooks/01_hari1_konfigurasi_kehumasan.ipynb"
EXERCISE = "pemetaan_isu/pemetaan_isu.ipynb"
UPLOAD = "data_sendiri_ponsel.ipynb"
#: Width, height: a phone and a tablet, both held upright.
SCREENS = [(390, 844), (768, 1024)]
NO_SIDEWAYS_SCROLL = """() => {
    const page = document.scrollingElement;
    const notebook = document.querySelector('.jp-WindowedPanel-outer');
    return {page: [page.scrollWidth, innerWidth],
            notebook: notebook ? [notebook.scrollWidth, notebook.clientWidth] : [0, 0]};
}"""


@pytest.fixture(scope="module")
def phone(room, logged_in, submitted):
    """The released exercise (``submitted`` releases it), and afterwards the room as the other
    modules expect it: ``uji_eka``'s fetched folder and submissions are removed, so that the
    facilitator page and the trainer's collection count only their own participants."""
    session = logged_in[ACCOUNT]
    yield {"day1_run": False, "session": session}
    session.stop_kernels()
    shutil.rmtree(room["homes"] / ACCOUNT / "pemetaan_isu", ignore_errors=True)
    (room["homes"] / ACCOUNT / UPLOAD).unlink(missing_ok=True)
    inbound = room["prefix"] / "exchange" / "humaskit" / "inbound"
    for folder in inbound.glob(f"{ACCOUNT}+*"):
        shutil.rmtree(folder)


def _log_in(page, room) -> None:
    """Log in with the card's PIN on a touch screen: the room opens Notebook 7."""
    page.goto(f"{room['base']}/hub/login")
    page.fill("#username_input", ACCOUNT)
    page.fill("#password_input", room["pins"][ACCOUNT])
    page.locator("#login_submit").tap()
    page.wait_for_url(f"**/user/{ACCOUNT}/notebooks/{start_page.LANDING}")


def _fits(page, name: str) -> None:
    """A screenshot, and neither the page nor the notebook scrolls sideways."""
    page.screenshot(path=SCREENSHOTS.format(name))
    widths = page.evaluate(NO_SIDEWAYS_SCROLL)
    assert widths["page"][0] <= widths["page"][1], (name, widths)
    assert widths["notebook"][0] <= widths["notebook"][1], (name, widths)


def _run_all(page, path: str, replies: list[str], log: Path) -> None:
    """Run → Run All from the menu bar, once the kernel has answered (see test_room).

    Menus are pressed with ``click``: Lumino's menus act on the mouse events a phone's
    browser sends after a tap, which Playwright's ``tap`` does not send (it sends the touch,
    pointer and click events only). Buttons are tapped."""
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']",
                           state="attached")
    for _ in range(600):
        if any("kernel_info_reply" in frame for frame in replies):
            break
        page.wait_for_timeout(200)
    page.locator(".lm-MenuBar-item", has_text="Jalankan").click()
    page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
    code_cells = sum(c.cell_type == "code" for c in nbformat.read(path, 4).cells)
    wait_for_every_cell(page, code_cells, log, 300_000, scope="body")
    assert page.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0


def _when_copied(path) -> str:
    """A submitted file's text, once nbgrader has finished copying it (the folder comes
    first)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            text = path.read_text(encoding="utf-8")
            if path.suffix != ".json" or json.loads(text):
                return text
        except (OSError, ValueError):
            pass
        assert time.monotonic() < deadline, path
        time.sleep(0.5)


def _assignments(page, base: str):
    """The Assignments tab of Notebook 7's file view (Nbgrader → Daftar Latihan)."""
    page.goto(f"{base}/tree")
    page.locator(".lm-MenuBar-item", has_text="Nbgrader").click()
    page.locator(".lm-Menu-item[data-command='nbgrader:open-assignment-list']").click()
    page.get_by_text("Latihan yang sudah dirilis").wait_for()
    return page


@pytest.mark.parametrize("width,height", SCREENS, ids=[f"{w}px" for w, _ in SCREENS])
def test_a_participant_does_day_1_and_the_exercise_on_a_phone_or_a_tablet(
        room, browser, phone, width, height):
    """Log in on the hub's page; land in Notebook 7; run Day 1 with Run All (on the phone
    only: the tablet's run reuses the same participant and skips it, as Day 1 takes most of
    the test's time); fetch pemetaan_isu from the Assignments tab (the phone fetches, the
    tablet finds it fetched), open it, Run All, choose in three dropdowns of Step 1 (label
    above control on the phone, beside it on the tablet), type a sentence in Step 7, save
    with the toolbar's button and submit. Every screenshot is checked for sideways scroll;
    the choices reach the answers file in the home and in the submission."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(120_000)
    replies: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: replies.append(str(f))))
    base = f"{room['base']}/user/{ACCOUNT}"
    home = room["homes"] / ACCOUNT
    try:
        _log_in(page, room)
        page.locator(".jp-Notebook").wait_for()
        _fits(page, f"ponsel_{width}_mulai")

        if not phone["day1_run"]:
            page.goto(f"{base}/notebooks/{DAY1}")
            _run_all(page, ROOT / DAY1, replies, room["log"])
            assert page.locator(".vega-embed svg").count() >= 1
            _fits(page, f"ponsel_{width}_hari1")
            phone["day1_run"] = True
            phone["session"].stop_kernels()

        listing = _assignments(page, base)
        if not (home / EXERCISE).exists():
            released = listing.locator("#released_assignments_list .list_item",
                                       has_text="pemetaan_isu")
            released.locator("button:text-is('Ambil')").tap()
        fetched = listing.locator("#fetched_assignments_list .list_item:not(.nested_list_item)",
                                  has_text="pemetaan_isu")
        fetched.locator("button:text-is('Kumpulkan')").wait_for()
        _fits(page, f"ponsel_{width}_latihan")
        assert (home / EXERCISE).exists()

        replies.clear()
        page.goto(f"{base}/notebooks/{EXERCISE}")
        _run_all(page, home / EXERCISE, replies, room["log"])
        rows = page.locator(f".{form_layout.FORM} .{form_layout.ROW}")
        chosen = {}
        for n in range(3):
            row = rows.nth(n)
            row.scroll_into_view_if_needed()
            label, select = row.locator(".widget-html").first, row.locator("select")
            pick = 1 if width < form_layout.NARROW_PX else 2  # the tablet changes the choice
            choice = select.locator("option").nth(pick).inner_text().replace("\xa0", " ")
            select.select_option(index=pick)
            chosen[label.inner_text().splitlines()[0].strip()] = choice
            below = label.bounding_box()["y"] + label.bounding_box()["height"]
            stacked = below <= select.bounding_box()["y"] + 1
            assert stacked == (width < form_layout.NARROW_PX), (width, n)
            assert select.bounding_box()["height"] >= form_layout.TOUCH_PX
        _fits(page, f"ponsel_{width}_formulir")

        sentence = f"Strategi untuk layar {width} px: Sekda memimpin rapat RSUD dan Dinkes."
        answer = page.locator(".jp-MarkdownCell", has_text="Jawaban Langkah 7")
        answer.scroll_into_view_if_needed()
        answer.dblclick()
        editor = answer.locator(".cm-content")
        editor.tap()
        page.keyboard.press("Control+End")
        page.keyboard.type("\n\n" + sentence)
        page.locator(".jp-Toolbar [data-command='notebook:run-cell-and-select-next']").tap()
        answer.locator(".jp-RenderedMarkdown p", has_text=sentence).first.wait_for()
        _fits(page, f"ponsel_{width}_langkah7")
        page.locator(".jp-Toolbar [data-command='docmanager:save']").tap()
        deadline = time.monotonic() + 60
        while sentence not in (home / EXERCISE).read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the notebook was not saved"
            time.sleep(0.5)

        saved = json.loads((home / "pemetaan_isu" / ANSWER_FILE).read_text(encoding="utf-8"))
        assert {k: saved["jawaban"]["ejaan_topik"][k] for k in chosen} == chosen

        listing = _assignments(page, base)
        fetched = listing.locator("#fetched_assignments_list .list_item:not(.nested_list_item)",
                                  has_text="pemetaan_isu")
        inbound = room["prefix"] / "exchange" / "humaskit" / "inbound"
        before = set(inbound.glob(f"{ACCOUNT}+*"))
        fetched.locator("button:text-is('Kumpulkan')").tap()
        deadline = time.monotonic() + 60
        while not (sent := set(inbound.glob(f"{ACCOUNT}+pemetaan_isu+*")) - before):
            assert time.monotonic() < deadline, "nothing was submitted"
            time.sleep(0.5)
        listing.locator("#submitted_assignments_list .list_item",
                        has_text="pemetaan_isu").first.wait_for()
        _fits(page, f"ponsel_{width}_dikumpulkan")
        assert len(sent) == 1
        submission = sent.pop()
        answers = json.loads(_when_copied(submission / ANSWER_FILE))
        assert {k: answers["jawaban"]["ejaan_topik"][k] for k in chosen} == chosen
        assert sentence in _when_copied(submission / "pemetaan_isu.ipynb")
    finally:
        page.screenshot(path=SCREENSHOTS.format(f"ponsel_{width}_akhir"))
        context.close()
        phone["session"].stop_kernels()


def test_own_data_is_uploaded_from_a_phones_file_picker(room, browser, phone):
    """The own-data widget on the phone: its button opens the file picker, the CSV chosen
    there reaches the kernel and is read, and the form fits the screen."""
    home = room["homes"] / ACCOUNT
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'from humaskit.own_data import ui\nui.data_saya("skm")')])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, home / UPLOAD)
    os.chown(home / UPLOAD, home.stat().st_uid, home.stat().st_gid)
    data = (ROOT / "datasets" / "survei_kepuasan.csv").read_bytes()
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(120_000)
    replies: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: replies.append(str(f))))
    try:
        _log_in(page, room)
        page.goto(f"{room['base']}/user/{ACCOUNT}/notebooks/{UPLOAD}")
        _run_all(page, home / UPLOAD, replies, room["log"])
        with page.expect_file_chooser() as chooser:
            page.locator(f".{form_layout.FORM} button.widget-upload").tap()
        assert ".csv" in chooser.value.element.get_attribute("accept").split(",")
        chooser.value.set_files(files=[{"name": "skm_ponsel.csv", "mimeType": "text/csv",
                                        "buffer": data}])
        rows = len(data.decode("utf-8").strip().splitlines()) - 1
        page.get_by_text(f"skm_ponsel.csv terbaca: {angka(rows, 0)} baris data").first.wait_for()
        _fits(page, "ponsel_390_data_sendiri")
    finally:
        context.close()
        phone["session"].stop_kernels()


def test_a_laptop_keeps_jupyterlab_and_the_start_page_links_both_views(room, browser, phone):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    try:
        page.goto(f"{room['base']}/hub/login")
        page.fill("#username_input", ACCOUNT)
        page.fill("#password_input", room["pins"][ACCOUNT])
        page.click("#login_submit")
        page.wait_for_url(f"**/user/{ACCOUNT}/lab/tree/{start_page.LANDING}")
        text = page.request.get(f"{room['base']}/user/{ACCOUNT}/{start_page.PATH}").text()
        assert "Tampilan ponsel dan tablet" in text and "JupyterLab (laptop)" in text
    finally:
        page.close()
