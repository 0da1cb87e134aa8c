"""The pre-test and post-test items: one item per learning objective of each day, in two
parallel forms (same objective, different item).

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
    "H3.2": (3, "agenda setting dan tanggapan atas pemberitaan"),
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


PRE = _items("pre", [
    ("H1.1", ("EDOHP 2011 memberi bobot pada empat dimensi kinerja daerah otonom baru. Dimensi "
             "mana yang bobotnya paling besar?"),
     ("Tata kelola pemerintahan",
      "Pelayanan publik",
      "Daya saing daerah",
      "Kesejahteraan masyarakat")),
    ("H1.2", "Menurut Bernays, tiga arti *public relations* adalah …",
     ("publikasi, promosi, propaganda",
      "informasi, persuasi, integrasi",
      "riset, perencanaan, evaluasi",
      "internal, eksternal, media")),
    ("H1.3", ("Dalam konfigurasi baru yang diusulkan lokakarya, siapa koordinator manajemen isu"
             " lintas dinas?"),
     ("Kepala Dinas Kominfo",
      "Ketua DPRD",
      "Kepala Bagian Protokol",
      "Wakil Bupati/Sekretaris Daerah")),
    ("H1.4", ("NRR kesembilan unsur SKM sebuah unit semuanya 3,0. Berapa IKM dan mutunya "
             "menurut PermenPANRB 14/2017 (bobot 1/9)?"),
     ("75,00 — mutu C (Kurang Baik)",
      "75,00 — mutu B (Baik)",
      "3,00 — mutu B (Baik)",
      "80,00 — mutu B (Baik)")),
    ("H1.5", ("Hasil SKM menunjukkan NRR terendah pada unsur penanganan pengaduan, saran dan "
             "masukan. Apa yang paling tepat dilakukan humas?"),
     ("Tidak mengumumkan hasil SKM tahun ini",
      "Menghapus jawaban responden yang memberi nilai rendah",
      "Mengganti pertanyaan kuesioner agar nilainya naik",
      "Mengumumkan hasil apa adanya beserta langkah perbaikan penanganan pengaduan")),
    ("H2.1", "Menurut Chase, isu adalah …",
     ("setiap berita negatif tentang pemda",
      "persoalan yang belum selesai dan siap untuk diputuskan",
      "setiap unggahan yang viral di media sosial",
      "keluhan seorang warga")),
    ("H2.2", "Urutan lima tahap manajemen isu Jones & Chase (1979) yang benar adalah …",
     ("identifikasi, analisis, pilihan strategi perubahan, pemrograman aksi, evaluasi hasil",
      "analisis, identifikasi, pemrograman aksi, pilihan strategi, evaluasi hasil",
      "identifikasi, pemrograman aksi, analisis, evaluasi hasil, pilihan strategi",
      "pilihan strategi, identifikasi, analisis, evaluasi hasil, pemrograman aksi")),
    ("H2.3", "Urutan tahap siklus hidup isu Hainsworth yang benar adalah …",
     ("organisasi, permulaan, resolusi, mediasi & amplifikasi",
      "mediasi & amplifikasi, permulaan, organisasi, resolusi",
      "permulaan, resolusi, organisasi, mediasi & amplifikasi",
      "permulaan, mediasi & amplifikasi, organisasi, resolusi")),
    ("H2.4", ("Sebuah isu tercatat dalam 40 klip; 26 di antaranya bernada negatif. Berapa "
             "persen negatifnya?"),
     ("26%",
      "40%",
      "65%",
      "74%")),
    ("H2.5", ("Dengan rubrik Hari 2, isu dengan total jangkauan 620.000, 75% klip negatif, dan "
             "tren 0 mendapat prioritas …"),
     ("9 — Sedang",
      "12 — Tinggi",
      "16 — Kritis",
      "20 — Kritis")),
    ("H2.6", ("Pemangku kepentingan dengan kekuasaan tinggi tetapi kepentingan rendah (matriks "
             "Mendelow) sebaiknya …"),
     ("Kelola secara dekat",
      "Jaga kepuasan",
      "Jaga agar terinformasi",
      "Pantau")),
    ("H2.7", "Menurut aturan latihan Hari 2, kapan Wabup/Sekda menjadi koordinator suatu isu?",
     ("Isu berkategori Kritis yang melibatkan dua OPD atau lebih",
      "Setiap isu yang diberitakan media",
      "Isu yang hanya menyangkut satu OPD",
      "Isu yang trennya menurun")),
    ("H3.1", ("Siaran pers memakai banyak singkatan teknis (RTRW, DAK fisik) tanpa penjelasan. "
             "Kriteria 5C mana yang paling dilanggar?"),
     ("Credibility",
      "Context",
      "Clarity",
      "Continuity")),
    ("H3.2", ("Sebuah media memberitakan hal yang keliru tentang program pemda. Menurut UU "
             "40/1999 tentang Pers, langkah pertama yang tepat adalah …"),
     ("melaporkan wartawannya ke polisi",
      "menggunakan hak jawab",
      "memboikot media itu",
      "mendiamkannya sampai reda")),
    ("H3.3", "Konten \"hitung mundur dan cara mendaftar\" paling tepat diunggah pada fase …",
     ("sebelum kegiatan",
      "saat kegiatan",
      "sesudah kegiatan",
      "kapan saja, sama saja")),
    ("H3.4", "Menurut UU 14/2008, permohonan informasi publik wajib dijawab paling lambat …",
     ("3 hari kerja",
      "10 hari kerja, dapat diperpanjang 7 hari kerja",
      "30 hari kalender",
      "14 hari kerja, tanpa perpanjangan")),
    ("H3.5", ("Sebuah unggahan menjangkau 8.000 akun dan memperoleh 400 interaksi. Berapa "
             "tingkat interaksinya (interaksi ÷ jangkauan)?"),
     ("0,5%",
      "2%",
      "5%",
      "20%")),
    ("H4.1", ("Dalam SKKNI, satuan kompetensi yang terdiri atas elemen kompetensi dan kriteria "
             "unjuk kerja disebut …"),
     ("skema sertifikasi",
      "jabatan",
      "kelompok unit",
      "unit kompetensi")),
    ("H4.2", "Jenjang jabatan fungsional Pranata Humas kategori keahlian (Ahli) adalah …",
     ("Pelaksana, Pelaksana Lanjutan, Penyelia",
      "Pemula, Terampil, Mahir",
      "Pertama, Muda, Madya",
      "Junior, Madya, Senior")),
    ("H4.3", "Pada formulir FR.APL.02 (Asesmen Mandiri), tanda K/BK yang diisi asesi adalah …",
     ("klaim asesi sendiri atas kemampuannya",
      "keputusan kompeten dari asesor",
      "nilai ujian tertulis",
      "rekomendasi LSP")),
    ("H4.4", ("Seorang kepala bidang meminta humas menahan data pengaduan yang wajib diumumkan "
             "berkala. Sikap humas yang sesuai etika dan UU KIP adalah …"),
     ("menjelaskan bahwa data itu wajib diumumkan dan menyiapkan penyajiannya bersama dinas",
      "menahan data sampai ada perintah tertulis",
      "membocorkan data itu ke media",
      "mengubah angkanya agar terlihat baik")),
    ("H4.5", "Mana rumusan rencana tindak lanjut (RTL) yang paling terukur?",
     ("Meningkatkan kinerja kehumasan",
      "Berusaha lebih baik dalam berkomunikasi",
      "Mendukung visi dan misi bupati",
      "Menerbitkan hasil SKM per triwulan di situs pemda mulai Maret 2027; penanggung jawab Kasubbag Humas; indikator: 4 terbitan setahun")),
])

POST = _items("post", [
    ("H1.1", ("Skor sebuah DOB: kesejahteraan masyarakat 50, tata kelola 60, pelayanan publik "
             "60, daya saing 40. Dengan bobot EDOHP 2011, berapa indeks kompositnya?"),
     ("52,50",
      "53,00",
      "55,00",
      "57,50")),
    ("H1.2", "Manakah yang bukan bagian dari 5C peran strategis humas pemerintah?",
     ("Credibility",
      "Clarity",
      "Channel",
      "Commerce")),
    ("H1.3", ("Sebuah isu menyangkut tiga dinas yang saling melempar tanggung jawab. Menurut "
             "konfigurasi lokakarya, langkah yang tepat adalah …"),
     ("humas menunggu petunjuk teknis dari provinsi",
      "setiap dinas menjawab media sendiri-sendiri",
      "isu dibiarkan sampai reda sendiri",
      "Wabup/Sekda mengoordinasikan penanganan dan humas menyiapkan satu pesan bersama")),
    ("H1.4", ("Berapa responden SKM minimal bila penerima layanan setahun 1.000 orang (Krejcie "
             "& Morgan, galat 5%)?"),
     ("100",
      "278",
      "370",
      "500")),
    ("H1.5", ("NRR per unsur: persyaratan 3,2; waktu penyelesaian 2,6; biaya/tarif 3,5; "
             "perilaku pelaksana 3,1. Unsur mana yang menjadi bahan utama perbaikan dan "
             "kampanye?"),
     ("Biaya/tarif",
      "Persyaratan",
      "Perilaku pelaksana",
      "Waktu penyelesaian")),
    ("H2.1", "Mana yang lebih tepat disebut tren, bukan isu?",
     ("Warga memprotes rencana relokasi pasar minggu depan",
      "DPRD memanggil kepala dinas soal jalan rusak",
      "Makin banyaknya warga desa yang mengadu lewat media sosial dari tahun ke tahun",
      "Unjuk rasa tenaga honorer di kantor bupati")),
    ("H2.2", ("Humas menyusun jadwal konferensi pers, penanggung jawab, dan anggaran untuk "
             "menjalankan strategi respons. Menurut Jones & Chase, ini tahap …"),
     ("pemrograman aksi",
      "identifikasi isu",
      "analisis isu",
      "evaluasi hasil")),
    ("H2.3", ("Warga sudah membentuk forum, menunjuk juru bicara, dan menuntut DPRD bertindak. "
             "Menurut Hainsworth, isu itu berada pada tahap …"),
     ("permulaan",
      "mediasi & amplifikasi",
      "organisasi",
      "resolusi")),
    ("H2.4", ("Klip isu jalan rusak: Mei 12, Juni 20. Berapa trennya (Juni − Mei) dan apa "
             "artinya?"),
     ("+8: isu makin ramai",
      "−8: isu mereda",
      "+32: isu makin ramai",
      "0: isu stabil")),
    ("H2.5", ("Dengan rubrik Hari 2, isu dengan total jangkauan 180.000, 45% klip negatif, dan "
             "tren +3 mendapat prioritas …"),
     ("6 — Sedang",
      "8 — Sedang",
      "8 — Tinggi",
      "10 — Tinggi")),
    ("H2.6", ("Kepala desa terdampak banjir: kekuasaan 2, kepentingan 5 (skala 1–5, \"tinggi\" "
             "mulai 3). Kuadran Mendelow-nya …"),
     ("Kelola secara dekat",
      "Jaga kepuasan",
      "Jaga agar terinformasi",
      "Pantau")),
    ("H2.7", ("Isu antrean RSUD berkategori Tinggi; klipnya menyebut RSUD 30 kali dan Dinkes 10"
             " kali. Menurut aturan latihan Hari 2, siapa koordinatornya?"),
     ("Sekda/Wabup",
      "Dinkes",
      "Diskominfo",
      "RSUD")),
    ("H3.1", ("Pemda mengumumkan sebuah program sekali, lalu tidak pernah memberi kabar "
             "kelanjutannya. Kriteria 5C mana yang terabaikan?"),
     ("Continuity",
      "Channel",
      "Clarity",
      "Context")),
    ("H3.2", "Gagasan *agenda setting* menyatakan bahwa media …",
     ("menentukan sepenuhnya apa yang dipikirkan publik",
      "tidak berpengaruh pada publik",
      "hanya memuat siaran pers pemerintah",
      "memengaruhi isu apa yang dianggap penting oleh publik")),
    ("H3.3", ("Konten \"hasil kegiatan dan terima kasih kepada peserta\" paling tepat diunggah "
             "pada fase …"),
     ("sebelum kegiatan",
      "saat kegiatan",
      "sesudah kegiatan",
      "kapan saja, sama saja")),
    ("H3.4", ("Menurut UU 14/2008, siapa yang ditunjuk setiap badan publik untuk mengelola dan "
             "melayani informasi publik?"),
     ("Juru bicara kepala daerah",
      "Kepala Bagian Umum",
      "PPID (Pejabat Pengelola Informasi dan Dokumentasi)",
      "Inspektorat")),
    ("H3.5", ("Dari 120 pengaduan bulan ini, 90 ditanggapi sesuai standar layanan. Berapa "
             "persen yang ditanggapi sesuai standar?"),
     ("25%",
      "75%",
      "90%",
      "133%")),
    ("H4.1", ("Pada kode unit SKKNI kehumasan KOM.PR02.001.01 (Membuat klipping), angka 02 "
             "menunjukkan kelompok unit …"),
     ("umum",
      "inti",
      "khusus",
      "manajerial")),
    ("H4.2", "\"Penyelia\" adalah jenjang jabatan fungsional Pranata Humas kategori …",
     ("keterampilan (Terampil)",
      "keahlian (Ahli)",
      "utama",
      "struktural")),
    ("H4.3", "Empat aturan bukti (VATM) yang diperiksa asesor adalah …",
     ("Valid, Asli, Terkini, Memadai",
      "Valid, Akurat, Tepat, Menarik",
      "Verifikasi, Audit, Tes, Monitoring",
      "Visi, Aksi, Target, Manfaat")),
    ("H4.4", ("Dua dinas memberi angka korban banjir yang berbeda kepada media. Yang sebaiknya "
             "dilakukan humas adalah …"),
     ("memastikan satu angka resmi bersama kedua dinas, lalu menyampaikannya",
      "merilis angka yang lebih kecil",
      "membiarkan media memilih angka",
      "menolak semua pertanyaan media")),
    ("H4.5", "Unsur apa yang harus ada agar sebuah RTL dapat dipantau?",
     ("slogan dan logo kegiatan",
      "daftar hadir rapat",
      "foto kegiatan",
      "kegiatan, indikator/target, tenggat, penanggung jawab")),
])

ITEMS = {"pre": PRE, "post": POST}


def items(form: str, day: int | None = None) -> tuple[Item, ...]:
    """The items of a form (``"pre"`` or ``"post"``), of one day if given, in order."""
    return tuple(i for i in ITEMS[form] if day is None or i.day == day)


def item(form: str, objective: str) -> Item:
    return next(i for i in ITEMS[form] if i.objective == objective)
