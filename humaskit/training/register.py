"""The certificate register (*buku register sertifikat*) and the check of a certificate's QR.

Each participant who meets the attendance threshold is given the next serial the first time
a certificate is issued, and keeps it on every later run: correcting attendance adds serials,
it never renumbers. The register (``register_sertifikat.csv``) is the cohort record a
certificate is checked against; it stays in the organiser's records folder with a per-cohort
secret (``kunci_sertifikat.txt``) that never appears on a certificate.

The QR code of a certificate holds one line, ``HUMASKIT-SERTIFIKAT|1|number|name|programme|
JP|code``, where the code is an HMAC-SHA256 of the other fields under the secret (first 32
hex digits). :func:`check` verifies such a line offline: the code must match, and the
number, name, programme and JP must be those of the register.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from humaskit import safe_text

FILE = "register_sertifikat.csv"
SECRET = "kunci_sertifikat.txt"
PREFIX = "HUMASKIT-SERTIFIKAT"
VERSION = "1"
COLUMNS = ["urut", "id", "nomor", "nama", "nip", "program", "jp", "kode"]


def secret(records: Path) -> bytes:
    """The cohort's secret, created on first use (readable by its owner only)."""
    path = Path(records) / SECRET
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32) + "\n")
    return bytes.fromhex(path.read_text(encoding="utf-8").strip())


def code(key: bytes, number: str, name: str, programme: str, jp: int) -> str:
    message = "|".join([VERSION, number, name, programme, str(jp)]).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def payload(entry: dict) -> str:
    """The line a certificate's QR code holds."""
    return "|".join([PREFIX, VERSION, entry["nomor"], entry["nama"], entry["program"],
                     str(entry["jp"]), entry["kode"]])


def load(records: Path) -> pd.DataFrame:
    path = Path(records) / FILE
    if not path.exists():
        return pd.DataFrame(columns=COLUMNS)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def issue(records: Path, qualified: list[dict], number, programme: str,
          jp: int) -> pd.DataFrame:
    """The register with a serial for every qualified participant (``id, nama, nip``): kept
    from earlier runs, the next serials for newcomers in the order given. ``number(serial)``
    writes a certificate number. Names, programme and JP are refreshed from this run (a
    corrected name gets a new code), as printable text (what the certificate shows is what
    its code signs). Returns the entries of ``qualified``, in serial order."""
    key = secret(records)
    known = load(records)
    serials = dict(zip(known["id"], known["urut"].astype(int))) if not known.empty else {}
    rows = {row["id"]: row for row in known.to_dict("records")}
    following = max(serials.values(), default=0)
    for who in qualified:
        if who["id"] not in serials:
            following += 1
            serials[who["id"]] = following
        serial = serials[who["id"]]
        entry = {"urut": serial, "id": who["id"], "nomor": number(serial),
                 "nama": safe_text.printable(who["nama"]), "nip": who.get("nip", ""),
                 "program": safe_text.printable(programme), "jp": jp}
        entry["kode"] = code(key, entry["nomor"], entry["nama"], programme, jp)
        rows[who["id"]] = entry
    table = pd.DataFrame(sorted(rows.values(), key=lambda r: int(r["urut"])), columns=COLUMNS)
    table.to_csv(Path(records) / FILE, index=False, encoding="utf-8-sig")
    wanted = {who["id"] for who in qualified}
    return table[table["id"].isin(wanted)].reset_index(drop=True)


@dataclass(frozen=True)
class Verdict:
    valid: bool
    message: str


def check(records: Path, line: str) -> Verdict:
    """Is ``line`` (the QR text of a certificate) a certificate of this cohort, unaltered?"""
    parts = line.strip().split("|")
    if len(parts) != 7 or parts[0] != PREFIX or parts[1] != VERSION:
        return Verdict(False, "Teks ini bukan kode QR sertifikat humaskit (bentuknya tidak "
                              "dikenal).")
    _, _, number, name, programme, jp, given = parts
    key_path = Path(records) / SECRET
    if not key_path.exists():
        return Verdict(False, f"Kunci sertifikat kohort ini tidak ada ({key_path}); "
                              "sertifikat belum pernah diterbitkan dari folder ini.")
    expected = code(secret(records), number, name, programme, jp)
    if not hmac.compare_digest(expected, given):
        return Verdict(False, f"DITOLAK: kode pengaman tidak cocok. Nomor, nama, program, "
                              f"atau JP sertifikat {number} telah diubah, atau sertifikat "
                              "ini bukan dari kohort ini.")
    known = load(records)
    match = known[known["nomor"] == number]
    if match.empty:
        return Verdict(False, f"DITOLAK: nomor {number} tidak ada di register sertifikat.")
    entry = match.iloc[0]
    if (entry["nama"], entry["program"], str(entry["jp"])) != (name, programme, jp):
        return Verdict(False, f"DITOLAK: isi sertifikat {number} berbeda dengan register "
                              f"(register: {entry['nama']}, {entry['jp']} JP).")
    return Verdict(True, f"SAH: sertifikat {number} atas nama {name}, {jp} JP, tercatat di "
                         "register kohort ini.")
