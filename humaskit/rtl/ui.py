"""Widgets for the RTL builder: type an action, click *Tambah*, then *Simpan* to write the
files the participant takes home. The logic is :mod:`humaskit.rtl`."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from humaskit import form_layout, region, rtl

_WIDE = w.Layout(width="95%")


class RTLBuilder:
    """``widget`` is displayed; ``table`` holds the actions added so far."""

    def __init__(self, folder: str | Path = ".", name: str = rtl.DEFAULT_NAME):
        self.folder, self.name = Path(folder), name
        saved = self.folder / f"{name}.csv"
        self.table = rtl.load(saved) if saved.exists() else rtl.empty()
        self.peserta = w.Text(description="Nama peserta", layout=_WIDE)
        self.aksi = w.Text(description="Aksi", layout=_WIDE,
                           placeholder="mis. Membentuk tim humas lintas OPD")
        self.penanggung_jawab = w.Text(description="Penanggung jawab", layout=_WIDE)
        self.opd = w.Combobox(description="OPD", options=list(region.OPD.values()),
                              ensure_option=False, layout=_WIDE)
        self.tenggat = w.DatePicker(description="Tenggat")
        self.indikator = w.Text(description="Indikator", layout=_WIDE,
                                placeholder="mis. SK tim terbit dan rapat pertama terlaksana")
        self.add_button = w.Button(description="Tambah aksi", icon="plus", button_style="info")
        self.save_button = w.Button(description="Simpan RTL", icon="save", button_style="success")
        self.message = w.HTML()
        self.view = w.HTML()
        self.add_button.on_click(lambda _: self.add())
        self.save_button.on_click(lambda _: self.save())
        self._render()
        self.widget = form_layout.fit(w.VBox([
            self.peserta, self.aksi, self.penanggung_jawab, self.opd, self.tenggat,
            self.indikator, w.HBox([self.add_button, self.save_button]), self.message,
            self.view]))

    def _render(self) -> None:
        self.view.value = (self.table.to_html(index=False) if len(self.table)
                           else "<i>Belum ada aksi.</i>")

    def add(self) -> None:
        try:
            self.table = rtl.add(self.table, self.aksi.value, self.penanggung_jawab.value,
                                 self.opd.value, self.tenggat.value, self.indikator.value)
        except ValueError as exc:
            self.message.value = "<pre style='color:#a00'>" + str(exc) + "</pre>"
            return
        self.message.value = f"Aksi ke-{len(self.table)} ditambahkan."
        self.aksi.value = self.indikator.value = ""
        self._render()

    def save(self) -> None:
        try:
            paths = rtl.export(self.table, self.folder, self.name, self.peserta.value.strip())
        except ValueError as exc:
            self.message.value = f"<span style='color:#a00'>{exc}</span>"
            return
        self.message.value = ("Tersimpan: " + ", ".join(p.name for p in paths.values())
                              + " (di folder notebook ini; bawa pulang berkasnya).")
