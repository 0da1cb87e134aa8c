"""The humaskit command: help for every subcommand, doctor, dataset validation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from humaskit.cli import COMMANDS, build_parser, main

SUBCOMMANDS = sorted(COMMANDS)


def test_top_level_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert name in out


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_each_subcommand_explains_itself(name, capsys):
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    assert len(capsys.readouterr().out.split()) > 15


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_the_short_help_list_says_what_each_subcommand_says_of_itself(name):
    full = build_parser(name)._subparsers._group_actions[0]
    listed = {a.dest: a.help for a in full._choices_actions}
    assert listed[name] == COMMANDS[name][1]


def test_help_loads_no_heavy_library():
    probe = ("import sys; from humaskit.cli import main\n"
             "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('nbgrader', 'nbconvert', 'pandas', 'altair') "
             "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().endswith("[]")


def test_console_script_is_installed():
    out = subprocess.run([sys.executable, "-m", "humaskit.cli", "--version"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.startswith("humaskit ")


def test_doctor_passes_on_this_install(capsys):
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "[GAGAL]" not in out
    assert "Ekstensi JupyterLab" in out and "Grafik tanpa internet" in out


def test_doctor_fails_with_a_readable_line_when_alembic_is_missing(capsys, monkeypatch):
    from humaskit import doctor

    monkeypatch.setattr(doctor.shutil, "which", lambda _: None)
    monkeypatch.setattr(doctor, "CHECKS", [c for c in doctor.CHECKS if c[1] is doctor.check_alembic])
    assert main(["doctor"]) == 1
    assert "[GAGAL] Gradebook nbgrader: perintah `alembic` tidak ada" in capsys.readouterr().out


def test_datasets_command_validates_every_shipped_dataset(capsys):
    assert main(["datasets"]) == 0
    assert "[OK]    edohp_2011_bobot" in capsys.readouterr().out


def test_datasets_command_rejects_a_bad_file_naming_the_row(tmp_path, capsys):
    bad = tmp_path / "bobot.csv"
    bad.write_text("dimensi,bobot_persen,sumber\nDaya saing,-5,EDOHP 2011 Kemendagri\n")
    assert main(["datasets", str(bad), "--schema", "edohp_2011_bobot"]) == 1
    assert "baris 2, kolom 'bobot_persen'" in capsys.readouterr().out
