"""The fictional newly split regency every synthetic dataset and exercise is set in.

Kabupaten Muara Seruni does not exist; its places, offices and media are invented so that
no real person or institution is described. Offices follow the usual structure of a
kabupaten government (Setda, dinas, badan) so that participants recognise them.
"""

REGENCY = "Kabupaten Muara Seruni"
PARENT_REGENCY = "Kabupaten Seruni Raya"
CAPITAL = "Muara Seruni"
FORMED_YEAR = 2008

DISTRICTS = (
    "Muara Seruni", "Sungai Lintang", "Bukit Pandan", "Tanjung Rawa",
    "Lubuk Jati", "Sei Kemuning", "Pematang Gadis", "Teluk Marindu",
)

#: Perangkat daerah (OPD): short code -> full name.
OPD = {
    "SETDA-HUMAS": "Bagian Protokol dan Komunikasi Pimpinan Setda",
    "DISKOMINFO": "Dinas Komunikasi dan Informatika",
    "BAPPEDA": "Badan Perencanaan Pembangunan Daerah",
    "DISDIK": "Dinas Pendidikan",
    "DINKES": "Dinas Kesehatan",
    "RSUD": "RSUD Muara Seruni",
    "PUPR": "Dinas Pekerjaan Umum dan Penataan Ruang",
    "DISHUB": "Dinas Perhubungan",
    "DLH": "Dinas Lingkungan Hidup",
    "DISTAN": "Dinas Pertanian dan Ketahanan Pangan",
    "DINSOS": "Dinas Sosial",
    "DISDUKCAPIL": "Dinas Kependudukan dan Pencatatan Sipil",
    "DPMPTSP": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "DISPAR": "Dinas Pariwisata dan Kebudayaan",
    "BPBD": "Badan Penanggulangan Bencana Daerah",
    "BKPSDM": "Badan Kepegawaian dan Pengembangan SDM",
}

#: Invented media outlets, by kind.
MEDIA = {
    "koran": ("Harian Seruni Pos", "Warta Pesisir Timur"),
    "daring": ("beritaseruni.id", "lintasrawa.com", "kabarmuara.net"),
    "radio": ("Radio Suara Muara FM",),
    "televisi": ("Seruni TV",),
}

SOCIAL_PLATFORMS = ("Facebook", "Instagram", "X", "TikTok", "YouTube", "WhatsApp")
