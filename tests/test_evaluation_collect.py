"""The room's evaluations reach the laporan anonymous in fact: collected from a folder or zip
with grading's collection checks, stored with no account name in a shuffled order, and a
comment shown only where enough participants filled the form in. (The classroom server's
side is tested on the real hub: tests/classroom/test_evaluations.py.)"""

from __future__ import annotations

import json
import re
import stat
import zipfile

import pytest

from humaskit import evaluation
from humaskit.evaluation import collect, ui

TEACHER = list(evaluation.TEACHER)
ORGANISATION = list(evaluation.ORGANISATION)


def answers(comment: str = "Ruangnya sejuk.", **extra) -> dict:
    """One participant's answers file as the form saves it, plus ``extra`` keys."""
    return {"hari2": {"H2-pagi": dict.fromkeys(TEACHER, 3), "H2-siang": dict.fromkeys(TEACHER, 4),
                      "komentar": "Jelas."},
            evaluation.FINAL: {**dict.fromkeys(ORGANISATION, 3), evaluation.MEALS: 0,
                               "komentar": comment},
            "disimpan_pada": "2026-11-26T15:20:11+07:00", **extra}


def write(path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_record_keeps_only_the_complete_forms_ratings_and_comments():
    data = answers(nama="Ani Lestari", id="uji_ani")
    data["hari2"]["H2-pagi"]["akun"] = "uji_ani"
    data["hari3"] = {"H3-pagi": dict.fromkeys(TEACHER, 3) | {"sikap": None}}
    data["hari4"] = {"H4-pagi; Lestari": dict.fromkeys(TEACHER, 3)}
    kept, left_out = evaluation.record(data)
    assert set(kept) == {"hari2", evaluation.FINAL}
    assert kept["hari2"]["H2-pagi"] == dict.fromkeys(TEACHER, 3)
    text = json.dumps(kept)
    assert "Lestari" not in text and "uji_ani" not in text and "2026-11-26" not in text
    assert left_out == ["formulir Hari 3 belum lengkap; tidak dihitung.",
                        "formulir Hari 4 belum lengkap; tidak dihitung."]


def test_a_folder_gives_anonymous_records_and_names_each_bad_file(tmp_path):
    folder, outside = tmp_path / "terkumpul", tmp_path / "rahasia.json"
    write(folder / "ani_lestari.json", answers(nama="Ani Lestari"))
    write(folder / "budi" / evaluation.ANSWER_FILE, answers("AC dingin."))
    write(outside, answers("RAHASIA"))
    (folder / "tautan.json").symlink_to(outside)
    (folder / "folder_tautan").symlink_to(tmp_path)
    (folder / "rusak.json").write_text("{\"hari1\": ", encoding="utf-8")
    (folder / "besar.json").write_text(" " * (evaluation.MAX_FILE_BYTES + 1) + "{}")
    (folder / "catatan.txt").write_text("bukan evaluasi")
    write(folder / "setengah.json", {"akhir": {"panitia": 4}})
    found = collect.from_sources([folder])
    assert sorted(r[evaluation.FINAL]["komentar"] for r in found.records) == [
        "AC dingin.", "Ruangnya sejuk."]
    assert "Lestari" not in json.dumps(found.records)
    assert "RAHASIA" not in json.dumps(found.records)
    named = {where.split("/")[-1]: message for where, message in found.problems}
    assert set(named) == {"tautan.json", "folder_tautan", "rusak.json", "besar.json",
                          "catatan.txt", "setengah.json"}
    assert "tautan tidak diikuti" in named["tautan.json"]
    assert "tautan tidak diikuti" in named["folder_tautan"]
    assert named["besar.json"].startswith("terlalu besar (lebih dari 256 KB)")
    assert named["rusak.json"] == "berkas rusak atau bukan JSON."
    assert named["setengah.json"] == "formulir Akhir pelatihan belum lengkap; tidak dihitung."
    assert all(where.startswith(str(folder)) for where, _ in found.problems)


def test_a_zip_is_unpacked_within_its_caps_and_nothing_escapes(tmp_path):
    archive = tmp_path / "evaluasi.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("kelas/ani.json", json.dumps(answers()))
        zf.writestr("../lolos.json", json.dumps(answers("lolos")))
        link = zipfile.ZipInfo("kelas/tautan.json")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("kelas/besar.json", " " * (evaluation.MAX_FILE_BYTES + 1))
    found = collect.from_sources([archive])
    assert [r[evaluation.FINAL]["komentar"] for r in found.records] == ["Ruangnya sejuk."]
    assert not (tmp_path / "lolos.json").exists()
    said = "\n".join(f"{where}: {message}" for where, message in found.problems)
    assert "lolos.json" in said and "menunjuk ke luar folder arsip" in said
    assert "kelas/tautan.json" in said and "tautan" in said
    assert f"{archive}:kelas/besar.json: terlalu besar" in said


def test_stored_records_have_random_names_one_time_and_a_shuffled_order(tmp_path):
    target = tmp_path / "penyelenggaraan" / "evaluasi"
    records = [evaluation.record(answers(f"komentar {n}"))[0] for n in range(30)]
    written, moved = collect.store(records, target, collect.ROOM)
    assert moved is None and len(written) == 30
    assert all(re.fullmatch(r"kelas-[0-9a-f]{16}\.json", p.name) for p in written)
    assert len({p.stat().st_mtime for p in written}) == 1
    order = [json.loads(p.read_text())[evaluation.FINAL]["komentar"] for p in written]
    assert sorted(order) == sorted(f"komentar {n}" for n in range(30))
    assert order != [f"komentar {n}" for n in range(30)]  # 1 in 30! that it is not shuffled
    rows, problems = evaluation.read_answers(target)
    assert problems == [] and len(evaluation.organisation(rows)) == 30
    again, moved = collect.store(records[:2], target, collect.ROOM)
    assert sorted(target.glob("*.json")) == sorted(again)
    assert moved.parent == tmp_path / "penyelenggaraan" / collect.ARCHIVE
    assert len(list(moved.glob("kelas-*.json"))) == 30  # the earlier collection is kept


def test_a_comment_is_shown_only_where_five_participants_filled_the_form(tmp_path):
    people = [evaluation.record(answers(f"Saran {n}."))[0] for n in range(5)]
    collect.store(people[:4], tmp_path / "empat", collect.FILES)
    collect.store(people, tmp_path / "lima", collect.FILES)
    four, _ = evaluation.read_answers(tmp_path / "empat")
    five, _ = evaluation.read_answers(tmp_path / "lima")
    assert evaluation.respondents(four) == {"hari2": 4, evaluation.FINAL: 4}
    said, withheld = evaluation.shown_comments(four)
    assert said.empty and withheld == {"Hari 2": 4, "Akhir pelatihan": 4}
    said, withheld = evaluation.shown_comments(five)
    assert withheld == {} and "Saran 4." in set(said["komentar"])
    assert set(said["formulir"]) == {"Hari 2", "Akhir pelatihan"}


def test_the_form_says_what_the_report_keeps_anonymous():
    for form in ("hari1", evaluation.FINAL):
        intro = ui.Evaluasi(form).widget().children[0].value
        assert "tanpa nama akun, dalam urutan acak" in intro
        assert f"sedikitnya {evaluation.MIN_FOR_COMMENTS} peserta" in intro


@pytest.mark.parametrize("missing", ["tidak_ada", "berkas.json"])
def test_a_source_that_is_neither_a_folder_nor_a_zip_is_refused(tmp_path, missing):
    if missing.endswith(".json"):
        (tmp_path / missing).write_text("{}")
    with pytest.raises(FileNotFoundError, match="bukan folder atau berkas zip"):
        collect.from_sources([tmp_path / missing])


def test_laporan_collects_a_zip_anonymously_and_withholds_comments_of_too_few(tmp_path, capsys):
    from test_training import PEOPLE, _cohort

    from humaskit import cli
    from humaskit.training import inputs, report

    out = _cohort(tmp_path)
    archive = tmp_path / "dari_usb.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("ani_lestari.json", json.dumps(answers("Kursi kurang nyaman.")))
        zf.writestr("budi_hartono/evaluasi_penyelenggaraan.json", json.dumps(answers("")))
    assert cli.main(["laporan", "--kohort", str(out), "--evaluasi", str(archive),
                     "--templat"]) == 0
    printed = capsys.readouterr().out
    assert "2 evaluasi dari berkas yang dikumpulkan disimpan tanpa nama" in printed
    records = out / "penyelenggaraan"
    assert len(list((records / "evaluasi").glob("kumpulan-*.json"))) == 2
    kept = list((records / collect.ARCHIVE).glob("kumpulan-*/*.json"))
    assert len(kept) == len(PEOPLE)  # the demo's earlier collection, moved aside
    for path in records.rglob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert "ani_lestari" not in text and "budi_hartono" not in text, path
    loaded = inputs.load(out)
    section = report.organisation_evaluation_section(loaded, report.Figures(None, 90))
    said = "\n".join(section.paragraphs + section.points)
    assert "Indeks penyelenggaraan (4 formulir)" in said  # two collected, two typed in
    assert "Kursi kurang nyaman" not in said and "Undangan datang terlambat" not in said
    assert ("Komentar formulir Akhir pelatihan (4 pengisi) tidak ditampilkan: komentar hanya "
            "dimuat bila sedikitnya 5 peserta mengisi formulir itu") in said
