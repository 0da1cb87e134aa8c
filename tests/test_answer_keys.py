"""Revealed answers that depend on the data say what the kit computes from that data.

Each test reads a *Lihat jawaban* block of a module and checks its names and numbers against
the package functions the module's explorations use, so no key can drift from the data."""

from __future__ import annotations

import json
import re

import pytest
from shared import ROOT

from humaskit import datasets
from humaskit.issues import explore, stakeholders


def revealed(notebook: str, marker: str) -> str:
    """The text of the revealed answer of ``notebook`` that contains ``marker``."""
    nb = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))
    texts = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    found = [t.split("<summary>Lihat jawaban</summary>", 1)[1].split("</details>", 1)[0]
             for t in texts if "Lihat jawaban" in t and marker in t]
    assert len(found) == 1, f"{notebook}: no single answer block with {marker!r}"
    return " ".join(found[0].split())


@pytest.fixture(scope="module")
def table():
    return datasets.load("pemangku_kepentingan")


def items(answer: str) -> dict[str, str]:
    return dict(re.findall(r"(\d)\. (.*?)(?= \d\. |$)", answer))


@pytest.mark.parametrize("question, power, interest", [("1", 4, 3), ("2", 3, 4)])
def test_day2_who_moves_when_the_bounds_rise(table, question, power, interest):
    answer = items(revealed("02_hari2_manajemen_isu.ipynb", "Lembaga Adat Melayu"))[question]
    grid = explore.regrid(table, power, interest)
    movers = grid.loc[grid["berpindah"], "nama"]
    for name in movers:
        short = re.sub(r" (Kabupaten )?Muara Seruni$", "", name).replace("DPRD", "").strip()
        words = short.split()[:3]
        assert " ".join(words[:2]) in answer or words[-1] in answer, name
    named = len(re.findall(r"Komisi|Lembaga|Forum|Koperasi|Ikatan|Seruni TV|Harian", answer))
    assert named >= len(movers) - 1  # "Komisi II dan Komisi IV" name two with one word each


def test_day2_lowering_both_bounds_to_two(table):
    answer = items(revealed("02_hari2_manajemen_isu.ipynb", "Lembaga Adat Melayu"))["3"]
    counts = explore.quadrant_counts(explore.regrid(table, 2, 2))
    key, total = map(int, re.search(r"\((\d+) dari (\d+)\)", answer).groups())
    assert (key, total) == (counts[stakeholders.KEY_PLAYERS], len(table))
    assert f"dengan {key} pihak" in answer
    assert counts["Pantau"] == 0 and "tidak ada yang cukup *dipantau*" in answer


