"""humaskit: a Jupyter workshop kit for strategic government PR in newly split regencies."""

import os
import sys
from pathlib import Path

# jsonschema (imported by altair) optionally loads `rfc3987_syntax`, which compiles a grammar
# for IRI format checks on import: ~2 s of every kernel start in every notebook and autograde.
# The kit never validates IRIs, so the optional checker is skipped in processes using the kit.
sys.modules.setdefault("rfc3987_syntax", None)

# nbgrader's gradebook runs the `alembic` command, which sits beside this Python. A console
# script (`.venv/bin/humaskit`) runs without the venv activated, so put that folder on PATH.
_SCRIPTS = os.path.dirname(sys.executable)
if _SCRIPTS not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = os.pathsep.join(filter(None, [_SCRIPTS, os.environ.get("PATH")]))

__version__ = "0.1.0"

#: The checkout the kit runs from (the package is installed editable from it).
ROOT = Path(__file__).resolve().parent.parent
