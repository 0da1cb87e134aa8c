"""The *laporan penyelenggaraan*: the report a Bimtek hands to the commissioning office,
built from the cohort folder (:mod:`humaskit.training.inputs`) and written as DOCX (offices
edit it in Word), HTML and PDF, on A4 (or F4) with the organiser's letterhead, a table of
contents and page numbers.

Its structure is the one offices use: BAB I Pendahuluan, BAB II Pelaksanaan, BAB III Hasil,
BAB IV Penutup, the Lembar pengesahan and the Lampiran. Each part is built by its own
function below; what the organiser wrote (identity, legal basis, committee, teachers, photos)
comes from ``identitas.csv``, everything else from the cohort's records.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import altair as alt
import pandas as pd

from humaskit import documents, evaluation, satisfaction
from humaskit.exercises.quiz import bank
from humaskit.grading.report import step_chart
from humaskit.number_format import angka
from humaskit.training import attendance, curriculum, gain, item_analysis, schedule
from humaskit.training.identity import tanggal
from humaskit.training.inputs import Inputs, folder

HAKE_BANDS = ("Kategori g (Hake, 1998): tinggi bila g ≥ 0,7; sedang bila 0,3 ≤ g < 0,7; rendah "
              "bila g < 0,3. \"Turun\" berarti nilai post-test lebih rendah daripada pre-test, "
              "juga bila pre-testnya sudah maksimal (g tidak terdefinisi).")
TEST_NAMES = {"pre": "Pre-test", "post": "Post-test"}
#: Bands that call for improvement (PermenPANRB 14/2017: C Kurang Baik, D Tidak Baik).
WEAK = ("C", "D")
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
BACKGROUND = (
    ("Kabupaten hasil pemekaran menghadapi tuntutan publik yang sama dengan daerah induknya "
    "dengan organisasi, anggaran, dan sumber daya manusia kehumasan yang masih dibangun. "
    "Komunikasi pemerintah daerah perlu dikelola secara strategis: isu dipetakan dan "
    "diprioritaskan, pesan disusun berdasarkan data, kepuasan masyarakat diukur, dan "
    "kompetensi aparatur kehumasan dikembangkan secara terencana."),
    ("Pelatihan ini membekali aparatur perangkat daerah dengan praktik kehumasan strategis "
    "melalui latihan berbasis data di notebook Jupyter tanpa menulis kode, dengan contoh "
    "kasus daerah pemekaran."))


@dataclass
class Figures:
    """The figures the closing chapter draws its conclusions from (None where not known)."""

    summary: pd.DataFrame
    threshold: float
    people: pd.DataFrame | None = None
    objectives: pd.DataFrame | None = None
    cohort_gain: float | None = None
    cohort_kind: str = ""
    units: pd.DataFrame | None = None
    teachers: pd.DataFrame | None = None
    organisation: evaluation.Index | None = None


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
    ).properties(width=520, height=200, title="Pre-test dan post-test per tujuan pembelajaran")


def _date_of(inputs: Inputs, day: int) -> str:
    when = inputs.identity.start + dt.timedelta(days=day - 1)
    return f"{DAY_NAMES[when.weekday()]}, {tanggal(when)}"


def _section(title: str, *paragraphs: str, level: int = 2, **parts) -> documents.Section:
    return documents.Section(title, list(paragraphs), level=level, **parts)


def _indonesian_date(value: object) -> str:
    try:
        return tanggal(pd.Timestamp(value).date())
    except (ValueError, TypeError):
        return str(value)


# --- BAB I Pendahuluan ------------------------------------------------------------------

def preface_sections(inputs: Inputs) -> list[documents.Section]:
    who = inputs.identity
    offices = sorted({p.instansi for p in inputs.roster.values()})
    titles = curriculum.titles()
    goals = who.many("tujuan") or [f"Hari {day}, {titles.get(day, '')}: {text}"
                                   for day, text in curriculum.objectives().items()]
    targets = who.many("sasaran") or [
        (f"Terlatihnya {len(inputs.roster)} aparatur dari {len(offices)} instansi/unit kerja "
        "dalam kehumasan strategis."),
        "Tersusunnya rencana tindak lanjut (RTL) setiap peserta di unit kerjanya.",
        "Terukurnya peningkatan pemahaman peserta melalui pre-test dan post-test."]
    laws = who.many("dasar_hukum")
    return [
        documents.Section("BAB I PENDAHULUAN", new_page=True),
        _section("A. Latar Belakang", *(who.many("latar_belakang") or BACKGROUND)),
        _section("B. Dasar Hukum", *([] if laws else [("Dasar hukum belum diisi oleh "
                                                      "penyelenggara.")]),
                 points=laws, numbered=True),
        _section("C. Maksud dan Tujuan",
                 who["maksud"] or (f"Maksud penyelenggaraan {who['judul']} adalah "
                                   "meningkatkan kompetensi kehumasan strategis aparatur "
                                   f"{who['instansi_pemesan']}."),
                 "Tujuannya, setelah pelatihan:", points=goals, numbered=True),
        _section("D. Sasaran dan Hasil yang Diharapkan", points=targets, numbered=True),
    ]


# --- BAB II Pelaksanaan -----------------------------------------------------------------

def _taught(inputs: Inputs) -> dict[str, list[str]]:
    """Teacher's name -> the sessions they taught (from ``identitas.csv``)."""
    return {t["nama"]: t["sesi"] for t in inputs.identity.many("pengajar")}


