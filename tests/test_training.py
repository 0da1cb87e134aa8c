"""What a government training delivers besides lessons: JP from the schedule, attendance and
its threshold, pre/post gain, the evaluation index, certificates and the organiser's report.

The cohort folder here is built directly (roster, grading exports, the facilitator's records)
so that these specifications run in seconds; ``tests/test_grading_demo.py`` runs the same
documents after real grading."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pandas as pd
import pytest
from conftest import quiz_cells

from humaskit import evaluation
from humaskit.cli import main
from humaskit.datasets import DatasetError
from humaskit.exercises.quiz import bank
from humaskit.grading import roster
from humaskit.number_format import angka
from humaskit.training import attendance, demo, gain, item_analysis, publish, schedule
from humaskit.training.identity import Identity

GUIDE = """
### Hari 1 — Contoh

| Waktu | Kegiatan | Menit | Jenis |
|---|---|---|---|
| 08.00–08.30 | Registrasi | 30 | persiapan |
| 08.30–09.15 | Bagian 1: materi | 45 | materi |
| 09.15–09.30 | Istirahat | 15 | — |
| 09.30–10.15 | Bagian 2: praktik | 45 | praktik |
| 10.15–11.15 | Ishoma | 60 | — |
| 11.15–12.45 | Latihan | 90 | latihan |
| 12.45–13.45 | Klinik data (opsional) | 60 | praktik |

### Hari 2 — Contoh

