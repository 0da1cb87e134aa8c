"""The facilitator's progress grid reads each participant's answers file as data, with the
exercise's own counting and visible checks, and never follows a participant's link."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from humaskit.exercises import answers
from humaskit.exercises.issue_mapping import model
from humaskit.exercises.issue_mapping.ui import ANSWER_FILE
from humaskit.exercises.quiz import bank
from humaskit.exercises.self_assessment import samples
from humaskit.server import progress
from humaskit.skkni import form

ME = os.getuid()


def sheet(jawaban: dict) -> str:
    return answers.text(jawaban, "2026-12-07T02:10:00+00:00")


def home_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    home = tmp_path / "uji_ani"
    for name, content in files.items():
        path = home / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    home.mkdir(parents=True, exist_ok=True)
    return home


def started() -> dict:
    """Impact for every issue and urgency for three, one of them breaking the stated rule (a
    rising trend needs urgency 2 or more); one impact typed as no option."""
    jawaban = model.blank()
    jawaban["dampak"] = dict.fromkeys(model.TOPICS, 3)
    jawaban["dampak"]["banjir"] = "sangat besar"
    jawaban["urgensi"].update({"ppdb zonasi": 1, "banjir": 2, "honorer": 2})
    return jawaban


def test_counts_the_filled_decisions_and_names_the_steps_whose_visible_check_fails(tmp_path):
    home = home_with(tmp_path, {f"pemetaan_isu/{ANSWER_FILE}": sheet(started()),
                                "pemetaan_isu/pemetaan_isu.ipynb": "{}"})
    found = progress.Watch().progress(home, ME, "pemetaan_isu")
    assert (found.filled, found.total) == (8 + 3, model.count(model.blank())[1])
    assert found.failing == ("Langkah 3: dampak (1–5) setiap isu",
                             "Langkah 3: urgensi (1–5) setiap isu")
    assert found.state == "perlu-dicek"
    changed = (home / "pemetaan_isu" / ANSWER_FILE).stat().st_ctime
    assert found.saved == pytest.approx(changed)


def test_a_complete_valid_sheet_is_complete_and_an_untouched_exercise_has_not_started(tmp_path):
    jawaban = model.blank()
    for name, decision in model.DECISIONS.items():
        jawaban[name] = {k: decision.choices(k)[-1] for k in decision.subjects()}
    jawaban["urgensi"] = dict.fromkeys(model.TOPICS, 5)  # every rising issue at least 2
    done = progress.Watch().progress(
        home_with(tmp_path, {f"pemetaan_isu/{ANSWER_FILE}": sheet(jawaban)}), ME, "pemetaan_isu")
    assert done.filled == done.total
    assert done.state == ("perlu-dicek" if done.failing else "lengkap")
    assert "Langkah 3: urgensi (1–5) setiap isu" not in done.failing
    fetched_only = progress.Watch().progress(
        home_with(tmp_path / "b", {"pemetaan_isu/pemetaan_isu.ipynb": "{}"}), ME, "pemetaan_isu")
    assert fetched_only.filled is None and fetched_only.state == "belum"
    assert fetched_only.saved is not None
    assert progress.Watch().progress(tmp_path / "tidak-ada", ME, "pemetaan_isu") == \
        progress.Progress(fetched=False)


def test_the_pre_test_counts_answered_items_and_ignores_what_is_not_an_item_or_a_letter(
        tmp_path):
    items = [i.id for i in bank.items("pre")]
    given = {items[0]: "b", items[1]: " C. ", items[2]: "z", "H9.9": "a"}
    home = home_with(tmp_path, {"pre_test/jawaban_pre_test.json": sheet(given)})
    found = progress.Watch().progress(home, ME, "pre_test")
    assert (found.filled, found.total, found.failing) == (2, len(items), ())


def test_the_self_assessment_counts_claims_of_the_scheme_and_its_failing_checks(tmp_path):
    whole = samples.complete()
    home = home_with(tmp_path, {f"asesmen_mandiri/{form.ANSWER_FILE}": whole.to_json()})
    found = progress.Watch().progress(home, ME, "asesmen_mandiri")
    assert found.filled == found.total == len(whole.jawaban) and found.state == "lengkap"
    half = samples.with_changes(whole, rows={0: {"klaim": ""}}, plan_rows={0: {"target": ""}})
    (home / "asesmen_mandiri" / form.ANSWER_FILE).write_text(half.to_json(), encoding="utf-8")
    found = progress.Watch().progress(home, ME, "asesmen_mandiri")
    assert found.filled == found.total - 1
    assert "jawaban K/BK" in found.failing and "identitas dan skema" not in found.failing


def test_a_link_is_never_followed_at_any_step(tmp_path):
    secret = tmp_path / "rahasia"
    (secret / "pemetaan_isu").mkdir(parents=True)
    (secret / "pemetaan_isu" / ANSWER_FILE).write_text(sheet(started()), encoding="utf-8")
    linked_file = home_with(tmp_path / "a", {"pemetaan_isu/pemetaan_isu.ipynb": "{}"})
    (linked_file / "pemetaan_isu" / ANSWER_FILE).symlink_to(secret / "pemetaan_isu" / ANSWER_FILE)
    linked_folder = home_with(tmp_path / "b", {})
    (linked_folder / "pemetaan_isu").symlink_to(secret / "pemetaan_isu")
    linked_home = tmp_path / "c"
    linked_home.symlink_to(secret)
    for home in (linked_file, linked_folder, linked_home):
        assert progress.Watch().progress(home, ME, "pemetaan_isu").filled is None, home


@pytest.mark.skipif(ME != 0, reason="giving a file to another account needs root")
def test_a_file_another_account_owns_is_not_the_participants(tmp_path):
    home = home_with(tmp_path, {f"pemetaan_isu/{ANSWER_FILE}": sheet(started())})
    os.chown(home / "pemetaan_isu" / ANSWER_FILE, 65534, 65534)
    assert progress.Watch().progress(home, ME, "pemetaan_isu").filled is None


@pytest.mark.parametrize("content", [
    b"[" * 100_000 + b"]" * 100_000,  # nesting too deep for the parser
    b"\xff\xfe not json",
    json.dumps({"jawaban": ["bukan", "objek"]}).encode(),
    json.dumps({"jawaban": {"dampak": {"banjir": {"x": [1, 2]}}, "kuadran": "semua"}}).encode(),
])
def test_a_damaged_or_hostile_answers_file_is_that_participants_problem_alone(tmp_path, content):
    home = home_with(tmp_path, {f"pemetaan_isu/{ANSWER_FILE}": content})
    found = progress.Watch().progress(home, ME, "pemetaan_isu")
    if found.problem:
        assert found.state == "tidak-terbaca" and ANSWER_FILE in found.problem
    else:  # read as data: nothing in it counts
        assert found.filled == 0 and found.failing == ("Langkah 3: dampak (1–5) setiap isu",)


def test_an_oversized_answers_file_is_not_read(tmp_path):
    big = b" " * (progress.MAX_ANSWERS_BYTES + 1) + sheet(started()).encode()
    found = progress.Watch().progress(
        home_with(tmp_path, {f"pemetaan_isu/{ANSWER_FILE}": big}), ME, "pemetaan_isu")
    assert found.filled is None and "lebih dari 512 kB" in found.problem


def test_an_unchanged_file_is_not_measured_again_and_a_changed_one_is(tmp_path, monkeypatch):
    home = home_with(tmp_path, {f"pemetaan_isu/{ANSWER_FILE}": sheet(model.blank())})
    watch = progress.Watch()
    measured = []
    real = watch.readers["pemetaan_isu"]
    watch.readers["pemetaan_isu"] = progress.Reader(
        real.answers_file, lambda data: measured.append(1) or real.measure(data))
    assert watch.progress(home, ME, "pemetaan_isu").filled == 0
    assert watch.progress(home, ME, "pemetaan_isu").filled == 0
    answers.write(home / "pemetaan_isu" / ANSWER_FILE, sheet(started()))
    assert watch.progress(home, ME, "pemetaan_isu").filled == 11
    assert len(measured) == 2


def test_an_exercise_done_in_code_shows_only_its_last_save(tmp_path):
    home = home_with(tmp_path, {"pemetaan_isu_analis/pemetaan_isu_analis.ipynb": "{}"})
    found = progress.Watch().progress(home, ME, "pemetaan_isu_analis")
    assert found.filled is None and found.saved is not None and not found.problem


def test_the_grid_shows_each_participant_as_a_tile_for_the_latest_released_exercise(
        tmp_path, monkeypatch):
    from humaskit.grading import exchange
    from humaskit.server import facilitator
    from humaskit.server.layout import Layout, Settings

    layout = Layout(tmp_path / "opt")
    outbound = layout.exchange / "humaskit" / "outbound"
    for name in ("pemetaan_isu_analis", "pemetaan_isu"):  # released in this order
        (outbound / name).mkdir(parents=True)
        time.sleep(0.01)
    homes = {"uji_ani": home_with(tmp_path / "a", {f"pemetaan_isu/{ANSWER_FILE}":
                                                   sheet(started())}),
             "uji_budi": home_with(tmp_path / "b", {})}
    monkeypatch.setattr(Layout, "home", staticmethod(homes.__getitem__))
    monkeypatch.setattr(exchange, "account_uid", lambda account: ME)
    settings = Settings({"uji_budi": "Budi <b>Hartono</b>", "uji_ani": "Ani Lestari"})
    page = facilitator.grid_page(layout, settings, None, progress.Watch())
    assert "pemetaan_isu: 2 peserta; 1 belum mulai; 1 ada pemeriksaan ✘" in page
    assert page.index("Ani Lestari") < page.index("Budi &lt;b&gt;Hartono&lt;/b&gt;")
    assert f"11 dari {model.count(model.blank())[1]} isian" in page
    assert "✘ Langkah 3: urgensi (1–5) setiap isu" in page and "latihan belum diambil" in page
    assert 'http-equiv="refresh" content="15"' in page
    analis = facilitator.grid_page(layout, settings, "pemetaan_isu_analis", progress.Watch())
    assert "tidak dapat dihitung tanpa menjalankan kode peserta" in analis
