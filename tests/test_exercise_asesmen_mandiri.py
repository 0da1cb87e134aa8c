"""The Asesmen Mandiri exercise through the real nbgrader pipeline: release, submit, autograde.

One course is built per module; each crafted submission is autograded once. Every sample
loses exactly the points of the grade cells it is meant to fail. Each single defect is also
checked in-process against the same checks the grade cells run (no kernel needed).
"""

from __future__ import annotations

import html
import json
import re

import nbformat
import pytest
from nbgrader.api import Gradebook

from humaskit.errors import CekGagal
from humaskit.exercises import course
from humaskit.exercises.self_assessment import ASSIGNMENT, NOTEBOOK, checks, samples, tables
from humaskit.grading import feedback
from humaskit.skkni import apl02, catalog, evidence, form, ui


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = course.copy_course(tmp_path_factory.mktemp("kursus"), [ASSIGNMENT])
    result = course.api(root).generate_assignment(ASSIGNMENT, force=True)
    assert result["success"], result.get("error") or result.get("log")
    release = root / "release" / ASSIGNMENT
    notebook = nbformat.read(release / NOTEBOOK, as_version=4)
    outcomes = {}
    for name in samples.PIPELINE:
        nb, extra = samples.build(name, notebook)
        folder = course.submit(root, ASSIGNMENT, name, {NOTEBOOK: nb}, extra)
        outcome = course.autograde(root, ASSIGNMENT, name)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
        outcomes[name] = course.scores(root, ASSIGNMENT, name)
    return {"root": root, "release": release, "scores": outcomes, "folder": folder}


@pytest.mark.slow
def test_release_ships_without_answers_and_without_the_solution(graded):
    release = graded["release"]
    assert not (release / form.ANSWER_FILE).exists()
    text = (release / NOTEBOOK).read_text(encoding="utf-8")
    assert samples.IDENTITY["nama"] not in text


def test_every_rule_that_grades_is_the_check_the_participant_runs():
    """No hidden tests: each grade cell's source is what the participant sees and runs."""
    graded = [c.source for c in SOURCE.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert graded and not any("HIDDEN" in source for source in graded)


@pytest.mark.slow
def test_complete_submission_filled_through_the_form_earns_full_marks(graded):
    assert graded["scores"]["lengkap_formulir"] == {k: float(v) for k, v in samples.POINTS.items()}


@pytest.mark.slow
def test_form_filled_and_code_filled_submissions_grade_the_same(graded):
    assert graded["scores"]["lengkap_kode"] == graded["scores"]["lengkap_formulir"]


@pytest.mark.slow
def test_untouched_release_scores_zero(graded):
    assert set(graded["scores"]["kosong"].values()) == {0.0}
    assert set(graded["scores"]["kosong"]) == set(samples.POINTS)


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in samples.PIPELINE
                                  if n not in ("lengkap_formulir", "lengkap_kode", "kosong")])
def test_crafted_submission_loses_exactly_the_intended_points(graded, name):
    scores = graded["scores"][name]
    expected = {cell: 0.0 if cell in samples.LOSES[name] else float(points)
                for cell, points in samples.POINTS.items()}
    assert scores == expected


def _graded_notebook(graded, name):
    path = graded["root"] / "autograded" / name / ASSIGNMENT / NOTEBOOK
    return nbformat.read(path, as_version=4)


@pytest.mark.slow
def test_a_form_users_feedback_shows_each_decision_as_a_table_with_the_rules_verdict(graded):
    """The feedback page shows a cell's text output: the form's decisions, evidence
    verdicts, plan verdicts and the summary (decimal comma) are there, the widget's
    internals are not."""
    release = nbformat.read(graded["release"] / NOTEBOOK, as_version=4)
    page = feedback.notebook_html(_graded_notebook(graded, "lengkap_formulir"), release, {},
                                  drawn={})  # the tables are text; no chart is drawn here
    for shown in ("Jawaban Anda dan putusan aturan bukti", "Bukti Anda", "Putusan aturan",
                  "✔ Memenuhi aturan (jenis:", "Klipping bulanan isu",
                  "Rencana pengembangan Anda dan putusan aturan",
                  "✔ Lengkap; target", "66,7",
                  html.escape(ui.FORM_TEXT)):
        assert shown in page, shown
    assert "VBox(" not in page and '<pre class="out">None</pre>' not in page


