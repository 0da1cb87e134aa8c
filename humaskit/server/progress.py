"""Each participant's progress in the exercise the room is doing, for the facilitator's grid:
how many of its decisions are filled in, when the work was last saved, and where the
exercise's visible checks still fail.

It is read as data. The answers file that the exercise's form saves beside the notebook
(``jawaban_<latihan>.json``) is parsed as JSON and handed to the exercise's own counting and
visible-check functions, which are pure functions of the answers; no participant code runs.
The facilitator's page runs as root and a participant account is hostile, so a file is
opened below its folder without following a link at any step (home, exercise folder, file),
counts only when it is a regular file the participant's own account owns, and is read only up
to :data:`MAX_ANSWERS_BYTES`. Nothing in a home is ever written.

An exercise done in code (``pemetaan_isu_analis``) has no answers file: only its notebook's
last save is shown, since counting its answers would mean running the participant's code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

from humaskit.exercises import answers

#: Largest answers file read (a full sheet is a few kB; the asesmen's a few tens of kB).
MAX_ANSWERS_BYTES = 512 * 1024
FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW


@dataclasses.dataclass(frozen=True)
class Progress:
    """One participant in one exercise. ``filled``/``total`` are None while no answers file
    can be read; ``saved`` is the newest change (Unix time) of the answers file and the
    notebook; ``failing``: the decisions begun whose visible check marks ✘ (a decision not
    yet begun is only not filled in); ``problem``: why the answers file was not counted;
    ``fetched``: whether the exercise's folder is in the home at all."""

    filled: int | None = None
    total: int | None = None
    saved: float | None = None
    failing: tuple[str, ...] = ()
    problem: str = ""
    fetched: bool = True

    @property
    def state(self) -> str:
        """What the grid's colour says: ``belum`` (nothing saved), ``tidak-terbaca``,
        ``perlu-dicek`` (a visible check fails), ``lengkap`` or ``mengerjakan``."""
        if self.problem:
            return "tidak-terbaca"
        if self.filled is None:
            return "belum"
        if self.failing:
            return "perlu-dicek"
        return "lengkap" if self.total and self.filled >= self.total else "mengerjakan"


Measure = Callable[[bytes], tuple[int, int, list[str]]]


def _issue_mapping(data: bytes) -> tuple[int, int, list[str]]:
    from humaskit.exercises.issue_mapping import checks, model

    jawaban = answers.parse(data)[1]
    begun = [name for name in model.DECISIONS if isinstance(jawaban.get(name), dict)
             and any(v is not None for v in jawaban[name].values())]
    failing = [f"Langkah {model.DECISIONS[n].step}: {model.DECISIONS[n].label}" for n in begun
               if checks.failures(n, jawaban)]
    return (*model.count(jawaban), failing)


def _quiz(form: str) -> Measure:
    def measure(data: bytes) -> tuple[int, int, list[str]]:
        from humaskit.exercises.quiz import bank, ui

        return len(ui.letters(form, answers.parse(data)[1])), len(bank.items(form)), []
    return measure


#: The asesmen's visible checks that read only the answers file (the summary and chart
#: checks read objects made in the notebook), with what the grid calls each.
SELF_ASSESSMENT_CHECKS = {"periksa_identitas": "identitas dan skema",
                          "periksa_jawaban": "jawaban K/BK", "periksa_bukti": "bukti",
                          "periksa_rencana": "rencana pengembangan",
                          "periksa_tanggal_rencana": "tanggal target rencana"}


def _self_assessment(data: bytes) -> tuple[int, int, list[str]]:
    from humaskit.exercises.self_assessment import checks
    from humaskit.skkni import apl02, catalog
    from humaskit.skkni.form import Isian

    isian = Isian.from_json(data)
    try:
        elements = catalog.scheme_elements(isian.kode_skema)
    except KeyError:
        elements = None
    table = apl02.normalise(isian.jawaban)
    claimed = {(c, n) for c, n, k in zip(table["kode_unit"], table["no_elemen"],
                                         table["klaim"]) if k in apl02.CLAIMS}
    wanted = [] if elements is None else list(zip(elements["kode_unit"], elements["no_elemen"]))
    failing = []
    with contextlib.redirect_stdout(io.StringIO()):  # a passing check prints a line
        for name, label in SELF_ASSESSMENT_CHECKS.items():
            try:
                getattr(checks, name)(isian)
            except AssertionError:
                failing.append(label)
    return sum(w in claimed for w in wanted), len(wanted), failing


