"""A phone or a tablet is enough: the start page sends a narrow screen to Notebook 7 and a
laptop to JupyterLab, and every form of the kit carries the style sheet that stacks it on a
narrow screen. The real thing, in a phone's browser through the classroom server, is
tests/classroom/test_phone.py."""

from __future__ import annotations

import re

import ipywidgets as w
import pytest

from humaskit import form_layout
from humaskit.server import hubconfig, start_page


def test_the_start_page_picks_notebook_7_below_the_threshold_and_jupyterlab_above():
    page = start_page.page("/user/uji_ani/")
    script = re.search(r"<script>(.*?)</script>", page).group(1)
    assert f"matchMedia('(max-width: {start_page.NARROW_PX - 1}px)').matches" in script
    narrow, wide = re.search(r'\? "([^"]+)" : "([^"]+)"', script).groups()
    assert narrow == "/user/uji_ani/notebooks/notebooks/00_mulai_di_sini.ipynb"
    assert wide == "/user/uji_ani/lab/tree/notebooks/00_mulai_di_sini.ipynb"
    assert "width=device-width" in page  # else a phone reports a 980 px desktop width
    assert f"href='{narrow}'" in page and f"href='{wide}'" in page  # without JavaScript
    assert 768 < start_page.NARROW_PX <= 1024  # a portrait tablet is narrow, a laptop is not
    assert hubconfig.LANDING == "/" + start_page.PATH


def test_a_row_stacks_and_a_form_keeps_its_children_in_place_with_the_style_sheet_last():
    label, control = w.HTML("Isu"), w.Dropdown(options=["a"])
    row = form_layout.row(label, control)
    form = form_layout.fit(w.VBox([w.HTML("judul"), row]))
    assert form_layout.ROW in row._dom_classes and form_layout.FORM in form._dom_classes
    assert form.children[:2] == (form.children[0], row)
    style = form.children[-1].value
    assert style.startswith("<style>") and f"max-width: {form_layout.NARROW_PX - 1}px" in style
    assert f"min-height: {form_layout.TOUCH_PX}px" in style and "(pointer: coarse)" in style


def _forms(tmp_path):
    from humaskit.evaluation import ui as evaluation_ui
    from humaskit.exercises.issue_mapping.ui import Lembar
    from humaskit.exercises.quiz.ui import Kuis
    from humaskit.own_data import ui as own_data_ui
    from humaskit.rtl.ui import RTLBuilder
    from humaskit.skkni.ui import AsesmenForm

    yield "pemetaan isu", Lembar(tmp_path).formulir("dampak")
    yield "pre-test", Kuis("pre", tmp_path).formulir(1)
    yield "evaluasi", evaluation_ui.formulir("hari1", tmp_path)
    yield "asesmen mandiri", AsesmenForm(tmp_path).widget
    yield "RTL", RTLBuilder(tmp_path).widget
    yield "data sendiri", own_data_ui.data_saya("skm", tmp_path).widget


def test_every_form_a_participant_fills_in_fits_a_phone(tmp_path, monkeypatch):
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: None)
    monkeypatch.setattr("IPython.display.update_display", lambda *a, **k: None)
    for name, form in _forms(tmp_path):
        assert form_layout.FORM in form._dom_classes, name
        assert form.children[-1].value.startswith("<style>"), name


@pytest.mark.parametrize("accept", [".csv", ".xlsx", "text/csv"])
def test_a_phones_file_picker_offers_the_files_own_data_reads(tmp_path, accept):
    from humaskit.own_data import ui as own_data_ui

    assert accept in own_data_ui.data_saya("skm", tmp_path).upload.accept.split(",")


def test_the_asesmen_evidence_typed_on_a_phone_is_saved_on_leaving_the_field(tmp_path):
    from humaskit.skkni import form
    from humaskit.skkni.ui import AsesmenForm

    sheet = AsesmenForm(tmp_path)
    row = next(iter(sheet.rows.values()))
    assert not row.bukti.continuous_update  # the browser sends it when the field is left
    row.klaim.value = "K"
    row.bukti.value = "Notulen rapat koordinasi humas, Maret 2025"
    saved = form.muat(folder=tmp_path).jawaban
    mine = saved[(saved["kode_unit"] == row.key[0]) & (saved["no_elemen"] == row.key[1])]
    assert mine.iloc[0]["klaim"] == "K"
    assert mine.iloc[0]["bukti"] == "Notulen rapat koordinasi humas, Maret 2025"


def test_server_install_switches_the_start_page_on_for_every_server_of_the_environment(
        tmp_path):
    from jupyter_server.extension.config import ExtensionConfigManager
    from jupyter_server.extension.utils import validate_extension

    start_page.enable(tmp_path)
    read = ExtensionConfigManager(read_config_path=[str(tmp_path / "etc" / "jupyter")])
    assert read.get_jpserver_extensions() == {start_page.__name__: True}
    validate_extension(start_page.__name__)