def _outputs(nb, kind):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if o.output_type == kind]


@pytest.mark.slow
def test_a_failed_check_reads_as_its_indonesian_message_in_the_notebook_and_the_feedback(
        graded):
    """The graded notebook (what formgrader and the participant see) shows a failed check
    as its message alone, and the feedback page does not put a Python name before it; the
    cell still counts as failed (see the scores above)."""
    nb = _graded_notebook(graded, "kurang_lengkap")
    failed = {c.metadata["nbgrader"]["grade_id"]: c.outputs[-1] for c in nb.cells
              if c.cell_type == "code" and any(o.output_type == "error" for o in c.outputs)}
    assert set(failed) == samples.LOSES["kurang_lengkap"]
    for error in failed.values():
        shown = "\n".join(error.traceback)
        assert error.ename == "CekGagal" and shown == error.evalue
        assert not any(word in shown for word in ("Traceback", "Cell In", "File ", ".py"))
    release = nbformat.read(graded["release"] / NOTEBOOK, as_version=4)
    page = feedback.notebook_html(nb, release, {}, drawn={})
    assert html.escape(failed["uji_jawaban"].evalue) in page
    assert "Jawaban K/BK belum lengkap" in page
    assert "AssertionError" not in page and "CekGagal" not in page


@pytest.mark.slow
def test_running_the_notebook_before_filling_the_form_prints_no_warning(graded):
    nb = _graded_notebook(graded, "kosong")
    assert not [o.text for o in _outputs(nb, "stream") if o.name == "stderr"]
    assert len(_outputs(nb, "error")) == len(samples.POINTS)  # each check says what to fill


@pytest.mark.slow
def test_a_code_users_summary_names_each_unit_as_a_form_users_does(graded):
    def summary(name):
        nb = _graded_notebook(graded, name)
        cell = next(c for c in nb.cells if samples.SUMMARY_LINE in c.source)
        return cell.outputs[-1]["data"]["text/plain"]

    by_code = summary("lengkap_kode")
    assert by_code == summary("lengkap_formulir")
    titles = catalog.scheme_elements(samples.SCHEME)["judul_unit"].unique()
    assert all(title[:20] in by_code for title in titles)


@pytest.mark.slow
def test_the_asesor_grades_sufficiency_beside_the_flags_in_the_graded_notebook(graded):
    nb = _graded_notebook(graded, "tidak_konsisten")
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    check = nb.cells[ids.index("uji_bukti")]
    shown = "".join(o.get("text", "") for o in check.outputs)
    assert "⚑" in shown and "juga dipakai di unit" in shown
    assert ids[ids.index("uji_bukti") + 1] == "nilai_asesor_bukti"
    with Gradebook(course.config(graded["root"]).CourseDirectory.db_url) as gradebook:
        grades = {g.name: g for nb in gradebook.find_submission(
            ASSIGNMENT, "tidak_konsisten").notebooks for g in nb.grades}
        task = grades["nilai_asesor_bukti"]
        assert (task.needs_manual_grade, task.max_score) == (True, 2)
        assert grades["uji_bukti"].score == samples.POINTS["uji_bukti"]


def test_the_form_file_round_trips_every_answer():
    saved = json.loads(samples.form_file(samples.complete()))
    assert saved["kode_skema"] == samples.SCHEME
    assert [r["klaim"] for r in saved["jawaban"]] == [c for c, _ in samples.CLAIMS]
    assert len(saved["rencana"]) == sum(c == "BK" for c, _ in samples.CLAIMS)


# --- each defect alone, against the grade cells' own checks (in-process) ---

