"""The declared schema of every dataset shipped in ``datasets/``.

One entry per CSV: its file name (without ``.csv``) is the dataset's name, its data card is
``datasets/<name>.md``. To add a dataset, add its CSV and card, then a ``Dataset`` here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.pandas as pa
from pandera import Check, Column

from humaskit.region import DISTRICTS, OPD


@dataclass(frozen=True)
class Dataset:
    """A shipped dataset: its name, a one-line Indonesian title, and its schema."""

    name: str
    title: str
    schema: pa.DataFrameSchema


def _schema(columns: dict[str, Column], key: list[str] | None = None) -> pa.DataFrameSchema:
    """A strict, coercing schema whose ``key`` columns must be unique together."""
    return pa.DataFrameSchema(columns, strict=True, coerce=True, unique=key)


#: SKKNI catalog: unit codes (2008 KOM.PR, 2016 S.nnnnnn, or a kit code KIT-...), groups, levels.
SKKNI_UNIT_CODE = r"^(KOM\.PR0[123]\.\d{3}\.\d{2}|[A-Z]\.\d{6}\.\d{3}\.\d{2}|KIT-[A-Z0-9-]+|[A-Z][A-Za-z0-9.]*\d)$"
SKKNI_GROUPS = ["umum", "inti", "khusus"]
SKKNI_LEVELS = ["III", "IV", "V", "VI"]
SKKNI_STATUSES = ["resmi", "ilustrasi"]
SKKNI_SCHEME_STATUSES = ["resmi", "klaster_kit"]

SKM_UNITS = ["Disdukcapil", "DPMPTSP", "RSUD Muara Seruni", "Puskesmas Sungai Lintang",
             "Kantor Kecamatan Bukit Pandan"]
SKM_JOBS = ["PNS", "TNI/Polri", "Pegawai swasta", "Wiraswasta", "Petani/Nelayan",
            "Pelajar/Mahasiswa", "Lainnya"]

EDOHP_DIMENSIONS = ["Kesejahteraan masyarakat", "Tata kelola pemerintahan yang baik",
                    "Pelayanan publik", "Daya saing"]

POST_PLATFORMS = ["Facebook", "Instagram", "X", "TikTok", "YouTube"]
POST_PHASES = ["sebelum", "saat", "sesudah", "rutin"]
SENTIMENTS = ["positif", "netral", "negatif"]
COMPLAINT_CHANNELS = ["SP4N-LAPOR!", "WhatsApp", "Call center", "Datang langsung", "Media sosial"]
COMPLAINT_STATUSES = ["belum ditanggapi", "diproses", "selesai"]

ISSUE_TOPICS = ["banjir", "jalan rusak", "ktp-el", "antrean rsud", "ppdb zonasi",
                "sampah tpa", "harga pupuk", "honorer", "tapal batas"]
CLIP_SOURCE_KINDS = ["berita", "media sosial", "pengaduan", "DPRD"]
STAKEHOLDER_KINDS = ["legislatif", "pemerintah", "masyarakat sipil", "warga", "dunia usaha",
                     "media", "akademisi"]


def _clip_columns(clean: bool) -> dict[str, Column]:
    """Columns of the issue-monitoring clips; the raw export keeps its dirt as text."""
    text = Column(str, Check.str_length(min_value=1))
    return {
        "id_klip": Column(str, Check.str_matches(r"^KLP-\d{4}$")),
        "tanggal": Column("datetime64[ns]") if clean else Column(str, nullable=True),
        "sumber_jenis": Column(str, Check.isin(CLIP_SOURCE_KINDS)) if clean else text,
        "sumber_nama": text,
        "topik": Column(str, Check.isin(ISSUE_TOPICS)) if clean else text,
        "ringkasan": text,
        "sentimen": Column(str, Check.isin(SENTIMENTS)) if clean else text,
        "jangkauan": Column(int, Check.greater_than_or_equal_to(0)),
        "opd_terkait": Column(str, Check.isin(list(OPD))) if clean else text,
    }


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in [
        Dataset(
            "edohp_2011_bobot",
            "Bobot empat dimensi Evaluasi Daerah Otonom Hasil Pemekaran (EDOHP) 2011",
            _schema(
                {
                    "dimensi": Column(str, Check.isin(EDOHP_DIMENSIONS)),
                    "bobot_persen": Column(int, Check.in_range(0, 100)),
                    "sumber": Column(str, Check.str_length(min_value=10)),
                },
                key=["dimensi"],
            ),
        ),
        Dataset(
            "survei_kepuasan",
            "Jawaban Survei Kepuasan Masyarakat (9 unsur PermenPANRB 14/2017), sintetis",
            _schema(
                {
                    "id_responden": Column(str, Check.str_matches(r"^SKM-\d{4}$")),
                    "tanggal": Column(pa.DateTime),
                    "unit_layanan": Column(str, Check.isin(SKM_UNITS)),
                    "jenis_kelamin": Column(str, Check.isin(["L", "P"])),
                    "usia": Column(int, Check.in_range(17, 75)),
                    "pendidikan": Column(str, Check.isin(["SD", "SMP", "SMA", "D3", "S1", "S2"])),
                    "pekerjaan": Column(str, Check.isin(SKM_JOBS)),
                    **{f"u{i}": Column(int, Check.in_range(1, 4)) for i in range(1, 10)},
                },
                key=["id_responden"],
            ),
        ),
        Dataset(
            "posting_medsos",
            "Unggahan media sosial resmi OPD Kabupaten Muara Seruni 2025 (sintetis)",
            _schema(
                {
                    "id": Column(str, Check.str_matches(r"^P\d{4}$")),
                    "tanggal": Column("datetime64[ns]"),
                    "opd": Column(str, Check.isin(list(OPD))),
                    "platform": Column(str, Check.isin(POST_PLATFORMS)),
                    "tema": Column(str, Check.str_length(min_value=3)),
                    "fase": Column(str, Check.isin(POST_PHASES)),
                    "jangkauan": Column(int, Check.ge(0)),
                    "interaksi": Column(int, Check.ge(0)),
                    "sentimen": Column(str, Check.isin(SENTIMENTS)),
                },
                key=["id"],
            ),
        ),
        Dataset(
            "pengaduan",
            "Pengaduan masyarakat ke Pemkab Muara Seruni 2025 per kanal (sintetis)",
            _schema(
                {
                    "id": Column(str, Check.str_matches(r"^A\d{4}$")),
                    "tanggal_masuk": Column("datetime64[ns]"),
                    "kanal": Column(str, Check.isin(COMPLAINT_CHANNELS)),
                    "opd_tujuan": Column(str, Check.isin(list(OPD))),
                    "kategori": Column(str, Check.str_length(min_value=3)),
                    "kecamatan": Column(str, Check.isin(list(DISTRICTS))),
                    "status": Column(str, Check.isin(COMPLAINT_STATUSES)),
                    "tanggal_tanggapan": Column("datetime64[ns]", nullable=True),
                    "tanggal_selesai": Column("datetime64[ns]", nullable=True),
                },
                key=["id"],
            ),
        ),
        Dataset(
            "skkni_katalog",
            "Katalog unit SKKNI kehumasan: unit, elemen dan KUK (cuplikan; status resmi/ilustrasi)",
            _schema(
                {
                    "kode_unit": Column(str, Check.str_matches(SKKNI_UNIT_CODE)),
                    "judul_unit": Column(str, Check.str_length(min_value=3)),
                    "kelompok": Column(str, Check.isin(SKKNI_GROUPS), nullable=True),
                    "jenjang": Column(str, Check.isin(SKKNI_LEVELS), nullable=True),
                    "no_elemen": Column(int, Check.in_range(1, 99)),
                    "elemen": Column(str, Check.str_length(min_value=3)),
                    "kuk": Column(str, Check.str_length(min_value=3)),
                    "status": Column(str, Check.isin(SKKNI_STATUSES)),
                    "sumber": Column(str, Check.str_length(min_value=5)),
                },
                key=["kode_unit", "no_elemen"],
            ),
        ),
        Dataset(
            "skkni_skema",
            "Skema/klaster unit SKKNI untuk asesmen mandiri (klaster latihan kit)",
            _schema(
                {
                    "kode_skema": Column(str, Check.str_matches(r"^[A-Z0-9][A-Z0-9.-]*$")),
                    "nama_skema": Column(str, Check.str_length(min_value=3)),
                    "status": Column(str, Check.isin(SKKNI_SCHEME_STATUSES)),
                    "urutan": Column(int, Check.in_range(1, 999)),
                    "kode_unit": Column(str, Check.str_matches(SKKNI_UNIT_CODE)),
                    "sumber": Column(str, Check.str_length(min_value=5)),
                },
                key=["kode_skema", "kode_unit"],
            ),
        ),
        Dataset(
            "monitoring_isu",
            "Hasil pemantauan media sembilan isu daerah, Januari–Juni 2025 (bersih)",
            _schema(_clip_columns(clean=True), key=["id_klip"]),
        ),
        Dataset(
            "monitoring_isu_mentah",
            "Ekspor mentah pemantauan media isu daerah (untuk latihan pembersihan data)",
            _schema(_clip_columns(clean=False)),
        ),
        Dataset(
            "pemangku_kepentingan",
            "Pemangku kepentingan isu daerah dengan nilai kekuasaan dan kepentingan (1–5)",
            _schema(
                {
                    "nama": Column(str, Check.str_length(min_value=3)),
                    "jenis": Column(str, Check.isin(STAKEHOLDER_KINDS)),
                    "kekuasaan": Column(int, Check.in_range(1, 5)),
                    "kepentingan": Column(int, Check.in_range(1, 5)),
                    "isu_terkait": Column(str, Check.str_matches(
                        r"^(" + "|".join(ISSUE_TOPICS) + r")(; (" + "|".join(ISSUE_TOPICS)
                        + r"))*$")),
                },
                key=["nama"],
            ),
        ),
    ]
}
