"""The cohort dashboard and a one-page report per participant: static HTML, charts embedded
as PNG (rendered locally by vl-convert), readable offline and printable."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import altair as alt
import nbformat
import pandas as pd

from humaskit import safe_text
from humaskit.charts import png_data_uri
from humaskit.errors import failure_line
from humaskit.exercises.quiz import bank
from humaskit.grading import cohort, competency, results
from humaskit.grading.page import document, esc, table
from humaskit.grading.workspace import Workspace
from humaskit.number_format import angka, compact
from humaskit.training.identity import tanggal

#: The asesor's record as the participant's page shows it.
DECISION_HEADERS = {"kode_unit": "Kode unit", "judul_unit": "Judul unit",
                    "klaim_unit": "Klaim peserta", "tanda_bukti": "Tanda bukti",
                    "bukti_vatm": "Bukti (VATM)", "komentar": "Komentar",
                    "rekomendasi": "Rekomendasi", "asesor": "Asesor", "tanggal": "Tanggal"}


def distribution_chart(totals: pd.DataFrame) -> alt.Chart:
    """Histogram of total percentage per exercise."""
    return alt.Chart(totals).mark_bar().encode(
        x=alt.X("persen:Q", bin=alt.Bin(extent=[0, 100], step=10), title="Nilai (%)"),
        y=alt.Y("count():Q", title="Jumlah peserta"),
        color=alt.Color("latihan:N", title="Latihan"),
        column=alt.Column("latihan:N", title=None),
    ).properties(width=260, height=180, title="Sebaran nilai per latihan")


def step_chart(scores: pd.DataFrame) -> alt.Chart:
    """Mean percentage of points per exercise step."""
    steps = scores.groupby(["latihan", "langkah"], sort=False, as_index=False)[
        ["nilai", "nilai_maks"]].sum()
    steps["persen"] = (100 * steps["nilai"] / steps["nilai_maks"]).round(1)
    return alt.Chart(steps).mark_bar().encode(
        y=alt.Y("langkah:N", sort=None, title=None, axis=alt.Axis(labelLimit=360)),
        x=alt.X("persen:Q", scale=alt.Scale(domain=[0, 100]), title="Rata-rata capaian (%)"),
        color=alt.Color("latihan:N", title="Latihan"),
        tooltip=["latihan", "langkah", "persen"],
    ).properties(width=420, title="Capaian per langkah")


def heatmap(claims: pd.DataFrame) -> alt.Chart:
    """Participants x units: share of elements the participant claims K (self-assessment)."""
    return alt.Chart(claims).mark_rect().encode(
        x=alt.X("kode_unit:N", title="Unit kompetensi"),
        y=alt.Y("nama:N", title=None),
        color=alt.Color("persen_K:Q", title="% elemen diklaim K",
                        scale=alt.Scale(domain=[0, 100], scheme="blues")),
        tooltip=["nama", "kode_unit", "judul_unit", "persen_K", "klaim_unit"],
    ).properties(title="Klaim kompetensi dari asesmen mandiri (bukan keputusan asesor)")


#: What the dashboard says of a failed test cell that showed no error (its points were given
#: by the answer key, which prints the comparison on the participant's feedback page).
NO_MESSAGE_PART = "Nilai sebagian, tanpa pesan galat (rincian di umpan balik peserta)"
NO_MESSAGE_NONE = "Nilai 0, tanpa pesan galat (rincian di umpan balik peserta)"


def quiz_rows(scores: pd.DataFrame) -> pd.Series:
    """The pre-test's and post-test's rows of ``scores`` (analysed item by item)."""
    return scores["latihan"].isin(bank.FORMS.values())


def common_mistakes(ws: Workspace, scores: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """The exercises' test cells failed most often, with what most of those participants were
    told. A pre-test or post-test item is left to the item analysis, which says more of it
    (a wrong letter has no message); an answer still waiting for hand grading has not failed;
    a cell that gave part or none of its points without an error says so."""
    failed = scores[(scores["nilai"] < scores["nilai_maks"]) & ~scores["perlu_dinilai_manual"]
                    & ~quiz_rows(scores)]
    if failed.empty:
        return failed.assign(peserta=[], gagal=[], pesan_tersering=[])
    told = _error_lines(ws, failed[["id", "latihan"]].drop_duplicates().itertuples(index=False))
    said = [told.get((r.id, r.latihan, r.bagian)) or (
        NO_MESSAGE_PART if r.nilai > 0 else NO_MESSAGE_NONE) for r in failed.itertuples()]
    cells = failed.assign(pesan=said).groupby(
        ["latihan", "langkah", "bagian"], sort=False, as_index=False).agg(
        gagal=("id", "count"), pesan_tersering=("pesan", lambda p: Counter(p).most_common(1)[0][0]))
    takers = scores.groupby(["latihan", "bagian"])["id"].count()
    cells.insert(4, "peserta", [takers[r.latihan, r.bagian] for r in cells.itertuples()])
    return cells.sort_values("gagal", ascending=False, kind="stable").head(top)


def _error_lines(ws: Workspace, submissions) -> dict[tuple[str, str, str], str]:
    """(participant, exercise, test cell) -> the one-line message of the error the cell
    raised, read from the graded notebooks of ``submissions`` ((participant, exercise) pairs)."""
    told = {}
    for pid, assignment in submissions:
        for path in (ws.course / "autograded" / pid / assignment).glob("*.ipynb"):
            try:
                cells = nbformat.read(path, 4).cells
            except Exception:  # noqa: BLE001, S112 - a broken graded file is reported elsewhere
                continue
            for cell in cells:
                meta = cell.metadata.get("nbgrader", {})
                if not meta.get("grade") or meta.get("solution"):
                    continue
                for out in cell.get("outputs", []):
                    if out.output_type == "error":
                        told[pid, assignment, meta["grade_id"]] = (
                            failure_line(out.ename, out.evalue)[:300])
    return told


def _decimal_comma(frame: pd.DataFrame, decimals: dict[str, int]) -> pd.DataFrame:
    """``frame`` with the given columns written with a fixed number of decimals (66,7)."""
    return frame.assign(**{c: [angka(v, d) for v in frame[c]] for c, d in decimals.items()})


def _points(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """``frame`` with points written as the feedback pages write them (2; 2,89)."""
    return frame.assign(**{c: frame[c].map(compact) for c in columns})


def _dates(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its dates written the Indonesian way (5 November 2026)."""
    return frame.assign(**{c: [tanggal(v.date()) if pd.notna(v) else "" for v in frame[c]]
                           for c in frame.select_dtypes("datetime").columns})


