"""nbgrader's Assignments panel and Validate button in Indonesian.

nbgrader's JupyterLab extension writes its participant-facing strings straight into its
JavaScript (it has no translation domain a language pack could fill), so ``server install``
and ``make lab``'s set-up (through ``humaskit.lab_language``) replace them in the
environment's copy of that file: the panel's headings, empty-list messages, buttons and their
progress and error messages, the menu entry, and the notebook toolbar's Validate button.
Only whole string literals are replaced, each where nbgrader writes it; one that is no longer
found (a newer nbgrader) is reported, and the panel stays usable in English.
"""

from __future__ import annotations

from pathlib import Path

#: nbgrader's JavaScript text -> the same with Indonesian words (exact literals).
STRINGS = {
    'title.label="Assignments"': 'title.label="Latihan"',
    'label:"Assignment List"': 'label:"Daftar Latihan"',
    "Released, downloaded, and submitted assignments for course:":
        "Latihan yang dirilis, diambil, dan dikumpulkan untuk kursus:",
    'id="course_list_default">Loading, please wait...':
        'id="course_list_default">Memuat, mohon tunggu...',
    "<div> Loading, please wait... </div>": "<div> Memuat, mohon tunggu... </div>",
    "Released assignments": "Latihan yang sudah dirilis",
    "Downloaded assignments": "Latihan yang sudah diambil",
    "Submitted assignments": "Latihan yang sudah dikumpulkan",
    "There are no assignments to fetch.": "Belum ada latihan yang dapat diambil.",
    "There are no downloaded assignments.": "Belum ada latihan yang diambil.",
    "There are no submitted assignments.": "Belum ada latihan yang dikumpulkan.",
    'title="Refresh assignments list"': 'title="Muat ulang daftar latihan"',
    'innerText="Fetch"': 'innerText="Ambil"',
    'innerText="Fetching..."': 'innerText="Mengambil..."',
    'innerText="Submit"': 'innerText="Kumpulkan"',
    'innerText="submitting..."': 'innerText="Mengumpulkan..."',
    'innerText="Validate"': 'innerText="Periksa"',
    'innerText="Validating..."': 'innerText="Memeriksa..."',
    'innerText="Fetch Feedback"': 'innerText="Ambil umpan balik"',
    'innerText="Fetching Feedback..."': 'innerText="Mengambil umpan balik..."',
    'innerText=" (view feedback)"': 'innerText=" (lihat umpan balik)"',
    'innerText=" (feedback available to fetch)"': 'innerText=" (umpan balik siap diambil)"',
    'innerText="Error fetching assignment."': 'innerText="Latihan gagal diambil."',
    'innerText="Error submitting assignment."': 'innerText="Latihan gagal dikumpulkan."',
    'innerText="Error validating assignment."': 'innerText="Latihan gagal diperiksa."',
    'innerText="Error fetching feedback."': 'innerText="Umpan balik gagal diambil."',
    'innerText="Success! Your notebook passes all the tests."':
        'innerText="Berhasil! Notebook Anda lolos semua pemeriksaan."',
    'innerText="The following cell failed:"': 'innerText="Sel berikut gagal:"',
    'innerText="The following cell passed:"': 'innerText="Sel berikut lolos:"',
    'innerText="Total points:"': 'innerText="Total poin:"',
    'innerText="No courses found."': 'innerText="Tidak ada kursus."',
    'innerText="Error fetching courses!"': 'innerText="Daftar kursus gagal dimuat."',
    # the side panel that marks a notebook's cells for nbgrader (the trainer's, on a laptop)
    'title.label="Create Assignment"': 'title.label="Buat Latihan"',
    # the notebook toolbar's button that checks an exercise, and its dialogs
    'label:"Validate"': 'label:"Periksa"',
    'tooltip:"Validate Assignment"': 'tooltip:"Periksa latihan ini"',
    'setButtonLabel(e="Validate")': 'setButtonLabel(e="Periksa")',
    'setButtonLabel("Validating...")': 'setButtonLabel("Memeriksa...")',
    'setButtonLabel("Saving...")': 'setButtonLabel("Menyimpan...")',
    'title:"Validation Results"': 'title:"Hasil pemeriksaan"',
    'title:"Validation failed"': 'title:"Pemeriksaan gagal"',
    'body:"Cannot save notebook"': 'body:"Notebook tidak dapat disimpan"',
}
MARK = "Released assignments"


def extension(env: Path) -> Path:
    return env / "share" / "jupyter" / "labextensions" / "@jupyter" / "nbgrader" / "static"


def translate(static: Path) -> list[str]:
    """Replace the strings in the nbgrader chunk under ``static`` that holds the panel;
    returns the English strings not found (empty when all were, or already translated)."""
    done = STRINGS[MARK]
    for chunk in sorted(static.glob("*.js")):
        text = chunk.read_text(encoding="utf-8")
        if MARK not in text and done not in text:
            continue
        missing = [english for english, indonesian in STRINGS.items()
                   if english not in text and indonesian not in text]
        for english, indonesian in STRINGS.items():
            text = text.replace(english, indonesian)
        chunk.write_text(text, encoding="utf-8")
        return missing
    return list(STRINGS)
