"""nbgrader's formgrader in Indonesian where the asesor grades by hand (server and laptop).

Formgrader's pages are Jinja templates that nbgrader loads from its own folder (no template
path or translation domain to configure), so ``server install`` and ``make setup`` replace
the labels of hand grading in their environment's copy of those templates, as
:mod:`humaskit.server.assignments_id` does for the Assignments panel: the navigation (Manual
Grading, Manage Assignments, Manage Students), the lists of submissions (Submission, Score,
Needs Manual Grade?), and the grading page (Submission, Score, the comment box, Prev, Next,
Full credit, No credit). Only exact literals are replaced; one that is no longer found (a
newer nbgrader) is reported, and formgrader stays usable in English.
"""

from __future__ import annotations

from pathlib import Path

#: Template file (under formgrader's templates/) -> nbgrader's text -> the Indonesian text.
STRINGS = {
    "base.tpl": {
        ">Manage Assignments<": ">Kelola Latihan<",
        ">Manage Students<": ">Kelola Peserta<",
        "/formgrader/gradebook\">Gradebook<": "/formgrader/gradebook\">Penilaian Manual<",
    },
    "gradebook_base.tpl": {
        "{%- block title -%}\nManual Grading\n": "{%- block title -%}\nPenilaian Manual\n",
        ">Manage Assignments<": ">Kelola Latihan<",
        ">Manage Students<": ">Kelola Peserta<",
        ">Manual Grading<": ">Penilaian Manual<",
    },
    "gradebook_assignments.tpl": {
        '<li class="active">Manual Grading</li>': '<li class="active">Penilaian Manual</li>',
        "<th>Assignment ID</th>": "<th>Latihan</th>",
        '<th class="text-center">Submissions</th>': '<th class="text-center">Kiriman</th>',
        '<th class="text-center">Score</th>': '<th class="text-center">Nilai</th>',
    },
    "gradebook_notebooks.tpl": {
        ">Manual Grading<": ">Penilaian Manual<",
        "<th>Notebook ID</th>": "<th>Notebook</th>",
        '<th class="text-center">Avg. Score</th>': '<th class="text-center">Nilai rata-rata</th>',
        "<th class=\"text-center\">Needs Manual Grade?</th>":
            "<th class=\"text-center\">Perlu dinilai manual?</th>",
    },
    "gradebook_notebook_submissions.tpl": {
        ">Manual Grading<": ">Penilaian Manual<",
        ">Show All Names<": ">Tampilkan semua nama<",
        "<th>Submission ID</th>": "<th>Kiriman</th>",
        '<th class="text-center">Overall Score</th>': '<th class="text-center">Nilai</th>',
        '<th class="text-center">Code Score</th>': '<th class="text-center">Nilai kode</th>',
        '<th class="text-center">Written Score</th>':
            '<th class="text-center">Nilai tulisan</th>',
        '<th class="text-center">Task Score</th>': '<th class="text-center">Nilai tugas</th>',
        '<th class="text-center">Needs Manual Grade?</th>':
            '<th class="text-center">Perlu dinilai manual?</th>',
        '<th class="text-center">Tests Failed?</th>': '<th class="text-center">Uji gagal?</th>',
        '<th class="text-center">Flagged?</th>': '<th class="text-center">Ditandai?</th>',
        "Loading, please wait...": "Memuat, mohon tunggu...",
    },
    "formgrade/formgrade_macros.html.j2": {
        ">Manual Grading<": ">Penilaian Manual<",
        "&larr; Prev": "&larr; Sebelumnya",
        "Next &rarr;": "Berikutnya &rarr;",
        "Submission #{{ resources.index + 1 }}": "Kiriman #{{ resources.index + 1 }}",
        ' remaining"': ' tersisa"',
        'title="Open live notebook"': 'title="Buka notebook-nya"',
        'title: "Show student name"': 'title: "Tampilkan nama peserta"',
        'title: "Hide student name"': 'title: "Sembunyikan nama peserta"',
    },
    "formgrade/index.html.j2": {
        '<span class="pull-right">Submission {{': '<span class="pull-right">Kiriman {{',
        ">Resolve</button>": ">Tandai sudah dinilai</button>",
        ">Full credit</button>": ">Nilai penuh</button>",
        ">No credit</button>": ">Nilai nol</button>",
        '<input class="score tabbable"': 'Nilai: <input class="score tabbable"',
        "(extra credit)": "(nilai tambahan)",
        "Student's task": "Tugas peserta",
        "Student's answer": "Jawaban peserta",
        '<div><textarea id="{{ cell.metadata.nbgrader.grade_id }}-comment" '
        'class="comment tabbable"></textarea></div>':
            '<div><label for="{{ cell.metadata.nbgrader.grade_id }}-comment">Komentar</label>'
            '<textarea id="{{ cell.metadata.nbgrader.grade_id }}-comment" '
            'class="comment tabbable" placeholder="Komentar penilai untuk peserta (tampil di '
            'laporan)"></textarea></div>',
    },
}
#: The list of submissions draws each row's name in JavaScript.
SCRIPTS = {"gradebook_notebook_submissions.js": {
    '.text("Submission #"': '.text("Kiriman #"'}}


def templates(env: Path) -> Path:
    """Formgrader's folder in the environment ``env`` (templates/ and static/js/ below)."""
    found = sorted(env.glob("lib/python3*/site-packages/nbgrader/server_extensions/formgrader"))
    return found[0] if found else env / "formgrader-tidak-ada"


def translate_env(env: str | Path) -> list[str]:
    """Translate the formgrader of the Python environment ``env`` (``make setup``, ``server
    install``); returns the labels not found."""
    return translate(templates(Path(env)))


def translate(folder: Path) -> list[str]:
    """Replace the labels in formgrader's files under ``folder``; returns those not found
    (file: text), empty when all were replaced or already were."""
    missing = []
    files = {**{Path("templates") / n: s for n, s in STRINGS.items()},
             **{Path("static") / "js" / n: s for n, s in SCRIPTS.items()}}
    for name, strings in files.items():
        path = folder / name
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        for english, indonesian in strings.items():
            if indonesian in text:  # translated by an earlier install
                continue
            if english in text:
                text = text.replace(english, indonesian)
            else:
                missing.append(f"{name.name}: {english}")
        if path.is_file():
            path.write_text(text, encoding="utf-8")
    return missing
