"""Visible self-checks of the *Pemetaan Isu* exercise (called by its grade cells).

Each function checks one step of the participant's work and raises :class:`CekGagal` with an
Indonesian message saying what is wrong and where to look; on success it prints a short
confirmation. They check properties (columns, allowed values, consistency), not exact
values: the hidden tests (:mod:`uji`) do that.
"""

from __future__ import annotations

import pandas as pd

from humaskit.errors import CekGagal, gagal
from humaskit.exercises.issue_analysis.tables import bilangan_bulat, tabel

__all__ = [
    "CekGagal",
    "duplikat",
    "grafik",
    "kategori",
    "koordinator",
    "kuadran",
    "opd",
    "pemangku_kunci",
    "ringkasan",
    "skor",
    "spasi",
    "tahap",
    "tanggal",
    "topik",
    "tren",
]
from humaskit.issues import lifecycle, monitoring, priority, stakeholders

L1, L2, L3, L4, L5, L6 = (f"Langkah {i}" for i in range(1, 7))
KOLOM_KLIP = ["id_klip", "tanggal", "sumber_jenis", "sumber_nama", "topik", "ringkasan",
              "sentimen", "jangkauan", "opd_terkait"]
KOLOM_RINGKASAN = monitoring.SUMMARY_COLUMNS[1:]
KOLOM_PETA = ["prioritas", "kategori", "tahap", "opd_utama", "jumlah_opd", "koordinator",
              "pemangku_kunci"]
TIPE_TITIK = {"point", "circle", "square"}


def _ok(pesan: str) -> None:
    print(f"✔ {pesan}")


def data_klip(data_bersih: object) -> pd.DataFrame:
    return tabel(data_bersih, "data_bersih", None, KOLOM_KLIP, L1)


def duplikat(data_bersih: object) -> None:
    data = data_klip(data_bersih)
    ganda = data.loc[data["id_klip"].duplicated(), "id_klip"].tolist()
    if ganda:
        gagal(f"{L1}: masih ada {len(ganda)} klip ganda di `data_bersih` (nomor `id_klip` "
              f"yang sama muncul lebih dari sekali, misalnya {ganda[:3]}). Buang baris "
              "duplikat dengan `.drop_duplicates()`.")
    _ok(f"{L1} (klip ganda): setiap klip kini hanya muncul sekali.")


def tanggal(data_bersih: object) -> None:
    data = data_klip(data_bersih)
    if not pd.api.types.is_datetime64_any_dtype(data["tanggal"]):
        gagal(f"{L1}: kolom `tanggal` di `data_bersih` belum bertipe tanggal (tipenya "
              f"{data['tanggal'].dtype}). Ubah dengan `pd.to_datetime(..., format='%Y-%m-%d', "
              "errors='coerce')`.")
    kosong = int(data["tanggal"].isna().sum())
    if kosong:
        gagal(f"{L1}: masih ada {kosong} baris yang tanggalnya kosong atau tidak terbaca (NaT) "
              "di `data_bersih`. Buang baris itu, misalnya dengan "
              "`.dropna(subset=['tanggal'])`.")
    _ok(f"{L1} (tanggal): semua tanggal terbaca.")


def topik(data_bersih: object) -> None:
    data = data_klip(data_bersih)
    asing = sorted(set(data["topik"].dropna()) - set(monitoring.TOPICS))
    if asing:
        gagal(f"{L1}: topik berikut di `data_bersih` belum ditulis baku: {asing[:6]}. Ubah "
              "topik ke huruf kecil (`.str.lower()`), lalu ganti ejaan lain dengan kamus "
              f"`EJAAN_TOPIK` (`.replace(EJAAN_TOPIK)`). Topik baku: {list(monitoring.TOPICS)}.")
    _ok(f"{L1} (topik): semua topik sudah ditulis baku.")


def spasi(data_bersih: object) -> None:
    data = data_klip(data_bersih)
    for kolom in monitoring.TEXT_COLUMNS:
        teks = data[kolom].dropna().astype(str)
        berspasi = teks[teks != teks.str.strip()]
        if len(berspasi):
            gagal(f"{L1}: kolom `{kolom}` di `data_bersih` masih berisi spasi di awal atau "
                  f"akhir teks pada {len(berspasi)} baris (misalnya {berspasi.iloc[0]!r}). "
                  "Buang dengan `.str.strip()` pada setiap kolom teks.")
    asing = sorted(set(data["sentimen"].dropna()) - set(monitoring.SENTIMENTS))
    if asing:
        gagal(f"{L1}: kolom `sentimen` hanya boleh berisi {list(monitoring.SENTIMENTS)}; "
              f"ditemukan {asing[:5]}.")
    _ok(f"{L1} (spasi): tidak ada lagi spasi berlebih.")


