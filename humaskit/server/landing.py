"""What the landing page (``notebooks/00_mulai_di_sini``) tells a participant about where
the exercises are: it depends on where the notebook runs. On the classroom server (the hub
sets ``JUPYTERHUB_USER``) exercises are fetched from Nbgrader → Daftar Latihan (nbgrader's
Assignment List, put into Indonesian by :mod:`humaskit.server.assignments_id`); on a laptop
they are in ``exercises/release/``."""

from __future__ import annotations

import os

#: The exercises of the days, as the landing page's table lists them.
EXERCISES = {"pemetaan_isu": "Hari 2", "asesmen_mandiri": "Hari 4"}


def on_server() -> bool:
    return bool(os.environ.get("JUPYTERHUB_USER"))


def where_exercises(server: bool | None = None) -> str:
    """Markdown: where the exercises are and how to hand them in, where this runs."""
    server = on_server() if server is None else server
    names = ", ".join(f"`{name}` ({day})" for name, day in EXERCISES.items())
    if server:
        return (
            f"**Anda bekerja di server kelas** (akun `{os.environ.get('JUPYTERHUB_USER', '')}`)."
            f" Latihan ({names}) **tidak** ada di folder Anda sebelum diambil: buka menu "
            "**Nbgrader → Daftar Latihan**, tekan **Ambil** pada latihan yang sudah dirilis "
            "pelatih, lalu kerjakan notebook di folder yang muncul (misalnya `pemetaan_isu/`). "
            "Setelah selesai dan disimpan (Ctrl+S), tekan **Kumpulkan** di tab yang sama. Nilai "
            "tercatat atas akun Anda, jadi jangan meminjamkan PIN Anda.")
    return (
        f"**Anda bekerja di laptop.** Latihan ({names}) ada di folder `exercises/release/`, "
        "misalnya `exercises/release/pemetaan_isu/pemetaan_isu.ipynb`. Kerjakan di berkas itu "
        "dan simpan dengan Ctrl+S; fasilitator menjelaskan cara mengumpulkannya. Di laptop "
        "tidak ada akun: identitas Anda adalah id peserta yang Anda ketik di latihan.")


def show() -> None:
    """Display :func:`where_exercises` in the notebook."""
    from IPython.display import Markdown, display

    display(Markdown(where_exercises()))
