"""The demo cohort's organiser records, as a facilitator would keep them: the identity (with
letterhead, legal basis, committee, teachers and a documentation photo), an attendance sheet
with one participant exactly at the threshold and one below it, evaluation answers from the
form (one file damaged) and from paper, and the participants' RTL files."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pandas as pd

from humaskit import evaluation, rtl
from humaskit.evaluation import collect
from humaskit.training import attendance, identity, inputs, schedule

#: Participant -> sessions missed: Dewi's 90 of 1 240 minutes (H3-siang) leaves 92,7%, above
#: the certificate threshold; Yohanes misses a whole day's afternoon and morning, below it.
ABSENT = {"dewi_kartika": ("H3-siang",), "yohanes_bere": ("H3-pagi", "H3-siang")}
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
    "nomor_format": "{urut:03d}/{awalan}",
    "konsumsi": "ya",
}
#: Items written on several rows, in order.
LISTS = [
    ("kop", "PEMERINTAH KABUPATEN MUARA SERUNI"),
    ("kop", "SEKRETARIAT DAERAH"),
    ("kop", "Jalan Poros Kabupaten Nomor 1, Muara Seruni"),
    ("dasar_hukum", "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik"),
    ("dasar_hukum", ("Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2011 tentang Pedoman "
                    "Pelaksanaan Kegiatan Kehumasan di Lingkungan Kementerian Dalam Negeri dan "
                    "Pemerintah Daerah")),
    ("dasar_hukum", ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi "
                    "Nomor 30 Tahun 2011 tentang Pedoman Umum Tata Kelola Kehumasan di "
                    "Lingkungan Instansi Pemerintah")),
    ("dasar_hukum", ("Instruksi Presiden Nomor 9 Tahun 2015 tentang Pengelolaan Komunikasi "
                    "Publik")),
    ("panitia", "Penanggung jawab | Drs. Hendra Wijaya, M.Si. | 19700512 199503 1 002"),
    ("panitia", "Ketua | Ratna Sari, S.Sos. | 19850305 201001 2 004"),
    ("panitia", "Sekretaris | Yulius Making, S.IP. | 19880719 201101 1 005"),
    ("panitia", "Anggota | Maria Goreti Bria, A.Md. | 19930101 201903 2 010"),
    ("pengajar", ("Dr. Andi Pratama, M.I.Kom. | narasumber | H1-pagi | Dosen Ilmu "
                 "Komunikasi, Universitas Contoh")),
    ("pengajar", ("Sri Wahyuni, S.Sos., M.Si. | fasilitator | H2-pagi H2-siang | Pranata Humas "
                 "Ahli Madya, Diskominfo Provinsi Contoh | 19780923 200312 2 005")),
    ("pengajar", ("Bambang Setiawan, S.Kom. | fasilitator | H3-pagi H3-siang H4-siang | "
                 "Pranata Komputer Ahli Muda, Diskominfo Kabupaten Muara Seruni | "
                 "19860215 201001 1 008")),
    ("pengajar", "Drs. Yosef Nahak, M.Si. | narasumber | H4-pagi | Asesor Kompetensi"),
    ("foto", ("dokumentasi/pembukaan.png | Pembukaan pelatihan oleh Sekretaris Daerah (gambar "
             "contoh)")),
]
#: Each teacher's sessions are rated around a level of their own (the demo's spread).
LEVEL = {"H1-pagi": 4, "H2-pagi": 3, "H2-siang": 3, "H3-pagi": 3, "H3-siang": 2,
         "H4-siang": 3, "H4-pagi": 4}
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


def picture(path: Path, width: int = 480, height: int = 270) -> Path:
    """A plain PNG standing in for a documentation photo (a soft gradient)."""
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in
                                    (40 + x * 120 // width, 90 + y * 100 // height, 140))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def _answers(n: int) -> dict:
    """Participant ``n``'s evaluation forms: every day's teachers, then the organisation."""
    forms = {}
    for day in (1, 2, 3, 4):
        blocks = {s.id: {e: max(1, min(4, LEVEL[s.id] - (n + i) % 3 // 2 + (n + i) % 4 // 3))
                         for i, e in enumerate(evaluation.TEACHER)}
                  for s in schedule.sessions() if s.day == day}
        forms[evaluation.day_form(day)] = {**blocks, "komentar": COMMENTS[(n + day) % 4]}
    forms[evaluation.FINAL] = {**{e: 2 + (n + i) % 3 for i, e in
                                  enumerate(evaluation.ORGANISATION)},
                               "komentar": COMMENTS[n % len(COMMENTS)]}
    return forms


def write(out: Path, roster: dict) -> Path:
    """Write the demo records into ``out/penyelenggaraan/``."""
    records = inputs.folder(out)
    (records / "evaluasi").mkdir(parents=True, exist_ok=True)
    (records / "rtl").mkdir(exist_ok=True)
    rows = list(IDENTITY.items()) + LISTS
    pd.DataFrame(rows, columns=["butir", "isi"]).to_csv(records / identity.FILE, index=False,
                                                        encoding="utf-8")
    picture(records / "dokumentasi" / "pembukaan.png")
    rows = [{"id_peserta": pid, "nama": who.nama, "sesi": s.id,
             "hadir": attendance.NO if s.id in ABSENT.get(pid, ()) else attendance.YES}
            for s in schedule.sessions() for pid, who in roster.items()]
    pd.DataFrame(rows, columns=attendance.COLUMNS).to_csv(records / attendance.FILE,
                                                          index=False, encoding="utf-8")
    collect.store([_answers(n) for n in range(len(roster))], records / "evaluasi",
                  collect.FILES)
    for n, pid in enumerate(roster):
        if n < len(PLANS) * 2:
            table = rtl.empty()
            for plan in PLANS[: 1 + n % len(PLANS)]:
                table = rtl.add(table, *plan, today=pd.Timestamp("2026-11-26").date())
            table.to_csv(records / "rtl" / f"{pid}.csv", index=False, encoding="utf-8-sig")
    (records / "evaluasi" / "rusak.json").write_text("{\"hari1\": ", encoding="utf-8")
    pd.DataFrame([["H3-siang", 2, 3, 2, 2, 3, 3, 3, "Praktik kalender konten terburu-buru."],
                  ["H2-pagi", 4, 4, 3, 3, 4, 4, 4, "Rubrik prioritas sangat jelas."]],
                 columns=["sesi", *evaluation.TEACHER, "komentar"]).to_csv(
        records / evaluation.TEACHER_CSV, index=False, encoding="utf-8")
    pd.DataFrame([[4, 3, 3, 4, 3, 2, "Undangan datang terlambat."],
                  [3, 3, 4, 3, 4, 3, ""]],
                 columns=[*evaluation.ORGANISATION, "komentar"]).to_csv(
        records / evaluation.ORGANISATION_CSV, index=False, encoding="utf-8")
    return records
