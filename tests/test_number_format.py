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
