"""Participants' charts drawn as pictures where the drawing can reach nothing.

A chart in a graded notebook is a Vega-Lite specification that a participant's code wrote:
hostile data. Its image marks and data URLs may name files and web addresses, and its data
generators and canvas are as large as it says. So the grader never draws it itself:
vl-convert draws the charts of one participant's page in a sandbox
(:mod:`humaskit.grading.sandbox`: no network, only the allow-list in view, its own uid)
under the caps below, and returns PNG bytes only. A chart over a cap is not drawn at all; a
chart that exhausts the renderer's memory or time costs only that picture (the renderer
starts again for the next chart), and the page shows :data:`FAILED` with the reason.

Run as ``python -m humaskit.grading.pictures`` it is the renderer inside the sandbox: one
JSON list of specifications on stdin, one JSON line per chart on stdout.
"""

from __future__ import annotations

import base64
import json
import math
import os
import select
import struct
import sys
import tempfile
import time

from humaskit import number_format
from humaskit.grading import sandbox

#: A specification larger than this (as JSON) is not drawn.
MAX_SPEC_BYTES = 1_000_000
#: Data rows a chart may carry or generate: inline values and datasets, sequence and
#: impute generators, density steps.
MAX_POINTS = 50_000
#: Largest width or height a specification may declare, and a picture may have, in pixels.
MAX_CANVAS_PX = 5_000
#: Largest picture (PNG bytes).
MAX_PNG_BYTES = 5_000_000
#: Memory of the renderer (writable memory: vl-convert's V8 reserves far more address space).
MEMORY_MB = 1024
#: Time for one chart, and for all charts of one page.
CHART_SECONDS = 20
PAGE_SECONDS = 60
LIMITS = sandbox.Limits(memory_mb=MEMORY_MB, cpu_seconds=PAGE_SECONDS, tmp_mb=16,
                        processes=64)
FAILED = "Grafik tidak dapat ditampilkan"
SIZE_KEYS = ("width", "height", "continuousWidth", "continuousHeight", "discreteWidth",
             "discreteHeight", "step")


def number(n: float) -> str:
    """An integer with Indonesian thousands separators (3.000.000)."""
    return f"{n:,.0f}".replace(",", ".") if math.isfinite(n) else "tak terhingga"


def generated(spec: dict) -> float:
    """Rows a sequence generator ``{start, stop, step}`` makes (infinite when malformed)."""
    start, stop, step = spec.get("start", 0), spec.get("stop"), spec.get("step", 1)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
               for v in (start, stop, step)) or step == 0:
        return math.inf
    return max(0.0, math.ceil((stop - start) / step))


def refusal(spec) -> str | None:
    """Why ``spec`` is not drawn (over a cap), or None."""
    size = len(json.dumps(spec, default=str))
    if size > MAX_SPEC_BYTES:
        return f"spesifikasi {number(size)} bita, melebihi batas {number(MAX_SPEC_BYTES)} bita"
    points, canvas = 0.0, 0.0
    todo = [spec]
    while todo:  # no recursion: a deeply nested spec must not exhaust the stack
        node = todo.pop()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if key in ("sequence", "keyvals") and isinstance(value, dict):
                points += generated(value)
            elif key == "values" and isinstance(value, list):
                points += len(value)
            elif key == "values" and isinstance(value, str):
                points += value.count("\n") + 1
            elif key == "datasets" and isinstance(value, dict):
                points += sum(len(rows) for rows in value.values() if isinstance(rows, list))
            elif key == "steps" and isinstance(value, (int, float)):
                points += value
            elif key in SIZE_KEYS and isinstance(value, (int, float)):
                canvas = max(canvas, abs(value))
            elif key in SIZE_KEYS and isinstance(value, dict) and isinstance(
                    value.get("step"), (int, float)):
                canvas = max(canvas, abs(value["step"]))
            todo.append(value)
    if not points <= MAX_POINTS:
        return f"{number(points)} titik data, melebihi batas {number(MAX_POINTS)} titik"
    if not canvas <= MAX_CANVAS_PX:
        return (f"ukuran kanvas {number(canvas)} piksel, melebihi batas "
                f"{number(MAX_CANVAS_PX)} piksel")
    return None


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG (from its header)."""
    if len(png) < 24 or png[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    return struct.unpack(">II", png[16:24])


def checked(answer: dict) -> bytes | str:
    """A renderer's answer for one chart as PNG bytes, or why there is no picture."""
    if isinstance(answer, dict) and answer.get("error") == "too large":
        return f"gambar melebihi batas {number(MAX_PNG_BYTES)} bita"
    if not isinstance(answer, dict) or not isinstance(answer.get("png"), str):
        return "spesifikasi grafik tidak dapat digambar"
    try:
        png = base64.b64decode(answer["png"], validate=True)
    except ValueError:
        return "spesifikasi grafik tidak dapat digambar"
    width, height = png_size(png)
    if not (0 < width <= MAX_CANVAS_PX and 0 < height <= MAX_CANVAS_PX):
        return (f"gambar {number(width)} × {number(height)} piksel, melebihi batas "
                f"{number(MAX_CANVAS_PX)} piksel")
    return png


