"""The decisions of the no-code *Pemetaan Isu* exercise, and their answer keys from the data.

The kit computes every table; the participant records what a humas officer judges. Each
decision is a dict (key -> one choice) that starts with ``None`` values. Answer keys are never
typed: :func:`accepted` derives them from the monitoring data with the same functions the Day 2
module teaches (:mod:`humaskit.issues`).

**No cascade.** Each step is judged on a :class:`Basis`: by default the kit's reference results
of the steps before (a mistake costs only its own step); when the participant chooses
``lanjut_dengan_jawaban_sendiri``, their own earlier decisions (where filled in) instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from humaskit import datasets
from humaskit.issues import issue_map, lifecycle, monitoring, priority, stakeholders

TOPICS = tuple(monitoring.TOPICS)
VARIANTS = tuple(monitoring.TOPIC_SPELLINGS)
LEVELS = (1, 2, 3, 4, 5)
FLAG = "lanjut_dengan_jawaban_sendiri"
SUMMARY_KEYS = ("isu dengan tren tertinggi", "isu dengan persen negatif tertinggi")
MATRIX_KEYS = ("jumlah isu Kritis", "isu berdampak terbesar yang tidak Kritis")


@lru_cache(maxsize=1)
def raw_clips() -> pd.DataFrame:
    return datasets.load("monitoring_isu_mentah")


@lru_cache(maxsize=1)
def stakeholder_table() -> pd.DataFrame:
    return datasets.load("pemangku_kepentingan")


@lru_cache(maxsize=1)
def offices() -> tuple[str, ...]:
    return tuple(sorted(monitoring.clean(raw_clips())["opd_terkait"].unique()))


@dataclass(frozen=True)
class Decision:
    """One thing the participant decides: which step, how many points, keys and choices."""

    name: str
    step: int
    points: int
    label: str

    def subjects(self) -> tuple:
        """What is decided about: spellings, issues, stakeholders or questions."""
        return {"ejaan_topik": VARIANTS, "bacaan_ringkasan": SUMMARY_KEYS,
                "kuadran": tuple(stakeholder_table()["nama"]),
                "bacaan_matriks": MATRIX_KEYS}.get(self.name, TOPICS)

    def choices(self, key=None) -> tuple:
        if self.name in ("dampak", "urgensi"):
            return LEVELS
        if self.name == "tahap":
            return lifecycle.STAGES
        if self.name == "kuadran":
            return stakeholders.QUADRANTS
        if self.name == "opd_utama":
            return offices()
        if self.name == "koordinator":
            return (issue_map.CENTRAL_COORDINATOR, *offices())
        if self.name == "bacaan_matriks" and key == MATRIX_KEYS[0]:
            return tuple(range(len(TOPICS) + 1))
        return TOPICS


DECISIONS = {d.name: d for d in (
    Decision("ejaan_topik", 1, 2, "topik baku untuk setiap ejaan lain"),
    Decision("bacaan_ringkasan", 2, 2, "bacaan tabel ringkasan"),
    Decision("dampak", 3, 2, "dampak (1–5) setiap isu"),
    Decision("urgensi", 3, 2, "urgensi (1–5) setiap isu"),
    Decision("tahap", 4, 2, "tahap siklus hidup (Hainsworth) setiap isu"),
    Decision("kuadran", 5, 2, "kuadran Mendelow setiap pemangku kepentingan"),
    Decision("opd_utama", 6, 1, "OPD utama setiap isu"),
    Decision("koordinator", 6, 2, "koordinator setiap isu"),
    Decision("bacaan_matriks", 6, 2, "bacaan matriks prioritas"),
)}


def blank() -> dict:
    """All decisions unanswered, and the reference results used for later steps."""
    answers = {name: dict.fromkeys(d.subjects()) for name, d in DECISIONS.items()}
    answers[FLAG] = False
    return answers


def valid(decision: Decision, key, value) -> bool:
    return value is not None and value in decision.choices(key)


def filled(answers: dict, name: str) -> dict:
    """The valid answers of one decision (unanswered and invalid keys left out)."""
    decision = DECISIONS[name]
    given = answers.get(name) or {}
    return {k: given[k] for k in decision.subjects()
            if isinstance(given, dict) and valid(decision, k, given.get(k))}


@dataclass(frozen=True)
class Basis:
    """What a step is judged on: the clips, the summary, the scores and the lead offices."""

    data: pd.DataFrame
    summary: pd.DataFrame
    scored: pd.DataFrame
    leads: dict[str, set[str]]
    office_counts: dict[str, int]


def basis(answers: dict | None = None) -> Basis:
    """The reference basis, or the participant's own where they chose to carry on with it.
    The reference is computed once per process (every check and test of a submission that
    does not carry on with its own answers reads it)."""
    answers = answers or {}
    return _basis(answers, own=True) if answers.get(FLAG) else _reference_basis()


@lru_cache(maxsize=1)
def _reference_basis() -> Basis:
    return _basis({}, own=False)


def _basis(answers: dict, own: bool) -> Basis:
    spellings = None
    if own:
        mine = filled(answers, "ejaan_topik")
        spellings = {v: mine.get(v, v) for v in VARIANTS}
    data = monitoring.clean(raw_clips(), spellings)
    summary = monitoring.summarise(data)
    summary = summary[summary["topik"].isin(TOPICS)].reset_index(drop=True)
    scored = priority.score(summary)
    if own:
        for name in ("dampak", "urgensi"):
            mine = filled(answers, name)
            scored[name] = [mine.get(t, v) for t, v in zip(scored["topik"], scored[name])]
        scored["prioritas"] = scored["dampak"] * scored["urgensi"]
        scored["kategori"] = [priority.category(p) for p in scored["prioritas"]]
    counts = data.groupby(["topik", "opd_terkait"]).size()
    leads = {t: set(c[c == c.max()].index.get_level_values("opd_terkait"))
             for t, c in counts.groupby(level="topik") if t in TOPICS}
    if own:
        leads.update({t: {o} for t, o in filled(answers, "opd_utama").items()})
    spread = data.groupby("topik")["opd_terkait"].nunique().to_dict()
    return Basis(data, summary, scored, leads, spread)


def _top(frame: pd.DataFrame, column: str) -> set:
    return set(frame.loc[frame[column] == frame[column].max(), "topik"]) if len(frame) else set()


def accepted(name: str, b: Basis) -> dict:
    """Decision ``name``'s answer key on basis ``b``: key -> the set of accepted choices."""
    rows = {r.topik: r for r in b.scored.itertuples()}
    if name == "ejaan_topik":
        return {v: {t} for v, t in monitoring.TOPIC_SPELLINGS.items()}
    if name == "bacaan_ringkasan":
        return dict(zip(SUMMARY_KEYS, (_top(b.summary, "tren"),
                                       _top(b.summary, "persen_negatif"))))
    if name == "dampak":
        return {t: {priority.impact(r.total_jangkauan)} for t, r in rows.items()}
    if name == "urgensi":
        return {t: {priority.urgency(r.persen_negatif, r.tren)} for t, r in rows.items()}
    if name == "tahap":
        return {t: {lifecycle.stage(r.volume, r.volume_terkini, r.volume_sebelumnya)}
                for t, r in rows.items()}
    if name == "kuadran":
        table = stakeholder_table()
        return {n: {stakeholders.quadrant(p, i)} for n, p, i in
                zip(table["nama"], table["kekuasaan"], table["kepentingan"])}
    if name == "opd_utama":
        return {t: set(leads) for t, leads in b.leads.items()}
    if name == "koordinator":
        return {t: {issue_map.coordinator(rows[t].kategori, b.office_counts.get(t, 0), lead)
                    for lead in b.leads.get(t, set())} for t in rows}
    if name == "bacaan_matriks":
        scored = b.scored
        calmer = scored[scored["kategori"] != "Kritis"]
        return {MATRIX_KEYS[0]: {int((scored["kategori"] == "Kritis").sum())},
                MATRIX_KEYS[1]: _top(calmer, "dampak") if len(calmer) else set()}
    raise KeyError(name)


