"""Benchmark: a participant's large SKM export through the "Data Anda sendiri" steps.

    python benchmarks/own_data_large.py [--rows 190000]

Builds a Google-Forms-like CSV in memory (form timestamps, a phone column, nine answers:
U1..U3 as the labels "Tidak Puas" .. "Sangat Puas", U4..U9 as digits), then times each
step the widget runs: read, propose the mapping, check, compute. Prints the seconds of each
and the file's size, and checks the IKM against a direct computation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from humaskit.own_data import mapping, prepare, reading, results

LABELS = ("Tidak Puas", "Kurang Puas", "Puas", "Sangat Puas")
START = dt.datetime(2025, 1, 2, 8, 0, 0)


def build(rows: int) -> tuple[bytes, float]:
    draw = random.Random(23)
    lines = ["Stempel waktu,No. HP," + ",".join(f"U{i}" for i in range(1, 10))]
    total = 0
    for r in range(rows):
        answers = [draw.choice((1, 2, 3, 3, 4)) for _ in range(9)]
        total += sum(answers)
        when = START + dt.timedelta(seconds=37 * r)  # a form's timestamps, month first
        stamp = f"{when.month}/{when.day}/{when.year} {when.hour}:{when:%M:%S}"
        lines.append(f"{stamp},0812{r:08d},"
                     + ",".join([LABELS[a - 1] for a in answers[:3]] + [str(a) for a in answers[3:]]))
    return "\n".join(lines).encode(), total / rows / 9 * 25


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=190_000)
    args = parser.parse_args()
    data, truth = build(args.rows)
    print(f"{args.rows} baris, {len(data) / 2**20:.1f} MiB")
    started = time.perf_counter()
    raw = reading.read_table(data, "skm_besar.csv")
    read = time.perf_counter()
    proposed = mapping.propose(raw, "skm")
    proposing = time.perf_counter()
    checked = prepare.prepare(raw, proposed)
    checking = time.perf_counter()
    result = results.survey(checked, leave_out_bad_rows=True)
    done = time.perf_counter()
    print(f"read {read - started:.1f} s, propose {proposing - read:.1f} s, "
          f"check {checking - proposing:.1f} s, compute {done - checking:.1f} s, "
          f"total {done - started:.1f} s")
    print(f"IKM {result.ikm:.4f} (direct {truth:.4f}); problems {len(checked.problems)}; "
          f"personal {proposed.personal}")
    assert abs(result.ikm - truth) < 1e-9 or checked.problems


if __name__ == "__main__":
    main()
