"""Office files as participants bring them, built in code so that every test knows their
contents exactly (the answers behind the hand-computed IKM are written out here)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

#: Personal data planted in the files: none of it may reach any output.
NAMES = ("Siti Aminah", "Yohanes Paulus Lado", "Rahmat Hidayat", "Maria Goreti", "Agus Salim",
         "Dewi Lestari", "Budi Santoso", "Nur Aisyah")
PHONES = ("081234567801", "081234567802", "081234567803", "081234567804", "081234567805",
          "081234567806", "081234567807", "081234567808")
NIKS = ("6471020101800001", "6471020101800002", "6471020101800003", "6471020101800004",
        "6471020101800005", "6471020101800006", "6471020101800007", "6471020101800008")

#: The four good respondents' answers u1..u9, and the hand computation of their IKM:
#: sums 30 + 27 + 36 + 23 = 116; mean NRR = 116 / 4 / 9 = 3.2222; IKM = 3.2222 × 25 = 80.56.
GOOD_ANSWERS = ((4, 3, 3, 4, 3, 3, 4, 2, 4), (3, 3, 3, 3, 3, 3, 3, 3, 3),
                (4, 4, 4, 4, 4, 4, 4, 4, 4), (2, 3, 2, 3, 3, 2, 3, 2, 3))
HAND_IKM = 116 / 4 / 9 * 25
Q1 = ("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis "
      "pelayanannya?")


def messy_xlsx() -> bytes:
    """A Google-Forms-style sheet pasted into an office workbook.

    Row 1 a merged title; row 2 merged group headers (and "Unit Layanan" merged down over
    row 3); row 3 the header, with a form question for U1 and codes for U2..U9. Data from
    row 4: good respondents in rows 4, 5, 7 and 9; an answer 5 in row 6; an empty row 8;
    an impossible date in row 10; an unreadable answer in row 11; row 12 repeats row 4.
    Answers are written as the sheet had them: text with decimal commas ("4,0"), a form's
    option text ("Sangat sesuai", "Kurang sesuai").
    """
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["SURVEI KEPUASAN MASYARAKAT DISDUKCAPIL KABUPATEN CONTOH 2025"])
    sheet.merge_cells("A1:O1")
    sheet.append(["Data responden", None, None, None, "Unit Layanan", "Unsur pelayanan"])
    sheet.merge_cells("A2:D2")
    sheet.merge_cells("E2:E3")
    sheet.merge_cells("F2:N2")
    sheet.append(["Stempel waktu", "Nama Responden", "No. HP", "NIK", None, Q1,
                  *[f"U{i}" for i in range(2, 10)], "Saran"])
    first = ["4,0", *GOOD_ANSWERS[0][1:]]
    rows = [
        (dt.datetime(2025, 9, 1, 9, 15), 0, "KTP-el", first),
        (dt.datetime(2025, 9, 1, 10, 2), 1, "KTP-el", ["3", *GOOD_ANSWERS[1][1:]]),
        (dt.datetime(2025, 9, 2, 8, 40), 4, "Akta kelahiran", [3, 3, 5, 3, 3, 3, 3, 3, 3]),
        ("03/09/2025", 2, "Akta kelahiran", ["Sangat sesuai", *GOOD_ANSWERS[2][1:]]),
        None,
        ("04/09/2025", 3, "KTP-el", ["Kurang sesuai", *GOOD_ANSWERS[3][1:]]),
        ("31/02/2025", 5, "KTP-el", [3] * 9),
        (dt.datetime(2025, 9, 5, 11, 0), 6, "Akta kelahiran", [3, 3, 3, 3, "bagus sekali",
                                                              3, 3, 3, 3]),
        (dt.datetime(2025, 9, 1, 9, 15), 0, "KTP-el", first),
    ]
    for row in rows:
        if row is None:
            sheet.append([])
            continue
        when, who, unit, answers = row
        sheet.append([when, NAMES[who], PHONES[who], NIKS[who], unit, *answers,
                      "Antrean mohon dipercepat"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def semicolon_csv() -> bytes:
    """An Indonesian-locale Excel CSV: semicolons, decimal commas, day-first dates."""
    lines = ["No;Tanggal;Jenis Layanan;Nama;" + ";".join(f"U{i}" for i in range(1, 10))]
    for n, answers in enumerate(GOOD_ANSWERS, start=1):
        cells = [f"{a},0" if n % 2 else str(a) for a in answers]
        lines.append(f"{n};0{n}/10/2025;Perizinan;{NAMES[n]};" + ";".join(cells))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def nothing_usable_csv() -> bytes:
    """A sheet with no column the kit can use."""
    return b"Kegiatan,Keterangan\nRapat koordinasi,selesai\nApel pagi,selesai\n"


def monitoring_csv() -> bytes:
    """A media-monitoring log: Indonesian headers, thousands dots, mixed sentiment spelling."""
    lines = ["Tanggal terbit,Media,Isu,Sentimen,Jangkauan,OPD,Nama wartawan"]
    clips = [
        ("02/05/2025", "Harian Contoh", "Banjir", "Negatif", "120.000", "PUPR"),
        ("03/05/2025", "Portal Kita", "banjir", "negative", "80.500", "BPBD"),
        ("10/06/2025", "Harian Contoh", "Banjir ", "negatif", "400.000", "PUPR"),
        ("11/06/2025", "Radio Seruni", "banjir", "netral", "20.000", "PUPR"),
        ("12/06/2025", "Akun Warga", "Sampah pasar", "Positif", "1.500", "DLH"),
        ("14/06/2025", "Akun Warga", "sampah pasar", "negatif", "2.500", "DLH"),
        ("15/05/2025", "Portal Kita", "Sampah pasar", "netral", "3.000", "DLH"),
    ]
    for n, clip in enumerate(clips):
        lines.append(",".join(f'"{c}"' for c in clip) + f",{NAMES[n]}")
    return ("\n".join(lines) + "\n").encode("utf-8")
