"""Numbers shown to participants use the Indonesian decimal comma and thousands point."""

from __future__ import annotations

import pandas as pd
import pytest

from humaskit import number_format as numbers


@pytest.mark.parametrize("value, decimals, text", [
    (77.125, 2, "77,13"), (1525434, 0, "1.525.434"), (1234567.891, 2, "1.234.567,89"),
    (0.1111, 4, "0,1111"), (65.0, 2, "65,00"), (float("nan"), 2, "–"),
])
def test_a_number_is_written_the_indonesian_way(value, decimals, text):
    assert numbers.angka(value, decimals) == text


def test_tables_show_the_decimal_comma(monkeypatch):
    with pd.option_context("display.float_format", numbers.table_float):
        shown = pd.DataFrame({"ikm": [77.0123, 88.31]}).to_string()
    assert "77,01" in shown and "88,31" in shown and "77.01" not in shown


def test_a_notebooks_tables_show_the_decimal_comma_and_long_text_in_full():
    long = "Melaksanakan kegiatan seminar, konferensi, lokakarya, dan jumpa pers daerah"
    with pd.option_context("display.float_format", None, "display.max_colwidth", 50):
        numbers.use_in_tables()
        shown = pd.DataFrame({"judul": [long], "ikm": [77.0123]})._repr_html_()
    assert long in shown and "..." not in shown and "77,01" in shown


def test_points_and_thresholds_drop_needless_decimals():
    assert [numbers.compact(x) for x in (0.0, 2.0, 1.5, 0.333, 1234.5, 83.3333)] == [
        "0", "2", "1,5", "0,33", "1.234,5", "83,33"]


def test_a_number_written_to_a_file_is_rounded_as_a_page_shows_it():
    """Half up, as :func:`angka` writes it, and without float noise; a missing value stays
    missing."""
    assert numbers.rounded(1.78 + 2.0) == 3.78 and str(numbers.rounded(0.1 + 0.2)) == "0.3"
    assert numbers.rounded(81.25, 1) == 81.3 and numbers.angka(81.25, 1) == "81,3"
    assert pd.isna(numbers.rounded(float("nan"))) and numbers.rounded(float("inf")) > 1e308
