"""The *Pemetaan Isu* exercise without code: the kit computes, the participant decides.

The decisions a humas officer makes on the monitoring data (which spellings are one issue,
what the summary says, impact and urgency by the rubric, the life-cycle stage, the Mendelow
quadrant of each stakeholder, the lead OPD and the coordinator, what the priority matrix
shows) are entered in a form or as literal values, and graded per decision.

- :mod:`model`: the decisions, how a typed value is read, and the basis every step is shown
  and judged on (the participant's own earlier decisions);
- :mod:`ui`: the answer sheet (dropdown forms, literal values, saved answers);
- :mod:`checks`: the visible self-checks (honest: complete and valid, not "correct");
- :mod:`samples`: crafted submissions by every route, and one per common mistake.

The answer key and the hidden tests' scoring are instructor material outside the package:
``exercises/keys/pemetaan_isu_key.py``, loaded by
:func:`humaskit.exercises.course.answer_key` only where hidden tests run.

The pandas version is :mod:`humaskit.exercises.issue_analysis` (``pemetaan_isu_analis``).
"""

ASSIGNMENT = "pemetaan_isu"
NOTEBOOK = "pemetaan_isu.ipynb"
