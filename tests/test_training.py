"""What a government training delivers besides lessons: JP from the schedule, attendance and
its threshold, pre/post gain, the evaluation index, certificates and the organiser's report.

The cohort folder here is built directly (roster, grading exports, the facilitator's records)
so that these specifications run in seconds; ``tests/test_grading_demo.py`` runs the same
documents after real grading."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import docx
import pandas as pd
import pytest
from shared import quiz_cells

from humaskit import documents, evaluation
from humaskit.cli import main
from humaskit.datasets import DatasetError
from humaskit.exercises.quiz import bank
from humaskit.grading import roster
from humaskit.number_format import angka
from humaskit.server import resets
from humaskit.training import (
    attendance,
    certificate_cli,
    certificates,
    curriculum,
    demo,
    gain,
    identity,
    inputs,
    item_analysis,
    publish,
    register,
    report,
    schedule,
)
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


def test_whole_jp_are_shared_among_sessions_by_largest_remainder():
    found = schedule.sessions(GUIDE.replace("| 45 | praktik |", "| 70 | praktik |")
                              .replace("09.30–10.15", "09.30–10.40")
                              .replace("10.15–11.15", "10.40–11.15").replace("| 60 | — |",
                                                                            "| 35 | — |"))
    # 115 + 90 + 90 = 295 minutes = 6,56 JP -> 6 JP; shares 2,56 / 2,0 / 2,0
    assert [s.minutes for s in found] == [115, 90, 90]
    assert curriculum.allocate(found) == {"H1-pagi": 2, "H1-siang": 2, "H2-pagi": 2}
    # 100 + 100 + 70 = 270 minutes = 6 JP; shares 2,22 / 2,22 / 1,56: the last gets the
    # JP left over, and equal remainders favour the earlier session
    assert curriculum.allocate(_sessions_of(100, 100, 70)) == {"S1": 2, "S2": 2, "S3": 2}
    assert curriculum.allocate(_sessions_of(60, 60, 60, 45)) == {"S1": 2, "S2": 1, "S3": 1,
                                                                 "S4": 1}


def _sessions_of(*minutes: int) -> list[schedule.Session]:
    """Sessions ``S1``, ``S2``, … of one lesson row each, with these minutes."""
    class Numbered(schedule.Session):
        @property
        def id(self) -> str:
            return f"S{self.day}"

    return [Numbered(n, "pagi", (schedule.Row(n, 0, m, "Materi", m, "materi"),))
            for n, m in enumerate(minutes, start=1)]


def test_the_programmes_sessions_and_modules_add_up_to_its_total_jp():
    sessions = schedule.sessions()
    jp = curriculum.allocate(sessions)
    assert sum(jp.values()) == attendance.total_jp(sessions) == 27
    assert all(abs(jp[s.id] - s.minutes / schedule.JP_MINUTES) < 1 for s in sessions)
    modules = curriculum.modules(sessions)
    assert [(m.day, m.jp) for m in modules] == [(1, 6), (2, 8), (3, 6), (4, 7)]
    assert modules[1].title == "Manajemen isu" and modules[1].sessions == ("H2-pagi",
                                                                           "H2-siang")
    assert "latihan terstruktur" in modules[1].methods


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
    assert not agus["memenuhi"] and agus["alasan"] == (
        "kehadiran 83,3% di bawah ambang 83,34%; tidak hadir: H1-siang")


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
    pd.DataFrame([{"id": pid, "nama": "", "instansi": "", "kode_unit": code,
                   "judul_unit": title, "jumlah_elemen": 3, "jumlah_K": 3,
                   "persen_K": 100.0, "klaim_unit": "BK" if i % 3 == 0 and code == "UJI.002"
                   else "K"} for i, pid in enumerate(PEOPLE)
                  for code, title in (("KOM.PR02.001.01", "Membuat klipping"),
                                      ("UJI.002", "Unit uji kedua"))]).to_csv(
        out / "ekspor" / "klaim_asesmen_mandiri.csv", index=False, encoding="utf-8-sig")
    pd.DataFrame([{"id": "rini_paramitha", "rekomendasi": "dapat dilanjutkan",
                   "unit_memenuhi_vatm": "", "unit_belum_memenuhi": "", "komentar": "Lengkap.",
                   "asesor": "Asesor Contoh"}]).to_csv(
        out / "ekspor" / "rekomendasi_asesor.csv", index=False, encoding="utf-8-sig")
    demo.write(out, PEOPLE)
    resets.log(out / "penyelenggaraan" / resets.FILE, "rini_paramitha", "fasilitator",
               datetime(2026, 12, 4, 10, 15).astimezone())
    return out




CHAPTERS = ["BAB I PENDAHULUAN", "A. Latar Belakang", "B. Dasar Hukum", "C. Maksud dan Tujuan",
            "D. Sasaran dan Hasil yang Diharapkan", "BAB II PELAKSANAAN", "A. Waktu dan Tempat",
            "B. Peserta", "C. Panitia Penyelenggara", "D. Fasilitator dan Narasumber",
            "E. Kurikulum", "F. Kehadiran", "BAB III HASIL PELATIHAN",
            "A. Pre-test dan Post-test", "B. Nilai Latihan per Langkah",
            "C. Asesmen Mandiri dan Rekomendasi Asesor",
            "D. Evaluasi Fasilitator dan Narasumber", "E. Evaluasi Penyelenggaraan",
            "F. Rencana Tindak Lanjut (RTL) Peserta", "BAB IV PENUTUP", "A. Kesimpulan",
            "B. Rekomendasi", "C. Penutup", "LEMBAR PENGESAHAN", "LAMPIRAN",
            "Lampiran 1. Daftar Hadir per Sesi", "Lampiran 2. Daftar Peserta",
            "Lampiran 3. Dokumentasi", "Lampiran 4. Daftar Sertifikat",
            "Lampiran 5. Analisis Butir Soal Pre-test dan Post-test", "Catatan data"]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The demo cohort's organiser documents, built once (without PDF: the demo test
    checks the PDFs, after real grading)."""
    out = _cohort(tmp_path_factory.mktemp("laporan"))
    return out, publish.publish(out, pdf=False)


