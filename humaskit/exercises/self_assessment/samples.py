"""Crafted submissions of the *Asesmen Mandiri* exercise, for tests and the grading pipeline.

``build(name)`` returns ``(notebook, extra_files)`` ready for
:func:`humaskit.exercises.course.submit`: the participant version of the notebook (edited
where the sample needs it) and the answers file the form would have saved. ``LOSES`` names
the grade cells each sample is meant to fail; ``POINTS`` gives every autograded cell's points
and ``MANUAL_POINTS`` the asesor's part.
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from pathlib import Path

import nbformat
import pandas as pd

from humaskit.exercises import course
from humaskit.exercises.self_assessment import ASSIGNMENT, NOTEBOOK
from humaskit.skkni import catalog, form

POINTS = {"uji_identitas": 1, "uji_jawaban": 2, "uji_bukti": 1, "uji_ringkasan": 2,
          "uji_rencana": 2, "uji_tanggal": 1}
#: The asesor's manual grade (an nbgrader task cell): the sufficiency of the evidence.
MANUAL_POINTS = {"nilai_asesor_bukti": 2}
CODE_CELL_ID = "isian_kode"
SUMMARY_LINE = "ringkasan = apl02.summary(isian.jawaban)"

SCHEME = "KIT-HUMAS-YUNIOR"
IDENTITY = {"nama": "Rini Paramitha", "instansi": "Dinas Komunikasi dan Informatika "
            "Kabupaten Muara Seruni", "jabatan": "Pranata Humas Ahli Pertama",
            "tanggal_asesmen": "2026-02-10"}
#: (claim, evidence) per element of the scheme, in the scheme's order.
CLAIMS = [
    ("K", "Naskah siaran pers Diskominfo tentang banjir Sungai Lintang, Januari 2026"),
    ("K", "Folder bersama arsip siaran pers 2025 dengan hak akses per bidang"),
    ("K", "Daftar media pantauan harian Harian Seruni Pos dan beritaseruni.id, 2025"),
    ("K", "Klipping bulanan isu pelayanan publik Oktober–Desember 2025"),
    ("BK", ""),
    ("K", "Rencana liputan dokumentasi Musrenbang Kabupaten 2025"),
    ("K", "Album foto dan video peresmian pasar Bukit Pandan, Agustus 2025"),
    ("K", "Arsip foto kegiatan Bupati 2025 dengan penamaan berkas per tanggal"),
    ("BK", ""),
    ("BK", ""),
]
PLAN = {
    ("KOM.PR02.001.01", 3): ("Menyusun ringkasan isu mingguan untuk Kepala Dinas",
                             "Pendampingan oleh Kabid Informasi Publik", "2026-05-29",
                             "Empat ringkasan isu diterima pimpinan"),
    ("KIT-PROTOKOL-01", 1): ("Magang di Bagian Protokol Setda saat upacara HUT Kabupaten",
                             "Pedoman keprotokolan daerah dan mentor protokol", "2026-06-30",
                             "Ikut menyusun susunan acara dan gladi bersih satu acara"),
    ("KIT-PROTOKOL-01", 2): ("Mendampingi petugas protokol pada dua acara pimpinan",
                             "Mentor di Bagian Protokol Setda", "2026-08-31",
                             "Catatan evaluasi dua acara disetujui Kabag Protokol"),
}


def complete() -> form.Isian:
    """A complete, consistent self-assessment (full autograded marks)."""
    elements = catalog.scheme_elements(SCHEME)
    jawaban = elements[["kode_unit", "judul_unit", "no_elemen", "pertanyaan"]].copy()
    jawaban["klaim"] = [c for c, _ in CLAIMS]
    jawaban["bukti"] = [b for _, b in CLAIMS]
    rencana = pd.DataFrame(
        [{"kode_unit": k[0], "no_elemen": k[1], "kegiatan": a, "sumber_belajar": s,
          "target": t, "indikator": i} for k, (a, s, t, i) in PLAN.items()])
    return form.Isian(identitas=dict(IDENTITY), kode_skema=SCHEME, jawaban=jawaban,
                      rencana=rencana)


def with_changes(isian: form.Isian, rows: dict[int, dict] | None = None,
          plan_rows: dict[int, dict] | None = None, drop_plan: int | None = None) -> form.Isian:
    changed = copy.deepcopy(isian)
    for i, values in (rows or {}).items():
        for column, value in values.items():
            changed.jawaban.loc[i, column] = value
    for i, values in (plan_rows or {}).items():
        for column, value in values.items():
            changed.rencana.loc[i, column] = value
    if drop_plan is not None:
        changed.rencana = changed.rencana.drop(index=drop_plan).reset_index(drop=True)
    return changed


def _variants() -> dict[str, form.Isian]:
    base = complete()
    copied = "Laporan kegiatan humas Diskominfo tahun 2025"
    k_rows = [i for i, (claim, _) in enumerate(CLAIMS) if claim == "K"]
    invalid = with_changes(base, {1: {"klaim": "Ya"}, 5: {"klaim": "kompeten"}})
    return {
        "jawaban_hilang": with_changes(base, {0: {"klaim": ""}, 3: {"klaim": ""}}),
        "jawaban_tidak_sah": invalid,
        "bukti_kosong": with_changes(base, {0: {"bukti": ""}, 2: {"bukti": "ada"}, 6: {"bukti": "-"}}),
        "bukti_disalin": with_changes(base, {i: {"bukti": copied} for i in k_rows}),
        "ringkasan_tidak_cocok": base,
        "rencana_hilang": with_changes(base, drop_plan=1),
        "tanggal_sebelum_asesmen": with_changes(base, plan_rows={0: {"target": "2026-01-15"}}),
        # several defects at once, each on its own grade cell (fewer autograde runs)
        "kurang_lengkap": with_changes(base, {0: {"klaim": ""}, 3: {"klaim": ""}, 2: {"bukti": "ada"},
                                       6: {"bukti": "-"}, 7: {"bukti": ""}}, drop_plan=1),
        "tidak_konsisten": with_changes(invalid, {i: {"bukti": copied} for i in k_rows
                                           if i not in (1, 5)},
                                 plan_rows={0: {"target": "2026-01-15"}}),
    }


#: Grade cells each sample is meant to fail (all others earn full points).
LOSES = {
    "lengkap_formulir": set(),
    "lengkap_kode": set(),
    "kosong": set(POINTS),
    "jawaban_hilang": {"uji_jawaban"},
    "jawaban_tidak_sah": {"uji_jawaban"},
    "bukti_kosong": {"uji_bukti"},
    "bukti_disalin": set(),  # one document in several units: a flag for the asesor only
    "ringkasan_tidak_cocok": {"uji_ringkasan"},
    "rencana_hilang": {"uji_rencana"},
    "tanggal_sebelum_asesmen": {"uji_tanggal"},
    "kurang_lengkap": {"uji_jawaban", "uji_bukti", "uji_rencana"},
    "tidak_konsisten": {"uji_jawaban", "uji_ringkasan", "uji_tanggal"},
}
NAMES = list(LOSES)
#: Samples whose notebook is edited so that the summary disagrees with the answers.
EDITED_SUMMARY = {"ringkasan_tidak_cocok", "tidak_konsisten"}
#: A subset that together covers every defect, for a quick run through nbgrader.
PIPELINE = ["lengkap_formulir", "lengkap_kode", "kosong", "kurang_lengkap", "tidak_konsisten"]


def release_notebook() -> nbformat.NotebookNode:
    """The participant version: the released one if present, else generated in a tmp course."""
    released = course.COURSE_ROOT / "release" / ASSIGNMENT / NOTEBOOK
    if released.exists():
        return nbformat.read(released, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        root = course.copy_course(Path(tmp), [ASSIGNMENT])
        result = course.api(root).generate_assignment(ASSIGNMENT, force=True)
        if not result["success"]:
            raise RuntimeError(result.get("error") or result.get("log"))
        return nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)


def code_source(isian: form.Isian) -> str:
    """Python that builds ``isian`` in the notebook's code-filling cell (as a programmer would)."""
    jawaban = isian.jawaban[["kode_unit", "no_elemen", "klaim", "bukti"]].to_dict("records")
    rencana = isian.rencana.to_dict("records")
    rows = ",\n        ".join(repr(r) for r in jawaban)
    items = ",\n        ".join(repr(r) for r in rencana)
    return (f"isian_kode = form.Isian(\n    identitas={isian.identitas!r},\n"
            f"    kode_skema={isian.kode_skema!r},\n"
            f"    jawaban=pd.DataFrame([\n        {rows},\n    ]),\n"
            f"    rencana=pd.DataFrame([\n        {items},\n    ]),\n)")


