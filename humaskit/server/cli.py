"""``humaskit server``: one machine serves the whole room (JupyterHub)."""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from humaskit.server.layout import DEFAULT_PREFIX, PROXIES, Layout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "server", help="serve the whole room from one Linux machine (JupyterHub)",
        description="The classroom server: build an offline bundle on a connected machine, "
                    "install it on the server with no package index, set up the room's "
                    "accounts from the cohort roster, and start JupyterHub.")
    commands = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    bundle = commands.add_parser("bundle", help="download every wheel the server needs")
    bundle.add_argument("out", type=Path, help="the bundle folder to write (copy it by USB)")
    bundle.add_argument("--python", default="/usr/bin/python3",
                        help="the server's Python (default /usr/bin/python3)")
    install = commands.add_parser("install", help="install from a bundle, index disabled")
    install.add_argument("bundle", type=Path, help="a folder written by `server bundle`")
    install.add_argument("--python", default="/usr/bin/python3")
    setup = commands.add_parser("setup", help="accounts from the roster; hub configuration")
    setup.add_argument("--roster", type=Path, required=True, help="the cohort roster CSV")
    setup.add_argument("--port", type=int, default=8000)
    setup.add_argument("--ip", default="0.0.0.0",
                       help="address to listen on (default all; 127.0.0.1 for a trial)")
    setup.add_argument("--url", default="", help="the room address (default: detected)")
    setup.add_argument("--memory-mib", type=int, default=1024,
                       help="memory per participant in MiB (default 1024)")
    setup.add_argument("--homes", default="/home", help="where the accounts' homes go")
    setup.add_argument("--proxy", choices=PROXIES, default=PROXIES[0],
                       help="the room's proxy: python, the Python port of JupyterHub's "
                            "proxy (default), or node, JupyterHub's reference proxy run by "
                            "Debian's nodejs (README: the two compared)")
    cards = commands.add_parser(
        "kartu", help="print the sign-in cards (PIN per participant) and the admin sheet",
        description="Write an A4 PDF of cut-out sign-in cards, one per participant (name, "
                    "account, PIN, room address and its QR code), and a separate sheet with "
                    "the admin passwords, readable by root only.")
    cards.add_argument("--out", type=Path, default=Path("kartu"),
                       help="the folder to write (default kartu/)")
    cards.add_argument("--akun", default=None, metavar="AKUN",
                       help="reprint only this participant's card")
    history = commands.add_parser(
        "riwayat-pin", help="copy the log of PIN resets into a cohort folder (for the laporan)",
        description="Copy the log of PIN resets (time, account, by whom; never a PIN) into "
                    "DIR/penyelenggaraan/, where `humaskit laporan` lists them in its data "
                    "notes.")
    history.add_argument("--kohort", type=Path, required=True, metavar="DIR",
                         help="the cohort folder, as given to `humaskit grade --out`")
    attendance = commands.add_parser(
        "hadir", help="pre-fill the attendance sheet from sign-ins and saves on the server",
        description="Write the attendance sheet (id_peserta, nama, sesi, hadir, dasar) for "
                    "every participant and session, pre-filled from what the server recorded: "
                    "present where the participant signed in or saved work during the session "
                    "(a running server or an open tab does not count). The column dasar says "
                    "why. Check and correct it, then save it as penyelenggaraan/"
                    "daftar_hadir.csv in the cohort folder.")
    attendance.add_argument("--roster", type=Path, required=True,
                            help="the cohort roster CSV (as given to `server setup`)")
    attendance.add_argument("--mulai", required=True, metavar="TTTT-BB-HH",
                            help="the first day of the training")
    attendance.add_argument("--out", type=Path, default=Path("daftar_hadir_prafill.csv"),
                            help="the file to write (default daftar_hadir_prafill.csv)")
    saved = commands.add_parser(
        "backup", help="write the whole room into one archive (root only)",
        description="Write one .tar.gz (readable by root only; it holds the PINs) with the "
                    "hub's settings and database, the exchange, every account's home (the "
                    "trainer's course and gradebook included) and the cohort folders named, "
                    "keeping modes and owners. An existing archive is never overwritten.")
    saved.add_argument("arsip", type=Path, help="the archive to write, e.g. kelas.tar.gz")
    saved.add_argument("--kohort", type=Path, action="append", default=[], metavar="DIR",
                       help="also keep this cohort folder (grades, gradebook, the organiser's "
                            "records); repeat for several")
    back = commands.add_parser(
        "restore", help="bring a backed-up room back on a fresh install (root only)",
        description="Recreate the room's accounts (or check those that exist), put back "
                    "every file with its mode and owner (owners by account name, not uid), "
                    "the PINs and passwords, and point the configuration at this prefix and "
                    "homes. Files already there are not overwritten unless --timpa is given.")
    back.add_argument("arsip", type=Path, help="an archive written by `server backup`")
    back.add_argument("--homes", type=Path, default=None,
                      help="where the accounts' homes go (default: as backed up)")
    back.add_argument("--kohort-ke", type=Path, default=None, dest="cohorts_to", metavar="DIR",
                      help="put the cohort folders in this folder (default: where they were)")
    back.add_argument("--timpa", action="store_true",
                      help="overwrite files that are already there")
    commands.add_parser("start", help="start JupyterHub (stop with Ctrl+C)")
    commands.add_parser("status", help="print the room address and the accounts")
    for sub in (install, setup, *commands.choices.values()):
        if not any(a.dest == "prefix" for a in sub._actions):
            sub.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX,
                             help=f"where the server lives (default {DEFAULT_PREFIX})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from humaskit import pages
    from humaskit.server import install, room

    layout = Layout(getattr(args, "prefix", DEFAULT_PREFIX))
    try:
        if args.action == "bundle":
            out = install.bundle(args.out, args.python)
            if not (out / "node").is_dir():
                print("Catatan: npm tidak ditemukan, jadi proksi Node tidak ikut dibundel; "
                      "ruang kelas memakai proksi Python (bawaan).")
            print(f"Bundel siap di {out}. Salin seluruh folder ini ke server, lalu jalankan "
                  f"`humaskit server install {out.name}` di sana.")
        elif args.action == "install":
            untranslated = install.install(args.bundle, layout, args.python)
            if untranslated:
                print("Catatan: teks panel Assignments atau Formgrader nbgrader berikut tidak "
                      "ditemukan dan tetap berbahasa Inggris: " + "; ".join(untranslated))
            print(f"Terpasang di {layout.prefix} tanpa internet. Berikutnya: "
                  f"{layout.env}/bin/humaskit server setup --roster DAFTAR_PESERTA.csv")
        elif args.action == "setup":
            settings = room.setup(layout, args.roster, port=args.port, ip=args.ip, url=args.url,
                                  memory_mib=args.memory_mib, homes=args.homes,
                                  proxy=args.proxy)
            print(f"Ruang kelas siap: {len(settings.participants)} akun peserta, masing-masing "
                  f"dengan PIN sendiri, dan admin {settings.facilitator} dan {settings.trainer} "
                  "dengan kata sandi panjang. PIN yang sudah dibagikan tidak berubah.\n"
                  f"Cetak kartu masuk: {layout.env}/bin/humaskit server kartu\n"
                  f"Mulai dengan: {layout.env}/bin/humaskit server start")
        elif args.action == "kartu":
            from humaskit.server import cards

            written = cards.write(layout, args.out, args.akun)
            for path in written:
                print(f"Ditulis: {path} (hanya dapat dibaca root; berisi PIN atau kata sandi)")
            if any(p.suffix == ".html" for p in written):
                print("Chromium tidak ditemukan, jadi kartu ditulis sebagai HTML: buka di "
                      "peramban lalu cetak (A4, tanpa header/footer).")
        elif args.action == "riwayat-pin":
            from humaskit.server import resets

            target = args.kohort / "penyelenggaraan" / resets.FILE
            rows = resets.read(layout.resets_file)
            if rows:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(layout.resets_file, target)
            print(f"{len(rows)} penggantian PIN tercatat" + (f"; disalin ke {target}."
                                                            if rows else "."))
        elif args.action == "hadir":
            prefilled(layout, args.roster, args.mulai, args.out)
        elif args.action == "backup":
            from humaskit.server import backup

            done = backup.backup(layout, args.arsip, args.kohort)
            print(f"Cadangan ditulis: {args.arsip} (hanya dapat dibaca root; berisi PIN dan "
                  f"kata sandi): hub, exchange, {len(done['rumah'])} folder akun"
                  + (f", {len(done['kohort'])} folder kohort" if done["kohort"] else "")
                  + ". Simpan di USB dan jauhkan dari peserta.")
        elif args.action == "restore":
            from humaskit.server import backup

            done = backup.restore(args.arsip, layout, args.homes, args.cohorts_to, args.timpa)
            print(f"Dipulihkan {done['files']} berkas ke {layout.prefix} dan {done['homes']}"
                  + (f"; kohort di {', '.join(map(str, done['cohorts']))}"
                     if done["cohorts"] else "") + ".\n"
                  f"Akun dibuat: {', '.join(done['created']) or '-'}; akun yang sudah ada "
                  f"dan diperiksa: {', '.join(done['checked']) or '-'}. PIN dan kata sandi "
                  "seperti semula.")
            if done["elsewhere"]:
                print(f"Catatan: akun {', '.join(done['elsewhere'])} sudah ada dengan folder "
                      f"rumah di tempat lain, bukan di {done['homes']}; folder rumah akun itu "
                      "tidak diubah.")
            if not layout.python.exists():
                print(f"Lingkungan Python belum ada di {layout.env}: pasang dulu dengan "
                      "`humaskit server install BUNDEL`, lalu pulihkan lagi dengan --timpa.")
            else:
                print(f"Mulai dengan: {layout.env}/bin/humaskit server start")
        elif args.action == "start":
            command = room.start_command(layout)
            os.environ["PATH"] = f"{layout.env / 'bin'}:{os.environ.get('PATH', '')}"
            os.chdir(layout.hub)
            os.execv(command[0], command)
        elif args.action == "status":
            from humaskit.server import resets
            from humaskit.server.facilitator import room_url
            from humaskit.server.signin import Guard

            settings = layout.read()
            print(f"Alamat ruang kelas: {room_url(settings)}\nAkun peserta: "
                  + ", ".join(settings.participants))
            for account, entry in Guard(layout.guard_file).read().items():
                print(f"  {account}: {Guard.describe(entry)}")
            for note in resets.notes(layout.resets_file, settings.participants):
                print(f"  {note}")
    except (install.InstallError, PermissionError, FileNotFoundError, ValueError,
            pages.PrintError, OSError) as error:
        print(error)
        return 1
    return 0


