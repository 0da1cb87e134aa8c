"""Crafted submissions of the *Pemetaan Isu* exercise, for tests and the grading pipeline.

``build(name)`` returns a submission notebook made from the source notebook: every answer
cell holds that sample's code (the reference solution, an alternative written differently,
the untouched release stub, or the reference with one common mistake), hidden tests are
removed as in the participant version. ``POINTS`` gives each autograded cell's points,
``LOSES`` the cells each sample is meant to fail (it loses exactly their points).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import nbformat

from humaskit.exercises import course
from humaskit.exercises.issue_analysis import ASSIGNMENT, NOTEBOOK

POINTS = {"cek_duplikat": 1, "cek_tanggal": 1, "cek_topik": 1, "cek_spasi": 1,
          "cek_ringkasan": 2, "cek_tren": 2, "cek_skor": 2, "cek_kategori": 2, "cek_tahap": 2,
          "cek_kuadran": 2, "cek_opd": 1, "cek_koordinator": 2, "cek_pemangku_kunci": 1,
          "cek_grafik": 2}
MANUAL_CELL = "strategi_respons"

_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.DOTALL)

Edit = Callable[[str], str]


def _swap(old: str, new: str) -> Edit:
    """An edit replacing ``old`` (which must occur) by ``new`` in the reference answer."""
    def edit(code: str) -> str:
        if old not in code:
            raise ValueError(f"sample edit does not match the reference answer: {old!r}")
        return code.replace(old, new)
    return edit


def _exchange(first: str, second: str) -> Edit:
    """An edit swapping two texts (both must occur) in the reference answer."""
    def edit(code: str) -> str:
        marker = "\0"
        swapped = _swap(first, marker)(code)
        return _swap(second, first)(swapped).replace(marker, second)
    return edit


#: One common mistake per sample: answer cell -> edit of the reference, and what it loses.
MISTAKES: dict[str, tuple[dict[str, Edit], set[str]]] = {
    "lupa_duplikat": (
        {"jawaban_langkah1": _swap("data_bersih = data_bersih.drop_duplicates()\n", "")},
        {"cek_duplikat"}),
    "topik_peka_huruf": (
        {"jawaban_langkah1": _swap('.str.lower().replace(EJAAN_TOPIK)', '.replace(EJAAN_TOPIK)')},
        {"cek_topik"}),
    "spasi_tidak_dibuang": (
        {"jawaban_langkah1": _swap('    data_bersih[kolom] = data_bersih[kolom].str.strip()',
                                   '    pass')},
        {"cek_spasi"}),
    "tanggal_dibiarkan": (
        {"jawaban_langkah1": _swap('data_bersih = data_bersih.dropna(subset=["tanggal"])\n', "")},
        {"cek_tanggal"}),
    "persen_pecahan": (
        {"jawaban_langkah2": _swap('ringkasan_isu["persen_negatif"] * 100',
                                   'ringkasan_isu["persen_negatif"]')},
        {"cek_ringkasan"}),
    "jendela_tren_salah": (
        {"jawaban_langkah2": _swap("sebelumnya=bulan == BULAN_SEBELUMNYA",
                                   "sebelumnya=bulan < BULAN_TERKINI")},
        {"cek_tren"}),
    "urgensi_tanpa_tren": (
        {"jawaban_langkah3": _swap("    if tren > 0:\n        nilai = nilai + 1\n", "")},
        {"cek_skor"}),
    "ambang_kategori_salah": (
        {"jawaban_langkah3": _swap("if prioritas >= 16:", "if prioritas > 16:")},
        {"cek_kategori"}),
    "tahap_urutan_salah": (
        {"jawaban_langkah3": _swap(
            '    if volume < 15:\n        return "permulaan"\n'
            '    if volume_terkini > volume_sebelumnya:\n'
            '        return "mediasi & amplifikasi"\n',
            '    if volume_terkini > volume_sebelumnya:\n'
            '        return "mediasi & amplifikasi"\n'
            '    if volume < 15:\n        return "permulaan"\n')},
        {"cek_tahap"}),
    "kuadran_tertukar": (
        {"jawaban_langkah4": _exchange('return "Jaga kepuasan"',
                                       'return "Jaga agar terinformasi"')},
        {"cek_kuadran"}),
    "opd_salah": (
        {"jawaban_langkah5": _swap('["opd_terkait"].nunique()', '["opd_terkait"].count()')},
        {"cek_opd"}),
    "koordinator_salah": (
        {"jawaban_langkah5": _swap('if kategori == "Kritis" and jumlah >= 2:',
                                   'if kategori == "Kritis":')},
        {"cek_koordinator"}),
    "pemangku_kunci_salah": (
        {"jawaban_langkah5": _swap('kunci = pemangku[pemangku["kuadran"] == "Kelola secara dekat"]',
                                   "kunci = pemangku")},
        {"cek_pemangku_kunci"}),
    "grafik_salah": (
        {"jawaban_langkah6": _swap('color="kategori"', 'color="tahap"')},
        {"cek_grafik"}),
}

#: The same analysis written differently (vectorised, pivot_table, topik as index, extra
#: columns, other column order, lists instead of text, a layered chart): full marks.
ALTERNATIVE = {
    "jawaban_langkah1": '''
teks = ["sumber_jenis", "sumber_nama", "topik", "ringkasan", "sentimen", "opd_terkait"]
bersih = data_mentah.drop_duplicates(subset="id_klip").copy()
bersih[teks] = bersih[teks].apply(lambda kolom: kolom.str.strip())
bersih["topik"] = bersih["topik"].map(lambda t: EJAAN_TOPIK.get(t.lower(), t.lower()))
bersih["tanggal"] = pd.to_datetime(bersih["tanggal"], format="ISO8601", errors="coerce")
data_bersih = bersih[bersih["tanggal"].notna()].assign(bulan=lambda t: t["tanggal"].dt.month)
data_bersih = data_bersih.set_index("id_klip", drop=False)
''',
    "jawaban_langkah2": '''
bantu = data_bersih.assign(
    periode=data_bersih["tanggal"].dt.to_period("M").astype(str),
    negatif=(data_bersih["sentimen"] == "negatif").astype(int),
)
per_bulan = bantu.pivot_table(index="topik", columns="periode", values="id_klip",
                              aggfunc="count", fill_value=0)
kelompok = bantu.groupby("topik")
ringkasan_isu = pd.DataFrame({
    "total_jangkauan": kelompok["jangkauan"].sum(),
    "volume": kelompok.size(),
    "persen_negatif": (kelompok["negatif"].mean() * 100).round(1),
    "volume_terkini": per_bulan.get(BULAN_TERKINI, 0),
    "volume_sebelumnya": per_bulan.get(BULAN_SEBELUMNYA, 0),
})
ringkasan_isu["tren"] = ringkasan_isu.eval("volume_terkini - volume_sebelumnya")
ringkasan_isu.index.name = "topik"
''',
    "jawaban_langkah3": '''
import numpy as np

tak_hingga = float("inf")
skor_isu = ringkasan_isu.copy()
skor_isu["dampak"] = pd.cut(skor_isu["total_jangkauan"],
                            [-1, 100_000, 250_000, 500_000, 1_000_000, tak_hingga],
                            right=False, labels=[1, 2, 3, 4, 5]).astype(int)
skor_isu["urgensi_dasar"] = pd.cut(skor_isu["persen_negatif"], [0, 20, 40, 60, 80, tak_hingga],
                                   right=False, labels=[1, 2, 3, 4, 5]).astype(int)
skor_isu["urgensi"] = np.minimum(skor_isu["urgensi_dasar"] + (skor_isu["tren"] > 0), 5)
skor_isu["prioritas"] = skor_isu.eval("dampak * urgensi")
p = skor_isu["prioritas"]
skor_isu["kategori"] = np.select([p >= 16, p >= 10, p >= 5], ["Kritis", "Tinggi", "Sedang"],
                                 default="Rendah")
skor_isu["tahap"] = np.select(
    [skor_isu["volume"] < 15,
     skor_isu["volume_terkini"] > skor_isu["volume_sebelumnya"],
     skor_isu["volume_terkini"] * 2 <= skor_isu["volume_sebelumnya"]],
    ["permulaan", "mediasi & amplifikasi", "resolusi"], default="organisasi")
''',
    "jawaban_langkah4": '''
import numpy as np

kuasa, minat = pemangku_mentah["kekuasaan"] >= 3, pemangku_mentah["kepentingan"] >= 3
pemangku = pemangku_mentah.assign(kuadran=np.select(
    [kuasa & minat, kuasa & ~minat, ~kuasa & minat],
    ["Kelola secara dekat", "Jaga kepuasan", "Jaga agar terinformasi"], default="Pantau"))
pemangku = pemangku[["kuadran", "nama", "jenis", "kekuasaan", "kepentingan", "isu_terkait"]]
''',
    "jawaban_langkah5": '''
opd_per_topik = data_bersih.reset_index(drop=True).groupby("topik")["opd_terkait"]
peta_isu = skor_isu[["kategori", "prioritas", "tahap"]].copy()
peta_isu["opd_utama"] = opd_per_topik.agg(lambda s: s.value_counts().idxmax())
peta_isu["jumlah_opd"] = opd_per_topik.nunique()
kritis_lintas = (peta_isu["kategori"] == "Kritis") & (peta_isu["jumlah_opd"] >= 2)
peta_isu["koordinator"] = peta_isu["opd_utama"].where(~kritis_lintas, "Sekda/Wabup")
kunci = (pemangku[pemangku["kuadran"] == "Kelola secara dekat"]
         .assign(topik=lambda t: t["isu_terkait"].str.split("; ")).explode("topik"))
daftar = kunci.groupby("topik")["nama"].agg(list).reindex(peta_isu.index)
peta_isu["pemangku_kunci"] = [v if isinstance(v, list) else [] for v in daftar]
''',
    "jawaban_langkah6": '''
dasar = alt.Chart(skor_isu.reset_index()).encode(
    x=alt.X("urgensi:Q", scale=alt.Scale(domain=[0, 6])),
    y=alt.Y("dampak:Q", scale=alt.Scale(domain=[0, 6])),
)
titik = dasar.mark_point(filled=True).encode(
    size=alt.Size("volume:Q"), color=alt.Color("kategori:N"),
    tooltip=[alt.Tooltip("topik:N"), alt.Tooltip("prioritas:Q")])
label = dasar.mark_text(dy=-12).encode(text="topik:N")
matriks_isu = titik + label
matriks_isu
''',
}

NAMES = ["referensi", "alternatif", "kosong", *MISTAKES]
LOSES: dict[str, set[str]] = {"referensi": set(), "alternatif": set(), "kosong": set(POINTS),
                              **{name: lost for name, (_, lost) in MISTAKES.items()}}


def source_notebook(root: Path = course.COURSE_ROOT) -> nbformat.NotebookNode:
    """The instructor version of the exercise."""
    return nbformat.read(Path(root) / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)


def reference_answers(nb: nbformat.NotebookNode) -> dict[str, str]:
    """Answer cell id -> the reference solution's text (between the solution markers)."""
    answers = {}
    for cell in nb.cells:
        info = cell.metadata.get("nbgrader", {})
        if info.get("solution"):
            found = _SOLUTION.search(cell.source)
            answers[info["grade_id"]] = found.group(1).strip("\n") if found else cell.source
    return answers


