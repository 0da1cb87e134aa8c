"""The shell of every self-contained HTML page the kit writes: handouts, printable forms,
reports and certificates. Each page carries its own inline CSS and loads nothing from
outside; where a Chromium-family browser is installed, a page can be printed to PDF."""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
            "microsoft-edge")


class PrintError(RuntimeError):
    """A page could not be printed to PDF; the message is in Indonesian."""


def document(title: str, body: str, css: str, refresh: int | None = None) -> str:
    """A complete Indonesian-language HTML page; ``title`` is plain text (escaped here);
    ``refresh``: reload the page every so many seconds (a live status page)."""
    reload = f'<meta http-equiv="refresh" content="{int(refresh)}">\n' if refresh else ""
    return ('<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
            f'{reload}<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{css}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def find_browser() -> str | None:
    """A Chromium-family browser that can print a page to PDF headless, if installed."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdf(page: Path, browser: str) -> Path:
    """Print the HTML ``page`` to a PDF beside it with a headless browser (no network)."""
    pdf = page.with_suffix(".pdf")
    command = [browser, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
               "--disable-background-networking", "--disable-component-update",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    if done.returncode != 0 or not pdf.exists():
        raise PrintError(f"{page.name}: PDF gagal dibuat ({done.stderr.strip()[-300:]}).")
    return pdf