def _activity(what: str) -> str:
    """A schedule row as the report names it: no Markdown, no folder or guide references
    (``(`exercises/release/pre_test`)``, ``(bagian 2.5)``), and a notebook's file name at
    the start read as the introduction to the notebooks."""
    text = re.sub(r"\s*\([^)]*(`|bagian \d)[^)]*\)", "", what)
    text = re.sub(r"^`[^`]+`:", "Pengenalan notebook:", text)
    return re.sub(r"[*`]", "", text)


def implementation_sections(inputs: Inputs, summary: pd.DataFrame,
                            threshold: float) -> list[documents.Section]:
    who = inputs.identity
    jp = curriculum.allocate(inputs.sessions)
    modules = curriculum.modules(inputs.sessions)
    total = sum(jp.values())
    teachers = inputs.identity.many("pengajar")
    by_session = {s.id: [t["nama"] for t in teachers if s.id in t["sesi"]]
                  for s in inputs.sessions}
    people = pd.DataFrame([vars(p) for p in inputs.roster.values()])
    by_office = people.groupby("instansi", sort=True).size().reset_index(name="jumlah")
    by_post = people.groupby("jabatan", sort=True).size().reset_index(name="jumlah")
    committee = pd.DataFrame([{"No": n, "Jabatan dalam panitia": c["peran"], "Nama": c["nama"],
                               "NIP": c["nip"] or "–"}
                              for n, c in enumerate(who.many("panitia"), start=1)])
    teacher_rows = pd.DataFrame([{
        "No": n, "Nama": t["nama"], "Peran": t["peran"], "Jabatan dan instansi": t["jabatan"],
        "Sesi yang diampu": ", ".join(t["sesi"]),
        "JP": sum(jp[s] for s in t["sesi"])} for n, t in enumerate(teachers, start=1)])
    course = pd.DataFrame([{
        "No": n, "Mata pelatihan": f"Hari {m.day}: {m.title}", "JP": m.jp,
        "Pengajar": "; ".join(dict.fromkeys(x for s in m.sessions for x in by_session[s]))
        or "–", "Metode": ", ".join(m.methods)} for n, m in enumerate(modules, start=1)]
        + [{"No": "", "Mata pelatihan": "Jumlah", "JP": total, "Pengajar": "", "Metode": ""}])
    sessions = pd.DataFrame([{
        "Sesi": f"{s.id}\n{_date_of(inputs, s.day)}\n{s.clock}",
        "Kegiatan": "; ".join(_activity(r.what) for r in s.rows if r.counted),
        "Menit": s.minutes, "JP": jp[s.id], "Pengajar": "; ".join(by_session[s.id]) or "–"}
        for s in inputs.sessions])
    met = int(summary["memenuhi"].sum())
    presence = pd.DataFrame({
        "No": range(1, len(summary) + 1), "Nama": summary["nama"],
        "Sesi hadir": [f"{a} dari {b}" for a, b in zip(summary["sesi_hadir"],
                                                       summary["sesi_total"])],
        "JP diikuti": summary["jp"], "Kehadiran (%)": summary["persen_kehadiran"],
        "Sertifikat": ["ya" if m else f"tidak: {r}" for m, r in zip(summary["memenuhi"],
                                                                     summary["alasan"])]})
    return [
        documents.Section("BAB II PELAKSANAAN", new_page=True),
        _section("A. Waktu dan Tempat",
                 f"Pelatihan dilaksanakan pada {who.dates} di {who['tempat']}, diselenggarakan "
                 f"oleh {who['penyelenggara']} untuk {who['instansi_pemesan']}, dengan beban "
                 f"belajar {total} JP (1 JP = {schedule.JP_MINUTES} menit)."),
        _section("B. Peserta",
                 f"Peserta berjumlah {len(people)} orang dari {len(by_office)} instansi/unit "
                 "kerja. Daftar lengkapnya ada di Lampiran 2.",
                 tables=[documents.Table("Peserta menurut instansi", by_office.rename(
                     columns={"instansi": "Instansi", "jumlah": "Jumlah peserta"})),
                         documents.Table("Peserta menurut jabatan", by_post.rename(
                             columns={"jabatan": "Jabatan", "jumlah": "Jumlah peserta"}))]),
        _section("C. Panitia Penyelenggara",
                 *([] if not committee.empty else [("Susunan panitia belum diisi oleh "
                                                   "penyelenggara.")]),
                 tables=[documents.Table("Susunan panitia", committee)]
                 if not committee.empty else []),
        _section("D. Fasilitator dan Narasumber",
                 *([] if teachers else [("Fasilitator dan narasumber belum diisi oleh "
                                        "penyelenggara.")]),
                 tables=[documents.Table("Fasilitator dan narasumber beserta sesi yang "
                                         "diampu", teacher_rows)] if teachers else []),
        _section("E. Kurikulum",
                 f"JP setiap sesi adalah menit pelajarannya dibagi {schedule.JP_MINUTES}, "
                 "dibulatkan dengan metode sisa terbesar sehingga jumlahnya sama dengan JP "
                 "program: setiap sesi mendapat bagian bulat JP-nya, dan sisa JP diberikan "
                 "kepada sesi dengan pecahan terbesar. Istirahat, registrasi, dan praktik "
                 "opsional tidak dihitung.",
                 tables=[documents.Table("Kurikulum: mata pelatihan, JP, pengajar, dan metode",
                                         course),
                         documents.Table("Jadwal per sesi", sessions)]),
        _section("F. Kehadiran",
                 f"Sertifikat diberikan kepada peserta yang hadir paling sedikit "
                 f"{angka(threshold, 0)}% dari seluruh jam pelajaran: {met} dari {len(summary)} "
                 "peserta memenuhi. Daftar hadir per sesi ada di Lampiran 1.",
                 tables=[documents.Table("Rekapitulasi kehadiran", presence,
                                         {"Kehadiran (%)": 1})]),
    ]


