"""A large file uploaded in the "Data Anda sendiri" widget reaches the kernel: JupyterLab's
kernel websocket drops any message over tornado's default 10 MiB without a word, so
``make lab`` and the classroom server raise the limit, and a file over the kit's 20 MB gets
the kit's own message in the browser."""

from __future__ import annotations

import json

import nbformat
import pytest
from make_lab import lab_flags, make_lab

from humaskit.number_format import angka
from humaskit.own_data import reading
from humaskit.server import KERNEL_MESSAGE_BYTES

TOKEN = "uji-unggah"


def test_make_lab_and_the_classroom_server_accept_an_upload_over_the_kits_limit(
        monkeypatch):
    from jupyterhub.spawner import LocalProcessSpawner

    from humaskit.server.spawner import KelasSpawner

    setting = {"websocket_max_message_size": KERNEL_MESSAGE_BYTES}
    assert f"--ServerApp.tornado_settings={json.dumps(setting)}" in lab_flags()
    monkeypatch.setattr(LocalProcessSpawner, "get_args", lambda self: [])
    assert f"--ServerApp.tornado_settings={json.dumps(setting)}" in KelasSpawner().get_args()
    assert KERNEL_MESSAGE_BYTES > 2 * reading.MAX_BYTES


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab with ``make lab``'s options over a folder holding one notebook that shows
    the SKM widget."""
    folder = tmp_path_factory.mktemp("lab")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'from humaskit.own_data import ui\nui.data_saya("skm")')])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, folder / "unggah.ipynb")
    with make_lab(folder, TOKEN) as base:
        yield base


def _survey_csv(size: int) -> bytes:
    """An SKM export whose respondents wrote a long remark (1 kB), ``size`` bytes in all."""
    rows = size // 1000
    padding = "antrean panjang " * 62
    lines = ["Saran;" + ";".join(f"U{i}" for i in range(1, 10))]
    lines += [f"{padding};" + ";".join(str(1 + (r + e) % 4) for e in range(9))
              for r in range(rows)]
    return "\n".join(lines).encode()


@pytest.mark.slow
def test_a_large_upload_reaches_the_kernel_and_one_too_large_gets_the_kits_message(
        lab, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(90_000)
    replies: list[str] = []  # kernel messages the page receives
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: replies.append(str(f))))
    page.goto(f"{lab}/lab/tree/unggah.ipynb?token={TOKEN}&reset")
    page.locator(".jp-Notebook").wait_for()
    for _ in range(450):  # a cell run before the kernel's first answer can be lost
        if any("kernel_info_reply" in frame for frame in replies):
            break
        page.wait_for_timeout(200)
    page.locator(".jp-Cell").first.click()
    page.keyboard.press("Shift+Enter")
    button = page.locator("button.widget-upload")

    def choose(name: str, data: bytes) -> None:
        # The widget's file input is never in the page: take the chooser its button opens.
        with page.expect_file_chooser() as chooser:
            button.click()
        chooser.value.set_files(files=[{"name": name, "mimeType": "text/csv", "buffer": data}])

    choose("skm_besar.csv", _survey_csv(12 * 2**20))  # over tornado's 10 MiB, under 20 MB
    page.get_by_text(f"skm_besar.csv terbaca: {angka(12 * 2**20 // 1000, 0)} baris data"
                     ).first.wait_for()
    choose("skm_terlalu_besar.csv", _survey_csv(reading.MAX_BYTES + 2**20))
    message = page.locator(".widget-html", has_text="lebih dari 20 MB").last
    message.wait_for()
    assert "Data skm_terlalu_besar.csv tidak dapat dipakai" in message.inner_text()
    page.close()
