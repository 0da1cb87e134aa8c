"""Checks for the *Asesmen Mandiri* exercise, with Indonesian messages for participants.

Each ``periksa_*`` function raises :class:`humaskit.errors.CekGagal` listing what to fix (the
notebook shows that Indonesian message alone), or prints a short confirmation. The
notebook's grade cells call them in plain sight: every rule that grading applies is the check
the participant ran first. There is no single right answer: the checks look at completeness,
the evidence rule as far as a rule can decide it, and consistency, never at which claims are
made; the sufficiency of evidence is the asesor's manual grade.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from humaskit.errors import CekGagal
from humaskit.number_format import angka
from humaskit.skkni import apl02, catalog, evidence, plan
from humaskit.skkni.form import IDENTITY_FIELDS, Isian

#: The evidence rule, as the notebook states it to participants.
EVIDENCE_RULE = (
    "Bukti untuk setiap K sah bila (1) menyebut jenis dokumen atau kegiatan, misalnya laporan, "
    "naskah siaran pers, notulen rapat, SK, sertifikat pelatihan, foto kegiatan, dan (2) "
    "menyebut kapan: tahun, atau bulan dan tahun.")
MAX_LISTED = 8


def _fail(title: str, messages: list[str]) -> None:
    if messages:
        listed = "\n".join(f"  • {m}" for m in messages[:MAX_LISTED])
        more = len(messages) - MAX_LISTED
        if more > 0:
            listed += f"\n  • ... dan {more} hal lain."
        raise CekGagal(f"{title}\n{listed}")


def _answered(isian: Isian) -> pd.DataFrame:
    """The normalised answer table; fails when nothing has been answered yet."""
    table = apl02.normalise(isian.jawaban) if len(isian.jawaban) else isian.jawaban
    if not len(table) or not table["klaim"].isin(apl02.CLAIMS).any():
        raise CekGagal("Belum ada jawaban K/BK. Isi formulir lalu klik 'Simpan jawaban' "
                             "(atau isi tabel jawaban dengan kode), kemudian jalankan ulang "
                             "sel-sel di bawahnya.")
    return table


def _elements(isian: Isian) -> pd.DataFrame:
    try:
        return catalog.scheme_elements(isian.kode_skema)
    except KeyError as exc:
        raise CekGagal(f"Skema belum dipilih atau tidak dikenal: {exc.args[0]}") from None


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
    keys = list(zip(table["kode_unit"], table["no_elemen"]))
    expected = {(e.kode_unit, e.no_elemen) for e in elements.itertuples()}
    messages += [f"{_where(*k)} tidak termasuk skema yang dipilih." for k in keys
                 if k not in expected]
    messages += [f"{_where(*k)} dijawab lebih dari sekali." for k in sorted(
        {k for k in keys if keys.count(k) > 1}, key=str)]
    _fail("Jawaban K/BK belum lengkap, tidak sah, atau tidak sesuai skema:", messages)
    print(f"Semua {len(elements)} elemen sudah dijawab K atau BK.")


def periksa_bukti(isian: Isian) -> None:
    """Every K claim's evidence follows :data:`EVIDENCE_RULE` as far as a rule can decide
    (:func:`humaskit.skkni.evidence.judge`); entries flagged for the asesor are listed and
    cost no points."""
    table = _answered(isian)
    found = evidence.review(table, isian.identitas.get("tanggal_asesmen"))
    refused = found[found["status"] == evidence.REFUSED]
    _fail(f"Bukti belum memenuhi aturan. {EVIDENCE_RULE}",
          [f"{_where(r.kode_unit, r.no_elemen)} diklaim K, tetapi buktinya {r.alasan}"
           + (f" ('{evidence.excerpt(r.bukti)}')." if r.bukti else ".")
           for r in refused.itertuples()])
    flagged = found[found["status"] == evidence.FLAGGED]
    print(f"Bukti untuk {len(found)} klaim K menyebut jenis dokumen/kegiatan dan waktunya.")
    if len(flagged):
        print("Tanda untuk asesor (poin tidak berkurang; asesor menilai kecukupannya):")
        for r in flagged.itertuples():
            print(f"  ⚑ {_where(r.kode_unit, r.no_elemen)}: {r.alasan}.")


def same_value(given: object, expected: object) -> bool:
    """Whether a summary cell says what the answers give: a number may be rounded to 0, 1 or
    2 decimals (66.7 and 67 both say 66.666…); text must match exactly."""
    try:
        value, truth = float(given), float(expected)
    except (TypeError, ValueError):
        return str(given).strip() == str(expected).strip()
    return any(abs(value - candidate) < 1e-6
               for candidate in (truth, round(truth), round(truth, 1), round(truth, 2)))


def _shown(value: object) -> str:
    """A number as participants read it (decimal comma); anything else as it is."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return angka(value, 0 if float(value).is_integer() else 1)
    return str(value)


