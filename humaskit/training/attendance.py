"""The *daftar hadir*: who attended which session, and the JP each participant earned.

The facilitator keeps one CSV per cohort, ``daftar_hadir.csv``, one row per participant and
session (``id_peserta, sesi, hadir``; ``hadir`` is ``ya`` or ``tidak``). Every row is checked
against the cohort roster and the sessions of the schedule; a problem is reported with the
file, row and column, and nothing is built from a file with problems, since certificates
depend on it. :func:`template` writes a blank sheet to fill in.

Where the room uses the classroom server, :func:`prefill` fills the sheet in advance from the
server's record of sign-ins and saves (:mod:`humaskit.server.activity`): present where the
participant signed in or saved work during the session. Each row says why in the column
``dasar``; the facilitator checks the sheet against the room and corrects it before it
counts. A running server or an open tab is never taken as presence.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera import Check, Column

from humaskit import safe_text
from humaskit.datasets.validation import DatasetError, Problem, read_csv, validate
from humaskit.number_format import angka, compact
from humaskit.training import curriculum
from humaskit.training.schedule import Session, whole_jp

FILE = "daftar_hadir.csv"
COLUMNS = ["id_peserta", "nama", "sesi", "hadir"]
#: Why a pre-filled row says what it says; the facilitator may note a correction there too.
BASIS = "dasar"
#: Activity this long before a session's first lesson counts for it (arriving, signing in).
EARLY = dt.timedelta(minutes=15)
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
        BASIS: Column(str, nullable=True, required=False),
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
                f"kehadiran {angka(share, 1)}% di bawah ambang {compact(threshold)}%"
                + (f"; tidak hadir: {', '.join(s.id for s in sessions if s.id not in attended)}"
                   if attended != [s.id for s in sessions] else "")),
        })
    return pd.DataFrame(rows)


def total_jp(sessions: list[Session]) -> int:
    return whole_jp(sum(s.minutes for s in sessions))


def window(session: Session, start: dt.date, tz: dt.tzinfo | None = None
           ) -> tuple[dt.datetime, dt.datetime]:
    """When ``session`` runs: from :data:`EARLY` before its first lesson to the end of its
    last, on its day of a training that starts on ``start``, in ``tz`` (default: this
    machine's time zone, the room's clock)."""
    counted = [r for r in session.rows if r.counted]
    day = start + dt.timedelta(days=session.day - 1)

    def at(minute: int) -> dt.datetime:
        moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
        return moment.replace(tzinfo=tz) if tz else moment.astimezone()

    return at(counted[0].start) - EARLY, at(counted[-1].end)


def prefill(events: list[dict], roster: dict, sessions: list[Session], start: dt.date,
            tz: dt.tzinfo | None = None) -> pd.DataFrame:
    """The attendance sheet filled in from the server's ``events`` (``waktu``, ``akun``,
    ``jenis`` ``masuk`` or ``simpan``): ``ya`` where the participant (account = roster id in
    lower case) signed in or saved during the session's :func:`window`, with the evidence in
    :data:`BASIS`; ``tidak`` otherwise, saying that nothing was recorded."""
    ids = {pid.lower(): pid for pid in roster}
    times: dict[str, list[tuple[dt.datetime, str]]] = {}
    for event in events:
        try:
            when = dt.datetime.fromisoformat(event["waktu"])
        except (KeyError, TypeError, ValueError):
            continue
        when = when if when.tzinfo else when.astimezone()
        if event.get("akun") in ids and event.get("jenis") in ("masuk", "simpan"):
            times.setdefault(ids[event["akun"]], []).append((when, event["jenis"]))
    rows = []
    for s in sessions:
        begin, end = window(s, start, tz)
        for pid, who in roster.items():
            seen = sorted(t for t in times.get(pid, []) if begin <= t[0] <= end)
            rows.append({"id_peserta": pid, "nama": who.nama, "sesi": s.id,
                         "hadir": YES if seen else NO, BASIS: _evidence(seen, begin, end)})
    return pd.DataFrame(rows, columns=[*COLUMNS, BASIS])


def _evidence(seen: list[tuple[dt.datetime, str]], begin: dt.datetime, end: dt.datetime) -> str:
    clock = "{:%H.%M}".format
    if not seen:
        return (f"otomatis: tidak ada masuk atau simpanan tercatat di server "
                f"{clock(begin)}–{clock(end)}")
    said = []
    signed = [t for t, kind in seen if kind == "masuk"]
    saved = [t for t, kind in seen if kind == "simpan"]
    if signed:
        said.append("masuk " + ", ".join(clock(t) for t in signed[:3])
                    + (" …" if len(signed) > 3 else ""))
    if saved:
        said.append(f"{len(saved)} kali menyimpan pekerjaan "
                    + (clock(saved[0]) if len(saved) == 1
                       else f"{clock(saved[0])}–{clock(saved[-1])}"))
    return "otomatis: " + "; ".join(said)
