"""Python errors explained in Indonesian, above the original error, for participants who do
not program. :func:`install` hooks into the running IPython shell; the first cell of every
notebook installs it (through :func:`humaskit.charts.enable_offline`).

A failed check of an exercise raises :class:`CekGagal`, which IPython shows as its Indonesian
message alone, never as a traceback.
"""

from __future__ import annotations


class CekGagal(AssertionError):
    """A check of a participant's work failed; the message (Indonesian) says what is wrong and
    where to look. An AssertionError, so that every grader counts the check as failed; IPython
    (the notebook, and the notebooks nbgrader runs) shows only the message."""

    def _render_traceback_(self) -> list[str]:
        return str(self).splitlines() or ["Pemeriksaan belum lulus."]


def gagal(pesan: str) -> None:
    """Fail a check with the Indonesian message ``pesan``."""
    raise CekGagal(pesan)


def failure_line(ename: str, evalue: str) -> str:
    """A failed test cell's error in one line, for feedback and reports: a failed check's
    Indonesian message alone, any other error as Python names it."""
    if ename == CekGagal.__name__ and evalue:
        return evalue
    return f"{ename}: {evalue}" if evalue else ename


HINTS = {
    IndentationError: (
        "Ada baris yang menjorok (spasi di awal baris) tidak sesuai. Hapus spasi di awal "
        "baris yang ditunjuk, atau samakan dengan baris di atasnya. Bila Anda menghapus "
        "tanda #, hapus juga satu spasi sesudahnya."),
    SyntaxError: (
        "Python tidak dapat membaca penulisan sel ini. Biasanya ada tanda kutip, kurung, "
        "atau koma yang kurang atau berlebih. Periksa baris yang ditunjuk tanda ^ di bawah "
        "dan bandingkan dengan contoh di atasnya."),
    NameError: (
        "Python belum mengenal nama ini. Biasanya sel yang membuatnya belum dijalankan: "
        "jalankan sel-sel di atas dari atas ke bawah (menu Jalankan → Jalankan Semua Sel di "
        "Atas Sel Terpilih). Bisa juga namanya salah ketik."),
    KeyError: (
        "Nama kolom atau kunci yang diminta tidak ada. Periksa ejaannya (huruf besar/kecil "
        "dan spasi berpengaruh) dengan nama kolom pada tabel di atas."),
    TypeError: (
        "Jenis nilai tidak cocok, misalnya teks dipakai sebagai angka atau isian fungsi "
        "kurang/berlebih. Angka ditulis tanpa tanda kutip (3), teks dengan tanda kutip "
        "(\"banjir\")."),
    ValueError: (
        "Jenis nilainya benar tetapi isinya tidak dapat dipakai, misalnya tanggal yang salah "
        "format atau pilihan yang tidak tersedia. Baris terakhir pesan di bawah menyebut "
        "nilai mana."),
}


def explain(error_type: type) -> str | None:
    """The Indonesian explanation of an error type (the closest one it inherits from)."""
    for kind, text in HINTS.items():  # IndentationError before SyntaxError: order matters
        if issubclass(error_type, kind):
            return f"💡 Penjelasan: {text}\n   (Pesan asli Python ada di bawah ini.)"
    return None


def install(shell=None) -> None:
    """Show :func:`explain` above every explained error in ``shell`` (default: the running
    IPython shell; nothing happens outside IPython)."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return
        shell = get_ipython()
    if shell is None or getattr(shell, "_humaskit_errors", False):
        return

    def on_error(self, etype, value, tb, tb_offset=None):
        print(explain(etype))
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)

    shell.set_custom_exc(tuple(k for k in HINTS if k not in (SyntaxError, IndentationError)),
                         on_error)
    show_syntax_error = shell.showsyntaxerror

    def showsyntaxerror(*args, **kwargs):
        import sys

        print(explain(sys.exc_info()[0] or SyntaxError))
        return show_syntax_error(*args, **kwargs)

    shell.showsyntaxerror = showsyntaxerror
    shell._humaskit_errors = True
