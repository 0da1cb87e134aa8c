"""Hidden tests of the *Pemetaan Isu* exercise: exact values.

Step 1 is compared with the planted ground truth (``datasets/monitoring_isu.csv``); every
later step is compared with the package's reference computed from the participant's OWN
result of the step before, so one early mistake costs its own points only.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from humaskit import datasets
from humaskit.errors import gagal
from humaskit.exercises.issue_analysis import BULAN_TERKINI
from humaskit.exercises.issue_analysis import checks as cek
from humaskit.exercises.issue_analysis.tables import beda, per_kunci, sama_kunci
from humaskit.issues import issue_map, lifecycle, monitoring, priority, stakeholders

L1, L2, L3, L4, L5, L6 = cek.L1, cek.L2, cek.L3, cek.L4, cek.L5, cek.L6


@cache
def _kebenaran() -> pd.DataFrame:
    return datasets.load("monitoring_isu").set_index("id_klip")


@cache
def _id_rusak() -> frozenset:
    return frozenset(datasets.load("monitoring_isu_mentah")["id_klip"]) - set(_kebenaran().index)


def _per_klip(data_bersih: object) -> pd.DataFrame:
    """The participant's clips that exist in the ground truth, first copy of each."""
    data = cek.data_klip(data_bersih)
    data = data[data["id_klip"].isin(_kebenaran().index)]
    return data.drop_duplicates("id_klip").set_index("id_klip")


def duplikat(data_bersih: object) -> None:
    data = cek.data_klip(data_bersih)
    sah = data.loc[data["id_klip"].isin(_kebenaran().index), "id_klip"]
    hilang = len(set(_kebenaran().index) - set(sah))
    if hilang:
        gagal(f"{L1}: {hilang} klip yang sah hilang dari `data_bersih`. Buang hanya baris "
              "duplikat dan baris bertanggal rusak.")
    if sah.duplicated().any():
        gagal(f"{L1}: masih ada klip ganda di `data_bersih`.")


def tanggal(data_bersih: object) -> None:
    data = cek.data_klip(data_bersih)
    sisa = sorted(set(data["id_klip"]) & _id_rusak())
    if sisa:
        gagal(f"{L1}: klip bertanggal rusak masih ada di `data_bersih`: {sisa[:3]}.")
    klip = _per_klip(data)
    benar = _kebenaran()["tanggal"]
    beda("tanggal", "data_bersih", L1, "id_klip", pd.to_datetime(klip["tanggal"]), benar,
         "Baca tanggal dengan format TTTT-BB-HH.")


def topik(data_bersih: object) -> None:
    klip = _per_klip(data_bersih)
    beda("topik", "data_bersih", L1, "id_klip", klip["topik"], _kebenaran()["topik"],
         "Ubah ke huruf kecil lalu ganti ejaan lain dengan `EJAAN_TOPIK`.")


def spasi(data_bersih: object) -> None:
    klip = _per_klip(data_bersih)
    for kolom in ("sentimen", "sumber_nama", "opd_terkait"):
        beda(kolom, "data_bersih", L1, "id_klip", klip[kolom], _kebenaran()[kolom],
             "Buang spasi di awal dan akhir teks.")


def _rujukan(fungsi, langkah: str, asal: str, *args):
    try:
        return fungsi(*args)
    except cek.CekGagal:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # unreadable input
        gagal(f"{langkah} belum dapat dinilai karena {asal} belum memenuhi syarat "
              f"({type(exc).__name__}: {exc}).")


def _ringkasan_rujukan(data_bersih: object) -> pd.DataFrame:
    data = cek.data_klip(data_bersih)
    return _rujukan(monitoring.summarise, L2, "`data_bersih` (Langkah 1)", data,
                    BULAN_TERKINI).set_index("topik")


def _ringkasan_anda(ringkasan_isu: object) -> pd.DataFrame:
    return per_kunci(cek.tabel_ringkasan(ringkasan_isu), "topik", "ringkasan_isu", L2)


