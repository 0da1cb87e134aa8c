"""The final issue map (*peta isu*): per issue its priority, stage, lead OPD, coordinator
and key stakeholders.

- Lead OPD (``opd_utama``): the OPD named most often in the issue's clips (ties: the
  alphabetically first code); ``jumlah_opd`` counts the distinct OPD named.
- Coordinator (``koordinator``): ``"Sekda/Wabup"`` when the issue is *Kritis* and crosses
  dinas (``jumlah_opd`` ≥ 2), as the workshop makes the Sekda/Wabup the cross-dinas issue
  coordinator; otherwise the lead OPD itself.
- Key stakeholders (``pemangku_kunci``): the names in quadrant *Kelola secara dekat* whose
  ``isu_terkait`` lists the issue, sorted and joined with ``"; "``.
"""

from __future__ import annotations

import pandas as pd

from humaskit.issues import lifecycle, monitoring, priority, stakeholders

CENTRAL_COORDINATOR = "Sekda/Wabup"
CROSS_DINAS_FROM = 2

MAP_COLUMNS = ["topik", "volume", "dampak", "urgensi", "prioritas", "kategori", "tahap",
               "opd_utama", "jumlah_opd", "koordinator", "pemangku_kunci"]


def lead_offices(data: pd.DataFrame) -> pd.DataFrame:
    """Per topic: ``opd_utama`` (most frequent OPD) and ``jumlah_opd`` (distinct OPD)."""
    counts = data.groupby(["topik", "opd_terkait"]).size().reset_index(name="n")
    lead = (counts.sort_values(["topik", "n", "opd_terkait"], ascending=[True, False, True])
            .drop_duplicates("topik").set_index("topik")["opd_terkait"])
    return pd.DataFrame({"opd_utama": lead,
                         "jumlah_opd": counts.groupby("topik").size()}).reset_index()


def coordinator(category: str, offices: int, lead: str) -> str:
    """Who coordinates the response to one issue."""
    if category == "Kritis" and offices >= CROSS_DINAS_FROM:
        return CENTRAL_COORDINATOR
    return lead


def prioritised(data: pd.DataFrame, month: str | pd.Period | None = None) -> pd.DataFrame:
    """Per issue: the summary scored by the rubric, its stage, lead OPD and coordinator,
    highest priority first (the issue map without stakeholders)."""
    scored = priority.score(monitoring.summarise(data, month))
    scored["tahap"] = lifecycle.stages(scored)
    peta = scored.merge(lead_offices(data), on="topik", how="left")
    peta["koordinator"] = [coordinator(k, n, o) for k, n, o in
                           zip(peta["kategori"], peta["jumlah_opd"], peta["opd_utama"])]
    return (peta.sort_values(["prioritas", "topik"], ascending=[False, True])
            .reset_index(drop=True))


def build(data: pd.DataFrame, stakeholder_table: pd.DataFrame,
          month: str | pd.Period | None = None) -> pd.DataFrame:
    """The issue map from clean clips and the stakeholder table, highest priority first."""
    peta = prioritised(data, month)
    classified = stakeholders.classify(stakeholder_table)
    peta["pemangku_kunci"] = [stakeholders.ISSUE_SEPARATOR.join(
        stakeholders.key_players(classified, t)) for t in peta["topik"]]
    return peta[MAP_COLUMNS]
