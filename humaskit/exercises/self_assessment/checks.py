"""Checks for the *Asesmen Mandiri* exercise, with Indonesian messages for participants.

Each ``periksa_*`` function raises AssertionError listing what to fix, or prints a short
confirmation. The notebook's grade cells call the visible ones; the hidden tests call the
``periksa_*`` functions marked *(hidden)*. There is no single right answer: the checks
look at completeness, validity and consistency, never at which claims are made.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from humaskit.skkni import apl02, catalog, plan
from humaskit.skkni.form import IDENTITY_FIELDS, Isian

MIN_EVIDENCE_CHARS = 12
MIN_EVIDENCE_WORDS = 2
GENERIC_EVIDENCE = {"ada", "-", "--", "ya", "iya", "sudah", "lengkap", "punya", "ok", "k",
                    "bukti", "dokumen", "sertifikat", "foto", "laporan", "tidak ada", "n/a"}
MAX_LISTED = 8


def _fail(title: str, messages: list[str]) -> None:
    if messages:
        listed = "\n".join(f"  • {m}" for m in messages[:MAX_LISTED])
        more = len(messages) - MAX_LISTED
        if more > 0:
            listed += f"\n  • ... dan {more} hal lain."
        raise AssertionError(f"{title}\n{listed}")


def _answered(isian: Isian) -> pd.DataFrame:
    """The normalised answer table; fails when nothing has been answered yet."""
    table = apl02.normalise(isian.jawaban) if len(isian.jawaban) else isian.jawaban
    if not len(table) or not table["klaim"].isin(apl02.CLAIMS).any():
        raise AssertionError("Belum ada jawaban K/BK. Isi formulir lalu klik 'Simpan jawaban' "
                             "(atau isi tabel jawaban dengan kode), kemudian jalankan ulang "
                             "sel-sel di bawahnya.")
    return table


def _elements(isian: Isian) -> pd.DataFrame:
    try:
        return catalog.scheme_elements(isian.kode_skema)
    except KeyError as exc:
        raise AssertionError(f"Skema belum dipilih atau tidak dikenal: {exc.args[0]}") from None


def _where(code: object, number: object) -> str:
    number = int(number) if pd.notna(number) else "?"
    return f"unit {code} elemen {number}"


def periksa_identitas(isian: Isian) -> None:
    """Name, office, position, a valid assessment date and a known scheme are filled in."""
    messages = [f"{label} belum diisi." for key, label in IDENTITY_FIELDS.items()
                if key != "tanggal_asesmen" and len(str(isian.identitas.get(key, "")).strip()) < 2]
    if plan.parse_date(isian.identitas.get("tanggal_asesmen")) is None:
        messages.append("tanggal asesmen belum diisi atau bukan tanggal (format TTTT-BB-HH).")
    known = catalog.scheme_names(catalog.load_schemes())
    if isian.kode_skema not in known:
        messages.append(f"skema '{isian.kode_skema}' tidak dikenal; pilih salah satu: "
                        f"{', '.join(known)}.")
    _fail("Identitas asesi belum lengkap:", messages)
    print("Identitas dan skema lengkap.")


def periksa_jawaban(isian: Isian) -> None:
    """Every element of every unit of the scheme is answered K or BK."""
    table = _answered(isian)
    elements = _elements(isian)
    given = {(r.kode_unit, r.no_elemen): r.klaim for r in table.itertuples()}
    messages = []
    for e in elements.itertuples():
        claim = given.get((e.kode_unit, e.no_elemen))
        if claim is None or claim == "":
            messages.append(f"{_where(e.kode_unit, e.no_elemen)} ({e.pertanyaan}) belum dijawab.")
        elif claim not in apl02.CLAIMS:
            messages.append(f"{_where(e.kode_unit, e.no_elemen)}: jawaban '{claim}' tidak sah; "
                            "isi K atau BK.")
    _fail("Jawaban K/BK belum lengkap atau tidak sah:", messages)
    print(f"Semua {len(elements)} elemen sudah dijawab K atau BK.")


def periksa_jawaban_sesuai_skema(isian: Isian) -> None:
    """(hidden) No duplicate rows and no rows for elements outside the scheme."""
    table = _answered(isian)
    expected = {(e.kode_unit, e.no_elemen) for e in _elements(isian).itertuples()}
    keys = list(zip(table["kode_unit"], table["no_elemen"]))
    messages = [f"{_where(*k)} tidak termasuk skema yang dipilih." for k in keys
                if k not in expected]
    messages += [f"{_where(*k)} dijawab lebih dari sekali." for k in sorted(
        {k for k in keys if keys.count(k) > 1}, key=str)]
    _fail("Tabel jawaban tidak sesuai dengan skema:", messages)


def _key(text: str) -> str:
    return re.sub(r"[\s.,;:!-]+", " ", text.lower()).strip()


def weak_evidence(text: str) -> bool:
    """True when an evidence text is empty, a placeholder like 'ada' or '-', or too short."""
    key = _key(text)
    return (key in GENERIC_EVIDENCE or len(key) < MIN_EVIDENCE_CHARS
            or len(key.split()) < MIN_EVIDENCE_WORDS)


def periksa_bukti(isian: Isian) -> None:
    """Every K claim names specific evidence (not empty, not 'ada' or '-', not too short)."""
    table = _answered(isian)
    claimed = table[table["klaim"] == "K"]
    messages = [
        f"{_where(r.kode_unit, r.no_elemen)} diklaim K, tetapi buktinya "
        + ("kosong." if not r.bukti else f"terlalu umum ('{r.bukti}').")
        for r in claimed.itertuples() if weak_evidence(r.bukti)
    ]
    _fail("Setiap klaim K perlu bukti yang spesifik (jenis dokumen/kegiatan, tahun, tempat), "
          "misalnya 'Laporan pelaksanaan rapat koordinasi humas, Maret 2025':", messages)
    print(f"Bukti tersedia untuk {len(claimed)} klaim K.")


def periksa_bukti_tidak_disalin(isian: Isian) -> None:
    """(hidden) The same evidence text is not copied to most K rows."""
    claimed = _answered(isian)
    claimed = claimed[claimed["klaim"] == "K"]
    counts = claimed["bukti"].map(_key).value_counts()
    if len(claimed) >= 3 and len(counts) and counts.iloc[0] >= 3 \
            and counts.iloc[0] > len(claimed) / 2:
        raise AssertionError(
            f"Bukti yang sama disalin ke {counts.iloc[0]} dari {len(claimed)} klaim K. "
            "Tulis bukti yang sesuai untuk setiap elemen.")


def _expected_summary(isian: Isian) -> pd.DataFrame:
    return apl02.summary(_answered(isian))


def periksa_ringkasan(isian: Isian, ringkasan: pd.DataFrame) -> None:
    """The summary table agrees with the participant's own answers."""
    expected = _expected_summary(isian).set_index("kode_unit")
    if not isinstance(ringkasan, pd.DataFrame) or "kode_unit" not in ringkasan:
        raise AssertionError("`ringkasan` belum berupa tabel ringkasan; jalankan sel "
                             "`ringkasan = apl02.summary(isian.jawaban)`.")
    given = ringkasan.set_index("kode_unit")
    messages = []
    for code, row in expected.iterrows():
        if code not in given.index:
            messages.append(f"unit {code} tidak ada di ringkasan.")
            continue
        for column in ("jumlah_elemen", "jumlah_K", "jumlah_BK", "persen_K", "klaim_unit"):
            if str(given.at[code, column]) != str(row[column]):
                messages.append(f"unit {code}: {column} tertulis {given.at[code, column]}, "
                                f"padahal menurut jawaban Anda {row[column]}.")
    messages += [f"unit {c} ada di ringkasan tetapi tidak di jawaban." for c in given.index
                 if c not in expected.index]
    _fail("Ringkasan tidak cocok dengan jawaban Anda:", messages)
    print("Ringkasan cocok dengan jawaban.")