GRADE_CELLS = {
    "uji_identitas": lambda isian, ringkasan: checks.periksa_identitas(isian),
    "uji_jawaban": lambda isian, ringkasan: checks.periksa_jawaban(isian),
    "uji_bukti": lambda isian, ringkasan: checks.periksa_bukti(isian),
    "uji_ringkasan": lambda isian, ringkasan: (
        checks.periksa_ringkasan(isian, ringkasan),
        checks.periksa_grafik(isian, apl02.profile_chart(ringkasan))),
    "uji_rencana": lambda isian, ringkasan: checks.periksa_rencana(isian),
    "uji_tanggal": lambda isian, ringkasan: checks.periksa_tanggal_rencana(isian),
}
#: What each grade cell runs, as the notebook writes it (the in-process runs above mirror it).
CELL_SOURCES = {
    "uji_identitas": "checks.periksa_identitas(isian)",
    "uji_jawaban": "checks.periksa_jawaban(isian)",
    "uji_bukti": "checks.periksa_bukti(isian)",
    "uji_ringkasan": "checks.periksa_ringkasan(isian, ringkasan)\n"
                     "checks.periksa_grafik(isian, grafik)",
    "uji_rencana": "checks.periksa_rencana(isian)",
    "uji_tanggal": "checks.periksa_tanggal_rencana(isian)",
}


def _failing(isian, ringkasan=None):
    ringkasan = apl02.summary(isian.jawaban) if ringkasan is None else ringkasan
    failed = set()
    for cell, run in GRADE_CELLS.items():
        try:
            run(isian, ringkasan)
        except AssertionError:
            failed.add(cell)
    return failed


SOURCE = nbformat.read(course.COURSE_ROOT / "source" / ASSIGNMENT / NOTEBOOK, as_version=4)


@pytest.mark.parametrize("name", [n for n in samples.NAMES if n not in ("kosong", "lengkap_kode")])
def test_every_sample_fails_exactly_its_intended_grade_cells(name):
    """The answers file and the notebook's own summary cell, checked without a kernel."""
    nb, extra = samples.build(name, SOURCE)
    isian = form.Isian.from_json(extra[form.ANSWER_FILE].decode("utf-8"))
    summary_cell = next(c.source for c in nb.cells if samples.SUMMARY_LINE in c.source)
    namespace = {"apl02": apl02, "isian": isian, "tables": tables}
    exec(summary_cell, namespace)  # noqa: S102 (the notebook cell under test, from the kit)
    assert _failing(isian, namespace["ringkasan"]) == samples.LOSES[name]


def test_the_notebook_grade_cells_and_points_are_those_the_samples_assume():
    cells = {c.metadata["nbgrader"]["grade_id"]: c for c in SOURCE.cells
             if c.metadata.get("nbgrader", {}).get("grade")}
    assert set(cells) == set(GRADE_CELLS) == set(samples.POINTS)
    assert {k: c.metadata["nbgrader"]["points"] for k, c in cells.items()} == samples.POINTS
    assert {k: c.source.strip() for k, c in cells.items()} == CELL_SOURCES
    tasks = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"]
             for c in SOURCE.cells if c.metadata.get("nbgrader", {}).get("task")}
    assert tasks == samples.MANUAL_POINTS


def _intro():
    return next(c.source for c in SOURCE.cells if "**Cara penilaian" in c.source)


def test_the_notebook_declares_the_points_the_cells_carry():
    """Total, autograded and asesor's points, and each automatic check's points, as stated
    to participants, are those of the grade cells."""
    auto, manual = sum(samples.POINTS.values()), sum(samples.MANUAL_POINTS.values())
    text = " ".join(_intro().split())
    assert f"**Cara penilaian ({auto + manual} poin).**" in text
    assert f"**Diperiksa otomatis ({auto} poin)**" in text
    assert f"**Dinilai asesor ({manual} poin)**" in text
    stated = [int(n) for n in re.findall(r"\((\d)\)", text.split("**Dinilai asesor")[0])]
    order = ["uji_identitas", "uji_jawaban", "uji_bukti", "uji_ringkasan", "uji_rencana",
             "uji_tanggal"]
    assert stated == [samples.POINTS[k] for k in order]
    task = next(c.source for c in SOURCE.cells if c.metadata.get("nbgrader", {}).get("task"))
    assert f"({manual} poin)" in task.splitlines()[0]


# --- every grading rule, both sides: what is accepted and what is refused ---

def _claims(isian):
    return [i for i, c in enumerate(isian.jawaban["klaim"]) if c == "K"]


