"""*Evaluasi penyelenggaraan*: participants rate each day and the whole training, and the
workshop measures itself with the method it teaches on Day 1.

Five elements (materi, fasilitator, sarana, waktu, manfaat), each rated 1–4 like an SKM
answer, with open comments. The index is computed as the SKM is: the mean of each element
(its NRR), the weighted sum with equal weights (1/5) times 25, and the PermenPANRB 14/2017
grade band. It is an **SKM-style index of this workshop, not an official SKM**, and every
output says so.

Answers arrive two ways, both checked: the form in the day notebooks saves
``evaluasi_penyelenggaraan.json`` (collected into a folder), and paper forms are typed into
``evaluasi.csv``. A damaged answers file is reported by name and left out; it never stops the
others.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import pandera.pandas as pa
from pandera import Check, Column

from humaskit import satisfaction
from humaskit.datasets.validation import DatasetError, Problem, read_csv, validate

ELEMENTS = {
    "materi": "Materi sesuai dengan kebutuhan tugas saya",
    "fasilitator": "Fasilitator menguasai materi dan menjelaskannya dengan jelas",
    "sarana": "Sarana dan prasarana (ruang, laptop, jaringan lokal) mendukung belajar",
    "waktu": "Waktu cukup dan jadwal ditepati",
    "manfaat": "Pelatihan bermanfaat untuk pekerjaan saya di daerah",
}
FORMS = {"hari1": "Hari 1", "hari2": "Hari 2", "hari3": "Hari 3", "hari4": "Hari 4",
         "akhir": "Akhir pelatihan"}
SCALE = {1: "Tidak baik", 2: "Kurang baik", 3: "Baik", 4: "Sangat baik"}
ANSWER_FILE = "evaluasi_penyelenggaraan.json"
CSV_FILE = "evaluasi.csv"
COLUMNS = ["formulir", *ELEMENTS, "komentar"]
LABEL = ("Indeks kepuasan peserta bergaya SKM (rumus PermenPANRB 14/2017 diterapkan pada "
         "lima unsur evaluasi lokakarya); bukan SKM resmi unit pelayanan.")
MAX_FILE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Index:
    """Per-element means, the index (25–100) and its band."""

    elements: pd.DataFrame
    value: float
    mutu: str
    kinerja: str
    responses: int


def index(responses: pd.DataFrame) -> Index:
    """The SKM-style index: mean per element, Σ(mean × 1/5) × 25, grade band."""
    if responses.empty:
        raise DatasetError("evaluasi", [Problem(None, None, "belum ada jawaban evaluasi.")])
    means = [float(responses[e].mean()) for e in ELEMENTS]
    value = sum(m / len(ELEMENTS) for m in means) * satisfaction.SCALE
    mutu, kinerja = satisfaction.grade_band(value)
    table = pd.DataFrame({"unsur": list(ELEMENTS), "pernyataan": list(ELEMENTS.values()),
                          "rata_rata": means,
                          "nilai_konversi": [m * satisfaction.SCALE for m in means]})
    return Index(table, value, mutu, kinerja, len(responses))


def by_form(responses: pd.DataFrame) -> pd.DataFrame:
    """Per form (day, end): responses, index, band."""
    rows = []
    for form, label in FORMS.items():
        part = responses[responses["formulir"] == form]
        if part.empty:
            continue
        result = index(part)
        rows.append({"formulir": label, "responden": result.responses, "indeks": result.value,
                     "mutu": result.mutu, "kinerja": result.kinerja})
    return pd.DataFrame(rows)


def comments(responses: pd.DataFrame) -> pd.DataFrame:
    """Every distinct non-empty comment per form, with how many wrote it, forms in order."""
    said = responses.assign(komentar=responses["komentar"].fillna("").str.strip())
    said = said[said["komentar"] != ""]
    counted = said.groupby(["formulir", "komentar"], as_index=False).size().rename(
        columns={"size": "jumlah"})
    counted["urutan"] = counted["formulir"].map(list(FORMS).index)
    counted = counted.sort_values(["urutan", "jumlah", "komentar"],
                                  ascending=[True, False, True])
    return counted.assign(formulir=counted["formulir"].map(FORMS))[
        ["formulir", "komentar", "jumlah"]].reset_index(drop=True)


def chart(result: Index) -> alt.Chart:
    """Mean per element on the 1–4 scale, coloured by the band of mean × 25."""
    table = result.elements.assign(
        mutu=[satisfaction.grade_band(v)[0] for v in result.elements["nilai_konversi"]])
    return alt.Chart(table).mark_bar().encode(
        x=alt.X("rata_rata:Q", scale=alt.Scale(domain=[0, 4]), title="Rata-rata (1–4)"),
        y=alt.Y("unsur:N", sort=list(ELEMENTS), title=None),
        color=alt.Color("mutu:N", title="Mutu (×25)", scale=alt.Scale(
            domain=list(satisfaction.BAND_COLOURS),
            range=list(satisfaction.BAND_COLOURS.values()))),
        tooltip=["unsur", "pernyataan", alt.Tooltip("rata_rata:Q", format=".2f")],
    ).properties(width=380, height=160, title="Evaluasi penyelenggaraan per unsur")


def _schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema({
        "formulir": Column(str, Check.isin(list(FORMS))),
        **{e: Column(int, Check.in_range(1, 4), coerce=True) for e in ELEMENTS},
        "komentar": Column(str, nullable=True, required=False),
    }, strict=True)


def read_sheet(path: Path) -> pd.DataFrame:
    """Paper forms typed into ``evaluasi.csv`` (``formulir, materi, …, komentar``)."""
    frame = read_csv(path, path.name)
    checked = validate(frame, _schema(), path.name)
    if "komentar" not in checked:
        checked["komentar"] = ""
    return checked[COLUMNS]


def read_answers(folder: Path) -> tuple[pd.DataFrame, list[Problem]]:
    """Every answers file (``*.json``) in ``folder``: the rows, and a problem per file that
    could not be used (left out; the others are read)."""
    rows, problems = [], []
    for path in sorted(folder.glob("*.json")):
        if path.is_symlink() or not path.is_file():
            problems.append(Problem(None, path.name, "bukan berkas biasa; dilewati."))
            continue
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError
            data = json.loads(path.read_text(encoding="utf-8"))
            found = {form: _row(data[form]) for form in FORMS if isinstance(data.get(form), dict)}
        except (OSError, ValueError, AttributeError):
            problems.append(Problem(None, path.name, "berkas rusak, terlalu besar, atau bukan "
                                                     "jawaban formulir evaluasi; dilewati."))
            continue
        rows += [{"formulir": form, **row} for form, row in found.items() if row]
        problems += [Problem(None, path.name, f"formulir {FORMS[form]} belum lengkap; tidak "
                                              "dihitung.") for form, row in found.items()
                     if row is None]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for element in ELEMENTS:
        frame[element] = frame[element].astype("int64")
    return frame, problems


def _row(given: dict) -> dict | None:
    """One form's answers, or None if it is incomplete (a form left half-filled)."""
    values = {e: given.get(e) for e in ELEMENTS}
    if not all(isinstance(v, int) and not isinstance(v, bool) and v in SCALE
               for v in values.values()):
        return None
    comment = given.get("komentar")
    return {**values, "komentar": comment if isinstance(comment, str) else ""}
