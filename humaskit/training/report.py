"""The *laporan penyelenggaraan*: one document for the commissioning office, built from the
cohort folder (:mod:`humaskit.training.inputs`), written as DOCX (offices edit it in Word)
and HTML, with every chart as an image."""

from __future__ import annotations

import datetime as dt
import re

import altair as alt
import pandas as pd

from humaskit import documents, evaluation
from humaskit.exercises.quiz import bank
from humaskit.grading.report import step_chart
from humaskit.number_format import angka
from humaskit.training import attendance, gain, item_analysis, schedule
from humaskit.training.identity import tanggal
from humaskit.training.inputs import Inputs

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def gain_chart(objectives: pd.DataFrame) -> alt.Chart:
    """Pre and post per objective (share of the maximum, %), side by side."""
    long = objectives.melt(id_vars=["tujuan"], value_vars=["pre", "post"], var_name="tes",
                           value_name="capaian").dropna()
    long["capaian"] = long["capaian"] * 100
    return alt.Chart(long).mark_bar().encode(
        x=alt.X("tujuan:N", title="Tujuan pembelajaran", sort=list(bank.OBJECTIVES)),
        xOffset=alt.XOffset("tes:N", sort=["pre", "post"]),
        y=alt.Y("capaian:Q", title="Jawaban benar (%)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("tes:N", title="Tes", sort=["pre", "post"],
                        scale=alt.Scale(range=["#9ecae1", "#08519c"])),
        tooltip=["tujuan", "tes", alt.Tooltip("capaian:Q", format=".0f")],
    ).properties(width=560, height=220, title="Pre-test dan post-test per tujuan pembelajaran")


def _date_of(inputs: Inputs, day: int) -> str:
    when = inputs.identity.start + dt.timedelta(days=day - 1)
    return f"{DAY_NAMES[when.weekday()]}, {tanggal(when)}"


def identity_section(inputs: Inputs, total_jp: int) -> documents.Section:
    who = inputs.identity
    table = pd.DataFrame({"Butir": ["Nama pelatihan", "Penyelenggara", "Instansi pemesan",
                                    "Tempat", "Tanggal", "Jumlah peserta", "Jumlah JP"],
                          "Keterangan": [who["judul"], who["penyelenggara"],
                                         who["instansi_pemesan"], who["tempat"], who.dates,
                                         str(len(inputs.roster)), (f"{total_jp} JP (1 JP = 45 "
                                                                   "menit)")]})
    return documents.Section("1. Identitas pelatihan", tables=[
        documents.Table("Identitas pelatihan", table)])


def schedule_section(inputs: Inputs) -> documents.Section:
    rows = [{"Sesi": s.id, "Hari, tanggal": _date_of(inputs, s.day), "Waktu": s.clock,
             "Kegiatan": "; ".join(re.sub(r"[*`]", "", r.what) for r in s.rows if r.counted),
             "Menit": s.minutes, "JP": s.minutes / schedule.JP_MINUTES}
            for s in inputs.sessions]
    return documents.Section(
        "2. Jadwal yang dilaksanakan",
        [("Jadwal menurut panduan fasilitator. Istirahat, registrasi, dan praktik opsional tidak "
         "dihitung sebagai jam pelajaran.")],
        tables=[documents.Table("Jadwal per sesi", pd.DataFrame(rows), {"JP": 1})])


def attendance_section(summary: pd.DataFrame, threshold: float) -> documents.Section:
    table = pd.DataFrame({
        "No": range(1, len(summary) + 1), "Nama": summary["nama"],
        "Instansi": summary["instansi"],
        "Sesi hadir": [f"{a} dari {b}" for a, b in zip(summary["sesi_hadir"],
                                                       summary["sesi_total"])],
        "JP": summary["jp"], "Kehadiran (%)": summary["persen_kehadiran"],
        "Sertifikat": ["ya" if m else f"tidak: {r}" for m, r in zip(summary["memenuhi"],
                                                                     summary["alasan"])]})
    met = int(summary["memenuhi"].sum())
    return documents.Section(
        "3. Peserta, kehadiran, dan sertifikat",
        [(f"Sertifikat diberikan kepada peserta yang hadir paling sedikit {angka(threshold, 0)}% "
         f"dari seluruh jam pelajaran: {met} dari {len(summary)} peserta memenuhi.")],
        tables=[documents.Table("Daftar peserta dan kehadiran", table,
                                {"Kehadiran (%)": 1})])


