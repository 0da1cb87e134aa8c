"""pyproject.toml and environment.yml declare the same packages with the same bounds."""

from __future__ import annotations

import re
import subprocess
import sys

import tomllib
from shared import ROOT

SPEC = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$")


def _normalise(requirement: str) -> tuple[str, str]:
    name, bounds = SPEC.match(requirement.split(";")[0]).groups()
    return re.sub(r"[-_.]+", "-", name).lower(), bounds.replace(" ", "")


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return dict(_normalise(r) for r in reqs)


def _environment() -> dict[str, str]:
    deps = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        item = re.match(r"^\s*-\s+([^#\s][^#]*?)\s*(#.*)?$", line)
        if item and not item.group(1).startswith(("conda-forge",)):
            name, bounds = _normalise(item.group(1))
            if name not in ("python", "pip") and not bounds.startswith(":"):
                deps[name] = bounds
    return deps


def test_environment_yml_lists_the_same_packages_as_pyproject():
    assert set(_environment()) == set(_pyproject())


def test_environment_yml_uses_the_same_version_bounds_as_pyproject():
    py = _pyproject()
    assert {n: b for n, b in _environment().items()} == py


def test_jsonschema_checks_iris_without_building_parsers_on_import():
    """Every JupyterLab server, chart kernel and grading run imports jsonschema; its IRI check
    must come from rfc3987 (regexes), not rfc3987-syntax (1.3 s of parser building each)."""
    probe = ("import sys, jsonschema\n"
             "check = jsonschema.FormatChecker()\n"
             "print('rfc3987_syntax' in sys.modules,"
             " check.conforms('https://kab.go.id/berita', 'iri'),"
             " check.conforms('bukan iri', 'iri'))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "True", "False"]
