"""``humaskit server``: one machine serves the whole room (JupyterHub)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from humaskit.server.layout import DEFAULT_PREFIX, Layout


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
    setup.add_argument("--password", default="", help="the workshop password (default: made)")
    setup.add_argument("--admin-password", default="",
                       help="facilitator and trainer password, 32+ characters (default: made)")
    setup.add_argument("--port", type=int, default=8000)
    setup.add_argument("--ip", default="0.0.0.0",
                       help="address to listen on (default all; 127.0.0.1 for a trial)")
    setup.add_argument("--url", default="", help="the room address (default: detected)")
    setup.add_argument("--memory-mib", type=int, default=1024,
                       help="memory per participant in MiB (default 1024)")
    setup.add_argument("--homes", default="/home", help="where the accounts' homes go")
    commands.add_parser("start", help="start JupyterHub (stop with Ctrl+C)")
    commands.add_parser("status", help="print the room address and the accounts")
    for sub in (install, setup, *commands.choices.values()):
        if not any(a.dest == "prefix" for a in sub._actions):
            sub.add_argument("--prefix", type=Path, default=DEFAULT_PREFIX,
                             help=f"where the server lives (default {DEFAULT_PREFIX})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from humaskit.server import install, room

    layout = Layout(getattr(args, "prefix", DEFAULT_PREFIX))
    try:
        if args.action == "bundle":
            out = install.bundle(args.out, args.python)
            print(f"Bundel siap di {out}. Salin seluruh folder ini ke server, lalu jalankan "
                  f"`humaskit server install {out.name}` di sana.")
        elif args.action == "install":
            install.install(args.bundle, layout, args.python)
            print(f"Terpasang di {layout.prefix} tanpa internet. Berikutnya: "
                  f"{layout.env}/bin/humaskit server setup --roster DAFTAR_PESERTA.csv")
        elif args.action == "setup":
            settings = room.setup(layout, args.roster, args.password, args.admin_password,
                                  port=args.port, ip=args.ip, url=args.url, memory_mib=args.memory_mib,
                                  homes=args.homes)
            print(f"Ruang kelas siap: {len(settings.participants)} akun peserta, admin "
                  f"{settings.facilitator} dan {settings.trainer}.\n"
                  f"  Kata sandi lokakarya (peserta): {settings.password}\n"
                  f"  Kata sandi admin: {settings.admin_password}\n"
                  f"Mulai dengan: {layout.env}/bin/humaskit server start")
        elif args.action == "start":
            command = room.start_command(layout)
            os.environ["PATH"] = f"{layout.env / 'bin'}:{os.environ.get('PATH', '')}"
            os.chdir(layout.hub)
            os.execv(command[0], command)
        elif args.action == "status":
            from humaskit.server.facilitator import room_url

            settings = layout.read()
            print(f"Alamat ruang kelas: {room_url(settings)}\nAkun peserta: "
                  + ", ".join(settings.participants))
    except (install.InstallError, PermissionError, FileNotFoundError, ValueError) as error:
        print(error)
        return 1
    return 0