HAKE_BANDS = ("Kategori g (Hake, 1998): tinggi bila g ≥ 0,7; sedang bila 0,3 ≤ g < 0,7; rendah "
              "bila g < 0,3. \"Turun\" berarti nilai post-test lebih rendah daripada pre-test, "
              "juga bila pre-testnya sudah maksimal (g tidak terdefinisi).")
TEST_NAMES = {"pre": "Pre-test", "post": "Post-test"}


def quiz_section(inputs: Inputs) -> documents.Section:
    people = gain.by_participant(inputs.cells, inputs.roster) if not inputs.cells.empty else None
    if people is None or people[["pre", "post"]].isna().all().all():
        return documents.Section("4. Pre-test dan post-test",
                                 ["Belum ada nilai pre-test atau post-test yang dinilai."])
    objectives = gain.by_objective(inputs.cells)
    shown = objectives.assign(pre=objectives["pre"] * 100, post=objectives["post"] * 100)
    both = people.dropna(subset=["pre", "post"])
    maximum, mean_pre, mean_post = float(len(bank.items("pre"))), both["pre"].mean(), \
        both["post"].mean()
    cohort_g = gain.normalised_gain(mean_pre, mean_post, maximum) if not both.empty else None
    kind = gain.category(mean_pre, mean_post, maximum) if not both.empty else ""
    cohort_kind = f" ({kind})" if kind else ""
    text = [
        ("Gain ternormalisasi g = (post − pre) / (maksimum − pre) (Hake, 1998): bagian dari yang "
        "belum dikuasai saat pre-test yang dikuasai saat post-test. g tidak dihitung bagi "
        "peserta yang nilai pre-testnya sudah maksimal atau yang belum mengikuti salah satu tes."),
        f"{len(both)} peserta mengikuti kedua tes. Rata-rata pre-test "
        f"{angka(mean_pre, 1)}, post-test {angka(mean_post, 1)} dari "
        f"{len(bank.items('pre'))}; g kohort = "
        f"{angka(cohort_g) if cohort_g is not None else '–'}"
        f"{cohort_kind}." if not both.empty else
        "Belum ada peserta yang mengikuti kedua tes.",
        HAKE_BANDS]
    return documents.Section(
        "4. Pre-test dan post-test", text,
        tables=[
            documents.Table("Capaian per tujuan pembelajaran", shown.rename(columns={
                "tujuan": "Tujuan", "hari": "Hari", "uraian": "Uraian", "peserta": "Peserta",
                "pre": "Pre (%)", "post": "Post (%)", "gain": "Gain",
                "kategori": "Kategori"}),
                {"Pre (%)": 0, "Post (%)": 0}),
            documents.Table("Pre-test dan post-test per peserta", people.drop(
                columns=["id", "maksimum"]).rename(columns={
                    "nama": "Nama", "pre": "Pre", "post": "Post", "gain": "Gain",
                    "kategori": "Kategori", "keterangan": "Keterangan"}), {"Pre": 0, "Post": 0})],
        charts=[documents.Chart("Persentase jawaban benar per tujuan pembelajaran, pre-test "
                                "dan post-test.", gain_chart(objectives))])


def exercise_section(inputs: Inputs) -> documents.Section:
    cells = inputs.cells
    if cells.empty:
        return documents.Section("5. Nilai latihan per langkah", ["Belum ada latihan dinilai."])
    work = cells[~cells["latihan"].isin(bank.FORMS.values())]
    if work.empty:
        return documents.Section("5. Nilai latihan per langkah", ["Belum ada latihan dinilai."])
    steps = work.assign(manual=work["perlu_dinilai_manual"].astype(str) == "True").groupby(
        ["latihan", "langkah"], sort=False, as_index=False).agg(
        peserta=("id", "nunique"), nilai=("nilai", "sum"), nilai_maks=("nilai_maks", "sum"),
        manual=("manual", "sum"))
    steps["capaian"] = 100 * steps["nilai"] / steps["nilai_maks"]
    table = steps[["latihan", "langkah", "peserta", "capaian", "manual"]].rename(columns={
        "latihan": "Latihan", "langkah": "Langkah", "peserta": "Peserta",
        "capaian": "Capaian rata-rata (%)", "manual": "Belum dinilai manual"})
    return documents.Section(
        "5. Nilai latihan per langkah",
        [("Capaian = jumlah nilai semua peserta dibagi jumlah nilai maksimumnya, per langkah "
         "(nilai dari penilaian otomatis nbgrader dan nilai manual pelatih).")],
        tables=[documents.Table("Capaian latihan per langkah", table,
                                {"Capaian rata-rata (%)": 1})],
        charts=[documents.Chart("Capaian rata-rata per langkah latihan.", step_chart(work))])


