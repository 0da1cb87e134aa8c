"""Altair set-up for offline use, and static export through vl-convert.

Altair's default renderer loads Vega from a CDN, which fails in a room with no internet.
Every notebook calls :func:`enable_offline` first; handouts use :func:`to_png` / :func:`to_svg`.
When ``$HUMASKIT_STATIC_CHARTS`` is set (``humaskit handouts`` sets it for the kernels it
runs), :func:`enable_offline` renders every chart as a static PNG image instead; set to
``spec`` (the grading sandbox does), charts are output as their Vega-Lite specification only,
for the grader to turn into pictures in a sandbox (:mod:`humaskit.grading.pictures`).
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
from pathlib import Path

import altair as alt

from humaskit import number_format, safe_text

#: Hosts whose appearance in an output means a chart needs the internet.
CDN_MARKERS = ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "esm.sh")
SPEC_MIME = "application/vnd.vegalite.v5+json"
#: Environment variable that switches :func:`enable_offline` to static PNG output.
STATIC_ENV = "HUMASKIT_STATIC_CHARTS"
#: Vega-Embed's options: numbers and dates drawn the Indonesian way (number_format).
EMBED_OPTIONS = {"formatLocale": number_format.CHART_NUMBERS,
                 "timeFormatLocale": number_format.CHART_DATES}


def enable_offline() -> None:
    """Prepare a notebook (its first cell calls this): render charts in JupyterLab with the
    Vega bundle inlined (needs anywidget, vl-convert), or as PNG images rendered by vl-convert
    when ``$HUMASKIT_STATIC_CHARTS`` is set; explain Python errors in Indonesian
    (:mod:`humaskit.errors`) and show decimals with a comma (:mod:`humaskit.number_format`)."""
    from humaskit import errors

    errors.install()
    number_format.use_in_tables()
    mode = os.environ.get(STATIC_ENV)
    if mode == "spec":
        alt.renderers.register("humaskit-spec", spec_bundle)
        alt.renderers.enable("humaskit-spec")
    elif mode:
        alt.renderers.enable("png", scale_factor=2, embed_options=EMBED_OPTIONS)
    else:
        use_cached_bundle()
        alt.renderers.enable("jupyter", offline=True, embed_options=EMBED_OPTIONS)
    alt.data_transformers.disable_max_rows()


def _bundle_name() -> str:
    """The cache file of this altair and vl-convert pair (a new version makes a new file)."""
    import vl_convert as vlc
    from altair.jupyter.jupyter_chart import load_js_src

    digest = hashlib.sha256(f"{alt.__version__}|{vlc.__version__}|{load_js_src()}".encode())
    return f"altair-offline-{digest.hexdigest()[:16]}.js"


def _bundle_places() -> list[Path]:
    """Where the bundle may be kept: beside the Python environment (written at install,
    shared by every account of a classroom server), then the user's own cache."""
    user = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "humaskit"
    return [Path(sys.prefix) / "share" / "humaskit", user]


def use_cached_bundle() -> bool:
    """Give altair's offline chart widget its JavaScript bundle from a file, instead of
    having vl-convert build it again in every kernel (1.2 s of CPU per notebook); the first
    kernel to build it keeps a copy. Returns whether a kept copy was used."""
    from altair.jupyter.jupyter_chart import JupyterChart

    if JupyterChart._is_offline:
        return True
    name = _bundle_name()
    for folder in _bundle_places():
        try:
            JupyterChart._esm = (folder / name).read_text(encoding="utf-8")
        except OSError:
            continue
        JupyterChart._is_offline = True
        return True
    JupyterChart.enable_offline(True)
    for folder in _bundle_places():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{name}.{os.getpid()}"
            tmp.write_text(JupyterChart._esm, encoding="utf-8")
            os.replace(tmp, folder / name)
            break
        except OSError:
            continue
    return False


def to_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """A PNG image of the chart, rendered locally by vl-convert (see :func:`spec_to_png`)."""
    return spec_to_png(chart.to_dict(), scale)


def spec_to_png(spec: dict, scale: float = 2.0) -> bytes:
    """A PNG image of a Vega-Lite specification, rendered locally by vl-convert with the
    kit's number and date formats; its text printable first (a control character in a label
    aborts vl-convert, and the process with it)."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(safe_text.printable_tree(spec), scale=scale,
                               **number_format.CHART_LOCALE)


def to_svg(chart: alt.TopLevelMixin) -> str:
    """An SVG image of the chart, rendered locally by vl-convert (text made printable)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(safe_text.printable_tree(chart.to_dict()),
                               **number_format.CHART_LOCALE)


def spec_bundle(spec: dict, **_options) -> dict:
    """A chart as its specification under a mimetype nbformat accepts as JSON (altair 6's own
    ``mimetype`` renderer uses ``…v6.json``, which nbformat rejects)."""
    return {SPEC_MIME: spec, "text/plain": "<grafik Vega-Lite>"}


def png_data_uri(chart: alt.TopLevelMixin) -> str:
    """The chart as a ``data:image/png`` URI, for self-contained HTML reports."""
    return "data:image/png;base64," + base64.b64encode(to_png(chart)).decode("ascii")
