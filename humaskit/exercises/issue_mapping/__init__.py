"""The *Pemetaan Isu* (issue mapping) exercise: self-checks, hidden tests, crafted submissions.

The participant cleans the raw monitoring export, summarises it per issue, scores each issue
with the rubric of :mod:`humaskit.issues.priority` and :mod:`humaskit.issues.lifecycle`,
places stakeholders on Mendelow's grid, builds the issue map and draws the priority matrix.

- :mod:`cek`: the visible self-checks the notebook's grade cells call (Indonesian messages);
- :mod:`uji`: the helpers of the hidden tests (exact values, each step judged on the
  participant's own input from the step before);
- :mod:`samples`: crafted submissions (reference, alternative, one per common mistake).
"""

ASSIGNMENT = "pemetaan_isu"
NOTEBOOK = "pemetaan_isu.ipynb"
#: The month the trend is measured in, and the month it is compared with.
BULAN_TERKINI = "2025-06"
BULAN_SEBELUMNYA = "2025-05"
