"""The *Pemetaan Isu — Analis* exercise: the issue map written in pandas, for participants who
program (Bappeda, Diskominfo analysts); the optional advanced track of *Pemetaan Isu*.

The participant cleans the raw monitoring export, summarises it per issue, scores each issue
with the rubric of :mod:`humaskit.issues.priority` and :mod:`humaskit.issues.lifecycle`,
places stakeholders on Mendelow's grid, builds the issue map and draws the priority matrix.

- :mod:`checks`: the visible self-checks the notebook's grade cells call (Indonesian messages);
- :mod:`hidden`: the helpers of the hidden tests (exact values, each step judged on the
  participant's own input from the step before);
- :mod:`tables`: table helpers both use;
- :mod:`samples`: crafted submissions (reference, alternative, one per common mistake).
"""

ASSIGNMENT = "pemetaan_isu_analis"
NOTEBOOK = "pemetaan_isu_analis.ipynb"
#: The month the trend is measured in, and the month it is compared with.
BULAN_TERKINI = "2025-06"
BULAN_SEBELUMNYA = "2025-05"