#: Genuine evidence of every kind a checker once refused, written as officials write it.
GENUINE = {
    "naskah sambutan": "Naskah sambutan Bupati pada Hari Jadi Kabupaten ke-5, Juni 2025",
    "naskah pidato": "Naskah pidato Wakil Bupati pada Musrenbang RKPD 2025",
    "siaran pers": "Siaran pers Diskominfo tentang banjir Sungai Lintang, Januari 2026",
    "press release": "Press release peluncuran aplikasi layanan publik, Maret 2025",
    "unggahan Instagram": "Unggahan Instagram @diskominfo_seruni tentang jadwal vaksinasi, "
                          "12 Maret 2025",
    "SKP": "SKP tahun 2024 dengan predikat Baik",
    "ijazah": "Ijazah S1 Ilmu Komunikasi Universitas Tanjungpura, 2012",
    "transkrip": "Transkrip nilai S1 Ilmu Komunikasi 2012",
    "episode podcast": "Episode podcast \"Seruni Menyapa\" tentang pajak daerah, Mei 2025",
    "moderator": "Moderator dialog publik RPJMD di Balai Kabupaten, Oktober 2024",
    "penghargaan": "Penghargaan Anugerah Humas Daerah dari Gubernur, 2024",
    "rundown": "Rundown upacara HUT Kabupaten ke-5, Agustus 2025",
    "log pemantauan media": "Log pemantauan media harian Bidang IKP, Januari–Juni 2025",
    "MC": "MC pada acara pelantikan pejabat administrator, Februari 2025",
    "tahun Hijriah": "Naskah sambutan Bupati pada peringatan 1 Muharam 1446 H",
    "folder bersama": "Folder bersama Bidang IKP di Google Drive dengan hak akses per bidang, "
                      "2025",
    # as officials also write them (read by a government reader of the vocabulary)
    "surat perintah tugas": "Surat Perintah Tugas meliput kunjungan kerja Bupati, 2025",
    "STTPP": "STTPP Diklat Teknis Kehumasan 2023",
    "press conference": "Press conference Bupati soal banjir, 12/01/26",
    "publikasi": "Publikasi di website resmi Pemkab, Triwulan III/2025",
    "program kerja": "Program kerja Bidang IKP TA 2025",
    "juru bicara": "Juru bicara posko tanggap darurat banjir, Januari 2026",
    "nota kesepahaman": "Nota kesepahaman peliputan dengan RRI 2024",
    "Ramadan tanpa H": "Sambutan Bupati pada buka puasa bersama media, Ramadan 1446",
    # the rule's own examples
    "laporan": "Laporan pelaksanaan rapat koordinasi humas, Maret 2025",
    "sertifikat": "Sertifikat bimtek kehumasan Kominfo 2024",
    "foto kegiatan": "Foto kegiatan jumpa pers Bupati, Agustus 2025",
    "notulen": "Notulen rapat persiapan HUT Kabupaten, Juli 2025",
    "SK": "SK Bupati tentang Tim Humas Pemerintah Daerah Nomor 100/45/2025",
}


@pytest.mark.parametrize("kind", list(GENUINE))
def test_genuine_evidence_of_every_kind_is_accepted_without_a_flag(kind):
    verdict = evidence.judge(GENUINE[kind], samples.IDENTITY["tanggal_asesmen"])
    assert verdict.status == evidence.ACCEPTED, verdict.describe()


def test_genuine_evidence_of_every_kind_earns_the_evidence_points():
    isian = samples.complete()
    rows = _claims(isian)
    texts = list(GENUINE.values())
    for start in range(0, len(texts), len(rows)):
        batch = texts[start:start + len(rows)]
        checks.periksa_bukti(samples.with_changes(
            isian, {i: {"bukti": text} for i, text in zip(rows, batch)}))


@pytest.mark.parametrize("text", ["Rapat 1445 H", "Pidato pada Ramadan 1446 Hijriah",
                                  "Sambutan Maulid Nabi 1446H"])
def test_a_hijri_year_says_when(text):
    assert evidence.years(text) and evidence.judge(text).status == evidence.ACCEPTED


@pytest.mark.parametrize("text", ["Foto 2025", "Video 2025", "Foto dan video 2025",
                                  "Dokumen 2025", "Kegiatan 2025"])