def answers(name: str, nb: nbformat.NotebookNode | None = None) -> dict[str, str]:
    """Answer cell id -> the text sample ``name`` puts in it."""
    nb = nb or source_notebook()
    reference = reference_answers(nb)
    if name == "referensi":
        return reference
    if name == "kosong":
        return {cell: course.TEXT_STUB if cell == MANUAL_CELL else course.CODE_STUB
                for cell in reference}
    if name == "alternatif":
        return {**reference, **{cell: code.strip("\n") for cell, code in ALTERNATIVE.items()}}
    if name not in MISTAKES:
        raise KeyError(f"unknown sample {name!r}; known: {', '.join(NAMES)}")
    edits, _ = MISTAKES[name]
    return {cell: edits[cell](code) if cell in edits else code
            for cell, code in reference.items()}


def build(name: str, nb: nbformat.NotebookNode | None = None) -> nbformat.NotebookNode:
    """The submission notebook of sample ``name`` (see :data:`NAMES`).

    Each answer cell keeps the text around its solution region (the scaffold comments the
    participant sees) and holds the sample's answer in place of the region.
    """
    submission = copy.deepcopy(nb or source_notebook())
    filled = answers(name, submission)
    for cell in submission.cells:
        info = cell.metadata.get("nbgrader", {})
        if info.get("solution"):
            found = _SOLUTION.search(cell.source)
            text = filled[info["grade_id"]]
            cell.source = (cell.source[:found.start()] + text + cell.source[found.end():]
                           if found else text)
        elif info.get("grade"):
            cell.source = course.HIDDEN_TESTS.sub("", cell.source)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return submission
