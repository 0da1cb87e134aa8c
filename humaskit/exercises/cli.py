"""``humaskit exercises``: prepare the participant versions of the nbgrader exercises."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "exercises", help="release the participant versions of the exercises",
        description="Run nbgrader's generate step for every assignment in "
                    "exercises/source, writing the participant versions to exercises/release. "
                    "An assignment already released is regenerated only when its source "
                    "changed and nobody worked in the release; one that participants may "
                    "have worked in is kept, with a warning, unless --force is given.",
    )
    parser.add_argument("action", choices=["release"], help="what to do")
    parser.add_argument("--force", action="store_true",
                        help="regenerate exercises already released (overwrites exercises/release)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from humaskit.exercises import course

    results = course.release(force=args.force)
    failed = [name for name, result in results.items() if not result["success"]]
    for name, result in results.items():
        if result.get("stale"):
            print(f"[PERHATIAN] {name}: exercises/release/{name}/ tidak sama dengan versi yang "
                  "dibuat dari sumbernya sekarang dan mungkin sudah berisi pekerjaan peserta; "
                  "tidak ditimpa. Bila kit baru saja diperbarui, simpan dulu isi folder itu, "
                  "lalu jalankan .venv/bin/humaskit exercises release --force.")
        elif result.get("skipped"):
            print(f"[OK]    {name}: sudah dirilis dan sama dengan sumbernya")
        elif result.get("updated"):
            print(f"[OK]    {name}: sumbernya berubah dan versi peserta belum dikerjakan; "
                  f"diperbarui di exercises/release/{name}/")
        elif result["success"]:
            print(f"[OK]    {name}: versi peserta ada di exercises/release/{name}/")
        else:
            print(f"[GAGAL] {name}:\n{result.get('error') or result.get('log')}")
    if not results:
        print("Belum ada latihan di exercises/source.")
    return 1 if failed else 0
