"""Each participant's personal secret: a 6-digit PIN, easy to type on a phone, set as the
Unix password of their account (the hub checks it through PAM). Admins get long passwords.

PINs are made once and kept: ``setup`` run again hands out the same ones. A forgotten PIN is
replaced by the facilitator (:func:`reset`); every reset is logged with its time and who did
it, never the PIN, so the organiser's report can say whose work may have been done under a
reset account.
"""

from __future__ import annotations

import secrets
from itertools import pairwise

from humaskit.server import accounts, resets
from humaskit.server.layout import Layout

DIGITS = 6
ADMIN_PASSWORD_BYTES = 24  # 32 URL-safe characters


def guessable(pin: str) -> bool:
    """A PIN a guesser tries first: few distinct digits, or a run (123456, 987654)."""
    steps = {int(b) - int(a) for a, b in pairwise(pin)}
    return len(set(pin)) <= 2 or steps in ({1}, {-1})


def new_pin(taken: set[str]) -> str:
    """A random PIN that no other participant has and that is not among the first guesses."""
    while True:
        pin = f"{secrets.randbelow(10 ** DIGITS):0{DIGITS}d}"
        if pin not in taken and not guessable(pin):
            return pin


def assign(participants: dict[str, str], earlier: dict[str, str]) -> dict[str, str]:
    """A PIN for each participant: the one handed out earlier, or a new one."""
    pins = {a: earlier[a] for a in participants if a in earlier}
    for account in participants:
        if account not in pins:
            pins[account] = new_pin(set(pins.values()))
    return pins


def admin_passwords(admins: list[str], earlier: dict[str, str]) -> dict[str, str]:
    return {a: earlier.get(a) or secrets.token_urlsafe(ADMIN_PASSWORD_BYTES) for a in admins}


def reset(layout: Layout, account: str, by: str) -> str:
    """Give ``account`` a new PIN (set at once), log the reset, lift any lock; returns the PIN
    to be shown once."""
    from humaskit.server.signin import Guard

    settings = layout.read()
    if account not in settings.participants:
        raise accounts.AccountError(f"{account} bukan akun peserta di daftar.")
    pin = new_pin({p for a, p in settings.pins.items() if a != account}
                  | {settings.pins.get(account, "")})
    accounts.set_passwords({account: pin})
    settings.pins[account] = pin
    layout.write(settings)
    resets.log(layout.resets_file, account, by)
    Guard(layout.guard_file).unlock(account)
    return pin
