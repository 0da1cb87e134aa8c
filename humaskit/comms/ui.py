"""Widgets for the Day 3 notebook: 5C message review, content calendar, KPI dashboard.

Thin panels over :mod:`messages`, :mod:`calendar`, :mod:`kpi` and :mod:`dashboard`; each
redraws its visible output whenever a control changes. Texts are in Indonesian.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import altair as alt
import ipywidgets as widgets
import pandas as pd

from humaskit.comms import calendar, dashboard, kpi, messages
from humaskit.number_format import angka

WRITE_OWN = "Tulis sendiri"
ALL = "Semua"
WIDE = widgets.Layout(width="100%")
LABELS = {
    "unggahan": "Unggahan", "jangkauan": "Jangkauan", "interaksi": "Interaksi",
    "tingkat_interaksi_persen": "Tingkat interaksi (%)",
    "sentimen_positif_persen": "Sentimen positif (%)",
    "sentimen_negatif_persen": "Sentimen negatif (%)",
    "pengaduan": "Pengaduan", "ditanggapi_persen": "Ditanggapi (%)",
    "median_jam_tanggapan": "Median jam tanggapan",
    "tanggapan_tepat_waktu_persen": "Tanggapan tepat waktu (%)",
    "selesai_persen": "Selesai (%)", "selesai_tepat_waktu_persen": "Selesai tepat waktu (%)",
    "platform": "Platform", "kanal": "Kanal",
}


def _note(text: str, color: str = "#8a1c1c") -> str:
    return f'<div style="color:{color};padding:6px 0">{html.escape(text)}</div>'


def _table(frame: pd.DataFrame) -> str:
    return frame.rename(columns=LABELS).to_html(index=False, float_format=lambda v: angka(v, 1),
                                                 na_rep="–", border=0)


def review_html(text: str, channel: str, follow_up: str | None = None) -> str:
    """The 5C review of ``text`` as an HTML table with total and verdict, or the error."""
    try:
        table = messages.review(text, channel, follow_up or None)
    except ValueError as exc:
        return _note(str(exc))
    rows = "".join(
        f"<tr><td><b>{r.kriteria}</b><br><small>{html.escape(r.arti)}</small></td>"
        f"<td style='font-size:1.3em'>{'●' * r.skor}{'○' * (2 - r.skor)}</td>"
        f"<td>{html.escape(r.alasan)}</td><td>{html.escape(r.saran)}</td></tr>"
        for r in table.itertuples()
    )
    points = messages.total(table)
    return (f"<table><tr><th>Kriteria</th><th>Skor</th><th>Alasan</th><th>Saran</th></tr>"
            f"{rows}</table><p><b>Total: {points} dari 10.</b> {messages.verdict(points)}</p>")


class ReviewPanel(widgets.VBox):
    """Pick or write a draft, choose its channel, and see its 5C review update live."""

    def __init__(self) -> None:
        first = next(iter(messages.DRAFTS))
        self.pilihan = widgets.Dropdown(options=[*messages.DRAFTS, WRITE_OWN], value=first,
                                        description="Draf", layout=WIDE)
        self.teks = widgets.Textarea(value=messages.DRAFTS[first], description="Teks",
                                     layout=widgets.Layout(width="100%", height="180px"))
        self.kanal = widgets.Dropdown(options=list(messages.CHANNELS), value="Siaran pers",
                                      description="Kanal")
        self.tindak_lanjut = widgets.Text(
            description="Tindak lanjut", layout=WIDE,
            placeholder="(boleh kosong) mis. pembaruan setiap Senin di akun resmi")
        self.hasil = widgets.HTML()
        self.pilihan.observe(self._pick, "value")
        for control in (self.teks, self.kanal, self.tindak_lanjut):
            control.observe(self._update, "value")
        super().__init__([self.pilihan, self.teks, self.kanal, self.tindak_lanjut, self.hasil])
        self._update()

    def _pick(self, _change=None) -> None:
        if self.pilihan.value != WRITE_OWN:
            self.teks.value = messages.DRAFTS[self.pilihan.value]
            self.kanal.value = "X" if "unggahan X" in self.pilihan.value else "Siaran pers"

    def _update(self, _change=None) -> None:
        self.hasil.value = review_html(self.teks.value, self.kanal.value,
                                       self.tindak_lanjut.value)


class CalendarPanel(widgets.VBox):
    """Activity, date and channels in; a before/during/after post plan out, savable as CSV."""

    def __init__(self, folder: str | Path = ".") -> None:
        self.folder = Path(folder)
        self.kegiatan = widgets.Text(value="Pelayanan KTP-el keliling di Kecamatan Bukit Pandan",
                                     description="Kegiatan", layout=WIDE)
        self.tanggal = widgets.DatePicker(value=dt.date(2025, 3, 10), description="Tanggal")
        self.penanggung_jawab = widgets.Text(value="Humas Setda", description="Pelaksana")
        self.kanal = {name: widgets.Checkbox(value=name in ("Instagram", "WhatsApp", "Situs web"),
                                             description=name, indent=False)
                      for name in calendar.FORMATS}
        self.tabel = widgets.HTML()
        self.simpan = widgets.Button(description="Simpan sebagai CSV", icon="save")
        self.status = widgets.HTML()
        for control in (self.kegiatan, self.tanggal, self.penanggung_jawab, *self.kanal.values()):
            control.observe(self._update, "value")
        self.simpan.on_click(self._save)
        boxes = widgets.GridBox(list(self.kanal.values()),
                                layout=widgets.Layout(grid_template_columns="repeat(4, 150px)"))
        super().__init__([self.kegiatan, widgets.HBox([self.tanggal, self.penanggung_jawab]),
                          widgets.HTML("<b>Kanal</b>"), boxes, self.tabel,
                          widgets.HBox([self.simpan, self.status])])
        self._update()

    def chosen(self) -> list[str]:
        return [name for name, box in self.kanal.items() if box.value]

    def plan(self) -> pd.DataFrame:
        if self.tanggal.value is None:
            raise ValueError("Tanggal kegiatan belum dipilih.")
        return calendar.content_plan(self.kegiatan.value, self.tanggal.value, self.chosen(),
                                     self.penanggung_jawab.value or "Humas OPD")

    def _update(self, _change=None) -> None:
        self.status.value = ""
        try:
            plan = self.plan()
        except ValueError as exc:
            self.tabel.value = _note(str(exc))
            return
        self.tabel.value = (f"<p>{len(plan)} unggahan direncanakan.</p>"
                            + _table(calendar.summary(plan).reset_index())
                            + "<br>" + _table(plan))

    def _save(self, _button=None) -> None:
        try:
            path = calendar.save_plan(self.plan(), self.kegiatan.value, self.folder)
        except (ValueError, OSError) as exc:
            self.status.value = _note(f"Gagal menyimpan: {exc}")
            return
        self.status.value = _note(f"Tersimpan: {path}", color="#1b5e20")


class DashboardPanel(widgets.VBox):
    """Filter the posts and complaints by OPD, platform, channel and months; KPI tables and
    the linked dashboard redraw on every change."""

    def __init__(self, posts: pd.DataFrame, complaints: pd.DataFrame) -> None:
        self.posts, self.complaints = posts, complaints
        offices = sorted(set(posts["opd"]) | set(complaints["opd_tujuan"]))
        months = sorted(set(kpi.month(posts["tanggal"])) | set(kpi.month(
            complaints["tanggal_masuk"])))
        self.opd = widgets.Dropdown(options=[ALL, *offices], description="OPD")
        self.platform = widgets.Dropdown(options=[ALL, *sorted(posts["platform"].unique())],
                                         description="Platform")
        self.kanal = widgets.Dropdown(options=[ALL, *sorted(complaints["kanal"].unique())],
                                      description="Kanal aduan")
        self.periode = widgets.SelectionRangeSlider(
            options=months, index=(0, len(months) - 1), description="Periode",
            layout=widgets.Layout(width="520px"))
        self.standar_jam = widgets.IntSlider(value=kpi.STANDAR_TANGGAPAN_JAM, min=6, max=168,
                                             step=6, description="Standar (jam)")
        self.ringkasan = widgets.HTML()
        alt.JupyterChart.enable_offline()   # the Vega bundle inlined: no CDN in class
        self.grafik = alt.JupyterChart(dashboard.dashboard(posts, complaints))
        for control in (self.opd, self.platform, self.kanal, self.periode, self.standar_jam):
            control.observe(self._update, "value")
        super().__init__([widgets.HBox([self.opd, self.platform, self.kanal]),
                          widgets.HBox([self.periode, self.standar_jam]),
                          self.ringkasan, self.grafik])
        self._update()

    def selected(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The posts and complaints that pass the current filters."""
        first, last = self.periode.value
        end = pd.Period(last, "M").end_time.normalize()
        posts = kpi.select(self.posts, "tanggal", first + "-01", end,
                           opd=self.opd.value, platform=self.platform.value)
        complaints = kpi.select(self.complaints, "tanggal_masuk", first + "-01", end,
                                opd_tujuan=self.opd.value, kanal=self.kanal.value)
        return posts, complaints

    def _update(self, _change=None) -> None:
        posts, complaints = self.selected()
        hours = self.standar_jam.value
        parts = []
        parts.append("<h4>Unggahan per platform</h4>" + (
            _table(kpi.post_kpis(posts, "platform")) if len(posts)
            else _note("Tidak ada unggahan untuk pilihan ini.")))
        parts.append(f"<h4>Pengaduan per kanal (standar tanggapan {hours} jam)</h4>" + (
            _table(kpi.complaint_kpis(complaints, "kanal", standar_jam=hours)) if len(complaints)
            else _note("Tidak ada pengaduan untuk pilihan ini.")))
        self.ringkasan.value = "".join(parts)
        shown = bool(len(posts) and len(complaints))
        self.grafik.layout.display = None if shown else "none"
        if shown:
            self.grafik.chart = dashboard.dashboard(posts, complaints, standar_jam=hours)
