"""The ipywidgets form for FR.APL.02: a participant who does not program fills in identity,
scheme, K/BK and evidence per element, and a plan for each BK element; each answer is saved
when it changes (a typing field, when the participant leaves it) and by *Simpan jawaban*;
the answers go to :data:`humaskit.skkni.form.ANSWER_FILE` and, through
:class:`humaskit.exercises.answers.Mirror`, into the form's own cell, so that they travel
inside the notebook too.

All logic (tables, JSON) lives in :mod:`form`, :mod:`apl02` and :mod:`plan`; this module
only maps widgets to an :class:`~humaskit.skkni.form.Isian` and back.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w
import pandas as pd
from IPython.display import display

from humaskit import form_layout
from humaskit.exercises import answers
from humaskit.skkni import apl02, catalog, evidence, form, plan

_WIDE = w.Layout(width="95%")
FORM_TEXT = ("[Formulir FR.APL.02: tampil sebagai formulir isian di JupyterLab. Isian yang "
             "tersimpan ditampilkan sebagai tabel di bawah, bersama putusan aturannya.]")


class ElementRow:
    """Widgets for one element: claim, evidence, and (for BK) the plan item."""

    def __init__(self, element: pd.Series):
        self.key = (element["kode_unit"], int(element["no_elemen"]))
        note = "" if element["status"] == "resmi" else " <i>(rumusan ilustrasi latihan)</i>"
        kuk = "; ".join(k.strip() for k in str(element["kuk"]).split("|"))
        self.question = w.HTML(f"<b>{element['no_elemen']}. {element['pertanyaan']}</b>{note}"
                               f"<br><small>KUK: {kuk}</small>")
        self.klaim = w.ToggleButtons(options=list(apl02.CLAIMS), value=None,
                                     tooltips=["Kompeten (saya dapat)", "Belum kompeten"])
        self.bukti = w.Textarea(placeholder="Bukti untuk K: jenis dokumen atau kegiatan, dan "
                                            "tahunnya, mis. Notulen rapat koordinasi humas, "
                                            "Maret 2025", description="Bukti", layout=_WIDE,
                                continuous_update=False)
        self.verdict = w.HTML()
        self.kegiatan = w.Text(description="Kegiatan", layout=_WIDE, continuous_update=False)
        self.sumber = w.Text(description="Sumber belajar", layout=_WIDE,
                             continuous_update=False)
        self.target = w.DatePicker(description="Target")
        self.indikator = w.Text(description="Indikator", layout=_WIDE, continuous_update=False)
        #: What the participant sets: each is saved when it changes (a typing field, when
        #: the participant leaves it).
        self.fields = (self.klaim, self.bukti, self.kegiatan, self.sumber, self.target,
                       self.indikator)
        self.plan_box = w.VBox([w.HTML("<i>Rencana pengembangan untuk elemen BK:</i>"),
                                self.kegiatan, self.sumber, self.target, self.indikator])
        self.klaim.observe(self._toggle_plan, names="value")
        self.klaim.observe(self._judge, names="value")
        self.bukti.observe(self._judge, names="value")
        self._toggle_plan()
        self.box = w.VBox([self.question, self.klaim, self.bukti, self.verdict, self.plan_box],
                          layout=w.Layout(border="1px solid #ddd", padding="4px", margin="4px 0"))

    def _toggle_plan(self, *_):
        self.plan_box.layout.display = "" if self.klaim.value == "BK" else "none"

    def _judge(self, *_):
        """The evidence rule's verdict under the evidence, as the participant types."""
        shown = self.klaim.value == "K" and self.bukti.value.strip()
        self.verdict.value = (f"<small>{html.escape(evidence.judge(self.bukti.value).describe())}"
                              "</small>" if shown else "")

    def fill(self, answer: dict | None, item: dict | None) -> None:
        if answer:
            value = str(answer.get("klaim") or "").strip().upper()
            self.klaim.value = value if value in apl02.CLAIMS else None
            self.bukti.value = str(answer.get("bukti") or "")
        if item:
            self.kegiatan.value = str(item.get("kegiatan") or "")
            self.sumber.value = str(item.get("sumber_belajar") or "")
            self.target.value = plan.parse_date(item.get("target"))
            self.indikator.value = str(item.get("indikator") or "")

    def answer(self) -> dict:
        return {"klaim": self.klaim.value or "", "bukti": self.bukti.value.strip()}

    def plan_item(self) -> dict | None:
        if self.klaim.value != "BK":
            return None
        return {"kode_unit": self.key[0], "no_elemen": self.key[1],
                "kegiatan": self.kegiatan.value.strip(),
                "sumber_belajar": self.sumber.value.strip(),
                "target": self.target.value.isoformat() if self.target.value else "",
                "indikator": self.indikator.value.strip()}


