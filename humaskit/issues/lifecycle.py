"""The Hainsworth issue life cycle, read from an issue's monthly volumes.

Hainsworth's stages (origin, mediation & amplification, organization, resolution) are
called *permulaan*, *mediasi & amplifikasi*, *organisasi* and *resolusi* here. The rule,
applied in this order to one row of the per-issue summary:

1. total ``volume`` below 15 clips → permulaan (the issue is still small);
2. otherwise ``tren`` > 0 (more clips this month than last) → mediasi & amplifikasi;
3. otherwise ``volume_terkini`` at most half of ``volume_sebelumnya`` → resolusi;
4. otherwise → organisasi (large and no longer growing: positions have formed).
"""

from __future__ import annotations

import pandas as pd

STAGES = ("permulaan", "mediasi & amplifikasi", "organisasi", "resolusi")
SMALL_VOLUME = 15


def stage(volume: int, recent: int, previous: int) -> str:
    """The life-cycle stage of one issue."""
    if volume < SMALL_VOLUME:
        return "permulaan"
    if recent - previous > 0:
        return "mediasi & amplifikasi"
    if recent * 2 <= previous:
        return "resolusi"
    return "organisasi"


def stages(summary: pd.DataFrame) -> pd.Series:
    """The stage of every issue in a per-issue summary (same index)."""
    return pd.Series(
        [stage(v, r, p) for v, r, p in zip(summary["volume"], summary["volume_terkini"],
                                            summary["volume_sebelumnya"])],
        index=summary.index, name="tahap", dtype="str",
    )