| Waktu | Kegiatan | Menit | Jenis |
|---|---|---|---|
| 08.00–09.30 | Bagian 1: materi | 90 | materi |
"""
PEOPLE = roster.load(roster.DEMO_ROSTER)


# --- JP from the schedule ---------------------------------------------------------------

def test_sessions_split_at_the_meal_and_count_only_lesson_minutes():
    found = schedule.sessions(GUIDE)
    assert [(s.id, s.minutes) for s in found] == [("H1-pagi", 90), ("H1-siang", 90),
                                                  ("H2-pagi", 90)]
    assert found[0].clock == "08.30–10.15"  # registration is not a lesson
    assert schedule.whole_jp(sum(s.minutes for s in found)) == 6  # 270 / 45


def test_the_guides_jp_are_the_sum_of_its_lesson_rows():
    sessions = schedule.sessions()
    counted = sum(r.minutes for day in schedule.days() for r in schedule.rows(day) if r.counted)
    assert sum(s.minutes for s in sessions) == counted
    assert attendance.total_jp(sessions) == counted // 45
    day1 = next(s for s in sessions if s.id == "H1-pagi")
    assert any("Pre-test" in r.what for r in day1.rows)


# --- attendance -------------------------------------------------------------------------

def _records(absent: dict[str, tuple[str, ...]], sessions) -> pd.DataFrame:
    return pd.DataFrame([{"id_peserta": pid, "sesi": s.id, "hadir": s.id not in absent.get(pid, ())}
                         for pid in PEOPLE for s in sessions])


def test_the_certificate_threshold_is_met_exactly_at_the_boundary():
    sessions = schedule.sessions(GUIDE + GUIDE.replace("Hari 1", "Hari 3").replace(
        "Hari 2", "Hari 4"))  # 540 minutes; one 90-minute session short leaves 83.3%
    records = _records({"agus_salim": ("H1-siang",)}, sessions)
    at_83 = attendance.summary(records, PEOPLE, sessions, threshold=450 / 540 * 100)
    agus = at_83.set_index("id").loc["agus_salim"]
    assert agus["memenuhi"] and agus["jp"] == 10  # 450 minutes
    above = attendance.summary(records, PEOPLE, sessions, threshold=450 / 540 * 100 + 0.01)
    agus = above.set_index("id").loc["agus_salim"]
    assert not agus["memenuhi"] and "tidak hadir: H1-siang" in agus["alasan"]


def test_a_session_with_no_row_counts_as_not_attended():
    sessions = schedule.sessions(GUIDE)
    records = _records({}, sessions)
    records = records[~((records["id_peserta"] == "rini_paramitha")
                        & (records["sesi"] == "H2-pagi"))]
    rini = attendance.summary(records, PEOPLE, sessions).set_index("id").loc["rini_paramitha"]
    assert (rini["sesi_hadir"], rini["menit"], rini["jp"]) == (2, 180, 4)


@pytest.mark.parametrize("row, expected", [
    ("budi_santoso,Budi,H1-pagi,ya", ("baris 4, kolom 'id_peserta': nilai 'budi_santoso': "
                                     "peserta ini tidak ada di daftar peserta kohort.")),
    ("agus_salim,Agus,H9-pagi,ya", ("baris 4, kolom 'sesi': nilai 'H9-pagi': sesi ini tidak "
                                   "ada di jadwal")),
    ("rini_paramitha,Rini,H1-pagi,tidak", ("baris 4, kolom 'sesi': peserta 'rini_paramitha' "
                                          "pada sesi 'H1-pagi' sudah tercatat di baris 2.")),
    ("agus_salim,Agus,H1-pagi,hadir", ("baris 4, kolom 'hadir': nilai 'hadir': isi 'ya' atau "
                                      "'tidak'.")),
])
def test_a_bad_attendance_row_is_named_by_file_row_and_column(tmp_path, row, expected):
    path = tmp_path / "daftar_hadir.csv"
    path.write_text("id_peserta,nama,sesi,hadir\nrini_paramitha,Rini,H1-pagi,ya\n"
                    f"agus_salim,Agus,H2-pagi,ya\n{row}\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        attendance.read(path, PEOPLE, schedule.sessions(GUIDE))
    assert "daftar_hadir.csv" in str(caught.value) and expected in str(caught.value)


# --- pre/post gain ----------------------------------------------------------------------

def test_gain_is_the_share_of_what_was_missing_that_was_gained():
    assert gain.normalised_gain(10, 16, 22) == 0.5
    assert gain.normalised_gain(10, 10, 22) == 0.0
    assert gain.normalised_gain(12, 10, 22) == -0.2  # a loss is shown as such
    assert gain.normalised_gain(22, 22, 22) is None  # nothing left to gain


def test_gain_per_participant_handles_the_maximum_and_a_missing_test():
    n = len(bank.items("pre"))
    cells = quiz_cells({"rini_paramitha": {"pre": [1] * 10 + [0] * (n - 10), "post": [1] * 16
                                       + [0] * (n - 16)},
                    "agus_salim": {"pre": [1] * n, "post": [1] * n},
                    "dewi_kartika": {"pre": [0] * n}})
    table = gain.by_participant(cells, PEOPLE).set_index("id")
    assert table.loc["rini_paramitha", "gain"] == pytest.approx(6 / 12)
    assert table.loc["rini_paramitha", "kategori"] == "sedang"
    assert pd.isna(table.loc["agus_salim", "gain"])
    assert table.loc["agus_salim", "keterangan"] == "nilai pre-test sudah maksimal"
    assert table.loc["agus_salim", "kategori"] == "tetap maksimal"
    assert table.loc["dewi_kartika", "keterangan"] == "belum mengikuti post-test"
    assert table.loc["yohanes_bere", "keterangan"] == "belum mengikuti pre-test"


def test_gain_per_objective_uses_the_participants_who_took_both_tests():
    n = len(bank.items("pre"))
    cells = quiz_cells({"rini_paramitha": {"pre": [0] * n, "post": [1] * n},
                    "agus_salim": {"pre": [1] + [0] * (n - 1), "post": [1] * n},
                    "dewi_kartika": {"pre": [1] * n}})
    first = gain.by_objective(cells).set_index("tujuan").loc["H1.1"]
    assert (first["peserta"], first["pre"], first["post"]) == (2, 0.5, 1.0)
    assert first["gain"] == 1.0


# --- evaluation index -------------------------------------------------------------------

def test_the_evaluation_index_is_computed_as_the_skm_is():
    answers = pd.DataFrame([["akhir", 4, 3, 2, 3, 4, "Bagus"], ["akhir", 3, 3, 3, 4, 4, ""]],
                           columns=evaluation.COLUMNS)
    result = evaluation.index(answers)
    # means 3.5, 3.0, 2.5, 3.5, 4.0 → Σ × 1/5 = 3.3 → × 25 = 82.5 → B (Baik)
    assert list(result.elements["rata_rata"]) == [3.5, 3.0, 2.5, 3.5, 4.0]
    assert result.value == pytest.approx(82.5)
    assert (result.mutu, result.kinerja) == ("B", "Baik")
    assert "bukan SKM resmi" in evaluation.LABEL


def test_an_evaluation_file_that_cannot_be_read_is_left_out_and_named(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"hari1": dict.fromkeys(evaluation.ELEMENTS, 4)}))
    (tmp_path / "b.json").write_text("{ rusak")
    (tmp_path / "c.json").write_text(json.dumps({"hari2": {"materi": 4}}))
    rows, problems = evaluation.read_answers(tmp_path)
    assert list(rows["formulir"]) == ["hari1"]
    assert [p.column for p in problems] == ["b.json", "c.json"]
    assert "belum lengkap" in problems[1].message


# --- the organiser's documents ----------------------------------------------------------

def _cohort(tmp_path) -> Path:
    out = tmp_path / "kohort"
    (out / "ekspor").mkdir(parents=True)
    (out / "penilaian.json").write_text(json.dumps({"roster": str(roster.DEMO_ROSTER)}))
    n = len(bank.items("pre"))
    quiz = quiz_cells({pid: {"pre": [1] * (i % n) + [0] * (n - i % n), "post": [1] * (n - i)
                         + [0] * i} for i, pid in enumerate(PEOPLE)})
    work = pd.DataFrame([{"id": pid, "latihan": "pemetaan_isu", "langkah": "Langkah 1",
                          "bagian": "cek_ejaan_topik", "nilai": 2.0, "nilai_maks": 2.0,
                          "perlu_dinilai_manual": False} for pid in PEOPLE])
    pd.concat([quiz.assign(perlu_dinilai_manual=False), work]).to_csv(
        out / "ekspor" / "nilai_per_bagian.csv", index=False, encoding="utf-8-sig")
    pd.DataFrame([{"id": pid, "nama": "", "instansi": "", "kode_unit": "KOM.PR02.001.01",
                   "judul_unit": "Membuat klipping", "jumlah_elemen": 3, "jumlah_K": 3,
                   "persen_K": 100.0, "klaim_unit": "K"} for pid in PEOPLE]).to_csv(
        out / "ekspor" / "klaim_asesmen_mandiri.csv", index=False, encoding="utf-8-sig")
    pd.DataFrame([{"id": "rini_paramitha", "rekomendasi": "dapat dilanjutkan",
                   "unit_memenuhi_vatm": "", "unit_belum_memenuhi": "", "komentar": "Lengkap.",
                   "asesor": "Asesor Contoh"}]).to_csv(
        out / "ekspor" / "rekomendasi_asesor.csv", index=False, encoding="utf-8-sig")
    demo.write(out, PEOPLE)
    return out


SECTIONS = ("1. Identitas pelatihan", "2. Jadwal yang dilaksanakan",
            "3. Peserta, kehadiran, dan sertifikat", "4. Pre-test dan post-test",
            "5. Nilai latihan per langkah", "6. Asesmen mandiri dan rekomendasi asesor",
            "7. Evaluasi penyelenggaraan", "8. Rencana tindak lanjut (RTL) peserta",
            "Catatan data")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = _cohort(tmp_path_factory.mktemp("laporan"))
    return out, publish.publish(out, pdf=False)


def test_the_report_docx_opens_and_holds_every_section(published):
    _out, done = published
    word = docx.Document(str(done["folder"] / "laporan_penyelenggaraan.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert all(s in headings for s in SECTIONS)
    assert len(word.inline_shapes) == 3  # gain, exercise steps, evaluation
    text = "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "Rini Paramitha" in text and "KOM.PR02.001.01" in text
    assert "Menerbitkan hasil SKM per triwulan di situs pemda" in text


def test_the_report_gives_hakes_categories_and_an_item_analysis_annex(published):
    out, done = published
    word = docx.Document(str(done["folder"] / "laporan_penyelenggaraan.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings.index("Lampiran. Analisis butir soal pre-test dan post-test") == \
        headings.index("8. Rencana tindak lanjut (RTL) peserta") + 1
    cells = pd.read_csv(out / "ekspor" / "nilai_per_bagian.csv", encoding="utf-8-sig")
    forms = item_analysis.forms(cells).set_index("tes")
    reliability = next(t for t in word.tables if t.rows[0].cells[-1].text == "KR-20")
    shown = {r.cells[0].text: r.cells[-1].text for r in reliability.rows[1:]}
    assert shown == {"Pre-test": angka(forms.loc["pre", "kr20"]),
                     "Post-test": angka(forms.loc["post", "kr20"])}
    people = next(t for t in word.tables if t.rows[0].cells[0].text == "Nama" and
                  "Kategori" in [c.text for c in t.rows[0].cells])
    kinds = {r.cells[0].text: r.cells[4].text for r in people.rows[1:]}
    # 0 → 22 of 22 is g = 1; 9 → 13 is g = 4/13
    assert (kinds["Rini Paramitha"], kinds["Andreas Tamba"]) == ("tinggi", "sedang")


def test_the_report_notes_a_damaged_evaluation_file_without_stopping(published):
    _, done = published
    assert any("rusak.json" in note for note in done["notes"])
    page = (done["folder"] / "laporan_penyelenggaraan.html").read_text(encoding="utf-8")
    assert "rusak.json" in page and "bukan SKM resmi" in page


def test_each_qualifying_participant_gets_a_certificate_showing_their_jp(published):
    _out, done = published
    folder = done["folder"] / "sertifikat"
    summary = pd.read_csv(done["folder"] / "rekap_kehadiran.csv", encoding="utf-8-sig")
    dewi = summary.set_index("id").loc["dewi_kartika"]  # missed H2-siang: exactly 90%
    assert dewi["memenuhi"] and dewi["persen_kehadiran"] == pytest.approx(90.0)
    page = (folder / "dewi_kartika.html").read_text(encoding="utf-8")
    assert f"{dewi['jp']} jam pelajaran (JP)" in page and "Dewi Kartika Sari" in page
    assert "23–26 November 2026" in page and "NIP 19700512 199503 1 002" in page
    assert not (folder / "yohanes_bere.html").exists()
    below = pd.read_csv(folder / "tidak_memenuhi.csv", encoding="utf-8-sig")
    assert list(below["id"]) == ["yohanes_bere"]
    assert "tidak hadir: H3-pagi, H3-siang" in below["alasan"][0]


def test_a_bad_attendance_sheet_stops_the_build_and_loses_nothing(published, capsys):
    out, done = published
    before = (done["folder"] / "laporan_penyelenggaraan.docx").read_bytes()
    sheet = out / "penyelenggaraan" / "daftar_hadir.csv"
    original = sheet.read_text(encoding="utf-8")
    try:
        sheet.write_text(original + "orang_asing,Orang Asing,H1-pagi,ya\n", encoding="utf-8")
        assert main(["laporan", "--kohort", str(out), "--tanpa-pdf"]) == 1
        said = capsys.readouterr().out
        assert "daftar_hadir.csv" in said and "kolom 'id_peserta'" in said
        assert "orang_asing" in said and "keluaran sebelumnya (bila ada) tetap utuh" in said
        assert (done["folder"] / "laporan_penyelenggaraan.docx").read_bytes() == before
    finally:
        sheet.write_text(original, encoding="utf-8")


def test_templates_never_overwrite_the_facilitators_records(tmp_path, capsys):
    out = _cohort(tmp_path)
    records = out / "penyelenggaraan"
    kept = (records / "daftar_hadir.csv").read_bytes()
    shutil.move(records / "evaluasi.csv", tmp_path / "evaluasi.csv")
    assert main(["laporan", "--kohort", str(out), "--templat"]) == 0
    assert (records / "daftar_hadir.csv").read_bytes() == kept
    assert (records / "evaluasi.csv").read_text(encoding="utf-8").startswith("formulir,materi")
    assert "Templat dibuat" in capsys.readouterr().out


def test_the_identity_dates_read_the_indonesian_way():
    one = Identity({"tanggal_mulai": "2026-11-30", "tanggal_selesai": "2026-12-03"})
    assert one.dates == "30 November – 3 Desember 2026"


def test_the_guide_states_the_total_jp_its_schedule_gives():
    stated = re.search(r"Seluruh\s+pelatihan berjumlah (\d+) JP", schedule.GUIDE.read_text(
        encoding="utf-8")).group(1)
    assert int(stated) == attendance.total_jp(schedule.sessions())
