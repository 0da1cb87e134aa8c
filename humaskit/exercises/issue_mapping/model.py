"""The decisions of the no-code *Pemetaan Isu* exercise and the basis each step is read on.

The kit computes every table; the participant records what a humas officer judges. Each
decision is a dict (key -> one choice) that starts with ``None`` values. Which choice earns
the points is *not* here: the answer key is instructor material (``exercises/keys/``), loaded
only where the hidden tests run (:func:`humaskit.exercises.course.answer_key`).

**One basis: what the participant saw.** Every table, check, map and chart of a step is
computed from the participant's own earlier decisions, and the step is graded on that same
basis (error carried forward: an earlier mistake costs only its own step). Where an earlier
decision is left empty, the kit's own result stands in for a spelling or a lead OPD (so a
step can be done after skipping one); an issue whose impact or urgency is empty has no
category yet and is left out of the map's priorities and the matrix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from humaskit import datasets
from humaskit.issues import issue_map, lifecycle, monitoring, priority, stakeholders
from humaskit.number_format import angka

TOPICS = tuple(monitoring.TOPICS)
VARIANTS = tuple(monitoring.TOPIC_SPELLINGS)
LEVELS = (1, 2, 3, 4, 5)
SUMMARY_KEYS = ("isu dengan tren tertinggi", "isu dengan persen negatif tertinggi")
MATRIX_KEYS = ("jumlah isu Kritis", "isu berdampak terbesar yang tidak Kritis")
UNRATED = "belum dinilai"
#: Typed words a human grader reads as one of the options (after case, spaces and "&"/"dan"
#: are made uniform): decision -> typed form -> option.
SYNONYMS = {
    "koordinator": {"sekda": issue_map.CENTRAL_COORDINATOR, "wabup": issue_map.CENTRAL_COORDINATOR,
                    "wabup/sekda": issue_map.CENTRAL_COORDINATOR,
                    "sekretaris daerah": issue_map.CENTRAL_COORDINATOR,
                    "wakil bupati": issue_map.CENTRAL_COORDINATOR},
    "tahap": {"mediasi dan amplifikasi": "mediasi & amplifikasi",
              "amplifikasi dan mediasi": "mediasi & amplifikasi"},
    "kuadran": {"pemain kunci": stakeholders.KEY_PLAYERS},
}


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
    """One thing the participant decides: its step, points, label and the stated rule."""

    name: str
    step: int
    points: int
    label: str
    rule: str

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
    Decision("ejaan_topik", 1, 2, "topik baku untuk setiap ejaan lain",
             "ejaan lain dan topik bakunya membicarakan hal yang sama"),
    Decision("bacaan_ringkasan", 2, 2, "bacaan tabel ringkasan",
             "nilai terbesar di kolom Tren dan % negatif tabel ringkasan Anda"),
    Decision("dampak", 3, 2, "dampak (1–5) setiap isu",
             "rubrik dampak dari total jangkauan di tabel Anda"),
    Decision("urgensi", 3, 2, "urgensi (1–5) setiap isu",
             "rubrik urgensi dari % negatif, naik satu tingkat bila tren > 0 (paling tinggi 5)"),
    Decision("tahap", 4, 2, "tahap siklus hidup (Hainsworth) setiap isu",
             "aturan tahap 1–4, diperiksa berurutan, pada volume di tabel Anda"),
    Decision("kuadran", 5, 2, "kuadran Mendelow setiap pemangku kepentingan",
             "kekuasaan dan kepentingan 3 ke atas dihitung tinggi"),
    Decision("opd_utama", 6, 1, "OPD utama setiap isu",
             "OPD yang paling sering disebut di klip isu itu"),
    Decision("koordinator", 6, 2, "koordinator setiap isu",
             "Sekda/Wabup bila Kritis (menurut dampak × urgensi Anda) dan 2 OPD atau lebih; "
             "selain itu OPD utama"),
    Decision("bacaan_matriks", 6, 2, "bacaan matriks prioritas",
             "dibaca dari matriks dan peta isu Anda sendiri"),
)}


def blank() -> dict:
    """All decisions unanswered."""
    return {name: dict.fromkeys(d.subjects()) for name, d in DECISIONS.items()}


def _plain(text: str) -> str:
    text = re.sub(r"\s*&\s*", " dan ", text.strip().lower())
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", text))


def normalise(decision: Decision, key, value):
    """A typed value as the option it means: ``'3'`` for 3, any case and spacing,
    "mediasi dan amplifikasi", "Wabup" or "Sekda" for "Sekda/Wabup". A value that means no
    option comes back as typed (the visible check then lists the options)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value
    plain = _plain(value)
    for choice in decision.choices(key):
        if _plain(str(choice)) == plain:
            return choice
    return SYNONYMS.get(decision.name, {}).get(plain, value.strip())