def competency_section(inputs: Inputs) -> documents.Section:
    claims, recs = inputs.claims, inputs.recommendations
    if claims.empty:
        return documents.Section("6. Asesmen mandiri dan rekomendasi asesor",
                                 ["Belum ada asesmen mandiri yang dinilai."])
    units = claims.groupby(["kode_unit", "judul_unit"], as_index=False).agg(
        peserta=("id", "nunique"), klaim_K=("klaim_unit", lambda s: int((s == "K").sum())))
    units["klaim_BK"] = units["peserta"] - units["klaim_K"]
    tables = [documents.Table("Klaim unit kompetensi (FR.APL.02)", units.rename(columns={
        "kode_unit": "Kode unit", "judul_unit": "Judul unit", "peserta": "Peserta",
        "klaim_K": "Klaim K", "klaim_BK": "Klaim BK"}))]
    if not recs.empty:
        names = {pid: who.nama for pid, who in inputs.roster.items()}
        tables.append(documents.Table("Rekomendasi asesor", pd.DataFrame({
            "Nama": recs["id"].map(names).fillna(recs["id"]),
            "Rekomendasi": recs["rekomendasi"], "Komentar": recs["komentar"].fillna(""),
            "Asesor": recs["asesor"].fillna("")})))
    return documents.Section(
        "6. Asesmen mandiri dan rekomendasi asesor",
        [("K/BK adalah klaim peserta sendiri pada FR.APL.02, bukan keputusan kompeten. "
         "Rekomendasi \"asesmen dapat dilanjutkan\" adalah keputusan asesor setelah memeriksa "
         "bukti (Valid, Asli, Terkini, Memadai).")], tables=tables)


def evaluation_section(inputs: Inputs) -> documents.Section:
    answers = inputs.evaluations
    if answers.empty:
        return documents.Section("7. Evaluasi penyelenggaraan",
                                 ["Belum ada jawaban evaluasi yang terkumpul."])
    result = evaluation.index(answers)
    elements = result.elements.rename(columns={
        "unsur": "Unsur", "pernyataan": "Pernyataan", "rata_rata": "Rata-rata (1–4)",
        "nilai_konversi": "× 25"})
    forms = evaluation.by_form(answers).rename(columns={
        "formulir": "Formulir", "responden": "Responden", "indeks": "Indeks", "mutu": "Mutu",
        "kinerja": "Kinerja"})
    said = evaluation.comments(answers)
    return documents.Section(
        "7. Evaluasi penyelenggaraan",
        [evaluation.LABEL,
         (f"Indeks keseluruhan ({result.responses} formulir) = {angka(result.value)} → mutu "
         f"{result.mutu} ({result.kinerja}).")],
        tables=[documents.Table("Evaluasi per unsur", elements, {"Rata-rata (1–4)": 2}),
                documents.Table("Evaluasi per formulir", forms)],
        charts=[documents.Chart("Rata-rata evaluasi per unsur.", evaluation.chart(result))],
        points=[f"{r.formulir}: {r.komentar}" + (f" ({r.jumlah} peserta)" if r.jumlah > 1
                                                  else "") for r in said.itertuples()])


