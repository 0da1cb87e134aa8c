"""*Evaluasi pengajar dan penyelenggaraan*: participants rate the teacher of each session and,
at the end, the organisation of the training; the workshop measures itself with the method it
teaches on Day 1.

Each day's form rates the teacher (*fasilitator* or *narasumber*) of every session of that
day on seven aspects; the final form rates the organisation on six elements (meals only
where the organiser provided them). Each aspect is answered 1–4 like an SKM answer, with an
open comment per form. An index is computed as the SKM is: the mean of each element (its
NRR), the sum with equal weights times 25, and the PermenPANRB 14/2017 grade band. It is an
**SKM-style index of this workshop, not an official SKM**, and every output says so.

Answers arrive two ways, both checked: the form in the day notebooks saves
``evaluasi_penyelenggaraan.json`` (collected into a folder), and paper forms are typed into
``evaluasi_pengajar.csv`` and ``evaluasi_penyelenggaraan.csv``. A damaged answers file is
reported by name and left out; it never stops the others.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import pandera.pandas as pa
from pandera import Check, Column

from humaskit import satisfaction
from humaskit.datasets.validation import DatasetError, Problem, read_csv, validate

#: Aspects of a teacher, rated for each session taught.
TEACHER = {
    "penguasaan": "Penguasaan materi",
    "sistematika": "Sistematika penyajian",
    "metode": "Ketepatan metode pembelajaran",
    "waktu": "Disiplin waktu",
    "media": "Penggunaan media dan alat bantu",
    "tanya_jawab": "Cara menjawab pertanyaan peserta",
    "sikap": "Sikap dan perilaku",
}
#: Elements of the organisation, rated once at the end.
ORGANISATION = {
    "panitia": "Pelayanan panitia penyelenggara",
    "tempat": "Tempat dan ruang pelatihan (termasuk laptop dan jaringan lokal)",
    "bahan": "Bahan dan materi pelatihan",
    "konsumsi": "Konsumsi (makan dan rehat)",
    "jadwal": "Kesesuaian jadwal dan ketepatan waktu",
    "informasi": "Informasi sebelum pelatihan",
}
MEALS = "konsumsi"
#: A session of a day with a form, as the schedule names it.
SESSION = r"H[1-4]-(pagi|siang)"
#: The form that rates the organisation; the others rate the teachers of their day.
FINAL = "akhir"
FORMS = {"hari1": "Hari 1", "hari2": "Hari 2", "hari3": "Hari 3", "hari4": "Hari 4",
         FINAL: "Akhir pelatihan"}
SCALE = {1: "Tidak baik", 2: "Kurang baik", 3: "Baik", 4: "Sangat baik"}
#: The answer a participant gives to the meals element where none were provided.
NOT_PROVIDED = 0
ANSWER_FILE = "evaluasi_penyelenggaraan.json"
TEACHER_CSV = "evaluasi_pengajar.csv"
ORGANISATION_CSV = "evaluasi_penyelenggaraan.csv"
#: One row per rated block: a session's teacher (``sesi`` = session id) or the organisation
#: (``sesi`` empty); aspects that do not apply are empty (NaN).
COLUMNS = ["formulir", "sesi", *TEACHER, *ORGANISATION, "komentar"]
LABEL = ("Indeks bergaya SKM (rumus PermenPANRB 14/2017: rata-rata per unsur, bobot sama, "
         "× 25, mutu A–D) yang diterapkan pada evaluasi pelatihan ini; bukan SKM resmi unit "
         "pelayanan.")
MAX_FILE_BYTES = 256 * 1024
#: A form's comments reach the report only when at least this many participants filled it
#: in, so that a lone comment cannot be traced to whoever wrote it.
MIN_FOR_COMMENTS = 5


def day_form(day: int) -> str:
    return f"hari{day}"


@dataclass(frozen=True)
class Index:
    """Per-element means, the index (25–100) and its band."""

    elements: pd.DataFrame
    value: float
    mutu: str
    kinerja: str
    responses: int


def index(responses: pd.DataFrame, elements: dict[str, str]) -> Index:
    """The SKM-style index over ``elements``: mean per element (answers given), the sum of
    means with equal weights × 25, the grade band. An element nobody rated (meals not
    provided) is left out, and the weights are shared among the others."""
    rated = {e: responses[e].dropna() for e in elements if e in responses}
    rated = {e: v for e, v in rated.items() if not v.empty}
    if responses.empty or not rated:
        raise DatasetError("evaluasi", [Problem(None, None, "belum ada jawaban evaluasi.")])
    means = {e: float(v.mean()) for e, v in rated.items()}
    value = sum(means.values()) / len(means) * satisfaction.SCALE
    mutu, kinerja = satisfaction.grade_band(value)
    table = pd.DataFrame({"unsur": list(means), "pernyataan": [elements[e] for e in means],
                          "rata_rata": list(means.values()),
                          "nilai_konversi": [m * satisfaction.SCALE for m in means.values()]})
    return Index(table, value, mutu, kinerja, len(responses))


def teachers(responses: pd.DataFrame) -> pd.DataFrame:
    """The teacher-rating rows (one per participant and session)."""
    return responses[responses["sesi"].fillna("") != ""]


def organisation(responses: pd.DataFrame) -> pd.DataFrame:
    return responses[responses["sesi"].fillna("") == ""]


def by_session(responses: pd.DataFrame) -> pd.DataFrame:
    """Per session rated: responses, index and band, best first (ties in session order)."""
    rows = []
    for session, part in teachers(responses).groupby("sesi", sort=False):
        result = index(part, TEACHER)
        rows.append({"sesi": session, "responden": result.responses, "indeks": result.value,
                     "mutu": result.mutu, "kinerja": result.kinerja})
    frame = pd.DataFrame(rows, columns=["sesi", "responden", "indeks", "mutu", "kinerja"])
    return frame.sort_values("indeks", ascending=False, kind="stable").reset_index(drop=True)


def by_teacher(responses: pd.DataFrame, taught: dict[str, list[str]]) -> pd.DataFrame:
    """Per teacher (name -> sessions taught): the index over every rating of those sessions,
    best first; a teacher whose sessions nobody rated is listed with no index."""
    rated = teachers(responses)
    rows = []
    for name, sessions in taught.items():
        part = rated[rated["sesi"].isin(sessions)]
        result = index(part, TEACHER) if not part.empty else None
        rows.append({"pengajar": name, "sesi": ", ".join(sessions),
                     "responden": result.responses if result else 0,
                     "indeks": result.value if result else None,
                     "mutu": result.mutu if result else None,
                     "kinerja": result.kinerja if result else None})
    frame = pd.DataFrame(rows, columns=["pengajar", "sesi", "responden", "indeks", "mutu",
                                        "kinerja"])
    return frame.sort_values("indeks", ascending=False, kind="stable",
                             na_position="last").reset_index(drop=True)


def comments(responses: pd.DataFrame) -> pd.DataFrame:
    """Every distinct non-empty comment per form, with how many wrote it, forms in order."""
    said = responses.assign(komentar=responses["komentar"].fillna("").astype(str).str.strip())
    said = said[said["komentar"] != ""]
    counted = said.groupby(["formulir", "komentar"], as_index=False).size().rename(
        columns={"size": "jumlah"})
    counted["urutan"] = counted["formulir"].map(list(FORMS).index)
    counted = counted.sort_values(["urutan", "jumlah", "komentar"],
                                  ascending=[True, False, True])
    return counted.assign(formulir=counted["formulir"].map(FORMS))[
        ["formulir", "komentar", "jumlah"]].reset_index(drop=True)


def respondents(responses: pd.DataFrame) -> dict[str, int]:
    """How many participants filled in each form: a day form's rows are one per participant
    and session, so its count is that of its most-rated session."""
    counted = responses.assign(sesi=responses["sesi"].fillna("")).groupby(
        ["formulir", "sesi"]).size()
    return {form: int(n) for form, n in counted.groupby(level=0).max().items()}


def shown_comments(responses: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """:func:`comments` of the forms at least :data:`MIN_FOR_COMMENTS` participants filled
    in, and the forms whose comments are withheld (form name -> participants)."""
    counts = respondents(responses)
    few = {form for form, n in counts.items() if n < MIN_FOR_COMMENTS}
    said = comments(responses[~responses["formulir"].isin(few)])
    return said, {FORMS[f]: counts[f] for f in FORMS if f in few}


def chart(result: Index, title: str) -> alt.Chart:
    """Mean per element on the 1–4 scale, coloured by the band of mean × 25."""
    table = result.elements.assign(
        mutu=[satisfaction.grade_band(v)[0] for v in result.elements["nilai_konversi"]])
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("rata_rata:Q", scale=alt.Scale(domain=[0, 4]), title="Rata-rata (1–4)"),
        y=alt.Y("pernyataan:N", sort=list(table["pernyataan"]), title=None),
        color=alt.Color("mutu:N", title="Mutu (×25)", scale=alt.Scale(
            domain=list(satisfaction.BAND_COLOURS),
            range=list(satisfaction.BAND_COLOURS.values()))),
        tooltip=["pernyataan", alt.Tooltip("rata_rata:Q", format=".2f")],
    ).properties(width=340, height=24 * len(table), title=title)


# --- reading the answers ----------------------------------------------------------------

def _rating(column: str, optional: bool = False) -> Column:
    allowed = [NOT_PROVIDED, *SCALE] if optional else list(SCALE)
    return Column(float, Check.isin(allowed), nullable=optional, coerce=True,
                  required=not optional)


def read_sheet(path: Path) -> pd.DataFrame:
    """Paper forms typed in: ``evaluasi_pengajar.csv`` (``sesi``, the seven aspects,
    ``komentar``) or ``evaluasi_penyelenggaraan.csv`` (the six elements, ``komentar``;
    ``konsumsi`` empty or 0 where no meals were provided)."""
    frame = read_csv(path, path.name)
    teacher = path.name == TEACHER_CSV
    elements = TEACHER if teacher else ORGANISATION
    schema = pa.DataFrameSchema({
        **({"sesi": Column(str, Check(lambda v: v.str.fullmatch(SESSION), element_wise=False,
                                      name="tulis sesi seperti H2-pagi atau H3-siang."))}
           if teacher else {}),
        **{e: _rating(e, optional=e == MEALS) for e in elements},
        "komentar": Column(str, nullable=True, required=False),
    }, strict=True)
    checked = validate(frame, schema, path.name)
    rows = [_block(day_form(int(s[1])) if teacher else FINAL,
                   s if teacher else "", dict(r), r.get("komentar"))
            for s, r in zip(checked.get("sesi", [""] * len(checked)),
                            checked.to_dict("records"))]
    return pd.DataFrame(rows, columns=COLUMNS)


def read_answers(folder: Path) -> tuple[pd.DataFrame, list[Problem]]:
    """Every answers file (``*.json``) in ``folder``: the rows, and a problem per file that
    could not be used (left out; the others are read). ``Problem.column`` is the file name."""
    rows, problems = [], []
    for path in sorted(folder.glob("*.json")):
        if path.is_symlink() or not path.is_file():
            problems.append(Problem(None, path.name, "bukan berkas biasa; dilewati."))
            continue
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError
            data = json.loads(path.read_text(encoding="utf-8"))
            found = {form: _form(form, data[form]) for form in FORMS
                     if isinstance(data.get(form), dict)}
        except (OSError, ValueError, AttributeError):
            problems.append(Problem(None, path.name, "berkas rusak, terlalu besar, atau bukan "
                                                     "jawaban formulir evaluasi; dilewati."))
            continue
        rows += [row for blocks in found.values() if blocks for row in blocks]
        problems += [Problem(None, path.name, f"formulir {FORMS[form]} belum lengkap; tidak "
                                              "dihitung.") for form, blocks in found.items()
                     if blocks is None]
    return pd.DataFrame(rows, columns=COLUMNS), problems


def record(data: object) -> tuple[dict, list[str]]:
    """The anonymous record of one participant's answers file: its complete forms with only
    the ratings and the comment (no save time, no other key a file may carry), and why each
    form left out was left out."""
    if not isinstance(data, dict):
        return {}, ["bukan jawaban formulir evaluasi."]
    kept, left_out = {}, []
    for form, given in data.items():
        if form not in FORMS:
            continue
        blocks = _anonymous(form, given) if isinstance(given, dict) else None
        if blocks is None or _form(form, blocks) is None:
            left_out.append(f"formulir {FORMS[form]} belum lengkap; tidak dihitung.")
        else:
            kept[form] = blocks
    return kept, left_out


def _anonymous(form: str, given: dict) -> dict | None:
    comment = given.get("komentar")
    comment = comment.strip() if isinstance(comment, str) else ""
    if form == FINAL:
        return {**{e: given.get(e) for e in ORGANISATION}, "komentar": comment}
    sessions = {k: v for k, v in given.items() if k != "komentar"}
    if not all(isinstance(k, str) and re.fullmatch(SESSION, k) and k[1] == form[-1]
               and isinstance(v, dict) for k, v in sessions.items()):
        return None
    return {**{k: {e: v.get(e) for e in TEACHER} for k, v in sessions.items()},
            "komentar": comment}


def _valid(value, optional: bool = False) -> bool:
    if optional and value in (None, NOT_PROVIDED):
        return True
    return isinstance(value, int) and not isinstance(value, bool) and value in SCALE


def _block(form: str, session: str, given: dict, comment) -> dict:
    row = dict.fromkeys(COLUMNS, math.nan)
    elements = TEACHER if session else ORGANISATION
    for e in elements:
        value = given.get(e)
        row[e] = (math.nan if value is None or (isinstance(value, float) and math.isnan(value))
                  or value == NOT_PROVIDED else float(value))
    row.update(formulir=form, sesi=session,
               komentar=comment if isinstance(comment, str) else "")
    return row


def _form(form: str, given: dict) -> list[dict] | None:
    """One form's rows, or None if it is incomplete (a form left half-filled). A day form
    holds one block per session (``{"H2-pagi": {...}, "komentar": "…"}``)."""
    comment = given.get("komentar")
    if form == FINAL:
        if not all(_valid(given.get(e), e == MEALS) for e in ORGANISATION):
            return None
        return [_block(form, "", given, comment)]
    sessions = {k: v for k, v in given.items() if k != "komentar"}
    if not sessions or not all(
            isinstance(k, str) and k.startswith(f"H{form[-1]}-") and isinstance(v, dict)
            and all(_valid(v.get(e)) for e in TEACHER) for k, v in sessions.items()):
        return None
    return [_block(form, k, v, comment if n == 0 else "")
            for n, (k, v) in enumerate(sessions.items())]
