"""Charts render without the internet: the offline renderer and local static export."""

from __future__ import annotations

import altair as alt
import pandas as pd

from humaskit import charts


def _chart():
    return alt.Chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]})).mark_bar().encode(x="a", y="b")


def test_enable_offline_selects_the_inlined_jupyter_renderer():
    charts.enable_offline()
    assert alt.renderers.active == "jupyter"
    assert alt.renderers.options.get("offline") is True


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