def form_file(isian: form.Isian) -> bytes:
    """The answers file produced by filling the widget form with ``isian`` and clicking save."""
    from humaskit.skkni import ui

    answers = isian.jawaban.set_index(["kode_unit", "no_elemen"])
    items = isian.rencana.set_index(["kode_unit", "no_elemen"])
    with tempfile.TemporaryDirectory() as tmp:
        widget = ui.AsesmenForm(tmp)
        widget.nama.value = isian.identitas["nama"]
        widget.instansi.value = isian.identitas["instansi"]
        widget.jabatan.value = isian.identitas["jabatan"]
        widget.tanggal.value = dt.date.fromisoformat(isian.identitas["tanggal_asesmen"])
        widget.skema.value = isian.kode_skema
        for key, row in widget.rows.items():
            answer = answers.loc[key]
            row.klaim.value = answer["klaim"] or None
            row.bukti.value = answer["bukti"]
            if key in items.index:
                item = items.loc[key]
                row.kegiatan.value, row.sumber.value = item["kegiatan"], item["sumber_belajar"]
                row.target.value = dt.date.fromisoformat(item["target"])
                row.indikator.value = item["indikator"]
        widget.save_button.click()
        return (Path(tmp) / form.ANSWER_FILE).read_bytes()


def _code_cell(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == CODE_CELL_ID:
            return cell
    raise LookupError(f"cell {CODE_CELL_ID} not found in {NOTEBOOK}")


def build(name: str, release: nbformat.NotebookNode | None = None
          ) -> tuple[nbformat.NotebookNode, dict[str, bytes]]:
    """A crafted submission: the notebook and the extra files to submit beside it."""
    if name not in LOSES:
        raise KeyError(f"unknown sample {name!r}; known: {', '.join(NAMES)}")
    nb = copy.deepcopy(release if release is not None else release_notebook())
    if name == "kosong":
        return nb, {}
    if name == "lengkap_kode":
        _code_cell(nb).source = code_source(complete())
        return nb, {}
    if name == "lengkap_formulir":
        return nb, {form.ANSWER_FILE: form_file(complete())}
    if name in EDITED_SUMMARY:
        for cell in nb.cells:
            if SUMMARY_LINE in cell.source:
                cell.source = cell.source.replace(
                    SUMMARY_LINE, SUMMARY_LINE + '\nringkasan.loc[0, "jumlah_K"] = 0')
    return nb, {form.ANSWER_FILE: _variants()[name].to_json().encode("utf-8")}
