# nbgrader configuration for JupyterLab started from this folder (`make lab`):
# the formgrader and the assignment list use the course in exercises/.
import os

c = get_config()  # noqa: F821 (provided by traitlets when nbgrader loads this file)
_here = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.root = os.path.join(_here, "exercises")
c.CourseDirectory.course_id = "humaskit"
# A local exchange inside the checkout, so the assignment list works on a single laptop.
c.Exchange.root = os.path.join(_here, "exercises", "exchange")
# Participants' analyses may be slow on old laptops; nbgrader's default cell timeout is 30 s.
c.ExecutePreprocessor.timeout = 120
