# nbgrader configuration for JupyterLab started from this folder (`make lab`): the formgrader
# and the assignment list use the course in exercises/ with the kit's settings
# (humaskit.exercises.course.config: Indonesian solution stubs, a 120 s cell timeout).
import os

from humaskit.exercises.course import COURSE_ROOT, config

c = get_config()  # noqa: F821 (provided by traitlets when nbgrader loads this file)
c.merge(config(COURSE_ROOT))
# A local exchange inside the checkout, so the assignment list works on a single laptop.
c.Exchange.root = os.path.join(COURSE_ROOT, "exchange")
