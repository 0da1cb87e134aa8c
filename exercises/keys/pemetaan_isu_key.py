"""Answer key of the no-code *Pemetaan Isu* (instructor material: never released).

Loaded only where hidden tests run (:func:`humaskit.exercises.course.answer_key`): the
sandboxed test runner sees this folder, a participant's kernel does not. Every key is
derived from the monitoring data with the functions the Day 2 module teaches, on the basis
the participant saw (:func:`humaskit.exercises.issue_mapping.model.basis`): a faithful
reading of one's own tables, map and matrix earns the points, and an earlier mistake costs
only its own step.
"""

from __future__ import annotations

from humaskit.exercises.issue_mapping import model
from humaskit.issues import issue_map, lifecycle, monitoring, priority, stakeholders
from humaskit.number_format import angka


def _top(frame, column: str) -> set:
    return set(frame.loc[frame[column] == frame[column].max(), "topik"]) if len(frame) else set()


def accepted(name: str, answers: dict) -> dict:
    """Decision ``name``'s key on the basis of ``answers``: key -> the accepted options."""
    b = model.basis(answers)
    rows = {r.topik: r for r in b.summary.itertuples()}
    if name == "ejaan_topik":
        return {v: {t} for v, t in monitoring.TOPIC_SPELLINGS.items()}
    if name == "bacaan_ringkasan":
        return dict(zip(model.SUMMARY_KEYS, (_top(b.summary, "tren"),
                                             _top(b.summary, "persen_negatif"))))
    if name == "dampak":
        return {t: {priority.impact(r.total_jangkauan)} for t, r in rows.items()}
    if name == "urgensi":
        return {t: {priority.urgency(r.persen_negatif, r.tren)} for t, r in rows.items()}
    if name == "tahap":
        return {t: {lifecycle.stage(r.volume, r.volume_terkini, r.volume_sebelumnya)}
                for t, r in rows.items()}
    if name == "kuadran":
        table = model.stakeholder_table()
        return {n: {stakeholders.quadrant(p, i)} for n, p, i in
                zip(table["nama"], table["kekuasaan"], table["kepentingan"])}
    if name == "opd_utama":
        return {t: set(b.most_named[t]) for t in model.TOPICS}
    if name == "koordinator":
        category = dict(zip(b.scored["topik"], b.scored["kategori"]))
        return {t: {issue_map.coordinator(category[t], b.office_counts.get(t, 0), lead)
                    for lead in b.leads[t]} for t in model.TOPICS}
    if name == "bacaan_matriks":
        rated = b.scored[b.scored["kategori"] != model.UNRATED]
        calmer = rated[rated["kategori"] != "Kritis"]
        return {model.MATRIX_KEYS[0]: {int((rated["kategori"] == "Kritis").sum())},
                model.MATRIX_KEYS[1]: _top(calmer, "dampak")}
    raise KeyError(name)


def judge(name: str, answers: dict) -> tuple[float, list]:
    """(share of keys answered as the key accepts, the keys that are not) for one decision."""
    key = accepted(name, answers)
    given = model.filled(answers, name)
    wrong = [k for k, ok in key.items() if given.get(k) not in ok]
    return (1 - len(wrong) / len(key)) if key else 0.0, wrong


def points(name: str, answers: dict) -> float:
    """The points decision ``name`` earns (partial credit: each key its share)."""
    share, _ = judge(name, answers)
    return round(model.DECISIONS[name].points * share, 2)


def faithful(slips: dict | None = None) -> dict:
    """Every decision answered, step by step, as its key accepts on the basis of the answers
    before it (the first accepted option); ``slips[name](answers)`` edits the answers right
    after decision ``name``: a participant who slips once and reads everything after
    faithfully."""
    answers = model.blank()
    for name in model.DECISIONS:
        answers[name] = {k: min(v, key=str) if v else None
                         for k, v in accepted(name, answers).items()}
        if slips and name in slips:
            slips[name](answers)
    return answers


def _shown(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, (set, frozenset)):
        return " atau ".join(sorted(_shown(v) for v in value)) or "—"
    return str(value)


def comparison(name: str, answers: dict) -> str:
    """The decision as a text table: the participant's answer, the accepted answer, whether
    it is accepted, the rule that decides it, and the points."""
    decision = model.DECISIONS[name]
    key = accepted(name, answers)
    given = answers.get(name) if isinstance(answers.get(name), dict) else {}
    mine = model.filled(answers, name)
    rows = [("Isian", "Jawaban Anda", "Jawaban yang diterima", "Hasil")]
    for k in decision.subjects():
        ok, typed = key[k], given.get(k)
        rows.append((str(k), _shown(mine.get(k, typed)), _shown(ok),
                     "✔ tepat" if mine.get(k) in ok else
                     ("✘ belum diisi" if typed is None else "✘ belum tepat")))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    earned = points(name, answers)
    return "\n".join([f"Langkah {decision.step}: {decision.label}",
                      f"Aturan: {decision.rule}.", "", *lines, "",
                      f"Nilai: {angka(earned)} dari {decision.points} poin."])


def nilai(name: str, jawaban: dict) -> float:
    """Points for decision ``name``; prints the comparison for the feedback page."""
    print(comparison(name, jawaban))
    return points(name, jawaban)
