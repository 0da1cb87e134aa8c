"""The FR.APL.02 self-assessment (*Asesmen Mandiri*): answer table, summary, chart, printout.

On FR.APL.02 the candidate (asesi) claims, per element, **K** (*kompeten*: "I can do this")
or **BK** (*belum kompeten*) and lists the evidence for each K. That is a claim, not the
competence decision: the asesor decides Kompeten / Belum Kompeten per unit after checking
the evidence (VATM) on a separate form (see :mod:`humaskit.skkni.asesor`).

A unit is claimed K only when every one of its elements is claimed K.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd

from humaskit import pages
from humaskit.number_format import angka
from humaskit.skkni import catalog as skkni_catalog

CLAIMS = ("K", "BK")
#: Columns of the answer table ``jawaban`` (one row per element of the scheme).
ANSWER_COLUMNS = ["kode_unit", "judul_unit", "no_elemen", "pertanyaan", "klaim", "bukti"]
#: Columns of the per-unit summary ``ringkasan``.
SUMMARY_COLUMNS = ["kode_unit", "judul_unit", "jumlah_elemen", "jumlah_K", "jumlah_BK",
                   "persen_K", "klaim_unit"]
CLAIM_NOTE = ("K/BK adalah klaim asesi sendiri, bukan keputusan kompeten. Keputusan "
              "Kompeten/Belum Kompeten diambil asesor setelah memeriksa bukti (VATM: Valid, "
              "Asli, Terkini, Memadai).")


def blank_answers(elements: pd.DataFrame) -> pd.DataFrame:
    """An empty answer table for the elements of a scheme (claims and evidence blank)."""
    table = elements[["kode_unit", "judul_unit", "no_elemen", "pertanyaan"]].copy()
    table["klaim"] = ""
    table["bukti"] = ""
    return table.reset_index(drop=True)


def with_unit_titles(jawaban: pd.DataFrame) -> pd.DataFrame:
    """The answer table with each blank unit title taken from the catalog by unit code, as
    the form's table (:func:`blank_answers`) carries them: a table written in code may hold
    codes only. A code the catalog does not know keeps a blank title."""
    table = jawaban.copy()
    if "judul_unit" not in table:
        table["judul_unit"] = ""
    blank = ~table["judul_unit"].map(lambda v: isinstance(v, str) and bool(v.strip()))
    if blank.any():
        titles = skkni_catalog.load_catalog().drop_duplicates("kode_unit").set_index(
            "kode_unit")["judul_unit"]
        codes = table.loc[blank, "kode_unit"].map(lambda v: v.strip() if isinstance(v, str)
                                                  else "")
        table.loc[blank, "judul_unit"] = codes.map(titles).fillna("")
    return table


def normalise(jawaban: pd.DataFrame) -> pd.DataFrame:
    """The answer table with text cells stripped, claims upper-cased and blanks as ''."""
    table = jawaban.copy()
    for column in ("klaim", "bukti"):
        table[column] = table[column].fillna("").astype(str).str.strip()
    table["klaim"] = table["klaim"].str.upper()
    table["kode_unit"] = table["kode_unit"].astype(str).str.strip()
    table["no_elemen"] = pd.to_numeric(table["no_elemen"], errors="coerce")
    return table


def summary(jawaban: pd.DataFrame) -> pd.DataFrame:
    """Per unit: number of elements, of K and BK claims, percent K, and the unit claim."""
    table = normalise(jawaban)
    if "judul_unit" not in table:
        table["judul_unit"] = ""
    rows = []
    for code, unit in table.groupby("kode_unit", sort=False):
        n_k = int((unit["klaim"] == "K").sum())
        rows.append({
            "kode_unit": code,
            "judul_unit": str(unit["judul_unit"].iloc[0]),
            "jumlah_elemen": len(unit),
            "jumlah_K": n_k,
            "jumlah_BK": int((unit["klaim"] == "BK").sum()),
            "persen_K": round(100 * n_k / len(unit), 1),
            "klaim_unit": "K" if n_k == len(unit) else "BK",
        })
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


#: The profile chart's tooltip: field, Vega-Lite type (declared, so that the chart of a
#: profile with no answers yet is drawn without altair guessing types) and title; the
#: percentage as text with a decimal comma.
PROFILE_TOOLTIP = [("kode_unit", "N", "Kode unit"), ("judul_unit", "N", "Judul unit"),
                   ("jumlah_elemen", "Q", "Elemen"), ("jumlah_K", "Q", "K"),
                   ("jumlah_BK", "Q", "BK"), ("persen_K_teks", "N", "% K"),
                   ("klaim_unit", "N", "Klaim unit")]


def profile_chart(ringkasan: pd.DataFrame) -> alt.Chart:
    """Competency profile: percent of elements claimed K per unit, coloured by unit claim
    (an empty profile draws an empty chart, without warnings)."""
    data = ringkasan.assign(unit=ringkasan["kode_unit"] + " " + ringkasan["judul_unit"],
                            persen_K_teks=ringkasan["persen_K"].map(lambda v: angka(v, 1)))
    return (
        alt.Chart(data, title=alt.TitleParams(
            "Profil kompetensi (klaim asesi pada FR.APL.02)",
            subtitle="Persentase elemen yang diklaim K per unit; unit K hanya bila semua "
                     "elemennya K"))
        .mark_bar()
        .encode(
            y=alt.Y("unit:N", sort=None, title=None, axis=alt.Axis(labelLimit=340)),
            x=alt.X("persen_K:Q", title="Elemen yang diklaim K (%)",
                    scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("klaim_unit:N", title="Klaim unit",
                            scale=alt.Scale(domain=list(CLAIMS), range=["#2a9d8f", "#e76f51"])),
            tooltip=[alt.Tooltip(f"{field}:{kind}", title=title)
                     for field, kind, title in PROFILE_TOOLTIP],
        )
        .properties(width=420)
    )


def chart_data(chart: alt.Chart) -> pd.DataFrame:
    """The table a profile chart plots, read from its Vega-Lite specification (for checking
    it agrees with the answers; a chart's specification is what reaches the grader)."""
    spec = chart.to_dict()
    try:
        return pd.DataFrame(spec["datasets"][spec["data"]["name"]])
    except (KeyError, TypeError):
        raise TypeError("Grafik tidak memuat tabel data; buat dengan "
                        "apl02.profile_chart().") from None


_STYLE = """
body{font-family:Arial,Helvetica,sans-serif;font-size:11pt;margin:1.5cm;color:#000}
h1{font-size:14pt;text-align:center;margin:0} h2{font-size:12pt;margin:1em 0 .3em}
table{border-collapse:collapse;width:100%;margin:.4em 0} td,th{border:1px solid #000;
padding:4px 6px;vertical-align:top} th{background:#eee} .c{text-align:center;width:2.5em}
.kuk{font-size:9pt;color:#333} .ilus{font-size:9pt;color:#a00;font-weight:bold}
.note{font-size:9pt;border:1px dashed #777;padding:4px 8px} .ttd{height:4em}
@media print{.pagebreak{page-break-before:always}}
"""


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _cell(value: object) -> str:
    return html.escape(_text(value))


def to_html(identitas: dict, scheme_name: str, jawaban: pd.DataFrame,
            elements: pd.DataFrame, rencana: pd.DataFrame | None = None) -> str:
    """A printable FR.APL.02-style form of the answers, ready for signature."""
    table = normalise(jawaban)
    detail = elements.set_index(["kode_unit", "no_elemen"])
    parts = [
        "<h1>FR.APL.02. ASESMEN MANDIRI</h1>",
        ("<table><tr><th style='width:30%'>Skema sertifikasi / klaster</th>"
         f"<td>{_cell(scheme_name)}</td></tr>"),
        f"<tr><th>Nama asesi</th><td>{_cell(identitas.get('nama'))}</td></tr>",
        f"<tr><th>Instansi / OPD</th><td>{_cell(identitas.get('instansi'))}</td></tr>",
        f"<tr><th>Jabatan</th><td>{_cell(identitas.get('jabatan'))}</td></tr>",
        f"<tr><th>Tanggal asesmen</th><td>{_cell(identitas.get('tanggal_asesmen'))}</td></tr>",
        "</table>",
        ("<p class='note'><b>Panduan asesmen mandiri.</b> Baca setiap pertanyaan di kolom "
         "sebelah kiri. Beri tanda centang (&#10003;) pada kotak K bila Anda yakin dapat "
         "melakukan tugas yang dijelaskan, atau BK bila belum. Isi kolom bukti dengan bukti "
         f"yang Anda miliki untuk setiap K. {html.escape(CLAIM_NOTE)}</p>"),
    ]
    for code, unit in table.groupby("kode_unit", sort=False):
        title = _cell(unit["judul_unit"].iloc[0]) if "judul_unit" in unit else ""
        marker = ("<span class='ilus'>[kode kit, bukan kode resmi]</span>"
                  if str(code).startswith("KIT-") else "")
        sources = detail.loc[detail.index.get_level_values(0) == code, "sumber"] \
            if "sumber" in detail else []
        hedged = next((skkni_catalog.hedged_source(v) for v in sources
                       if skkni_catalog.hedged_source(v)), "")
        if hedged:
            marker += f"<span class='ilus'>[{_cell(hedged)}]</span>"
        parts.append(f"<h2>Unit {_cell(code)} {marker}: {title}</h2>")
        parts.append("<table><tr><th>Dapatkah saya ...?</th><th class='c'>K</th>"
                     "<th class='c'>BK</th><th style='width:35%'>Bukti yang relevan</th></tr>")
        for row in unit.itertuples():
            key = (row.kode_unit, row.no_elemen)
            info = detail.loc[key] if key in detail.index else None
            question = skkni_catalog.question(info["elemen"]) if info is not None else ""
            extra = ""
            if info is not None:
                kuk = "; ".join(k.strip() for k in str(info["kuk"]).split("|"))
                extra = f"<div class='kuk'>KUK: {_cell(kuk)}</div>"
                if info["status"] != "resmi":
                    extra += ("<div class='ilus'>Rumusan ILUSTRASI latihan (bukan teks "
                              "SKKNI resmi)</div>")
            parts.append(
                f"<tr><td>{_cell(row.no_elemen)}. {_cell(question)}{extra}</td>"
                f"<td class='c'>{'&#9745;' if row.klaim == 'K' else '&#9744;'}</td>"
                f"<td class='c'>{'&#9745;' if row.klaim == 'BK' else '&#9744;'}</td>"
                f"<td>{_cell(row.bukti)}</td></tr>")
        parts.append("</table>")
    if rencana is not None and len(rencana):
        parts.append("<h2>Lampiran: rencana pengembangan untuk elemen BK</h2><table><tr>"
                     "<th>Unit / elemen</th><th>Kegiatan</th><th>Sumber belajar</th>"
                     "<th>Target</th><th>Indikator keberhasilan</th></tr>")
        for row in rencana.itertuples():
            parts.append(
                f"<tr><td>{_cell(row.kode_unit)} / {_cell(row.no_elemen)}</td>"
                f"<td>{_cell(row.kegiatan)}</td><td>{_cell(row.sumber_belajar)}</td>"
                f"<td>{_cell(row.target)}</td><td>{_cell(row.indikator)}</td></tr>")
        parts.append("</table>")
    parts.append(
        "<table><tr><th style='width:50%'>Asesi</th><th>Ditinjau oleh asesor</th></tr>"
        f"<tr><td>Nama: {_cell(identitas.get('nama'))}<br>"
        f"Tanggal: {_cell(identitas.get('tanggal_asesmen'))}<br>Tanda tangan:"
        "<div class='ttd'></div></td>"
        "<td>Nama asesor:<br>No. registrasi:<br>Rekomendasi (coret yang tidak perlu):<br>"
        "<b>Asesmen dapat dilanjutkan / tidak dapat dilanjutkan</b><br>Catatan:<br>"
        "Tanggal:<br>Tanda tangan:<div class='ttd'></div></td></tr></table>"
        f"<p class='note'>{html.escape(CLAIM_NOTE)}</p>")
    title = f"FR.APL.02 Asesmen Mandiri — {_text(identitas.get('nama'))}"
    return pages.document(title, "\n".join(parts), _STYLE)


def profile_with_elements(jawaban: pd.DataFrame) -> alt.VConcatChart:
    """The profile chart linked to an element strip: click a unit to see its K/BK elements."""
    table = normalise(jawaban)
    table = table.assign(klaim=table["klaim"].replace("", "belum dijawab"),
                         elemen=table["no_elemen"].astype("Int64").astype(str))
    data = table.merge(summary(jawaban)[["kode_unit", "persen_K", "klaim_unit"]],
                       on="kode_unit")
    pick = alt.selection_point(fields=["kode_unit"], empty=True)
    bars = (alt.Chart(data).transform_aggregate(
                persen_K="mean(persen_K)", groupby=["kode_unit", "klaim_unit"])
            .mark_bar().encode(
                y=alt.Y("kode_unit:N", sort=None, title="Unit"),
                x=alt.X("persen_K:Q", title="Elemen yang diklaim K (%)",
                        scale=alt.Scale(domain=[0, 100])),
                color=alt.Color("klaim_unit:N", title="Klaim unit",
                                scale=alt.Scale(domain=list(CLAIMS),
                                                range=["#2a9d8f", "#e76f51"])),
                opacity=alt.condition(pick, alt.value(1), alt.value(0.35)))
            .add_params(pick)
            .properties(width=380, title="Klik sebuah unit untuk melihat elemennya"))
    strip = (alt.Chart(data).mark_rect(stroke="white", strokeWidth=2).encode(
                x=alt.X("elemen:N", title="Elemen"),
                y=alt.Y("kode_unit:N", sort=None, title=None),
                color=alt.Color("klaim:N", title="Klaim elemen",
                                scale=alt.Scale(domain=[*CLAIMS, "belum dijawab"],
                                                range=["#2a9d8f", "#e76f51", "#bbbbbb"])),
                tooltip=["kode_unit", "no_elemen", "pertanyaan", "klaim", "bukti"])
             .transform_filter(pick)
             .properties(width=380))
    return alt.vconcat(bars, strip).resolve_scale(color="independent")
