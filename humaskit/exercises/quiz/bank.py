"""The pre-test and post-test items: one item per learning objective of each day, in two
parallel forms: the same objective and sub-skill (:data:`SUBSKILLS`) at the same difficulty,
with different numbers or cases. Distractors are the misconceptions the day teaches against.
The forms are fixed (pre-test first form, post-test second; no counterbalancing).

The objectives are those stated at the top of each day notebook. Each :class:`Item` has a
stem and four options ``a``–``d``. The keys are not here: they live only in the hidden tests
of ``exercises/source/pre_test`` and ``post_test``, which nbgrader removes from the
participants' copies (``tests/test_quiz.py`` checks that every item has exactly one key, that
it is one of its options, and recomputes with the kit's functions every key that follows from
a formula).
"""

from __future__ import annotations

from dataclasses import dataclass

FORMS = {"pre": "pre_test", "post": "post_test"}
LETTERS = ("a", "b", "c", "d")

#: Objective id -> (day, the objective in a few words).
OBJECTIVES = {
    "H1.1": (1, "kinerja DOB dan indeks komposit EDOHP 2011"),
    "H1.2": (1, "definisi, tujuan, 5C dan peran humas pemerintah"),
    "H1.3": (1, "Wabup/Sekda sebagai koordinator manajemen isu"),
    "H1.4": (1, "NRR, IKM, mutu pelayanan dan jumlah sampel SKM"),
    "H1.5": (1, "unsur terlemah sebagai bahan kampanye"),
    "H2.1": (2, "isu menurut Chase; tren dan isu"),
    "H2.2": (2, "lima tahap Jones & Chase"),
    "H2.3": (2, "siklus hidup isu Hainsworth"),
    "H2.4": (2, "volume dan sentimen dari data pemantauan"),
    "H2.5": (2, "prioritas isu: dampak × urgensi"),
    "H2.6": (2, "matriks Mendelow"),
    "H2.7": (2, "OPD pemimpin dan koordinator isu"),
    "H3.1": (3, "menilai pesan dengan 5C"),
    "H3.2": (3, "tanggapan atas pemberitaan: hak jawab dan hak koreksi"),
    "H3.3": (3, "konten sebelum–saat–sesudah kegiatan"),
    "H3.4": (3, "UU 14/2008 (KIP) dan PPID"),
    "H3.5": (3, "membaca KPI komunikasi"),
    "H4.1": (4, "susunan SKKNI kehumasan"),
    "H4.2": (4, "jenjang JF Pranata Humas"),
    "H4.3": (4, "jalur sertifikasi LSP: klaim asesi dan keputusan asesor"),
    "H4.4": (4, "kode etik humas pemerintah pada kasus lintas dinas"),
    "H4.5": (4, "RTL yang terukur"),
}
DAYS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Item:
    form: str
    objective: str
    stem: str
    options: tuple[str, str, str, str]

    @property
    def id(self) -> str:
        return self.objective

    @property
    def day(self) -> int:
        return OBJECTIVES[self.objective][0]


def _items(form: str, rows: list[tuple[str, str, tuple[str, str, str, str]]]) -> tuple[Item, ...]:
    return tuple(Item(form, objective, stem, options) for objective, stem, options in rows)


