"""The pre-test and post-test: one item per learning objective, two parallel forms, answered
without code, graded by the real nbgrader pipeline."""

from __future__ import annotations

import json
import re
from collections import Counter

import nbformat
import pandas as pd
import pytest
from shared import ROOT

from humaskit import edohp, satisfaction
from humaskit.comms import calendar, kpi, messages
from humaskit.exercises import course
from humaskit.exercises.quiz import NOTEBOOKS, bank, samples, scoring
from humaskit.exercises.quiz.ui import Kuis, answer_file
from humaskit.issues import issue_map, lifecycle, monitoring, priority, stakeholders
from humaskit.number_format import angka
from humaskit.skkni import catalog

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
        assert pre.objective == post.objective
        assert (pre.stem, pre.options) != (post.stem, post.options)
        assert len(set(pre.options)) == len(set(post.options)) == 4


@pytest.mark.parametrize("form", bank.FORMS)
def test_every_item_has_exactly_one_key_among_its_letters(form):
    keyed = [re.findall(r'kunci="(\w)"', c.source)
             for c in samples.source_notebook(form).cells]
    found = samples.keys(form)
    assert sorted(found) == sorted(i.id for i in bank.items(form))
    assert sum(len(k) for k in keyed) == len(found)
    assert set(found.values()) <= set(bank.LETTERS)


def _keyed_option(form: str, objective: str) -> str:
    item = bank.item(form, objective)
    return item.options[bank.LETTERS.index(samples.keys(form)[objective])]


def _composite(*scores: float) -> str:
    return angka(edohp.composite_index(dict(zip(edohp.dimensions(), scores))))


def _ikm(nrr: float) -> str:
    value = satisfaction.ikm_from_nrr([nrr] * 9)
    return f"{angka(value)}; mutu {satisfaction.grade_band(value)[0]}"


def _weakest(nrr: dict[str, float]) -> str:
    element, value = min(nrr.items(), key=lambda kv: kv[1])
    assert element in satisfaction.ELEMENTS
    return f"{element}; mutu {satisfaction.grade_band(value * 25)[0]}"


def _summary_row(months: dict[str, tuple[int, int]], month: str) -> str:
    """The kit's per-issue summary of clips given as month -> (clips, negative)."""
    rows = [{"id_klip": f"{m}-{i}", "tanggal": pd.Timestamp(f"{m}-10"), "topik": "isu",
             "sentimen": "negatif" if i < negative else "netral", "jangkauan": 1}
            for m, (clips, negative) in months.items() for i in range(clips)]
    row = monitoring.summarise(pd.DataFrame(rows), month).iloc[0]
    trend = f"{int(row['tren']):+d}".replace("-", "\u2212")
    return f"{row['persen_negatif']:.0f}% negatif; tren {trend}"


def _priority_option(reach: int, negative: float, trend: int) -> str:
    score = priority.impact(reach) * priority.urgency(negative, trend)
    return f"{score} — {priority.category(score)}"


def _posting_day(step: str, channel: str) -> str:
    found = next(s for s in calendar.STEPS if s.langkah == step)
    assert channel in found.channels
    return f"H{found.offset_days:+d} ({found.fase})"


def _five_c_gap(form: str, channel: str) -> str:
    """The one criterion the kit's 5C review does not give full marks to the quoted draft."""
    draft = re.search("«(.+)»", bank.item(form, "H3.1").stem, re.DOTALL).group(1)
    review = messages.review(draft, channel)
    (gap,) = review.loc[review["skor"] < 2, "kriteria"]
    return gap


def _engagement(reach: list[int], interactions: list[int]) -> str:
    posts = pd.DataFrame({"id": range(len(reach)), "jangkauan": reach,
                          "interaksi": interactions, "sentimen": "netral"})
    return f"{angka(kpi.post_kpis(posts)['tingkat_interaksi_persen'].iloc[0], 1)}%"


def _on_time(within: int, late: int, never: int) -> str:
    start = pd.Timestamp("2025-11-03 08:00")
    answered = ([start + pd.Timedelta(hours=24)] * within + [start + pd.Timedelta(hours=96)] * late
                + [pd.NaT] * never)
    complaints = pd.DataFrame({"id": range(len(answered)), "tanggal_masuk": start,
                               "tanggal_tanggapan": answered, "tanggal_selesai": pd.NaT})
    share = kpi.complaint_kpis(complaints, standar_jam=72)["tanggapan_tepat_waktu_persen"]
    return f"{share.iloc[0]:.0f}%"


def _unit_group(code: str) -> str:
    units = catalog.load_catalog().drop_duplicates("kode_unit").set_index("kode_unit")
    return f"kelompok {units.loc[code, 'kelompok']}"