def tabel_ringkasan(ringkasan_isu: object) -> pd.DataFrame:
    return tabel(ringkasan_isu, "ringkasan_isu", "topik", KOLOM_RINGKASAN, L2)


def ringkasan(ringkasan_isu: object, data_bersih: object) -> None:
    frame = tabel_ringkasan(ringkasan_isu)
    data = data_klip(data_bersih)
    if set(frame["topik"]) != set(data["topik"]):
        gagal(f"{L2}: `ringkasan_isu` harus memuat satu baris untuk setiap topik di "
              "`data_bersih`. Kelompokkan dengan `groupby('topik')`.")
    if pd.to_numeric(frame["volume"], errors="coerce").sum() != len(data):
        gagal(f"{L2}: jumlah `volume` semua topik ({frame['volume'].sum()}) harus sama dengan "
              f"jumlah baris `data_bersih` ({len(data)}). `volume` = banyaknya klip per topik.")
    persen = pd.to_numeric(frame["persen_negatif"], errors="coerce")
    if not persen.between(0, 100).all():
        gagal(f"{L2}: `persen_negatif` harus berupa persen 0–100.")
    if persen.max() <= 1 and (data["sentimen"] == "negatif").any():
        gagal(f"{L2}: `persen_negatif` tampaknya masih berupa pecahan 0–1; kalikan 100.")
    _ok(f"{L2} (volume, persen negatif, jangkauan): kolom dan isinya masuk akal.")


def tren(ringkasan_isu: object) -> None:
    frame = tabel_ringkasan(ringkasan_isu)
    selisih = frame["volume_terkini"] - frame["volume_sebelumnya"]
    if not (pd.to_numeric(frame["tren"], errors="coerce") == selisih).all():
        gagal(f"{L2}: `tren` harus sama dengan `volume_terkini` dikurangi `volume_sebelumnya`.")
    if (frame["volume_terkini"] > frame["volume"]).any():
        gagal(f"{L2}: `volume_terkini` tidak mungkin lebih besar dari `volume` seluruh periode.")
    _ok(f"{L2} (tren): kolom tren konsisten.")


def tabel_skor(skor_isu: object) -> pd.DataFrame:
    return tabel(skor_isu, "skor_isu", "topik",
                 ["dampak", "urgensi", "prioritas", "kategori", "tahap"], L3)


def skor(skor_isu: object, ringkasan_isu: object) -> None:
    frame = tabel_skor(skor_isu)
    if set(frame["topik"]) != set(tabel_ringkasan(ringkasan_isu)["topik"]):
        gagal(f"{L3}: `skor_isu` harus memuat semua topik `ringkasan_isu`, satu baris per topik.")
    for kolom in ("dampak", "urgensi"):
        bilangan_bulat(frame, kolom, "skor_isu", L3, 1, 5)
    _ok(f"{L3} (dampak dan urgensi): nilainya bilangan bulat 1–5.")


def kategori(skor_isu: object) -> None:
    frame = tabel_skor(skor_isu)
    if not (frame["prioritas"] == frame["dampak"] * frame["urgensi"]).all():
        gagal(f"{L3}: `prioritas` harus sama dengan `dampak` × `urgensi`.")
    asing = sorted(set(frame["kategori"]) - set(priority.CATEGORIES))
    if asing:
        gagal(f"{L3}: `kategori` hanya boleh {list(priority.CATEGORIES)}; ditemukan {asing}.")
    _ok(f"{L3} (prioritas dan kategori): konsisten.")


def tahap(skor_isu: object) -> None:
    frame = tabel_skor(skor_isu)
    asing = sorted(set(frame["tahap"]) - set(lifecycle.STAGES))
    if asing:
        gagal(f"{L3}: `tahap` hanya boleh {list(lifecycle.STAGES)}; ditemukan {asing}. "
              "Perhatikan ejaan, misalnya 'mediasi & amplifikasi'.")
    _ok(f"{L3} (tahap siklus hidup): nama tahap sah.")


def tabel_pemangku(pemangku: object) -> pd.DataFrame:
    return tabel(pemangku, "pemangku", "nama", ["kekuasaan", "kepentingan", "kuadran",
                                                "isu_terkait"], L4)


def kuadran(pemangku: object) -> None:
    frame = tabel_pemangku(pemangku)
    asing = sorted(set(frame["kuadran"]) - set(stakeholders.QUADRANTS))
    if asing:
        gagal(f"{L4}: `kuadran` hanya boleh {list(stakeholders.QUADRANTS)}; ditemukan {asing}.")
    if frame["nama"].duplicated().any() or len(frame) < 1:
        gagal(f"{L4}: setiap pemangku kepentingan harus muncul tepat satu kali di `pemangku`.")
    _ok(f"{L4} (kuadran Mendelow): nama kuadran sah.")