def test_a_bare_medium_or_generic_word_names_no_document_or_activity(text):
    verdict = evidence.judge(text)
    assert verdict.status == evidence.REFUSED
    assert "belum menyebut dokumen atau kegiatan apa" in verdict.describe()


@pytest.mark.parametrize("text", ["Foto peresmian pasar Bukit Pandan 2025",
                                  "Video wawancara Bupati di RRI, Mei 2025"])
def test_a_medium_with_what_it_shows_names_the_evidence(text):
    assert evidence.judge(text).status == evidence.ACCEPTED


@pytest.mark.parametrize("evidence_text, lacking", [
    ("", "kosong"),
    ("ada", "tidak menyebut jenis dokumen atau kegiatan; tidak menyebut kapan"),
    ("-", "tidak menyebut jenis dokumen atau kegiatan; tidak menyebut kapan"),
    ("saya sering melakukannya dengan baik", "tidak menyebut jenis dokumen"),
    ("Laporan kegiatan humas", "tidak menyebut kapan"),
    ("Laporan rapat koordinasi, Maret", "menyebut bulan tetapi belum tahunnya"),
    ("Sudah dikerjakan tahun 2025", "tidak menyebut jenis dokumen atau kegiatan"),
])
def test_evidence_missing_a_document_or_a_time_is_refused_saying_what_is_missing(
        evidence_text, lacking):
    verdict = evidence.judge(evidence_text)
    assert verdict.status == evidence.REFUSED and lacking in verdict.describe()


def test_evidence_the_vocabulary_does_not_know_is_flagged_for_the_asesor_not_refused():
    text = "Menulis di Kompasiana tentang pariwisata daerah, 2025"
    verdict = evidence.judge(text)
    assert verdict.status == evidence.FLAGGED and "tidak dikenali" in verdict.describe()
    isian = samples.complete()
    checks.periksa_bukti(samples.with_changes(isian, {_claims(isian)[0]: {"bukti": text}}))


def test_a_year_after_the_assessment_is_flagged_for_the_asesor():
    verdict = evidence.judge("Laporan rapat koordinasi humas 2027", "2026-02-10")
    assert verdict.status == evidence.FLAGGED and "sesudah tahun asesmen" in verdict.describe()
    assert evidence.judge("Laporan rapat koordinasi humas 2026",
                          "2026-02-10").status == evidence.ACCEPTED


def test_the_notebook_says_that_only_the_year_of_the_evidence_is_compared():
    """The notebook's own example: a later month of the assessment's year gets no flag."""
    text = " ".join(" ".join(c.source for c in SOURCE.cells).split())
    assert ("Yang dibandingkan hanya tahunnya, bukan bulannya: bukti bertanggal Juni 2026 "
            "untuk asesmen 10 Februari 2026 tidak diberi tanda.") in text
    assert "sesudah tanggal asesmen, atau bukti yang sama" not in text
    assert evidence.judge("Laporan rapat koordinasi humas, Juni 2026",
                          "2026-02-10").status == evidence.ACCEPTED


def _examples(label):
    text = " ".join(next(c.source for c in SOURCE.cells if "Contoh sah" in c.source).split())
    part = text.split(label, 1)[1].split(". ", 1)[0] if label == "Contoh sah:" else \
        text.split(label, 1)[1].split("Satu dokumen", 1)[0]
    return re.findall(r'\*"([^"]*)"\*', part)


def test_the_notebook_examples_of_the_rule_get_the_verdict_the_notebook_gives():
    valid, invalid = _examples("Contoh sah:"), _examples("Tidak sah:")
    assert len(valid) == 2 and len(invalid) == 5
    assert [evidence.judge(e).status for e in valid] == [evidence.ACCEPTED] * 2
    assert [evidence.judge(e).status for e in invalid] == [evidence.REFUSED] * 5