# --- BAB III Hasil ----------------------------------------------------------------------

def quiz_section(inputs: Inputs, figures: Figures) -> documents.Section:
    title = "A. Pre-test dan Post-test"
    people = gain.by_participant(inputs.cells, inputs.roster) if not inputs.cells.empty else None
    if people is None or people[["pre", "post"]].isna().all().all():
        return _section(title, "Belum ada nilai pre-test atau post-test yang dinilai.")
    objectives = gain.by_objective(inputs.cells)
    shown = objectives.assign(pre=objectives["pre"] * 100, post=objectives["post"] * 100)
    both = people.dropna(subset=["pre", "post"])
    maximum, mean_pre, mean_post = (float(len(bank.items("pre"))), both["pre"].mean(),
                                    both["post"].mean())
    cohort_g = gain.normalised_gain(mean_pre, mean_post, maximum) if not both.empty else None
    kind = gain.category(mean_pre, mean_post, maximum) if not both.empty else ""
    figures.people, figures.objectives = people, objectives
    figures.cohort_gain, figures.cohort_kind = cohort_g, kind
    text = [
        ("Gain ternormalisasi g = (post − pre) / (maksimum − pre) (Hake, 1998): bagian dari yang "
         "belum dikuasai saat pre-test yang dikuasai saat post-test. g tidak dihitung bagi "
         "peserta yang nilai pre-testnya sudah maksimal atau yang belum mengikuti salah satu "
         "tes."),
        f"{len(both)} peserta mengikuti kedua tes. Rata-rata pre-test "
        f"{angka(mean_pre, 1)}, post-test {angka(mean_post, 1)} dari "
        f"{len(bank.items('pre'))}; g kohort = "
        f"{angka(cohort_g) if cohort_g is not None else '–'}"
        f"{f' ({kind})' if kind else ''}." if not both.empty else
        "Belum ada peserta yang mengikuti kedua tes.",
        HAKE_BANDS]
    return _section(
        title, *text,
        tables=[
            documents.Table("Capaian per tujuan pembelajaran", shown.rename(columns={
                "tujuan": "Tujuan", "hari": "Hari", "uraian": "Uraian", "peserta": "Peserta",
                "pre": "Pre (%)", "post": "Post (%)", "gain": "Gain",
                "kategori": "Kategori"}), {"Pre (%)": 0, "Post (%)": 0}),
            documents.Table("Pre-test dan post-test per peserta", people.drop(
                columns=["id", "maksimum"]).rename(columns={
                    "nama": "Nama", "pre": "Pre", "post": "Post", "gain": "Gain",
                    "kategori": "Kategori", "keterangan": "Keterangan"}),
                {"Pre": 0, "Post": 0})],
        charts=[documents.Chart("Persentase jawaban benar per tujuan pembelajaran, pre-test "
                                "dan post-test.", gain_chart(objectives))])


