"""The SKKNI catalog and schemes: shipped excerpt, a trainer's full catalog, bad files."""

from __future__ import annotations

import pandas as pd
import pytest
from shared import ROOT

from humaskit import datasets
from humaskit.cli import main
from humaskit.datasets import DatasetError
from humaskit.exercises.self_assessment import samples
from humaskit.skkni import asesor, catalog, form

HEADER = "kode_unit,judul_unit,kelompok,jenjang,no_elemen,elemen,kuk,status,sumber\n"
SCHEME_HEADER = "kode_skema,nama_skema,status,urutan,kode_unit,sumber\n"


def _full_catalog(tmp_path):
    """A trainer's catalog: the shipped rows plus a unit the kit does not ship."""
    text = (ROOT / "datasets" / "skkni_katalog.csv").read_text(encoding="utf-8")
    text += ("KOM.PR03.001.01,Mengelola kampanye publik,khusus,VI,1,Merancang kampanye,"
             "Tujuan kampanye ditetapkan,resmi,Katalog LSP uji\n")
    path = tmp_path / "katalog_lengkap.csv"
    path.write_text(text, encoding="utf-8")
    schemes = tmp_path / "skema_lsp.csv"
    schemes.write_text(SCHEME_HEADER + "LSP-HUMAS-01,Skema LSP uji,resmi,1,KOM.PR03.001.01,"
                       "Skema resmi LSP uji\n", encoding="utf-8")
    return path, schemes


def test_shipped_rows_name_their_source_and_status_and_official_text_is_marked():
    frame = catalog.load_catalog()
    assert frame["sumber"].str.len().min() > 5
    official = frame[frame["status"] == "resmi"]
    assert set(official["kode_unit"]) == {"S.941000.019.02", "KIT-PROTOKOL-01"}
    seminar = official[official["kode_unit"] == "S.941000.019.02"]
    assert list(seminar["elemen"]) == ["Mempersiapkan kegiatan", "Melaksanakan kegiatan",
                                       "Mengevaluasi kegiatan"]
    assert "kode kit" in catalog.status_label("resmi", "KIT-PROTOKOL-01")
    assert "ILUSTRASI" in catalog.status_label("ilustrasi", "KOM.PR02.001.01")


def test_shipped_schemes_are_practice_clusters_whose_units_are_all_in_the_catalog():
    schemes = catalog.load_schemes()
    assert set(schemes["status"]) == {"klaster_kit"}
    assert set(schemes["kode_unit"]) <= set(catalog.load_catalog()["kode_unit"])


def test_scheme_elements_follow_the_scheme_order_and_ask_dapatkah_saya():
    elements = catalog.scheme_elements("KIT-HUMAS-YUNIOR")
    assert list(elements["kode_unit"].unique()) == [
        "KOM.PR01.001.01", "KOM.PR02.001.01", "KOM.PR02.002.01", "KIT-PROTOKOL-01"]
    assert elements["pertanyaan"].iloc[-1] == "Dapatkah saya melaksanakan kegiatan protokoler?"


def test_unknown_scheme_lists_the_known_ones():
    with pytest.raises(KeyError, match="KIT-PRANATA-AHLI"):
        catalog.scheme_elements("TIDAK-ADA")


def test_a_full_catalog_from_csv_is_used_through_the_environment(tmp_path, monkeypatch):
    path, schemes = _full_catalog(tmp_path)
    monkeypatch.setenv(catalog.CATALOG_ENV, str(path))
    monkeypatch.setenv(catalog.SCHEMES_ENV, str(schemes))
    elements = catalog.scheme_elements("LSP-HUMAS-01")
    assert list(elements["elemen"]) == ["Merancang kampanye"]
    assert main(["datasets", str(path), "--schema", "skkni_katalog"]) == 0


