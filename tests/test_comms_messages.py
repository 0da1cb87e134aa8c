"""The 5C review scores a draft from visible signals and explains every score."""

from __future__ import annotations

import pytest

from humaskit.comms import messages

STRONG = messages.DRAFTS["Draf B: siaran pers vaksinasi (kuat)"]
WEAK = messages.DRAFTS["Draf A: pengumuman singkat (lemah)"]


def _scores(text, channel="Siaran pers", follow_up=None):
    table = messages.review(text, channel, follow_up)
    return dict(zip(table["kriteria"], table["skor"]))


def test_review_has_one_row_per_c_with_meaning_reason_and_advice():
    table = messages.review(STRONG)
    assert list(table["kriteria"]) == ["Credibility", "Context", "Clarity", "Continuity",
                                       "Channel"]
    assert table["arti"].str.len().min() > 20
    assert table["alasan"].str.len().min() > 5 and table["saran"].str.len().min() > 5


def test_a_well_written_press_release_scores_high_and_a_vague_notice_low():
    assert messages.total(messages.review(STRONG)) == 10
    assert messages.total(messages.review(WEAK)) == 0
    assert messages.verdict(10).startswith("Kuat")
    assert messages.verdict(0).startswith("Lemah")


def test_credibility_counts_source_official_and_data():
    assert _scores("Jalan diperbaiki.")["Credibility"] == 0
    assert _scores("Jalan diperbaiki sepanjang 4 km.")["Credibility"] == 1
    assert _scores("Dinas PUPR memperbaiki jalan sepanjang 4 km.")["Credibility"] == 2


def test_context_needs_an_audience_and_a_place_or_time():
    assert _scores("Layanan dibuka.")["Context"] == 0
    assert _scores("Warga dapat datang.")["Context"] == 1
    assert _scores("Warga Sungai Lintang dapat datang hari Senin.")["Context"] == 2


def test_clarity_falls_with_long_sentences_and_unexplained_acronyms():
    short = "Layanan dibuka. Warga datang pagi. Bawa KTP."
    assert _scores(short)["Clarity"] == 2
    assert _scores(short + " Daftar di MPP dan DPMPTSP.")["Clarity"] == 1
    assert messages.unexplained_acronyms("Mal Pelayanan Publik (MPP) dan MPP lagi") == []
    long_sentence = " ".join(["kata"] * 35) + "."
    assert _scores(long_sentence)["Clarity"] == 0


def test_continuity_rewards_a_schedule_more_than_a_vague_promise():
    assert _scores("Jalan ditutup.")["Continuity"] == 0
    assert _scores("Jalan ditutup. Informasi lebih lanjut menyusul.")["Continuity"] == 1
    assert _scores("Jalan ditutup. Kami perbarui setiap hari pukul 16.00.")["Continuity"] == 2
    assert _scores("Jalan ditutup.", follow_up="rilis tiap Jumat")["Continuity"] == 2


def test_channel_checks_length_for_the_chosen_channel_and_a_contact():
    post = "Jalan Lubuk Jati ditutup Senin. Info: call center 0812-1111-2222."
    assert _scores(post, "X")["Channel"] == 2
    assert _scores(post, "Siaran pers")["Channel"] == 1        # too short for a press release
    assert _scores("Jalan Lubuk Jati ditutup " + "sementara " * 40, "X")["Channel"] == 0


@pytest.mark.parametrize("text", ["", "   ", None])
def test_an_empty_draft_gets_an_indonesian_message(text):
    with pytest.raises(ValueError, match="Teks pesan masih kosong"):
        messages.review(text)


def test_an_unknown_channel_lists_the_choices():
    with pytest.raises(ValueError, match="Pilihan: Siaran pers"):
        messages.review("Teks", "Koran dinding")