def valid(decision: Decision, key, value) -> bool:
    return value is not None and normalise(decision, key, value) in decision.choices(key)


def filled(answers: dict, name: str) -> dict:
    """The valid answers of one decision as options (unanswered and invalid keys left out)."""
    decision = DECISIONS[name]
    given = answers.get(name) if isinstance(answers, dict) else None
    if not isinstance(given, dict):
        return {}
    return {k: normalise(decision, k, given[k]) for k in decision.subjects()
            if valid(decision, k, given.get(k))}


def valid_only(answers: dict) -> dict:
    """The decisions found in saved ``answers``, each item as its option, or ``None`` where
    it is empty or means no option (a damaged or hostile file yields what is valid in it)."""
    found = {}
    for name, decision in DECISIONS.items():
        given = answers.get(name) if isinstance(answers, dict) else None
        if isinstance(given, dict):
            found[name] = {k: (normalise(decision, k, given[k])
                               if valid(decision, k, given.get(k)) else None)
                           for k in decision.subjects()}
    return found


def count(answers: dict) -> tuple[int, int]:
    """How many items of all decisions hold a valid answer, and how many there are."""
    return (sum(len(filled(answers, n)) for n in DECISIONS),
            sum(len(d.subjects()) for d in DECISIONS.values()))


@dataclass(frozen=True)
class Basis:
    """What a step is read and judged on: the clips, the summary (as shown: percentages to
    one decimal), the participant's impact and urgency with priority and category, the
    offices named most often in each issue's clips, the lead offices (the participant's own
    where chosen) and how many offices each issue involves."""

    data: pd.DataFrame
    summary: pd.DataFrame
    scored: pd.DataFrame
    most_named: dict[str, set[str]]
    leads: dict[str, set[str]]
    office_counts: dict[str, int]