def ringkasan(ringkasan_isu: object, data_bersih: object) -> None:
    anda, rujukan = _ringkasan_anda(ringkasan_isu), _ringkasan_rujukan(data_bersih)
    sama_kunci(anda, rujukan.index, "ringkasan_isu", "topik", L2, "`data_bersih`")
    beda("volume", "ringkasan_isu", L2, "topik", anda["volume"], rujukan["volume"],
         "`volume` = banyaknya klip per topik.")
    beda("persen_negatif", "ringkasan_isu", L2, "topik", anda["persen_negatif"],
         rujukan["persen_negatif"], "Persen klip bersentimen 'negatif' (0–100).",
         toleransi=0.051)
    beda("total_jangkauan", "ringkasan_isu", L2, "topik", anda["total_jangkauan"],
         rujukan["total_jangkauan"], "Jumlahkan `jangkauan` per topik.")


def tren(ringkasan_isu: object, data_bersih: object) -> None:
    anda, rujukan = _ringkasan_anda(ringkasan_isu), _ringkasan_rujukan(data_bersih)
    sama_kunci(anda, rujukan.index, "ringkasan_isu", "topik", L2, "`data_bersih`")
    for kolom in ("volume_terkini", "volume_sebelumnya", "tren"):
        beda(kolom, "ringkasan_isu", L2, "topik", anda[kolom], rujukan[kolom],
             "Bulan terkini = Juni 2025, bulan sebelumnya = Mei 2025.")


def _skor_anda(skor_isu: object) -> pd.DataFrame:
    return per_kunci(cek.tabel_skor(skor_isu), "topik", "skor_isu", L3)


def skor(skor_isu: object, ringkasan_isu: object) -> None:
    anda, dasar = _skor_anda(skor_isu), _ringkasan_anda(ringkasan_isu)
    sama_kunci(anda, dasar.index, "skor_isu", "topik", L3, "`ringkasan_isu`")
    dampak = dasar["total_jangkauan"].map(priority.impact)
    urgensi = pd.Series([priority.urgency(p, t) for p, t in
                         zip(dasar["persen_negatif"], dasar["tren"])], index=dasar.index)
    beda("dampak", "skor_isu", L3, "topik", anda["dampak"], dampak,
         "Lihat tabel rubrik dampak (total jangkauan).")
    beda("urgensi", "skor_isu", L3, "topik", anda["urgensi"], urgensi,
         "Lihat tabel rubrik urgensi (persen negatif, naik satu tingkat bila tren > 0).")


def kategori(skor_isu: object) -> None:
    anda = _skor_anda(skor_isu)
    harus = (anda["dampak"] * anda["urgensi"]).map(priority.category)
    beda("kategori", "skor_isu", L3, "topik", anda["kategori"], harus,
         "Ambang kategori: 16 ke atas Kritis, 10–15 Tinggi, 5–9 Sedang, 1–4 Rendah.")


def tahap(skor_isu: object, ringkasan_isu: object) -> None:
    anda, dasar = _skor_anda(skor_isu), _ringkasan_anda(ringkasan_isu)
    sama_kunci(anda, dasar.index, "skor_isu", "topik", L3, "`ringkasan_isu`")
    beda("tahap", "skor_isu", L3, "topik", anda["tahap"], lifecycle.stages(dasar),
         "Terapkan aturan tahap sesuai urutannya (1 sampai 4).")


def kuadran(pemangku: object) -> None:
    anda = per_kunci(cek.tabel_pemangku(pemangku), "nama", "pemangku", L4)
    asli = stakeholders.classify(datasets.load("pemangku_kepentingan")).set_index("nama")
    sama_kunci(anda, asli.index, "pemangku", "nama", L4, "data pemangku kepentingan")
    beda("kuadran", "pemangku", L4, "nama", anda["kuadran"], asli["kuadran"],
         "Nilai 3 ke atas dihitung tinggi; kekuasaan tinggi & kepentingan rendah = "
         "'Jaga kepuasan'.")


