"""One widget for a participant's own data: choose a file, confirm the columns, check,
see the results, take them home. Thin: every step calls :mod:`humaskit.own_data`.

The file comes from the browser (``FileUpload``: it works on a laptop and on the classroom
server alike, up to :data:`~humaskit.own_data.reading.MAX_BYTES`) or from a path. The
uploaded file is read in memory and never written, and personal-data columns are hidden from
the first screen on. An answer scale whose order is not certain is shown as a label → value
table that the participant confirms.
"""

from __future__ import annotations

import base64
import contextlib
import html
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from IPython.display import display

from humaskit import form_layout, satisfaction
from humaskit.datasets.validation import DatasetError
from humaskit.issues import charts as issue_charts
from humaskit.number_format import angka
from humaskit.own_data import fields, mapping, prepare, reading, results, takehome

NONE = "— tidak ada —"
PRIVACY = ("<b>Data pribadi aman.</b> Kolom yang berisi nama, nomor telepon/WhatsApp, NIK, "
           "surel atau alamat responden ditandai sebagai data pribadi: isinya tidak "
           "ditampilkan, tidak dihitung, dan tidak ditulis ke laporan mana pun. Periksa "
           "tandanya di langkah 2. Berkas asli Anda tidak diubah.")
_MIME = {"html": "text/html",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
SIZE_NOTE = (f"Berkas paling besar {reading.MAX_BYTES // 2**20} MB. Bila tombol «Pilih berkas» "
             "tidak menampilkan nama berkas Anda, berkasnya terlalu besar untuk diunggah: "
             "salin berkas ke folder kerja lalu ketik lokasinya di kotak sebelahnya.")
#: The file types the picker offers, by extension and by type: a phone's picker may go by
#: either (some list nothing for an extension alone).
ACCEPT = f".csv,text/csv,.xlsx,{_MIME['xlsx']}"
_WIDE = widgets.Layout(width="640px")
_LABEL = {"description_width": "260px"}


def _box(kind: str, text: str) -> str:
    colour = {"error": "#c0392b", "ok": "#1e7e34", "info": "#2c6fbb"}[kind]
    return (f"<div style='border-left:4px solid {colour};padding:4px 10px;margin:4px 0'>"
            f"{text}</div>")


def error_html(error: Exception) -> str:
    """A DatasetError (or SurveyError) as an Indonesian message box, no traceback."""
    text = html.escape(str(error)).replace("\n", "<br>")
    return _box("error", f"<b>Berkas belum dapat dipakai.</b><br>{text}")


def table_html(frame: pd.DataFrame) -> str:
    """The file's first rows as read (the preview), with the decimal comma."""
    def cell(v: object) -> str:
        if isinstance(v, float):
            return angka(v, 2)
        return "" if v is None else str(v)
    head = "".join(f"<th style='padding:2px 6px;text-align:left'>{html.escape(str(c))}</th>"
                   for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td style='padding:2px 6px'>{html.escape(cell(v))}</td>"
                                    for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return f"<div style='overflow-x:auto'><table><tr>{head}</tr>{body}</table></div>"


class DataSaya:
    """The five steps as one widget; ``kind`` is ``"skm"`` or ``"monitoring"``."""

    def __init__(self, kind: str, output_folder: str | Path = "hasil_data_saya"):
        self.kind = kind
        self.folder = Path(output_folder)
        self.raw: reading.RawTable | None = None
        self.prepared: prepare.Prepared | None = None
        self.result = None
        self.upload = widgets.FileUpload(accept=ACCEPT, multiple=False,
                                         description="Pilih berkas")
        self.path = widgets.Text(placeholder="atau ketik lokasi berkas, mis. data/skm.xlsx",
                                 layout=widgets.Layout(width="380px"))
        self.read_button = widgets.Button(description="Baca berkas", icon="folder-open")
        self.sheet = widgets.Dropdown(description="Lembar:", options=[], layout=widgets.Layout(
            width="380px", display="none"))
        self.header_row = widgets.BoundedIntText(
            value=0, min=0, max=10_000, description="Baris judul (0 = otomatis):",
            style=_LABEL, layout=widgets.Layout(width="380px"))
        self.progress = widgets.HTML()
        self.file_status = widgets.HTML()
        self.preview = widgets.HTML()
        self.choices: dict[str, widgets.Dropdown] = {}
        self.personal = widgets.SelectMultiple(description="Data pribadi:", style=_LABEL,
                                               layout=widgets.Layout(width="640px"))
        self.scales_box = widgets.VBox()
        self.scale_rows: list[tuple[list[str], dict[str, widgets.Dropdown],
                                    widgets.Checkbox]] = []
        self.mapping_file = widgets.Text(value=f"pemetaan_{kind}.json", description="Berkas "
                                         "pemetaan:", style=_LABEL, layout=_WIDE)
        self.save_mapping = widgets.Button(description="Simpan pemetaan", icon="save")
        self.load_mapping = widgets.Button(description="Muat pemetaan", icon="upload")
        self.mapping_status = widgets.HTML()
        self.fields_box = widgets.VBox()
        self.check_button = widgets.Button(description="Periksa data", icon="check",
                                           button_style="primary")
        self.problems = widgets.HTML()
        self.notes = widgets.HTML()
        self.leave_out = widgets.Checkbox(description="Tinggalkan baris bermasalah dan lanjutkan",
                                          indent=False, layout=_WIDE)
        self.population = widgets.BoundedIntText(
            value=0, min=0, max=100_000_000, description="Populasi layanan (0 = tidak tahu):",
            style=_LABEL, layout=_WIDE)
        self.compute_button = widgets.Button(description="Hitung hasil", icon="calculator",
                                             button_style="primary")
        self.summary = widgets.HTML()
        self.charts = widgets.Output()
        self.save_button = widgets.Button(description="Simpan laporan", icon="download",
                                          button_style="success")
        self.downloads = widgets.HTML()
        self.personal.observe(self._personal_changed, names="value")
        self.read_button.on_click(lambda _: self.read())
        self.upload.observe(lambda _: self.read(), names="value")
        self.sheet.observe(self._sheet_changed, names="value")
        self.save_mapping.on_click(lambda _: self.save())
        self.load_mapping.on_click(lambda _: self.load())
        self.check_button.on_click(lambda _: self.check())
        self.compute_button.on_click(lambda _: self.compute())
        self.save_button.on_click(lambda _: self.take_home())
        extra = [self.population] if kind == "skm" else []
        self.widget = form_layout.fit(widgets.VBox([
            widgets.HTML(_box("info", PRIVACY)),
            widgets.HTML("<h4>Langkah 1. Pilih berkas (CSV atau XLSX)</h4>"
                         f"<p>{SIZE_NOTE}</p>"),
            widgets.HBox([self.upload, self.path, self.read_button]),
            widgets.HBox([self.sheet, self.header_row]), self.progress, self.file_status,
            self.preview,
            widgets.HTML("<h4>Langkah 2. Cocokkan kolom</h4><p>humaskit menebak kolom mana "
                         "yang dimaksud; periksa dan betulkan bila keliru.</p>"),
            self.fields_box, self.personal, self.scales_box,
            widgets.HBox([self.mapping_file, self.save_mapping, self.load_mapping]),
            self.mapping_status,
            widgets.HTML("<h4>Langkah 3. Periksa data</h4>"),
            self.check_button, self.problems, self.notes, self.leave_out, *extra,
            widgets.HTML("<h4>Langkah 4. Hasil</h4>"), self.compute_button, self.summary,
            self.charts,
            widgets.HTML("<h4>Langkah 5. Bawa pulang</h4>"), self.save_button, self.downloads,
        ]))

    def _ipython_display_(self) -> None:
        display(self.widget)

    # --- step 1 --------------------------------------------------------------------------
    def read(self, sheet: str | None = None) -> None:
        """Read the uploaded file (or the typed path) and propose a mapping."""
        self._reset(after="read")
        header_row = self.header_row.value or None
        if self.upload.value:
            source, name = bytes(self.upload.value[0]["content"]), self.upload.value[0]["name"]
        elif self.path.value.strip():
            source, name = Path(self.path.value.strip()).expanduser(), None
        else:
            self.file_status.value = _box("error", "Pilih berkas dulu, atau ketik lokasinya.")
            return
        try:
            with self._working("Sedang membaca berkas"):
                self.raw = reading.read_table(source, name, sheet, header_row)
                proposal = mapping.propose(self.raw, self.kind)
        except DatasetError as error:
            self.raw = None
            self.file_status.value = error_html(error)
            self.preview.value = ""
            self._show_sheets(reading.sheet_names(source), sheet)
            return
        self._show_sheets(self.raw.sheets, self.raw.sheet)
        skipped = takehome.skipped(self.raw.blank_rows, self.raw.template_rows)
        self.file_status.value = _box(
            "ok", f"Berkas <b>{html.escape(self.raw.source)}</b> terbaca: "
                  f"{angka(len(self.raw.frame), 0)} baris data, "
                  f"{len(self.raw.frame.columns)} kolom. {html.escape(skipped)}")
        self.show_mapping(proposal)

    def _show_sheets(self, sheets: tuple[str, ...], current: str | None) -> None:
        """A workbook's sheets to choose from (hidden for one sheet or a CSV)."""
        self.sheet.unobserve(self._sheet_changed, names="value")
        self.sheet.options = list(sheets)
        self.sheet.value = current if current in sheets else None
        self.sheet.observe(self._sheet_changed, names="value")
        self.sheet.layout.display = "" if len(sheets) > 1 else "none"

    def _sheet_changed(self, change) -> None:
        if change["new"] and (self.raw is None or change["new"] != self.raw.sheet):
            self.read(sheet=change["new"])

    @contextlib.contextmanager
    def _working(self, what: str):
        """Shows "what …" while a slow step runs (a large file takes several seconds)."""
        self.progress.value = _box("info", f"<i>{what}… mohon tunggu; berkas besar dapat "
                                           "memerlukan beberapa puluh detik.</i>")
        try:
            yield
        finally:
            self.progress.value = ""

    # --- step 2 --------------------------------------------------------------------------
    def show_mapping(self, chosen: mapping.Mapping) -> None:
        headers = list(self.raw.frame.columns)
        self.personal.options = [(self.raw.where(h), h) for h in headers]
        self.personal.value = tuple(h for h in chosen.personal if h in headers)
        self.personal.rows = min(8, len(headers))
        rows = []
        self.choices = {}
        for field in fields.KINDS[self.kind]:
            mark = " *" if field.required else ""
            options = [(NONE, "")] + [(self.raw.where(h), h) for h in headers]
            current = chosen.columns.get(field.key, "")
            box = widgets.Dropdown(options=options, value=current if current in headers else "",
                                   description=field.label + mark, style=_LABEL, layout=_WIDE)
            box.observe(self._choice_changed, names="value")
            self.choices[field.key] = box
            rows.append(box)
        self.fields_box.children = [widgets.HTML("<i>Tanda * wajib ada.</i>"), *rows]
        self._show_scales(chosen.scales)
        self._show_preview()

    def _choice_changed(self, _change=None) -> None:
        self._reset(after="read")
        self._show_scales({})

    def _show_scales(self, confirmed: dict[str, dict[str, int]]) -> None:
        """One label → value table per answer scale; a scale whose order is not certain waits
        for the participant's tick."""
        proposed = mapping.scales(self.raw, self.mapping(with_scales=False))
        groups: dict[tuple, list[str]] = {}
        for header, scale in proposed.items():
            key = (tuple(scale.table()), scale.certain, scale.why)
            groups.setdefault(key, []).append(header)
        self.scale_rows, boxes = [], []
        for (table, certain, why), headers in groups.items():
            scale = proposed[headers[0]]
            saved = confirmed.get(headers[0], {})
            dropdowns = {}
            for label, value in table:
                chosen_value = saved.get(label, value)
                dropdowns[label] = widgets.Dropdown(
                    options=[1, 2, 3, 4], value=chosen_value if chosen_value in range(1, 5)
                    else value, description=label, style=_LABEL,
                    layout=widgets.Layout(width="380px"))
                dropdowns[label].observe(lambda _: self._reset(after="read"), names="value")
            tick = widgets.Checkbox(value=certain or bool(saved), indent=False,
                                    description="Urutan nilai ini benar", layout=_WIDE)
            tick.observe(lambda _: self._reset(after="read"), names="value")
            columns = ", ".join(self.raw.where(h) for h in headers)
            if certain:
                head = _box("ok", f"Nilai jawaban di kolom {html.escape(columns)}:")
            else:
                head = _box("error", f"<b>Periksa nilai jawaban di kolom {html.escape(columns)}"
                                     f"</b>: {html.escape(scale.why)}. Atur nilainya (1 = "
                                     "terburuk, 4 = terbaik), lalu centang «Urutan nilai ini "
                                     "benar».")
            self.scale_rows.append((headers, dropdowns, tick))
            boxes.append(widgets.VBox([widgets.HTML(head), *dropdowns.values(), tick]))
        self.scales_box.children = boxes

    def _personal_changed(self, _change=None) -> None:
        self._reset(after="read")
        if self.raw is not None:
            self._show_preview()

    def _show_preview(self) -> None:
        shown = takehome.preview(self.raw.frame, list(self.personal.value))
        self.preview.value = ("<p>Lima baris pertama (kolom data pribadi disembunyikan):</p>"
                              + table_html(shown))

    def mapping(self, with_scales: bool = True) -> mapping.Mapping:
        """The mapping as the participant has set it (with the scales they ticked)."""
        scales = {}
        for headers, dropdowns, tick in self.scale_rows if with_scales else []:
            if tick.value:
                scales.update({h: {label: box.value for label, box in dropdowns.items()}
                               for h in headers})
        return mapping.Mapping(self.kind, {k: box.value for k, box in self.choices.items()
                                           if box.value}, list(self.personal.value), scales)

    def save(self) -> None:
        try:
            path = mapping.save(self.mapping(), self.mapping_file.value)
            self.mapping_status.value = _box("ok", f"Pemetaan disimpan di "
                                                   f"<code>{html.escape(str(path))}</code>.")
        except OSError as error:
            self.mapping_status.value = _box("error", f"Pemetaan tidak dapat disimpan: "
                                                      f"{html.escape(error.strerror or '')}.")

    def load(self) -> None:
        if self.raw is None:
            self.mapping_status.value = _box("error", "Baca berkas data dulu (langkah 1).")
            return
        try:
            saved = mapping.load(self.mapping_file.value)
        except DatasetError as error:
            self.mapping_status.value = error_html(error)
            return
        self.show_mapping(saved)
        self.mapping_status.value = _box("ok", "Pemetaan dimuat; periksa kembali kolomnya.")

    # --- step 3 --------------------------------------------------------------------------
    def check(self) -> None:
        """Check the mapped data and list each problem with its row and column."""
        self._reset(after="check")
        if self.raw is None:
            self.problems.value = _box("error", "Baca berkas data dulu (langkah 1).")
            return
        try:
            with self._working("Sedang memeriksa data"):
                self.prepared = prepare.prepare(self.raw, self.mapping())
        except DatasetError as error:
            self.problems.value = error_html(error)
            return
        notes = [*self.prepared.notes,
                 takehome.skipped(self.prepared.blank_rows, self.prepared.template_rows)]
        self.notes.value = "".join(_box("info", html.escape(n)) for n in notes if n)
        found = self.prepared.problems
        if not found:
            self.problems.value = _box("ok", f"Semua {angka(len(self.prepared.frame), 0)} "
                                             "baris dapat dihitung.")
            return
        listed = "".join(f"<li>{html.escape(str(p))}</li>" for p in found[:50])
        more = f"<li>... dan {len(found) - 50} masalah lain.</li>" if len(found) > 50 else ""
        bad = len(self.prepared.bad_rows)
        whole = len(self.prepared.column_problems)
        self.leave_out.description = (f"Tinggalkan {bad} baris bermasalah dan lanjutkan "
                                      "(berkas asli tidak diubah)")
        self.leave_out.layout.display = "" if bad and not whole else "none"
        counted = ([f"{bad} baris"] if bad else []) + ([f"{whole} kolom"] if whole else [])
        advice = ("Masalah kolom harus dibetulkan dulu (di langkah 2 atau di berkas asli). "
                  if whole else "")
        self.problems.value = _box("error", f"<b>{len(found)} masalah di "
                                            f"{' dan '.join(counted)}.</b> {advice}Perbaiki "
                                            "di berkas asli lalu baca ulang"
                                            + (", atau tinggalkan baris itu." if bad and not
                                               whole else ".") + f"<ul>{listed}{more}</ul>")

    # --- step 4 --------------------------------------------------------------------------
    def compute(self) -> None:
        """Compute the results with the Day 1 / Day 2 functions and show them."""
        self._reset(after="compute")
        if self.prepared is None:
            self.check()
            if self.prepared is None:
                self.summary.value = _box("error", "Data belum dapat dihitung: lihat pesan di "
                                                   "langkah 3.")
                return
        try:
            with self._working("Sedang menghitung"):
                if self.kind == "skm":
                    self.result = results.survey(self.prepared, self.leave_out.value,
                                                 self.population.value or None)
                else:
                    self.result = results.issues(self.prepared, self.leave_out.value)
        except (DatasetError, satisfaction.SurveyError) as error:
            self.summary.value = error_html(error)
            return
        document = (takehome.survey_document(self.result) if self.kind == "skm"
                    else takehome.issue_document(self.result))
        points = "".join(f"<li>{html.escape(p)}</li>" for p in document.sections[0].points)
        tables = "".join(t.html() for s in document.sections[1:] for t in s.tables)
        self.summary.value = (_box("ok", f"<ul>{points}</ul>") + tables
                              + f"<p><i>{html.escape(document.note)}</i></p>")
        with self.charts:
            if self.kind == "skm":
                display(satisfaction.element_chart(self.result.table))
            else:
                display(issue_charts.issue_matrix(self.result.issues))

    # --- step 5 --------------------------------------------------------------------------
    def take_home(self) -> dict[str, Path] | None:
        """Write HTML, XLSX and DOCX to the output folder and offer them as downloads."""
        if self.result is None:
            self.downloads.value = _box("error", "Hitung hasil dulu (langkah 4).")
            return None
        try:
            written = takehome.write(self.result, self.folder)
        except OSError as error:
            self.downloads.value = _box("error", f"Laporan tidak dapat ditulis: "
                                                 f"{html.escape(error.strerror or '')}.")
            return None
        links = "".join(
            f"<li><a download='{p.name}' href='data:{_MIME[k]};base64,"
            f"{base64.b64encode(p.read_bytes()).decode()}'>Unduh {p.name}</a> "
            f"(juga tersimpan di <code>{html.escape(str(p))}</code>)</li>"
            for k, p in written.items())
        self.downloads.value = _box("ok", f"Laporan siap dibawa pulang:<ul>{links}</ul>")
        return written

    def _reset(self, after: str) -> None:
        """Clear what a later step showed, since its input has changed."""
        order = ["read", "check", "compute"]
        if order.index(after) <= 0:
            self.prepared = None
            self.problems.value = ""
            self.notes.value = ""
            self.leave_out.value = False
        if order.index(after) <= 1:
            self.result = None
            self.summary.value = ""
            self.charts.clear_output()
        self.downloads.value = ""


def data_saya(kind: str, output_folder: str | Path = "hasil_data_saya") -> DataSaya:
    """The widget for the notebooks: ``data_saya("skm")`` or ``data_saya("monitoring")``."""
    if kind not in fields.KINDS:
        raise ValueError(f"Jenis data '{kind}' tidak dikenal; pilih: {', '.join(fields.KINDS)}.")
    return DataSaya(kind, output_folder)
