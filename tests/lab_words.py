"""What a participant reads in JupyterLab's own frame (menu bar, menus, notebook toolbar,
status bar), and which of it is still English. Shared by the ``make lab`` test
(tests/test_lab_menus.py) and the classroom server's (tests/classroom/test_menus.py)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import notebook
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from humaskit.server import assignments_id

#: Notebook 7's own scripts: the single-document view a phone or a tablet opens.
NOTEBOOK_STATIC = Path(notebook.__file__).with_name("static")

#: Notebook 7's kernel status beside the menu bar asks to translate the whole of
#: `Kernel ${Text.titleCase(status)}`, for each status a kernel or its connection can have.
_KERNEL_STATUS = re.compile(r"`Kernel \$\{[\w.]+\.titleCase\(")
KERNEL_STATUSES = ("Unknown", "Starting", "Idle", "Busy", "Terminating", "Restarting",
                   "Autorestarting", "Dead", "Connected", "Connecting", "Disconnected",
                   "Initializing")

#: English words that stay in an Indonesian JupyterLab, and why.
ALLOWED = {
    "kernel": "the program that runs a notebook's code: the kit teaches the word (glossary of "
              "00_mulai_di_sini) and Indonesian has none in use for it",
    "notebook": "the kit's own word for a JupyterLab document, in its glossary",
    "widget": "the kit's own word for a form control, in its glossary",
    "markdown": "the name of a text format (a cell type), as the guide writes it",
    "python": "the name of the programming language, in the kernel's name 'Python 3'",
    "ipykernel": "the name of the kernel's package, in its name 'Python 3 (ipykernel)'",
    "jupyter": "a product's name ('Buka di Jupyter Notebook')",
    "jupyterlab": "a product's name: Notebook 7's button that opens the same file in JupyterLab",
    "javascript": "the name of a programming language ('JavaScript aktif untuk tampilan "
                  "notebook')",
    "server": "the kit's own word for the classroom machine ('server kelas', in the "
              "facilitator guide)",
    "true": "a value JupyterLab's code prints, not a message: a file's tool tip ends "
            "'Bisa ditulis: true'",
    "nbgrader": "the name of the exercise tool: the guide says 'menu Nbgrader → Daftar Latihan'",
    "mode": "Indonesian too (KBBI: mode, 'cara; ragam'): 'Mode: Perintah'",
    "terminal": "Indonesian too (KBBI: terminal): '0 Terminal, 1 Sesi Kernel'",
    "panel": "Indonesian too (KBBI: panel): 'Panel Pelacak Galat'",
    "folder": "Indonesian too (KBBI: folder): 'Folder baru'",
    "tab": "the word Indonesian browsers use for a tab ('Tab baru')",
    **dict.fromkeys(("ctrl", "shift", "alt", "enter", "esc", "up", "down"),
                    "a key's name as printed on it, in a shortcut such as 'Shift+Enter'"),
}

#: What JupyterLab 4.6 writes with its null translator (so no language pack can reach it),
#: and where.
UNTRANSLATABLE = {
    **dict.fromkeys(("Enable Debugger", "Disable Debugger",
                     "Select a kernel that supports debugging to enable debugger"),
                    "the tool tip of the debugger's button on the notebook toolbar"),
    "main area toolbar": "the notebook toolbar's label for screen readers (not on screen)",
    "Skip to Main": "Notebook 7's skip link for keyboard users (not on screen until focused)",
    "Jupyter Server Root": "the tool tip of the file list's home icon, where no root path is set",
    **dict.fromkeys(("main area content", "side panel content", "Markdown Cell Content",
                     "Cell toolbar"),
                    "a label for screen readers that Notebook 7 builds without its translator "
                    "(JupyterLab's translates: lab_id/jupyterlab.po)"),
    "More commands": "the tool tip of the toolbar's ⋯ button, which Notebook 7 builds without "
                     "its translator (a touch screen shows no tool tip)",
}
#: Labels that are data, not messages: a folder's path (the file list's home icon), and a
#: running kernel's id, whole in its tool tip (with its kind and path, which Notebook 7's
#: list composes in its code) or its first eight hex digits beside its name.
_DATA = re.compile(r"^/\S*$|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-|^\(?[0-9a-f]{8}\)?$")
#: A side panel's label for screen readers: its title (translated) and this English word,
#: which Notebook 7 adds in its code (``${title} Section``).
_SECTION = re.compile(r" Section$")

#: A JavaScript string literal in double or single quotes (its text in either group).
_STRING = r"""(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')"""
#: JupyterLab's translatable calls: trans.__("..."), ._n("...", "..."), ._p("context", "...").
_CALLS = re.compile(r"\.(?:__|_n)\(" + _STRING + r"(?:," + _STRING + r")?|\._p\(" + _STRING
                    + r"," + _STRING)
#: A word: two letters or more (a single letter is a key, as in the shortcut 'Ctrl+S').
_WORD = re.compile(r"[A-Za-z]{2,}")
#: A file's name or path ('notebooks/00_mulai_di_sini.ipynb'): the kit's or the participant's.
_FILE = re.compile(r"[\w./-]+\.ipynb\b")


@cache
def messages(share: Path) -> frozenset[tuple[str, str]]:
    """JupyterLab's English messages in ``share`` (``<env>/share/jupyter``), as (context,
    text): what its code, its extensions' code and Notebook 7's (the view a phone opens) ask
    to translate, the titles and labels of their settings schemas (their menus' among them),
    and nbgrader's strings."""
    found = set()
    scripts = [*share.glob("lab/static/*.js"), *share.glob("labextensions/**/static/*.js"),
               *NOTEBOOK_STATIC.glob("*.js")]
    for script in scripts:
        for call in _CALLS.finditer(script.read_text(encoding="utf-8", errors="replace")):
            quoted = iter(call.groups())
            single, plural, context, text = (_unescape(a or b) for a, b in zip(quoted, quoted))
            found |= {("", single), ("", plural)} if single else {(context, text)}
    for schema in [*share.glob("lab/schemas/**/*.json"),
                   *share.glob("labextensions/**/schemas/**/*.json")]:
        found |= _schema_texts(json.loads(schema.read_text(encoding="utf-8")))
    found |= {("", english) for english in assignments_id.STRINGS}
    if any(_KERNEL_STATUS.search(script.read_text(encoding="utf-8", errors="replace"))
           for script in NOTEBOOK_STATIC.glob("*.js")):
        found |= {("", f"Kernel {status}") for status in KERNEL_STATUSES}
    return frozenset(found - {("", "")})


def english_words(share: Path) -> frozenset[str]:
    """Every word of ``messages(share)``, in lower case."""
    return frozenset(w.lower() for _, text in messages(share) for w in _WORD.findall(text))


def _unescape(text: str | None) -> str:
    """A JavaScript string literal's text (``\\u2026`` is "…")."""
    try:
        return json.loads(f'"{text}"') if text else ""
    except ValueError:  # an escape JSON does not have, e.g. \\'
        return text


def _schema_texts(node, menus: bool = False) -> set[tuple[str, str]]:
    """A schema's titles and labels: those of its menus (``jupyter.lab.menus``), which the
    browser translates in the context "menu", and the others (the server's, "schema")."""
    if isinstance(node, list):
        return {text for item in node for text in _schema_texts(item, menus)}
    if not isinstance(node, dict):
        return set()
    found = set()
    for key, value in node.items():
        if isinstance(value, str) and key in ("title", "label", "caption"):
            found.add(("menu" if menus else "schema", value))
        else:
            found |= _schema_texts(value, menus or key == "jupyter.lab.menus")
    return found


def english_in(labels: list[str], english: frozenset[str]) -> dict[str, list[str]]:
    """The labels that have an English word a participant must read: label -> those words."""
    found = {}
    for label in set(labels) - set(UNTRANSLATABLE):
        if _DATA.search(label):
            continue
        words = [w for w in _WORD.findall(_SECTION.sub("", _FILE.sub("", label)))
                 if w.lower() in english and w.lower() not in ALLOWED]
        if words:
            found[label] = words
    return found


#: Every text a region shows: its text nodes, tool tips and labels for screen readers, of the
#: elements on screen (a toolbar's overflow button, for a narrow window, is not).
_TEXTS = """root => {
    const shown = el => (el.closest('select') || el).checkVisibility({visibilityProperty: true});
    const texts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode())
        if (shown(walker.currentNode.parentElement)) texts.push(walker.currentNode.textContent);
    for (const el of [root, ...root.querySelectorAll('*')].filter(shown))
        for (const name of ['title', 'aria-label', 'placeholder'])
            if (el.getAttribute(name)) texts.push(el.getAttribute(name));
    return [...new Set(texts.map(t => t.trim()).filter(t => t))];
}"""


def read_labels(page) -> dict[str, list[str]]:
    """What the page of an open notebook shows in JupyterLab's frame, by region: the menu bar,
    each of its menus (by the menu's id, e.g. ``jp-mainmenu-run``), the notebook's toolbar
    (with the cell-type box), the status bar, and the file browser's buttons and columns."""
    bar = page.locator("#jp-MainMenu")
    regions = {"menu bar": bar.evaluate(_TEXTS),
               "toolbar": page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) "
                                       ".jp-NotebookPanel-toolbar").evaluate(_TEXTS),
               "status bar": page.locator("#jp-main-statusbar").evaluate(_TEXTS),
               "file browser": [text for part in (".jp-FileBrowser-toolbar",
                                                  ".jp-DirListing-header")
                                for text in page.locator(f"#filebrowser {part}").evaluate(_TEXTS)]}
    titles = bar.locator(".lm-MenuBar-item")
    for index in range(titles.count()):
        menu_id, texts = _open_menu(page, titles.nth(index))
        regions[menu_id] = texts
    return regions


#: The open menu's id and texts, read in one step: a busy page may close a menu between two.
_OPEN_MENU = f"""() => {{
    const menu = [...document.querySelectorAll('.lm-Menu.lm-MenuBar-menu')].pop();
    return menu ? [menu.id, ({_TEXTS})(menu)] : null;
}}"""


def _open_menu(page, title, attempts: int = 4) -> tuple[str, list[str]]:
    """Open a menu bar's menu by its title and read it; a click the page lost is repeated."""
    for _ in range(attempts):
        title.click()
        try:
            found = page.wait_for_function(_OPEN_MENU, timeout=15_000).json_value()
        except PlaywrightTimeout:
            found = None
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.querySelector('.lm-Menu.lm-MenuBar-menu')")
        if found:
            return found[0], found[1]
    raise AssertionError(f"the menu {title.inner_text()!r} did not open in {attempts} clicks")