def image(chart: alt.Chart, alt_text: str) -> str:
    return f'<p><img alt="{esc(alt_text)}" src="{png_data_uri(chart)}"></p>'


def dashboard(ws: Workspace, decisions: pd.DataFrame | None = None) -> str:
    scores, statuses = results.scores(ws), results.statuses(ws)
    totals, claims = results.totals(scores), competency.claims(ws)
    people = cohort.participants(ws)
    body = ["<h1>Dasbor Penilaian Kohort</h1>",
            (f"<p>{len(people)} peserta di daftar; {len(ws.state())} kiriman dinilai untuk "
            f"{len(cohort.assignments(ws))} latihan.</p>")]
    if not totals.empty:
        summary = totals.groupby("latihan", as_index=False).agg(
            kiriman=("id", "count"), rata_rata=("persen", "mean"), median=("persen", "median"))
        waiting = scores.groupby(["latihan", "id"])["perlu_dinilai_manual"].any().groupby(
            "latihan").sum()
        summary["menunggu"] = summary["latihan"].map(waiting).fillna(0).astype(int)
        body += ["<h2>Ringkasan nilai</h2>",
                 table(_decimal_comma(summary, {"rata_rata": 1, "median": 1}),
                       {"latihan": "Latihan", "kiriman": "Kiriman dinilai",
                        "rata_rata": "Rata-rata (%)", "median": "Median (%)",
                        "menunggu": "Kiriman dengan poin menunggu penilaian manual"}),
                 ("<p class=\"kecil\">Poin yang masih menunggu penilaian manual dihitung 0 "
                  "dalam rata-rata dan median.</p>" if summary["menunggu"].any() else ""),
                 image(distribution_chart(totals), "Sebaran nilai per latihan"),
                 image(step_chart(scores), "Capaian per langkah")]
        mistakes = common_mistakes(ws, scores)
        body += ["<h2>Kesalahan paling umum</h2>",
                 table(mistakes,
                       {"latihan": "Latihan", "langkah": "Langkah", "bagian": "Sel uji",
                        "gagal": "Peserta gagal", "peserta": "Dari", "pesan_tersering":
                        "Pesan kesalahan tersering"}) if not mistakes.empty
                 else "<p>Tidak ada sel uji latihan yang gagal.</p>",
                 ("<p class=\"kecil\">Butir pre-test dan post-test dibahas pada analisis "
                  "butir soal di bawah.</p>"
                  if quiz_rows(scores).any() else "")]
    body += quiz_item_analysis(scores)
    problems = statuses[statuses["kode"] != "ok"]
    body.append("<h2>Kiriman bermasalah</h2>")
    body.append(table(problems, {"id": "Peserta", "latihan": "Latihan", "tahap": "Tahap",
                                 "keterangan": "Keterangan", "berkas": "Berkas asal"})
                if not problems.empty else "<p>Tidak ada.</p>")
    if not claims.empty:
        body += ["<h2>Peta klaim kompetensi (asesmen mandiri)</h2>",
                 image(heatmap(claims), "Peta klaim kompetensi peserta per unit")]
    if decisions is not None and not decisions.empty:
        body += ["<h2>Rekomendasi asesor</h2>",
                 table(competency.recommendations(decisions),
                       {"id": "Peserta", "rekomendasi": "Rekomendasi",
                        "unit_memenuhi_vatm": "Unit bukti memenuhi VATM",
                        "unit_belum_memenuhi": "Unit bukti belum memenuhi",
                        "komentar": "Komentar", "asesor": "Asesor"})]
    rows = "".join(
        f'<tr><td><a href="peserta/{esc(pid)}.html">{esc(p.nama)}</a></td>'
        f"<td>{esc(p.instansi)}</td><td>{esc(p.jabatan)}</td></tr>"
        for pid, p in people.items())
    body += ["<h2>Laporan per peserta</h2>",
             (f"<table><thead><tr><th>Nama</th><th>Instansi</th><th>Jabatan</th></tr></thead>"
             f"<tbody>{rows}</tbody></table>")]
    return document("Dasbor penilaian kohort", "\n".join(body))


