"""humaskit: a Jupyter workshop kit for strategic government PR in newly split regencies."""

from pathlib import Path

__version__ = "0.1.0"

#: The checkout the kit runs from (the package is installed editable from it).
ROOT = Path(__file__).resolve().parent.parent
