"""Signing in to the room: JupyterHub's PAM authenticator (each account's Unix password is the
participant's PIN) with guessing slowed down.

A 6-digit PIN has a million values, so the number of guesses must be small. After
``WAIT_AFTER`` wrong PINs in a row an account waits ``WAIT_MINUTES``; after ``LOCK_AFTER`` it
is locked until the facilitator unlocks it on the facilitator page (or gives a new PIN).
Every attempt is counted *before* PAM checks it, so many guesses sent at once cannot slip
through while earlier ones are still being checked: at most ``LOCK_AFTER`` guesses per account
ever reach PAM between two unlocks. The participant is told in Indonesian what happened.

Admins are not locked (a participant could otherwise lock the facilitator out of the page that
unlocks); their passwords are long enough that guessing them is hopeless, and PAM's own delay
after a failure still applies.

The state lives in a root-only JSON file shared with the facilitator's page, which runs in
another process; every change holds an exclusive lock on it.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from jupyterhub.auth import PAMAuthenticator
from tornado import web
from traitlets import Unicode

WAIT_AFTER = 5
WAIT_MINUTES = 5
LOCK_AFTER = 10


def _clock(moment: float) -> str:
    return datetime.fromtimestamp(moment).astimezone().strftime("%H.%M")


class Guard:
    """Failed sign-ins per account: ``{account: {"gagal": n, "sampai": t, "menunggu":
    bool, "terkunci": bool}}`` in ``path``."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @contextmanager
    def _state(self) -> Iterator[dict]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "r+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            text = handle.read()
            state = json.loads(text) if text.strip() else {}
            yield state
            handle.seek(0)
            handle.truncate()
            handle.write(json.dumps(state, indent=1))

    def read(self) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        with self._state() as state:
            return dict(state)

    def begin(self, account: str, now: float | None = None) -> str | None:
        """Count an attempt for ``account`` before its PIN is checked; returns the Indonesian
        reason it is refused without a check (waiting or locked), or None to go on."""
        now = time.time() if now is None else now
        with self._state() as state:
            entry = state.setdefault(account, {"gagal": 0, "sampai": 0, "menunggu": False,
                                               "terkunci": False})
            refused = self._refusal(account, entry, now)
            if refused is None:
                entry["gagal"] += 1
            return refused

    def failed(self, account: str, now: float | None = None) -> str:
        """The attempt counted by :meth:`begin` had a wrong PIN: what to tell the person."""
        now = time.time() if now is None else now
        with self._state() as state:
            entry = state.get(account) or {"gagal": 1, "sampai": 0, "menunggu": False,
                                           "terkunci": False}
            state[account] = entry
            refused = self._refusal(account, entry, now)
            if refused:
                return refused
            left = WAIT_AFTER - entry["gagal"] if not entry["menunggu"] else \
                LOCK_AFTER - entry["gagal"]
            then = "akun ini harus menunggu" if not entry["menunggu"] else "akun ini dikunci"
            return (f"Nama akun atau PIN salah. Periksa kartu Anda; setelah {left} kali lagi "
                    f"salah, {then}.")

    def succeeded(self, account: str) -> None:
        with self._state() as state:
            state.pop(account, None)

    def unlock(self, account: str) -> None:
        """Lift a wait or a lock (the facilitator's button; a new PIN)."""
        self.succeeded(account)

    @staticmethod
    def _refusal(account: str, entry: dict, now: float) -> str | None:
        """Apply the limits to ``entry`` (changing it) and say why it is refused, if it is."""
        if entry["gagal"] >= LOCK_AFTER:
            entry["terkunci"] = True
        if entry["terkunci"]:
            return (f"Akun {account} dikunci karena PIN salah {entry['gagal']} kali "
                    "berturut-turut. Minta fasilitator membukanya; bila Anda lupa PIN, "
                    "fasilitator dapat memberi PIN baru.")
        if entry["gagal"] >= WAIT_AFTER and not entry["menunggu"]:
            entry["menunggu"], entry["sampai"] = True, now + WAIT_MINUTES * 60
        if entry["sampai"] > now:
            return (f"PIN akun {account} sudah {entry['gagal']} kali salah. Demi keamanan, akun "
                    f"ini menunggu sampai pukul {_clock(entry['sampai'])} sebelum dapat dicoba "
                    "lagi, atau minta fasilitator membukanya.")
        return None

    @staticmethod
    def describe(entry: dict, now: float | None = None) -> str:
        """The account's state in a few words for the facilitator page ('' when fine)."""
        now = time.time() if now is None else now
        if entry.get("terkunci"):
            return f"terkunci ({entry['gagal']}× salah)"
        if entry.get("sampai", 0) > now:
            return f"menunggu s.d. {_clock(entry['sampai'])} ({entry['gagal']}× salah)"
        return f"{entry['gagal']}× salah" if entry.get("gagal") else ""


class KelasAuthenticator(PAMAuthenticator):
    """JupyterHub's PAM authenticator with the room's guessing limits for participants."""

    guard_file = Unicode(help="the Guard's state file").tag(config=True)
    activity_file = Unicode("", help="where a participant's sign-in is recorded "
                                     "(humaskit.server.activity)").tag(config=True)

    async def authenticate(self, handler, data):
        account = self.normalize_username(data.get("username", ""))
        data = {**data, "username": account}  # "Uji_Ani" typed on a phone is uji_ani
        if account in self.admin_users:
            return await super().authenticate(handler, data)
        if account not in self.allowed_users:  # not in the room: no PAM thread spent on it
            return None
        guard = Guard(Path(self.guard_file))
        refused = guard.begin(account)
        if refused:
            raise web.HTTPError(429, refused)
        if await super().authenticate(handler, data):
            guard.succeeded(account)
            self._record(account)
            return account
        raise web.HTTPError(403, guard.failed(account))

    def _record(self, account: str) -> None:
        """Note the sign-in for the attendance; a failure to note it never refuses one."""
        if not self.activity_file:
            return
        from humaskit.server import activity

        try:
            activity.signed_in(Path(self.activity_file), account, time.time())
        except OSError as error:
            self.log.warning("Sign-in of %s not recorded: %s", account, error)