def test_malformed_catalog_is_rejected_naming_row_and_column(tmp_path, capsys):
    path = tmp_path / "rusak.csv"
    path.write_text(HEADER
                    + "KOM.PR02.001.01,Membuat klipping,inti,,1,Memantau media,KUK,resmi,Sumber uji\n"
                    + "KOM.PR02.001.01,Membuat klipping,utama,,2,Menyusun,KUK,resmi,Sumber uji\n",
                    encoding="utf-8")
    with pytest.raises(DatasetError) as err:
        catalog.load_catalog(path)
    assert "baris 3, kolom 'kelompok'" in str(err.value)
    assert main(["datasets", str(path), "--schema", "skkni_katalog"]) == 1
    assert "baris 3, kolom 'kelompok'" in capsys.readouterr().out


def test_a_unit_with_two_titles_is_rejected_on_the_differing_row(tmp_path):
    path = tmp_path / "judul.csv"
    path.write_text(HEADER
                    + "KOM.PR02.001.01,Membuat klipping,inti,,1,Memantau media,KUK,resmi,Sumber uji\n"
                    + "KOM.PR02.001.01,Membuat kliping berita,inti,,2,Menyusun,KUK,resmi,Sumber uji\n",
                    encoding="utf-8")
    with pytest.raises(DatasetError, match="baris 3, kolom 'judul_unit'"):
        catalog.load_catalog(path)


def test_a_scheme_naming_a_unit_missing_from_the_catalog_is_rejected(tmp_path):
    path = tmp_path / "skema.csv"
    path.write_text(SCHEME_HEADER + "UJI,Skema uji,resmi,1,KOM.PR02.001.01,Sumber uji\n"
                    + "UJI,Skema uji,resmi,2,KOM.PR03.009.01,Sumber uji\n", encoding="utf-8")
    with pytest.raises(DatasetError) as err:
        catalog.load_schemes(path)
    assert "baris 3, kolom 'kode_unit'" in str(err.value)
    assert "KOM.PR03.009.01" in str(err.value)


def test_a_scheme_with_two_names_is_rejected_on_the_differing_row(tmp_path):
    path = tmp_path / "skema.csv"
    path.write_text(SCHEME_HEADER + "UJI,Skema uji,klaster_kit,1,KOM.PR02.001.01,Sumber uji\n"
                    + "UJI,Skema ujian,klaster_kit,2,KOM.PR01.001.01,Sumber uji\n",
                    encoding="utf-8")
    with pytest.raises(DatasetError) as err:
        catalog.load_schemes(path)
    assert "baris 3, kolom 'nama_skema'" in str(err.value)
    assert "'Skema ujian'" in str(err.value) and "'Skema uji'" in str(err.value)


def test_catalog_card_tells_trainers_how_to_load_a_full_catalog():
    card = datasets.card("skkni_katalog")
    assert "HUMASKIT_SKKNI_KATALOG" in card and "--schema skkni_katalog" in card


def test_cli_checks_catalog_and_schemes_together(tmp_path, capsys):
    path, schemes = _full_catalog(tmp_path)
    assert main(["skkni", "--katalog", str(path), "--skema", str(schemes)]) == 0
    assert "12 unit" in capsys.readouterr().out
    assert main(["skkni", "--skema", str(schemes)]) == 1
    assert "baris 2, kolom 'kode_unit'" in capsys.readouterr().out


def test_cli_writes_the_asesor_record_from_submitted_answer_files(tmp_path, capsys):
    for student in ("p01", "p02"):
        folder = tmp_path / student / "asesmen_mandiri"
        folder.mkdir(parents=True)
        form.save(samples.complete(), folder)
    out = tmp_path / "asesor.xlsx"
    assert main(["skkni", "--templat-asesor", str(tmp_path), str(out)]) == 0
    record = asesor.template(asesor.claims_from_isian({"p01": samples.complete()}))
    written = pd.read_excel(out)
    assert sorted(set(written["id_peserta"])) == ["p01", "p02"]
    assert len(written) == 2 * len(record)
