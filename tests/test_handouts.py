"""``humaskit handouts`` builds printable pages that open offline: charts as images,
widgets replaced by a note, no script or style sheet from the web, PDF when possible."""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re

import altair as alt
import nbformat
import pytest
from shared import ROOT

from humaskit import charts, handouts, pages
from humaskit.cli import main

DAY3 = "03_hari3_strategi_komunikasi"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The Day 3 handout, built once through the command line (no PDF: keep it cheap)."""
    out = tmp_path_factory.mktemp("handouts")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = main(["handouts", "--only", "03", "--out", str(out), "--no-pdf"])
    return status, printed.getvalue(), out


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_day_handout_is_a_self_contained_page_with_charts_as_images(built):
    status, printed, out = built
    assert status == 0, printed
    assert f"[OK]    {DAY3}" in printed
    page = (out / f"{DAY3}.html").read_text(encoding="utf-8")
    images = re.findall(r'<img[^>]* src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(images) >= 3                   # agenda heatmap, dashboard, dashboard panel
    assert all(base64.b64decode(i).startswith(b"\x89PNG") for i in images)
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", page)
    assert "<script" not in page and "<link" not in page
    for host in charts.CDN_MARKERS:
        assert host not in page


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_day_handout_has_a_cover_and_notes_where_widgets_were(built):
    _, _, out = built
    page = (out / f"{DAY3}.html").read_text(encoding="utf-8")
    cover = page[page.index('<section class="sampul">'):page.index("</section>")]
    assert "Kehumasan Strategic" in cover and "Hari 3" in cover
    assert page.count(handouts.INTERACTIVE_NOTE) == 4  # review, calendar, dashboard, evaluation
    assert "Total: 0 dari 10" in page                          # the review panel's first view
    assert handouts.WIDGET_MIME not in page
    assert "Lihat jawaban" in page and "Poin kunci" in page
    assert "def " not in page                                  # code hidden by default
    assert list(out.glob("*.csv")) == []                       # ran in a scratch folder


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_an_index_page_links_the_handouts(built):
    _, printed, out = built
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{DAY3}.html">Hari 3' in index
    assert handouts.external_references(index) == []
    assert "Daftar isi:" in printed


def _output(data):
    return nbformat.v4.new_output("display_data", data=data)


def _model(name, **state):
    return {"model_name": name, "state": state}


def test_static_notebook_turns_widgets_into_a_note_and_vega_lite_into_png():
    spec = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q").to_dict()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        _output({handouts.WIDGET_MIME: {"model_id": "1"}, "text/plain": "Box()"}),
        _output({"application/vnd.vegalite.v5+json": spec}),
        nbformat.v4.new_output("stream", name="stderr", text="peringatan"),
        nbformat.v4.new_output("stream", name="stdout", text="hasil"),
    ]
    nb = nbformat.v4.new_notebook(cells=[cell], metadata={"widgets": {"state": {}}})
    static = handouts.static_notebook(nb)
    note, image, text = static.cells[0].outputs
    assert note.data["text/plain"] == "Bagian interaktif: buka notebook untuk mencoba."
    assert base64.b64decode(image.data["image/png"]).startswith(b"\x89PNG")
    assert image.metadata["image/png"]["alt"] == handouts.CHART_ALT
    assert text.text == "hasil"
    assert "widgets" not in static.metadata
    assert len(nb.cells[0].outputs) == 4                       # the original is untouched


def test_a_widget_is_shown_as_it_looked_when_the_notebook_ran():
    spec = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q").to_dict()
    state = {
        "box": _model("VBoxModel", children=["IPY_MODEL_label", "IPY_MODEL_table",
                                             "IPY_MODEL_out", "IPY_MODEL_chart"]),
        "label": _model("HTMLModel", value="<b>Kanal</b>"),
        "table": _model("HTMLModel", value="<table><tr><td>72 jam</td></tr></table>"),
        "out": _model("OutputModel", outputs=[
            {"output_type": "stream", "name": "stdout", "text": "dari Output"}]),
        "chart": _model("AnyModel", spec=spec),
    }
    cell = nbformat.v4.new_code_cell("panel")
    cell.outputs = [_output({handouts.WIDGET_MIME: {"model_id": "box"}})]
    nb = nbformat.v4.new_notebook(cells=[cell], metadata={
        "widgets": {"application/vnd.jupyter.widget-state+json": {"state": state}}})
    note, table, printed, chart = handouts.static_notebook(nb).cells[0].outputs
    assert note.data["text/plain"].endswith(handouts.SNAPSHOT_NOTE)
    assert "72 jam" in table.data["text/html"]
    assert printed.text == "dari Output"
    assert base64.b64decode(chart.data["image/png"]).startswith(b"\x89PNG")


def test_a_page_that_would_load_from_the_web_is_refused():
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [_output({"text/html": '<script src="https://cdn.jsdelivr.net/x.js"></script>'})]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Judul"), cell])
    with pytest.raises(handouts.HandoutError, match="sumber dari internet"):
        handouts.render_html(nb, "contoh.ipynb")


def test_only_picks_notebooks_by_number_and_unknown_names_are_listed(capsys):
    days = handouts.day_notebooks(ROOT / "notebooks")
    assert handouts.choose(days, "03")[0].stem == DAY3
    assert main(["handouts", "--only", "99_tidak_ada", "--no-pdf"]) == 1
    out = capsys.readouterr().out
    assert "Tidak ada notebook yang cocok dengan '99_tidak_ada'" in out and DAY3 in out


def test_pdf_is_printed_with_a_headless_browser_when_one_is_installed(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "chromium"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nfor a in "$@"; do case "$a" in --print-to-pdf=*) '
                    'printf "%%PDF-1.4" > "${a#--print-to-pdf=}";; esac; done\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    assert pages.find_browser() == str(fake)
    page = tmp_path / "hari.html"
    page.write_text("<p>isi</p>")
    assert pages.print_pdf(page, str(fake)).read_bytes() == b"%PDF-1.4"


def test_no_browser_is_found_on_a_machine_without_one(monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert pages.find_browser() is None


def test_static_chart_switch_renders_png_and_lab_keeps_the_inlined_widget(monkeypatch):
    try:
        monkeypatch.setenv(charts.STATIC_ENV, "1")
        charts.enable_offline()
        assert alt.renderers.active == "png"
        monkeypatch.delenv(charts.STATIC_ENV)
        charts.enable_offline()
        assert alt.renderers.active == "jupyter"
        assert alt.renderers.options.get("offline") is True
    finally:
        os.environ.pop(charts.STATIC_ENV, None)
        charts.enable_offline()