@pytest.fixture(scope="module")
def word(published):
    return docx.Document(str(published[1]["folder"] / "laporan_penyelenggaraan.docx"))


def _table(word, *header: str):
    """The table of the report whose header row starts with ``header``."""
    found = [t for t in word.tables if tuple(c.text for c in t.rows[0].cells[:len(header)])
             == header]
    assert found, header
    return [[c.text for c in r.cells] for r in found[0].rows]


def _text(word) -> str:
    return "\n".join([p.text for p in word.paragraphs]
                     + [c.text for t in word.tables for r in t.rows for c in r.cells])


def test_the_report_has_the_structure_offices_use_in_order(word):
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert [h for h in headings if h in CHAPTERS] == CHAPTERS
    assert word.paragraphs[0].text == "LAPORAN PENYELENGGARAAN PELATIHAN"
    assert headings[0] == "Daftar isi"


def test_the_report_is_a4_with_letterhead_page_numbers_and_contents(word):
    page = word.sections[0]
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)
    assert [p.text for p in page.first_page_header.paragraphs] == [
        "PEMERINTAH KABUPATEN MUARA SERUNI", "SEKRETARIAT DAERAH",
        "Jalan Poros Kabupaten Nomor 1, Muara Seruni"]
    for footer in (page.footer, page.first_page_footer):
        assert "PAGE" in footer._element.xml
    body = word.element.body.xml
    assert 'TOC \\o "1-2"' in body and "BAB III HASIL PELATIHAN" in body
    assert "w:updateFields" in word.settings.element.xml


def test_the_report_can_be_printed_on_f4(published, tmp_path):
    document = report.build(inputs.load(published[0]), paper="F4")
    page = documents.to_docx(document, tmp_path / "f4.docx")
    section = docx.Document(str(page)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)
    assert "size:215mm 330mm" in documents.to_html(document)