def participant_page(ws: Workspace, pid: str, scores: pd.DataFrame, statuses: pd.DataFrame,
                     claims: pd.DataFrame, decisions: pd.DataFrame | None,
                     comments: pd.DataFrame) -> str:
    who = cohort.participants(ws)[pid]
    mine = scores[scores["id"] == pid]
    body = [f"<h1>Laporan Peserta: {esc(who.nama)}</h1>",
            f"<p>{esc(who.jabatan)} — {esc(who.instansi)} (id: {esc(pid)})</p>"]
    if mine.empty:
        body.append("<p>Belum ada kiriman yang dinilai.</p>")
    for assignment, part in mine.groupby("latihan", sort=False):
        got, most = part["nilai"].sum(), part["nilai_maks"].sum()
        part = part.assign(menunggu=part["nilai_maks"].where(part["perlu_dinilai_manual"], 0))
        steps = part.groupby("langkah", sort=False, as_index=False)[
            ["nilai", "nilai_maks", "menunggu"]].sum()
        steps["catatan"] = [f"{compact(n)} poin menunggu penilaian manual" if n else ""
                            for n in steps["menunggu"]]
        waiting = steps["menunggu"].sum()
        body += [(f"<h2>{esc(assignment)}: {compact(got)} dari {compact(most)} "
                  f"({angka(100 * got / most, 0)}%)</h2>"),
                 (f"<p>Sebanyak {compact(waiting)} dari {compact(most)} poin masih menunggu "
                  "penilaian manual oleh pelatih atau asesor; nilai di atas belum memuat poin "
                  "tersebut.</p>" if waiting else ""),
                 table(_points(steps, "nilai", "nilai_maks"),
                       {"langkah": "Langkah", "nilai": "Nilai", "nilai_maks": "Maksimum",
                        **({"catatan": "Catatan"} if waiting else {})}),
                 (f'<p><a href="../../umpan_balik/{esc(pid)}/{esc(assignment)}.html">'
                 "Umpan balik lengkap</a></p>")]
        said = comments[(comments["id"] == pid) & (comments["latihan"] == assignment)]
        if not said.empty:
            body += ["<h3>Komentar penilai</h3>",
                     table(said, {"langkah": "Langkah", "komentar": "Komentar"})]
    body += quiz_gain(pid, scores, who)
    notes = statuses[(statuses["id"] == pid) & (statuses["kode"] != "ok")]
    if not notes.empty:
        body += ["<h2>Catatan</h2>", table(notes, {"latihan": "Latihan",
                                                   "keterangan": "Keterangan"})]
    own = claims[claims["id"] == pid]
    if not own.empty:
        body += ["<h2>Klaim asesmen mandiri</h2>",
                 table(_decimal_comma(own, {"persen_K": 1}),
                       {"kode_unit": "Kode unit", "judul_unit": "Judul unit",
                        "persen_K": "% elemen K", "klaim_unit": "Klaim unit"}),
                 '<p class="kecil">Klaim peserta sendiri, bukan keputusan kompeten.</p>']
    if decisions is not None and "id" in decisions:
        own = decisions[decisions["id"] == pid]
        if not own.empty:
            body += ["<h2>Keputusan asesor</h2>",
                     table(_dates(own).fillna(""),
                           {c: label for c, label in DECISION_HEADERS.items() if c in own})]
    return document(f"Laporan peserta — {who.nama}", "\n".join(body))