def test_the_evidence_rule_is_stated_in_the_notebook_as_the_checks_apply_it():
    text = " ".join(" ".join(c.source for c in SOURCE.cells).split())
    for part in ("menyebut **jenis dokumen atau kegiatan**", "menyebut **kapan**",
                 "tahun, atau bulan dan tahun", "juga di unit lain", "tanda ⚑ untuk asesor"):
        assert part in text
    assert "jenis dokumen atau kegiatan" in checks.EVIDENCE_RULE
    assert "kapan: tahun, atau bulan dan tahun" in checks.EVIDENCE_RULE
    with pytest.raises(CekGagal, match="Bukti belum memenuhi aturan"):
        checks.periksa_bukti(samples.with_changes(samples.complete(), {_claims(samples.complete())[0]:
                                                         {"bukti": "ada"}}))


def test_one_document_cited_in_several_units_is_flagged_not_refused(capsys):
    isian = samples.complete()
    table = isian.jawaban
    first = _claims(isian)[0]
    other = next(i for i in _claims(isian)
                 if table.loc[i, "kode_unit"] != table.loc[first, "kode_unit"])
    copied = samples.with_changes(isian, {i: {"bukti": "Laporan tahunan bidang humas "
                                                        "Diskominfo 2025"} for i in (first, other)})
    assert _failing(copied) == set()
    assert "⚑" in capsys.readouterr().out
    found = evidence.review(copied.jawaban)
    assert set(found.loc[found["status"] == evidence.FLAGGED, "kode_unit"]) == {
        table.loc[first, "kode_unit"], table.loc[other, "kode_unit"]}
    assert "juga dipakai di unit" in found["alasan"].str.cat()


@pytest.mark.parametrize("target, accepted", [("2026-02-11", True), ("2026-02-10", False),
                                              ("2026-01-15", False), ("31-05-2026", False)])
def test_a_target_date_must_fall_after_the_assessment_in_the_visible_check_as_in_grading(
        target, accepted):
    changed = samples.with_changes(samples.complete(), plan_rows={0: {"target": target}})
    assert (_failing(changed) == set()) is accepted
    decided = tables.rencana(changed).frame.loc[0, "Putusan aturan"]
    assert decided.startswith("✔" if accepted else "✘")
    cell = next(c.source for c in SOURCE.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == "uji_tanggal")
    assert cell.strip() == "checks.periksa_tanggal_rencana(isian)"


def test_an_empty_plan_is_penalised_once_not_twice():
    isian = samples.complete()
    empty = {0: {"kegiatan": "", "sumber_belajar": "", "target": "", "indikator": ""}}
    assert _failing(samples.with_changes(isian, plan_rows=empty)) == {"uji_rencana"}


@pytest.mark.parametrize("shown", [66.66666666666667, 66.67, 66.7, 67])
def test_a_correct_percentage_is_accepted_however_it_is_rounded(shown):
    assert checks.same_value(shown, 200 / 3)


@pytest.mark.parametrize("shown", [66.0, 60, "66,7 persen"])
def test_a_wrong_percentage_is_refused(shown):
    assert not checks.same_value(shown, 200 / 3)


def test_a_rounded_summary_passes_the_summary_check():
    isian = samples.complete()
    summary = apl02.summary(isian.jawaban)
    summary["persen_K"] = summary["persen_K"].round(0)
    checks.periksa_ringkasan(isian, summary)


def test_decision_tables_escape_what_the_participant_wrote():
    isian = samples.complete()
    hostile = samples.with_changes(isian, {_claims(isian)[0]: {
        "bukti": "<script>alert(1)</script> Laporan rapat koordinasi 2025"}})
    shown = tables.jawaban(hostile)._repr_html_()
    assert "<script>" not in shown and "&lt;script&gt;" in shown


@pytest.mark.parametrize("isian", [
    form.Isian(), form.Isian(kode_skema=samples.SCHEME),
    form.Isian(kode_skema="TIDAK-ADA", jawaban=[{"kode_unit": "X", "no_elemen": "satu",
                                                  "klaim": "BK", "bukti": ""}]),
], ids=["kosong", "skema_saja", "kode_aneh"])
def test_decision_tables_show_an_unfinished_or_odd_isian_without_failing(isian):
    """The notebook shows them before the form is filled, and for answers written in code."""
    for table in (tables.identitas(isian), tables.jawaban(isian), tables.rencana(isian)):
        assert table.table.caption in repr(table) and table._repr_html_()
