"""The asesor's decision form (ipywidgets), without a spreadsheet: per candidate of a graded
cohort, the units with the K/BK claim, the evidence written and the evidence rule's flags,
and per unit the VATM decision and a comment, then one recommendation with the asesor's name
and date. *Simpan keputusan* writes them to the cohort's record
(:func:`humaskit.grading.competency.record_decision`), the one ``grade export``, ``grade
report`` and ``humaskit laporan`` read. The CSV route (``--decisions``) stays as it was.

Everything a candidate wrote is escaped before it is shown.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import ipywidgets as w
import pandas as pd
from IPython.display import display

from humaskit.datasets import DatasetError
from humaskit.grading import competency
from humaskit.grading.workspace import Workspace
from humaskit.skkni import asesor

_WIDE = w.Layout(width="95%")
_BLANK = "— pilih —"


def _cell(value) -> str:
    return "" if pd.isna(value) else html.escape(str(value))


def evidence_table(claims: pd.DataFrame, cited: pd.DataFrame) -> str:
    """An HTML table: per unit the claim, share K and flags, then each evidence cited."""
    rows = []
    for unit in claims.itertuples():
        found = cited[cited["kode_unit"] == unit.kode_unit]
        items = "".join(f"<li>elemen {_cell(e.no_elemen)}: {_cell(e.bukti)} "
                        f"<i>({_cell(e.putusan)})</i></li>" for e in found.itertuples())
        rows.append(f"<tr><td>{_cell(unit.kode_unit)}<br>{_cell(unit.judul_unit)}</td>"
                    f"<td>{_cell(unit.klaim_unit)} ({_cell(unit.persen_K)}% K)</td>"
                    f"<td>{_cell(unit.tanda_bukti) or '—'}</td><td><ul>{items}</ul></td></tr>")
    return ("<table><tr><th>Unit</th><th>Klaim asesi</th><th>Tanda bukti</th>"
            "<th>Bukti yang ditulis</th></tr>" + "".join(rows) + "</table>")


class DecisionForm:
    """The form on one cohort folder (``--out`` of ``humaskit grade``)."""

    def __init__(self, out: str | Path):
        self.ws = Workspace(Path(out).resolve())
        self.claims = (competency.claims(self.ws) if self.ws.settings()
                       else pd.DataFrame(columns=competency.CLAIM_COLUMNS))
        self.cited = competency.evidence_cited(self.ws)
        self.candidate = w.Dropdown(description="Asesi", layout=_WIDE, options=[
            (f"{row.id} — {row.nama}", row.id)
            for row in self.claims.drop_duplicates("id").itertuples()])
        self.table = w.HTML()
        self.units = w.VBox()
        self.recommendation = w.Dropdown(description="Rekomendasi",
                                         options=[_BLANK, *asesor.RECOMMENDATIONS])
        self.asesor = w.Text(description="Nama asesor", layout=_WIDE)
        self.date = w.DatePicker(description="Tanggal", value=date.today())
        self.save_button = w.Button(description="Simpan keputusan", button_style="primary")
        self.message = w.HTML()
        self.rows: dict[str, tuple[w.Dropdown, w.Text]] = {}
        self.candidate.observe(self._show, names="value")
        self.save_button.on_click(lambda _: self.save())
        self._show()

    def _show(self, *_) -> None:
        pid = self.candidate.value
        mine = self.claims[self.claims["id"] == pid]
        self.table.value = evidence_table(mine, self.cited[self.cited["id"] == pid])
        saved = competency.saved_decisions(self.ws)
        saved = saved[saved["id"] == pid] if saved is not None else pd.DataFrame()
        self.rows = {}
        for unit in mine["kode_unit"]:
            before = saved[saved["kode_unit"] == unit] if len(saved) else saved
            vatm = w.Dropdown(description=str(unit), options=[_BLANK, *asesor.VATM],
                              value=before["bukti_vatm"].iloc[0] if len(before) else _BLANK)
            note = w.Text(placeholder="komentar (wajib bila belum memenuhi)", layout=_WIDE,
                          value=str(before["komentar"].fillna("").iloc[0]) if len(before) else "")
            self.rows[unit] = (vatm, note)
        self.units.children = [w.HBox(pair) for pair in self.rows.values()]
        if len(saved):
            self.recommendation.value = saved["rekomendasi"].iloc[0]
            self.asesor.value = str(saved["asesor"].iloc[0])
            self.date.value = saved["tanggal"].iloc[0].date()
        self.message.value = ""

    def save(self) -> Path | None:
        """Record the decision shown; the message says what was saved or what to fix."""
        missing = [unit for unit, (vatm, _) in self.rows.items() if vatm.value == _BLANK]
        if missing or self.recommendation.value == _BLANK or not self.asesor.value.strip() \
                or self.date.value is None:
            self.message.value = ("<b>Belum disimpan:</b> pilih keputusan VATM setiap unit"
                                  f"{' (' + ', '.join(map(_cell, missing)) + ')' if missing else ''}"
                                  ", rekomendasi, nama asesor dan tanggal.")
            return None
        try:
            path = competency.record_decision(
                self.ws, self.candidate.value,
                {unit: (vatm.value, note.value) for unit, (vatm, note) in self.rows.items()},
                self.recommendation.value, self.asesor.value.strip(), self.date.value)
        except DatasetError as exc:
            self.message.value = f"<b>Belum disimpan:</b> {_cell(exc)}"
            return None
        self.message.value = (f"Tersimpan di {_cell(path)}. Jalankan ulang "
                              "<code>grade export</code> dan <code>grade report</code> agar "
                              "ekspor, dasbor dan laporan memuatnya.")
        return path

    def tampilkan(self) -> None:
        if self.claims.empty:
            display(w.HTML(f"Belum ada asesmen mandiri yang terkumpul di {_cell(self.ws.out)}:"
                           " jalankan <code>humaskit grade all</code> lebih dulu."))
            return
        display(w.VBox([self.candidate, self.table, w.HTML("<b>Keputusan per unit (VATM)"
                                                           "</b>"),
                        self.units, self.recommendation, self.asesor, self.date,
                        self.save_button, self.message]))
