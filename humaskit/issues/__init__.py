"""Issue management (Day 2 and the *Pemetaan Isu* exercise): monitoring, priority, life cycle,
stakeholders, the issue map and its charts.

Data: ``datasets.load("monitoring_isu")`` (clean clips), ``"monitoring_isu_mentah"`` (raw
export with planted dirt), ``"pemangku_kepentingan"`` (stakeholders with power/interest).

Public API (every function returns a new DataFrame / value; inputs are not modified):

``monitoring``
    ``TOPICS`` (topic key -> label), ``TOPIC_SPELLINGS`` (lower-case variant -> key),
    ``SENTIMENTS``, ``SOURCE_KINDS``, ``SUMMARY_COLUMNS``;
    ``clean(raw)`` -> clean clips (strip text, lower + respell topics, parse dates and drop
    unreadable ones, drop duplicates); ``recent_month(data)`` -> ``pd.Period``;
    ``summarise(data, month=None)`` -> one row per ``topik``: ``volume``,
    ``persen_negatif`` (0–100), ``total_jangkauan``, ``volume_terkini`` (clips in ``month``,
    default the latest), ``volume_sebelumnya`` (the month before), ``tren`` (difference);
    ``monthly(data)`` -> per ``topik`` and ``bulan``: ``volume``, ``persen_negatif``,
    ``jangkauan``.
``priority``
    ``IMPACT_THRESHOLDS``, ``URGENCY_THRESHOLDS``, ``CATEGORY_THRESHOLDS``, ``CATEGORIES``;
    ``impact(total_reach)``, ``urgency(percent_negative, trend)``, ``category(priority)``;
    ``score(summary)`` -> summary + ``dampak``, ``urgensi``, ``prioritas``, ``kategori``.
``lifecycle``
    ``STAGES``, ``SMALL_VOLUME``; ``stage(volume, recent, previous)``;
    ``stages(summary)`` -> Series ``tahap``.
``stakeholders``
    ``HIGH_FROM`` (3), ``QUADRANTS``, ``KEY_PLAYERS``; ``quadrant(power, interest)``;
    ``classify(table)`` -> table + ``kuadran``; ``issues_of(cell)``;
    ``key_players(classified, topic)`` -> sorted names.
``issue_map``
    ``CENTRAL_COORDINATOR`` ("Sekda/Wabup"), ``MAP_COLUMNS``; ``lead_offices(data)`` ->
    ``topik``, ``opd_utama``, ``jumlah_opd``; ``coordinator(category, offices, lead)``;
    ``prioritised(data, month=None)`` -> the map without stakeholders;
    ``build(data, stakeholder_table, month=None)`` -> the issue map (``MAP_COLUMNS``),
    highest priority first.
``charts``
    ``issue_matrix(peta)`` (urgency × impact, size = volume, colour = category, tooltip),
    ``mendelow_grid(classified)``, ``timeline(data)`` (monthly volume and % negative, legend
    selection); ``CATEGORY_COLOURS``, ``QUADRANT_COLOURS``.
"""

from humaskit.issues import charts, issue_map, lifecycle, monitoring, priority, stakeholders

__all__ = ["charts", "issue_map", "lifecycle", "monitoring", "priority", "stakeholders"]
