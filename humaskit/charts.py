"""Altair set-up for offline use, and static export through vl-convert.

Altair's default renderer loads Vega from a CDN, which fails in a room with no internet.
Every notebook calls :func:`enable_offline` first; handouts use :func:`to_png` / :func:`to_svg`.
"""

from __future__ import annotations

import base64

import altair as alt

#: Hosts whose appearance in an output means a chart needs the internet.
CDN_MARKERS = ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "esm.sh")


def enable_offline() -> None:
    """Render charts in JupyterLab with the Vega bundle inlined (needs anywidget, vl-convert)."""
    alt.renderers.enable("jupyter", offline=True)
    alt.data_transformers.disable_max_rows()


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """A PNG image of the chart, rendered locally by vl-convert."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(chart.to_dict(), scale=scale)


def to_svg(chart: alt.TopLevelMixin) -> str:
    """An SVG image of the chart, rendered locally by vl-convert."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(chart.to_dict())


def png_data_uri(chart: alt.TopLevelMixin) -> str:
    """The chart as a ``data:image/png`` URI, for self-contained HTML reports."""
    return "data:image/png;base64," + base64.b64encode(to_png(chart)).decode("ascii")
