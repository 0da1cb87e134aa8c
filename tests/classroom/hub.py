"""The classroom server's test room: its accounts, and what a test does as one of them.

Shared by every module in tests/classroom/, which run on one worker against one hub
(see ``pytest_xdist_make_scheduler`` in tests/conftest.py)."""

from __future__ import annotations

import json
import pwd
import re
import subprocess
import tempfile
import time
from pathlib import Path

from humaskit.server.client import Session

#: The checkout under test.
ROOT = Path(__file__).resolve().parents[2]

#: uji_eka is test_phone's own: the phone and tablet runs fetch and submit as her.
PARTICIPANTS = {"uji_ani": "Ani Lestari", "uji_budi": "Budi Hartono", "uji_citra": "Citra Dewi",
                "uji_eka": "Eka Saputri"}
ADMINS = ("fasilitator", "pelatih")
#: What uji_ani decided in the pemetaan_isu forms before she submitted (a few decisions).
ANI_DECISIONS = {"dampak": {"banjir": 4, "tapal batas": 2},
                 "tahap": {"banjir": "resolusi", "honorer": "organisasi"}}
#: The browser test's screenshots of the Indonesian pages, kept after the run.
SCREENSHOTS = str(Path(tempfile.gettempdir()) / "humaskit-kelas-{}.png")
#: What only instructors may read (extended regular expressions): nbgrader's solution and
#: hidden-test markers, and the pre/post-test keys in the hidden tests (in a notebook's JSON
#: their quotes are escaped).
INSTRUCTOR_MARKS = ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", r'kunci=\\?"[a-d]')


def run_as(account: str, *command: str, cwd=None) -> subprocess.CompletedProcess:
    home = pwd.getpwnam(account).pw_dir
    return subprocess.run(["setpriv", f"--reuid={account}", f"--regid={account}",
                           "--init-groups", "env", "-i", f"HOME={home}",
                           "PATH=/usr/bin:/bin", *command], cwd=cwd or home,
                          capture_output=True, text=True, check=False)


def wait_for(url: str, timeout: float) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(url)


def refused(session: Session, secret: str):
    """Log in and return the page when the hub refuses (None when it lets the person in)."""
    page = session.login(secret)
    return page if "/hub/login" in page.url else None


def press(facilitator: Session, account: str, action: str):
    """Press a row's button on the facilitator page (a form with the page's XSRF field)."""
    page = facilitator.get("/services/fasilitator/").text
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', page).group(1)
    return facilitator.http.post(f"{facilitator.base}/services/fasilitator/pin",
                                 data={"_xsrf": xsrf, "akun": account, "aksi": action})


def lab_disabled(session: Session) -> list[str]:
    """The JupyterLab extensions the account's lab page switches off."""
    page = session.user_get("lab").text
    data = re.search(r'id="jupyter-config-data"[^>]*>(.*?)</script>', page, re.DOTALL).group(1)
    return json.loads(data)["disabledExtensions"]


def card_pin(text: str, account: str) -> str:
    return re.search(rf"Akun: {account}\s+PIN: (\d{{6}})", text).group(1)


#: A code cell's prompt once it has run: "[3]:".
RAN = r"/\[\d+\]/"


def wait_for_every_cell(page, cells: int, log: Path, timeout_ms: int,
                        scope: str = ".jp-NotebookPanel:not(.lm-mod-hidden)") -> None:
    """Wait until each of ``cells`` code cells in ``scope`` shows its execution count. When
    it does not, fail with what the page showed (prompts, kernel, dialogs) and the hub log's
    tail, and keep a screenshot: the cause of a Run All that never ends is on the server."""
    from playwright.sync_api import TimeoutError as PageTimeout

    try:
        page.wait_for_function(
            f"""n => [...document.querySelectorAll('{scope} .jp-CodeCell .jp-InputPrompt')]
                   .filter(p => {RAN}.test(p.textContent)).length === n""",
            arg=cells, timeout=timeout_ms)
    except PageTimeout:
        shown = page.evaluate(f"""() => ({{
            prompts: [...document.querySelectorAll('{scope} .jp-CodeCell .jp-InputPrompt')]
                .map(p => p.textContent.trim()).join(' '),
            kernel: [...document.querySelectorAll(
                '.jp-Toolbar-kernelName, .jp-Notebook-ExecutionIndicator')]
                .map(e => (e.textContent.trim() || e.dataset.status || '')).join(' / '),
            dialogs: [...document.querySelectorAll('.jp-Dialog')]
                .map(d => d.innerText.trim()).join(' | ')}})""")
        page.screenshot(path=SCREENSHOTS.format("run_all_tidak_selesai"))
        tail = log.read_text(errors="replace").splitlines()[-40:] if log.exists() else []
        raise AssertionError(f"Run All unfinished after {timeout_ms / 1000:g} s: {shown}\n"
                             "hub log:\n" + "\n".join(tail)) from None