#: Objective id -> the sub-skill both forms test, at the same difficulty (the parallel pair).
SUBSKILLS = {
    "H1.1": "menghitung indeks komposit dengan bobot EDOHP 2011 (bobot tidak diberikan)",
    "H1.2": "mengenali tiga serangkai dari sumber Hari 1 (Bernays, tujuan, kunci sukses, peran)",
    "H1.3": "dasar koordinator manajemen isu: usulan lokakarya, bukan ketentuan peraturan",
    "H1.4": "IKM dari NRR (bobot 1/9, × 25) dan mutunya menurut rentang 2017",
    "H1.5": "unsur terlemah dan mutunya bila NRR dikali 25",
    "H2.1": "membedakan isu (Chase) dari tren dan dari kabar burung",
    "H2.2": "menempatkan kegiatan humas pada tahap Jones & Chase",
    "H2.3": "tahap siklus hidup isu dari ambang aturan praktis kit (ambang diberikan)",
    "H2.4": "persen negatif dan tren seperti ringkasan kit menghitungnya",
    "H2.5": "prioritas = dampak × urgensi, dengan kenaikan urgensi hanya bila tren naik "
            "(ambang rubrik diberikan)",
    "H2.6": "kuadran Mendelow dengan skor tepat di batas \"tinggi\" (3)",
    "H2.7": "koordinator isu menurut aturan kerja Hari 2 (Kritis dan dua OPD atau lebih)",
    "H3.1": "kriteria 5C yang belum mendapat skor penuh pada alat telaah 5C kit",
    "H3.2": "hak jawab atau hak koreksi (UU 40/1999 Pasal 1 angka 11 dan 12)",
    "H3.3": "hari unggahan kanal Media massa dalam kalender konten kit (sebelum–sesudah)",
    "H3.4": "golongan informasi menurut UU 14/2008 (Pasal 9, 10, 11, 17)",
    "H3.5": "KPI seperti rumus kit: penyebut yang benar",
    "H4.1": "kelompok unit dari kode unit SKKNI 2008",
    "H4.2": "kategori jenjang JF Pranata Humas (Terampil atau Ahli)",
    "H4.3": "klaim asesi (FR.APL.02) dibedakan dari keputusan asesor",
    "H4.4": "cakupan Kode Etik Humas Pemerintah pada kasus yang permukaannya menyesatkan",
    "H4.5": "indikator RTL yang tidak dapat dicek orang lain",
}

