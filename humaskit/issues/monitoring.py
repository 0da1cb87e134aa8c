"""Media-monitoring clips: the cleaning rule for raw exports and the per-issue summary.

A clip (*klip*) is one news item, social-media post, public complaint or DPRD statement
about an issue (*topik*). The summary per issue is what the priority rubric and the
life-cycle rule read: volume, share of negative clips, total reach and the trend between
the most recent month and the month before it.
"""

from __future__ import annotations

import pandas as pd

#: Canonical topic keys -> a readable Indonesian label.
TOPICS = {
    "banjir": "Banjir dan drainase",
    "jalan rusak": "Jalan rusak",
    "ktp-el": "Layanan KTP-el",
    "antrean rsud": "Antrean RSUD",
    "ppdb zonasi": "PPDB zonasi",
    "sampah tpa": "Sampah dan TPA",
    "harga pupuk": "Harga pupuk",
    "honorer": "Tenaga honorer",
    "tapal batas": "Tapal batas dengan kabupaten induk",
}

#: Spelling variants seen in raw exports (already lower-case) -> canonical topic key.
TOPIC_SPELLINGS = {
    "e-ktp": "ktp-el",
    "ktp el": "ktp-el",
    "ktp elektronik": "ktp-el",
    "antrian rsud": "antrean rsud",
    "rsud antre": "antrean rsud",
    "tpa sampah": "sampah tpa",
    "ppdb": "ppdb zonasi",
    "tapal batas wilayah": "tapal batas",
    "pupuk mahal": "harga pupuk",
}

SENTIMENTS = ("positif", "netral", "negatif")
SOURCE_KINDS = ("berita", "media sosial", "pengaduan", "DPRD")

#: Text columns whose stray spaces the cleaning rule removes.
TEXT_COLUMNS = ("sumber_jenis", "sumber_nama", "topik", "ringkasan", "sentimen", "opd_terkait")
DATE_FORMAT = "%Y-%m-%d"

SUMMARY_COLUMNS = ["topik", "volume", "persen_negatif", "total_jangkauan",
                   "volume_terkini", "volume_sebelumnya", "tren"]


def clean(raw: pd.DataFrame, spellings: dict[str, str] | None = None) -> pd.DataFrame:
    """The reference cleaning of a raw monitoring export.

    Strips stray spaces from text columns, lower-cases topics and maps spelling variants to
    the canonical key (``spellings``, default :data:`TOPIC_SPELLINGS`), parses ``tanggal``
    (``YYYY-MM-DD``) and drops rows whose date is missing or unreadable, then drops duplicate
    clips.
    """
    data = raw.copy()
    for column in TEXT_COLUMNS:
        data[column] = data[column].str.strip()
    mapping = TOPIC_SPELLINGS if spellings is None else spellings
    data["topik"] = data["topik"].str.lower().replace(mapping)
    data["tanggal"] = pd.to_datetime(data["tanggal"], format=DATE_FORMAT, errors="coerce")
    data = data.dropna(subset=["tanggal"]).drop_duplicates()
    data["jangkauan"] = data["jangkauan"].astype("int64")
    return data.sort_values(["tanggal", "id_klip"]).reset_index(drop=True)


def recent_month(data: pd.DataFrame) -> pd.Period:
    """The most recent month that has clips."""
    return data["tanggal"].max().to_period("M")


def summarise(data: pd.DataFrame, month: str | pd.Period | None = None) -> pd.DataFrame:
    """One row per topic: volume, share negative, total reach and trend.

    ``persen_negatif`` is the percentage (0–100) of clips whose sentiment is exactly
    ``"negatif"``; ``volume_terkini`` counts clips in ``month`` (default: the latest month in
    the data), ``volume_sebelumnya`` those in the month before; ``tren`` is their difference.
    Rows with no readable date count towards volume and reach but towards neither month.
    """
    recent = pd.Period(month, "M") if month is not None else recent_month(data)
    months = data["tanggal"].dt.to_period("M")
    frame = data.assign(
        _negatif=data["sentimen"].eq("negatif"),
        _terkini=months.eq(recent),
        _sebelumnya=months.eq(recent - 1),
    )
    summary = frame.groupby("topik").agg(
        volume=("id_klip", "size"),
        persen_negatif=("_negatif", "mean"),
        total_jangkauan=("jangkauan", "sum"),
        volume_terkini=("_terkini", "sum"),
        volume_sebelumnya=("_sebelumnya", "sum"),
    ).reset_index()
    summary["persen_negatif"] = summary["persen_negatif"] * 100
    for column in ("volume", "total_jangkauan", "volume_terkini", "volume_sebelumnya"):
        summary[column] = summary[column].astype("int64")
    summary["tren"] = summary["volume_terkini"] - summary["volume_sebelumnya"]
    return summary[SUMMARY_COLUMNS]


def spelling_counts(raw: pd.DataFrame) -> pd.DataFrame:
    """Each topic as written once lower-cased and stripped, with its number of clips."""
    written = raw["topik"].str.strip().str.lower()
    return (written.value_counts().rename_axis("ejaan").reset_index(name="klip")
            .sort_values(["ejaan"]).reset_index(drop=True))


def monthly(data: pd.DataFrame) -> pd.DataFrame:
    """Clips per topic and month (``bulan`` as the month's first day) with share negative."""
    frame = data.assign(
        bulan=data["tanggal"].dt.to_period("M").dt.to_timestamp(),
        _negatif=data["sentimen"].eq("negatif"),
    )
    out = frame.groupby(["topik", "bulan"]).agg(
        volume=("id_klip", "size"), persen_negatif=("_negatif", "mean"),
        jangkauan=("jangkauan", "sum"),
    ).reset_index()
    out["persen_negatif"] = (out["persen_negatif"] * 100).round(1)
    return out
