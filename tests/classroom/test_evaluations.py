"""The laporan's evaluation section fills from the room with no copying by hand: two
participants save the form in their own home, as themselves; root collects every saved
evaluation as data (a third participant's planted link is refused, not followed), stores
them with no account name, and the laporan counts them, withholding comments of too few."""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest
from hub import PARTICIPANTS, run_as

from humaskit import evaluation
from humaskit.grading import roster
from humaskit.server.layout import Layout
from humaskit.training import demo

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

#: What each participant's form holds: the final form's answers and comment.
FILLED = {"uji_ani": (4, "Ruang pelatihan sejuk."), "uji_budi": (3, "Konsumsi terlambat.")}
SAVE = """
import sys
from humaskit.evaluation import ui
form = ui.Evaluasi("akhir", "notebooks")
for box in form.ratings[""].values():
    box.value = int(sys.argv[1])
form.comment.value = sys.argv[2]
assert form.save(), form.status.value
"""


@pytest.fixture(scope="module")
def collected(room):
    assert room["setup"].returncode == 0, room["setup"].stdout + room["setup"].stderr
    python = str(room["prefix"] / "env" / "bin" / "python")
    for account, (rating, comment) in FILLED.items():
        saved = run_as(account, python, "-c", SAVE, str(rating), comment)
        assert saved.returncode == 0, saved.stdout + saved.stderr
    planted = Layout.home("uji_citra") / "notebooks" / evaluation.ANSWER_FILE
    made = run_as("uji_citra", "/bin/ln", "-s", "/etc/shadow", str(planted))
    assert made.returncode == 0, made.stderr
    out = room["base_dir"] / "hasil_evaluasi"
    people = roster.load(room["roster"])
    demo.write(out, people)  # identity and attendance as a facilitator fills them in
    records = out / "penyelenggaraan"
    for path in [*(records / "evaluasi").iterdir(), records / evaluation.TEACHER_CSV,
                 records / evaluation.ORGANISATION_CSV]:
        path.unlink()
    (out / "penilaian.json").write_text(json.dumps({"roster": str(room["roster"])}))
    command = [room["kit"], "laporan", "--kelas", "--prefix", str(room["prefix"]),
               "--kohort", str(out), "--tanpa-pdf"]
    as_participant = run_as("uji_budi", *command)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        yield {"done": done, "as_participant": as_participant, "records": records,
               "planted": planted}
    finally:
        planted.unlink(missing_ok=True)


def test_two_saved_evaluations_reach_the_cohort_with_no_account_name(collected):
    done = collected["done"]
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 evaluasi dari server kelas disimpan tanpa nama" in done.stdout
    stored = sorted((collected["records"] / "evaluasi").iterdir())
    assert [re.fullmatch(r"kelas-[0-9a-f]{16}\.json", p.name) is not None
            for p in stored] == [True, True]
    texts = [p.read_text(encoding="utf-8") for p in stored]
    assert sorted(json.loads(t)[evaluation.FINAL]["komentar"] for t in texts) == sorted(
        comment for _, comment in FILLED.values())
    for text in texts:
        assert list(json.loads(text)) == [evaluation.FINAL]  # no save time, no other key
        for account, name in PARTICIPANTS.items():
            assert account not in text and name not in text
    assert len({p.stat().st_mtime for p in stored}) == 1


def test_a_planted_link_is_named_and_never_followed(collected):
    said = collected["done"].stdout
    assert f"[DILEWATI] {collected['planted']}: Berupa tautan (symlink) ke /etc/shadow" in said
    assert "uji_ani" not in said and "uji_budi" not in said  # good files are not named
    for path in (collected["records"] / "evaluasi").iterdir():
        assert "root:" not in path.read_text(encoding="utf-8")


def test_the_laporan_counts_the_room_and_withholds_comments_of_too_few(collected):
    page = (collected["records"] / "keluaran" / "laporan_penyelenggaraan.html").read_text(
        encoding="utf-8")
    assert "Indeks penyelenggaraan (2 formulir) = 87,50" in page
    assert "Komentar formulir Akhir pelatihan (2 pengisi) tidak ditampilkan" in page
    for _, comment in FILLED.values():
        assert comment not in page


def test_a_participant_cannot_collect_the_rooms_evaluations(collected):
    refused = collected["as_participant"]
    assert refused.returncode == 1
    assert "hanya dapat dikumpulkan sebagai root" in refused.stdout
