"""The *Asesmen Mandiri SKKNI* exercise (FR.APL.02): self-checks and crafted submissions.

:mod:`checks` holds the assertions the notebook's grade cells call (the same visible checks
the participant runs); :mod:`tables` shows the participant's decisions beside the rules'
verdicts; :mod:`samples` builds crafted submissions for tests and for the grading pipeline.
The evidence rule itself is :mod:`humaskit.skkni.evidence`.
"""

ASSIGNMENT = "asesmen_mandiri"
NOTEBOOK = "asesmen_mandiri.ipynb"