def exercise_section(inputs: Inputs) -> documents.Section:
    title = "B. Nilai Latihan per Langkah"
    cells = inputs.cells
    work = cells[~cells["latihan"].isin(bank.FORMS.values())] if not cells.empty else cells
    if work.empty:
        return _section(title, "Belum ada latihan dinilai.")
    work = work.assign(latihan=work["latihan"].str.replace("_", " ").str.capitalize())
    steps = work.assign(manual=work["perlu_dinilai_manual"].astype(str) == "True").groupby(
        ["latihan", "langkah"], sort=False, as_index=False).agg(
        peserta=("id", "nunique"), nilai=("nilai", "sum"), nilai_maks=("nilai_maks", "sum"),
        manual=("manual", "sum"))
    steps["capaian"] = 100 * steps["nilai"] / steps["nilai_maks"]
    table = steps[["latihan", "langkah", "peserta", "capaian", "manual"]].rename(columns={
        "latihan": "Latihan", "langkah": "Langkah", "peserta": "Peserta",
        "capaian": "Capaian rata-rata (%)", "manual": "Belum dinilai manual"})
    tables = [documents.Table("Capaian latihan per langkah", table, {"Capaian rata-rata (%)": 1})]
    said = inputs.comments
    if not said.empty:
        names = {pid: who.nama for pid, who in inputs.roster.items()}
        tables.append(documents.Table("Komentar pelatih pada penilaian manual", pd.DataFrame({
            "Nama": said["id"].map(names).fillna(said["id"]),
            "Latihan": said["latihan"].str.replace("_", " ").str.capitalize(),
            "Langkah": said["langkah"], "Komentar": said["komentar"]})))
    return _section(
        title, ("Capaian = jumlah nilai semua peserta dibagi jumlah nilai maksimumnya, per "
                "langkah (nilai dari penilaian otomatis nbgrader dan nilai manual pelatih)."),
        tables=tables,
        charts=[documents.Chart("Capaian rata-rata per langkah latihan.", step_chart(work))])


def competency_section(inputs: Inputs, figures: Figures) -> documents.Section:
    title = "C. Asesmen Mandiri dan Rekomendasi Asesor"
    claims, recs = inputs.claims, inputs.recommendations
    if claims.empty:
        return _section(title, "Belum ada asesmen mandiri yang dinilai.")
    units = claims.groupby(["kode_unit", "judul_unit"], as_index=False).agg(
        peserta=("id", "nunique"), klaim_K=("klaim_unit", lambda s: int((s == "K").sum())))
    units["klaim_BK"] = units["peserta"] - units["klaim_K"]
    figures.units = units
    tables = [documents.Table("Klaim unit kompetensi (FR.APL.02)", units.rename(columns={
        "kode_unit": "Kode unit", "judul_unit": "Judul unit", "peserta": "Peserta",
        "klaim_K": "Klaim K", "klaim_BK": "Klaim BK"}))]
    if not recs.empty:
        names = {pid: who.nama for pid, who in inputs.roster.items()}
        tables.append(documents.Table("Rekomendasi asesor", pd.DataFrame({
            "Nama": recs["id"].map(names).fillna(recs["id"]),
            "Rekomendasi": recs["rekomendasi"], "Komentar": recs["komentar"].fillna(""),
            "Asesor": recs["asesor"].fillna("")})))
    return _section(
        title, ("K/BK adalah klaim peserta sendiri pada FR.APL.02, bukan keputusan kompeten. "
                "Rekomendasi \"asesmen dapat dilanjutkan\" adalah keputusan asesor setelah "
                "memeriksa bukti (Valid, Asli, Terkini, Memadai)."), tables=tables)


