"""The page a participant's server opens on (``/user/<account>/mulai``): on a phone or a small
tablet, Notebook 7's single-document view of the landing notebook; on a laptop, JupyterLab.

Evidence (screenshots with a phone's and a tablet's viewport): at 390 px JupyterLab leaves the
notebook a sliver about 40 px wide beside its open file browser, one letter per line; at
768 px the notebook gets about 430 px beside the sidebars. Notebook 7 (installed with
nbgrader) shows the one notebook across the whole width at both, with the Run menu and the
Run button in its top bars (and a JupyterLab button, under the toolbar's ⋯ on a phone).

The choice is made in the browser, from the width it reports once the page declares
``width=device-width`` (a phone otherwise reports a 980 px desktop width). The page also
links both views, for a browser without JavaScript or a participant who wants the other one.
A Jupyter server extension, switched on for every account by ``server install`` (:func:`enable`).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

#: Narrower than this (CSS pixels), the room opens Notebook 7: phones and portrait tablets
#: (768-834 px) get it; a landscape tablet (1,024 px and more) and laptops keep JupyterLab.
NARROW_PX = 900
PATH = "mulai"
LANDING = "notebooks/00_mulai_di_sini.ipynb"


def targets(base_url: str, notebook: str = LANDING) -> dict[str, str]:
    """The two views of ``notebook``: ``lab`` (JupyterLab) and ``ponsel`` (Notebook 7)."""
    base = base_url.rstrip("/")
    return {"lab": f"{base}/lab/tree/{notebook}", "ponsel": f"{base}/notebooks/{notebook}"}


def page(base_url: str) -> str:
    """The HTML that sends the browser on to the view that fits its width."""
    views = targets(base_url)
    lab, phone = (html.escape(views[k], quote=True) for k in ("lab", "ponsel"))
    return (
        "<!DOCTYPE html>\n<html lang='id'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Membuka ruang kelas</title>"
        "<style>body{font-family:Arial,sans-serif;margin:1.5em;font-size:18px}"
        "a{display:block;margin:.8em 0;padding:.6em;border:1px solid #16404d;"
        "border-radius:6px;color:#16404d;text-decoration:none}</style>"
        f"<script>location.replace(matchMedia('(max-width: {NARROW_PX - 1}px)').matches ? "
        f"{json.dumps(views['ponsel'])} : {json.dumps(views['lab'])});</script>"
        "</head><body><h1>Membuka ruang kelas…</h1><p>Bila halaman tidak berpindah sendiri, "
        "pilih tampilan:</p>"
        f"<a href='{phone}'>Tampilan ponsel dan tablet (satu notebook selebar layar)</a>"
        f"<a href='{lab}'>JupyterLab (laptop)</a></body></html>")


def enable(env: Path) -> Path:
    """Switch the page on for every server of the Python environment ``env`` (the file
    ``jupyter server extension enable`` would write, were the package shipping one)."""
    folder = env / "etc" / "jupyter" / "jupyter_server_config.d"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{__name__}.json"
    path.write_text(json.dumps({"ServerApp": {"jpserver_extensions": {__name__: True}}}),
                    encoding="utf-8")
    return path


def _jupyter_server_extension_points() -> list[dict]:
    return [{"module": __name__}]


def _load_jupyter_server_extension(serverapp) -> None:
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    class StartPage(JupyterHandler):
        @web.authenticated
        def get(self) -> None:
            self.set_header("Cache-Control", "no-store")
            self.finish(page(self.base_url))

    base = serverapp.web_app.settings["base_url"]
    serverapp.web_app.add_handlers(".*$", [(url_path_join(base, PATH), StartPage)])
