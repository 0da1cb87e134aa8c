"""``humaskit doctor``: check that a machine is ready to run the workshop offline.

Prints a checklist (in Indonesian, for the facilitator) and exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import importlib
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

REQUIRED_MODULES = ("jupyterlab", "nbgrader", "pandas", "pandera", "ipywidgets", "altair",
                    "anywidget", "vl_convert", "nbclient", "openpyxl")
LAB_EXTENSIONS = {
    "@jupyter-widgets/jupyterlab-manager": "widget (ipywidgets)",
    "@jupyter/nbgrader": "nbgrader",
    "anywidget": "anywidget (grafik altair luring)",
    "@humaskit/lab": "humaskit (Run All menunggu kernel siap)",
}


@dataclass(frozen=True)
class Result:
    ok: bool
    detail: str


def check_python() -> Result:
    version = ".".join(map(str, sys.version_info[:3]))
    return Result(sys.version_info >= (3, 10), f"Python {version}")


def check_modules() -> Result:
    missing = []
    for name in REQUIRED_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        return Result(False, "belum terpasang: " + ", ".join(missing) + " (jalankan `make lab`)")
    return Result(True, f"{len(REQUIRED_MODULES)} paket terpasang")


def _enabled_lab_extensions() -> set[str]:
    """Names that ``jupyter labextension list`` reports as enabled and OK."""
    out = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)
    return {line.split()[0] for line in text.splitlines()
            if re.search(r"\benabled\s+OK\b", line)}


def check_lab_extensions() -> Result:
    enabled = _enabled_lab_extensions()
    missing = [label for name, label in LAB_EXTENSIONS.items() if name not in enabled]
    if missing:
        return Result(False, "ekstensi JupyterLab belum aktif: " + ", ".join(missing))
    return Result(True, "ekstensi aktif: " + ", ".join(LAB_EXTENSIONS.values()))


def check_alembic() -> Result:
    found = shutil.which("alembic")
    if found:
        return Result(True, f"perintah alembic ditemukan ({found})")
    return Result(False, "perintah `alembic` tidak ada di PATH; gradebook nbgrader memerlukannya "
                         "(aktifkan .venv atau jalankan lewat `make`)")


def check_offline_charts() -> Result:
    import altair as alt
    import vl_convert as vlc

    if "jupyter" not in alt.renderers.names():
        return Result(False, "renderer 'jupyter' altair tidak tersedia (pasang anywidget)")
    bundle = vlc.javascript_bundle()
    if len(bundle) < 100_000:
        return Result(False, "paket JavaScript Vega dari vl-convert tidak lengkap")
    png = vlc.vegalite_to_png({"mark": "point", "data": {"values": [{"a": 1}]},
                               "encoding": {"x": {"field": "a", "type": "quantitative"}}})
    if not png.startswith(b"\x89PNG"):
        return Result(False, "vl-convert gagal membuat gambar PNG")
    return Result(True, f"grafik luring siap (Vega {len(bundle) // 1024} KB tersimpan lokal, "
                        "ekspor PNG berfungsi)")


def check_kernel() -> Result:
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    if "python3" not in specs:
        return Result(False, "kernel 'python3' tidak ditemukan")
    return Result(True, "kernel Python 3 tersedia")


def check_datasets() -> Result:
    from humaskit import datasets

    bad = []
    for name in datasets.names():
        try:
            datasets.load(name)
        except datasets.DatasetError as exc:
            bad.append(f"{name}: {exc}")
    if bad:
        return Result(False, "data tidak valid:\n      " + "\n      ".join(bad))
    return Result(True, f"{len(datasets.names())} set data valid")


CHECKS: list[tuple[str, Callable[[], Result]]] = [
    ("Python", check_python),
    ("Paket Python", check_modules),
    ("Kernel Jupyter", check_kernel),
    ("Ekstensi JupyterLab", check_lab_extensions),
    ("Gradebook nbgrader", check_alembic),
    ("Grafik tanpa internet", check_offline_charts),
    ("Set data", check_datasets),
]


def run_checks() -> list[tuple[str, Result]]:
    results = []
    for label, check in CHECKS:
        try:
            result = check()
        except Exception as exc:  # noqa: BLE001 -- a check that crashes is a failed check, not a crash
            result = Result(False, f"pemeriksaan gagal: {exc!r}")
        results.append((label, result))
    return results


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "doctor", help="check that this machine is ready for the workshop",
        description="Check the install: packages, Jupyter kernel, JupyterLab extensions for "
                    "widgets and nbgrader, the alembic command nbgrader's gradebook needs, "
                    "offline altair rendering, and every shipped dataset. Prints a checklist "
                    "and exits with status 1 if anything fails.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    results = run_checks()
    print("Pemeriksaan kesiapan humaskit\n")
    for label, result in results:
        mark = "[OK]   " if result.ok else "[GAGAL]"
        print(f"{mark} {label}: {result.detail}")
    failed = sum(not r.ok for _, r in results)
    print()
    print("Semua siap. Selamat berlokakarya!" if not failed
          else f"{failed} pemeriksaan gagal; perbaiki dulu sebelum sesi dimulai.")
    return 1 if failed else 0