def prefilled(layout: Layout, roster_file: Path, first_day: str, out: Path) -> None:
    """``server hadir``: the pre-filled attendance sheet (ValueError in Indonesian)."""
    import datetime as dt

    from humaskit import safe_text
    from humaskit.grading import roster
    from humaskit.server import activity
    from humaskit.training import attendance, schedule

    try:
        start = dt.date.fromisoformat(first_day)
    except ValueError:
        raise ValueError(f"--mulai '{first_day}' bukan tanggal (format TTTT-BB-HH).") from None
    if out.name == attendance.FILE and out.exists():
        raise ValueError(f"{out} sudah ada dan mungkin sudah dikoreksi: tidak ditimpa. Tulis "
                         "ke nama lain, misalnya daftar_hadir_prafill.csv.")
    people = roster.load(roster_file)
    sheet = attendance.prefill(activity.read(layout.activity_file), people,
                               schedule.sessions(), start)
    out.parent.mkdir(parents=True, exist_ok=True)
    safe_text.to_csv(sheet, out, encoding="utf-8")
    present = int((sheet["hadir"] == attendance.YES).sum())
    print(f"Ditulis: {out} ({len(people)} peserta × {sheet['sesi'].nunique()} sesi; "
          f"{present} baris hadir menurut catatan server). Ini isian awal: periksa kolom "
          "hadir terhadap kenyataan di kelas, perbaiki (catat alasannya di kolom dasar), lalu "
          "simpan sebagai penyelenggaraan/daftar_hadir.csv di folder kohort.")