class AsesmenForm:
    """The whole form; ``widget`` is what the notebook displays."""

    def __init__(self, folder: str | Path = ".", catalog_frame: pd.DataFrame | None = None,
                 schemes: pd.DataFrame | None = None):
        self.folder = Path(folder)
        self.catalog = catalog.load_catalog() if catalog_frame is None else catalog_frame
        self.schemes = (catalog.load_schemes(catalog=self.catalog) if schemes is None
                        else schemes)
        names = catalog.scheme_names(self.schemes)
        self.nama = w.Text(description="Nama", layout=_WIDE, continuous_update=False)
        self.instansi = w.Text(description="Instansi/OPD", layout=_WIDE, continuous_update=False)
        self.jabatan = w.Text(description="Jabatan", layout=_WIDE, continuous_update=False)
        self.tanggal = w.DatePicker(description="Tanggal asesmen")
        self.skema = w.Dropdown(options=[(f"{n} [{c}]", c) for c, n in names.items()],
                                description="Skema", layout=_WIDE)
        self.units = w.Accordion()
        self.rows: dict[tuple, ElementRow] = {}
        self.save_button = w.Button(description="Simpan jawaban", button_style="success",
                                    icon="save")
        self.status = w.HTML()
        self.save_button.on_click(lambda _: self.save())
        self.mirror = answers.Mirror(form.ANSWER_FILE)
        saved = form.muat(folder=self.folder) if (self.folder / form.ANSWER_FILE).exists() else None
        if saved is not None and saved.kode_skema in names:
            self.skema.value = saved.kode_skema
        self._build_rows()
        if saved is not None:
            self._fill(saved)
        self.skema.observe(self._on_scheme, names="value")
        for field in (self.nama, self.instansi, self.jabatan, self.tanggal):
            field.observe(self._changed, names="value")
        self._save_on_change()
        self.widget = form_layout.fit(w.VBox([
            w.HTML("<h4>Langkah 1 — Identitas dan skema</h4>"),
            self.nama, self.instansi, self.jabatan, self.tanggal, self.skema,
            w.HTML("<h4>Langkah 2 — Dapatkah saya ...? (K/BK dan bukti; rencana untuk BK)</h4>"
                   f"<small>{apl02.CLAIM_NOTE}</small>"),
            self.units, self.save_button, self.status,
        ]))

    def _build_rows(self) -> None:
        elements = catalog.scheme_elements(self.skema.value, self.catalog, self.schemes)
        self.elements = elements
        self._scheme = self.skema.value
        self.rows = {}
        children, titles = [], []
        for code, unit in elements.groupby("kode_unit", sort=False):
            rows = [ElementRow(e) for _, e in unit.iterrows()]
            self.rows.update({r.key: r for r in rows})
            children.append(w.VBox([r.box for r in rows]))
            titles.append(f"{code} — {unit['judul_unit'].iloc[0]}")
        self.units.children = children
        self.units.titles = tuple(titles)

    def _on_scheme(self, _change) -> None:
        current = self.isian()
        self._build_rows()
        self._fill(current)
        self._save_on_change()

    def _save_on_change(self) -> None:
        """Save as *Simpan jawaban* does whenever an element's answer changes, so that what
        is typed on a phone is kept without reaching for the button."""
        for row in self.rows.values():
            for field in row.fields:
                field.observe(self._changed, names="value")

    def _changed(self, _change) -> None:
        self.save()

    def _fill(self, isian: form.Isian) -> None:
        identity = isian.identitas
        self.nama.value, self.instansi.value, self.jabatan.value = (
            identity.get("nama", ""), identity.get("instansi", ""), identity.get("jabatan", ""))
        self.tanggal.value = plan.parse_date(identity.get("tanggal_asesmen"))
        answers = {(str(a["kode_unit"]), int(a["no_elemen"])): a
                   for a in isian.jawaban.to_dict("records")
                   if str(a.get("no_elemen", "")).strip().isdigit()}
        items = {(str(p["kode_unit"]), int(p["no_elemen"])): p
                 for p in isian.rencana.to_dict("records")
                 if str(p.get("no_elemen", "")).strip().isdigit()}
        for key, row in self.rows.items():
            row.fill(answers.get(key), items.get(key))

    def isian(self) -> form.Isian:
        """The form's current content as an Isian."""
        jawaban = apl02.blank_answers(self.elements)
        for i, row in jawaban.iterrows():
            answer = self.rows[(row["kode_unit"], int(row["no_elemen"]))].answer()
            jawaban.loc[i, "klaim"] = answer["klaim"]
            jawaban.loc[i, "bukti"] = answer["bukti"]
        items = [r.plan_item() for r in self.rows.values()]
        return form.Isian(
            identitas={"nama": self.nama.value.strip(), "instansi": self.instansi.value.strip(),
                       "jabatan": self.jabatan.value.strip(),
                       "tanggal_asesmen": self.tanggal.value or ""},
            kode_skema=self._scheme, jawaban=jawaban,
            rencana=pd.DataFrame([i for i in items if i], columns=plan.PLAN_COLUMNS))

    def tampilkan(self) -> None:
        """Show the form, and below it the copy of the saved answers the notebook keeps.

        Where widgets are not drawn (a saved or graded notebook, the feedback page), the
        form's text says so instead of the widget's internals; the answers are shown as
        tables further down the notebook."""
        shown = self.widget._repr_mimebundle_()
        shown["text/plain"] = FORM_TEXT
        display(shown, raw=True)
        path = self.folder / form.ANSWER_FILE
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        self.mirror.show(text, answers.now() if text else "")

    def save(self) -> Path:
        """Write the answers file (and its copy in the notebook); report how many elements
        are answered."""
        isian = self.isian()
        path = form.save(isian, self.folder)
        answered = int(isian.jawaban["klaim"].isin(apl02.CLAIMS).sum())
        self.mirror.update(path.read_text(encoding="utf-8"), answers.now(), filled=answered,
                           total=len(isian.jawaban))
        self.status.value = (f"<b>Tersimpan</b> di {path.name}: {answered} dari "
                             f"{len(isian.jawaban)} elemen sudah dijawab K/BK.")
        return path