def periksa_grafik(isian: Isian, grafik: alt.Chart) -> None:
    """(hidden) The profile chart plots the percentages that follow from the answers."""
    expected = _expected_summary(isian).set_index("kode_unit")["persen_K"]
    try:
        plotted = apl02.chart_data(grafik).set_index("kode_unit")["persen_K"]
    except (TypeError, KeyError, AttributeError):
        raise AssertionError("`grafik` bukan grafik profil kompetensi dari "
                             "apl02.profile_chart(ringkasan).") from None
    messages = [f"unit {c}: grafik menunjukkan {plotted.get(c)}%, padahal menurut jawaban "
                f"{v}%." for c, v in expected.items() if plotted.get(c) != v]
    _fail("Grafik profil tidak cocok dengan jawaban Anda:", messages)


def periksa_rencana(isian: Isian) -> None:
    """Every BK element has a complete plan item (activity, resource, target, indicator)."""
    table = _answered(isian)
    messages = plan.missing_items(isian.rencana, table)
    _fail("Rencana pengembangan belum lengkap:", messages)
    print(f"Rencana tersedia untuk {int((table['klaim'] == 'BK').sum())} elemen BK.")


def periksa_tanggal_rencana(isian: Isian) -> None:
    """Every plan target is a valid date."""
    _answered(isian)
    _fail("Tanggal target rencana belum benar:",
          plan.date_problems(isian.rencana, None, check_order=False))
    print("Semua target rencana berupa tanggal yang sah.")


def periksa_target_sesudah_asesmen(isian: Isian) -> None:
    """(hidden) Every plan target falls after the assessment date."""
    _answered(isian)
    assessed = plan.parse_date(isian.identitas.get("tanggal_asesmen"))
    if assessed is None:
        raise AssertionError("Tanggal asesmen belum diisi, jadi target belum dapat diperiksa.")
    _fail("Tanggal target rencana belum benar:", plan.date_problems(isian.rencana, assessed))