def test_the_report_gives_hakes_categories_and_an_item_analysis_annex(published, word):
    out, _ = published
    cells = pd.read_csv(out / "ekspor" / "nilai_per_bagian.csv", encoding="utf-8-sig")
    forms = item_analysis.forms(cells).set_index("tes")
    reliability = _table(word, "Tes", "Peserta", "Soal")
    shown = {r[0]: r[-1] for r in reliability[1:]}
    assert shown == {"Pre-test": angka(forms.loc["pre", "kr20"]),
                     "Post-test": angka(forms.loc["post", "kr20"])}
    people = _table(word, "Nama", "Pre", "Post", "Gain", "Kategori")
    kinds = {r[0]: r[4] for r in people[1:]}
    # 0 → 22 of 22 is g = 1; 9 → 13 is g = 4/13
    assert (kinds["Rini Paramitha"], kinds["Andreas Tamba"]) == ("tinggi", "sedang")


def test_the_preface_states_the_legal_basis_the_organiser_gave(word):
    paragraphs = [p.text for p in word.paragraphs]
    start = paragraphs.index("B. Dasar Hukum")
    assert paragraphs[start + 1].startswith("Undang-Undang Nomor 14 Tahun 2008")
    assert [p.style.name for p in word.paragraphs[start + 1:start + 5]] == ["List Number"] * 4
    assert any(p.startswith("Hari 2, Manajemen isu: Peserta dapat (1)") for p in paragraphs)


def test_the_curriculum_shows_whole_jp_per_mata_pelatihan_adding_up_to_the_total(word):
    rows = _table(word, "No", "Mata pelatihan", "JP", "Pengajar", "Metode")
    assert [r[2] for r in rows[1:]] == ["6", "8", "6", "7", "27"]
    assert rows[2][3] == "Sri Wahyuni, S.Sos., M.Si." and "diskusi" in rows[2][4]
    sessions = _table(word, "Sesi", "Kegiatan", "Menit", "JP", "Pengajar")
    assert sum(int(r[3]) for r in sessions[1:]) == 27
    assert sessions[1][0] == "H1-pagi\nSenin, 23 November 2026\n08.30–13.15"


def test_the_implementation_names_participants_committee_and_teachers(word):
    offices = _table(word, "Instansi", "Jumlah peserta")
    assert len(offices) == 11 and ["RSUD Muara Seruni", "1"] in offices
    posts = _table(word, "Jabatan", "Jumlah peserta")
    assert ["Pranata Humas Ahli Pertama", "2"] in posts
    committee = _table(word, "No", "Jabatan dalam panitia", "Nama", "NIP")
    assert committee[2] == ["2", "Ketua", "Ratna Sari, S.Sos.", "19850305 201001 2 004"]
    teachers = _table(word, "No", "Nama", "Peran", "Jabatan dan instansi", "Sesi yang diampu")
    assert teachers[3][1:3] == ["Bambang Setiawan, S.Kom.", "fasilitator"]
    assert teachers[3][4:] == ["H3-pagi, H3-siang, H4-siang", "9"]  # 4 + 2 + 3 JP


def test_every_teacher_gets_an_index_and_sessions_are_ranked(word, published):
    teachers = _table(word, "Pengajar", "Sesi", "Penilaian", "Indeks", "Mutu", "Kinerja")
    assert len(teachers) == 5 and all(r[3] not in ("", "–") for r in teachers[1:])
    indices = [float(r[3].replace(",", ".")) for r in teachers[1:]]
    assert indices == sorted(indices, reverse=True)
    ranked = _table(word, "Peringkat", "Sesi", "Pengajar")
    assert [r[0] for r in ranked[1:]] == [str(n) for n in range(1, 8)]
    assert ranked[-1][1] == "H3-siang"  # the demo's weakest session, also on paper
    organisation = _table(word, "Unsur", "Rata-rata (1–4)", "× 25")
    assert [r[0] for r in organisation[1:]] == list(evaluation.ORGANISATION.values())