@dataclasses.dataclass(frozen=True)
class Reader:
    """Where an exercise's answers are saved and how they are counted and checked."""

    answers_file: str
    measure: Measure


def readers() -> dict[str, Reader]:
    """The exercises whose progress can be read from an answers file."""
    from humaskit.exercises.issue_mapping import ui as mapping
    from humaskit.exercises.quiz import bank
    from humaskit.exercises.quiz import ui as quiz
    from humaskit.skkni import form

    return {"pemetaan_isu": Reader(mapping.ANSWER_FILE, _issue_mapping),
            "asesmen_mandiri": Reader(form.ANSWER_FILE, _self_assessment),
            **{name: Reader(quiz.answer_file(key), _quiz(key))
               for key, name in bank.FORMS.items()}}


def _owned(folder: int, name: str, uid: int) -> int | None:
    """A descriptor of the regular file ``name`` below ``folder`` that ``uid`` owns (never
    through a link), or None."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    info = os.fstat(fd)
    if stat.S_ISREG(info.st_mode) and info.st_uid == uid:
        return fd
    os.close(fd)
    return None


def changed(folder: int, name: str, uid: int) -> float | None:
    """When the participant's own regular file ``name`` below ``folder`` last changed (its
    ctime, which no participant can set back), or None."""
    fd = _owned(folder, name, uid)
    if fd is None:
        return None
    try:
        return os.fstat(fd).st_ctime
    finally:
        os.close(fd)


def open_folder(home: Path, *names: str) -> int | None:
    """A descriptor of ``home/names...``, each step opened without following a link."""
    try:
        fd = os.open(home, FOLDER_FLAGS)
    except OSError:
        return None
    for name in names:
        try:
            below = os.open(name, FOLDER_FLAGS, dir_fd=fd)
        except OSError:
            below = None
        os.close(fd)
        if below is None:
            return None
        fd = below
    return fd


class Watch:
    """Reads progress, measuring an answers file again only when it changed."""

    def __init__(self) -> None:
        self._known: dict[tuple, tuple[tuple, Progress]] = {}
        self._readers: dict[str, Reader] | None = None

    @property
    def readers(self) -> dict[str, Reader]:
        if self._readers is None:
            self._readers = readers()
        return self._readers

    def progress(self, home: Path, uid: int, assignment: str) -> Progress:
        folder = open_folder(home, assignment)
        if folder is None:
            return Progress(fetched=False)
        try:
            saved = [changed(folder, f"{assignment}.ipynb", uid)]
            reader = self.readers.get(assignment)
            fd = _owned(folder, reader.answers_file, uid) if reader else None
            if fd is None:
                return Progress(saved=saved[0])
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(handle.fileno())
                measured = self._measure(handle, info, (home, assignment), reader)
        finally:
            os.close(folder)
        newest = max(t for t in (*saved, info.st_ctime) if t is not None)
        return dataclasses.replace(measured, saved=newest)

    def _measure(self, handle, info: os.stat_result, key: tuple, reader: Reader) -> Progress:
        version = (info.st_ino, info.st_ctime_ns, info.st_size)
        known = self._known.get(key)
        if known and known[0] == version:
            return known[1]
        if info.st_size > MAX_ANSWERS_BYTES:
            found = Progress(problem=f"berkas {reader.answers_file} lebih dari "
                                     f"{MAX_ANSWERS_BYTES // 1024} kB; tidak dibaca")
        else:
            try:
                filled, total, failing = reader.measure(handle.read(MAX_ANSWERS_BYTES + 1))
                found = Progress(filled, total, failing=tuple(failing))
            except Exception:  # a hostile or damaged file: that participant alone  # noqa: BLE001
                found = Progress(problem=f"isi {reader.answers_file} tidak terbaca sebagai "
                                         "jawaban latihan ini")
        self._known[key] = (version, found)
        return found
