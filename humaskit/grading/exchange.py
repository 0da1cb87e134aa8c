"""Whose folder it is in nbgrader's exchange.

On the classroom server each participant has a Unix account named after their roster id
(lower-cased), and nbgrader's submit creates ``inbound/<account>+<assignment>+<time>+<random>``
as that account. Any account may create a folder under any name there, so a folder counts as
the participant's only when its owner is the account its name gives. Collection refuses the
others; the facilitator's page does not count them (nor plain files or links).

On a laptop (a copy of the exchange, no participant accounts) ownership says nothing: the
files belong to whoever copied them. There no owner can be checked, and every folder is taken
by its name as nbgrader's own collect does.
"""

from __future__ import annotations

import os
import pwd
import stat
from pathlib import Path


def account_uid(account: str) -> int | None:
    """The uid of the participant's account on this machine, or None where it has none."""
    try:
        return pwd.getpwnam(account.lower()).pw_uid
    except (KeyError, ValueError):  # ValueError: a name holding NUL
        return None


def account_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def owner_problem(info: os.stat_result, account: str) -> str | None:
    """Why a folder named for ``account`` is not that account's own (None when it is, or when
    this machine has no such account and ownership cannot be checked)."""
    uid = account_uid(account)
    if uid is None or info.st_uid == uid:
        return None
    return f"atas nama '{account}' dibuat oleh akun '{account_name(info.st_uid)}'"


def parts(name: str) -> tuple[str, str, str] | None:
    """Account, assignment and time from an inbound folder's name, or None for another name."""
    fields = name.split("+")
    return (fields[0], fields[1], fields[2]) if len(fields) >= 3 else None


def submitted(inbound: Path) -> set[tuple[str, str]]:
    """(account, assignment) of every folder in ``inbound`` that its own account made: what
    the facilitator's page shows as submitted. Plain files, links and folders that another
    account made under someone's name are not."""
    found = set()
    try:
        entries = list(os.scandir(inbound))
    except OSError:
        return found
    for entry in entries:
        named = parts(entry.name)
        if named is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and owner_problem(info, named[0]) is None:
            found.add(named[:2])
    return found