def test_the_closing_draws_conclusions_from_the_figures(word):
    paragraphs = [p.text for p in word.paragraphs]
    found = paragraphs[paragraphs.index("A. Kesimpulan") + 1:paragraphs.index("B. Rekomendasi")]
    assert any("H4.5" in line and "capaian post-test terendah" in line for line in found)
    assert any("terendah Bambang Setiawan, S.Kom." in line for line in found)
    assert any("UJI.002 Unit uji kedua (4 peserta)" in line for line in found)
    advice = paragraphs[paragraphs.index("B. Rekomendasi") + 1:paragraphs.index("C. Penutup")]
    assert any("tenggat terdekat 31 Januari 2027" in line for line in advice)


def test_the_approval_page_has_both_signatories_with_nip(word):
    (text,) = ["\n".join(c.text for c in t.rows[0].cells) for t in word.tables
               if t.rows[0].cells[0].text.startswith("Muara Seruni, 26 November 2026\nDisusun")]
    assert "Ratna Sari, S.Sos." in text and "NIP 19850305 201001 2 004" in text
    assert "Mengetahui/Menyetujui," in text and "NIP 19700512 199503 1 002" in text


def test_the_appendix_holds_attendance_sheets_participants_photo_and_certificates(word):
    sheets = [t for t in word.tables if t.rows[0].cells[-1].text == "Tanda tangan"]
    assert len(sheets) == len(schedule.sessions())
    h3_siang = [[c.text for c in r.cells] for r in sheets[4].rows]
    assert ["3", "Dewi Kartika Sari", "Dinas Kesehatan", "tidak", ""] in h3_siang
    people = _table(word, "No", "Nama", "NIP", "Pangkat/golongan", "Jabatan", "Instansi")
    assert people[3][2:4] == ["19870126 201101 2 003", "Penata, III/c"]
    assert len(word.inline_shapes) == 4  # charts: gain, exercise steps, organisation; 1 photo
    certificates = _table(word, "No", "Nomor sertifikat", "Nama", "NIP", "JP")
    assert len(certificates) == 10 and certificates[1][1] == "001/800/BIMTEK-HUMAS/XI/2026"
    assert {r[4] for r in certificates[1:]} == {"27"}


def test_no_internal_name_or_iso_date_reaches_the_report(word, published):
    text = _text(word)
    for leak in ("kolom 'rusak.json'", "evaluasi/", "exercises/", "`", "bagian 2.5",
                 "pemetaan_isu", ".csv"):
        assert leak not in text, leak
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
    assert "Berkas jawaban evaluasi rusak.json: berkas rusak" in text  # named as a file


def test_the_report_notes_each_pin_reset_on_the_classroom_server(published):
    _, done = published
    page = (done["folder"] / "laporan_penyelenggaraan.html").read_text(encoding="utf-8")
    assert ("PIN akun rini_paramitha (Rini Paramitha) diatur ulang oleh fasilitator pada "
            "04-12-2026 pukul 10.15") in page


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
    shutil.move(records / evaluation.TEACHER_CSV, tmp_path / evaluation.TEACHER_CSV)
    assert main(["laporan", "--kohort", str(out), "--templat"]) == 0
    assert (records / "daftar_hadir.csv").read_bytes() == kept
    assert (records / evaluation.TEACHER_CSV).read_text(encoding="utf-8").startswith(
        "sesi,penguasaan,sistematika")
    said = capsys.readouterr().out
    assert "Dibuat: " in said and "daftar_hadir_cetak.docx" in said
    sheets = docx.Document(str(records / "daftar_hadir_cetak.docx"))
    assert len(sheets.tables) == len(schedule.sessions())
    assert [c.text for c in sheets.tables[0].rows[0].cells] == ["No", "Nama", "Instansi",
                                                                "Tanda tangan"]
    assert sheets.tables[0].rows[1].cells[1].text == "Rini Paramitha"
    assert round(sheets.tables[0].rows[1].height.mm) == 10  # room to sign
    assert "Senin, 23 November 2026, 08.30–13.15" in "\n".join(p.text for p in sheets.paragraphs)
    (records / identity.FILE).write_text("butir,isi\njudul,Pelatihan\n", encoding="utf-8")
    assert main(["laporan", "--kohort", str(out), "--templat"]) == 0
    said = capsys.readouterr().out
    assert "Lembar daftar hadir untuk dicetak belum dibuat" in said
    assert "butir wajib 'tanggal_mulai' belum diisi" in said


