"""The room's account tools run from any root shell: `humaskit server setup` and `restore`
find Debian's ``useradd`` and ``chpasswd`` in /usr/sbin even when the shell's ``PATH`` lacks
it (``su`` without ``-``), and a tool that is missing or refuses says so in Indonesian."""

from __future__ import annotations

import shutil

import pytest

from humaskit.server import accounts

needs_useradd = pytest.mark.skipif(shutil.which("useradd", path=accounts.ADMIN_PATH) is None,
                                   reason="Debian's passwd package is not installed")


@needs_useradd
def test_useradd_is_found_when_sbin_is_not_on_the_path(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    accounts.admin(["useradd", "--help"], "Akun uji tidak dapat dibuat")


def test_a_missing_tool_is_named_in_indonesian(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(accounts.AccountError, match="perintah sistem 'tidak_ada_alat' tidak "
                                                     "ditemukan"):
        accounts.admin(["tidak_ada_alat"], "Akun uji tidak dapat dibuat")


@needs_useradd
def test_a_refusal_keeps_the_tools_own_reason():
    with pytest.raises(accounts.AccountError, match=r"^Akun uji tidak dapat dibuat \(useradd\): "
                                                     r"\S"):
        accounts.admin(["useradd", "--tidak-ada-opsi-ini"], "Akun uji tidak dapat dibuat")
