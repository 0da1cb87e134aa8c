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