PRE = _items("pre", [
    ("H1.1", ("Skor sebuah DOB: kesejahteraan masyarakat 60, tata kelola pemerintahan 50, "
             "pelayanan publik 50, daya saing 40. Dengan bobot EDOHP 2011, berapa indeks "
             "kompositnya?"),
     ("49,00", "50,00", "51,00", "50,50")),
    ("H1.2", "Menurut Bernays (dikutip artikel Humas DJKN), tiga arti *public relations* adalah …",
     ("informasi, persuasi, dan integrasi",
      "kewenangan, koordinasi, dan kompetensi",
      "hak tahu, aspirasi, dan citra positif",
      "inisiator, mediator, dan fasilitator")),
    ("H1.3", ("Modul lokakarya menempatkan Wabup/Sekda sebagai koordinator manajemen isu "
             "lintas dinas. Apa dasarnya, dan bagaimana pemda memberlakukannya?"),
     ("Permendagri 13/2011; berlaku langsung bagi setiap pemda",
      "Inpres 9/2015; wajib dijalankan oleh setiap pemerintah daerah",
      "usulan lokakarya; baru berlaku setelah disahkan Kominfo",
      "usulan lokakarya; dapat ditetapkan dengan keputusan bupati")),
    ("H1.4", ("NRR kesembilan unsur SKM sebuah unit semuanya 3,0. Dengan bobot 1/9 seperti di "
             "kit, berapa IKM dan mutunya menurut PermenPANRB 14/2017?"),
     ("75,00; mutu B", "75,00; mutu C", "27,00; mutu D", "3,00; mutu B")),
    ("H1.5", ("NRR sebuah unit: persyaratan 3,4; waktu penyelesaian 2,7; biaya/tarif 3,6; "
             "penanganan pengaduan 2,9. Unsur mana yang menjadi bahan utama perbaikan dan "
             "kampanye, dan apa mutunya bila NRR-nya dikali 25?"),
     ("Waktu penyelesaian; mutu C",
      "Waktu penyelesaian; mutu D",
      "Penanganan pengaduan; mutu C",
      "Penanganan pengaduan; mutu D")),
    ("H2.1", "Menurut Chase, manakah yang merupakan isu?",
     ("Beredar di grup WhatsApp bahwa kepala dinas pendidikan akan dimutasi",
      "Jumlah penduduk lansia bertambah setiap tahun",
      "Pedagang menuntut bupati membatalkan relokasi pasar",
      "Pemakaian dompet digital di pasar makin meluas")),
    ("H2.2", ("Rapat menetapkan juru bicara, pesan kunci, dan jadwal konferensi pers untuk isu "
             "jalan rusak. Menurut Jones & Chase (1979), ini tahap …"),
     ("identifikasi isu",
      "analisis isu",
      "pilihan strategi perubahan",
      "pemrograman aksi")),
    ("H2.3", ("Aturan praktis kit (Hari 2) memakai ambang berikut: total di bawah 15 klip = "
             "isu masih kecil; klip bulan ini paling banyak separuh bulan lalu = surut. Isu "
             "dengan total 40 klip, 12 klip bulan lalu, dan 9 klip bulan ini berada pada "
             "tahap …"),
     ("permulaan", "mediasi & amplifikasi", "organisasi", "resolusi")),
    ("H2.4", ("Klip isu pupuk hanya ada pada dua bulan: Maret 6 klip (2 negatif), April 10 "
             "klip (7 negatif). Pada akhir April, ringkasan per isu kit mencatat …"),
     ("70% negatif; tren +4",
      "56% negatif; tren +4",
      "56% negatif; tren +67%",
      "70% negatif; tren +67%")),
    ("H2.5", ("Rubrik Hari 2 (ambangnya pilihan kebijakan): jangkauan 500.000 sampai di bawah "
             "1.000.000 → dampak 4; negatif 40% sampai di bawah 60% → urgensi 3; kategori "
             "Kritis ≥ 16, Tinggi 10–15, Sedang 5–9. Isu dengan jangkauan 620.000, 55% klip "
             "negatif, dan tren +2 mendapat prioritas …"),
     ("16 — Kritis", "12 — Tinggi", "20 — Kritis", "8 — Sedang")),
    ("H2.6", ("Komisi III DPRD: kekuasaan 3, kepentingan 2 (skala 1–5, \"tinggi\" mulai 3). "
             "Menurut matriks Mendelow, kuadrannya …"),
     ("Kelola secara dekat", "Jaga kepuasan", "Jaga agar terinformasi", "Pantau")),
    ("H2.7", ("Isu jalan rusak berkategori Kritis; klipnya menyebut PUPR 25 kali dan Dishub 8 "
             "kali. Menurut aturan kerja Hari 2, siapa koordinatornya?"),
     ("PUPR", "Dishub", "Humas Setda", "Sekda/Wabup")),
    ("H3.1", ("Alat telaah 5C kit (Hari 3) menelaah draf unggahan Facebook ini: «Warga "
             "Kecamatan Teluk Marindu, Dinas PUPR memperbaiki 12 ruas jalan desa mulai Senin. "
             "\"Kami kerjakan bertahap agar lalu lintas tetap lancar,\" kata Kepala Dinas "
             "PUPR. Info dan aduan: call center 0812-3456-7890. Informasi selanjutnya akan kami "
             "sampaikan.» Kriteria mana yang belum mendapat skor penuh?"),
     ("Credibility", "Clarity", "Continuity", "Channel")),
    ("H3.2", ("Portal berita menulis bantuan banjir \"belum disalurkan sama sekali\", padahal "
             "sudah sampai di 6 dari 9 desa. Menurut UU 40/1999 dan modul Hari 3, langkah "
             "pemda yang tepat adalah …"),
     ("mengajukan hak koreksi kepada redaksi",
      "mengajukan hak jawab kepada redaksi",
      "meminta redaksi menghapus berita itu",
      "menyatakan berita itu hoaks di akun resmi")),
    ("H3.3", ("Sebuah festival diadakan pada hari H. Menurut kalender konten kit, untuk kanal "
             "Media massa, undangan liputan kepada wartawan dijadwalkan pada …"),
     ("H-7 (sebelum)", "H-1 (sebelum)", "hari H (saat)", "H+1 (sesudah)")),
    ("H3.4", ("Ringkasan laporan keuangan tahunan pemda menunjukkan serapan belanja modal "
             "hanya 55%. Menurut UU 14/2008, informasi ini wajib …"),
     ("diumumkan serta-merta (Pasal 10)",
      "disediakan setiap saat (Pasal 11)",
      "dikecualikan (Pasal 17)",
      "diumumkan berkala (Pasal 9)")),
    ("H3.5", ("Dua unggahan: A menjangkau 1.000 akun dengan 100 interaksi; B menjangkau 9.000 "
             "akun dengan 180 interaksi. Berapa tingkat interaksi keduanya menurut rumus KPI "
             "kit?"),
     ("6,0%", "12,0%", "2,8%", "3,1%")),
    ("H4.1", "Kode unit SKKNI kehumasan KOM.PR01.002.01 menunjukkan unit dari …",
     ("kelompok umum", "kelompok inti", "kelompok khusus", "jenjang kualifikasi I")),
    ("H4.2", "Jenjang \"Madya\" pada jabatan fungsional Pranata Humas termasuk kategori …",
     ("Terampil", "Ahli", "jabatan struktural", "jenjang SKKNI IV")),
    ("H4.3", ("Dedi mengisi K untuk semua elemen sebuah unit pada FR.APL.02 dan menuliskan "
             "buktinya. Apa status unit itu sekarang?"),
     ("Kompeten, karena semua elemen diisi K",
      "Kompeten bila LSP menerima FR.APL.01",
      "bersertifikat setelah APL.02 ditandatangani",
      "klaim asesi; keputusannya menunggu asesor")),
    ("H4.4", ("Usai rapat koordinasi lintas OPD, pemilik sebuah media daring meminta jatah "
             "iklan pemda sebagai syarat memuat rilis hasil rapat. Cakupan Kode Etik Humas "
             "Pemerintah yang paling terkait adalah …"),
     ("hubungan internal", "hubungan eksternal", "hubungan antardinas", "urusan Badan Kehormatan")),
    ("H4.5", ("Aksi RTL: \"Memperbarui laman PPID pemda\"; penanggung jawab Kasubbag Humas; "
             "OPD Diskominfo; tenggat 2027-06-30; indikator \"laman makin informatif\". "
             "Menurut modul Hari 4, mengapa aksi ini belum terukur?"),
     ("indikatornya tidak dapat dicek orang lain",
      "tenggatnya lebih dari tiga bulan dari sekarang",
      "penanggung jawabnya bukan kepala OPD",
      "aksinya tidak berasal dari elemen BK")),
])

