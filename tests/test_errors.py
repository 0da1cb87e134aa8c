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