def rtl_section(inputs: Inputs) -> documents.Section:
    if not inputs.rtl:
        return documents.Section("8. Rencana tindak lanjut (RTL) peserta",
                                 ["Belum ada berkas RTL peserta yang terkumpul."])
    names = {pid: who.nama for pid, who in inputs.roster.items()}
    actions = pd.concat([t.assign(nama=names[pid]) for pid, t in inputs.rtl.items()],
                        ignore_index=True)
    per_person = actions.groupby("nama", as_index=False).agg(
        aksi=("aksi", "count"), tenggat_terdekat=("tenggat", "min"))
    return documents.Section(
        "8. Rencana tindak lanjut (RTL) peserta",
        [(f"{len(inputs.rtl)} dari {len(inputs.roster)} peserta menyerahkan RTL, "
         f"berisi {len(actions)} aksi.")],
        tables=[documents.Table("RTL per peserta", per_person.rename(columns={
                    "nama": "Nama", "aksi": "Jumlah aksi", "tenggat_terdekat":
                    "Tenggat terdekat"})),
                documents.Table("Seluruh aksi RTL", actions[[
                    "nama", "aksi", "opd", "tenggat", "indikator"]].rename(columns={
                        "nama": "Nama", "aksi": "Aksi", "opd": "OPD", "tenggat": "Tenggat",
                        "indikator": "Indikator keberhasilan"}))])


def item_analysis_section(inputs: Inputs) -> documents.Section:
    """Annex: facility, discrimination and flags per item, KR-20 per form."""
    title = "Lampiran. Analisis butir soal pre-test dan post-test"
    items = item_analysis.items(inputs.cells) if not inputs.cells.empty else pd.DataFrame()
    if items.empty:
        return documents.Section(title, ["Belum ada nilai pre-test atau post-test yang dinilai."])
    forms = item_analysis.forms(inputs.cells).assign(
        tes=lambda f: f["tes"].map(TEST_NAMES))
    items = items.assign(tes=items["tes"].map(TEST_NAMES))
    flagged = items[items["tanda"] != ""]
    return documents.Section(
        title,
        [("Fasilitas = bagian peserta yang menjawab benar. Daya beda = korelasi point-biserial "
          "antara butir dan skor sisa tes (skor total tanpa butir itu), seperti indeks "
          "diskriminasi statistik kuis Moodle: positif berarti peserta yang nilainya tinggi "
          "lebih sering benar. KR-20 = k/(k−1) · (1 − Σ p·q / σ²) mengukur konsistensi "
          "internal satu tes. Daya beda dan KR-20 tidak dihitung bila pesertanya kurang dari "
          f"{item_analysis.MIN_TAKERS}; dengan puluhan peserta pun angka ini kasar, jadi "
          "bacalah bersama isi soalnya."),
         (f"{len(flagged)} butir diberi tanda." if len(flagged) else
          "Tidak ada butir yang diberi tanda.")],
        tables=[documents.Table("Reliabilitas per tes", forms.rename(columns={
                    "tes": "Tes", "peserta": "Peserta", "soal": "Soal",
                    "rata_rata": "Rata-rata", "simpangan_baku": "Simpangan baku",
                    "kr20": "KR-20"}), {"Rata-rata": 1, "Simpangan baku": 1}),
                documents.Table("Fasilitas dan daya beda per butir", items.drop(
                    columns=["hari"]).rename(columns={
                        "tes": "Tes", "tujuan": "Tujuan", "uraian": "Uraian",
                        "peserta": "Peserta", "fasilitas": "Fasilitas",
                        "daya_beda": "Daya beda", "tanda": "Tanda"}))],
        points=[f"{r.tes} {r.tujuan}: {r.tanda}." for r in flagged.itertuples()])


def build(inputs: Inputs, threshold: float = attendance.DEFAULT_THRESHOLD,
          extra_notes: list[str] | None = None) -> documents.Document:
    """The whole report."""
    summary = attendance.summary(inputs.attendance, inputs.roster, inputs.sessions, threshold)
    total = attendance.total_jp(inputs.sessions)
    sections = [identity_section(inputs, total), schedule_section(inputs),
                attendance_section(summary, threshold), quiz_section(inputs),
                exercise_section(inputs), competency_section(inputs),
                evaluation_section(inputs), rtl_section(inputs),
                item_analysis_section(inputs)]
    notes = inputs.notes + (extra_notes or [])
    if notes:
        sections.append(documents.Section("Catatan data", points=notes))
    who = inputs.identity
    return documents.Document(
        "Laporan Penyelenggaraan Pelatihan", f"{who['judul']} — {who.dates}",
        f"Disusun oleh {who['penyelenggara']} untuk {who['instansi_pemesan']}. Angka dihitung "
        "oleh humaskit dari daftar hadir, nilai nbgrader, formulir evaluasi, dan berkas RTL "
        "kohort ini.", sections)
