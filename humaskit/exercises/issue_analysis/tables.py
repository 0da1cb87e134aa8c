"""Shared helpers of the checks: tolerant reading of participant tables (a check fails with
:func:`humaskit.errors.gagal`)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from humaskit.errors import gagal


def tabel(obj: object, nama: str, kunci: str | None, kolom: Iterable[str],
          langkah: str) -> pd.DataFrame:
    """The participant's table as a DataFrame with ``kunci`` as a column (not the index)."""
    if not isinstance(obj, pd.DataFrame):
        gagal(f"{langkah}: `{nama}` harus berupa tabel (DataFrame pandas), tetapi isinya "
              f"{type(obj).__name__}. Periksa sel jawaban {langkah}.")
    frame = obj
    if kunci is not None and kunci not in frame.columns:
        if kunci in (frame.index.names or []):
            frame = frame.reset_index()
        else:
            gagal(f"{langkah}: `{nama}` tidak memiliki kolom `{kunci}` (juga tidak sebagai "
                  f"indeks). Pastikan setiap baris diberi nama {kunci}-nya.")
    hilang = [k for k in kolom if k not in frame.columns]
    if hilang:
        gagal(f"{langkah}: kolom berikut belum ada di `{nama}`: "
              f"{', '.join('`' + k + '`' for k in hilang)}. Periksa ejaan nama kolom "
              "(huruf kecil, garis bawah) sesuai petunjuk.")
    return frame


def per_kunci(frame: pd.DataFrame, kunci: str, nama: str, langkah: str) -> pd.DataFrame:
    """``frame`` indexed by ``kunci``; each key must occur once."""
    ganda = frame[kunci][frame[kunci].duplicated()].tolist()
    if ganda:
        gagal(f"{langkah}: di `{nama}` nilai `{kunci}` berikut muncul lebih dari sekali: "
              f"{ganda[:5]}. Setiap {kunci} seharusnya hanya satu baris.")
    return frame.set_index(kunci)


def sama_kunci(frame: pd.DataFrame, diharapkan: Iterable, nama: str, kunci: str,
               langkah: str, asal: str) -> None:
    """The keys of ``frame`` (its index) are exactly ``diharapkan``."""
    ada, harus = set(frame.index), set(diharapkan)
    if ada != harus:
        kurang, lebih = sorted(map(str, harus - ada)), sorted(map(str, ada - harus))
        teks = []
        if kurang:
            teks.append(f"tidak ada: {kurang}")
        if lebih:
            teks.append(f"tidak semestinya ada: {lebih}")
        gagal(f"{langkah}: daftar {kunci} di `{nama}` tidak cocok dengan {asal} "
              f"({'; '.join(teks)}).")


def beda(kolom: str, nama: str, langkah: str, kunci: str, nilai_anda: pd.Series,
         seharusnya: pd.Series, saran: str, toleransi: float | None = None) -> None:
    """Fail naming the first rows where ``nilai_anda`` differs from ``seharusnya``."""
    seharusnya = seharusnya.reindex(nilai_anda.index)
    if toleransi is None:
        salah = ~(nilai_anda.astype(object) == seharusnya.astype(object))
    else:
        salah = ~((pd.to_numeric(nilai_anda, errors="coerce") - seharusnya).abs() <= toleransi)
    if salah.any():
        contoh = "; ".join(f"{kunci} '{k}': tertulis {_tampil(nilai_anda[k])}, seharusnya "
                           f"{_tampil(seharusnya[k])}" for k in list(nilai_anda.index[salah])[:3])
        gagal(f"{langkah}: kolom `{kolom}` di `{nama}` belum tepat pada {int(salah.sum())} "
              f"baris ({contoh}). {saran}")


def _tampil(nilai: object) -> str:
    """A value as a participant reads it (no ``np.int64(...)`` wrappers)."""
    if hasattr(nilai, "item"):
        nilai = nilai.item()
    return repr(nilai)


def bilangan_bulat(frame: pd.DataFrame, kolom: str, nama: str, langkah: str,
                   bawah: int, atas: int) -> None:
    nilai = pd.to_numeric(frame[kolom], errors="coerce")
    if nilai.isna().any() or (nilai % 1 != 0).any() or not nilai.between(bawah, atas).all():
        gagal(f"{langkah}: kolom `{kolom}` di `{nama}` harus berisi bilangan bulat "
              f"{bawah}–{atas}; ditemukan {sorted(set(frame[kolom].tolist()))[:8]}.")
