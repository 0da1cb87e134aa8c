"""Every shipped dataset is valid, documented and reproducible; bad data gets a clear error."""

from __future__ import annotations

import re
import runpy
import sys

import pandas as pd
import pytest
from shared import ROOT

from humaskit import datasets
from humaskit.datasets import DatasetError

DATA = ROOT / "datasets"
GENERATORS = sorted((DATA / "generate").glob("*.py"))


@pytest.mark.parametrize("name", datasets.names())
def test_shipped_dataset_loads_and_matches_its_schema(name):
    frame = datasets.load(name)
    assert len(frame) > 0
    assert list(frame.columns) == list(datasets.spec(name).schema.columns)


def test_every_csv_in_datasets_is_declared_with_a_schema():
    files = {p.stem for p in DATA.glob("*.csv")}
    assert files == set(datasets.names())


@pytest.mark.parametrize("name", datasets.names())
def test_data_card_documents_every_column_provenance_and_licence(name):
    card = datasets.card(name)
    for column in datasets.spec(name).schema.columns:
        assert f"`{column}`" in card, f"card of {name} does not describe column {column}"
    assert "Lisensi" in card
    assert "Asal-usul" in card
    synthetic = "sintetis" in card.lower() and "bukan data sintetis" not in card.lower()
    if synthetic:
        scripts = re.findall(r"datasets/generate/[\w]+\.py", card)
        assert scripts, f"synthetic card {name} must name its generator script"
        assert all((ROOT / s).exists() for s in scripts)
    else:
        assert "data nyata" in card.lower(), f"card {name} must say real or synthetic"


@pytest.mark.parametrize("script", GENERATORS, ids=lambda p: p.stem)
def test_synthetic_data_is_reproduced_exactly_by_its_seeded_generator(script, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setattr(sys, "argv", [str(script), str(tmp_path)])
    runpy.run_path(str(script), run_name="__main__")
    written = sorted(tmp_path.glob("*.csv"))
    assert written, f"{script.name} wrote no CSV"
    for produced in written:
        shipped = DATA / produced.name
        assert shipped.exists(), f"{produced.name} is generated but not shipped"
        assert produced.read_bytes() == shipped.read_bytes(), (
            f"{produced.name} differs from the shipped file: rerun {script.name}"
        )


# --- bad data: participants and trainers get Indonesian messages naming row and column ---

def _write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "bobot.csv"
    path.write_bytes(text.encode(encoding))
    return path


GOOD_HEADER = "dimensi,bobot_persen,sumber\n"
SOURCE = "EDOHP 2011 Ditjen Otda Kemendagri"


def test_value_outside_its_range_names_row_column_and_value(tmp_path):
    path = _write(tmp_path, GOOD_HEADER + f"Daya saing,20,{SOURCE}\nPelayanan publik,120,{SOURCE}\n")
    with pytest.raises(DatasetError) as err:
        datasets.load_file(path, "edohp_2011_bobot")
    message = str(err.value)
    assert "baris 3" in message and "kolom 'bobot_persen'" in message
    assert "'120'" in message and "rentang 0 sampai 100" in message
    assert str(path) in message


def test_text_where_a_number_belongs_is_reported_once_per_cell(tmp_path):
    path = _write(tmp_path, GOOD_HEADER + f"Daya saing,dua puluh,{SOURCE}\n")
    with pytest.raises(DatasetError) as err:
        datasets.load_file(path, "edohp_2011_bobot")
    assert len(err.value.problems) == 1
    assert "bukan bilangan bulat" in str(err.value)


def test_value_outside_the_allowed_choices_lists_the_choices(tmp_path):
    path = _write(tmp_path, GOOD_HEADER + f"Keamanan,20,{SOURCE}\n")
    with pytest.raises(DatasetError) as err:
        datasets.load_file(path, "edohp_2011_bobot")
    assert "tidak termasuk pilihan yang sah" in str(err.value)
    assert "Daya saing" in str(err.value)


def test_duplicate_key_is_reported_on_each_row(tmp_path):
    path = _write(tmp_path, GOOD_HEADER + f"Daya saing,20,{SOURCE}\nDaya saing,25,{SOURCE}\n")
    with pytest.raises(DatasetError) as err:
        datasets.load_file(path, "edohp_2011_bobot")
    rows = {p.row for p in err.value.problems}
    assert rows == {2, 3}
    assert "lebih dari sekali" in str(err.value)


def test_missing_and_unknown_columns_are_named(tmp_path):
    path = _write(tmp_path, f"dimensi,bobot,sumber\nDaya saing,20,{SOURCE}\n")
    with pytest.raises(DatasetError) as err:
        datasets.load_file(path, "edohp_2011_bobot")
    message = str(err.value)
    assert "kolom 'bobot_persen': kolom wajib ini tidak ada" in message
    assert "kolom 'bobot': kolom ini tidak dikenal" in message


def test_empty_required_cell_is_reported(tmp_path):
    path = _write(tmp_path, GOOD_HEADER + "Daya saing,,EDOHP 2011 Ditjen Otda\n")
    with pytest.raises(DatasetError) as err:
        datasets.load_file(path, "edohp_2011_bobot")
    assert "baris 2, kolom 'bobot_persen'" in str(err.value)


@pytest.mark.parametrize(
    "content, expected",
    [
        (GOOD_HEADER + f"Daya saing,20,{SOURCE}\nDaya saing,20,{SOURCE},lebih\n",
         "baris 3: baris ini berisi 4 kolom, padahal judul berisi 3 kolom"),
        ("", "berkas kosong"),
    ],
    ids=["ragged-row", "empty-file"],
)
def test_malformed_csv_says_what_is_wrong_and_where(tmp_path, content, expected):
    with pytest.raises(DatasetError, match=re.escape(expected)):
        datasets.load_file(_write(tmp_path, content), "edohp_2011_bobot")


def test_file_that_is_not_utf8_is_rejected_with_advice(tmp_path):
    path = _write(tmp_path, GOOD_HEADER + f"Daya saing,20,{SOURCE} – ©\n", encoding="utf-16")
    with pytest.raises(DatasetError, match="bukan teks UTF-8"):
        datasets.load_file(path, "edohp_2011_bobot")


def test_a_failed_load_leaves_the_file_untouched(tmp_path):
    content = GOOD_HEADER + f"Daya saing,999,{SOURCE}\n"
    path = _write(tmp_path, content)
    with pytest.raises(DatasetError):
        datasets.load_file(path, "edohp_2011_bobot")
    assert path.read_text() == content


def test_unknown_dataset_name_lists_the_known_names():
    with pytest.raises(KeyError, match="edohp_2011_bobot"):
        datasets.load("tidak_ada")


def test_load_returns_an_independent_copy_each_time():
    first = datasets.load("edohp_2011_bobot")
    first.loc[0, "bobot_persen"] = 0
    assert datasets.load("edohp_2011_bobot").loc[0, "bobot_persen"] == 30


def test_frame_built_in_code_is_validated_with_index_labels():
    frame = pd.DataFrame({"dimensi": ["Daya saing"], "bobot_persen": [200], "sumber": [SOURCE]})
    with pytest.raises(DatasetError, match="baris 0"):
        datasets.validate_frame(frame, "edohp_2011_bobot")


def test_edohp_weights_sum_to_one_hundred_percent():
    assert datasets.load("edohp_2011_bobot")["bobot_persen"].sum() == 100