def quiz_gain(pid: str, scores: pd.DataFrame, who) -> list[str]:
    """The participant's pre-test, post-test and normalised gain, if they took either."""
    from humaskit.training import gain

    mine = gain.by_participant(scores[scores["id"] == pid], {pid: who}).iloc[0]
    if pd.isna(mine["pre"]) and pd.isna(mine["post"]):
        return []
    def shown(value) -> str:
        return "–" if pd.isna(value) else compact(value)
    verdict = (f"gain ternormalisasi g = {angka(mine['gain'])} ({mine['kategori']})"
               if mine["gain"] is not None and not pd.isna(mine["gain"])
               else f"gain tidak dihitung: {mine['keterangan']}")
    return ["<h2>Pre-test dan post-test</h2>",
            (f"<p>Pre-test {shown(mine['pre'])}, post-test {shown(mine['post'])} dari "
            f"{compact(mine['maksimum'])} soal; {esc(verdict)}. g = (post − pre) / "
            "(maksimum − pre): bagian dari yang belum Anda kuasai saat pre-test yang Anda "
            "kuasai saat post-test.</p>")]


# --- Pre-test/post-test item analysis (humaskit.training.item_analysis) -------------------

def quiz_item_analysis(scores: pd.DataFrame) -> list[str]:
    """The organiser's item analysis of the pre-test and post-test, if either was graded:
    KR-20 per form, pre → post per objective with Hake's category, facility, discrimination
    and flags per item."""
    from humaskit.training import gain, item_analysis

    items = item_analysis.items(scores)
    if items.empty:
        return []
    names = {"pre": "Pre-test", "post": "Post-test"}
    forms = item_analysis.forms(scores).assign(tes=lambda f: f["tes"].map(names))
    objectives = gain.by_objective(scores)
    objectives = objectives.assign(pre=objectives["pre"] * 100, post=objectives["post"] * 100)
    flagged = items[items["tanda"] != ""].assign(tes=lambda f: f["tes"].map(names))
    return [
        "<h2>Analisis butir soal pre-test dan post-test</h2>",
        ("<p>Fasilitas = bagian peserta yang menjawab benar. Daya beda = korelasi "
         "point-biserial butir dengan skor sisa tes (indeks diskriminasi Moodle). KR-20 = "
         "konsistensi internal tes. Daya beda dan KR-20 tidak dihitung bila pesertanya kurang "
         f"dari {item_analysis.MIN_TAKERS}. Kategori g (Hake): tinggi ≥ 0,7; sedang 0,3 sampai "
         "di bawah 0,7; rendah &lt; 0,3; turun bila post-test lebih rendah.</p>"),
        table(_decimal_comma(forms, {"rata_rata": 1, "simpangan_baku": 1, "kr20": 2}),
              {"tes": "Tes", "peserta": "Peserta", "soal": "Soal", "rata_rata": "Rata-rata",
               "simpangan_baku": "Simpangan baku", "kr20": "KR-20"}),
        table(_decimal_comma(objectives, {"pre": 0, "post": 0, "gain": 2}),
              {"tujuan": "Tujuan", "uraian": "Uraian", "peserta": "Peserta (kedua tes)",
               "pre": "Pre (%)", "post": "Post (%)", "gain": "g", "kategori": "Kategori"}),
        "<h3>Butir yang diberi tanda</h3>",
        table(_decimal_comma(flagged, {"fasilitas": 2, "daya_beda": 2}),
              {"tes": "Tes", "tujuan": "Tujuan", "peserta": "Peserta",
               "fasilitas": "Fasilitas", "daya_beda": "Daya beda", "tanda": "Tanda"})
        if not flagged.empty else "<p>Tidak ada butir yang diberi tanda.</p>",
        "<h3>Semua butir</h3>",
        table(_decimal_comma(items.assign(tes=items["tes"].map(names)),
                             {"fasilitas": 2, "daya_beda": 2}),
              {"tes": "Tes", "tujuan": "Tujuan", "uraian": "Uraian", "peserta": "Peserta",
               "fasilitas": "Fasilitas", "daya_beda": "Daya beda"})]


def write_all(ws: Workspace, decisions: pd.DataFrame | None = None) -> list[Path]:
    """Write ``laporan/dasbor.html`` and ``laporan/peserta/<id>.html``."""
    folder = ws.reports / "peserta"
    folder.mkdir(parents=True, exist_ok=True)
    main = ws.reports / "dasbor.html"
    main.write_text(safe_text.printable(dashboard(ws, decisions)), encoding="utf-8")
    scores, statuses, claims = results.scores(ws), results.statuses(ws), competency.claims(ws)
    comments = results.comments(ws)
    written = [main]
    for pid in cohort.participants(ws):
        path = folder / f"{pid}.html"
        try:
            page = participant_page(ws, pid, scores, statuses, claims, decisions, comments)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the others
            page = document(f"Laporan peserta — {pid}",
                            f"<h1>Laporan Peserta {esc(pid)}</h1><p class=\"catatan\">Halaman ini "
                            f"tidak dapat dibuat ({esc(type(exc).__name__)}: {esc(exc)}).</p>")
        path.write_text(safe_text.printable(page), encoding="utf-8")
        written.append(path)
    return written
