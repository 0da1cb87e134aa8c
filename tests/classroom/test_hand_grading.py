"""The asesor's hand grading on the classroom server: one gradebook per cohort.

The trainer grades the exchange with the kit's sandboxed `grade all` (as root, the command
the guides give), into the cohort folder in the trainer's home; the trainer's own formgrader
(`/user/pelatih/formgrader`) opens that cohort. Step 7 of Pemetaan Isu is graded there by
hand, in Chromium, and `grade report` and `humaskit laporan` show the score and the comment.
"""

from __future__ import annotations

import os
import pwd
import re
import subprocess
import time

import pytest
from hub import SCREENSHOTS, run_as
from nbgrader.api import Gradebook

from humaskit.grading import cohort
from humaskit.grading.workspace import Workspace
from humaskit.training import demo

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the classroom server runs as root")]

SCORE, COMMENT = 7, "Strategi PPDB belum memuat indikator evaluasi yang terukur."


def kit(room, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([room["kit"], *args], capture_output=True, text=True, check=False)


def test_the_cohort_is_the_trainers_and_no_participant_reads_it(room, graded):
    out, trainer = room["out"], pwd.getpwnam("pelatih")
    gradebook = out / "kursus" / "gradebook.db"
    for path in (out, out / "kursus", gradebook, out / "status.json",
                 out / "kursus" / "autograded" / "uji_ani" / "pemetaan_isu" / "pemetaan_isu.ipynb"):
        assert (path.stat().st_uid, path.stat().st_gid) == (trainer.pw_uid, trainer.pw_gid), path
    assert oct(out.stat().st_mode & 0o777) == "0o700"
    assert oct((out / "kursus").stat().st_mode & 0o777) == "0o700"
    assert run_as("pelatih", "test", "-w", str(gradebook)).returncode == 0
    for path in (out, gradebook, out / "laporan" / "peserta" / "uji_ani.html"):
        peek = run_as("uji_budi", "cat" if path.is_file() else "ls", str(path))
        assert peek.returncode != 0 and "Permission denied" in peek.stderr, path


def test_formgraders_autograde_on_the_server_runs_nothing_and_names_the_kits_command(
        room, graded, trainer):
    graded_copy = (room["out"] / "kursus" / "autograded" / "uji_ani" / "pemetaan_isu" /
                   "pemetaan_isu.ipynb")
    before = graded_copy.read_bytes()
    trainer.user_get("formgrader")  # formgrader's page sets the cookie its buttons send
    reply = trainer.user_post("formgrader/api/submission/pemetaan_isu/uji_ani/autograde")
    assert reply.status_code == 200
    outcome = reply.json()
    assert not outcome["success"]
    assert "Autograde nbgrader (tombol di Formgrader dan perintah nbgrader) dimatikan" in \
        outcome["error"]
    assert f"humaskit grade all {room['prefix']}/exchange/humaskit/inbound" in outcome["error"]
    assert f"--out {room['out']}" in outcome["error"]
    assert graded_copy.read_bytes() == before


def test_the_trainer_grades_step_7_by_hand_in_formgrader_and_the_reports_show_it(
        room, graded, trainer, browser):
    """In Chromium, as the trainer: formgrader lists Ani's submission that `grade all`
    graded; the manual-grading page shows, in Indonesian, the rubric and Ani's own top three
    issues above her strategy; a score and a comment are entered there. `grade report` and
    the laporan then show both."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    page.goto(f"{room['base']}/hub/login")
    page.fill("#username_input", "pelatih")
    page.fill("#password_input", room["first"]["admin_passwords"]["pelatih"])
    page.click("#login_submit")
    page.wait_for_url("**/user/pelatih/**")

    page.goto(f"{room['base']}/user/pelatih/formgrader/gradebook/pemetaan_isu/pemetaan_isu")
    listed = page.locator("tbody tr:has(a[href*='/formgrader/submissions/'])")
    listed.first.wait_for()
    assert listed.count() == 1
    assert "Ani Lestari" in listed.first.text_content()
    header = page.locator("thead").inner_text()
    assert "Kiriman" in header and "Perlu dinilai manual?" in header
    assert page.get_by_role("link", name="Penilaian Manual").count() >= 1
    assert listed.first.locator("a.name-hidden").inner_text() == "Kiriman #1"
    listed.first.locator("a.name-hidden").click()

    score = page.locator("input.score#strategi_respons")
    score.wait_for()
    text = page.locator("body").inner_text()
    assert "Berikutnya" in text and "Kiriman" in text and "Jawaban peserta" in text
    assert "Manual Grading" not in text and "Next →" not in text
    rubric = text.index("Rubrik penilaian (untuk peserta dan asesor; total 10 poin)")
    note = text.index("Catatan untuk asesor")
    answer = text.index("Jawaban Langkah 7")
    assert rubric < note < answer  # the rubric, Ani's own map, then her strategy
    assert "belum ada isu teratas" in text[note:answer]  # Ani rated no issue
    page.screenshot(path=SCREENSHOTS.format("penilaian_manual"), full_page=True)
    score.fill(str(SCORE))
    score.press("Tab")
    comment = page.locator("textarea#strategi_respons-comment")
    assert page.locator("label[for='strategi_respons-comment']").inner_text() == "Komentar"
    comment.fill(COMMENT)
    comment.press("Tab")

    url = f"sqlite:///{room['out'] / 'kursus' / 'gradebook.db'}"
    for _ in range(100):
        with Gradebook(url) as gb:
            nb = gb.find_submission_notebook("pemetaan_isu", "pemetaan_isu", "uji_ani")
            grade = next(g for g in nb.grades if g.name == "strategi_respons")
            said = next(c for c in nb.comments if c.name == "strategi_respons")
            saved = (grade.manual_score, said.manual_comment)
        if saved == (SCORE, COMMENT):
            break
        time.sleep(0.3)
    assert saved == (SCORE, COMMENT)
    page.close()

    for step in ("export", "report"):
        done = kit(room, "grade", step, "--out", str(room["out"]))
        assert done.returncode == 0, done.stdout + done.stderr
    mine = (room["out"] / "laporan" / "peserta" / "uji_ani.html").read_text(encoding="utf-8")
    assert re.search(r"<td>Langkah 7\. Strategi respons[^<]*</td><td>7</td><td>10</td>", mine)
    assert "Komentar penilai" in mine and COMMENT in mine
    assert (room["out"] / "kursus" / "gradebook.db").stat().st_uid == \
        pwd.getpwnam("pelatih").pw_uid  # still the trainer's after the reports

    demo.write(room["out"], cohort.participants(Workspace(room["out"])))
    done = kit(room, "laporan", "--kohort", str(room["out"]), "--tanpa-pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    report = next(room["out"].rglob("laporan_penyelenggaraan.html")).read_text(encoding="utf-8")
    assert "Komentar pelatih pada penilaian manual" in report and COMMENT in report
    row = re.search(r"<tr>(?:(?!</tr>).)*Langkah 7\. Strategi respons(?:(?!</tr>).)*</tr>",
                    report, re.DOTALL).group(0)
    assert "70,0" in row  # Ani's 7 of 10, the only submission
