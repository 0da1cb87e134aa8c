"""A participant who makes a typing mistake reads, above Python's own error, what it usually
means and what to try, in Indonesian."""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell

from humaskit import errors


@pytest.fixture(scope="module")
def shell():
    shell = InteractiveShell.instance()
    errors.install(shell)
    return shell


@pytest.mark.parametrize("code, expected", [
    ("nilai = {'a': 1", "tanda kutip, kurung, atau koma"),
    ("if True:\nprint('x')", "menjorok"),
    ("belum_ada + 1", "belum mengenal nama ini"),
    ("{'banjir': 1}['Banjir']", "kolom atau kunci"),
    ("'3' + 4", "Angka ditulis tanpa tanda kutip"),
    ("int('tiga')", "isinya tidak dapat dipakai"),
])
def test_a_common_error_is_explained_above_the_original(shell, capsys, code, expected):
    shell.run_cell(code)
    out = capsys.readouterr().out
    assert expected in out
    assert out.index("Penjelasan") < out.index("Error")  # the original error follows


def test_other_errors_are_shown_as_python_shows_them(shell, capsys):
    shell.run_cell("1 / 0")
    out = capsys.readouterr().out
    assert "ZeroDivisionError" in out and "Penjelasan" not in out


def test_installing_twice_explains_once(shell, capsys):
    errors.install(shell)
    shell.run_cell("tidak_ada")
    assert capsys.readouterr().out.count("Penjelasan") == 1


@pytest.mark.parametrize("code, message", [
    ("from humaskit.exercises.self_assessment import checks; from humaskit.skkni import form\n"
     + "checks.periksa_identitas(form.Isian())", "Identitas asesi belum lengkap:\n  • nama"),
    ("from humaskit.exercises.issue_analysis import checks as cek\ncek.duplikat(None)",
     "Langkah 1: `data_bersih` harus berupa tabel"),
])
def test_a_failed_check_shows_its_indonesian_message_alone(shell, capsys, code, message):
    """Both exercises' checks fail the same way: the participant reads what to fix, not a
    traceback through the kit's files."""
    result = shell.run_cell(code)
    out = capsys.readouterr().out
    assert message in out
    for english in ("Traceback", "Cell In", "File ", ".py", "AssertionError", "CekGagal",
                    "Penjelasan"):
        assert english not in out, english
    assert isinstance(result.error_in_exec, errors.CekGagal)
    assert isinstance(result.error_in_exec, AssertionError)  # still a failed check to graders


def test_a_failed_check_without_words_still_says_it_failed():
    assert errors.CekGagal()._render_traceback_() == ["Pemeriksaan belum lulus."]


def test_feedback_and_reports_give_a_failed_check_as_its_message_alone():
    assert errors.failure_line("CekGagal", "Langkah 1: isi tabel.") == "Langkah 1: isi tabel."
    assert errors.failure_line("NameError", "name 'x' is not defined") == \
        "NameError: name 'x' is not defined"
    assert errors.failure_line("ZeroDivisionError", "") == "ZeroDivisionError"