def indonesian(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def test_day1_satisfaction_by_unit(table=None):
    from humaskit import satisfaction

    answer = revealed("01_hari1_konfigurasi_kehumasan.ipynb", "Puskesmas Sungai Lintang")
    units = satisfaction.summary_by_unit(datasets.load("survei_kepuasan")).set_index(
        "unit_layanan")
    for unit, row in units.iterrows():
        if row["mutu"] in ("A", "C"):
            assert indonesian(row["ikm"], 2) in answer, unit
        assert unit.split()[0] in answer
    assert set(units.loc[units["mutu"] == "A"].index) == {"Puskesmas Sungai Lintang"}
    assert set(units.loc[units["mutu"] == "C"].index) == {"Disdukcapil", "RSUD Muara Seruni"}
    weakest = units["unsur_terlemah"].value_counts()
    assert f"*{weakest.index[0]}*" in answer
    assert units.at["Kantor Kecamatan Bukit Pandan", "unsur_terlemah"] in answer


def test_day1_formula_practice():
    from humaskit import satisfaction

    answer = revealed("01_hari1_konfigurasi_kehumasan.ipynb", "krejcie_morgan(4000)")
    value = satisfaction.ikm_from_nrr([3.0] * 9)
    assert f"{indonesian(value, 2)} → mutu {satisfaction.grade_band(value)[0]}" in answer
    assert f"88,30 → **{satisfaction.grade_band(88.30)[0]}" in answer
    assert f"88,31 → **{satisfaction.grade_band(88.31)[0]}" in answer
    assert f"= **{satisfaction.krejcie_morgan(4000)}** responden" in answer


def test_day1_composite_index_practice():
    from humaskit import edohp

    answer = revealed("01_hari1_konfigurasi_kehumasan.ipynb", "Pelayanan publik +20")
    weights = edohp.weights()
    assert f"**+{20 * weights['Pelayanan publik']:g} poin**" in answer
    assert f"**+{20 * weights['Kesejahteraan masyarakat']:g} poin**" in answer
    assert edohp.composite_index(dict.fromkeys(edohp.dimensions(), 66)) == pytest.approx(66)


def test_day3_complaints_by_office_and_channel():
    from humaskit.comms import kpi

    answer = revealed("03_hari3_strategi_komunikasi.ipynb", "Datang langsung")
    complaints = datasets.load("pengaduan")
    offices = kpi.complaint_kpis(complaints, by="opd_tujuan").set_index("opd_tujuan")
    slowest = offices["median_jam_tanggapan"].sort_values(ascending=False)
    assert list(slowest.index[:2]) == ["PUPR", "DISHUB"]
    for office, hours, share in (("PUPR", 96, 31), ("DISHUB", 88, 42)):
        assert round(offices.at[office, "median_jam_tanggapan"]) == hours
        assert round(offices.at[office, "tanggapan_tepat_waktu_persen"]) == share
        assert f"± {hours} jam" in answer and f"± {share} %" in answer
    channels = kpi.complaint_kpis(complaints, by="kanal").set_index("kanal")
    on_time = channels["tanggapan_tepat_waktu_persen"].sort_values(ascending=False)
    assert on_time.index[0] == "Datang langsung" and on_time.index[1] == "Call center"
    assert on_time.index[-1] == "SP4N-LAPOR!" or on_time.index[-2] == "SP4N-LAPOR!"
    for channel in ("Datang langsung", "Call center", "SP4N-LAPOR!"):
        assert f"± {round(channels.at[channel, 'tanggapan_tepat_waktu_persen'])} %" in answer
    assert f"± {round(channels.at['Datang langsung', 'median_jam_tanggapan'])} jam" in answer


def test_day3_engagement_by_platform():
    from humaskit.comms import kpi

    answer = revealed("03_hari3_strategi_komunikasi.ipynb", "TikTok")
    rates = kpi.post_kpis(datasets.load("posting_medsos"), by="platform").set_index(
        "platform")["tingkat_interaksi_persen"].sort_values(ascending=False)
    assert answer.startswith(f"1. **{rates.index[0]}**")
    text = answer.replace("**", "")
    for platform in (rates.index[0], rates.index[1]):
        assert f"{platform} (± {indonesian(rates[platform], 1)} %)" in text
    assert f"{rates.index[-1]} paling rendah (± {indonesian(rates.iloc[-1], 1)} %)" in text


@pytest.fixture(scope="module")
def april():
    clips = datasets.load("monitoring_isu")
    return clips, explore.snapshot(clips, "2025-04")


def test_day2_reweighing_the_priority(april):
    _, scored = april
    answer = items(revealed("02_hari2_manajemen_isu.ipynb", "Bobot 0,8"))
    labels = {"banjir": "banjir", "ppdb zonasi": "PPDB zonasi", "sampah tpa": "sampah dan TPA",
              "ktp-el": "layanan KTP-el", "harga pupuk": "harga pupuk"}
    for question, weight in (("1", 0.8), ("2", 0.2)):
        changes = explore.moved(explore.reweigh(scored, impact_weight=weight))
        for row in changes.itertuples():
            assert f"**{labels[row.topik]}**" in answer[question], (weight, row.topik)
            assert row.kategori_uji in answer[question]
    low = explore.reweigh(scored, impact_weight=0.5, bounds=explore.category_bounds(12, 8, 4))
    critical = low.loc[low["kategori_uji"] == "Kritis", "topik"]
    assert f"{['Nol', 'Satu', 'Dua', 'Tiga', 'Empat', 'Lima'][len(critical)]} isu Kritis" in \
        answer["3"]
    for topic in critical:
        assert topic.lower() in answer["3"].lower()


def test_day2_who_leads_which_issue(april):
    clips, scored = april
    answer = revealed("02_hari2_manajemen_isu.ipynb", "PUPR memimpin")
    roles = explore.coordination(explore.up_to(clips, "2025-04"), scored).set_index("topik")
    led_by_pupr = roles.index[roles["opd_utama"] == "PUPR"]
    assert "PUPR memimpin **dua** isu" in answer and len(led_by_pupr) == 2
    assert roles.at["jalan rusak", "koordinator"] == "Sekda/Wabup"
    assert roles.at["banjir", "kategori"] == "Tinggi" and roles.at["banjir", "jumlah_opd"] == 3
    assert roles.at["tapal batas", "opd_utama"] == "BAPPEDA" and "dipimpin Bappeda" in answer
    assert roles.at["sampah tpa", "opd_utama"] == "DLH"


DAYS = {1: "01_hari1_konfigurasi_kehumasan.ipynb", 2: "02_hari2_manajemen_isu.ipynb",
        3: "03_hari3_strategi_komunikasi.ipynb", 4: "04_hari4_kompetensi_etika_rtl.ipynb"}
PDCA = ("Plan", "Do", "Check", "Act")


def markdown(notebook: str) -> str:
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def pdca_table() -> dict[str, str]:
    """Day 1's PDCA table: step -> where the workshop puts it."""
    rows = re.findall(r"^\| \*\*(Plan|Do|Check|Act)\*\* \([^)]*\) \| (.+) \|$",
                      markdown(DAYS[1]), re.MULTILINE)
    return dict(rows)


def test_day1_maps_the_days_to_pdca_as_the_kits_mapping_with_measuring_as_check():
    """ISO 9001:2015 puts measuring in Check: the SKM and ISO 10004 (measuring customer
    satisfaction) sit there, and the table says the mapping is the kit's, not the standard's."""
    table = pdca_table()
    assert list(table) == list(PDCA)
    assert "SKM" in table["Check"] and "ISO 10004" in table["Check"]
    assert "ISO 10002" in table["Do"]
    assert not any("SKM" in table[step] or "10004" in table[step] for step in PDCA if
                   step != "Check")
    text = markdown(DAYS[1])
    assert "**pemetaan kit**" in text and "bukan rumusan ISO 9001:2015" in text
    assert "Mengukur kepuasan pelanggan termasuk tahap\nCheck" in text


@pytest.mark.parametrize("day", [2, 3, 4])
def test_each_later_day_names_the_pdca_steps_day1_gives_it_and_whose_mapping_it_is(day):
    table = pdca_table()
    expected = {step for step in PDCA if f"Hari {day}:" in table[step]}
    paragraph = next(p for p in markdown(DAYS[day]).split("\n\n")
                     if p.startswith("**Benang PDCA**"))
    named = set(re.findall(r"tahap\s+\*\*(Plan|Do|Check|Act)\*\*", paragraph))
    assert named == expected, (day, named, expected)
    assert "pemetaan kit, bukan rumusan standar" in " ".join(paragraph.split())
