"""The output folder of one cohort (``--out``): nbgrader course, records, feedback, reports.

Layout::

    OUT/kursus/            nbgrader course (source/, release/, submitted/, autograded/,
                           gradebook.db); readable by root only
    OUT/penilaian.json     settings: roster, source root, assignments, db_url
    OUT/pengumpulan.json   what was collected (and what was not, and why)
    OUT/status.json        per submission: file hash, status codes, when graded
    OUT/umpan_balik/       per participant HTML feedback
    OUT/ekspor/            CSV and XLSX scores
    OUT/laporan/           cohort dashboard and one page per participant
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from humaskit import ROOT

DEFAULT_OUT = ROOT / "hasil_penilaian"


@dataclass(frozen=True)
class Workspace:
    out: Path

    @property
    def course(self) -> Path:
        return self.out / "kursus"

    @property
    def template_db(self) -> Path:
        return self.out / "kursus" / "templat_gradebook.db"

    @property
    def feedback(self) -> Path:
        return self.out / "umpan_balik"

    @property
    def exports(self) -> Path:
        return self.out / "ekspor"

    @property
    def reports(self) -> Path:
        return self.out / "laporan"

    def create(self) -> Workspace:
        self.course.mkdir(parents=True, exist_ok=True)
        self.course.chmod(0o700)
        return self

    def db_url(self) -> str:
        return self.settings().get("db_url") or f"sqlite:///{self.course / 'gradebook.db'}"

    def read(self, name: str, default):
        path = self.out / name
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else default

    def write(self, name: str, data) -> None:
        """Write a JSON record atomically (an interrupted run never leaves half a file)."""
        path = self.out / name
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False, default=str),
                       encoding="utf-8")
        os.replace(tmp, path)

    def settings(self) -> dict:
        return self.read("penilaian.json", {})

    def collection(self) -> dict:
        return self.read("pengumpulan.json", {"submissions": [], "issues": []})

    def state(self) -> dict:
        return self.read("status.json", {})
