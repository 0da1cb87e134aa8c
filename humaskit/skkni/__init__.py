"""SKKNI kehumasan: the unit catalog, the FR.APL.02 self-assessment, development plans,
the participant's form and the asesor's record.

The candidate's claim (K / BK per element on FR.APL.02) and the asesor's decision
(evidence checked as VATM, recommendation "Asesmen dapat dilanjutkan / tidak dapat
dilanjutkan") are kept apart: :mod:`apl02` handles the first, :mod:`asesor` the second.
"""
