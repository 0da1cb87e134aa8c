"""A participant's "Run All" is never dropped, however early it is pressed: as soon as the
notebook shows and the Run menu lets them, before the notebook's kernel exists.

JupyterLab alone drops such a run without a word (its CodeCell.execute clears a cell whose
session has no kernel yet: every cell stays [ ]); on a loaded server the kernel's session
takes seconds to start, so participants hit it. humaskit's lab extension
(``humaskit/labextension``) makes those cells wait for the kernel, in order."""

from __future__ import annotations

import os
import re

import nbformat
import pytest
from hub import wait_for_every_cell

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

ACCOUNT = "uji_ani"
NOTEBOOK = "uji_jalankan_semua.ipynb"
#: Each cell needs the one before it: a cell run out of order or skipped fails the last one.
CELLS = ["langkah = [1]", *[f"langkah.append({n})" for n in range(2, 6)],
         "assert langkah == [1, 2, 3, 4, 5], langkah\nprint('selesai', len(langkah))"]
PRESSES = 3  # at the earliest moment, as the page comes: the race as a room meets it


@pytest.fixture(scope="module")
def lab(room, logged_in, browser):
    """The participant's JupyterLab in a browser, logged in, with a small notebook whose
    cells must all run in order."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    session = logged_in[ACCOUNT]
    session.stop_kernels()  # other modules' kernels hold memory of the account's limit
    put = session.http.put(f"{session.base}/user/{ACCOUNT}/api/contents/{NOTEBOOK}",
                           json={"type": "notebook", "content": notebook},
                           headers=session._headers())
    assert put.status_code in (200, 201), put.text
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(120_000)
    page.goto(f"{room['base']}/hub/login")
    page.fill("#username_input", ACCOUNT)
    page.fill("#password_input", room["pins"][ACCOUNT])
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{ACCOUNT}/lab/**")
    yield page, f"{room['base']}/user/{ACCOUNT}", room["log"]
    page.close()
    session.http.delete(f"{session.base}/user/{ACCOUNT}/api/contents/{NOTEBOOK}",
                        headers=session._headers())


def _open_and_run_all_at_once(page, user: str) -> None:
    """Open the notebook and press Run → Run All Cells the moment the menu allows it."""
    page.goto(f"{user}/lab/tree/{NOTEBOOK}?reset")
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").first.wait_for()
    run_all = page.locator(".lm-Menu-item[data-command='runmenu:run-all']")
    for _ in range(600):
        page.click(".lm-MenuBar-item:has-text('Jalankan')")
        if "lm-mod-disabled" not in (run_all.get_attribute("class") or ""):
            run_all.click()
            return
        page.keyboard.press("Escape")  # the notebook is not the current widget yet
        page.wait_for_timeout(50)
    pytest.fail("Run All stayed disabled in the Run menu")


def _every_cell_ran(page, log) -> None:
    wait_for_every_cell(page, len(CELLS), log, 180_000)
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    assert notebook.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0
    notebook.get_by_text("selesai 5").wait_for()


def _shut_down(page, user: str) -> None:
    """Close the notebook's session, so that the next press meets a kernel starting anew."""
    page.goto("about:blank")
    xsrf = next((c["value"] for c in page.context.cookies(f"{user}/api/sessions")
                 if c["name"] == "_xsrf"), "")
    for session in page.request.get(f"{user}/api/sessions").json():
        if session["path"].endswith(NOTEBOOK):
            page.request.delete(f"{user}/api/sessions/{session['id']}",
                                headers={"X-XSRFToken": xsrf})


def test_run_all_pressed_the_moment_the_notebook_opens_runs_every_cell(lab):
    page, user, log = lab
    for _ in range(PRESSES):
        try:
            _open_and_run_all_at_once(page, user)
            _every_cell_ran(page, log)
        finally:  # the next press, and the next test, meet a kernel starting anew
            _shut_down(page, user)


def test_run_all_pressed_while_the_kernel_is_still_being_started_waits_for_it(lab):
    """The browser holds the request that starts the notebook's kernel until Run All has
    been pressed: the window in which JupyterLab dropped it, made certain."""
    page, user, log = lab
    held, asked = [], []
    starts = re.compile(r".*/api/sessions(\?.*)?$")

    def hold_the_first_start(route):
        if route.request.method == "POST" and not asked:
            asked.append(route)
            held.append(route)
        else:  # JupyterLab may ask again later: only the first request is held
            route.continue_()

    page.route(starts, hold_the_first_start)
    try:
        _open_and_run_all_at_once(page, user)
        for _ in range(600):
            if held:
                break
            page.wait_for_timeout(100)
        assert held, "the notebook never asked for its kernel's session"
        prompts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputPrompt")
        assert prompts.first.inner_text().strip() == "[*]:"  # waiting, not dropped
        while held:
            held.pop().continue_()
        _every_cell_ran(page, log)
    finally:
        while held:
            held.pop().continue_()
        page.unroute(starts)
        _shut_down(page, user)
