"""Mendelow's power–interest grid.

``kekuasaan`` (power) and ``kepentingan`` (interest) are scored 1–5; a score of 3 or more
counts as high (``HIGH_FROM``). Quadrants: high power and high interest → *Kelola secara
dekat* (key players); high power, low interest → *Jaga kepuasan*; low power, high
interest → *Jaga agar terinformasi*; low and low → *Pantau*.
"""

from __future__ import annotations

import pandas as pd

HIGH_FROM = 3
KEY_PLAYERS = "Kelola secara dekat"
QUADRANTS = (KEY_PLAYERS, "Jaga kepuasan", "Jaga agar terinformasi", "Pantau")
ISSUE_SEPARATOR = "; "


def quadrant(power: int, interest: int) -> str:
    """The Mendelow quadrant of one stakeholder."""
    high_power, high_interest = power >= HIGH_FROM, interest >= HIGH_FROM
    if high_power:
        return KEY_PLAYERS if high_interest else "Jaga kepuasan"
    return "Jaga agar terinformasi" if high_interest else "Pantau"


def classify(stakeholders: pd.DataFrame) -> pd.DataFrame:
    """The stakeholders with a ``kuadran`` column added."""
    out = stakeholders.copy()
    out["kuadran"] = [quadrant(p, i) for p, i in
                      zip(out["kekuasaan"], out["kepentingan"])]
    return out


def issues_of(related: str) -> list[str]:
    """The topic keys listed in an ``isu_terkait`` cell ("banjir; jalan rusak")."""
    return [t.strip() for t in str(related).split(";") if t.strip()]


def key_players(classified: pd.DataFrame, topic: str) -> list[str]:
    """Names, sorted, of the key players (Kelola secara dekat) related to ``topic``."""
    related = classified["isu_terkait"].map(lambda cell: topic in issues_of(cell))
    return sorted(classified.loc[classified["kuadran"].eq(KEY_PLAYERS) & related, "nama"])
