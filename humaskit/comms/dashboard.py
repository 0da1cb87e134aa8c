"""The Day 3 KPI dashboard: linked altair charts over posts and complaints.

Dragging across the monthly reach chart (a brush) filters every other chart to those
months; hovering shows the numbers. Aggregation happens inside Vega-Lite so the brush
recomputes the KPIs; :mod:`humaskit.comms.kpi` computes the same figures in pandas.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from humaskit.comms import kpi

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
#: Indonesian numbers (1.234,5) and month/day names for axes and tooltips.
LOCALE = alt.Locale(number=alt.NumberLocale(decimal=",", thousands=".", grouping=[3],
                                            currency=["Rp", ""]), time=alt.TimeLocale(
    dateTime="%A, %e %B %Y %X", date="%d/%m/%Y", time="%H.%M.%S", periods=["AM", "PM"],
    days=["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    shortDays=["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
    months=MONTHS, shortMonths=[m[:3] for m in MONTHS[:7]] + ["Agu"] + [m[:3] for m in MONTHS[8:]],
))

SENTIMENT_COLORS = alt.Scale(domain=["positif", "netral", "negatif"],
                             range=["#2a9d8f", "#bdbdbd", "#e76f51"])


def _first_of_month(dates: pd.Series) -> pd.Series:
    return pd.to_datetime(dates).dt.to_period("M").dt.to_timestamp()


def _posts_data(posts: pd.DataFrame) -> pd.DataFrame:
    return posts.assign(bulan=_first_of_month(posts["tanggal"]))[
        ["bulan", "opd", "platform", "jangkauan", "interaksi", "sentimen"]]


def _complaints_data(complaints: pd.DataFrame, standar_jam: float,
                     standar_selesai_hari: float) -> pd.DataFrame:
    timed = kpi.response_times(complaints, standar_jam, standar_selesai_hari)
    return timed.assign(
        bulan=_first_of_month(timed["tanggal_masuk"]),
        tepat_waktu=timed["tanggapan_tepat_waktu"].astype(int),
    )[["bulan", "kanal", "opd_tujuan", "jam_tanggapan", "tepat_waktu"]]


def _month_axis(title: str) -> alt.X:
    return alt.X("bulan:T", title=title, axis=alt.Axis(format="%b %Y", labelAngle=-40))


def dashboard(posts: pd.DataFrame, complaints: pd.DataFrame,
              standar_jam: float = kpi.STANDAR_TANGGAPAN_JAM,
              standar_selesai_hari: float = kpi.STANDAR_SELESAI_HARI) -> alt.VConcatChart:
    """Reach per month (with a brush), complaints per month, engagement rate and sentiment
    share per platform, and the share of complaints answered within ``standar_jam`` per
    channel; the last three follow the brushed months."""
    brush = alt.selection_interval(encodings=["x"], name="rentang_bulan")
    post_base = alt.Chart(_posts_data(posts))
    complaint_base = alt.Chart(_complaints_data(complaints, standar_jam, standar_selesai_hari))
    to_date = {"bulan": "toDate(datum.bulan)"}

    reach = post_base.mark_line(point=True).encode(
        x=_month_axis("Bulan (seret untuk memilih rentang)"),
        y=alt.Y("sum(jangkauan):Q", title="Jangkauan"),
        tooltip=[alt.Tooltip("bulan:T", title="Bulan", format="%B %Y"),
                 alt.Tooltip("sum(jangkauan):Q", title="Jangkauan", format=",.0f"),
                 alt.Tooltip("count():Q", title="Unggahan")],
    ).add_params(brush).properties(title="Jangkauan unggahan per bulan", width=380, height=170)

    arrivals = complaint_base.mark_bar(size=18).encode(
        x=_month_axis("Bulan"),
        y=alt.Y("count():Q", title="Pengaduan"),
        color=alt.condition(brush, alt.value("#264653"), alt.value("#d9d9d9")),
        tooltip=[alt.Tooltip("bulan:T", title="Bulan", format="%B %Y"),
                 alt.Tooltip("count():Q", title="Pengaduan")],
    ).properties(title="Pengaduan masuk per bulan", width=380, height=170)

    engagement = post_base.transform_calculate(**to_date).transform_filter(brush).transform_aggregate(
        interaksi="sum(interaksi)", jangkauan="sum(jangkauan)", unggahan="count()",
        groupby=["platform"],
    ).transform_calculate(
        tingkat="100 * datum.interaksi / datum.jangkauan",
    ).mark_bar(color="#2a9d8f").encode(
        x=alt.X("tingkat:Q", title="Tingkat interaksi (%)"),
        y=alt.Y("platform:N", title=None, sort="-x"),
        tooltip=[alt.Tooltip("platform:N", title="Platform"),
                 alt.Tooltip("tingkat:Q", title="Tingkat interaksi (%)", format=".1f"),
                 alt.Tooltip("unggahan:Q", title="Unggahan")],
    ).properties(title="Tingkat interaksi per platform", width=220, height=150)

    sentiment = post_base.transform_calculate(**to_date).transform_filter(brush).mark_bar().encode(
        x=alt.X("count():Q", stack="normalize", title="Porsi unggahan",
                axis=alt.Axis(format="%")),
        y=alt.Y("platform:N", title=None),
        color=alt.Color("sentimen:N", title="Sentimen", scale=SENTIMENT_COLORS),
        tooltip=[alt.Tooltip("platform:N", title="Platform"),
                 alt.Tooltip("sentimen:N", title="Sentimen"),
                 alt.Tooltip("count():Q", title="Unggahan")],
    ).properties(title="Sentimen komentar dominan", width=220, height=150)

    on_time = complaint_base.transform_calculate(**to_date).transform_filter(brush).transform_aggregate(
        tepat="mean(tepat_waktu)", median_jam="median(jam_tanggapan)", pengaduan="count()",
        groupby=["kanal"],
    ).transform_calculate(persen="100 * datum.tepat").mark_bar(color="#264653").encode(
        x=alt.X("persen:Q", title=f"Ditanggapi ≤ {standar_jam:g} jam (%)",
                scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("kanal:N", title=None, sort="-x"),
        tooltip=[alt.Tooltip("kanal:N", title="Kanal"),
                 alt.Tooltip("persen:Q", title="Tepat waktu (%)", format=".1f"),
                 alt.Tooltip("median_jam:Q", title="Median jam tanggapan", format=".1f"),
                 alt.Tooltip("pengaduan:Q", title="Pengaduan")],
    ).properties(title="Tanggapan sesuai standar, per kanal", width=220, height=150)

    return alt.vconcat(
        alt.hconcat(reach, arrivals),
        alt.hconcat(engagement, sentiment, on_time),
    ).resolve_scale(color="independent").configure(locale=LOCALE)


def agenda_heatmap(posts: pd.DataFrame) -> alt.Chart:
    """Posts per theme and month: which topics the regency put on the public agenda.

    Clicking a cell highlights its theme across the year; tooltips give counts."""
    pick = alt.selection_point(fields=["tema"], name="pilih_tema")
    data = posts.assign(bulan=_first_of_month(posts["tanggal"]))[["bulan", "tema", "jangkauan"]]
    return alt.Chart(data).mark_rect().encode(
        x=alt.X("bulan:O", timeUnit="yearmonth", title="Bulan",
                axis=alt.Axis(format="%b", labelAngle=0)),
        y=alt.Y("tema:N", title=None, sort="-color"),
        color=alt.Color("count():Q", title="Unggahan", scale=alt.Scale(scheme="blues")),
        opacity=alt.condition(pick, alt.value(1), alt.value(0.25)),
        tooltip=[alt.Tooltip("tema:N", title="Tema"),
                 alt.Tooltip("yearmonth(bulan):T", title="Bulan", format="%B %Y"),
                 alt.Tooltip("count():Q", title="Unggahan"),
                 alt.Tooltip("sum(jangkauan):Q", title="Jangkauan", format=",.0f")],
    ).add_params(pick).properties(
        title="Agenda yang diisi pemda: unggahan per tema per bulan (klik sebuah tema)",
        width=520, height=260,
    ).configure(locale=LOCALE)