def test_the_identity_dates_read_the_indonesian_way():
    one = Identity({"tanggal_mulai": "2026-11-30", "tanggal_selesai": "2026-12-03"})
    assert one.dates == "30 November – 3 Desember 2026"


def test_the_guide_states_the_total_jp_its_schedule_gives():
    stated = re.search(r"Seluruh\s+pelatihan berjumlah (\d+) JP", schedule.GUIDE.read_text(
        encoding="utf-8")).group(1)
    assert int(stated) == attendance.total_jp(schedule.sessions())


# --- certificates -----------------------------------------------------------------------

def test_a_certificate_carries_nip_the_programmes_jp_and_a_back_page(published):
    _out, done = published
    page = (done["folder"] / "sertifikat" / "dewi_kartika.html").read_text(encoding="utf-8")
    # Dewi missed one session (25 JP attended): the certificate states the programme's 27 JP
    assert "19870126 201101 2 003" in page and "Penata, III/c" in page
    assert "Analis Kebijakan Ahli Muda" in page and "Dinas Kesehatan" in page
    assert "27 jam pelajaran (JP)" in page and "25 jam" not in page
    assert "Muara Seruni, 26 November 2026" in page and "NIP 19700512 199503 1 002" in page
    back = page.split("DAFTAR MATA PELATIHAN", 1)[1]
    assert re.findall(r"<td class='jp'>(\d+)</td>", back) == ["6", "8", "6", "7", "27"]
    assert "<svg" in page  # the QR code, drawn inline
    assert not (done["folder"] / "sertifikat" / "yohanes_bere.html").exists()
    below = pd.read_csv(done["folder"] / "sertifikat" / "tidak_memenuhi.csv",
                        encoding="utf-8-sig")
    assert list(below["id"]) == ["yohanes_bere"]
    assert "tidak hadir: H3-pagi, H3-siang" in below["alasan"][0]


def test_all_certificates_are_also_in_one_page_for_printing(published):
    combined = (published[1]["folder"] / "sertifikat" / "semua_sertifikat.html").read_text(
        encoding="utf-8")
    assert combined.count("<h1>SERTIFIKAT</h1>") == 9
    assert combined.count("DAFTAR MATA PELATIHAN") == 9


def test_the_cohorts_secret_never_reaches_the_outputs(published):
    out, done = published
    records = out / "penyelenggaraan"
    key = (records / register.SECRET).read_text(encoding="utf-8").strip()
    assert (records / register.SECRET).stat().st_mode & 0o077 == 0
    for path in done["folder"].rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path


def test_sertifikat_periksa_accepts_a_genuine_and_refuses_a_tampered_certificate(
        published, tmp_path, capsys):
    out, done = published
    page = done["folder"] / "sertifikat" / "rini_paramitha.html"
    assert main(["sertifikat", "periksa", "--kohort", str(out), "--berkas", str(page)]) == 0
    assert "SAH: sertifikat 001/800/BIMTEK-HUMAS/XI/2026 atas nama Rini Paramitha" in (
        capsys.readouterr().out)
    genuine = certificate_cli.qr_text(page)
    assert genuine.split("|")[2:6] == ["001/800/BIMTEK-HUMAS/XI/2026", "Rini Paramitha",
                                       identity.WORKSHOP, "27"]
    for field, value in ((3, "Rini Paramitha Putri"), (5, "40"), (2, "999/800/X/2026")):
        forged = genuine.split("|")
        forged[field] = value
        assert main(["sertifikat", "periksa", "--kohort", str(out), "|".join(forged)]) == 1
        assert "DITOLAK" in capsys.readouterr().out
    forged_page = tmp_path / "palsu.html"
    forged_page.write_text(page.read_text(encoding="utf-8").replace("Rini Paramitha",
                                                                     "Rina Paramitha"))
    assert main(["sertifikat", "periksa", "--kohort", str(out), "--berkas",
                 str(forged_page)]) == 1
    assert main(["sertifikat", "periksa", "--kohort", str(tmp_path), genuine]) == 1
    assert "Kunci sertifikat kohort ini tidak ada" in capsys.readouterr().out


