"""Office files as participants bring them, built in code so that every test knows their
contents exactly (the answers behind the hand-computed IKM are written out here)."""

from __future__ import annotations

import datetime as dt
import io
import random

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
        (dt.datetime(2025, 9, 5, 11, 0), 6, "Akta kelahiran", [3, 3, 3, 3, "tidak tahu",
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


# --- files shaped like those that showed the defects of issue 23 -------------------------

#: Personal data planted by value only (no telling header): e-mails and street addresses.
EMAILS = tuple(f"warga{n}@contoh.id" for n in range(1, 9))
STREETS = tuple(f"Jl. Merdeka No. {n} RT 0{n}/RW 02" for n in range(1, 9))
#: Headers that leaked in the first preview, each over a column of private values.
LEAKED_HEADERS = ("Alamat (Desa/Kelurahan)", "Alamat Desa", "Alamat Kecamatan",
                  "Nama / Instansi", "Domisili", "Pemohon", "Pelapor",
                  "Nomor Induk Kependudukan")
PRIVATE = NAMES + PHONES + NIKS + EMAILS + STREETS


def _xlsx(rows: list[list[object]], title: str = "Data") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _csv(rows: list[list[object]]) -> bytes:
    return "\n".join(";".join("" if c is None else str(c) for c in row)
                     for row in rows).encode("utf-8")


def answers(n: int, seed: int = 1) -> list[tuple[int, ...]]:
    """``n`` respondents' answers u1..u9 on 1–4, the same for the same ``seed``, leaning to 3
    as real surveys do."""
    draw = random.Random(seed)
    return [tuple(draw.choice((1, 2, 2, 3, 3, 3, 3, 4, 4, 4)) for _ in range(9))
            for _ in range(n)]


def personal_xlsx() -> bytes:
    """An SKM sheet whose private columns have the headers that leaked, and four more columns
    that only their values show to be private: phone numbers, NIKs stored as numbers,
    e-mails, street addresses, and people's names under a bland header. One respondent typed
    a phone number into U9, and another a name into U3."""
    header = [*LEAKED_HEADERS, "Keterangan", "Data", "Info", "Lokasi", "Responden",
              *[f"U{i}" for i in range(1, 10)]]
    rows = [header]
    for n, given in enumerate(answers(8)):
        private = [STREETS[n], STREETS[n], f"Kecamatan {NAMES[n].split()[0]}",
                   f"{NAMES[n]} / Dinas Sosial", STREETS[n], NAMES[n], NAMES[n], NIKS[n],
                   PHONES[n], int(NIKS[n]), EMAILS[n], STREETS[n], NAMES[n]]
        cells = list(given)
        if n == 2:
            cells[8] = PHONES[2]
        if n == 5:
            cells[2] = NAMES[5]
        rows.append(private + cells)
    return _xlsx(rows)


SCALES = {"puas": ("Tidak Puas", "Kurang Puas", "Puas", "Sangat Puas"),
          "baik": ("Sangat Buruk", "Buruk", "Baik", "Sangat Baik")}


def labelled_csv(scale: str, n: int = 40, drop: str | None = None) -> bytes:
    """An SKM export whose answers are the labels of a four-label scale (value v is the
    v-th label). With ``drop``, that label is never used (the sheet has three labels)."""
    labels = SCALES[scale]
    rows = [["No", *[f"U{i}" for i in range(1, 10)]]]
    for r, given in enumerate(answers(n, seed=3), start=1):
        cells = [labels[v - 1] for v in given]
        if drop:
            cells = [labels[2] if c == drop else c for c in cells]
        rows.append([r, *cells])
    return _csv(rows)


def banded_csv(target: float = 76.6056) -> tuple[bytes, list[tuple[int, ...]]]:
    """Respondents whose IKM rounds to 76,61 but lies below 76,61 (the B threshold)."""
    for n in range(30, 400):
        for total in range(9 * n, 36 * n):
            if 76.605 <= total / (9 * n) * 25 < 76.61:
                rows = [[3] * 9 for _ in range(n)]
                extra = total - 27 * n
                for k in range(abs(extra)):
                    rows[k // 9][k % 9] += 1 if extra > 0 else -1
                data = [["Unit Layanan", *[f"U{i}" for i in range(1, 10)]]]
                data += [["Loket A", *row] for row in rows]
                return _csv(data), [tuple(r) for r in rows]
    raise AssertionError("no such file")


def identical_csv() -> tuple[bytes, list[tuple[int, ...]]]:
    """75 respondents, no number and no timestamp, 33 of whom answered exactly like an
    earlier one (all 3s, all 4s, ...): real people, not double entries."""
    given = answers(42, seed=5) + [(3,) * 9] * 20 + [(4,) * 9] * 13
    rows = [["Jenis Kelamin", *[f"U{i}" for i in range(1, 10)]]]
    rows += [["P" if n % 2 else "L", *a] for n, a in enumerate(given)]
    return _csv(rows), given


ELEMENT_HEADERS = ("Persyaratan", "Prosedur", "Waktu", "Biaya", "Produk", "Kompetensi",
                   "Perilaku", "Pengaduan", "Sarana")


def free_text_csv() -> tuple[bytes, list[tuple[int, ...]]]:
    """Short element headers and a free-text "Saran dan Masukan" column before them."""
    given = answers(12, seed=2)
    rows = [["Saran dan Masukan", *ELEMENT_HEADERS]]
    remarks = ("Antrean terlalu panjang", "Petugas ramah", "Ruang tunggu panas",
               "Sudah bagus, pertahankan")
    rows += [[remarks[n % 4], *a] for n, a in enumerate(given)]
    return _csv(rows), given


def dated_monitoring_csv() -> bytes:
    """A monitoring log mixing a form's m/d/yyyy timestamps with typed dd/mm/yyyy dates and
    the other spellings offices use; reach as "2,5 rb"."""
    rows = [["Tanggal", "Isu", "Sentimen", "Jangkauan"],
            ["2/14/2026 10:22:33", "Banjir", "negatif", "2,5 rb"],   # form, month first
            ["1/30/2026 08:00:00", "Banjir", "negatif", "1.200"],
            ["05/02/2026", "Banjir", "netral", "300"],               # typed: 5 February
            ["25/01/2026", "Jalan rusak", "negatif", "1,2 jt"],      # typed, day first
            ["Senin, 5 Januari 2026", "Jalan rusak", "positif", "800"],
            ["5-Jan-26", "Jalan rusak", "negatif", "10rb"]]
    return _csv(rows)


def mixed_dates_csv() -> bytes:
    """Typed dates of both orders in one column, an ambiguous one, and two impossible ones."""
    rows = [["Tanggal", "Isu", "Sentimen", "Jangkauan"],
            ["13/02/2026", "Banjir", "negatif", "100"],   # day first
            ["2/14/2026", "Banjir", "negatif", "100"],    # month first
            ["05/02/2026", "Banjir", "netral", "100"],    # either: reported
            ["03/03/2031", "Banjir", "netral", "100"],    # the future
            ["01/01/1996", "Banjir", "netral", "100"]]    # far past
    return _csv(rows)


def coded_answers_xlsx() -> tuple[bytes, list[tuple[int, ...]]]:
    """Answers written "4 (Sangat Baik)" in U1..U4 and as letters A–D in U5..U9, with the
    legend under the title: A is the best answer here."""
    given = answers(10, seed=4)
    words = {4: "Sangat Baik", 3: "Baik", 2: "Kurang Baik", 1: "Tidak Baik"}
    letter = {4: "A", 3: "B", 2: "C", 1: "D"}
    rows = [["SURVEI KEPUASAN MASYARAKAT"],
            ["Keterangan: A = Sangat Baik, B = Baik, C = Kurang Baik, D = Tidak Baik"],
            ["Tanggal", *[f"U{i}" for i in range(1, 10)]]]
    for n, a in enumerate(given):
        rows.append([f"{n + 1} Maret 2026", *[f"{v} ({words[v]})" for v in a[:4]],
                     *[letter[v] for v in a[4:]]])
    return _xlsx(rows), given


def two_sheets_xlsx() -> tuple[bytes, list[tuple[int, ...]], list[tuple[int, ...]]]:
    """A workbook whose first sheet is a pivot summary and whose active sheet holds the
    responses; a third sheet holds last year's responses."""
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Rekap"
    summary.append(["Unsur", "NRR"])
    summary.append(["U1", 3.1])
    now, before = answers(9, seed=1), answers(7, seed=6)
    for title, given in (("Data 2026", now), ("Data 2025", before)):
        sheet = book.create_sheet(title)
        sheet.append(["No", *[f"U{i}" for i in range(1, 10)]])
        for n, a in enumerate(given, start=1):
            sheet.append([n, *a])
    book.create_sheet("Catatan")  # an empty sheet
    book.active = 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), now, before


def letterhead_xlsx(lines: int = 14) -> tuple[bytes, list[tuple[int, ...]]]:
    """A sheet under a long letterhead: ``lines`` rows of the office's heading, each one
    merged across the sheet, then the header row."""
    book = openpyxl.Workbook()
    sheet = book.active
    for n in range(1, lines + 1):
        sheet.append([f"PEMERINTAH KABUPATEN CONTOH — baris kop {n}"])
        sheet.merge_cells(start_row=n, start_column=1, end_row=n, end_column=10)
    given = answers(6, seed=2)
    sheet.append(["Nomor", *[f"U{i}" for i in range(1, 10)]])
    for n, a in enumerate(given, start=1):
        sheet.append([n, *a])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), given


def template_csv(filled: int = 6, numbered: int = 124) -> tuple[bytes, list[tuple[int, ...]]]:
    """A form template numbered 1..``numbered`` with only the first rows filled, three blank
    lines, and three bad responses among the filled ones (an answer 7, a word, an empty
    required cell)."""
    given = answers(filled, seed=7)
    rows = [["No", *[f"U{i}" for i in range(1, 10)]]]
    for n in range(1, numbered + 1):
        rows.append([n, *given[n - 1]] if n <= filled else [n] + [None] * 9)
        if n == 2:
            rows += [[None] * 10] * 3
    rows += [[numbered + 1, 7, *given[0][1:]], [numbered + 2, "entah", *given[0][1:]],
             [numbered + 3, None, *given[0][1:]]]
    return _csv(rows), given


def five_point_csv() -> bytes:
    """A survey kept on a 1–5 scale in U2."""
    rows = [["No", *[f"U{i}" for i in range(1, 10)]]]
    for n, a in enumerate(answers(20), start=1):
        rows.append([n, a[0], 1 + (n % 5), *a[2:]])
    return _csv(rows)
