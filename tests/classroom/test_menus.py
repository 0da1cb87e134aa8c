"""On the classroom server, a participant's JupyterLab reads in Indonesian: the menu bar, the
Run menu and the others, the notebook's toolbar (with nbgrader's Validate button) and the
status bar. ``server install`` completes the language pack in the server's environment."""

from __future__ import annotations

import os

import pytest
from hub import SCREENSHOTS
from lab_words import english_in, english_words, read_labels

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

#: The menus whose every item the kit translates: all but Help, which lists the kernel's own
#: manuals by their English titles (ipykernel's help links).
MENUS = ("jp-mainmenu-file", "jp-mainmenu-edit", "jp-mainmenu-view", "jp-mainmenu-run",
         "jp-mainmenu-kernel", "jp-mainmenu-tabs", "jp-mainmenu-settings",
         "jp-mainmenu-nbgrader")


def test_a_participants_menus_toolbar_and_status_bar_are_indonesian(room, logged_in, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(120_000)
    page.goto(f"{room['base']}/hub/login")
    page.fill("#username_input", "uji_ani")
    page.fill("#password_input", room["pins"]["uji_ani"])
    page.click("#login_submit")
    page.wait_for_url("**/user/uji_ani/lab/**")
    page.goto(f"{room['base']}/user/uji_ani/lab/tree/notebooks/00_mulai_di_sini.ipynb?reset")
    # The notebook as a participant works in it: its kernel started and idle (the words shown
    # while it starts, "Tanpa Kernel" among them, are translated too).
    sessions = f"{room['base']}/user/uji_ani/api/sessions"
    for _ in range(600):
        if any(s["path"].endswith("00_mulai_di_sini.ipynb") and s["kernel"]
               and s["kernel"]["execution_state"] == "idle"
               for s in page.request.get(sessions).json()):
            break
        page.wait_for_timeout(200)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    page.screenshot(path=SCREENSHOTS.format("notebook"))
    labels = read_labels(page)
    english = english_words(room["prefix"] / "env" / "share" / "jupyter")
    assert labels["menu bar"][:5] == ["Berkas", "Sunting", "Tampilan", "Jalankan", "Kernel"]
    assert "Jalankan Semua Sel" in labels["jp-mainmenu-run"]
    assert {"Kode", "Markdown", "Mentah", "Periksa"} <= set(labels["toolbar"])
    assert "Mode: Perintah" in labels["status bar"]
    for region in ("menu bar", "toolbar", "status bar", *MENUS):
        assert english_in(labels[region], english) == {}, region
    page.locator("#jp-MainMenu .lm-MenuBar-item").nth(3).click()
    page.screenshot(path=SCREENSHOTS.format("menu_jalankan"))
    page.close()