def test_correcting_attendance_never_renumbers_certificates(tmp_path):
    who = {pid: {"id": pid, "nama": p.nama, "nip": p.nip} for pid, p in PEOPLE.items()}
    number = Identity({"nomor_awalan": "800/X/2026", "tanggal_selesai": "2026-11-26"})

    def issue(*ids):
        return register.issue(tmp_path, [who[i] for i in ids], number.certificate_number,
                              "Pelatihan", 26).set_index("id")["nomor"]

    everyone = [pid for pid in PEOPLE if pid != "yohanes_bere"]
    first = issue(*everyone)
    # Yohanes was there after all, and Rini left early on the last day
    second = issue(*[pid for pid in PEOPLE if pid != "rini_paramitha"])
    assert "rini_paramitha" not in second and second["yohanes_bere"] == "800/X/2026/010"
    assert (second.drop("yohanes_bere") == first.drop("rini_paramitha")).all()
    third = issue(*PEOPLE)  # Rini's sheet was wrong: she keeps her number
    assert third["rini_paramitha"] == first["rini_paramitha"] == "800/X/2026/001"
    assert register.load(tmp_path)["urut"].tolist() == [str(n) for n in range(1, 11)]


def test_a_certificate_may_have_one_signatory_and_its_own_numbering(published):
    out, _ = published
    found = inputs.load(out)
    one = Identity({**found.identity.items, "sertifikat_penandatangan": "1",
                    "nomor_format": "{awalan}/{tahun}/{urut:04d}"}, found.identity.lists)
    entry = {"nomor": one.certificate_number(1), "nama": "Rini Paramitha",
             "program": one["judul"], "jp": 26, "kode": "0" * 32}
    page = certificates.page(one, vars(PEOPLE["rini_paramitha"]), entry,
                             curriculum.modules(found.sessions))
    assert "800/BIMTEK-HUMAS/XI/2026/2026/0001" in page
    assert "Drs. Hendra Wijaya" in page and "Ratna Sari" not in page


# --- the organiser's records ------------------------------------------------------------

def test_the_organisers_file_reads_lists_and_records():
    found = identity.read(demo_identity_file(), [s.id for s in schedule.sessions()])
    assert len(found.many("dasar_hukum")) == 4 and found.many("kop")[1] == "SEKRETARIAT DAERAH"
    teacher = found.many("pengajar")[1]
    assert teacher["sesi"] == ["H2-pagi", "H2-siang"] and teacher["peran"] == "fasilitator"
    assert found.many("foto")[0]["berkas"] == "dokumentasi/pembukaan.png"
    assert found.certificate_number(7) == "007/800/BIMTEK-HUMAS/XI/2026"


def demo_identity_file() -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / "penilaian.json").write_text("{}")
    demo.write(folder, PEOPLE)
    return folder / "penyelenggaraan" / identity.FILE


def test_the_template_the_organiser_starts_from_is_itself_valid(tmp_path):
    found = identity.read(identity.template(tmp_path / identity.FILE),
                          [s.id for s in schedule.sessions()])
    assert found.many("pengajar")[0]["sesi"] == ["H1-pagi", "H2-pagi"]


def test_an_identity_file_of_the_earlier_version_stays_valid(tmp_path):
    path = tmp_path / identity.FILE
    pd.DataFrame(list(demo.IDENTITY.items())[:14], columns=["butir", "isi"]).to_csv(path,
                                                                                  index=False)
    found = identity.read(path)
    assert found.many("pengajar") == [] and found.certificate_number(3) == (
        "800/BIMTEK-HUMAS/XI/2026/003")


