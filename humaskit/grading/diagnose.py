"""What went wrong with a submission, as status codes with Indonesian explanations.

:func:`structure` compares a submitted notebook with the released one before grading
(nbgrader then repairs what it can: restores test cells and missing grade cells, drops
duplicate ids); :func:`outcomes` reads the autograded notebook for what happened while it ran.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

from nbformat import NotebookNode

from humaskit.grading.sandbox import TRUNCATED

MESSAGES = {
    "ok": "Dinilai tanpa masalah.",
    "unreadable": "Berkas rusak: bukan notebook JSON yang sah (mungkin terpotong); "
                  "tidak dapat dinilai, nilai 0.",
    "missing_notebook": "Notebook latihan tidak ada dalam kiriman; nilai 0.",
    "empty": "Notebook kosong (tidak ada sel); sel nilai diisi dari sumber, nilai 0.",
    "grade_cells_deleted": "Sel nilai dihapus ({detail}); dipulihkan dari sumber, "
                           "jawaban yang hilang bernilai 0.",
    "grade_cells_duplicated": "Sel nilai ganda ({detail}); salinannya dibuang, "
                              "yang pertama dinilai.",
    "cells_reordered": "Urutan sel nilai diubah; tetap dinilai menurut id sel.",
    "malformed_cells": "Metadata nbgrader rusak pada sel {detail} (bukan buatan kit; "
                       "kesalahan kiriman peserta); metadata itu dibuang, sel nilai yang "
                       "hilang dipulihkan dari sumber, lalu kiriman dinilai.",
    "tests_edited": "Sel uji diubah ({detail}); dipulihkan dari sumber sebelum dinilai.",
    "checksum_tampered": "Checksum/metadata sel diubah ({detail}); dipulihkan dari sumber.",
    "cell_timeout": "Ada sel yang melebihi batas waktu (mis. perulangan tanpa akhir); "
                    "sel itu dihentikan.",
    "memory": "Ada sel yang melebihi batas memori; sel itu dihentikan.",
    "output_truncated": "Keluaran sel terlalu besar; dipotong.",
    "file_access_denied": "Ada sel yang mencoba membaca, mengubah atau menghapus berkas di "
                          "luar folder kerjanya; ditolak.",
    "network_blocked": "Ada sel yang mencoba membuka koneksi jaringan; diblokir.",
    "kernel_died": "Kernel berhenti paksa (batas CPU, memori atau jumlah proses); sisa sel "
                   "tidak dijalankan dan ujinya bernilai 0.",
    "invalid_output": "Hasil menjalankan notebook tidak sah (keluaran diubah dari dalam "
                      "kernel); keluaran sel peserta dibuang dan uji bernilai 0.",
    "submission_timeout": "Penilaian kiriman ini melebihi batas waktu ({detail}); "
                          "dihentikan, nilai 0.",
    "grading_failed": "Gagal dinilai oleh nbgrader: {detail}",
    "grading_retry": "Penilaian terganggu oleh lingkungan (bukan kesalahan peserta): "
                     "{detail}. Kiriman ini akan dinilai ulang pada penjalanan berikutnya.",
    "needs_review": "Jawaban pada sel yang sudah dinilai manual berubah ({detail}); nilai "
                    "manual dipertahankan tetapi perlu ditinjau ulang.",
}

#: Codes after which the scores are not meaningful (the submission was not run).
FATAL = {"unreadable", "missing_notebook", "submission_timeout", "grading_failed",
         "grading_retry"}

NETWORK_HINTS = ("network is unreachable", "name resolution", "name or service not known",
                 "connection refused", "no route to host", "urlopen error")


def message(code: str, detail: str = "") -> str:
    return MESSAGES[code].format(detail=detail)


#: Codes after which the submitted notebook is rewritten (:func:`repaired`) before grading.
REPAIRED = {"grade_cells_duplicated", "malformed_cells"}
FLAGS = ("grade", "solution", "locked", "task")


def well_formed(cell) -> bool:
    """Whether nbgrader can read a cell's metadata: a mapping whose ``nbgrader`` part, if
    any, is a mapping with a non-empty text grade id, true/false flags and numeric points."""
    meta = cell.get("metadata") if isinstance(cell, dict) else None
    if not isinstance(meta, dict):
        return False
    if "nbgrader" not in meta:
        return True
    info = meta["nbgrader"]
    if not isinstance(info, dict):
        return False
    gid = info.get("grade_id", "x")
    points = info.get("points", 0)
    return (isinstance(gid, str) and gid != ""
            and all(isinstance(info.get(f, False), bool) for f in FLAGS)
            and isinstance(points, (int, float)) and not isinstance(points, bool)
            and isinstance(info.get("checksum", ""), str))


def malformed(nb: NotebookNode) -> list[str]:
    """Numbers (from 1) of the cells whose metadata nbgrader cannot read."""
    return [str(n) for n, cell in enumerate(nb.cells, start=1) if not well_formed(cell)]


def repaired(nb: NotebookNode) -> NotebookNode:
    """``nb`` with unreadable nbgrader metadata removed (a cell keeps its content) and
    repeated grade ids dropped (:func:`without_duplicates`)."""
    nb.cells = [cell for cell in nb.cells if isinstance(cell, dict)]
    for cell in nb.cells:
        if not well_formed(cell):
            if not isinstance(cell.get("metadata"), dict):
                cell["metadata"] = NotebookNode()
            cell.metadata.pop("nbgrader", None)
    return without_duplicates(nb)


def grade_ids(nb: NotebookNode) -> list[str]:
    return [cell.metadata.nbgrader["grade_id"] for cell in nb.cells
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")]


def structure(submitted: NotebookNode, released: NotebookNode) -> list[dict]:
    """Problems in a submitted notebook's nbgrader cells, relative to the released version."""
    if not submitted.cells:
        return [{"code": "empty", "detail": ""}]
    found = []
    bad = malformed(submitted)
    if bad:
        found.append({"code": "malformed_cells", "detail": ", ".join(bad[:20])})
        submitted = repaired(copy.deepcopy(submitted))
    expected = grade_ids(released)
    present = grade_ids(submitted)
    counts = Counter(present)
    missing = [i for i in expected if i not in counts]
    if missing:
        found.append({"code": "grade_cells_deleted", "detail": ", ".join(missing)})
    doubled = [i for i, n in counts.items() if n > 1]
    if doubled:
        found.append({"code": "grade_cells_duplicated", "detail": ", ".join(doubled)})
    first_seen = list(dict.fromkeys(i for i in present if i in expected))
    if first_seen != [i for i in expected if i in counts]:
        found.append({"code": "cells_reordered", "detail": ""})
    reference = {cell.metadata.nbgrader["grade_id"]: cell for cell in released.cells
                 if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")}
    edited, tampered = [], []
    for cell in submitted.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        ref = reference.get(meta.get("grade_id"))
        if ref is None:
            continue
        ref_meta = ref.metadata.nbgrader
        locked = not ref_meta.get("solution", False)
        if locked and cell.source != ref.source:
            edited.append(meta["grade_id"])
        elif any(meta.get(k) != ref_meta.get(k) for k in ("checksum", "points", "grade",
                                                          "solution", "locked")):
            tampered.append(meta["grade_id"])
    if edited:
        found.append({"code": "tests_edited", "detail": ", ".join(dict.fromkeys(edited))})
    if tampered:
        found.append({"code": "checksum_tampered", "detail": ", ".join(dict.fromkeys(tampered))})
    return found


def without_duplicates(nb: NotebookNode) -> NotebookNode:
    """``nb`` with nbgrader's metadata removed from every repeat of a grade id (the first
    keeps it). nbgrader's own DeduplicateIds leaves such cells in a shape its later checks
    reject ("old metadata format"), failing the whole submission."""
    seen = set()
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in seen:
            del cell.metadata["nbgrader"]
        elif gid:
            seen.add(gid)
    return nb


def outcomes(autograded: NotebookNode) -> list[dict]:
    """What happened while the notebook ran: time-outs, memory, blocked access, big output."""
    codes: dict[str, None] = {}
    for cell in autograded.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and TRUNCATED in out.text:
                codes["output_truncated"] = None
            if out.output_type != "error":
                continue
            name, value = out.ename, str(out.evalue).lower()
            if name in ("CellTimeoutError", "KeyboardInterrupt"):
                codes["cell_timeout"] = None
            elif name == "MemoryError":
                codes["memory"] = None
            elif name in ("gaierror", "URLError", "ConnectionRefusedError", "timeout") or any(
                    hint in value for hint in NETWORK_HINTS):
                codes["network_blocked"] = None
            elif name == "PermissionError" or "read-only file system" in value or (
                    name in ("FileNotFoundError", "NotADirectoryError")
                    and re.search(r"'/(?!kerja/)", value)):
                codes["file_access_denied"] = None
            elif name == "DeadKernelError":
                codes["kernel_died"] = None
    return [{"code": code, "detail": ""} for code in codes]
