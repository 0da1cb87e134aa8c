"""The pre-test and post-test: one item per learning objective, two parallel forms, answered
without code, graded by the real nbgrader pipeline."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from conftest import ROOT

from humaskit import edohp, satisfaction
from humaskit.exercises import course
from humaskit.exercises.quiz import NOTEBOOKS, bank, samples
from humaskit.exercises.quiz.ui import Kuis, answer_file
from humaskit.issues import issue_map, priority, stakeholders
from humaskit.number_format import angka

DAY_NOTEBOOKS = {1: "01_hari1_konfigurasi_kehumasan", 2: "02_hari2_manajemen_isu",
                 3: "03_hari3_strategi_komunikasi", 4: "04_hari4_kompetensi_etika_rtl"}


def _objectives_in_notebook(day: int) -> int:
    nb = json.loads((ROOT / "notebooks" / f"{DAY_NOTEBOOKS[day]}.ipynb").read_text("utf-8"))
    text = "".join(nb["cells"][0]["source"])
    block = text.split("**Tujuan pembelajaran", 1)[1].split("\n\n|", 1)[0]
    return len(re.findall(r"^\d\. ", block, re.MULTILINE))


@pytest.mark.parametrize("form", bank.FORMS)
def test_each_form_has_at_least_20_items_and_4_per_day(form):
    assert len(bank.items(form)) >= 20
    assert all(len(bank.items(form, day)) >= 4 for day in bank.DAYS)


@pytest.mark.parametrize("day", bank.DAYS)
def test_every_learning_objective_of_a_day_has_one_item_in_each_form(day):
    objectives = [o for o, (d, _) in bank.OBJECTIVES.items() if d == day]
    assert len(objectives) == _objectives_in_notebook(day)
    for form in bank.FORMS:
        assert [i.objective for i in bank.items(form, day)] == objectives


def test_the_forms_are_parallel_not_the_same():
    for pre, post in zip(bank.items("pre"), bank.items("post")):
        assert pre.objective == post.objective and pre.stem != post.stem
        assert len(set(pre.options)) == len(set(post.options)) == 4


@pytest.mark.parametrize("form", bank.FORMS)
def test_every_item_has_exactly_one_key_among_its_letters(form):
    keyed = [re.findall(r'kunci="(\w)"', c.source)
             for c in samples.source_notebook(form).cells]
    found = samples.keys(form)
    assert sorted(found) == sorted(i.id for i in bank.items(form))
    assert sum(len(k) for k in keyed) == len(found)
    assert set(found.values()) <= set(bank.LETTERS)
    assert max(list(found.values()).count(x) for x in bank.LETTERS) <= 7  # not guessable


def _keyed_option(form: str, objective: str) -> str:
    item = bank.item(form, objective)
    return item.options[bank.LETTERS.index(samples.keys(form)[objective])]


def _priority_option(reach: int, negative: float, trend: int) -> str:
    score = priority.impact(reach) * priority.urgency(negative, trend)
    return f"{score} — {priority.category(score)}"


COMPUTED = {
    ("pre", "H1.1"): lambda: max(edohp.weights(), key=edohp.weights().get).split(" yang")[0],
    ("pre", "H1.4"): lambda: (
        f"{angka(satisfaction.ikm_from_nrr([3.0] * 9))} — mutu "
        "{} ({})".format(*satisfaction.grade_band(satisfaction.ikm_from_nrr([3.0] * 9)))),
    ("pre", "H2.4"): lambda: f"{26 / 40 * 100:.0f}%",
    ("pre", "H2.5"): lambda: _priority_option(620_000, 75.0, 0),
    ("pre", "H2.6"): lambda: stakeholders.quadrant(power=5, interest=1),
    ("pre", "H2.7"): lambda: ("Isu berkategori Kritis yang melibatkan dua OPD atau lebih"
                              if issue_map.coordinator("Kritis", 2, "PUPR")
                              == issue_map.CENTRAL_COORDINATOR
                              and issue_map.coordinator("Tinggi", 2, "PUPR") == "PUPR" else ""),
    ("pre", "H3.5"): lambda: f"{400 / 8000 * 100:.0f}%",
    ("post", "H1.1"): lambda: angka(edohp.composite_index(dict(zip(
        edohp.dimensions(), (50, 60, 60, 40))))),
    ("post", "H1.4"): lambda: str(satisfaction.krejcie_morgan(1000)),
    ("post", "H1.5"): lambda: min({"Persyaratan": 3.2, "Waktu penyelesaian": 2.6,
                                   "Biaya/tarif": 3.5, "Perilaku pelaksana": 3.1}.items(),
                                  key=lambda kv: kv[1])[0],
    ("post", "H2.4"): lambda: "+8: isu makin ramai" if 20 - 12 == 8 else "",
    ("post", "H2.5"): lambda: _priority_option(180_000, 45.0, 3),
    ("post", "H2.6"): lambda: stakeholders.quadrant(power=2, interest=5),
    ("post", "H2.7"): lambda: issue_map.coordinator("Tinggi", 2, "RSUD"),
    ("post", "H3.5"): lambda: f"{90 / 120 * 100:.0f}%",
}


@pytest.mark.parametrize("form, objective", COMPUTED)
def test_a_key_that_follows_from_a_formula_is_what_the_kit_computes(form, objective):
    expected = COMPUTED[(form, objective)]()
    assert _keyed_option(form, objective).startswith(expected), (form, objective, expected)


def test_the_edohp_dimensions_are_in_the_order_the_post_test_item_gives_them():
    assert edohp.dimensions()[0].startswith("Kesejahteraan")
    assert edohp.dimensions()[3] == "Daya saing"


# --- through nbgrader -------------------------------------------------------------------

ALL_RIGHT, ALL_WRONG = "semua_benar", "semua_salah"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = course.copy_course(tmp_path_factory.mktemp("kursus"), list(bank.FORMS.values()))
    right = {form: set(samples.keys(form, root)) for form in bank.FORMS}
    cases = {
        ("pre", ALL_RIGHT, "isian"): right["pre"],
        ("pre", "satu_salah", "isian"): right["pre"] - {"H2.5"},
        ("pre", "kosong", None): None,
        ("post", ALL_RIGHT, "formulir"): right["post"],
        ("post", ALL_WRONG, "notebook"): set(),
    }
    releases, scores = {}, {}
    for form, name in bank.FORMS.items():
        result = course.api(root).generate_assignment(name, force=True)
        assert result["success"], result.get("error") or result.get("log")
        releases[form] = nbformat.read(root / "release" / name / NOTEBOOKS[form], as_version=4)
    for (form, who, route), good in cases.items():
        name = bank.FORMS[form]
        if good is None:
            nb, extra = releases[form], {}
        else:
            nb, extra = samples.build(form, samples.answers_with(form, good, root), route,
                                      releases[form])
        course.submit(root, name, who, {NOTEBOOKS[form]: nb}, extra)
        outcome = course.autograde(root, name, who)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
        scores[(form, who)] = course.scores(root, name, who)
    return {"scores": scores, "releases": releases}


@pytest.mark.slow
def test_all_right_earns_full_marks_by_typed_letters_or_by_the_form(graded):
    for form in bank.FORMS:
        points = graded["scores"][(form, ALL_RIGHT)]
        assert len(points) == len(bank.items(form)) and set(points.values()) == {1.0}


@pytest.mark.slow
def test_the_untouched_release_and_all_wrong_answers_score_zero(graded):
    assert set(graded["scores"][("pre", "kosong")].values()) == {0.0}
    assert set(graded["scores"][("post", ALL_WRONG)].values()) == {0.0}


@pytest.mark.slow
def test_one_wrong_item_loses_exactly_its_point(graded):
    points = graded["scores"][("pre", "satu_salah")]
    assert points.pop("soal_h2_5") == 0.0
    assert set(points.values()) == {1.0}


@pytest.mark.slow
def test_the_participant_copy_holds_no_key(graded):
    for release in graded["releases"].values():
        text = nbformat.writes(release)
        assert "kunci=" not in text and "HIDDEN TESTS" not in text
        assert "NotImplementedError" not in text


def test_a_choice_in_the_form_is_saved_and_a_typed_letter_wins(tmp_path, capsys):
    sheet = Kuis("pre", folder=tmp_path)
    sheet.formulir(1)
    sheet.forms["H1.2"].value = "c"
    saved = json.loads((tmp_path / answer_file("pre")).read_text(encoding="utf-8"))
    assert saved["jawaban"]["H1.2"] == "c"
    answered = sheet.isian(1, {"H1.2": " B ", "H1.3": "e", "H9.9": "a"})
    assert answered["H1.2"] == "b" and sheet.forms["H1.2"].value == "b"
    assert answered["H1.3"] is None
    said = capsys.readouterr().out
    assert "bukan pilihan" in said and "bukan nomor soal" in said
    assert Kuis("pre", folder=tmp_path).jawaban["H1.2"] == "b"  # reloaded from the file
