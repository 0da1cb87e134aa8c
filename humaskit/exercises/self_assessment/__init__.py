"""The *Asesmen Mandiri SKKNI* exercise (FR.APL.02): self-checks and crafted submissions.

:mod:`checks` holds the assertions the notebook's grade cells call (visible self-checks and
the hidden tests' helpers); :mod:`samples` builds crafted submissions for tests and for the
grading pipeline.
"""

ASSIGNMENT = "asesmen_mandiri"
NOTEBOOK = "asesmen_mandiri.ipynb"