@lru_cache(maxsize=16)
def _clips(spellings: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    data = monitoring.clean(raw_clips(), dict(spellings))
    summary = monitoring.summarise(data)
    summary = summary[summary["topik"].isin(TOPICS)].reset_index(drop=True)
    summary["persen_negatif"] = summary["persen_negatif"].round(1)
    return data, summary


def basis(answers: dict | None = None) -> Basis:
    """The basis of ``answers``: their own earlier decisions (see the module's doc)."""
    answers = answers if isinstance(answers, dict) else {}
    spellings = {**monitoring.TOPIC_SPELLINGS, **filled(answers, "ejaan_topik")}
    data, summary = _clips(tuple(sorted(spellings.items())))
    scored = summary.copy()
    for name in ("dampak", "urgensi"):
        mine = filled(answers, name)
        scored[name] = pd.array([mine.get(t) for t in scored["topik"]], dtype="Int64")
    scored["prioritas"] = scored["dampak"] * scored["urgensi"]
    scored["kategori"] = [UNRATED if pd.isna(p) else priority.category(int(p))
                          for p in scored["prioritas"]]
    counts = data.groupby(["topik", "opd_terkait"]).size()
    most_named = {t: set(c[c == c.max()].index.get_level_values("opd_terkait"))
                  for t, c in counts.groupby(level="topik") if t in TOPICS}
    leads = {**most_named, **{t: {o} for t, o in filled(answers, "opd_utama").items()}}
    spread = {t: n for t, n in data.groupby("topik")["opd_terkait"].nunique().items()
              if t in TOPICS}
    return Basis(data, summary, scored, most_named, leads, spread)


def issue_table(answers: dict) -> pd.DataFrame:
    """The issue map from the participant's own decisions: what the map and the priority
    matrix of Step 6 show. Empty decisions stay empty (never the kit's answer)."""
    b = basis(answers)
    table = b.scored.copy()
    for name, column in (("tahap", "tahap"), ("koordinator", "koordinator")):
        mine = filled(answers, name)
        table[column] = [mine.get(t, "") for t in table["topik"]]
    quadrants = filled(answers, "kuadran")
    related = dict(zip(stakeholder_table()["nama"], stakeholder_table()["isu_terkait"]))
    table["pemangku_kunci"] = [stakeholders.ISSUE_SEPARATOR.join(sorted(
        n for n, q in quadrants.items() if q == stakeholders.KEY_PLAYERS
        and t in stakeholders.issues_of(related[n]))) for t in table["topik"]]
    return table.sort_values(["prioritas", "topik"], ascending=[False, True],
                             na_position="last").reset_index(drop=True)


def step_table(step: int, answers: dict | None = None) -> pd.DataFrame:
    """The table the participant reads to decide step ``step`` (computed, never typed)."""
    b = basis(answers)
    if step == 1:
        counts = monitoring.spelling_counts(raw_clips())
        counts["baku"] = counts["ejaan"].isin(TOPICS).map({True: "ya", False: "bukan"})
        return counts
    if step == 2:
        return b.summary.sort_values(["volume", "topik"], ascending=[False, True]
                                     ).reset_index(drop=True)
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
            ["topik", "klip", "opd_terkait"], ascending=[True, False, True])
        listed = counts.groupby("topik").apply(
            lambda g: "; ".join(f"{o} ({n} klip)" for o, n in zip(g["opd_terkait"], g["klip"])),
            include_groups=False)
        table = b.scored[["topik", "kategori"]].copy()
        table["opd_dan_jumlah_klip"] = table["topik"].map(listed)
        table["jumlah_opd"] = table["topik"].map(b.office_counts)
        return table.sort_values("topik").reset_index(drop=True)
    raise ValueError(f"Langkah {step} tidak memiliki tabel.")


def evidence(name: str, answers: dict | None = None) -> dict:
    """Per item of decision ``name``, the figures its rule reads, in Indonesian numbers: what
    a form shows beside each dropdown, so that the table need not be on screen as well."""
    b = basis(answers)
    rows = {r.topik: r for r in b.summary.itertuples()}
    if name == "ejaan_topik":
        counts = monitoring.spelling_counts(raw_clips()).set_index("ejaan")["klip"]
        return {v: f"{angka(counts.get(v, 0), 0)} klip" for v in VARIANTS}
    if name == "dampak":
        return {t: f"total jangkauan {angka(r.total_jangkauan, 0)}" for t, r in rows.items()}
    if name == "urgensi":
        return {t: f"{angka(r.persen_negatif, 1)}% negatif; tren {angka(r.tren, 0)}"
                for t, r in rows.items()}
    if name == "tahap":
        return {t: f"volume {angka(r.volume, 0)}; Juni {angka(r.volume_terkini, 0)}; "
                   f"Mei {angka(r.volume_sebelumnya, 0)}" for t, r in rows.items()}
    if name == "kuadran":
        table = stakeholder_table()
        return {n: f"kekuasaan {p}; kepentingan {i}" for n, p, i in
                zip(table["nama"], table["kekuasaan"], table["kepentingan"])}
    if name in ("opd_utama", "koordinator"):
        counts = b.data.groupby(["topik", "opd_terkait"]).size()
        named = {t: "; ".join(f"{o} {n}" for (_, o), n in c.sort_values(ascending=False).items())
                 for t, c in counts.groupby(level="topik") if t in TOPICS}
        if name == "opd_utama":
            return {t: f"klip per OPD: {named[t]}" for t in TOPICS}
        category = dict(zip(b.scored["topik"], b.scored["kategori"]))
        return {t: f"kategori {category[t]}; {b.office_counts[t]} OPD; OPD utama "
                   f"{' atau '.join(sorted(b.leads[t]))}" for t in TOPICS}
    return {}