POST = _items("post", [
    ("H1.1", ("Skor sebuah DOB: kesejahteraan masyarakat 50, tata kelola pemerintahan 60, "
             "pelayanan publik 60, daya saing 40. Dengan bobot EDOHP 2011, berapa indeks "
             "kompositnya?"),
     ("52,50", "53,00", "53,50", "52,00")),
    ("H1.2", ("Menurut paparan Freddy H. Tulung, tiga tujuan humas pemerintah adalah …"),
     ("informasi, persuasi, dan integrasi",
      "kewenangan, koordinasi, dan kompetensi",
      "inisiator, mediator, dan fasilitator",
      "hak tahu, aspirasi, dan citra positif")),
    ("H1.3", ("Seorang kepala bagian bertanya peraturan mana yang mewajibkan Sekda menjadi "
             "koordinator manajemen isu. Jawaban yang sesuai modul adalah …"),
     ("tidak ada; pemda dapat menetapkannya dengan keputusan bupati",
      "tidak ada; pemda baru boleh memakainya setelah ada izin Kominfo",
      "Permendagri 13/2011; pemda tinggal menjalankannya",
      "Inpres 9/2015; pemda tinggal menjalankannya")),
    ("H1.4", ("NRR kesembilan unsur SKM sebuah unit semuanya 2,9. Dengan bobot 1/9 seperti di "
             "kit, berapa IKM dan mutunya menurut PermenPANRB 14/2017?"),
     ("72,50; mutu B", "2,90; mutu B", "72,50; mutu C", "26,10; mutu D")),
    ("H1.5", ("NRR sebuah unit: sistem dan prosedur 3,3; kompetensi pelaksana 3,7; sarana dan "
             "prasarana 2,8; penanganan pengaduan 3,0. Unsur mana yang menjadi bahan utama "
             "perbaikan dan kampanye, dan apa mutunya bila NRR-nya dikali 25?"),
     ("Sarana dan prasarana; mutu D",
      "Sarana dan prasarana; mutu C",
      "Penanganan pengaduan; mutu C",
      "Penanganan pengaduan; mutu D")),
    ("H2.1", "Menurut Chase, manakah yang merupakan isu?",
     ("Usia rata-rata petani makin tua setiap tahun",
      "Beredar di grup WhatsApp bahwa seorang camat akan dicopot",
      "Warga makin sering berbelanja lewat aplikasi",
      "Nelayan menuntut pemda melarang kapal pukat")),
    ("H2.2", ("Humas menghitung volume, persen negatif, dan jangkauan klip isu pupuk, lalu "
             "memetakan pihak yang terlibat. Menurut Jones & Chase (1979), ini tahap …"),
     ("identifikasi isu",
      "analisis isu",
      "pilihan strategi perubahan",
      "evaluasi hasil")),
    ("H2.3", ("Aturan praktis kit (Hari 2) memakai ambang berikut: total di bawah 15 klip = "
             "isu masih kecil; klip bulan ini paling banyak separuh bulan lalu = surut. Isu "
             "dengan total 36 klip, 16 klip bulan lalu, dan 10 klip bulan ini berada pada "
             "tahap …"),
     ("organisasi", "resolusi", "permulaan", "mediasi & amplifikasi")),
    ("H2.4", ("Klip isu honorer hanya ada pada dua bulan: Mei 15 klip (9 negatif), Juni 10 "
             "klip (4 negatif). Pada akhir Juni, ringkasan per isu kit mencatat …"),
     ("40% negatif; tren −5",
      "52% negatif; tren −33%",
      "40% negatif; tren −33%",
      "52% negatif; tren −5")),
    ("H2.5", ("Rubrik Hari 2 (ambangnya pilihan kebijakan): jangkauan 100.000 sampai di bawah "
             "250.000 → dampak 2; negatif 40% sampai di bawah 60% → urgensi 3; kategori "
             "Kritis ≥ 16, Tinggi 10–15, Sedang 5–9. Isu dengan jangkauan 180.000, 45% klip "
             "negatif, dan tren +3 mendapat prioritas …"),
     ("6 — Sedang", "8 — Sedang", "10 — Tinggi", "5 — Sedang")),
    ("H2.6", ("Forum nelayan: kekuasaan 2, kepentingan 3 (skala 1–5, \"tinggi\" mulai 3). "
             "Menurut matriks Mendelow, kuadrannya …"),
     ("Kelola secara dekat", "Jaga kepuasan", "Jaga agar terinformasi", "Pantau")),
    ("H2.7", ("Isu antrean RSUD berkategori Kritis; klipnya menyebut RSUD 30 kali dan Dinkes 10"
             " kali. Menurut aturan kerja Hari 2, siapa koordinatornya?"),
     ("RSUD", "Dinkes", "Sekda/Wabup", "Humas Setda")),
    ("H3.1", ("Alat telaah 5C kit (Hari 3) menelaah draf unggahan X ini: «Orang tua balita di "
             "Kecamatan Teluk Marindu, cakupan imunisasi dasar lengkap bulan ini baru 78 "
             "persen. \"Mari lengkapi imunisasi anak sebelum akhir bulan,\" kata Kepala Dinas "
             "Kesehatan. Imunisasi gratis di semua puskesmas. Perkembangan cakupan akan kami "
             "perbarui setiap Senin.» Kriteria mana yang belum mendapat skor penuh?"),
     ("Context", "Clarity", "Channel", "Continuity")),
    ("H3.2", ("Sebuah koran memberitakan bahwa Kepala Dinas PUPR \"menerima suap\" dari "
             "kontraktor; ia ingin menanggapi dan membantah pemberitaan yang merugikan nama "
             "baiknya itu. Menurut UU 40/1999 dan modul Hari 3, langkah yang tepat adalah …"),
     ("mengajukan hak koreksi kepada redaksi",
      "meminta redaksi menghapus berita itu",
      "menyatakan berita itu hoaks di akun resmi",
      "mengajukan hak jawab kepada redaksi")),
    ("H3.3", ("Sebuah festival diadakan pada hari H. Menurut kalender konten kit, untuk kanal "
             "Media massa, siaran pers hasil kegiatan dijadwalkan pada …"),
     ("H-7 (sebelum)", "H-1 (sebelum)", "hari H (saat)", "H+1 (sesudah)")),
    ("H3.4", ("Laporan kinerja tahunan sebuah dinas menunjukkan separuh targetnya tidak "
             "tercapai. Menurut UU 14/2008, informasi ini wajib …"),
     ("diumumkan berkala (Pasal 9)",
      "diumumkan serta-merta (Pasal 10)",
      "disediakan setiap saat (Pasal 11)",
      "dikecualikan (Pasal 17)")),
    ("H3.5", ("Bulan ini masuk 20 pengaduan: 12 ditanggapi dalam 72 jam, 3 ditanggapi lebih "
             "lambat, 5 tidak pernah ditanggapi. Dengan standar 72 jam, berapa porsi "
             "tanggapan tepat waktu menurut rumus KPI kit?"),
     ("80%", "75%", "60%", "25%")),
    ("H4.1", "Kode unit SKKNI kehumasan KOM.PR02.003.01 menunjukkan unit dari …",
     ("kelompok inti", "kelompok umum", "kelompok khusus", "jenjang kualifikasi II")),
    ("H4.2", "Jenjang \"Penyelia\" pada jabatan fungsional Pranata Humas termasuk kategori …",
     ("Terampil", "Ahli", "jabatan struktural", "jenjang SKKNI V")),
    ("H4.3", ("Asesor meninjau FR.APL.02 Sari dan menulis \"Asesmen dapat dilanjutkan\". "
             "Artinya …"),
     ("Sari Kompeten pada semua unit yang diklaim",
      "bukti Sari sudah memenuhi aturan VATM",
      "Sari lanjut diases; belum ada keputusan",
      "Sari berhak menerima sertifikat kompetensi")),
    ("H4.4", ("Humas BPBD memberi wartawan jumlah pengungsi banjir yang berbeda dari angka "
             "Dinas Sosial, tanpa berkoordinasi lebih dulu. Cakupan Kode Etik Humas Pemerintah "
             "yang paling terkait adalah …"),
     ("hubungan eksternal", "urusan Badan Kehormatan", "hubungan internal",
      "hubungan antardinas")),
    ("H4.5", ("Aksi RTL: \"Menyusun SOP tanggapan berita negatif\"; penanggung jawab Kabag "
             "Prokopim; OPD Setda; tenggat 2027-03-31; indikator \"SOP tersosialisasi dengan "
             "baik\". Menurut modul Hari 4, mengapa aksi ini belum terukur?"),
     ("indikatornya tidak memuat angka persentase",
      "indikatornya tidak dapat dicek orang lain",
      "penanggung jawabnya bukan kepala OPD",
      "aksinya tidak berasal dari elemen BK")),
])

ITEMS = {"pre": PRE, "post": POST}


def items(form: str, day: int | None = None) -> tuple[Item, ...]:
    """The items of a form (``"pre"`` or ``"post"``), of one day if given, in order."""
    return tuple(i for i in ITEMS[form] if day is None or i.day == day)


def item(form: str, objective: str) -> Item:
    return next(i for i in ITEMS[form] if i.objective == objective)