class Renderer:
    """One sandboxed renderer process, reading its answers line by line with a deadline."""

    def __init__(self, specs: list, uid: int):
        with tempfile.TemporaryFile() as stdin:
            stdin.write(json.dumps(specs).encode())
            stdin.seek(0)
            self.proc = sandbox.start([sys.executable, "-m", "humaskit.grading.pictures"],
                                      LIMITS, uid, stdin=stdin, address_space=False)
        self.buffer = b""

    def answer(self, timeout: float) -> dict | None:
        """The next chart's answer, or None if the renderer died or ran out of time."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or len(self.buffer) > 2 * MAX_PNG_BYTES:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            chunk = os.read(fd, 1 << 20) if ready else b""
            if ready and not chunk:
                return None  # ended (memory cap, crash)
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            return json.loads(line)
        except ValueError:
            return None

    def close(self) -> None:
        sandbox.stop(self.proc)


def draw(specs: list, uid: int = -1) -> list[bytes | str]:
    """For each specification its PNG, or why it was not drawn (Indonesian). Charts over a
    cap are refused; the rest are drawn in a sandbox as uid ``uid`` (root only; -1: none),
    a renderer that dies or overruns costing only the chart it was drawing."""
    results: list = [refusal(spec) for spec in specs]
    todo = [i for i, reason in enumerate(results) if reason is None]
    deadline = time.monotonic() + PAGE_SECONDS
    while todo:
        try:
            renderer = Renderer([specs[i] for i in todo], uid)
        except (sandbox.SandboxError, OSError) as exc:  # the machine's fault: say so
            for index in todo:
                results[index] = f"penggambar grafik tidak dapat dijalankan ({exc})"
            break
        try:
            while todo:
                left = deadline - time.monotonic()
                answer = renderer.answer(min(CHART_SECONDS, max(left, 0)))
                index = todo.pop(0)
                if answer is not None:
                    results[index] = checked(answer)
                    continue
                results[index] = (
                    f"melebihi batas waktu halaman ({PAGE_SECONDS} detik)" if left < CHART_SECONDS
                    else f"melebihi batas waktu ({CHART_SECONDS} detik) atau memori "
                         f"({MEMORY_MB} MB) penggambar")
                break
        finally:
            renderer.close()
        if time.monotonic() >= deadline:
            for index in todo:
                results[index] = f"melebihi batas waktu halaman ({PAGE_SECONDS} detik)"
            todo = []
    return results


def main() -> None:
    """Inside the sandbox: draw each specification on stdin, one answer line per chart."""
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    import vl_convert as vlc

    for spec in json.loads(sys.stdin.read()):
        try:
            png = vlc.vegalite_to_png(spec, scale=1.0, allowed_base_urls=[],
                                      **number_format.CHART_LOCALE)
            answer = ({"png": base64.b64encode(png).decode()} if len(png) <= MAX_PNG_BYTES
                      else {"error": "too large"})
        except BaseException as exc:  # noqa: BLE001 - vl-convert panics are BaseExceptions
            answer = {"error": type(exc).__name__}
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