def tabel_peta(peta_isu: object) -> pd.DataFrame:
    return tabel(peta_isu, "peta_isu", "topik", KOLOM_PETA, L5)


def opd(peta_isu: object, skor_isu: object, data_bersih: object) -> None:
    frame = tabel_peta(peta_isu).set_index("topik")
    skor_ = tabel_skor(skor_isu).set_index("topik")
    if set(frame.index) != set(skor_.index):
        gagal(f"{L5}: `peta_isu` harus memuat satu baris untuk setiap topik di `skor_isu`.")
    for kolom in ("prioritas", "kategori", "tahap"):
        if not (frame[kolom] == skor_[kolom].reindex(frame.index)).all():
            gagal(f"{L5}: kolom `{kolom}` di `peta_isu` harus sama dengan di `skor_isu`.")
    dikenal = set(data_klip(data_bersih)["opd_terkait"])
    asing = sorted(set(frame["opd_utama"]) - dikenal)
    if asing:
        gagal(f"{L5}: `opd_utama` harus salah satu OPD di kolom `opd_terkait`; ditemukan {asing}.")
    _ok(f"{L5} (OPD utama): kolom lengkap dan OPD dikenal.")


def koordinator(peta_isu: object) -> None:
    frame = tabel_peta(peta_isu)
    sah = frame["koordinator"].eq("Sekda/Wabup") | frame["koordinator"].eq(frame["opd_utama"])
    if not sah.all():
        contoh = frame.loc[~sah, "koordinator"].tolist()[:3]
        gagal(f"{L5}: `koordinator` harus 'Sekda/Wabup' atau sama dengan `opd_utama`; "
              f"ditemukan {contoh}.")
    _ok(f"{L5} (koordinator): isinya sah.")


def daftar_nama(nilai: object) -> set[str]:
    """The names in one ``pemangku_kunci`` cell: a list, or text separated by ';' or ','."""
    if isinstance(nilai, (list, tuple, set, frozenset, pd.Series)):
        return {str(n).strip() for n in nilai if str(n).strip()}
    if nilai is None or (isinstance(nilai, float) and pd.isna(nilai)):
        return set()
    return {n.strip() for n in str(nilai).replace(",", ";").split(";") if n.strip()}


def pemangku_kunci(peta_isu: object, pemangku: object) -> None:
    frame = tabel_peta(peta_isu)
    dikenal = set(tabel_pemangku(pemangku)["nama"])
    for nilai in frame["pemangku_kunci"]:
        asing = daftar_nama(nilai) - dikenal
        if asing:
            gagal(f"{L5}: `pemangku_kunci` memuat nama yang tidak ada di `pemangku`: "
                  f"{sorted(asing)[:3]}. Pisahkan nama dengan '; '.")
    _ok(f"{L5} (pemangku kunci): semua nama dikenal.")


def spesifikasi(matriks_isu: object) -> tuple[dict, dict]:
    """The chart's point layer as (mark type, merged encoding) and its data rows by dataset."""
    if not hasattr(matriks_isu, "to_dict"):
        gagal(f"{L6}: `matriks_isu` harus berupa grafik altair (hasil `alt.Chart(...)`), "
              f"bukan {type(matriks_isu).__name__}.")
    spec = matriks_isu.to_dict()
    layers = spec.get("layer", [spec])
    for layer in layers:
        mark = layer.get("mark", {})
        jenis = mark if isinstance(mark, str) else mark.get("type")
        if jenis in TIPE_TITIK:
            return {**spec.get("encoding", {}), **layer.get("encoding", {})}, spec
    gagal(f"{L6}: grafik harus memakai titik atau lingkaran (`mark_circle()` atau "
          "`mark_point()`).")


def _medan(encoding: dict, kanal: str) -> list[str]:
    nilai = encoding.get(kanal)
    daftar = nilai if isinstance(nilai, list) else [nilai] if nilai else []
    return [d.get("field", "").split(":")[0] for d in daftar if isinstance(d, dict)]


def grafik(matriks_isu: object) -> None:
    encoding, _ = spesifikasi(matriks_isu)
    harus = {"x": "urgensi", "y": "dampak", "size": "volume", "color": "kategori"}
    for kanal, kolom in harus.items():
        if _medan(encoding, kanal) != [kolom]:
            gagal(f"{L6}: sumbu/kanal `{kanal}` harus memakai kolom `{kolom}` "
                  f"(`{kanal}='{kolom}'` di `.encode(...)`); sekarang: "
                  f"{_medan(encoding, kanal) or 'belum diisi'}.")
    if "topik" not in _medan(encoding, "tooltip"):
        gagal(f"{L6}: tambahkan `tooltip` yang memuat `topik` (misalnya "
              "`tooltip=['topik', 'kategori', 'prioritas']`).")
    _ok(f"{L6} (matriks isu): jenis grafik dan kanalnya sesuai.")
