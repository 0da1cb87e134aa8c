"""The development plan (*rencana pengembangan*) for the elements a candidate claims BK.

Every BK element needs one plan item: an activity, a learning resource, a target date after
the assessment date, and an indicator of success. The functions return Indonesian messages
(empty list = fine) that name the unit and element concerned.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from humaskit.skkni.apl02 import normalise

#: Columns of the plan table ``rencana`` (one row per BK element).
PLAN_COLUMNS = ["kode_unit", "no_elemen", "kegiatan", "sumber_belajar", "target", "indikator"]
TEXT_FIELDS = {"kegiatan": "kegiatan", "sumber_belajar": "sumber belajar",
               "indikator": "indikator keberhasilan"}


def blank_plan(jawaban: pd.DataFrame) -> pd.DataFrame:
    """One empty plan row for each element claimed BK."""
    bk = normalise(jawaban)
    bk = bk[bk["klaim"] == "BK"]
    plan = pd.DataFrame({"kode_unit": bk["kode_unit"], "no_elemen": bk["no_elemen"]})
    for column in PLAN_COLUMNS[2:]:
        plan[column] = ""
    return plan.reset_index(drop=True)


def parse_date(value: object) -> dt.date | None:
    """A date from a date, datetime or 'YYYY-MM-DD' text; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _label(code: object, number: object) -> str:
    try:
        number = int(number)
    except (TypeError, ValueError):
        pass
    return f"unit {code} elemen {number}"


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()


def missing_items(rencana: pd.DataFrame, jawaban: pd.DataFrame) -> list[str]:
    """Messages for BK elements with no plan item or with an empty field in it."""
    answers = normalise(jawaban)
    plan = rencana.copy()
    plan["no_elemen"] = pd.to_numeric(plan["no_elemen"], errors="coerce")
    plan["kode_unit"] = plan["kode_unit"].astype(str).str.strip()
    messages = []
    for row in answers[answers["klaim"] == "BK"].itertuples():
        items = plan[(plan["kode_unit"] == row.kode_unit) & (plan["no_elemen"] == row.no_elemen)]
        where = _label(row.kode_unit, row.no_elemen)
        if items.empty:
            messages.append(f"{where} diklaim BK tetapi belum punya rencana pengembangan.")
            continue
        item = items.iloc[0]
        empty = [label for column, label in TEXT_FIELDS.items() if len(_text(item[column])) < 3]
        if parse_date(item["target"]) is None and not _text(item["target"]):
            empty.append("target tanggal")
        if empty:
            messages.append(f"rencana untuk {where} belum lengkap: isi {', '.join(empty)}.")
    return messages


def date_problems(rencana: pd.DataFrame, tanggal_asesmen: object,
                  check_order: bool = True) -> list[str]:
    """Messages for target dates that are not valid dates (TTTT-BB-HH) or, with
    ``check_order``, that do not fall after the assessment date."""
    assessed = parse_date(tanggal_asesmen)
    messages = []
    for row in rencana.itertuples():
        where = _label(row.kode_unit, row.no_elemen)
        target = parse_date(row.target)
        if target is None:
            messages.append(f"target rencana {where} ('{_text(row.target)}') bukan tanggal "
                            "yang sah; tulis dengan format TTTT-BB-HH, misalnya 2026-03-31.")
        elif check_order and assessed is not None and target <= assessed:
            messages.append(f"target rencana {where} ({target.isoformat()}) harus sesudah "
                            f"tanggal asesmen ({assessed.isoformat()}).")
    return messages
