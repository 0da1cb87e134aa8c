"""Participants evaluate the teacher of each session and the organisation; each teacher and
the organisation get an SKM-style index and band, computed as the SKM is."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from humaskit import evaluation
from humaskit.evaluation import ui
from humaskit.training import schedule

TEACHER = list(evaluation.TEACHER)
ORGANISATION = list(evaluation.ORGANISATION)


def _rows(*blocks: tuple[str, str, list[int]]) -> pd.DataFrame:
    rows = []
    for form, session, values in blocks:
        elements = TEACHER if session else ORGANISATION
        row = dict.fromkeys(evaluation.COLUMNS, math.nan)
        row.update(formulir=form, sesi=session, komentar="",
                   **{e: (math.nan if v == 0 else float(v)) for e, v in zip(elements, values)})
        rows.append(row)
    return pd.DataFrame(rows, columns=evaluation.COLUMNS)


def test_a_teachers_index_is_computed_as_the_skm_is():
    answers = _rows(("hari2", "H2-pagi", [4, 3, 2, 3, 4, 4, 3]),
                    ("hari2", "H2-pagi", [3, 3, 3, 4, 4, 2, 3]))
    result = evaluation.index(answers, evaluation.TEACHER)
    # means 3.5 3.0 2.5 3.5 4.0 3.0 3.0 → Σ/7 = 22.5/7 → × 25 = 80.36 → B (Baik)
    assert list(result.elements["rata_rata"]) == [3.5, 3.0, 2.5, 3.5, 4.0, 3.0, 3.0]
    assert result.value == pytest.approx(22.5 / 7 * 25)
    assert (result.mutu, result.kinerja) == ("B", "Baik")
    assert "bukan SKM resmi" in evaluation.LABEL


def test_meals_not_provided_are_left_out_of_the_organisations_index():
    answers = _rows(("akhir", "", [4, 4, 4, 0, 2, 2]), ("akhir", "", [4, 4, 4, 0, 2, 2]))
    result = evaluation.index(answers, evaluation.ORGANISATION)
    assert evaluation.MEALS not in set(result.elements["unsur"])
    assert result.value == pytest.approx(16 / 5 * 25)  # weights shared among five


def test_each_teacher_gets_an_index_over_the_sessions_they_taught_best_first():
    answers = _rows(("hari1", "H1-pagi", [4] * 7), ("hari2", "H2-pagi", [3] * 7),
                    ("hari2", "H2-siang", [2] * 7), ("akhir", "", [4] * 6))
    taught = {"Ani": ["H2-pagi", "H2-siang"], "Budi": ["H1-pagi"], "Citra": ["H3-pagi"]}
    table = evaluation.by_teacher(answers, taught)
    assert list(table["pengajar"]) == ["Budi", "Ani", "Citra"]
    assert list(table["indeks"][:2]) == [100.0, 62.5] and pd.isna(table["indeks"][2])
    assert list(table["mutu"][:2]) == ["A", "D"] and table["responden"][2] == 0
    sessions = evaluation.by_session(answers)
    assert list(sessions["sesi"]) == ["H1-pagi", "H2-pagi", "H2-siang"]


def test_answers_files_are_read_and_a_bad_one_is_named_and_left_out(tmp_path):
    day = {"H2-pagi": dict.fromkeys(TEACHER, 4), "H2-siang": dict.fromkeys(TEACHER, 3),
           "komentar": "Jelas."}
    final = {**dict.fromkeys(ORGANISATION, 3), evaluation.MEALS: 0, "komentar": ""}
    (tmp_path / "a.json").write_text(json.dumps({"hari2": day, "akhir": final}))
    (tmp_path / "b.json").write_text("{ rusak")
    (tmp_path / "c.json").write_text(json.dumps({"hari3": {"H3-pagi": {"penguasaan": 4}}}))
    (tmp_path / "d.json").write_text(json.dumps({"hari1": {"H2-pagi": dict.fromkeys(TEACHER,
                                                                                    4)}}))
    rows, problems = evaluation.read_answers(tmp_path)
    assert list(rows["sesi"]) == ["H2-pagi", "H2-siang", ""]
    assert list(rows["komentar"]) == ["Jelas.", "", ""]
    assert pd.isna(rows[evaluation.MEALS][2])
    assert [p.column for p in problems] == ["b.json", "c.json", "d.json"]
    assert "belum lengkap" in problems[1].message


def test_paper_forms_are_checked_like_any_sheet(tmp_path):
    sheet = tmp_path / evaluation.TEACHER_CSV
    sheet.write_text("sesi,penguasaan,sistematika,metode,waktu,media,tanya_jawab,sikap,"
                     "komentar\nH2-pagi,4,4,3,3,4,4,4,Bagus\n", encoding="utf-8")
    rows = evaluation.read_sheet(sheet)
    assert (rows["formulir"][0], rows["sesi"][0], rows["media"][0]) == ("hari2", "H2-pagi", 4)
    sheet.write_text("sesi,penguasaan,sistematika,metode,waktu,media,tanya_jawab,sikap\n"
                     "H2-pagi,4,4,3,3,5,4,4\n", encoding="utf-8")
    with pytest.raises(evaluation.DatasetError, match="kolom 'media'"):
        evaluation.read_sheet(sheet)
    sheet.write_text("sesi,penguasaan,sistematika,metode,waktu,media,tanya_jawab,sikap\n"
                     "Hari 2,4,4,3,3,4,4,4\n", encoding="utf-8")
    with pytest.raises(evaluation.DatasetError, match="tulis sesi seperti H2-pagi"):
        evaluation.read_sheet(sheet)


def test_the_day_form_rates_each_session_and_saves_what_the_report_reads(tmp_path):
    form = ui.Evaluasi("hari2", tmp_path)
    form.widget()
    assert list(form.ratings) == [s.id for s in schedule.sessions() if s.day == 2]
    assert not form.save() and "Penguasaan materi (sesi H2-pagi)" in form.status.value
    for boxes in form.ratings.values():
        for box in boxes.values():
            box.value = 3
    form.comment.value = "  Contoh yang dekat dengan kantor kami. "
    assert form.save()
    rows, problems = evaluation.read_answers(tmp_path)
    assert not problems and list(rows["sesi"]) == ["H2-pagi", "H2-siang"]
    assert rows["komentar"][0] == "Contoh yang dekat dengan kantor kami."
    again = ui.Evaluasi("hari2", tmp_path)
    assert again.ratings["H2-siang"]["sikap"].value == 3  # reopened, the answers are back


def test_the_final_form_rates_the_organisation_with_meals_optional(tmp_path):
    form = ui.Evaluasi("akhir", tmp_path)
    for element, box in form.ratings[""].items():
        box.value = evaluation.NOT_PROVIDED if element == evaluation.MEALS else 4
    assert form.save()
    rows, _ = evaluation.read_answers(tmp_path)
    result = evaluation.index(rows, evaluation.ORGANISATION)
    assert result.value == 100.0 and len(result.elements) == 5


def test_comments_are_counted_per_form_and_shown_once():
    answers = _rows(("hari2", "H2-pagi", [3] * 7), ("hari2", "H2-pagi", [3] * 7),
                    ("akhir", "", [3] * 6))
    answers["komentar"] = ["Jelas.", " Jelas. ", "Ruang panas."]
    said = evaluation.comments(answers)
    assert said.to_dict("records") == [
        {"formulir": "Hari 2", "komentar": "Jelas.", "jumlah": 2},
        {"formulir": "Akhir pelatihan", "komentar": "Ruang panas.", "jumlah": 1}]
