# nbgrader configuration for JupyterLab started from this folder (`make lab`): the formgrader
# and the assignment list use the course in exercises/ with the kit's settings
# (humaskit.exercises.course.config: Indonesian solution stubs, a 120 s cell timeout).
# Formgrader's Autograde and Collect are refused: the kit grades participants' work in its
# sandbox (`humaskit grade`), and the asesor grades by hand on that cohort's course
# (`humaskit grade nilai-manual`).
import os

from humaskit.exercises.course import COURSE_ROOT, config
from humaskit.grading.formgrader import refuse_unsandboxed

SANDBOXED = (".venv/bin/humaskit grade all exercises/submitted --roster peserta.csv, lalu "
             "buka hasilnya dengan .venv/bin/humaskit grade nilai-manual")

c = get_config()  # noqa: F821 (provided by traitlets when nbgrader loads this file)
c.merge(refuse_unsandboxed(config(COURSE_ROOT), autograde=SANDBOXED, collect=SANDBOXED))
# A local exchange inside the checkout, so the assignment list works on a single laptop.
c.Exchange.root = os.path.join(COURSE_ROOT, "exchange")
