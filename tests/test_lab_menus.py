"""On a laptop (``make lab``), JupyterLab's own frame reads in Indonesian: the menu bar, the
Run menu and the others, the notebook's toolbar and the status bar. The language pack leaves
these in English; set-up completes it with the kit's translations (humaskit.lab_language)."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from babel.messages import pofile
from lab_words import _TEXTS, english_in, english_words, messages, read_labels
from make_lab import make_lab

from humaskit import lab_language

SHARE = Path(sys.prefix) / "share" / "jupyter"
TOKEN = "uji-menu"
#: The menus whose every item the kit translates: all but Help, which lists the kernel's own
#: manuals by their English titles (ipykernel's help links), and Nbgrader's trainer tools.
MENUS = ("jp-mainmenu-file", "jp-mainmenu-edit", "jp-mainmenu-view", "jp-mainmenu-run",
         "jp-mainmenu-kernel", "jp-mainmenu-tabs", "jp-mainmenu-settings")
#: The page, and the page with the Run menu open, kept after the run.
SCREENSHOT = str(Path(tempfile.gettempdir()) / "humaskit-lab-{}.png")


def _ours() -> list[tuple[str, object]]:
    found = []
    for source in sorted(lab_language.SOURCES.glob("*.po")):
        with source.open("rb") as po:
            found += [(source.stem, m) for m in pofile.read_po(po) if m.id]
    return found


def test_every_string_the_kit_translates_is_one_this_jupyterlab_asks_for():
    """A newer JupyterLab that renamed a string would leave it in English without a word."""
    asked = messages(SHARE)
    missing = [(domain, m.context, m.id) for domain, m in _ours()
               if (m.context or "", m.id[0] if m.pluralizable else m.id) not in asked]
    assert missing == []


def test_setup_completes_the_language_pack_and_keeps_its_own_translations(tmp_path):
    folder = tmp_path / "LC_MESSAGES"
    shutil.copytree(lab_language.messages_folder(Path(sys.prefix)), folder)
    merged = lab_language.complete(folder)
    once = (folder / "jupyterlab.json").read_text(encoding="utf-8")
    assert lab_language.complete(folder) == merged == len(_ours())
    assert (folder / "jupyterlab.json").read_text(encoding="utf-8") == once
    browser = json.loads(once)  # what JupyterLab sends the browser
    assert browser["menu\x04File"] == ["Berkas"]  # the menu bar's titles: context "menu"
    assert browser["Run All Cells"] == ["Jalankan Semua Sel"]  # the pack's "Menjalakan"
    assert browser["Cut this cell"] == ["Potong sel terpilih", ""]  # plural forms
    assert browser["Save"] == ["Simpan"]  # the pack's own, kept
    assert browser[""]["plural_forms"] == "nplurals=1; plural=0;"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """``make lab``'s JupyterLab over a folder with one notebook; yields its address."""
    folder = tmp_path_factory.mktemp("lab")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1"),
                                               nbformat.v4.new_markdown_cell("# Judul")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, folder / "latihan.ipynb")
    with make_lab(folder, TOKEN) as base:
        yield base


@pytest.fixture(scope="module")
def page(lab, browser):
    """The notebook open in JupyterLab, its kernel idle."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(90_000)
    page.goto(f"{lab}/lab/tree/latihan.ipynb?token={TOKEN}&reset")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
    yield page
    page.close()


@pytest.mark.slow
def test_menus_toolbar_and_status_bar_have_no_english_word_a_participant_must_read(page):
    page.screenshot(path=SCREENSHOT.format("notebook"))
    labels = read_labels(page)
    english = english_words(SHARE)
    assert labels["menu bar"][:5] == ["Berkas", "Sunting", "Tampilan", "Jalankan", "Kernel"]
    assert "Jalankan Semua Sel" in labels["jp-mainmenu-run"]
    assert {"Kode", "Markdown", "Mentah"} <= set(labels["toolbar"])
    assert "Mode: Perintah" in labels["status bar"]
    for region in ("menu bar", "toolbar", "status bar", *MENUS):
        assert english_in(labels[region], english) == {}, region
    page.locator("#jp-MainMenu .lm-MenuBar-item").nth(3).click()
    page.screenshot(path=SCREENSHOT.format("menu_jalankan"))
    page.keyboard.press("Escape")


#: Notebook 7's views, where a phone or a tablet lands: the file list with a file selected,
#: the list of running kernels, and the notebook; each with words it must show in Indonesian.
NOTEBOOK_VIEWS = {
    "berkas": ("/tree", ".jp-DirListing-item", ".jp-DirListing-item",
               {"Berkas", "Sedang Berjalan", "Unggah"}),
    "sedang_berjalan": ("/tree", ".jp-DirListing-item", ".lm-TabBar-tab >> nth=1",
                        {"Kernel", "Matikan yang Tidak Dipakai"}),
    "notebook": ("/notebooks/latihan.ipynb",
                 ".jp-Notebook-ExecutionIndicator[data-status='idle']", None,
                 {"Berkas", "Jalankan", "Tidak Tepercaya"}),
}


def _texts_once_shown(page, wanted: set[str], seconds: float = 30) -> list[str]:
    """The page's texts, read again until ``wanted`` is among them (labels settle after the
    view is drawn) or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while True:
        texts = page.locator("body").evaluate(_TEXTS)
        if wanted <= set(texts) or time.monotonic() > deadline:
            return texts
        page.wait_for_timeout(250)


@pytest.mark.slow
@pytest.mark.parametrize("width", [390, 768])
def test_the_phone_and_tablet_view_has_no_english_word_a_participant_must_read(lab, browser,
                                                                               width):
    page = browser.new_page(viewport={"width": width, "height": 900}, has_touch=True,
                            is_mobile=True)
    page.set_default_timeout(90_000)
    english, shown = english_words(SHARE), {}
    try:
        for view, (path, ready, press, wanted) in NOTEBOOK_VIEWS.items():
            page.goto(f"{lab}{path}?token={TOKEN}")
            page.wait_for_selector(ready, state="attached")
            if press:
                page.locator(press).first.click()
            shown[view] = _texts_once_shown(page, wanted)
            page.screenshot(path=SCREENSHOT.format(f"{view}_{width}"))
            assert wanted <= set(shown[view]), view
    finally:
        page.close()
    assert {view: english_in(texts, english) for view, texts in shown.items()} == {
        view: {} for view in NOTEBOOK_VIEWS}
