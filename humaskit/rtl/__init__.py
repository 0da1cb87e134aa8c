"""The *rencana tindak lanjut* (RTL): the follow-up actions a participant takes home.

Each action has an owner (person and OPD), a deadline and an indicator of success. The table
is a plain DataFrame; :func:`add` validates one action and returns a new table (the old one is
untouched when the input is rejected), :func:`export` writes CSV, XLSX and a printable HTML.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pandas as pd

from humaskit import pages, safe_text

COLUMNS = ["no", "aksi", "penanggung_jawab", "opd", "tenggat", "indikator"]
DEFAULT_NAME = "rtl_saya"


def empty() -> pd.DataFrame:
    """An RTL with no actions yet."""
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "no" else object) for c in COLUMNS})


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def problems(aksi: str, penanggung_jawab: str, opd: str, tenggat: object, indikator: str,
             today: dt.date | None = None) -> list[str]:
    """What is missing or wrong in one action (Indonesian; empty list when it is fine)."""
    messages = []
    if len((aksi or "").strip()) < 5:
        messages.append("aksi belum diisi (tulis kegiatan yang akan dilakukan).")
    if len((penanggung_jawab or "").strip()) < 2:
        messages.append("penanggung jawab belum diisi.")
    if len((opd or "").strip()) < 2:
        messages.append("OPD belum diisi.")
    deadline = _date(tenggat)
    if deadline is None:
        messages.append("tenggat belum diisi atau bukan tanggal (format TTTT-BB-HH).")
    elif today is not None and deadline <= today:
        messages.append(f"tenggat {deadline.isoformat()} harus sesudah hari ini "
                        f"({today.isoformat()}).")
    if len((indikator or "").strip()) < 5:
        messages.append("indikator keberhasilan belum diisi (apa tanda aksi ini berhasil?).")
    return messages


def add(table: pd.DataFrame, aksi: str, penanggung_jawab: str, opd: str, tenggat: object,
        indikator: str, today: dt.date | None = None) -> pd.DataFrame:
    """A new table with the action appended; ValueError (Indonesian) when it is incomplete."""
    found = problems(aksi, penanggung_jawab, opd, tenggat, indikator, today)
    if found:
        raise ValueError("Aksi belum dapat ditambahkan:\n" + "\n".join(f"  • {m}" for m in found))
    row = pd.DataFrame([{
        "no": len(table) + 1, "aksi": aksi.strip(), "penanggung_jawab": penanggung_jawab.strip(),
        "opd": opd.strip(), "tenggat": _date(tenggat).isoformat(), "indikator": indikator.strip(),
    }])
    return pd.concat([table, row], ignore_index=True) if len(table) else row


def remove(table: pd.DataFrame, no: int) -> pd.DataFrame:
    """A new table without action number ``no`` (the rest renumbered)."""
    kept = table[table["no"] != no].reset_index(drop=True)
    return kept.assign(no=range(1, len(kept) + 1))


def load(path: str | Path) -> pd.DataFrame:
    """An RTL saved earlier with :func:`export` (CSV)."""
    table = pd.read_csv(path, dtype=str, encoding="utf-8-sig").fillna("").map(
        safe_text.from_csv)
    missing = [c for c in COLUMNS if c not in table]
    if missing:
        raise ValueError(f"Berkas {path} bukan RTL humaskit: kolom {', '.join(missing)} tidak ada.")
    return table[COLUMNS].assign(no=range(1, len(table) + 1))


_STYLE = ("body{font-family:Arial,sans-serif;margin:1.5cm}table{border-collapse:collapse;"
          "width:100%}td,th{border:1px solid #000;padding:4px 6px;vertical-align:top}"
          "th{background:#eee}")


def to_html(table: pd.DataFrame, peserta: str = "", judul: str = "Rencana Tindak Lanjut") -> str:
    """A printable page of the RTL."""
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in COLUMNS) + "</tr>"
        for r in table.to_dict("records"))
    head = "".join(f"<th>{h}</th>" for h in ["No", "Aksi", "Penanggung jawab", "OPD",
                                              "Tenggat", "Indikator keberhasilan"])
    who = f"<p>Peserta: {html.escape(peserta)}</p>" if peserta else ""
    return pages.document(
        judul, f"<h1>{html.escape(judul)}</h1>{who}<table><tr>{head}</tr>{rows}</table>", _STYLE)


def export(table: pd.DataFrame, folder: str | Path = ".", name: str = DEFAULT_NAME,
           peserta: str = "") -> dict[str, Path]:
    """Write ``name``.csv (opens in Excel), ``name``.xlsx and ``name``.html to ``folder``."""
    if table.empty:
        raise ValueError("RTL masih kosong: tambahkan paling sedikit satu aksi.")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {kind: folder / f"{name}.{kind}" for kind in ("csv", "xlsx", "html")}
    safe_text.to_csv(table, paths["csv"])
    with pd.ExcelWriter(paths["xlsx"], engine="openpyxl") as book:
        safe_text.frame_printable(table).to_excel(book, index=False, sheet_name="RTL")
        safe_text.no_formulas(book.sheets["RTL"])
    paths["html"].write_text(safe_text.printable(to_html(table, peserta)), encoding="utf-8")
    return paths
