"""Charts render without the internet: the offline renderer and local static export."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from humaskit import charts


def _chart():
    return alt.Chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]})).mark_bar().encode(x="a", y="b")


def test_enable_offline_selects_the_inlined_jupyter_renderer():
    charts.enable_offline()
    assert alt.renderers.active == "jupyter"
    assert alt.renderers.options.get("offline") is True
    embed = alt.renderers.options["embed_options"]
    assert embed["formatLocale"]["decimal"] == "," and embed["formatLocale"]["thousands"] == "."
    assert embed["timeFormatLocale"]["months"][7] == "Agustus"


def test_png_and_svg_are_rendered_locally():
    assert charts.to_png(_chart()).startswith(b"\x89PNG")
    assert charts.to_svg(_chart()).lstrip().startswith("<svg")
    assert charts.png_data_uri(_chart()).startswith("data:image/png;base64,")


def test_the_offline_chart_bundle_is_built_once_and_kept_for_every_kernel(tmp_path,
                                                                            monkeypatch):
    from altair.jupyter.jupyter_chart import JupyterChart

    shared, own = tmp_path / "bersama", tmp_path / "pribadi"
    monkeypatch.setattr(charts, "_bundle_places", lambda: [shared, own])
    monkeypatch.setattr(JupyterChart, "_is_offline", False)
    monkeypatch.setattr(JupyterChart, "_esm", JupyterChart._esm)
    assert charts.use_cached_bundle() is False  # built by vl-convert, then kept
    built = JupyterChart._esm
    (kept,) = shared.iterdir()
    assert kept.read_text(encoding="utf-8") == built
    assert not any(host in built for host in charts.CDN_MARKERS)
    monkeypatch.setattr(JupyterChart, "_is_offline", False)
    monkeypatch.setattr(JupyterChart, "_esm", "")
    assert charts.use_cached_bundle() is True and JupyterChart._esm == built


def test_a_chart_draws_its_numbers_and_dates_the_indonesian_way():
    """An axis of reach reads 1.500.000, a share 0,25, a month Agu: never 1,500,000, which an
    Indonesian reader takes for one and a half."""
    frame = pd.DataFrame({"jangkauan": [1_500_000, 250_000], "isu": ["banjir", "jalan"]})
    reach = charts.to_svg(alt.Chart(frame).mark_bar().encode(x="jangkauan", y="isu"))
    assert re.search(r">1\.500\.000<|>1\.400\.000<", reach) and ">1,500,000<" not in reach
    shares = pd.DataFrame({"porsi": [0.1, 0.25], "isu": ["banjir", "jalan"]})
    assert ">0,25<" in charts.to_svg(alt.Chart(shares).mark_bar().encode(x="porsi", y="isu"))
    dates = pd.DataFrame({"tanggal": pd.to_datetime(["2026-06-01", "2026-09-30"]), "n": [1, 2]})
    months = charts.to_svg(alt.Chart(dates).mark_line().encode(x="tanggal:T", y="n"))
    assert ">Agu<" in months or ">Agustus<" in months
