"""The shell of every self-contained HTML page the kit writes: handouts, printable forms
and reports. Each page carries its own inline CSS and loads nothing from outside."""

from __future__ import annotations

import html


def document(title: str, body: str, css: str) -> str:
    """A complete Indonesian-language HTML page; ``title`` is plain text (escaped here)."""
    return ('<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{css}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")
