"""The *Pemetaan Isu* exercise without code: the kit computes, the participant decides.

The decisions a humas officer makes on the monitoring data (which spellings are one issue,
what the summary says, impact and urgency by the rubric, the life-cycle stage, the Mendelow
quadrant of each stakeholder, the lead OPD and the coordinator, what the priority matrix
shows) are entered in a form or as literal values, and graded per decision.

- :mod:`model`: the decisions, their answer keys from the data, the no-cascade basis;
- :mod:`ui`: the answer sheet (dropdown forms, literal values, saved answers);
- :mod:`checks`: the visible self-checks (honest: complete and valid, not "correct");
- :mod:`scoring`: the hidden tests (partial credit per decision);
- :mod:`samples`: crafted submissions by every route, and one per common mistake.

The pandas version is :mod:`humaskit.exercises.issue_analysis` (``pemetaan_isu_analis``).
"""

ASSIGNMENT = "pemetaan_isu"
NOTEBOOK = "pemetaan_isu.ipynb"
