"""pyproject.toml and environment.yml declare the same packages with the same bounds."""

from __future__ import annotations

import re

import tomllib
from conftest import ROOT

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
