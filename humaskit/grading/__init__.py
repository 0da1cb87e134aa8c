"""The trainer's grading pipeline (``humaskit grade``), built on nbgrader's course and gradebook.

Roster -> collect submissions -> sandboxed parallel autograde -> feedback, exports, reports.
"""