def _expected_summary(isian: Isian) -> pd.DataFrame:
    return apl02.summary(_answered(isian))


def periksa_ringkasan(isian: Isian, ringkasan: pd.DataFrame) -> None:
    """The summary table agrees with the participant's own answers."""
    expected = _expected_summary(isian).set_index("kode_unit")
    if not isinstance(ringkasan, pd.DataFrame) or "kode_unit" not in ringkasan:
        raise CekGagal("`ringkasan` belum berupa tabel ringkasan; jalankan sel "
                             "`ringkasan = apl02.summary(isian.jawaban)`.")
    given = ringkasan.set_index("kode_unit")
    messages = []
    for code, row in expected.iterrows():
        if code not in given.index:
            messages.append(f"unit {code} tidak ada di ringkasan.")
            continue
        for column in ("jumlah_elemen", "jumlah_K", "jumlah_BK", "persen_K", "klaim_unit"):
            if not same_value(given.at[code, column], row[column]):
                messages.append(f"unit {code}: {column} tertulis "
                                f"{_shown(given.at[code, column])}, padahal menurut jawaban "
                                f"Anda {_shown(row[column])}.")
    messages += [f"unit {c} ada di ringkasan tetapi tidak di jawaban." for c in given.index
                 if c not in expected.index]
    _fail("Ringkasan tidak cocok dengan jawaban Anda:", messages)
    print("Ringkasan cocok dengan jawaban.")


def periksa_grafik(isian: Isian, grafik: alt.Chart) -> None:
    """The profile chart plots the percentages that follow from the answers."""
    expected = _expected_summary(isian).set_index("kode_unit")["persen_K"]
    try:
        plotted = apl02.chart_data(grafik).set_index("kode_unit")["persen_K"]
    except (TypeError, KeyError, AttributeError):
        raise CekGagal("`grafik` bukan grafik profil kompetensi dari "
                             "apl02.profile_chart(ringkasan).") from None
    messages = [f"unit {c}: grafik menunjukkan {_shown(plotted.get(c))}%, padahal menurut "
                f"jawaban {_shown(v)}%." for c, v in expected.items() if plotted.get(c) != v]
    _fail("Grafik profil tidak cocok dengan jawaban Anda:", messages)
    print("Grafik profil cocok dengan jawaban.")


def periksa_rencana(isian: Isian) -> None:
    """Every BK element has a complete plan item (activity, resource, target, indicator)."""
    table = _answered(isian)
    messages = plan.missing_items(isian.rencana, table)
    _fail("Rencana pengembangan belum lengkap:", messages)
    print(f"Rencana tersedia untuk {int((table['klaim'] == 'BK').sum())} elemen BK.")


def periksa_tanggal_rencana(isian: Isian) -> None:
    """Every plan target that is filled in is a valid date after the assessment date (an
    empty one is the plan's completeness, judged once, by :func:`periksa_rencana`)."""
    _answered(isian)
    assessed = plan.parse_date(isian.identitas.get("tanggal_asesmen"))
    dated = _dated(isian.rencana)
    messages = plan.date_problems(dated, assessed)
    if assessed is None and len(dated):
        messages.insert(0, "tanggal asesmen belum diisi, jadi belum dapat diperiksa apakah "
                           "target sesudah tanggal asesmen.")
    _fail("Tanggal target rencana belum benar:", messages)
    print(f"{len(dated)} target rencana berupa tanggal yang sah dan sesudah tanggal asesmen"
          + (f" ({assessed.isoformat()})." if assessed else "."))


def _dated(rencana: pd.DataFrame) -> pd.DataFrame:
    """The plan items whose target date is filled in."""
    if not len(rencana):
        return rencana
    return rencana[rencana["target"].map(lambda v: bool(str(v or "").strip()))]