def _peta_anda(peta_isu: object) -> pd.DataFrame:
    return per_kunci(cek.tabel_peta(peta_isu), "topik", "peta_isu", L5)


def opd(peta_isu: object, data_bersih: object) -> None:
    anda = _peta_anda(peta_isu)
    data = cek.data_klip(data_bersih)
    rujukan = _rujukan(issue_map.lead_offices, L5, "`data_bersih` (Langkah 1)",
                       data).set_index("topik")
    sama_kunci(anda, rujukan.index, "peta_isu", "topik", L5, "`data_bersih`")
    # Any of the most-named OPD counts as lead (a tie has no single right answer).
    hitung = data.groupby(["topik", "opd_terkait"]).size()
    teratas = hitung[hitung == hitung.groupby(level="topik").transform("max")].reset_index()
    boleh = teratas.groupby("topik")["opd_terkait"].agg(set)
    tepat = pd.Series([o in boleh[t] for t, o in anda["opd_utama"].items()], index=anda.index)
    beda("opd_utama", "peta_isu", L5, "topik", anda["opd_utama"].where(~tepat, "-"),
         rujukan["opd_utama"].where(~tepat, "-"),
         "OPD utama = OPD yang paling sering disebut pada klip topik itu.")
    beda("jumlah_opd", "peta_isu", L5, "topik", anda["jumlah_opd"], rujukan["jumlah_opd"],
         "`jumlah_opd` = banyaknya OPD berbeda (`nunique`) pada klip topik itu.")


def koordinator(peta_isu: object) -> None:
    anda = _peta_anda(peta_isu)
    harus = pd.Series([issue_map.coordinator(k, n, o) for k, n, o in
                       zip(anda["kategori"], anda["jumlah_opd"], anda["opd_utama"])],
                      index=anda.index)
    beda("koordinator", "peta_isu", L5, "topik", anda["koordinator"], harus,
         "Sekda/Wabup hanya untuk isu Kritis yang melibatkan 2 OPD atau lebih.")


def pemangku_kunci(peta_isu: object, pemangku: object) -> None:
    anda = _peta_anda(peta_isu)
    tabel_ = cek.tabel_pemangku(pemangku)
    nama = anda["pemangku_kunci"].map(lambda v: "; ".join(sorted(cek.daftar_nama(v))))
    harus = pd.Series(["; ".join(stakeholders.key_players(tabel_, t)) for t in anda.index],
                      index=anda.index)
    beda("pemangku_kunci", "peta_isu", L5, "topik", nama, harus,
         "Ambil pemangku di kuadran 'Kelola secara dekat' yang `isu_terkait`-nya memuat topik.")


def grafik(matriks_isu: object, skor_isu: object) -> None:
    _, spec = cek.spesifikasi(matriks_isu)
    baris = [r for rows in spec.get("datasets", {}).values() for r in rows]
    baris += spec.get("data", {}).get("values", []) if isinstance(spec.get("data"), dict) else []
    anda = _skor_anda(skor_isu)
    titik = {r.get("topik"): r for r in baris if r.get("topik") in anda.index}
    if set(titik) != set(anda.index):
        gagal(f"{L6}: data grafik harus memuat satu titik untuk setiap topik di `skor_isu`.")
    for t, r in titik.items():
        if (r.get("urgensi"), r.get("dampak"), r.get("kategori")) != (
                anda.loc[t, "urgensi"], anda.loc[t, "dampak"], anda.loc[t, "kategori"]):
            gagal(f"{L6}: titik topik '{t}' tidak cocok dengan `skor_isu` "
                  "(urgensi, dampak, atau kategori).")
        if not isinstance(r.get("volume"), (int, float)) or r.get("volume") <= 0:
            gagal(f"{L6}: kolom `volume` di data grafik harus berisi banyaknya klip.")