COMPUTED = {
    ("pre", "H1.1"): lambda: _composite(60, 50, 50, 40),
    ("post", "H1.1"): lambda: _composite(50, 60, 60, 40),
    ("pre", "H1.4"): lambda: _ikm(3.0),
    ("post", "H1.4"): lambda: _ikm(2.9),
    ("pre", "H1.5"): lambda: _weakest({"Persyaratan": 3.4, "Waktu penyelesaian": 2.7,
                                       "Biaya/tarif": 3.6,
                                       "Penanganan pengaduan, saran dan masukan": 2.9}),
    ("post", "H1.5"): lambda: _weakest({"Sistem, mekanisme dan prosedur": 3.3,
                                        "Kompetensi pelaksana": 3.7, "Sarana dan prasarana": 2.8,
                                        "Penanganan pengaduan, saran dan masukan": 3.0}),
    ("pre", "H2.3"): lambda: lifecycle.stage(40, 9, 12),
    ("post", "H2.3"): lambda: lifecycle.stage(36, 10, 16),
    ("pre", "H2.4"): lambda: _summary_row({"2025-03": (6, 2), "2025-04": (10, 7)}, "2025-04"),
    ("post", "H2.4"): lambda: _summary_row({"2025-05": (15, 9), "2025-06": (10, 4)}, "2025-06"),
    ("pre", "H2.5"): lambda: _priority_option(620_000, 55.0, 2),
    ("post", "H2.5"): lambda: _priority_option(180_000, 45.0, 3),
    ("pre", "H2.6"): lambda: stakeholders.quadrant(power=3, interest=2),
    ("post", "H2.6"): lambda: stakeholders.quadrant(power=2, interest=3),
    ("pre", "H2.7"): lambda: issue_map.coordinator("Kritis", 2, "PUPR"),
    ("post", "H2.7"): lambda: issue_map.coordinator("Kritis", 2, "RSUD"),
    ("pre", "H3.1"): lambda: _five_c_gap("pre", "Facebook"),
    ("post", "H3.1"): lambda: _five_c_gap("post", "X"),
    ("pre", "H3.3"): lambda: _posting_day("Pengingat dan undangan liputan", "Media massa"),
    ("post", "H3.3"): lambda: _posting_day("Berita dan galeri foto", "Media massa"),
    ("pre", "H3.5"): lambda: _engagement([1_000, 9_000], [100, 180]),
    ("post", "H3.5"): lambda: _on_time(within=12, late=3, never=5),
    ("pre", "H4.1"): lambda: _unit_group("KOM.PR01.002.01"),
    ("post", "H4.1"): lambda: _unit_group("KOM.PR02.003.01"),
}


@pytest.mark.parametrize("form, objective", COMPUTED)
def test_a_key_that_follows_from_a_formula_is_what_the_kit_computes(form, objective):
    expected = COMPUTED[(form, objective)]()
    assert expected and _keyed_option(form, objective).startswith(expected), (
        form, objective, expected)


@pytest.mark.parametrize("form", bank.FORMS)
def test_the_life_cycle_item_gives_the_thresholds_it_needs_as_the_kit_sets_them(form):
    """Like the priority rubric, the life-cycle cut-offs are the kit's rule of thumb: the
    item quotes them rather than asking for them from memory."""
    stem = bank.item(form, "H2.3").stem
    assert f"total di bawah {lifecycle.SMALL_VOLUME} klip = isu masih kecil" in stem
    assert lifecycle.stage(100, 5, 10) == "resolusi" and lifecycle.stage(100, 6, 10) != "resolusi"
    assert "paling banyak separuh bulan lalu = surut" in stem


@pytest.mark.parametrize("form, reach, negative", [("pre", 620_000, 55.0),
                                                   ("post", 180_000, 45.0)])
def test_the_priority_item_gives_the_rubric_thresholds_it_needs_as_the_kit_sets_them(
        form, reach, negative):
    """Day 2 calls the thresholds policy choices: the item quotes them, it does not ask for
    them from memory, and what it quotes is the kit's rubric."""
    stem = bank.item(form, "H2.5").stem
    impact, urgency = priority.impact(reach), priority.urgency(negative, 0)
    low, high = (priority.IMPACT_THRESHOLDS[impact - 2], priority.IMPACT_THRESHOLDS[impact - 1])
    assert f"{angka(low, 0)} sampai di bawah {angka(high, 0)} → dampak {impact}" in stem
    low, high = (priority.URGENCY_THRESHOLDS[urgency - 2], priority.URGENCY_THRESHOLDS[urgency - 1])
    assert f"{low}% sampai di bawah {high}% → urgensi {urgency}" in stem
    bounds = priority.CATEGORY_THRESHOLDS
    assert (f"Kritis ≥ {bounds['Kritis']}, Tinggi {bounds['Tinggi']}–{bounds['Kritis'] - 1}, "
            f"Sedang {bounds['Sedang']}–{bounds['Tinggi'] - 1}") in stem