class CatalogExplorer:
    """Pick a scheme, see its units and elements with their status (official or practice)."""

    def __init__(self, catalog_frame: pd.DataFrame | None = None,
                 schemes: pd.DataFrame | None = None):
        self.catalog = catalog.load_catalog() if catalog_frame is None else catalog_frame
        self.schemes = (catalog.load_schemes(catalog=self.catalog) if schemes is None
                        else schemes)
        names = catalog.scheme_names(self.schemes)
        self.skema = w.Dropdown(options=[(n, c) for c, n in names.items()],
                                description="Skema", layout=_WIDE)
        self.show_kuk = w.Checkbox(description="Tampilkan KUK", value=False)
        self.view = w.HTML()
        self.skema.observe(self._render, names="value")
        self.show_kuk.observe(self._render, names="value")
        self._render()
        self.widget = w.VBox([w.HBox([self.skema, self.show_kuk]), self.view])

    def _render(self, *_) -> None:
        elements = catalog.scheme_elements(self.skema.value, self.catalog, self.schemes)
        parts = []
        for code, unit in elements.groupby("kode_unit", sort=False):
            label = catalog.status_label(unit["status"].iloc[0], code,
                                         unit["sumber"].iloc[0] if "sumber" in unit else "")
            parts.append(f"<h4>{code} — {unit['judul_unit'].iloc[0]} "
                         f"<small>({label})</small></h4><ol>")
            for e in unit.itertuples():
                kuk = ""
                if self.show_kuk.value:
                    kuk = "<ul>" + "".join(f"<li>{k.strip()}</li>"
                                           for k in str(e.kuk).split("|")) + "</ul>"
                parts.append(f"<li>{e.elemen}{kuk}</li>")
            parts.append("</ol>")
        n_units = elements["kode_unit"].nunique()
        self.view.value = (f"<p><b>{n_units} unit, {len(elements)} elemen.</b> "
                           "Sumber setiap baris ada di kolom <code>sumber</code> katalog.</p>"
                           + "".join(parts))


class ClaimExplorer:
    """Change one element's claim and watch the unit claim: K only when all elements are K."""

    def __init__(self, jawaban: pd.DataFrame):
        self.jawaban = apl02.normalise(jawaban).reset_index(drop=True)
        self.element = w.Dropdown(
            options=[(f"{r.kode_unit} elemen {int(r.no_elemen)}", i)
                     for i, r in self.jawaban.iterrows()],
            description="Elemen", layout=_WIDE)
        self.klaim = w.ToggleButtons(options=list(apl02.CLAIMS))
        self.view = w.HTML()
        self.element.observe(self._pick, names="value")
        self.klaim.observe(self._change, names="value")
        self._pick()
        self.widget = w.VBox([self.element, self.klaim, self.view])

    def _pick(self, *_) -> None:
        claim = self.jawaban.at[self.element.value, "klaim"]
        self.klaim.value = claim if claim in apl02.CLAIMS else "BK"
        self._render()

    def _change(self, *_) -> None:
        self.jawaban.loc[self.element.value, "klaim"] = self.klaim.value
        self._render()

    def _render(self) -> None:
        table = apl02.summary(self.jawaban)[["kode_unit", "jumlah_K", "jumlah_BK", "persen_K",
                                             "klaim_unit"]]
        self.view.value = table.to_html(index=False)