@pytest.mark.parametrize("row, expected", [
    ("penandatangan_1_nip,1970", ("baris 3, kolom 'isi': butir 'penandatangan_1_nip': NIP "
                                 "'1970' harus 18 angka")),
    ("pengajar,Ani | guru | H1-pagi", ("baris 3, kolom 'isi': butir 'pengajar': peran 'guru' "
                                      "harus 'fasilitator' atau 'narasumber'.")),
    ("pengajar,Ani | fasilitator | H9-pagi", ("baris 3, kolom 'isi': butir 'pengajar': sesi "
                                             "'H9-pagi' tidak dikenal")),
    ("panitia,Ketua", "baris 3, kolom 'isi': butir 'panitia': tulis 'peran | nama | nip'"),
    ("nomor_format,{nomor}/2026", ("baris 3, kolom 'isi': butir 'nomor_format': "
                                  "'{nomor}/2026' hanya boleh memakai {urut}")),
    ("sertifikat_penandatangan,3", ("baris 3, kolom 'isi': butir 'sertifikat_penandatangan': "
                                   "isi 1, 2, atau 1,2.")),
    ("kepala,Budi", "baris 3, kolom 'butir': butir 'kepala' tidak dikenal"),
])
def test_a_bad_organiser_row_is_named_by_row_and_item(tmp_path, row, expected):
    path = tmp_path / identity.FILE
    rows = [("judul", "Pelatihan"), tuple(row.split(",", 1))] + [
        (k, v) for k, v in demo.IDENTITY.items() if k != "judul" and k != row.split(",")[0]]
    pd.DataFrame(rows, columns=["butir", "isi"]).to_csv(path, index=False)
    with pytest.raises(DatasetError) as caught:
        identity.read(path, [s.id for s in schedule.sessions()])
    assert "identitas.csv" in str(caught.value) and expected in str(caught.value)


def test_the_roster_may_carry_nip_and_pangkat_and_old_rosters_stay_valid(tmp_path):
    assert PEOPLE["dewi_kartika"].nip == "19870126 201101 2 003"
    old = tmp_path / "lama.csv"
    old.write_text("id,nama,instansi,jabatan\nP01,Ani,Dinkes,Analis\n", encoding="utf-8")
    assert roster.load(old)["P01"].nip == ""
    bad = tmp_path / "salah.csv"
    bad.write_text("id,nama,instansi,jabatan,nip\nP01,Ani,Dinkes,Analis,12345\n",
                   encoding="utf-8")
    with pytest.raises(roster.RosterError, match="baris 2: NIP '12345' harus 18 angka"):
        roster.load(bad)


# --- the report's PDF -------------------------------------------------------------------

def test_the_reports_pdf_comes_from_libreoffice_where_installed(tmp_path, monkeypatch):
    office = tmp_path / "bin" / "soffice"
    office.parent.mkdir()
    office.write_text('#!/bin/sh\nwhile [ "$1" != "--outdir" ]; do shift; done\n'
                      'name="${3##*/}"; printf "%%PDF-1.7" > "$2/${name%.docx}.pdf"\n')
    office.chmod(0o755)
    monkeypatch.setenv("PATH", str(office.parent))
    (tmp_path / "laporan.docx").write_bytes(b"docx")
    made, how = publish.report_pdf(tmp_path / "laporan.docx", tmp_path / "laporan.html")
    assert made.read_bytes() == b"%PDF-1.7" and how == "LibreOffice (dari DOCX)"


def test_without_libreoffice_or_chromium_the_report_says_how_to_make_the_pdf(tmp_path,
                                                                            monkeypatch):
    monkeypatch.setenv("PATH", "")
    made, how = publish.report_pdf(tmp_path / "laporan.docx", tmp_path / "laporan.html")
    assert made is None and "LibreOffice dan Chromium tidak ditemukan" in how
