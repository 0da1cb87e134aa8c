"""Communication KPIs ("terukur") over the posts and complaints datasets: pure pandas.

Posts (``posting_medsos``): reach, interactions, engagement rate (interactions / reach) and
the share of posts whose dominant comment sentiment is positive or negative.
Complaints (``pengaduan``): how many were answered, the median hours to the first answer,
and the share answered / resolved within a service standard the regency sets itself.
Percentages are 0-100, rounded to one decimal; an empty group gives NaN, not an error.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

#: Example service standard for the first answer, in hours (set your own in the regency's
#: service standard / maklumat pelayanan; this is not a figure from a regulation).
STANDAR_TANGGAPAN_JAM = 72
#: Example service standard for resolving a complaint, in days.
STANDAR_SELESAI_HARI = 14


def _percent(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (100 * part / whole).round(1)


def _by(by: str | Sequence[str] | None) -> list[str]:
    return [] if by is None else [by] if isinstance(by, str) else list(by)


def month(dates: pd.Series) -> pd.Series:
    """Calendar month of each date as text ``YYYY-MM`` (sorts correctly)."""
    return pd.to_datetime(dates).dt.strftime("%Y-%m")


def select(frame: pd.DataFrame, date_column: str, start=None, end=None,
           **equals: str | Sequence[str] | None) -> pd.DataFrame:
    """Rows dated from ``start`` to ``end`` (inclusive days) whose columns match ``equals``.

    A value of None (or "Semua") keeps every row; a list keeps rows with any listed value.
    """
    keep = pd.Series(True, index=frame.index)
    dates = pd.to_datetime(frame[date_column])
    if start is not None:
        keep &= dates >= pd.Timestamp(start)
    if end is not None:
        keep &= dates < pd.Timestamp(end) + pd.Timedelta(days=1)
    for column, wanted in equals.items():
        if wanted is None or wanted == "Semua":
            continue
        values = [wanted] if isinstance(wanted, str) else list(wanted)
        keep &= frame[column].isin(values)
    return frame.loc[keep]


def post_kpis(posts: pd.DataFrame, by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Posts, reach, interactions, engagement rate and sentiment shares, per group.

    ``tingkat_interaksi_persen`` is total interactions / total reach of the group (not the
    mean of each post's rate), so large posts weigh more.
    """
    keys = _by(by)
    frame = posts.assign(
        _positif=posts["sentimen"].eq("positif"), _negatif=posts["sentimen"].eq("negatif"),
        _semua="Semua",
    )
    grouped = frame.groupby(keys or ["_semua"], sort=True)
    table = grouped.agg(
        unggahan=("id", "size"), jangkauan=("jangkauan", "sum"),
        interaksi=("interaksi", "sum"), _positif=("_positif", "sum"),
        _negatif=("_negatif", "sum"),
    )
    table["tingkat_interaksi_persen"] = _percent(table["interaksi"], table["jangkauan"])
    table["sentimen_positif_persen"] = _percent(table["_positif"], table["unggahan"])
    table["sentimen_negatif_persen"] = _percent(table["_negatif"], table["unggahan"])
    table = table.drop(columns=["_positif", "_negatif"]).reset_index()
    return table.drop(columns=["_semua"]) if not keys else table


def response_times(complaints: pd.DataFrame, standar_jam: float = STANDAR_TANGGAPAN_JAM,
                   standar_selesai_hari: float = STANDAR_SELESAI_HARI) -> pd.DataFrame:
    """The complaints with hours to first answer, days to resolution, and on-time flags.

    A complaint never answered (or never resolved) is not on time.
    """
    received = pd.to_datetime(complaints["tanggal_masuk"])
    answered = pd.to_datetime(complaints["tanggal_tanggapan"])
    resolved = pd.to_datetime(complaints["tanggal_selesai"])
    hours = (answered - received).dt.total_seconds() / 3600
    days = (resolved - received).dt.total_seconds() / 86400
    return complaints.assign(
        jam_tanggapan=hours.round(1), hari_selesai=days.round(1),
        tanggapan_tepat_waktu=hours.le(standar_jam).fillna(False).astype(bool),
        selesai_tepat_waktu=days.le(standar_selesai_hari).fillna(False).astype(bool),
    )


def complaint_kpis(complaints: pd.DataFrame, by: str | Sequence[str] | None = None,
                   standar_jam: float = STANDAR_TANGGAPAN_JAM,
                   standar_selesai_hari: float = STANDAR_SELESAI_HARI) -> pd.DataFrame:
    """Per group: complaints, % answered, median hours to answer, % answered within
    ``standar_jam``, % resolved, % resolved within ``standar_selesai_hari`` days.

    Every percentage is of all complaints in the group (unanswered ones count as late).
    """
    keys = _by(by)
    frame = response_times(complaints, standar_jam, standar_selesai_hari).assign(
        _ditanggapi=lambda f: f["jam_tanggapan"].notna(),
        _selesai=lambda f: f["hari_selesai"].notna(),
        _semua="Semua",
    )
    table = frame.groupby(keys or ["_semua"], sort=True).agg(
        pengaduan=("id", "size"), _ditanggapi=("_ditanggapi", "sum"),
        median_jam_tanggapan=("jam_tanggapan", "median"),
        _tepat=("tanggapan_tepat_waktu", "sum"), _selesai=("_selesai", "sum"),
        _selesai_tepat=("selesai_tepat_waktu", "sum"),
    )
    table["ditanggapi_persen"] = _percent(table["_ditanggapi"], table["pengaduan"])
    table["median_jam_tanggapan"] = table["median_jam_tanggapan"].round(1)
    table["tanggapan_tepat_waktu_persen"] = _percent(table["_tepat"], table["pengaduan"])
    table["selesai_persen"] = _percent(table["_selesai"], table["pengaduan"])
    table["selesai_tepat_waktu_persen"] = _percent(table["_selesai_tepat"], table["pengaduan"])
    table = table.drop(columns=["_ditanggapi", "_tepat", "_selesai", "_selesai_tepat"])
    table = table.reset_index()
    return table.drop(columns=["_semua"]) if not keys else table
