"""What the participant takes home: a one-page HTML report, an XLSX of the tables and a DOCX
summary to paste into the office's own report. Every document says that its figures come
from the participant's data and the kit's formulas; none holds a personal-data column,
since only mapped fields reach the results."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from humaskit import documents, satisfaction
from humaskit.issues import charts as issue_charts
from humaskit.number_format import angka
from humaskit.own_data import fields
from humaskit.own_data.results import IssueResult, SurveyResult

SKM_NOTE = ("Angka dalam dokumen ini dihitung dari data Anda sendiri (berkas «{source}») "
            "dengan rumus humaskit. IKM dihitung sesuai PermenPANRB Nomor 14 Tahun 2017: "
            "NRR tiap unsur (rata-rata jawaban 1–4) dikali bobot 1/9, dijumlahkan, lalu "
            "dikali 25. Kolom data pribadi responden tidak dibaca ke dalam dokumen ini.")
ISSUE_NOTE = ("Angka dalam dokumen ini dihitung dari data pemantauan Anda sendiri (berkas "
              "«{source}») dengan rubrik prioritas Hari 2 humaskit (dampak × urgensi). Rubrik "
              "itu adalah alat latihan lokakarya, bukan ketentuan resmi; sesuaikan ambangnya "
              "dengan daerah Anda. Kolom data pribadi tidak dibaca ke dalam dokumen ini.")


def _counted(what: str, used: int, left_out: int) -> str:
    left = f" ({angka(left_out, 0)} baris bermasalah ditinggalkan)" if left_out else ""
    return f"Jumlah {what} yang dihitung: {angka(used, 0)}{left}."


def skipped(blank: int, template: int) -> str:
    """Rows that were never data, counted apart from the problem rows ("" when none)."""
    parts = [f"{angka(blank, 0)} baris kosong"] if blank else []
    if template:
        parts.append(f"{angka(template, 0)} baris templat bernomor tanpa isian")
    return f"{' dan '.join(parts)} tidak dihitung." if parts else ""


def survey_document(result: SurveyResult) -> documents.Document:
    """The SKM report: IKM and band, NRR per element, weakest elements, sample, units."""
    summary = [
        _counted("responden", result.respondents, result.left_out),
        f"IKM = {angka(result.ikm)} → mutu pelayanan {result.mutu} ({result.kinerja}).",
        "Unsur terlemah: " + "; ".join(
            f"{row.unsur} (NRR {angka(row.nrr)})" for row in result.weakest.itertuples()) + ".",
    ]
    if result.minimum_sample is not None:
        verdict = ("sudah mencukupi" if result.sample_is_enough else
                   f"masih kurang {angka(result.minimum_sample - result.respondents, 0)} "
                   "responden")
        summary.append(
            f"Sampel minimal untuk populasi {angka(result.population, 0)} orang (Krejcie & "
            f"Morgan, galat 5%) adalah {angka(result.minimum_sample, 0)} responden: "
            f"jumlah responden {verdict}.")
    nrr = result.nrr.rename(columns={"kode": "Kode", "unsur": "Unsur", "nrr": "NRR",
                                     "nilai_konversi": "NRR × 25"})
    sections = [
        documents.Section("Ringkasan", points=summary),
        documents.Section(
            "Nilai per unsur pelayanan",
            tables=[documents.Table("NRR per unsur", nrr, {"NRR": 3})],
            charts=[documents.Chart("Grafik NRR per unsur pelayanan; unsur terlemah bergaris "
                                    "tepi hitam.", satisfaction.element_chart(result.table))]),
    ]
    if result.by_unit is not None:
        units = result.by_unit.rename(columns={
            "unit_layanan": "Unit layanan", "responden": "Responden", "ikm": "IKM",
            "mutu": "Mutu", "kinerja": "Kinerja", "unsur_terlemah": "Unsur terlemah"})
        sections.append(documents.Section(
            "Hasil per unit layanan",
            [("Unit dengan responden sedikit memberi IKM yang kurang stabil; bacalah "
             "bersama jumlah respondennya.")],
            tables=[documents.Table("IKM per unit layanan", units)]))
    return documents.Document(
        "Hasil Survei Kepuasan Masyarakat", f"Data: {result.source}",
        SKM_NOTE.format(source=result.source), sections)


def issue_document(result: IssueResult) -> documents.Document:
    """The issue report: priority per issue (Day 2 rubric) and the priority matrix."""
    month = result.month.strftime("%m-%Y")
    table = result.issues[["topik", "volume", "persen_negatif", "total_jangkauan", "tren",
                           "dampak", "urgensi", "prioritas", "kategori", "tahap",
                           "opd_utama", "koordinator"]].rename(columns={
        "topik": "Isu", "volume": "Volume", "persen_negatif": "% negatif",
        "total_jangkauan": "Jangkauan", "tren": "Tren", "dampak": "Dampak",
        "urgensi": "Urgensi", "prioritas": "Prioritas", "kategori": "Kategori",
        "tahap": "Tahap", "opd_utama": "OPD utama", "koordinator": "Koordinator"})
    top = result.issues.head(3)
    points = [
        _counted("klip", result.clips, result.left_out),
        f"Posisi pengamatan: bulan {month} (tren = bulan itu dibanding bulan sebelumnya).",
        "Isu prioritas tertinggi: " + "; ".join(
            f"{r.topik} (prioritas {r.prioritas}, {r.kategori})" for r in top.itertuples())
        + ".",
    ]
    return documents.Document(
        "Ringkasan Prioritas Isu", f"Data: {result.source}",
        ISSUE_NOTE.format(source=result.source), [
            documents.Section("Ringkasan", points=points),
            documents.Section(
                "Prioritas per isu", tables=[documents.Table("Prioritas isu", table,
                                                            {"% negatif": 1})],
                charts=[documents.Chart("Matriks prioritas isu: urgensi × dampak, ukuran "
                                        "lingkaran = volume klip.",
                                        issue_charts.issue_matrix(result.issues))]),
        ])


def write(result: SurveyResult | IssueResult, folder: str | Path,
          stem: str | None = None) -> dict[str, Path]:
    """Write HTML, XLSX and DOCX into ``folder``; returns their paths by format."""
    document = (survey_document(result) if isinstance(result, SurveyResult)
                else issue_document(result))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = stem or ("hasil_skm" if isinstance(result, SurveyResult) else "prioritas_isu")
    html_path = folder / f"{stem}.html"
    html_path.write_text(documents.to_html(document), encoding="utf-8")
    return {"html": html_path,
            "xlsx": documents.to_xlsx(document, folder / f"{stem}.xlsx"),
            "docx": documents.to_docx(document, folder / f"{stem}.docx")}


HIDDEN = "••• (data pribadi, disembunyikan)"


def preview(frame: pd.DataFrame, personal: list[str], rows: int = 5) -> pd.DataFrame:
    """The first rows with personal-data columns' values hidden (shown while mapping), and
    any other cell that looks like a phone number, NIK, e-mail or street address."""
    shown = frame.head(rows).copy()
    for column in shown.columns:
        if column in personal:
            shown[column] = HIDDEN
        else:
            shown[column] = [HIDDEN if v is not None and fields.looks_personal(v) else v
                             for v in shown[column]]
    return shown
