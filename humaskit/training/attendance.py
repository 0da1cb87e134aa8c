"""The *daftar hadir*: who attended which session, and the JP each participant earned.

The facilitator keeps one CSV per cohort, ``daftar_hadir.csv``, one row per participant and
session (``id_peserta, sesi, hadir``; ``hadir`` is ``ya`` or ``tidak``). Every row is checked
against the cohort roster and the sessions of the schedule; a problem is reported with the
file, row and column, and nothing is built from a file with problems, since certificates
depend on it. :func:`template` writes a blank sheet to fill in.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera import Check, Column

from humaskit import safe_text
from humaskit.datasets.validation import DatasetError, Problem, read_csv, validate
from humaskit.training import curriculum
from humaskit.training.schedule import Session, whole_jp

FILE = "daftar_hadir.csv"
COLUMNS = ["id_peserta", "nama", "sesi", "hadir"]
YES, NO = "ya", "tidak"
#: Share of the training's minutes a participant must attend to receive a certificate (%).
DEFAULT_THRESHOLD = 90.0


def template(roster: dict, sessions: list[Session], path: Path) -> Path:
    """A blank attendance sheet: every participant × session, ``hadir`` left empty."""
    rows = [{"id_peserta": pid, "nama": who.nama, "sesi": s.id, "hadir": ""}
            for s in sessions for pid, who in roster.items()]
    safe_text.to_csv(pd.DataFrame(rows, columns=COLUMNS), path, encoding="utf-8")
    return path


def read(path: Path, roster: dict, sessions: list[Session]) -> pd.DataFrame:
    """The attendance as ``id_peserta, sesi, hadir`` (bool), or DatasetError naming every
    unknown participant, impossible session, repeated row and unreadable mark."""
    source = path.name
    frame = read_csv(path, source)
    ids, known = set(roster), [s.id for s in sessions]
    schema = pa.DataFrameSchema({
        "id_peserta": Column(str, Check(lambda s: s.isin(ids), element_wise=False,
                                        name="peserta ini tidak ada di daftar peserta kohort.")),
        "nama": Column(str, nullable=True, required=False),
        "sesi": Column(str, Check(lambda s: s.isin(known), element_wise=False,
                                  name="sesi ini tidak ada di jadwal (sesi yang sah: "
                                       + ", ".join(known) + ").")),
        "hadir": Column(str, Check(lambda s: s.str.strip().str.lower().isin([YES, NO]),
                                   element_wise=False, name="isi 'ya' atau 'tidak'.")),
    }, strict=True)
    problems = _repeated(frame)
    try:
        checked = validate(frame, schema, source)
    except DatasetError as error:
        problems = sorted(error.problems + problems, key=lambda p: (p.row or 0, p.column or ""))
    if problems:
        raise DatasetError(source, problems)
    return pd.DataFrame({"id_peserta": checked["id_peserta"], "sesi": checked["sesi"],
                         "hadir": checked["hadir"].str.strip().str.lower() == YES})


def _repeated(frame: pd.DataFrame) -> list[Problem]:
    """A participant and session written twice: name both rows (spreadsheet numbering)."""
    if not {"id_peserta", "sesi"} <= set(frame.columns):
        return []
    first: dict[tuple, int] = {}
    found = []
    for index, pid, session in zip(frame.index, frame["id_peserta"], frame["sesi"]):
        row = index + 2
        if (pid, session) in first:
            found.append(Problem(row, "sesi", f"peserta '{pid}' pada sesi '{session}' sudah "
                                              f"tercatat di baris {first[(pid, session)]}."))
        else:
            first[(pid, session)] = row
    return found


def summary(records: pd.DataFrame, roster: dict, sessions: list[Session],
            threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Per participant: sessions attended, minutes, JP (the whole JP of the sessions
    attended, :func:`curriculum.allocate`), % of the training's minutes, and whether the
    certificate threshold (≥ ``threshold`` %) is met, with the reason if not. A session with
    no row for a participant counts as not attended."""
    minutes = {s.id: s.minutes for s in sessions}
    jp = curriculum.allocate(sessions)
    total = sum(minutes.values())
    rows = []
    for pid, who in roster.items():
        mine = records[(records["id_peserta"] == pid) & records["hadir"]]
        attended = [s.id for s in sessions if s.id in set(mine["sesi"])]
        done = sum(minutes[s] for s in attended)
        share = 100 * done / total if total else 0.0
        meets = round(share, 9) >= round(threshold, 9)
        rows.append({
            "id": pid, "nama": who.nama, "instansi": who.instansi,
            "sesi_hadir": len(attended), "sesi_total": len(sessions), "menit": done,
            "jp": sum(jp[s] for s in attended), "persen_kehadiran": share, "memenuhi": meets,
            "alasan": "" if meets else (
                f"kehadiran {share:.1f}% di bawah ambang {threshold:g}%".replace(".", ",")
                + (f"; tidak hadir: {', '.join(s.id for s in sessions if s.id not in attended)}"
                   if attended != [s.id for s in sessions] else "")),
        })
    return pd.DataFrame(rows)


def total_jp(sessions: list[Session]) -> int:
    return whole_jp(sum(s.minutes for s in sessions))