def test_the_composite_index_items_list_the_scores_in_the_kits_dimension_order():
    assert [d.split()[0].lower() for d in edohp.dimensions()] == [
        "kesejahteraan", "tata", "pelayanan", "daya"]
    for form in bank.FORMS:
        stem = bank.item(form, "H1.1").stem
        positions = [stem.index(word) for word in ("kesejahteraan", "tata kelola",
                                                   "pelayanan publik", "daya saing")]
        assert positions == sorted(positions)


def test_each_parallel_pair_names_the_one_sub_skill_both_forms_test():
    assert list(bank.SUBSKILLS) == list(bank.OBJECTIVES)
    assert all(len(text) > 20 for text in bank.SUBSKILLS.values())


@pytest.mark.parametrize("form", bank.FORMS)
def test_the_key_positions_are_balanced_across_the_four_letters(form):
    counts = Counter(samples.keys(form).values())
    assert sorted(counts.values()) == [5, 5, 6, 6], counts


@pytest.mark.parametrize("form", bank.FORMS)
def test_option_length_does_not_give_the_key_away(form):
    """A test-wise guess of the longest (or the shortest) option finds the key no more often
    than chance (one item in four)."""
    keys = samples.keys(form)
    longest = shortest = 0
    for item in bank.items(form):
        lengths = [len(o) for o in item.options]
        key = lengths[bank.LETTERS.index(keys[item.id])]
        longest += key == max(lengths) and lengths.count(key) == 1
        shortest += key == min(lengths) and lengths.count(key) == 1
    assert longest <= len(keys) // 4 and shortest <= len(keys) // 4, (longest, shortest)


#: Function words a stem and an option may share without giving anything away.
_FUNCTION_WORDS = {"adalah", "akan", "atau", "bila", "bukan", "dalam", "dari", "dengan",
                   "kepada", "menurut", "pada", "sebagai", "setiap", "sudah", "tidak", "untuk",
                   "yang"}


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)} - _FUNCTION_WORDS


@pytest.mark.parametrize("form", bank.FORMS)
def test_no_key_alone_echoes_a_word_of_its_stem(form):
    """A word of the stem found again in the key and in no distractor points to the key
    without the course (a "clang" cue)."""
    keys = samples.keys(form)
    for item in bank.items(form):
        stem = _words(item.stem)
        shared = [stem & _words(option) for option in item.options]
        key = bank.LETTERS.index(keys[item.id])
        others = [s for i, s in enumerate(shared) if i != key]
        assert not (shared[key] and not any(others)), (item.id, shared[key])


def test_hak_koreksi_and_hak_jawab_are_keyed_and_taught_as_uu_40_1999_defines_them():
    """Pasal 1 angka 12: a wrong fact in a report is corrected by hak koreksi; Pasal 1 angka
    11: a report harming one's good name is answered by hak jawab."""
    assert _keyed_option("pre", "H3.2") == "mengajukan hak koreksi kepada redaksi"
    assert "padahal" in bank.item("pre", "H3.2").stem  # a wrong fact, and the right one
    assert _keyed_option("post", "H3.2") == "mengajukan hak jawab kepada redaksi"
    assert "nama baik" in bank.item("post", "H3.2").stem
    day3 = json.loads((ROOT / "notebooks" / f"{DAY_NOTEBOOKS[3]}.ipynb").read_text("utf-8"))
    text = " ".join(" ".join(c["source"]).replace("\n", " ") for c in day3["cells"])
    text = re.sub(r"\s+", " ", text)
    assert "hak koreksi** kepada redaksi (menurut UU 40/1999 tentang Pers, Pasal 1 angka 12" in text
    assert "Pasal 1 angka 11" in text and "nama baik" in text
    assert not re.search(r"fakta (yang )?keliru[^.]*hak jawab", text)


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


def test_a_check_cell_shows_its_message_and_no_value(capsys):
    """The value of a cell's last line shows under its output: the check returns None, so
    the participant reads only whether the item is answered, never a bare True or False."""
    assert scoring.periksa("H1.1", {"H1.1": "a"}) is None
    assert scoring.periksa("H1.2", {"H1.2": None}) is None
    said = capsys.readouterr().out
    assert "✔ Soal H1.1 sudah dijawab." in said and "Soal H1.2 belum dijawab" in said
