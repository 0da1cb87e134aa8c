"""nbgrader's formgrader on a kit course, for hand grading only.

Formgrader's *Collect* and *Autograde* buttons run stock nbgrader: collection without the
kit's checks, and participant code with the trainer's rights outside the sandbox
(:mod:`humaskit.grading.sandbox`). For every course of the kit they are refused through
nbgrader's own configuration, before anything in the course is touched (stock autograde with
``force`` would first delete the sandboxed result the asesor grades by hand): the refusal
names the command that does the job safely, and formgrader shows it in its error window.

The cohort folder ``humaskit grade`` writes (``--out``) holds the course and gradebook the
asesor opens here, so the hand grades entered in formgrader are the ones ``grade export``,
``grade report`` and ``humaskit laporan`` read: on a laptop through :func:`open_command`; on
the classroom server the trainer's own formgrader opens the cohort folder in the trainer's
home (:func:`trainer_config`), which ``grade`` (run as root) hands to the trainer
(:func:`hand_over`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nbconvert.exporters import NotebookExporter
from nbgrader.converters.base import NbGraderException
from nbgrader.exchange.default.collect import ExchangeCollect
from traitlets import Unicode
from traitlets.config import Config

from humaskit.exercises import course
from humaskit.grading.workspace import Workspace

CONFIG_FILE = "nbgrader_config.py"
REFUSED = ("{button} nbgrader (tombol di Formgrader dan perintah nbgrader) dimatikan untuk "
           "kursus humaskit: langkah itu {why}. Jalankan di terminal: {command}. Sesudah itu "
           "muat ulang halaman Formgrader.")


class AutogradeRefused(NotebookExporter):
    """Stands in for the exporter of nbgrader's Autograde: refuses when it is made, which is
    before autograde removes or writes anything."""

    command = Unicode("", help="the kit's command that grades in the sandbox").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        _refuse(self, "Autograde",
                "menjalankan kode peserta tanpa sandbox dan dengan hak akun pelatih")


class CollectRefused(ExchangeCollect):
    """Stands in for nbgrader's Collect: the kit collects with its own checks."""

    command = Unicode("", help="the kit's command that collects").tag(config=True)

    def start(self):
        _refuse(self, "Collect", "mengumpulkan kiriman tanpa pemeriksaan kit")


def _refuse(step, button: str, why: str):
    """Log the refusal (the ``nbgrader`` command shows only the log) and stop the step."""
    message = REFUSED.format(button=button, why=why, command=step.command)
    step.log.error(message)
    raise NbGraderException(message)


def refuse_unsandboxed(cfg: Config, autograde: str, collect: str) -> Config:
    """Make nbgrader's autograde and collect (formgrader's buttons, the ``nbgrader`` command)
    refuse with the kit's commands; the kit's own pipeline builds its config in code and never
    reads these files."""
    cfg.Autograde.exporter_class = f"{__name__}.AutogradeRefused"
    cfg.AutogradeRefused.command = autograde
    cfg.ExchangeFactory.collect = f"{__name__}.CollectRefused"
    cfg.CollectRefused.command = collect
    return cfg


def cohort_config(ws: Workspace) -> Config:
    """nbgrader configuration of a cohort's course: its gradebook, the buttons refused."""
    out = ws.out
    cfg = course.config(ws.course, ws.db_url())
    return refuse_unsandboxed(
        cfg, autograde=f".venv/bin/humaskit grade autograde --out {out}",
        collect=f".venv/bin/humaskit grade collect SUMBER --out {out}")


def trainer_config(own: Path, cohort: Path, command: str) -> Config:
    """The classroom trainer's nbgrader configuration: nbgrader's commands (generate, release)
    work in the trainer's own course ``own``; formgrader alone opens the cohort course that
    ``humaskit grade`` wrote in ``cohort`` (a setting scoped to formgrader's course
    directory); autograde and collect refused, naming ``command``."""
    cfg = refuse_unsandboxed(course.config(own), autograde=command, collect=command)
    graded = Workspace(Path(cohort))
    cfg.FormgradeExtension.CourseDirectory.root = str(graded.course)
    cfg.FormgradeExtension.CourseDirectory.db_url = graded.db_url()
    return cfg


def hand_over(ws: Workspace) -> None:
    """Give what ``grade`` wrote to the owner of the cohort folder when root wrote it into a
    folder someone else owns (the trainer's, made by ``humaskit server setup``), so that
    formgrader, running as the trainer, reads the course and writes the gradebook. Modes stay
    as written inside the folder, which is the trainer's alone (mode 700). No link is
    followed: each name is changed relative to its open parent folder."""
    if os.geteuid() != 0 or not ws.out.is_dir():
        return
    owner = ws.out.stat()
    if owner.st_uid == 0:
        return
    for _folder, folders, files, fd in os.fwalk(ws.out):
        for name in folders + files:
            os.chown(name, owner.st_uid, owner.st_gid, dir_fd=fd, follow_symlinks=False)


def write_config(ws: Workspace) -> Path:
    """``nbgrader_config.py`` in the cohort's course: formgrader started there reads it."""
    path = ws.course / CONFIG_FILE
    path.write_text(
        "# Written by `humaskit grade nilai-manual`: formgrader on this cohort's course,\n"
        "# for hand grading; Autograde and Collect refused (the kit grades in its sandbox).\n"
        "from pathlib import Path\n\n"
        "from humaskit.grading import formgrader\n"
        "from humaskit.grading.workspace import Workspace\n\n"
        "c = get_config()  # noqa: F821\n"
        f"c.merge(formgrader.cohort_config(Workspace(Path({str(ws.out)!r}))))\n",
        encoding="utf-8")
    return path


def open_command(ws: Workspace, port: int, browser: bool) -> list[str]:
    """A Jupyter server on the cohort's course that opens on formgrader."""
    command = [sys.executable, "-m", "jupyter_server", f"--ServerApp.root_dir={ws.course}",
               "--ServerApp.default_url=/formgrader", f"--ServerApp.port={port}",
               f"--ServerApp.open_browser={browser}"]
    # As `make lab`: Jupyter refuses root unless told (a server or a container runs as root).
    return command + ["--allow-root"] if os.geteuid() == 0 else command

