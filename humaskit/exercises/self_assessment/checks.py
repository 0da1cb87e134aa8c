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

#: The evidence rule, as the notebook states it to participants.
EVIDENCE_RULE = (
    "Bukti untuk setiap K sah bila (1) menyebut jenis dokumen atau kegiatan, misalnya laporan, "
    "naskah siaran pers, notulen rapat, SK, sertifikat pelatihan, foto kegiatan, dan (2) "
    "menyebut kapan: tahun, atau bulan dan tahun. Satu dokumen boleh dipakai untuk beberapa "
    "elemen dalam unit yang sama, tetapi bukti yang sama tidak boleh disalin ke unit lain.")
#: Words that name a document or an activity (matched as the start of a word).
EVIDENCE_KINDS = (
    "laporan", "naskah", "siaran pers", "rilis", "notulen", "notula", "sk ", "surat",
    "keputusan", "sertifikat", "piagam", "foto", "video", "album", "arsip", "dokumen",
    "kliping", "klipping", "daftar", "rencana", "rekaman", "materi", "modul", "presentasi",
    "bahan", "buletin", "majalah", "artikel", "berita", "unggahan", "postingan", "akun",
    "situs", "website", "laman", "infografi", "poster", "spanduk", "brosur", "leaflet",
    "pamflet", "portofolio", "log ", "catatan", "matriks", "peta", "survei", "kuesioner",
    "rapat", "pelatihan", "bimtek", "diklat", "workshop", "lokakarya", "seminar", "kegiatan",
    "acara", "konferensi pers", "jumpa pers", "wawancara", "liputan", "peliputan", "pameran",
    "sosialisasi", "kampanye", "musrenbang", "upacara", "kunjungan", "program", "sop",
    "pedoman", "jadwal", "formulir", "nota", "memo", "undangan", "kontrak", "proposal")
MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember", "jan", "feb", "mar", "apr", "jun",
          "jul", "agu", "agt", "sep", "okt", "nov", "des")
YEAR = re.compile(r"\b(19|20)\d{2}\b")
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


def evidence_problem(text: str) -> str | None:
    """What an evidence text lacks under :data:`EVIDENCE_RULE` (None when it is valid)."""
    key = f" {_key(text)} "
    if not key.strip():
        return "kosong"
    words = key.split()
    names_kind = any(f" {kind}" in key for kind in EVIDENCE_KINDS)
    says_when = bool(YEAR.search(key)) or any(month in words for month in MONTHS)
    if not names_kind and not says_when:
        return "tidak menyebut jenis dokumen atau kegiatan, dan tidak menyebut kapan"
    if not names_kind:
        return "tidak menyebut jenis dokumen atau kegiatan"
    if not says_when:
        return "tidak menyebut kapan (tahun, atau bulan dan tahun)"
    return None


def periksa_bukti(isian: Isian) -> None:
    """Every K claim's evidence follows :data:`EVIDENCE_RULE` (a kind of document or
    activity, and when)."""
    table = _answered(isian)
    claimed = table[table["klaim"] == "K"]
    messages = [f"{_where(r.kode_unit, r.no_elemen)} diklaim K, tetapi buktinya "
                f"{problem}" + (f" ('{r.bukti}')." if r.bukti else ".")
                for r in claimed.itertuples() if (problem := evidence_problem(r.bukti))]
    _fail(f"Bukti belum memenuhi aturan. {EVIDENCE_RULE}", messages)
    print(f"Bukti untuk {len(claimed)} klaim K menyebut jenis dokumen/kegiatan dan waktunya.")


def periksa_bukti_tidak_disalin(isian: Isian) -> None:
    """(hidden) The same evidence is not copied to elements of different units (within one
    unit, one document may serve several elements)."""
    claimed = _answered(isian)
    claimed = claimed[(claimed["klaim"] == "K") & (claimed["bukti"].map(_key) != "")]
    units = claimed.groupby(claimed["bukti"].map(_key))["kode_unit"].unique()
    messages = [f"bukti '{text}' dipakai di {len(found)} unit: {', '.join(found)}."
                for text, found in units.items() if len(found) > 1]
    _fail("Bukti yang sama disalin ke unit yang berbeda; tulis bukti yang sesuai untuk "
          "setiap unit:", messages)


def same_value(given: object, expected: object) -> bool:
    """Whether a summary cell says what the answers give: a number may be rounded to 0, 1 or
    2 decimals (66.7 and 67 both say 66.666…); text must match exactly."""
    try:
        value, truth = float(given), float(expected)
    except (TypeError, ValueError):
        return str(given).strip() == str(expected).strip()
    return any(abs(value - candidate) < 1e-6
               for candidate in (truth, round(truth), round(truth, 1), round(truth, 2)))


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
            if not same_value(given.at[code, column], row[column]):
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
    """Every plan target that is filled in is a valid date (an empty one is the plan's
    completeness, judged once, by :func:`periksa_rencana`)."""
    _answered(isian)
    _fail("Tanggal target rencana belum benar:",
          plan.date_problems(_dated(isian.rencana), None, check_order=False))


def _dated(rencana: pd.DataFrame) -> pd.DataFrame:
    """The plan items whose target date is filled in."""
    if not len(rencana):
        return rencana
    return rencana[rencana["target"].map(lambda v: bool(str(v or "").strip()))]
    print("Semua target rencana berupa tanggal yang sah.")


def periksa_target_sesudah_asesmen(isian: Isian) -> None:
    """(hidden) Every plan target falls after the assessment date."""
    _answered(isian)
    assessed = plan.parse_date(isian.identitas.get("tanggal_asesmen"))
    if assessed is None:
        raise AssertionError("Tanggal asesmen belum diisi, jadi target belum dapat diperiksa.")
    _fail("Tanggal target rencana belum benar:",
          plan.date_problems(_dated(isian.rencana), assessed))
