"""Participants analyse their own office's data without writing code (Days 1 and 2,
"Data Anda sendiri"): read, map, check, compute with the modules' own functions, take home."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile

import docx
import openpyxl
import own_data_files as files
import pandas as pd
import pytest

from humaskit import satisfaction
from humaskit.datasets import DatasetError
from humaskit.issues import issue_map
from humaskit.number_format import angka
from humaskit.own_data import (
    analyse,
    fields,
    mapping,
    prepare,
    reading,
    results,
    takehome,
    ui,
    values,
)

PERSONAL = files.NAMES + files.PHONES + files.NIKS


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    path = tmp_path_factory.mktemp("skm") / "SKM Disdukcapil 2025.xlsx"
    path.write_bytes(files.messy_xlsx())
    return path


@pytest.fixture(scope="module")
def messy_checked(messy):
    raw = reading.read_table(messy)
    return prepare.prepare(raw, mapping.propose(raw, "skm"))


def _upload(widget: ui.DataSaya, data: bytes, name: str) -> None:
    widget.upload.value = ({"name": name, "type": "", "size": len(data),
                            "content": memoryview(data), "last_modified": dt.datetime.now()},)


def _docx_text(path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _xlsx_text(path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(str(c) for s in book.worksheets for row in s.iter_rows(values_only=True)
                     for c in row if c is not None)


# --- reading and mapping ----------------------------------------------------------------

def test_the_header_is_found_below_a_merged_title_and_group_headers(messy):
    raw = reading.read_table(messy)
    assert raw.frame.columns[0] == "Stempel waktu"
    assert "Unit Layanan" in raw.frame.columns  # merged down from the group row
    assert raw.rows[0] == 4  # the first respondent is on spreadsheet row 4
    assert raw.where("U3") == "H «U3»"


def test_the_proposal_reads_a_form_question_codes_and_marks_personal_columns(messy):
    proposed = mapping.propose(reading.read_table(messy), "skm")
    assert proposed.columns["u1"] == files.Q1
    assert [proposed.columns[f"u{i}"] for i in range(2, 10)] == [f"U{i}" for i in range(2, 10)]
    assert proposed.columns["unit_layanan"] == "Unit Layanan"
    assert proposed.columns["tanggal"] == "Stempel waktu"
    assert set(proposed.personal) == {"Nama Responden", "No. HP", "NIK"}


def test_each_problem_is_named_by_spreadsheet_row_and_column(messy_checked):
    found = [str(p) for p in messy_checked.problems]
    assert found == [
        "baris 6, kolom H «U3»: nilai 5 di luar rentang 1 sampai 4.",
        ("baris 10, kolom A «Stempel waktu»: «31/02/2025» tidak dapat dibaca sebagai "
         "tanggal (contoh yang benar: 01/09/2025 atau 1 September 2025)."),
        "baris 11, kolom J «U5»: isi sel ini tidak dapat dibaca sebagai jawaban 1–4.",
        ("baris 12, kolom A «Stempel waktu»: stempel waktu sama dengan baris 4 (kemungkinan "
         "terisi dua kali)."),
    ]
    assert messy_checked.blank_rows == 1  # row 8: counted apart, not a problem


def test_bad_rows_stop_the_computation_unless_the_participant_leaves_them_out(messy_checked):
    with pytest.raises(DatasetError, match="baris 6"):
        results.survey(messy_checked)
    result = results.survey(messy_checked, leave_out_bad_rows=True)
    assert result.respondents == 4 and result.left_out == 4


def test_the_messy_workbook_gives_the_hand_computed_ikm(messy_checked):
    result = results.survey(messy_checked, leave_out_bad_rows=True, population=1000)
    assert result.ikm == pytest.approx(files.HAND_IKM)  # 80.56
    assert (result.mutu, result.kinerja) == ("B", "Baik")
    assert result.weakest.iloc[0]["kode"] == "u8"  # NRR (2+3+4+2)/4 = 2.75
    assert result.minimum_sample == 278 and result.sample_is_enough is False
    assert sorted(result.by_unit["unit_layanan"]) == ["Akta kelahiran", "KTP-el"]


def test_the_module_functions_compute_the_result(messy_checked):
    result = results.survey(messy_checked, leave_out_bad_rows=True)
    assert result.ikm == satisfaction.ikm(result.table)
    pd.testing.assert_frame_equal(result.by_unit, satisfaction.summary_by_unit(result.table))


def test_the_participants_file_is_never_changed(messy, tmp_path):
    before = messy.read_bytes(), messy.stat().st_mtime_ns
    result = analyse(messy, "skm", leave_out_bad_rows=True)
    takehome.write(result, tmp_path)
    assert (messy.read_bytes(), messy.stat().st_mtime_ns) == before


def test_a_semicolon_csv_with_decimal_commas_gives_the_same_ikm(tmp_path):
    path = tmp_path / "skm_perizinan.csv"
    path.write_bytes(files.semicolon_csv())
    result = analyse(path, "skm")
    assert result.ikm == pytest.approx(files.HAND_IKM)
    assert result.table["tanggal"].min() == pd.Timestamp("2025-10-01")  # day first


@pytest.mark.parametrize("data, name, words", [
    (files.nothing_usable_csv(), "kegiatan.csv", "tidak satu kolom pun dikenali"),
    (b"", "kosong.csv", "berkas kosong"),
    (b"PK\x03\x04 rusak", "rusak.xlsx", "berkas Excel rusak"),
    (b"\x00\x01\x02binary", "foto.csv", "bukan CSV atau XLSX"),
    (b"U1,U2\n", "judul.csv", "tanpa baris data"),
    (b"U1,U2\n3,4\n" + b"x" * 140_000 + b",3\n", "panjang.csv", "baris 3 tidak dapat dibaca"),
])
def test_an_unusable_file_gets_an_indonesian_message(data, name, words):
    with pytest.raises(DatasetError, match=words) as caught:
        raw = reading.read_table(data, name)
        prepare.prepare(raw, mapping.propose(raw, "skm"))
    assert name in str(caught.value)


def test_an_unusable_file_in_the_widget_shows_the_message_not_a_traceback():
    widget = ui.data_saya("skm")
    _upload(widget, files.nothing_usable_csv(), "kegiatan.csv")
    widget.check_button.click()
    assert "tidak satu kolom pun dikenali" in widget.problems.value
    assert "Traceback" not in widget.problems.value
    widget.compute_button.click()
    assert "lihat pesan di langkah 3" in widget.summary.value


def test_a_column_used_twice_or_marked_personal_is_refused(messy):
    raw = reading.read_table(messy)
    chosen = mapping.propose(raw, "skm")
    chosen.columns["u2"] = "U3"
    chosen.columns["unit_layanan"] = "NIK"
    with pytest.raises(DatasetError) as caught:
        prepare.prepare(raw, chosen)
    assert "dipakai dua kali" in str(caught.value)
    assert "ditandai data pribadi" in str(caught.value)


def test_a_saved_mapping_is_reused_for_the_next_round(messy, tmp_path):
    raw = reading.read_table(messy)
    chosen = mapping.propose(raw, "skm")
    chosen.columns["unit_layanan"] = ""
    saved = mapping.save(chosen, tmp_path / "pemetaan.json")
    assert json.loads(saved.read_text(encoding="utf-8"))["jenis"] == "skm"
    assert mapping.load(saved) == mapping.Mapping("skm", {k: v for k, v in chosen.columns.items()
                                                          if v}, chosen.personal)
    (tmp_path / "rusak.json").write_text("{", encoding="utf-8")
    with pytest.raises(DatasetError, match="berkas pemetaan rusak"):
        mapping.load(tmp_path / "rusak.json")


# --- cell values ------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("12.500", 12500), ("1.234.567", 1234567), ("1,5", 1.5), ("1.234,5", 1234.5),
    ("12,500", 12500), (" 300 ", 300), (7, 7), ("tujuh", None),
])
def test_numbers_are_read_the_indonesian_way(cell, expected):
    assert values.number(cell) == expected


@pytest.mark.parametrize("cell, expected", [
    ("4", 4), ("3,0", 3), ("d. Sangat sesuai", 4), ("2 - Kurang mudah", 2),
    ("4 (Sangat Baik)", 4), ("1 (Tidak Puas)", 1), ("oke", None), ("Puas", None),
])
def test_numbers_and_coded_answers_are_read_alone_labels_need_their_scale(cell, expected):
    assert values.answer(cell) == expected


@pytest.mark.parametrize("labels, expected", [
    (("Gratis", "Murah", "Cukup mahal", "Sangat mahal"), (4, 3, 2, 1)),
    (("Tidak ada", "Berfungsi kurang maksimal", "Dikelola dengan baik"), (1, 3, 4)),
    (("Buruk", "Cukup", "Baik", "Sangat Baik"), (1, 2, 3, 4)),  # PermenPANRB's own U9
    (("Sangat Buruk", "Buruk", "Baik", "Sangat Baik"), (1, 2, 3, 4)),
    (("Tidak Puas", "Kurang Puas", "Puas", "Sangat Puas"), (1, 2, 3, 4)),
    (("Sangat Tidak Puas", "Tidak Puas", "Puas", "Sangat Puas"), (1, 2, 3, 4)),
    (("Kurang Puas", "Puas", "Sangat Puas"), (2, 3, 4)),
])
def test_a_scale_gives_distinct_labels_distinct_values_in_order(labels, expected):
    scale = values.propose_scales({"U1": pd.Series(labels)})["U1"]
    assert scale.certain
    assert [scale.values[fields.normalise(label)] for label in labels] == list(expected)


@pytest.mark.parametrize("labels, why", [
    (("Tidak Puas", "Puas", "Sangat Puas"), "kurang dari empat"),  # Tidak Puas: 1 or 2?
    (("Buruk", "Baik", "Sangat Baik"), "kurang dari empat"),
    (("Puas", "Memuaskan", "Sangat Puas"), "nilai yang sama"),
    (("A", "B", "C", "D"), "tanpa keterangan"),
    (("Sangat Tidak Puas", "Tidak Puas", "Cukup", "Puas", "Sangat Puas"), "lebih dari empat"),
])
def test_an_uncertain_scale_is_proposed_but_not_taken_for_certain(labels, why):
    scale = values.propose_scales({"U1": pd.Series(labels)})["U1"]
    assert not scale.certain and why in scale.why


def test_dates_are_read_day_first_unless_the_column_says_otherwise():
    assert values.date("1 September 2025") == pd.Timestamp("2025-09-01")
    assert values.date("01/09/2025") == pd.Timestamp("2025-09-01")
    assert values.date("01/09/2025", dayfirst=False) == pd.Timestamp("2025-01-09")
    assert values.date(45901) == pd.Timestamp("2025-09-01")  # an Excel serial number
    assert values.date("Senin, 5 Januari 2026") == pd.Timestamp("2026-01-05")
    assert values.date("5-Jan-26") == pd.Timestamp("2026-01-05")
    assert values.day_orders(pd.Series(["9/1/2025 10:22:33", "9/30/2025 08:00:00"]))[True] \
        is False
    assert values.date("31/02/2025") is None


@pytest.mark.parametrize("cell, expected", [("2,5 rb", 2500), ("10rb", 10_000),
                                            ("1,2 jt", 1_200_000), ("3 ribu", 3000)])
def test_reach_is_read_with_its_indonesian_abbreviation(cell, expected):
    assert values.number(cell) == expected


# --- issues -----------------------------------------------------------------------------

def test_a_monitoring_log_is_ranked_with_the_day_2_rubric(tmp_path):
    path = tmp_path / "monitoring.csv"
    path.write_bytes(files.monitoring_csv())
    result = analyse(path, "monitoring")
    banjir = result.issues.set_index("topik").loc["banjir"]
    # reach 120.000 + 80.500 + 400.000 + 20.000 = 620.500 → impact 4; 3 of 4 negative = 75%
    # → urgency 4; June 2 clips, May 2 → trend 0; 4 × 4 = 16 → Kritis; PUPR and BPBD.
    assert (banjir["total_jangkauan"], banjir["dampak"], banjir["urgensi"]) == (620_500, 4, 4)
    assert (banjir["prioritas"], banjir["kategori"], banjir["koordinator"]) == (
        16, "Kritis", "Sekda/Wabup")
    pd.testing.assert_frame_equal(result.issues, issue_map.prioritised(result.table))


# --- take home and privacy --------------------------------------------------------------

def test_the_take_home_documents_hold_the_results_and_their_source(messy, tmp_path):
    result = analyse(messy, "skm", leave_out_bad_rows=True)
    written = takehome.write(result, tmp_path)
    text = _docx_text(written["docx"])
    for heading in ("Ringkasan", "Nilai per unsur pelayanan", "Hasil per unit layanan"):
        assert heading in text
    assert "IKM = 80,56 → mutu pelayanan B (Baik)." in text
    assert "PermenPANRB Nomor 14 Tahun 2017" in text and messy.name in text
    assert len(docx.Document(str(written["docx"])).inline_shapes) == 1  # the chart
    page = written["html"].read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and "http" not in page.replace(
        "http-equiv", "")
    sheets = openpyxl.load_workbook(written["xlsx"]).sheetnames
    assert sheets == ["Keterangan", "NRR per unsur", "IKM per unit layanan"]


def test_personal_data_never_reaches_any_output(messy, tmp_path):
    widget = ui.data_saya("skm", tmp_path)
    _upload(widget, messy.read_bytes(), messy.name)
    widget.check_button.click()
    widget.leave_out.value = True
    widget.compute_button.click()
    written = widget.take_home()
    shown = widget.preview.value + widget.problems.value + widget.summary.value
    outputs = [shown, written["html"].read_text(encoding="utf-8"),
               _xlsx_text(written["xlsx"]), _docx_text(written["docx"])]
    with zipfile.ZipFile(written["docx"]) as package:  # every part of the Word file
        outputs += [package.read(n).decode("utf-8", "ignore") for n in package.namelist()]
    for output in outputs:
        for value in PERSONAL:
            assert value not in output
    assert "data pribadi, disembunyikan" in widget.preview.value


def test_the_widget_route_and_the_function_route_agree(messy, tmp_path):
    widget = ui.data_saya("skm", tmp_path / "widget")
    _upload(widget, messy.read_bytes(), messy.name)
    widget.check_button.click()
    widget.leave_out.value = True
    widget.population.value = 1000
    widget.compute_button.click()
    by_widget = widget.result
    by_function = analyse(messy, "skm", leave_out_bad_rows=True, population=1000)
    assert by_widget.ikm == by_function.ikm
    pd.testing.assert_frame_equal(by_widget.nrr, by_function.nrr)
    pd.testing.assert_frame_equal(by_widget.by_unit, by_function.by_unit)
    written = widget.take_home()
    assert _docx_text(written["docx"]) == _docx_text(
        takehome.write(by_function, tmp_path / "function")["docx"])
    assert "Unduh hasil_skm.docx" in widget.downloads.value


def test_a_mapping_corrected_in_the_widget_is_the_one_used(tmp_path):
    widget = ui.data_saya("monitoring", tmp_path)
    _upload(widget, files.monitoring_csv(), "monitoring.csv")
    assert widget.choices["opd_terkait"].value == "OPD"
    widget.choices["opd_terkait"].value = ""
    widget.compute_button.click()
    assert set(widget.result.issues["opd_utama"]) == {"(tidak disebut)"}
    assert "Nama wartawan" in widget.mapping().personal


def test_the_kits_own_files_through_this_route_give_the_modules_results():
    from humaskit import datasets

    survey = analyse(datasets.path("survei_kepuasan"), "skm")
    assert survey.ikm == satisfaction.ikm(datasets.load("survei_kepuasan"))
    pd.testing.assert_frame_equal(
        survey.by_unit, satisfaction.summary_by_unit(datasets.load("survei_kepuasan")))
    clips = analyse(datasets.path("monitoring_isu"), "monitoring")
    expected = issue_map.prioritised(datasets.load("monitoring_isu"))
    pd.testing.assert_frame_equal(clips.issues, expected)


# --- issue 23: files shaped like those that showed each defect ---------------------------

#: PermenPANRB 14/2017's bands on the 25–100 scale, written out here (not the kit's table).
PERMENPANRB_BANDS = ((88.31, "A", "Sangat Baik"), (76.61, "B", "Baik"),
                     (65.00, "C", "Kurang Baik"), (25.00, "D", "Tidak Baik"))
ROW_AND_COLUMN = re.compile(r"^baris \d+, kolom [A-Z]+ «[^«»']+»: \S")


def independent_ikm(rows) -> float:
    """NRR of each element = its mean answer; IKM = Σ NRR × 1/9 × 25 (PermenPANRB 14/2017)."""
    nrr = [sum(r[e] for r in rows) / len(rows) for e in range(9)]
    return sum(n / 9 for n in nrr) * 25


def band_of(shown: str) -> tuple[str, str]:
    value = float(shown.replace(",", "."))
    return next((mutu, kinerja) for lowest, mutu, kinerja in PERMENPANRB_BANDS
                if value >= lowest)


def widget_text(widget: ui.DataSaya) -> str:
    """Everything the widget shows: every HTML, label, option and description in it."""
    texts = []

    def walk(w):
        for name in ("value", "description", "placeholder"):
            value = getattr(w, name, None)
            if isinstance(value, str):
                texts.append(value)
        texts.extend(o[0] if isinstance(o, tuple) else str(o)
                     for o in getattr(w, "options", ()) or ())
        for child in getattr(w, "children", ()):
            walk(child)

    walk(widget.widget)
    return "\n".join(texts)


def run_widget(widget: ui.DataSaya, data: bytes, name: str, leave_out: bool = False):
    _upload(widget, data, name)
    widget.check_button.click()
    widget.leave_out.value = leave_out
    widget.compute_button.click()
    return widget.take_home()


def assert_private_nowhere(texts, private):
    for text in texts:
        for value in private:
            assert str(value) not in text, value


def test_personal_columns_are_hidden_by_header_and_by_values(tmp_path):
    raw = reading.read_table(files.personal_xlsx(), "skm_pelayanan.xlsx")
    proposed = mapping.propose(raw, "skm")
    assert set(proposed.personal) == {*files.LEAKED_HEADERS, "Keterangan", "Data", "Info",
                                      "Lokasi", "Responden"}
    assert [proposed.columns[f"u{i}"] for i in range(1, 10)] == [f"U{i}" for i in range(1, 10)]
    widget = ui.data_saya("skm", tmp_path)
    written = run_widget(widget, files.personal_xlsx(), "skm_pelayanan.xlsx", leave_out=True)
    assert "data pribadi, disembunyikan" in widget.preview.value
    # The phone number typed into U9 and the name typed into U3 are named, not repeated.
    problems = [str(p) for p in widget.prepared.problems]
    assert problems == [
        "baris 4, kolom V «U9»: isi sel ini di luar rentang 1 sampai 4.",
        "baris 7, kolom P «U3»: isi sel ini tidak dapat dibaca sebagai jawaban 1–4."]
    outputs = [widget_text(widget), written["html"].read_text(encoding="utf-8"),
               _xlsx_text(written["xlsx"]), _docx_text(written["docx"])]
    private = [*files.PRIVATE, *(p.lstrip("0") for p in files.PHONES)]
    assert_private_nowhere(outputs, private)
    kept = [a for n, a in enumerate(files.answers(8)) if n not in (2, 5)]
    assert widget.result.ikm == pytest.approx(independent_ikm(kept))


@pytest.mark.parametrize("header, personal", [
    ("Alamat (Desa/Kelurahan)", True), ("Nama / Instansi", True), ("Nama OPD", False),
    ("Nama Media", False), ("Desa", False), ("Kecamatan", False), ("Nama Petugas", True),
    ("No. WA", True), ("Waktu pelayanan", False), ("Pengaduan", False),
])
def test_a_header_is_personal_unless_it_names_an_office_or_a_place(header, personal):
    assert fields.personal_by_header(header) is personal


def test_media_names_are_not_taken_for_peoples_names():
    media = ("Harian Contoh", "Portal Kita", "Radio Seruni", "Tribun Timur", "Pos Kupang")
    lines = ["Tanggal;Media;Isu;Sentimen;Jangkauan"]
    lines += [f"0{n + 1}/05/2025;{m};banjir;negatif;100" for n, m in enumerate(media)]
    raw = reading.read_table("\n".join(lines).encode(), "monitoring.csv")
    assert mapping.propose(raw, "monitoring").personal == []


def test_a_sheet_without_a_header_row_is_refused_without_showing_its_first_row():
    lines = [f"{files.NAMES[n]};{files.PHONES[n]};3;4;3;3;3;3;3;3;3" for n in range(4)]
    with pytest.raises(DatasetError, match="baris 1 terbaca sebagai judul kolom") as caught:
        reading.read_table("\n".join(lines).encode(), "tanpa_judul.csv")
    assert_private_nowhere([str(caught.value)], files.PRIVATE)


def test_a_preview_hides_a_stray_phone_number_in_a_free_text_column():
    frame = pd.DataFrame({"Saran": ["Hubungi saya di 0812-3456-7801", "Antrean panjang"]})
    shown = takehome.preview(frame, [])
    assert "0812" not in shown.to_string() and "Antrean panjang" in shown.to_string()


@pytest.mark.parametrize("scale", ["puas", "baik"])
def test_four_labels_get_four_values_and_the_true_ikm(tmp_path, scale):
    path = tmp_path / f"skm_{scale}.csv"
    path.write_bytes(files.labelled_csv(scale))
    result = analyse(path, "skm")
    truth = independent_ikm(files.answers(40, seed=3))
    assert result.ikm == pytest.approx(truth)
    assert sorted(result.table["u1"].unique()) == sorted({a[0] for a in files.answers(40, 3)})


def test_an_uncertain_order_is_asked_and_the_confirmed_table_is_used(tmp_path):
    data = files.labelled_csv("puas", drop="Kurang Puas")
    raw = reading.read_table(data, "skm_tiga_label.csv")
    checked = prepare.prepare(raw, mapping.propose(raw, "skm"))
    assert str(checked.column_problems[0]).startswith(
        "kolom B «U1»: urutan label jawaban belum pasti")
    with pytest.raises(DatasetError, match="belum pasti"):
        results.survey(checked, leave_out_bad_rows=True)  # leaving rows out cannot mend it
    widget = ui.data_saya("skm", tmp_path)
    _upload(widget, data, "skm_tiga_label.csv")
    (headers, dropdowns, tick), = widget.scale_rows  # one table for the nine columns
    assert len(headers) == 9 and not tick.value
    assert {label: box.value for label, box in dropdowns.items()} == {
        "Tidak Puas": 1, "Puas": 3, "Sangat Puas": 4}
    assert "Periksa nilai jawaban" in widget_text(widget)
    widget.compute_button.click()
    assert widget.result is None and "belum pasti" in widget.problems.value
    tick.value = True  # the participant confirms: Tidak Puas is the lowest answer
    widget.compute_button.click()
    truth = [tuple(3 if v == 2 else v for v in a) for a in files.answers(40, seed=3)]
    assert widget.result.ikm == pytest.approx(independent_ikm(truth))


def test_two_labels_share_a_value_only_when_the_participant_says_so():
    frame = pd.DataFrame({"U1": ["Puas", "Memuaskan", "Sangat Puas", "Tidak Puas"] * 3})
    raw = reading.RawTable("skm.csv", frame, tuple(range(2, 14)), {"U1": "A"})
    chosen = mapping.Mapping("skm", {"u1": "U1"})
    assert not mapping.scales(raw, chosen)["U1"].certain
    chosen.scales = {"U1": {"Tidak Puas": 1, "Puas": 3, "Memuaskan": 3, "Sangat Puas": 4}}
    answers = prepare._answers(frame["U1"], "A «U1»", chosen.scales["U1"],
                               mapping.scales(raw, chosen)["U1"])
    assert list(answers[0])[:4] == [3, 3, 4, 1] and not answers[1]


def test_the_band_follows_the_ikm_as_shown(tmp_path):
    data, rows = files.banded_csv()
    path = tmp_path / "skm_loket.csv"
    path.write_bytes(data)
    result = analyse(path, "skm")
    assert result.ikm == pytest.approx(independent_ikm(rows)) and result.ikm < 76.61
    shown = angka(result.ikm)
    assert shown == "76,61"
    assert (result.mutu, result.kinerja) == band_of(shown) == ("B", "Baik")
    unit = result.by_unit.iloc[0]
    assert (unit["mutu"], unit["kinerja"]) == band_of(angka(unit["ikm"]))
    text = _docx_text(takehome.write(result, tmp_path / "hasil")["docx"])
    assert "IKM = 76,61 → mutu pelayanan B (Baik)." in text


def test_identical_respondents_are_kept_with_a_note(tmp_path):
    data, given = files.identical_csv()
    path = tmp_path / "skm_tanpa_nomor.csv"
    path.write_bytes(data)
    raw = reading.read_table(path)
    checked = prepare.prepare(raw, mapping.propose(raw, "skm"))
    assert checked.problems == []
    assert checked.notes[0].startswith("33 responden memberi jawaban yang sama persis")
    result = results.survey(checked)
    assert result.respondents == 75
    assert result.ikm == pytest.approx(independent_ikm(given))


def test_a_repeated_respondent_number_or_form_timestamp_is_a_double_entry():
    rows = ["No. Responden;Stempel waktu;" + ";".join(f"U{i}" for i in range(1, 10)),
            "R1;01/03/2026 09:00:01;" + ";".join("3" * 9),
            "R2;01/03/2026 09:05:00;" + ";".join("4" * 9),
            "R1;01/03/2026 10:00:00;" + ";".join("2" * 9),
            "R3;01/03/2026 09:05:00;" + ";".join("1" * 9)]
    raw = reading.read_table("\n".join(rows).encode(), "skm.csv")
    checked = prepare.prepare(raw, mapping.propose(raw, "skm"), today=dt.date(2026, 6, 1))
    assert [str(p) for p in checked.problems] == [
        ("baris 4, kolom A «No. Responden»: nomor responden sama dengan baris 2 "
         "(kemungkinan terisi dua kali)."),
        ("baris 5, kolom B «Stempel waktu»: stempel waktu sama dengan baris 3 "
         "(kemungkinan terisi dua kali).")]


def test_a_free_text_column_is_never_proposed_for_an_element(tmp_path):
    data, given = files.free_text_csv()
    path = tmp_path / "skm_singkat.csv"
    path.write_bytes(data)
    proposed = mapping.propose(reading.read_table(path), "skm")
    assert proposed.columns["u8"] == "Pengaduan"
    assert "Saran dan Masukan" not in proposed.columns.values()
    assert analyse(path, "skm").ikm == pytest.approx(independent_ikm(given))


def test_a_column_named_like_an_element_but_holding_text_is_explained_not_taken():
    lines = [";".join(f"U{i}" for i in range(1, 10))]
    lines += [";".join(["3"] * 7 + ["Mohon antrean dipercepat", "4"]) for _ in range(5)]
    raw = reading.read_table("\n".join(lines).encode(), "skm.csv")
    with pytest.raises(DatasetError) as caught:
        prepare.prepare(raw, mapping.propose(raw, "skm"))
    assert ("belum ada kolom untuk «U8 Penanganan pengaduan, saran dan masukan». Kolom H «U8» "
            "bernama seperti unsur ini, tetapi isinya kebanyakan bukan jawaban 1–4") in str(
        caught.value)
    assert "Mohon antrean" not in str(caught.value)


def test_dates_follow_their_unambiguous_neighbours_and_reach_reads_rb(tmp_path):
    raw = reading.read_table(files.dated_monitoring_csv(), "monitoring.csv")
    checked = prepare.prepare(raw, mapping.propose(raw, "monitoring"),
                              today=dt.date(2026, 3, 1))
    assert checked.problems == []
    assert checked.notes == [("1 tanggal di kolom A «Tanggal» dapat dibaca dua cara (mis. "
                              "«05/02/2026»); semuanya dibaca sebagai hari/bulan, seperti "
                              "tanggal lain di kolom itu yang jelas urutannya.")]
    assert [d.strftime("%Y-%m-%d") for d in checked.frame["tanggal"]] == [
        "2026-02-14", "2026-01-30", "2026-02-05", "2026-01-25", "2026-01-05", "2026-01-05"]
    assert list(checked.frame["jangkauan"]) == [2500, 1200, 300, 1_200_000, 800, 10_000]
    result = results.issues(checked)
    assert str(result.month) == "2026-02"


def test_ambiguous_future_and_far_past_dates_are_refused_by_row_and_column():
    raw = reading.read_table(files.mixed_dates_csv(), "monitoring.csv")
    checked = prepare.prepare(raw, mapping.propose(raw, "monitoring"),
                              today=dt.date(2026, 3, 1))
    found = [str(p) for p in checked.problems]
    assert [p.row for p in checked.problems] == [4, 5, 6]
    assert all(ROW_AND_COLUMN.match(p) and "kolom A «Tanggal»" in p for p in found)
    assert "dapat dibaca dua cara" in found[0]
    assert "3 Maret 2031, setelah hari ini" in found[1]
    assert "1 Januari 1996, sebelum tahun 2000" in found[2]


def test_coded_answers_and_letters_are_read_with_the_files_legend(tmp_path):
    data, given = files.coded_answers_xlsx()
    path = tmp_path / "skm_huruf.xlsx"
    path.write_bytes(data)
    raw = reading.read_table(path)
    assert raw.legend["a"] == "Sangat Baik" and raw.rows[0] == 4
    assert analyse(path, "skm").ikm == pytest.approx(independent_ikm(given))
    plain = reading.read_table(b"U1;U2\nA;B\nC;D\n", "huruf.csv")
    assert not mapping.scales(plain, mapping.propose(plain, "skm"))["U1"].certain


def test_the_active_sheet_is_read_and_another_can_be_chosen(tmp_path):
    data, now, before = files.two_sheets_xlsx()
    raw = reading.read_table(data, "skm.xlsx")
    assert raw.sheet == "Data 2026" and raw.sheets == ("Rekap", "Data 2026", "Data 2025",
                                                      "Catatan")
    path = _saved(tmp_path, data, "skm.xlsx")
    assert analyse(path, "skm", sheet="Data 2025").ikm == pytest.approx(independent_ikm(before))
    widget = ui.data_saya("skm", tmp_path)
    _upload(widget, data, "skm.xlsx")
    assert widget.sheet.layout.display == "" and widget.sheet.value == "Data 2026"
    widget.compute_button.click()
    assert widget.result.ikm == pytest.approx(independent_ikm(now))
    widget.sheet.value = "Data 2025"
    widget.compute_button.click()
    assert widget.result.ikm == pytest.approx(independent_ikm(before))
    widget.sheet.value = "Rekap"
    widget.check_button.click()
    assert "skm.xlsx, lembar «Rekap»" in widget.problems.value
    widget.sheet.value = "Catatan"  # empty: the message names the others, still choosable
    assert "lembar ini tidak berisi data. Lembar lain di berkas ini: «Rekap», «Data 2026»" in (
        widget.file_status.value)
    widget.sheet.value = "Data 2026"
    widget.compute_button.click()
    assert widget.result.ikm == pytest.approx(independent_ikm(now))


def test_a_long_letterhead_is_passed_or_the_message_says_where_to_point(tmp_path):
    data, given = files.letterhead_xlsx(14)
    raw = reading.read_table(data, "skm_kop.xlsx")
    assert raw.rows[0] == 16 and raw.where("U1") == "B «U1»"
    assert analyse(_saved(tmp_path, data, "skm_kop.xlsx"), "skm").ikm == pytest.approx(
        independent_ikm(given))
    data, given = files.letterhead_xlsx(40)
    with pytest.raises(DatasetError, match="di 30 baris pertama.*«Baris judul»"):
        reading.read_table(data, "skm_kop_panjang.xlsx")
    widget = ui.data_saya("skm", tmp_path)
    widget.header_row.value = 41
    _upload(widget, data, "skm_kop_panjang.xlsx")
    widget.compute_button.click()
    assert widget.result.ikm == pytest.approx(independent_ikm(given))


def _saved(folder, data: bytes, name: str):
    path = folder / name
    path.write_bytes(data)
    return path


def test_blank_and_empty_template_rows_are_counted_apart_from_problems(tmp_path):
    data, given = files.template_csv()
    widget = ui.data_saya("skm", tmp_path)
    run_widget(widget, data, "templat_skm.csv", leave_out=True)
    assert (widget.prepared.blank_rows, widget.prepared.template_rows) == (3, 118)
    assert "3 masalah di 3 baris." in widget.problems.value
    assert "3 baris kosong dan 118 baris templat bernomor tanpa isian tidak dihitung." in (
        widget.notes.value)
    assert widget.result.respondents == 6
    assert widget.result.ikm == pytest.approx(independent_ikm(given))
    assert "3 baris bermasalah ditinggalkan" in widget.summary.value


def test_a_column_on_a_one_to_five_scale_is_one_warning_not_a_row_each():
    raw = reading.read_table(files.five_point_csv(), "skm_lima.csv")
    checked = prepare.prepare(raw, mapping.propose(raw, "skm"))
    assert [str(p) for p in checked.problems] == [
        ("kolom C «U2»: kolom ini memakai skala 1–5 (4 jawaban bernilai 5), padahal IKM "
         "menurut PermenPANRB 14/2017 memakai skala 1–4. Ubah jawabannya ke skala 1–4 di "
         "berkas asli; baris-baris itu tidak dapat sekadar ditinggalkan.")]
    with pytest.raises(DatasetError):
        results.survey(checked, leave_out_bad_rows=True)


@pytest.mark.parametrize("data, name", [
    (b"PK\x03\x04 rusak", "rusak.xlsx"), (files.messy_xlsx(), "skm.xlsx"),
    (files.template_csv()[0], "templat.csv"), (files.mixed_dates_csv(), "monitoring.csv"),
])
def test_messages_are_plain_indonesian_without_class_names_or_double_quotes(tmp_path, data,
                                                                             name):
    widget = ui.data_saya("monitoring" if "monitoring" in name else "skm", tmp_path)
    _upload(widget, data, name)
    widget.check_button.click()
    text = re.sub(r"<[^>]+>", " ", widget_text(widget))  # what the participant reads
    assert not re.search(r"Error|Exception|\(OSError\)|'[^'\n]{0,40}«|»'|Traceback", text)
    problems = widget.prepared.problems if widget.prepared else []
    assert all(ROW_AND_COLUMN.match(str(p)) for p in problems if p.row is not None)


def test_a_slow_step_shows_that_it_is_working(tmp_path, monkeypatch):
    widget = ui.data_saya("skm", tmp_path)
    seen = []
    real = reading.read_table

    def slow(*args, **kwargs):
        seen.append(widget.progress.value)
        return real(*args, **kwargs)

    monkeypatch.setattr(reading, "read_table", slow)
    _upload(widget, files.semicolon_csv(), "skm.csv")
    assert "Sedang membaca berkas" in seen[0] and widget.progress.value == ""


def test_the_widget_names_the_size_limit_and_the_by_path_route():
    text = widget_text(ui.data_saya("skm"))
    assert "paling besar 20 MB" in text and "ketik lokasinya" in text
    with pytest.raises(DatasetError, match="lebih dari 20 MB"):
        reading.read_table(b"U1\n" + b"3\n" * (reading.MAX_BYTES // 2 + 1), "besar.csv")
