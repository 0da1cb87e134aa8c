"""``humaskit exercises``: prepare the participant versions of the nbgrader exercises."""

from __future__ import annotations

import argparse

from humaskit.exercises import course


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "exercises", help="release the participant versions of the exercises",
        description="Run nbgrader's generate step for every assignment in "
                    "exercises/source, writing the participant versions to exercises/release. "
                    "Assignments already released are kept as they are (participants may "
                    "have worked in them) unless --force is given.",
    )
    parser.add_argument("action", choices=["release"], help="what to do")
    parser.add_argument("--force", action="store_true",
                        help="regenerate exercises already released (overwrites exercises/release)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    results = course.release(force=args.force)
    failed = [name for name, result in results.items() if not result["success"]]
    for name, result in results.items():
        if result.get("skipped"):
            print(f"[OK]    {name}: sudah dirilis sebelumnya, tidak ditimpa "
                  "(pakai --force untuk membuat ulang)")
        elif result["success"]:
            print(f"[OK]    {name}: versi peserta ada di exercises/release/{name}/")
        else:
            print(f"[GAGAL] {name}:\n{result.get('error') or result.get('log')}")
    if not results:
        print("Belum ada latihan di exercises/source.")
    return 1 if failed else 0