def judge(name: str, answers: dict) -> tuple[float, list]:
    """(share of keys answered correctly, the keys that are not) for one decision."""
    key = accepted(name, basis(answers))
    given = (answers.get(name) or {}) if isinstance(answers.get(name), dict) else {}
    wrong = [k for k, ok in key.items() if given.get(k) not in ok]
    return (1 - len(wrong) / len(key)) if key else 0.0, wrong


def points(name: str, answers: dict) -> float:
    """The points decision ``name`` earns (partial credit: each key its share)."""
    share, _ = judge(name, answers)
    return round(DECISIONS[name].points * share, 2)


def reference_answers() -> dict:
    """Every decision answered as the reference basis says (the first accepted choice)."""
    answers = blank()
    b = basis()
    for name in DECISIONS:
        answers[name] = {k: min(v, key=str) for k, v in accepted(name, b).items()}
    return answers


def issue_table(answers: dict) -> pd.DataFrame:
    """The issue map from the participant's decisions (reference results where unanswered):
    what the priority matrix of Step 6 draws."""
    b = basis(dict(answers, **{FLAG: True}))
    table = b.scored.copy()
    stages = filled(answers, "tahap")
    table["tahap"] = [stages.get(t, s) for t, s in zip(table["topik"],
                                                       lifecycle.stages(b.summary))]
    coordinators = filled(answers, "koordinator")
    table["koordinator"] = [coordinators.get(t, "") for t in table["topik"]]
    return table.sort_values(["prioritas", "topik"], ascending=[False, True]).reset_index(
        drop=True)


def step_table(step: int, answers: dict | None = None) -> pd.DataFrame:
    """The table the participant reads to decide step ``step`` (computed, never typed)."""
    b = basis(answers)
    if step == 1:
        counts = monitoring.spelling_counts(raw_clips())
        counts["baku"] = counts["ejaan"].isin(TOPICS).map({True: "ya", False: "bukan"})
        return counts
    if step == 2:
        table = b.summary.sort_values("volume", ascending=False).reset_index(drop=True)
        return table.assign(persen_negatif=table["persen_negatif"].round(1))
    if step == 3:
        return step_table(2, answers)[["topik", "total_jangkauan", "persen_negatif", "tren"]]
    if step == 4:
        return step_table(2, answers)[["topik", "volume", "volume_terkini",
                                       "volume_sebelumnya", "tren"]]
    if step == 5:
        return stakeholder_table()[["nama", "kekuasaan", "kepentingan", "isu_terkait"]]
    if step == 6:
        counts = b.data.groupby(["topik", "opd_terkait"]).size().reset_index(name="klip")
        counts = counts[counts["topik"].isin(TOPICS)].sort_values(
            ["topik", "klip"], ascending=[True, False])
        listed = counts.groupby("topik").apply(
            lambda g: "; ".join(f"{o} ({n} klip)" for o, n in zip(g["opd_terkait"], g["klip"])),
            include_groups=False)
        table = b.scored[["topik", "kategori"]].copy()
        table["opd_dan_jumlah_klip"] = table["topik"].map(listed)
        table["jumlah_opd"] = table["topik"].map(b.office_counts)
        return table
    raise ValueError(f"Langkah {step} tidak memiliki tabel.")
