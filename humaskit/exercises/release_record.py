"""What ``exercises release`` wrote last time, so that a later release can tell a kit update
from a participant's work.

``release/.dirilis.json`` keeps, per assignment, the fingerprint of its source folder and of
each file the release wrote. On a laptop (``make lab``) participants work in ``release/``
itself, so a release folder is "untouched" only while it holds exactly those files, unchanged.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

RECORD = ".dirilis.json"
#: What JupyterLab adds beside a notebook on its own; it is not a participant's work.
IGNORED = {".ipynb_checkpoints", "__pycache__"}


def files(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file below ``folder`` (JupyterLab's own left out)."""
    found = {}
    for path in sorted(Path(folder).rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not IGNORED & set(relative.parts):
            found[relative.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def source_print(folder: Path) -> str:
    """One fingerprint of a source assignment folder."""
    return hashlib.sha256(json.dumps(files(folder), sort_keys=True).encode()).hexdigest()


def read(root: Path) -> dict[str, dict]:
    """Assignment -> {"source": fingerprint, "release": files()} as last released."""
    path = Path(root) / "release" / RECORD
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write(root: Path, name: str) -> None:
    """Record the release of ``name`` just written from its source."""
    record = read(root)
    record[name] = {"source": source_print(Path(root) / "source" / name),
                    "release": files(Path(root) / "release" / name)}
    path = Path(root) / "release" / RECORD
    path.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