def _comments(answers: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The comments shown (forms filled in by enough participants) and, when some are
    withheld, a sentence saying which and why."""
    said, withheld = evaluation.shown_comments(answers)
    shown = [f"{r.formulir}: {r.komentar}" + (f" ({r.jumlah} peserta)" if r.jumlah > 1 else "")
             for r in said.itertuples()]
    why = [("Komentar formulir " + ", ".join(f"{form} ({n} pengisi)"
                                            for form, n in withheld.items())
            + f" tidak ditampilkan: komentar hanya dimuat bila sedikitnya "
            f"{evaluation.MIN_FOR_COMMENTS} peserta mengisi formulir itu, agar komentar tidak "
            "dapat ditelusuri ke penulisnya.")] if withheld else []
    return shown, why


def teacher_evaluation_section(inputs: Inputs, figures: Figures) -> documents.Section:
    title = "D. Evaluasi Fasilitator dan Narasumber"
    rated = evaluation.teachers(inputs.evaluations)
    if rated.empty:
        return _section(title, "Belum ada jawaban evaluasi pengajar yang terkumpul.")
    taught = _taught(inputs)
    sessions = evaluation.by_session(rated)
    names = {s: "; ".join(n for n, mine in taught.items() if s in mine) or "–"
             for s in sessions["sesi"]}
    ranked = sessions.assign(peringkat=range(1, len(sessions) + 1),
                             pengajar=sessions["sesi"].map(names))
    figures.teachers = evaluation.by_teacher(rated, taught)
    aspects = evaluation.index(rated, evaluation.TEACHER)
    shared = [s for s in sessions["sesi"] if sum(s in mine for mine in taught.values()) > 1]
    said, withheld = _comments(rated)
    columns = {"pengajar": "Pengajar", "sesi": "Sesi", "responden": "Penilaian",
               "indeks": "Indeks", "mutu": "Mutu", "kinerja": "Kinerja",
               "peringkat": "Peringkat"}
    tables = [documents.Table("Indeks setiap fasilitator dan narasumber",
                              figures.teachers.rename(columns=columns))] if taught else []
    tables += [
        documents.Table("Peringkat sesi menurut indeks pengajar", ranked[[
            "peringkat", "sesi", "pengajar", "responden", "indeks", "mutu",
            "kinerja"]].rename(columns=columns)),
        documents.Table("Rata-rata per aspek (semua pengajar)", aspects.elements[[
            "pernyataan", "rata_rata", "nilai_konversi"]].rename(columns={
                "pernyataan": "Aspek", "rata_rata": "Rata-rata (1–4)",
                "nilai_konversi": "× 25"}))]
    return _section(
        title, evaluation.LABEL,
        ("Setiap peserta menilai pengajar setiap sesi pada tujuh aspek: "
         + ", ".join(v.lower() for v in evaluation.TEACHER.values()) + ". Indeks pengajar "
         "dihitung dari semua penilaian atas sesi yang diampunya."),
        *([(f"Sesi {', '.join(shared)} diampu bersama; penilaiannya berlaku untuk setiap "
            "pengajar sesi itu.")] if shared else []),
        *([] if taught else [("Pengajar setiap sesi belum diisi oleh penyelenggara, sehingga "
                              "indeks per pengajar belum dapat dihitung; peringkat per sesi "
                              "ada di bawah.")]),
        *withheld,
        *(["Komentar dan saran peserta (tanpa nama) pada formulir harian:"] if said else []),
        tables=tables, points=said)


def organisation_evaluation_section(inputs: Inputs, figures: Figures) -> documents.Section:
    title = "E. Evaluasi Penyelenggaraan"
    answers = evaluation.organisation(inputs.evaluations)
    if not inputs.identity.meals:
        answers = answers.assign(**{evaluation.MEALS: float("nan")})
    if answers.empty:
        return _section(title, "Belum ada jawaban evaluasi penyelenggaraan yang terkumpul.")
    result = evaluation.index(answers, evaluation.ORGANISATION)
    figures.organisation = result
    said, withheld = _comments(answers)
    elements = result.elements[["pernyataan", "rata_rata", "nilai_konversi"]].rename(columns={
        "pernyataan": "Unsur", "rata_rata": "Rata-rata (1–4)", "nilai_konversi": "× 25"})
    return _section(
        title, evaluation.LABEL,
        (f"Indeks penyelenggaraan ({result.responses} formulir) = {angka(result.value)} → mutu "
         f"{result.mutu} ({result.kinerja})."
         + ("" if evaluation.MEALS in set(result.elements["unsur"]) else
            " Konsumsi tidak dinilai (tidak disediakan).")),
        *withheld, *(["Komentar dan saran peserta (tanpa nama):"] if said else []),
        tables=[documents.Table("Evaluasi penyelenggaraan per unsur", elements,
                                {"Rata-rata (1–4)": 2})],
        charts=[documents.Chart("Rata-rata evaluasi penyelenggaraan per unsur.",
                                evaluation.chart(result, "Evaluasi penyelenggaraan"))],
        points=said)


def rtl_section(inputs: Inputs) -> documents.Section:
    title = "F. Rencana Tindak Lanjut (RTL) Peserta"
    if not inputs.rtl:
        return _section(title, "Belum ada berkas RTL peserta yang terkumpul.")
    names = {pid: who.nama for pid, who in inputs.roster.items()}
    actions = pd.concat([t.assign(nama=names[pid]) for pid, t in inputs.rtl.items()],
                        ignore_index=True)
    actions["tanggal"] = pd.to_datetime(actions["tenggat"], errors="coerce")
    per_person = actions.groupby("nama", as_index=False).agg(
        aksi=("aksi", "count"), tenggat_terdekat=("tanggal", "min"))
    per_person["tenggat_terdekat"] = per_person["tenggat_terdekat"].map(_indonesian_date)
    actions["tenggat"] = actions["tenggat"].map(_indonesian_date)
    return _section(
        title, (f"{len(inputs.rtl)} dari {len(inputs.roster)} peserta menyerahkan RTL, "
                f"berisi {len(actions)} aksi."),
        tables=[documents.Table("RTL per peserta", per_person.rename(columns={
                    "nama": "Nama", "aksi": "Jumlah aksi", "tenggat_terdekat":
                    "Tenggat terdekat"})),
                documents.Table("Seluruh aksi RTL", actions[[
                    "nama", "aksi", "opd", "tenggat", "indikator"]].rename(columns={
                        "nama": "Nama", "aksi": "Aksi", "opd": "OPD", "tenggat": "Tenggat",
                        "indikator": "Indikator keberhasilan"}))])


def results_sections(inputs: Inputs, figures: Figures) -> list[documents.Section]:
    return [documents.Section("BAB III HASIL PELATIHAN", new_page=True),
            quiz_section(inputs, figures), exercise_section(inputs),
            competency_section(inputs, figures), teacher_evaluation_section(inputs, figures),
            organisation_evaluation_section(inputs, figures), rtl_section(inputs)]


# --- BAB IV Penutup ---------------------------------------------------------------------

def conclusions(inputs: Inputs, figures: Figures) -> tuple[list[str], list[str]]:
    """Conclusions and recommendations drawn from the figures (the organiser edits them in
    the DOCX, or adds lines with ``kesimpulan``/``rekomendasi`` in ``identitas.csv``)."""
    summary = figures.summary
    met = int(summary["memenuhi"].sum())
    found = [(f"Pelatihan diikuti {len(summary)} peserta; {met} peserta memenuhi ambang "
             f"kehadiran {angka(figures.threshold, 0)}% dan memperoleh sertifikat.")]
    advice = []
    if figures.cohort_gain is not None:
        found.append(f"Gain ternormalisasi kohort pada pre-test dan post-test "
                     f"{angka(figures.cohort_gain)} (kategori {figures.cohort_kind})"
                     + (": nilai rata-rata peserta turun." if figures.cohort_gain < 0 else "."))
    if figures.objectives is not None and figures.objectives["post"].notna().any():
        weakest = figures.objectives.sort_values("post", kind="stable").iloc[0]
        found.append(f"Tujuan pembelajaran dengan capaian post-test terendah adalah "
                     f"{weakest['tujuan']} ({weakest['uraian']}), {angka(weakest['post'] * 100, 0)}%"
                     " jawaban benar.")
        advice.append(f"Perkuat materi {weakest['tujuan']} ({weakest['uraian']}) pada angkatan "
                      "berikutnya, misalnya dengan tambahan latihan atau waktu diskusi.")
    if figures.units is not None and figures.units["klaim_BK"].max() > 0:
        unit = figures.units.sort_values("klaim_BK", ascending=False, kind="stable").iloc[0]
        found.append(f"Unit kompetensi yang paling banyak diklaim belum kompeten (BK) adalah "
                     f"{unit['kode_unit']} {unit['judul_unit']} ({unit['klaim_BK']} peserta).")
        advice.append(f"Sediakan pendampingan atau pelatihan lanjutan untuk unit "
                      f"{unit['kode_unit']} sebelum peserta mengikuti uji kompetensi.")
    rated = figures.teachers.dropna(subset=["indeks"]) if figures.teachers is not None else None
    if rated is not None and not rated.empty:
        low = rated.iloc[-1]
        found.append(f"Indeks pengajar berkisar {angka(rated['indeks'].min())}–"
                     f"{angka(rated['indeks'].max())}; terendah {low['pengajar']} "
                     f"({angka(low['indeks'])}, mutu {low['mutu']}).")
        weak = rated[rated["mutu"].isin(WEAK)]
        advice.append(
            f"Tinjau bersama {'; '.join(weak['pengajar'])} metode, media, dan pengelolaan "
            f"waktu sesinya berdasarkan penilaian dan komentar peserta (mutu "
            f"{', '.join(sorted(set(weak['mutu'])))})." if not weak.empty else
            "Pertahankan susunan pengajar: semua pengajar bermutu A atau B.")
    if figures.organisation is not None:
        result = figures.organisation
        weakest = result.elements.sort_values("rata_rata", kind="stable").iloc[0]
        found.append(f"Indeks penyelenggaraan {angka(result.value)} (mutu {result.mutu}, "
                     f"{result.kinerja}); unsur terendah: {weakest['pernyataan'].lower()}.")
        weak = [e.pernyataan.lower() for e in result.elements.itertuples()
                if satisfaction.grade_band(e.nilai_konversi)[0] in WEAK]
        if weak:
            advice.append(f"Perbaiki pada penyelenggaraan berikutnya: {'; '.join(weak)}.")
    if inputs.rtl:
        deadlines = pd.concat([t["tenggat"] for t in inputs.rtl.values()])
        first = pd.to_datetime(deadlines, errors="coerce").min()
        if pd.notna(first):
            advice.append(f"Pantau pelaksanaan RTL peserta; tenggat terdekat "
                          f"{tanggal(first.date())}.")
    return (found + inputs.identity.many("kesimpulan"),
            advice + inputs.identity.many("rekomendasi"))


def closing_sections(inputs: Inputs, figures: Figures) -> list[documents.Section]:
    found, advice = conclusions(inputs, figures)
    return [documents.Section("BAB IV PENUTUP", new_page=True),
            _section("A. Kesimpulan", points=found, numbered=True),
            _section("B. Rekomendasi", points=advice, numbered=True),
            _section("C. Penutup", "Demikian laporan ini disusun sebagai "
                     "pertanggungjawaban penyelenggaraan pelatihan dan bahan perbaikan "
                     "pelatihan berikutnya.")]


# --- Lembar pengesahan ------------------------------------------------------------------

def approval_section(inputs: Inputs) -> documents.Section:
    who = inputs.identity
    signed = who.signatories()
    place = f"{who['kota_penerbitan']}, {tanggal(who.end)}"
    blocks = []
    for n, (role, name, nip) in enumerate(reversed(signed)):
        above = ("Disusun oleh," if len(signed) > 1 and n == 0 else
                 "Mengetahui/Menyetujui," if len(signed) > 1 else place)
        blocks.append(documents.Signature(role, name, nip, above))
    if len(signed) > 1:
        blocks[0].above = f"{place}\nDisusun oleh,"
    return documents.Section(
        "LEMBAR PENGESAHAN",
        [f"Laporan Penyelenggaraan {who['judul']}, {who.dates}, {who['tempat']}."],
        new_page=True, signatures=blocks)


# --- Lampiran ---------------------------------------------------------------------------

def attendance_sheets(roster: dict, sessions: list[schedule.Session], start: dt.date,
                      marks: dict | None = None) -> list[documents.Table]:
    """One *daftar hadir* per session, to sign: blank before the day, or with the ``hadir``
    column filled from the attendance records (``marks``: (id, session) -> bool) after."""
    tables = []
    for s in sessions:
        when = start + dt.timedelta(days=s.day - 1)
        rows = pd.DataFrame([{
            "No": n, "Nama": p.nama, "Instansi": p.instansi,
            **({"Hadir": "ya" if marks.get((pid, s.id)) else "tidak"} if marks is not None
               else {}),
            "Tanda tangan": ""} for n, (pid, p) in enumerate(roster.items(), start=1)])
        tables.append(documents.Table(f"Daftar hadir sesi {s.id}: {DAY_NAMES[when.weekday()]}, "
                                      f"{tanggal(when)}, {s.clock}", rows, row_height=10))
    return tables


def appendix_sections(inputs: Inputs, register: pd.DataFrame) -> list[documents.Section]:
    sections = [documents.Section("LAMPIRAN", new_page=True)]
    marks = inputs.attendance.set_index(["id_peserta", "sesi"])["hadir"].to_dict()
    sheets = attendance_sheets(inputs.roster, inputs.sessions, inputs.identity.start, marks)
    sections.append(_section("Lampiran 1. Daftar Hadir per Sesi",
                             "Kolom hadir diisi dari daftar hadir yang dicatat fasilitator; "
                             "peserta menandatangani di kolom tanda tangan.", tables=sheets))
    people = pd.DataFrame([{"No": n, "Nama": p.nama, "NIP": p.nip or "–",
                            "Pangkat/golongan": p.pangkat_golongan or "–",
                            "Jabatan": p.jabatan, "Instansi": p.instansi}
                           for n, p in enumerate(inputs.roster.values(), start=1)])
    sections.append(_section("Lampiran 2. Daftar Peserta",
                             tables=[documents.Table("Daftar peserta", people)]))
    records = folder(inputs.out)
    images, missing = [], []
    for photo in inputs.identity.many("foto"):
        path = (records / photo["berkas"]).resolve()
        inside = path.is_relative_to(records.resolve())
        if inside and path.is_file() and path.suffix.lower() in (".png", ".jpg", ".jpeg"):
            images.append(documents.Image(path, photo["keterangan"] or photo["berkas"]))
        else:
            missing.append(photo["berkas"])
    sections.append(_section(
        "Lampiran 3. Dokumentasi",
        *([] if images or missing else ["Belum ada foto dokumentasi yang dicantumkan."]),
        *([(f"Foto yang tidak ditemukan atau bukan PNG/JPEG di folder catatan penyelenggara: "
           f"{', '.join(missing)}.")] if missing else []), images=images))
    certificates = pd.DataFrame({"No": range(1, len(register) + 1),
                                 "Nomor sertifikat": register["nomor"],
                                 "Nama": register["nama"],
                                 "NIP": register["nip"].replace("", "–"),
                                 "JP": register["jp"].astype(int)})
    sections.append(_section(
        "Lampiran 4. Daftar Sertifikat",
        *([] if not register.empty else ["Belum ada sertifikat yang diterbitkan."]),
        tables=[documents.Table("Sertifikat yang diterbitkan", certificates)]
        if not register.empty else []))
    return sections


def item_analysis_section(inputs: Inputs) -> documents.Section:
    """Annex: facility, discrimination and flags per item, KR-20 per form."""
    title = "Lampiran 5. Analisis Butir Soal Pre-test dan Post-test"
    items = item_analysis.items(inputs.cells) if not inputs.cells.empty else pd.DataFrame()
    if items.empty:
        return _section(title, "Belum ada nilai pre-test atau post-test yang dinilai.")
    forms = item_analysis.forms(inputs.cells).assign(
        tes=lambda f: f["tes"].map(TEST_NAMES))
    items = items.assign(tes=items["tes"].map(TEST_NAMES))
    flagged = items[items["tanda"] != ""]
    return _section(
        title,
        ("Fasilitas = bagian peserta yang menjawab benar. Daya beda = korelasi point-biserial "
         "antara butir dan skor sisa tes (skor total tanpa butir itu), seperti indeks "
         "diskriminasi statistik kuis Moodle: positif berarti peserta yang nilainya tinggi "
         "lebih sering benar. KR-20 = k/(k−1) · (1 − Σ p·q / σ²) mengukur konsistensi "
         "internal satu tes. Daya beda dan KR-20 tidak dihitung bila pesertanya kurang dari "
         f"{item_analysis.MIN_TAKERS}; dengan puluhan peserta pun angka ini kasar, jadi "
         "bacalah bersama isi soalnya."),
        (f"{len(flagged)} butir diberi tanda." if len(flagged) else
         "Tidak ada butir yang diberi tanda."),
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
          register: pd.DataFrame | None = None, paper: str = "A4",
          extra_notes: list[str] | None = None) -> documents.Document:
    """The whole report; ``register``: the certificates issued (Lampiran 4)."""
    summary = attendance.summary(inputs.attendance, inputs.roster, inputs.sessions, threshold)
    figures = Figures(summary, threshold)
    sections = (preface_sections(inputs) + implementation_sections(inputs, summary, threshold)
                + results_sections(inputs, figures) + closing_sections(inputs, figures)
                + [approval_section(inputs)]
                + appendix_sections(inputs, register if register is not None
                                    else pd.DataFrame(columns=["nomor", "nama", "nip", "jp"]))
                + [item_analysis_section(inputs)])
    notes = inputs.notes + (extra_notes or [])
    if notes:
        sections.append(documents.Section("Catatan data", points=notes, level=2))
    who = inputs.identity
    return documents.Document(
        "LAPORAN PENYELENGGARAAN PELATIHAN", f"{who['judul']} — {who.dates}",
        f"Disusun oleh {who['penyelenggara']} untuk {who['instansi_pemesan']}. Angka dihitung "
        "oleh humaskit dari daftar hadir, nilai nbgrader, formulir evaluasi, dan berkas RTL "
        "kohort ini.", sections, letterhead=who.many("kop"), paper=paper)
