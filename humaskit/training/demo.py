"""The demo cohort's organiser records, as a facilitator would keep them: the identity, an
attendance sheet with one participant exactly at the threshold and one below it, evaluation
answers from the form (one file damaged) and from paper, and the participants' RTL files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from humaskit import evaluation, rtl
from humaskit.training import attendance, identity, inputs, schedule

#: Participant -> sessions missed. 120 of 1 200 minutes (H2-siang) leaves exactly 90%.
ABSENT = {"dewi_kartika": ("H2-siang",), "yohanes_bere": ("H3-pagi", "H3-siang")}
IDENTITY = {
    "judul": identity.WORKSHOP,
    "penyelenggara": "Bagian Protokol dan Komunikasi Pimpinan Setda Kabupaten Muara Seruni",
    "instansi_pemesan": "Sekretariat Daerah Kabupaten Muara Seruni",
    "tempat": "Aula Kantor Bupati Muara Seruni",
    "tanggal_mulai": "2026-11-23", "tanggal_selesai": "2026-11-26",
    "kota_penerbitan": "Muara Seruni",
    "penandatangan_1_jabatan": "Sekretaris Daerah Kabupaten Muara Seruni",
    "penandatangan_1_nama": "Drs. Hendra Wijaya, M.Si.",
    "penandatangan_1_nip": "19700512 199503 1 002",
    "penandatangan_2_jabatan": "Ketua Penyelenggara",
    "penandatangan_2_nama": "Ratna Sari, S.Sos.",
    "penandatangan_2_nip": "19850305 201001 2 004",
    "nomor_awalan": "800/BIMTEK-HUMAS/XI/2026",
}
COMMENTS = ("Contoh data SKM sangat membantu.", "Jaringan lokal sempat lambat saat unggah.",
            "Waktu latihan pemetaan isu kurang panjang.", "")
PLANS = [
    ("Menerbitkan hasil SKM per triwulan di situs pemda", "Kasubbag Humas", "Setda",
     "2027-03-31", "4 terbitan setahun"),
    ("Menyusun peta isu bulanan untuk rapat pimpinan", "Analis Humas", "Diskominfo",
     "2027-01-31", "12 peta isu setahun"),
    ("Membentuk grup koordinasi humas lintas OPD", "Kabag Prokopim", "Setda", "2027-02-15",
     "grup aktif dengan 20 OPD"),
]


def write(out: Path, roster: dict) -> Path:
    """Write the demo records into ``out/penyelenggaraan/``."""
    records = inputs.folder(out)
    (records / "evaluasi").mkdir(parents=True, exist_ok=True)
    (records / "rtl").mkdir(exist_ok=True)
    pd.DataFrame({"butir": list(IDENTITY), "isi": list(IDENTITY.values())}).to_csv(
        records / identity.FILE, index=False, encoding="utf-8")
    rows = [{"id_peserta": pid, "nama": who.nama, "sesi": s.id,
             "hadir": attendance.NO if s.id in ABSENT.get(pid, ()) else attendance.YES}
            for s in schedule.sessions() for pid, who in roster.items()]
    pd.DataFrame(rows, columns=attendance.COLUMNS).to_csv(records / attendance.FILE,
                                                          index=False, encoding="utf-8")
    for n, pid in enumerate(roster):
        forms = {form: {**{e: 2 + (n + i + len(form)) % 3 for i, e in
                           enumerate(evaluation.ELEMENTS)},
                        "komentar": COMMENTS[(n + len(form)) % len(COMMENTS)]}
                 for form in evaluation.FORMS}
        (records / "evaluasi" / f"{pid}.json").write_text(
            json.dumps(forms, ensure_ascii=False), encoding="utf-8")
        if n < len(PLANS) * 2:
            table = rtl.empty()
            for plan in PLANS[: 1 + n % len(PLANS)]:
                table = rtl.add(table, *plan, today=pd.Timestamp("2026-11-26").date())
            table.to_csv(records / "rtl" / f"{pid}.csv", index=False, encoding="utf-8-sig")
    (records / "evaluasi" / "rusak.json").write_text("{\"hari1\": ", encoding="utf-8")
    paper = pd.DataFrame([["akhir", 4, 3, 2, 3, 4, "Lanjutkan untuk OPD lain."],
                          ["akhir", 3, 4, 3, 3, 4, ""],
                          ["hari2", 4, 4, 3, 2, 4, "Rubrik prioritas sangat jelas."]],
                         columns=evaluation.COLUMNS)
    paper.to_csv(records / evaluation.CSV_FILE, index=False, encoding="utf-8")
    return records
