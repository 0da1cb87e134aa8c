"""humaskit: a Jupyter workshop kit for strategic government PR in newly split regencies."""

import sys
from pathlib import Path

# jsonschema (imported by altair) optionally loads `rfc3987_syntax`, which compiles a grammar
# for IRI format checks on import: ~2 s of every kernel start in every notebook and autograde.
# The kit never validates IRIs, so the optional checker is skipped in processes using the kit.
sys.modules.setdefault("rfc3987_syntax", None)

__version__ = "0.1.0"

#: The checkout the kit runs from (the package is installed editable from it).
ROOT = Path(__file__).resolve().parent.parent
