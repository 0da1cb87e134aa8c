"""The visible self-checks of the no-code *Pemetaan Isu* (what the participant sees before
submitting). They are honest: they say what they checked (complete, valid choices, the stated
rules a choice must obey) and that correctness is judged at grading, and they never raise, so
an unfinished step never stops the notebook. They read the same basis as the tables and the
grading (:func:`humaskit.exercises.issue_mapping.model.basis`), and a typed value passes only
when it means one option (:func:`~humaskit.exercises.issue_mapping.model.normalise`): the
same value the grading reads."""

from __future__ import annotations

from humaskit.exercises.issue_mapping import model
from humaskit.issues import issue_map


def periksa(name: str, jawaban: dict) -> None:
    """Print the visible check of decision ``name``: what is missing or invalid, or that it is
    complete and valid. It returns nothing, so a check cell shows the message and no value."""
    print("\n".join(verdict(name, jawaban)[1]))


def passes(name: str, jawaban: dict) -> bool:
    """Whether the visible check of decision ``name`` passes (complete and valid)."""
    return verdict(name, jawaban)[0]


def verdict(name: str, jawaban: dict) -> tuple[bool, list[str]]:
    """(complete and valid, the lines :func:`periksa` prints) for decision ``name``."""
    decision = model.DECISIONS[name]
    given = jawaban.get(name) if isinstance(jawaban, dict) else None
    if not isinstance(given, dict):
        missing = f"✘ Isian {decision.label} tidak ditemukan. Jalankan sel isian langkah ini."
        return False, [missing]
    empty = [k for k in decision.subjects() if given.get(k) is None]
    lines = [f"✘ {text}" for text in failures(name, jawaban)]
    if empty:
        lines.append(f"… {len(empty)} dari {len(decision.subjects())} isian belum diisi: "
                     + ", ".join(repr(k) for k in empty[:6]) + (" …" if len(empty) > 6 else ""))
    if lines:
        return False, lines
    done = (f"✔ {decision.label[0].upper()}{decision.label[1:]}: lengkap dan berformat benar "
            f"({len(decision.subjects())} isian). Ketepatan nilai diperiksa saat penilaian.")
    return True, [done]


def failures(name: str, jawaban: dict) -> list[str]:
    """What the visible check of decision ``name`` marks ✘: values that are none of the
    options, then breaches of a stated rule (:func:`rule_warnings`). Empty items are not
    failures; they are counted as not yet filled in."""
    decision = model.DECISIONS[name]
    given = jawaban.get(name) if isinstance(jawaban, dict) else None
    if not isinstance(given, dict):
        return []
    found = []
    for key in decision.subjects():
        if given.get(key) is not None and not model.valid(decision, key, given[key]):
            options = ", ".join(repr(c) for c in decision.choices(key))
            found.append(f"{key!r}: {given[key]!r} bukan salah satu pilihan, sehingga tidak "
                         f"dinilai. Tulis persis salah satu pilihan ini: {options}.")
    return found + rule_warnings(name, jawaban)


def rule_warnings(name: str, jawaban: dict) -> list[str]:
    """Breaches of a stated rule that show without giving an answer away."""
    mine = model.filled(jawaban, name)
    found = []
    if name == "urgensi":
        rising = set(model.basis(jawaban).summary.query("tren > 0")["topik"])
        found += [f"{t!r}: trennya naik, jadi urgensinya paling sedikit 2 (urgensi dasar "
                  "naik satu tingkat)." for t, v in mine.items() if t in rising and v < 2]
    if name in ("koordinator", "bacaan_matriks"):
        scored = model.basis(jawaban).scored
        kategori = dict(zip(scored["topik"], scored["kategori"]))
        unrated = [t for t, k in kategori.items() if k == model.UNRATED]
        if unrated:
            found.append(f"{len(unrated)} isu belum berkategori karena dampak atau urgensinya "
                         "belum diisi di Langkah 3: " + ", ".join(repr(t) for t in unrated)
                         + ". Lengkapi dulu; kategori, peta, dan matriks mengikuti isian Anda.")
    if name == "koordinator":
        found += [f"{t!r}: menurut kategori dari dampak × urgensi Anda, isu ini tidak Kritis; "
                  f"{issue_map.CENTRAL_COORDINATOR} hanya mengoordinasikan isu Kritis."
                  for t, v in mine.items() if v == issue_map.CENTRAL_COORDINATOR
                  and kategori.get(t) not in ("Kritis", model.UNRATED)]
    return found
