"""A participant's own results, computed by the same functions as the Day 1 and Day 2
modules (:mod:`humaskit.satisfaction`, :mod:`humaskit.issues`): nothing is computed twice."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from humaskit import satisfaction
from humaskit.issues import issue_map, monitoring
from humaskit.own_data.prepare import NOT_NAMED, Prepared, canonical

WEAKEST = 3


@dataclass(frozen=True)
class SurveyResult:
    """SKM results of one sheet: ``nrr`` per element, the IKM and its band (the band of the
    IKM as shown, to two decimals), the weakest elements, the sample-size check when a
    population is given, and per service unit."""

    source: str
    table: pd.DataFrame
    left_out: int
    nrr: pd.DataFrame
    ikm: float
    mutu: str
    kinerja: str
    weakest: pd.DataFrame
    population: int | None
    minimum_sample: int | None
    by_unit: pd.DataFrame | None

    @property
    def respondents(self) -> int:
        return len(self.table)

    @property
    def sample_is_enough(self) -> bool | None:
        return None if self.minimum_sample is None else self.respondents >= self.minimum_sample


@dataclass(frozen=True)
class IssueResult:
    """Issue results of one monitoring sheet: the scored summary per issue (Day 2 rubric)."""

    source: str
    table: pd.DataFrame
    left_out: int
    month: pd.Period
    issues: pd.DataFrame

    @property
    def clips(self) -> int:
        return len(self.table)


def survey(prepared: Prepared, leave_out_bad_rows: bool = False,
           population: int | None = None) -> SurveyResult:
    """SKM results; ``population`` (people served in the survey period) adds the Krejcie &
    Morgan check."""
    table = canonical(prepared, prepared.usable(leave_out_bad_rows))
    nrr = satisfaction.nrr_per_element(table)
    nrr["nilai_konversi"] = nrr["nrr"] * satisfaction.SCALE
    value = satisfaction.ikm_from_nrr(nrr["nrr"])
    mutu, kinerja = satisfaction.grade_band(value)
    minimum = None if population is None else satisfaction.krejcie_morgan(population)
    by_unit = None
    if "unit_layanan" in table.columns and table["unit_layanan"].notna().any():
        by_unit = satisfaction.summary_by_unit(
            table.assign(unit_layanan=table["unit_layanan"].fillna(NOT_NAMED)))
    return SurveyResult(
        prepared.source, table, len(prepared.bad_rows), nrr,
        value, mutu, kinerja, nrr.nsmallest(WEAKEST, "nrr", keep="first"), population,
        minimum, by_unit)


def issues(prepared: Prepared, leave_out_bad_rows: bool = False,
           month: str | pd.Period | None = None) -> IssueResult:
    """Issue priorities by the Day 2 rubric, at ``month`` (default: the latest month)."""
    table = canonical(prepared, prepared.usable(leave_out_bad_rows))
    scored = issue_map.prioritised(table, month)
    recent = pd.Period(month, "M") if month is not None else monitoring.recent_month(table)
    return IssueResult(prepared.source, table, len(prepared.bad_rows), recent, scored)
