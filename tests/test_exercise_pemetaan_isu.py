"""The no-code Pemetaan Isu: what a participant who does not program can do, and how it is
graded, through the real nbgrader pipeline.

One course per module; every sample is autograded once by nbgrader. Each route to the grader
(literal values typed as a person types them, the form's answers file, the copy the notebook
carries) earns the same full marks, the untouched release earns zero, each common mistake
costs only its own decision (every later step read faithfully on the participant's own
tables), and the release asks for nothing but literal values or a widget. The answer key is
instructor material: a participant's kernel that reaches for it, in any way, scores zero.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re

import nbformat
import pytest
from shared import declared_points

from humaskit.exercises import course
from humaskit.exercises.issue_mapping import ASSIGNMENT, NOTEBOOK, checks, model, samples
from humaskit.exercises.issue_mapping.ui import ANSWER_FILE, Lembar
from humaskit.grading import feedback, worker
from humaskit.grading.sandbox import Limits
from humaskit.issues import issue_map

KEY = samples.key()

THROUGH_NBGRADER = ["referensi_isian", "referensi_formulir", "kosong", *samples.MISTAKES]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = course.copy_course(tmp_path_factory.mktemp("kursus"), [ASSIGNMENT])
    result = course.api(root).generate_assignment(ASSIGNMENT, force=True)
    assert result["success"], result.get("error") or result.get("log")
    release = nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, as_version=4)
    scores = {}
    for name in THROUGH_NBGRADER:
        nb, extra = samples.build(name, release)
        course.submit(root, ASSIGNMENT, name, {NOTEBOOK: nb}, extra)
        outcome = course.autograde(root, ASSIGNMENT, name)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
        scores[name] = course.scores(root, ASSIGNMENT, name)
    return {"root": root, "release": release, "scores": scores}


def check(name: str, answers: dict) -> bool:
    """Run a visible check as its cell does (it prints its message and returns nothing, so
    the cell shows no value); whether it passes."""
    assert checks.periksa(name, answers) is None
    return checks.passes(name, answers)


def autograded(graded, name):
    return {k: v for k, v in graded["scores"][name].items() if k != samples.MANUAL_CELL}


def test_points_declared_by_the_model_match_the_notebook():
    assert declared_points(samples.source_notebook()) == {**samples.POINTS,
                                                          samples.MANUAL_CELL: 10}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["referensi_isian", "referensi_formulir"])
def test_the_reference_by_either_route_earns_full_autograded_marks(graded, name):
    assert autograded(graded, name) == {k: float(v) for k, v in samples.POINTS.items()}


@pytest.mark.slow
def test_the_widget_route_and_the_literal_route_score_the_same(graded):
    assert graded["scores"]["referensi_formulir"] == graded["scores"]["referensi_isian"]


@pytest.mark.slow
def test_the_untouched_release_scores_zero_without_breaking_the_grader(graded):
    assert set(graded["scores"]["kosong"].values()) == {0.0}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(samples.MISTAKES))
def test_each_mistake_costs_only_its_own_decision(graded, name):
    expected = samples.expected(name)
    assert autograded(graded, name) == pytest.approx(expected)
    lost = {cell for cell, points in expected.items() if points < samples.POINTS[cell]}
    assert len(lost) == 1


def test_a_wrong_early_step_costs_no_later_step_read_faithfully():
    def all_wrong(answers):
        answers["urgensi"] = dict.fromkeys(answers["urgensi"], 1)
    answers = KEY.faithful({"ejaan_topik": samples.MISTAKES["ejaan_keliru"][1],
                            "urgensi": all_wrong})
    points = {name: KEY.points(name, answers) for name in model.DECISIONS}
    assert points["ejaan_topik"] == pytest.approx(2 * 8 / 9, abs=0.01)
    assert points["urgensi"] < 1
    for name in ("bacaan_ringkasan", "dampak", "tahap", "kuadran", "opd_utama", "koordinator",
                 "bacaan_matriks"):
        assert points[name] == model.DECISIONS[name].points, name


def test_a_faithful_reading_of_ones_own_chart_earns_the_points_and_the_reference_does_not():
    answers = samples.answers_of("urgensi_banjir_keliru")  # banjir 5 × 4 = 20: Kritis for them
    table = model.issue_table(answers)
    assert (table["kategori"] == "Kritis").sum() == 4  # what their own map and matrix show
    assert answers["bacaan_matriks"][model.MATRIX_KEYS[0]] == 4
    assert KEY.points("bacaan_matriks", answers) == 2
    assert KEY.points("koordinator", answers) == 2  # banjir: Kritis and three OPD
    assert KEY.points("urgensi", answers) < 2  # the slip itself still costs its points
    reference = KEY.faithful()
    answers["bacaan_matriks"] = dict(reference["bacaan_matriks"])  # 3: not what they saw
    answers["koordinator"]["banjir"] = reference["koordinator"]["banjir"]
    assert KEY.points("bacaan_matriks", answers) < 2
    assert KEY.points("koordinator", answers) < 2


def test_checks_tables_map_and_grading_read_the_same_categories(capsys):
    answers = samples.answers_of("urgensi_banjir_keliru")
    shown = model.step_table(6, answers).set_index("topik")["kategori"]
    mapped = model.issue_table(answers).set_index("topik")["kategori"]
    assert shown["banjir"] == mapped["banjir"] == "Kritis"
    assert "kategori Kritis" in model.evidence("koordinator", answers)["banjir"]
    assert answers["koordinator"]["banjir"] == issue_map.CENTRAL_COORDINATOR
    assert check("koordinator", answers)  # no warning for the right answer
    assert "✘" not in capsys.readouterr().out
    answers["koordinator"]["ppdb zonasi"] = issue_map.CENTRAL_COORDINATOR  # Kritis, one OPD
    answers["koordinator"]["honorer"] = issue_map.CENTRAL_COORDINATOR  # Rendah
    assert not check("koordinator", answers)
    out = capsys.readouterr().out
    assert "'honorer'" in out and "'ppdb zonasi'" not in out  # the check never gives it away


def test_an_issue_without_impact_or_urgency_is_left_out_and_said_so(capsys):
    answers = KEY.faithful()
    answers["dampak"]["banjir"] = None
    table = model.issue_table(answers)
    assert table.set_index("topik").at["banjir", "kategori"] == model.UNRATED
    assert not check("bacaan_matriks", answers)
    assert "'banjir'" in capsys.readouterr().out
    rated = model.issue_table(KEY.faithful())
    assert set(rated["kategori"]) <= set(model.priority.CATEGORIES)


TYPED_ACCEPTED = [("koordinator", "jalan rusak", "Wabup"), ("koordinator", "jalan rusak", "sekda"),
                  ("koordinator", "jalan rusak", " Sekda / Wabup "),
                  ("tahap", "antrean rsud", "mediasi dan amplifikasi"),
                  ("tahap", "antrean rsud", "MEDIASI  &  AMPLIFIKASI"),
                  ("opd_utama", "banjir", " pupr "), ("dampak", "banjir", "5"),
                  ("kuadran", "Seruni TV", "jaga kepuasan"),
                  ("bacaan_matriks", model.MATRIX_KEYS[0], "3"),
                  ("bacaan_ringkasan", model.SUMMARY_KEYS[0], "PPDB Zonasi")]
TYPED_REFUSED = [("koordinator", "jalan rusak", "Bupati"), ("tahap", "antrean rsud", "amplifikasi"),
                 ("dampak", "banjir", "lima"), ("opd_utama", "banjir", "Dinas PUPR"),
                 ("bacaan_matriks", model.MATRIX_KEYS[0], "tiga")]


@pytest.mark.parametrize("name, item, typed", TYPED_ACCEPTED)
def test_a_typed_synonym_passes_the_check_and_earns_what_the_option_earns(name, item, typed,
                                                                          tmp_path, capsys):
    answers = KEY.faithful()
    lembar = Lembar(folder=tmp_path)
    lembar.jawaban.update(answers)
    lembar.isian(name, {item: typed})
    assert lembar.jawaban[name][item] == answers[name][item]  # read as the option itself
    raw = dict(answers, **{name: dict(answers[name], **{item: typed})})  # typed into jawaban
    assert check(name, raw)
    assert KEY.points(name, raw) == model.DECISIONS[name].points


@pytest.mark.parametrize("name, item, typed", TYPED_REFUSED)
def test_a_typed_value_that_means_no_option_is_refused_with_the_options_listed(name, item, typed,
                                                                              capsys):
    answers = KEY.faithful()
    answers[name][item] = typed
    assert not check(name, answers)
    out = capsys.readouterr().out
    assert "bukan salah satu pilihan" in out
    options = model.DECISIONS[name].choices(item)
    assert all(repr(c) in out for c in options)
    assert KEY.points(name, answers) < model.DECISIONS[name].points  # refused, never passed


def test_the_package_holds_no_answer_key():
    from humaskit.exercises.issue_mapping import checks, model, samples, ui  # noqa: F401

    for module in (model, checks, ui):
        for name in ("accepted", "reference_answers", "judge", "points", "faithful"):
            assert not hasattr(module, name), f"{module.__name__}.{name}"
    assert (course.COURSE_ROOT / course.KEYS / f"{ASSIGNMENT}_key.py").is_file()
    assert not (course.ROOT / "humaskit" / "exercises" / "issue_mapping" / "scoring.py").exists()


def test_the_keys_of_a_trainers_own_course_are_its_own(tmp_path):
    assert course.keys_folder(tmp_path) == course.COURSE_ROOT / course.KEYS  # none: the kit's
    (tmp_path / course.KEYS).mkdir()
    assert course.keys_folder(tmp_path) == tmp_path / course.KEYS
    copied = course.copy_course(tmp_path / "salinan", [ASSIGNMENT])
    assert (copied / course.KEYS / f"{ASSIGNMENT}_key.py").is_file()


@pytest.mark.slow
def test_the_release_has_no_answer_model_answer_or_hidden_test(graded):
    text = nbformat.writes(graded["release"])
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    assert "answer_key" not in text and "Contoh jawaban" not in text
    assert not list((graded["root"] / "release").rglob("*_key.py"))
    for cell in graded["release"].cells:
        for line in cell.source.splitlines():
            assert not re.match(r'\s+".+": (?!None,)', line), f"pre-filled answer: {line}"


@pytest.mark.slow
def test_answering_needs_nothing_but_literal_values_or_a_widget(graded):
    answer_cells = [c for c in graded["release"].cells
                    if c.cell_type == "code" and "lembar.isian(" in c.source]
    assert len(answer_cells) == len(model.DECISIONS)
    for cell in answer_cells:
        tree = ast.parse(cell.source)
        (assign,) = tree.body
        call = assign.value
        assert isinstance(call, ast.Call) and ast.unparse(call.func) == "lembar.isian"
        literal = call.args[1]
        assert isinstance(literal, ast.Dict)
        assert all(isinstance(k, ast.Constant) and isinstance(v, ast.Constant) and v.value is None
                   for k, v in zip(literal.keys, literal.values))
    for cell in graded["release"].cells:
        assert "NotImplementedError" not in cell.source  # no code to write anywhere


@pytest.mark.slow
def test_the_model_answer_names_each_top_issues_coordinator_and_key_stakeholders():
    answer = next(c.source for c in samples.source_notebook().cells
                  if c.metadata.get("nbgrader", {}).get("grade_id") == samples.MANUAL_CELL)
    sections = re.split(r"\*\*\d\. ", answer)[1:]
    peta = issue_map.build(model.monitoring.clean(model.raw_clips()), model.stakeholder_table())
    offices = {"DISDIK": "Dinas Pendidikan"}
    assert len(sections) == 3
    for section, row in zip(sections, peta.head(3).itertuples()):
        assert section.lower().startswith(row.topik.split()[0])
        assert f"({row.kategori}, {row.tahap}; koordinator " \
               f"{offices.get(row.koordinator, row.koordinator)};" in section
        for name in row.pemangku_kunci.split("; "):
            assert name.split(" Kabupaten")[0] in section, name
        for stage in ("Identifikasi", "Analisis", "Pilihan strategi", "Program aksi",
                      "Evaluasi"):
            assert f"*{stage}:*" in section, stage


def test_the_rule_limits_the_notebook_states_are_true_of_the_data():
    text = " ".join(" ".join(c.source.split()) for c in samples.source_notebook().cells)
    summary = model.basis().summary.set_index("topik")
    assert "banjir yang sepi di bulan Juni" in text  # seasonal: June quieter than May
    assert summary.at["banjir", "volume_terkini"] < summary.at["banjir", "volume_sebelumnya"]
    assert "klipnya lebih sering menyebut OPD lain" in text  # not the Setda
    assert not any(o.startswith("SETDA") for o in model.basis().most_named["tapal batas"])
    assert "`air bersih + pasar`" in text and "pasar" not in model.TOPICS


def test_a_form_change_is_saved_and_carried_in_the_notebook(tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: shown.append((a, k)))
    monkeypatch.setattr("IPython.display.update_display",
                        lambda *a, **k: shown.append((a, k)))
    lembar = Lembar(folder=tmp_path)
    form = lembar.formulir("dampak")
    row = form.children[1]
    row.children[1].value = 4
    assert lembar.jawaban["dampak"]["banjir"] == 4
    saved = (tmp_path / ANSWER_FILE).read_text(encoding="utf-8")
    assert '"banjir": 4' in saved
    bundle = shown[-1][0][0]
    assert any("jawaban" in str(v) for v in bundle.values())
    again = Lembar(folder=tmp_path)
    assert again.jawaban["dampak"]["banjir"] == 4


def test_a_literal_value_wins_over_the_form_and_typed_numbers_are_read(tmp_path, capsys):
    lembar = Lembar(folder=tmp_path)
    lembar.jawaban["dampak"]["banjir"] = 2
    merged = lembar.isian("dampak", {"banjir": "5", "tidak_ada": 1, "honorer": None})
    assert merged["banjir"] == 5 and merged["honorer"] is None
    assert "'tidak_ada' bukan isian" in capsys.readouterr().out


def test_the_visible_check_says_what_it_checked_and_never_claims_correctness(capsys):
    answers = KEY.faithful()
    checks.periksa("tahap", answers)
    out = capsys.readouterr().out
    assert "lengkap dan berformat benar" in out and "diperiksa saat penilaian" in out
    answers["dampak"]["banjir"] = 9
    assert not check("dampak", answers)
    assert "bukan salah satu pilihan" in capsys.readouterr().out


@pytest.mark.parametrize("name, proper", [("tahap", "Hainsworth"), ("kuadran", "Mendelow"),
                                          ("opd_utama", "OPD")])
def test_the_visible_check_keeps_proper_names_capitalised(name, proper, capsys):
    assert check(name, KEY.faithful())
    assert proper in capsys.readouterr().out


def test_a_stated_rule_is_caught_visibly_without_giving_the_answer(capsys):
    answers = KEY.faithful()
    answers["koordinator"]["banjir"] = issue_map.CENTRAL_COORDINATOR  # banjir is Tinggi
    assert not check("koordinator", answers)
    out = capsys.readouterr().out
    assert "'banjir'" in out and "hanya mengoordinasikan isu Kritis" in out
    answers["urgensi"]["ppdb zonasi"] = 1  # rising: at least 2 by the rule
    assert not check("urgensi", answers)
    assert "paling sedikit 2" in capsys.readouterr().out


def test_numbers_a_participant_compares_have_indonesian_separators():
    lembar = Lembar(folder=course.ROOT / "tidak-ada")
    reach = lembar.tabel(3).set_index("Isu").at["banjir", "Total jangkauan"]
    assert reach == "1.525.434"
    assert lembar.tabel(2).set_index("Isu").at["banjir", "% negatif"] == "54,6"
    assert model.evidence("dampak")["banjir"] == "total jangkauan 1.525.434"


def test_the_form_shows_beside_each_choice_the_figures_its_rule_reads(tmp_path):
    form = Lembar(folder=tmp_path).formulir("kuadran")
    label = form.children[1].children[0].value
    assert "kekuasaan" in label and "kepentingan" in label
    assert "VBox" not in repr(form) and "kuadran Mendelow" in repr(form)


def test_the_worked_examples_use_issues_that_are_not_graded():
    text = " ".join(c.source for c in samples.source_notebook().cells if "Contoh" in c.source)
    assert "air bersih" in text
    assert "air bersih" not in model.TOPICS


@pytest.mark.parametrize("name", ["referensi_isian", "kosong"])
def test_every_sample_runs_top_to_bottom_in_process(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    nb, _ = samples.build(name)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nb.cells:
            if cell.cell_type == "code" and "lembar.formulir" not in cell.source \
                    and "lembar.matriks" not in cell.source:
                exec(cell.source, namespace)  # noqa: S102 - running the notebook is the point
    assert namespace["jawaban"]["kuadran"] == samples.answers_of(name)["kuadran"]


def test_a_check_cell_shows_its_message_and_no_value(tmp_path, monkeypatch):
    """Jupyter shows the value of a cell's last line under its output: each check cell, as
    released (hidden tests cut off), ends in None, so the participant reads the ✔ or ✘
    message and no bare True or False."""
    monkeypatch.chdir(tmp_path)
    nb, _ = samples.build("referensi_isian")
    namespace: dict = {}
    values = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in nb.cells:
            if cell.cell_type != "code" or "lembar.formulir" in cell.source \
                    or "lembar.matriks" in cell.source:
                continue
            tree = ast.parse(cell.source.split("### BEGIN HIDDEN TESTS")[0])
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, "<sel>", "exec"), namespace)  # noqa: S102 - the notebook's cells
            if last is not None and "cek.periksa" in cell.source:
                values[cell.source.split("\n")[0]] = eval(
                    compile(ast.Expression(last.value), "<sel>", "eval"), namespace)
    assert len(values) == len(model.DECISIONS)
    assert set(values.values()) == {None}


@pytest.mark.slow
def test_a_form_users_feedback_shows_each_decision_as_a_table(graded):
    nb = nbformat.read(graded["root"] / "autograded" / "referensi_formulir" / ASSIGNMENT /
                       NOTEBOOK, as_version=4)
    shown = {c.metadata.get("nbgrader", {}).get("grade_id") or c.source.split("\n")[0]: c
             for c in nb.cells if c.cell_type == "code"}
    text = json.dumps([c.outputs for c in nb.cells if c.cell_type == "code"])
    assert "VBox(children" not in text
    for name, decision in model.DECISIONS.items():
        answer = next(c for c in nb.cells if f'lembar.isian("{name}"' in c.source)
        html = "".join(o.get("data", {}).get("text/html", "") for o in answer.outputs)
        assert "<table" in html and "Jawaban Anda" in html and "—" not in html, name
        test = "".join(o.get("text", "") for o in shown[f"cek_{name}"].outputs)
        assert "Jawaban Anda" in test and "Jawaban yang diterima" in test, name
        assert f"Aturan: {decision.rule}" in test, name
        assert f"Nilai: {decision.points},00 dari {decision.points} poin." in test, name


@pytest.mark.slow
def test_the_feedback_page_shows_scores_as_points_and_tables_whole(graded):
    """The page a participant reads: each decision's score as its score line (no bare value
    such as 0.89 under it), and every table as an HTML table holding each cell in full,
    without row numbers."""
    name = "opd_salah"  # 0,89 of 1 point: a partial score
    nb = nbformat.read(graded["root"] / "autograded" / name / ASSIGNMENT / NOTEBOOK, 4)
    got = graded["scores"][name]
    points = {c.metadata.nbgrader["grade_id"]: (got.get(c.metadata.nbgrader["grade_id"], 0),
                                                c.metadata.nbgrader["points"],
                                                c.metadata.nbgrader["grade_id"] ==
                                                samples.MANUAL_CELL)
              for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    page = feedback.notebook_html(nb, graded["release"], points, {})
    assert "Nilai 0,89 dari 1" in page and "Nilai: 0,89 dari 1 poin." in page
    assert not re.search(r'<pre class="out">\s*(\d+\.\d+|True|False)\s*</pre>', page)
    tables = re.findall(r"<table>.*?</table>", page, re.DOTALL)
    assert len(tables) >= 12  # each step's table, each answer table, the issue map twice
    whole = " ".join(tables)
    stakeholders = model.issue_table(samples.answers_of(name))["pemangku_kunci"]
    assert max(map(len, stakeholders)) > 50  # longer than pandas shows by default
    assert all(text in whole for text in stakeholders)
    assert "..." not in whole and "<th>0</th>" not in whole


ATTACKS = [
    ("from humaskit.exercises.issue_mapping import model\n"
    "jawaban.update(model.reference_answers())"),
    ("from humaskit.exercises.course import answer_key\n"
    "jawaban.update(answer_key('pemetaan_isu').faithful())"),
    ("import importlib.util\n"
    "for path in [{kit!r}, '/kunci/pemetaan_isu_key.py']:\n"
    "    try:\n"
    "        spec = importlib.util.spec_from_file_location('k', path)\n"
    "        k = importlib.util.module_from_spec(spec)\n"
    "        spec.loader.exec_module(k)\n"
    "        jawaban.update(k.faithful())\n"
    "    except Exception as exc:\n"
    "        print('GAGAL', type(exc).__name__)"),
    ("import glob, os, humaskit\n"
    "kit = os.path.dirname(os.path.dirname(humaskit.__file__))\n"
    "found = glob.glob(kit + '/exercises/**/*_key.py', recursive=True)\n"
    "found += glob.glob('/kunci/*.py') + glob.glob('/tmp/**/*_key.py', recursive=True)\n"
    "for path in [{kit!r}, *found]:\n"
    "    try:\n"
    "        namespace = {{}}\n"
    "        exec(open(path).read(), namespace)\n"
    "        jawaban.update(namespace['faithful']())\n"
    "    except Exception as exc:\n"
    "        print('GAGAL', type(exc).__name__)"),
]


@pytest.mark.slow
def test_a_kernel_reaching_for_the_answer_key_scores_zero_in_the_grading_sandbox(graded):
    """Graded as `humaskit grade` grades (participant cells and tests in separate sandboxes;
    only the test runner sees the course's keys): the key is out of the participant's reach
    however it is sought, and the same pipeline finds it for the hidden tests."""
    root = graded["root"]
    kit = str(course.COURSE_ROOT / course.KEYS / f"{ASSIGNMENT}_key.py")
    attack = nbformat.reads(nbformat.writes(graded["release"]), 4)
    setup = next(i for i, c in enumerate(attack.cells) if "lembar = Lembar()" in c.source)
    for offset, code in enumerate(ATTACKS, 1):
        attack.cells.insert(setup + offset, nbformat.v4.new_code_cell(code.format(kit=kit)))
    course.submit(root, ASSIGNMENT, "pencuri_kunci", {NOTEBOOK: attack})
    nb, extra = samples.build("referensi_formulir", graded["release"])
    course.submit(root, ASSIGNMENT, "formulir_tersandbox", {NOTEBOOK: nb}, extra)
    cfg = worker.grader_config(root, Limits(cell_timeout=60, submission_timeout=300,
                                            cpu_seconds=300), -1, -1, str(root / course.KEYS))
    api = course.NbGraderAPI(coursedir=course.CourseDirectory(config=cfg), config=cfg)
    for student in ("pencuri_kunci", "formulir_tersandbox"):
        assert api.autograde(ASSIGNMENT, student, force=True, create=True)["success"]
    assert autograded({"scores": {"x": course.scores(root, ASSIGNMENT, "formulir_tersandbox")}},
                      "x") == {k: float(v) for k, v in samples.POINTS.items()}
    assert set(autograded({"scores": {"x": course.scores(root, ASSIGNMENT, "pencuri_kunci")}},
                          "x").values()) == {0.0}
    ran = nbformat.read(root / "autograded" / "pencuri_kunci" / ASSIGNMENT / NOTEBOOK, 4)
    outputs = [json.dumps(c.outputs) for c in ran.cells[setup + 1:setup + 1 + len(ATTACKS)]]
    assert "AttributeError" in outputs[0] and "ModuleNotFoundError" in outputs[1]
    assert outputs[2].count("GAGAL") == 2 and outputs[3].count("GAGAL") == 1  # none found
