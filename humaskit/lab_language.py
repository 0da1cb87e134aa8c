"""JupyterLab's own words in Indonesian: the language pack, completed.

The kit installs ``jupyterlab-language-pack-id-ID``, whose translators have done about a
quarter of JupyterLab's messages. It has none in the context "menu", in which JupyterLab looks
up every menu's title (File, Edit, Run, ... and the submenus), nor most menu items, the
notebook toolbar's tips or the status bar, and some of its translations are wrong
("Menjalakan Semua Sel", "Dimulai lagi kernel"). ``lab_id/<domain>.po`` holds the kit's own
translations of what a participant reads; ``complete`` merges them into the installed pack's
``.json``, which the browser asks for (the pack's ``.mo`` serves the server, which translates
only the Settings Editor's schemas).
``make lab``'s set-up and ``humaskit server install`` run it, with nbgrader's own strings
(``humaskit.server.assignments_id``), through ``install``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages import pofile

from humaskit.server import assignments_id, formgrader_id

PACK = "jupyterlab_language_pack_id_ID"
LOCALE = "id_ID"
#: The kit's translations, one PO file per translation domain (the pack's file names).
SOURCES = Path(__file__).with_name("lab_id")


class PackMissing(RuntimeError):
    """The environment has no Indonesian language pack to complete."""


def messages_folder(env: Path) -> Path:
    """The language pack's ``LC_MESSAGES`` folder in the environment ``env``."""
    found = sorted(Path(env).glob(f"lib/python3*/site-packages/{PACK}/locale/{LOCALE}/"
                                  "LC_MESSAGES"))
    if not found:
        raise PackMissing(f"Paket bahasa {PACK} tidak terpasang di {env}.")
    return found[-1]


def complete(folder: Path) -> int:
    """Merge every ``lab_id/<domain>.po`` into the pack's ``<domain>.json`` in ``folder``;
    the kit's translation wins where both have one. Returns how many messages were merged
    (running it again changes nothing)."""
    merged = 0
    for source in sorted(SOURCES.glob("*.po")):
        with source.open("rb") as po:
            ours = [m for m in pofile.read_po(po, locale=LOCALE) if m.id and m.string]
        _merge_json(folder / f"{source.stem}.json", ours)
        merged += len(ours)
    return merged


def _merge_json(path: Path, ours) -> None:
    """The browser's format (as the pack writes it): ``context\\x04msgid`` or ``msgid`` ->
    the translation, or its plural forms (at least two: JupyterLab takes a one-item list for
    a singular message only)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for message in ours:
        msgid = message.id[0] if message.pluralizable else message.id
        key = f"{message.context}\x04{msgid}" if message.context else msgid
        forms = list(message.string) if message.pluralizable else [message.string]
        data[key] = forms + [""] if message.pluralizable and len(forms) == 1 else forms
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def install(env: Path) -> list[str]:
    """Everything JupyterLab shows a participant in Indonesian, in the environment ``env``:
    the language pack completed and nbgrader's strings replaced, in its Assignments panel and
    in formgrader. Returns the nbgrader strings that could not be found."""
    complete(messages_folder(env))
    return (assignments_id.translate(assignments_id.extension(Path(env)))
            + formgrader_id.translate_env(env))


def main() -> None:
    """``python -m humaskit.lab_language``: install into the running environment."""
    untranslated = install(Path(sys.prefix))
    if untranslated:
        print("Catatan: teks nbgrader berikut tidak ditemukan dan tetap berbahasa Inggris: "
              + "; ".join(untranslated))


if __name__ == "__main__":
    main()
