"""Benchmark: the classroom server under a room pressing "Run All" at the same moment.

    .venv/bin/python benchmarks/classroom.py [--participants 10 20 40] [--proxy node python]
                                             [--notebook ...]

As root. Installs the server from a bundle into a scratch prefix, sets up N simulated
participants on loopback and, for each proxy in turn (the hub restarted with it) and each N:
all log in at once (time until every server has
spawned), then all open the Day 2 notebook (time until every kernel answers) and, at the same
moment, run all its cells through the hub and the kernel's websocket (p50, p95 and maximum
time from "Run All" to the last cell), while every account's memory (server and kernel) is
sampled. For reference it also runs the same notebook's cells once with nbclient, the stock
tool, in a started kernel on the idle machine. Targets: all finish within 90 s, at most 350 MiB
per participant.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from humaskit.server import spawner
from humaskit.server.client import Session
from humaskit.server.layout import PROXIES

TARGET_SECONDS, TARGET_MIB = 90, 350
MiB = 2**20


def sh(*command: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"{' '.join(command)}\n{done.stdout}{done.stderr}")


def memory(accounts: set[str]) -> dict[str, tuple[int, int]]:
    """Each account's resident memory (RSS) and proportional share (PSS: pages shared with
    other processes, such as the libraries every kernel maps, counted once across them)."""
    used = {account: [0, 0] for account in accounts}
    for process in psutil.process_iter(["username"]):
        if process.info["username"] in used:
            try:
                info = process.memory_full_info()
            except psutil.Error:
                continue
            used[process.info["username"]][0] += info.rss
            used[process.info["username"]][1] += info.pss
    return {account: (rss, pss) for account, (rss, pss) in used.items()}


def failed(session: Session, error: Exception) -> None:
    print(f"  {session.account}: gagal ({type(error).__name__}: {error})")


PINS: dict[str, str] = {}  # each simulated participant's PIN, from the room's settings


def log_in(session: Session) -> bool:
    try:
        session.login(PINS[session.account])
        session.wait_for_lab(600)
        return True
    except Exception as error:  # noqa: BLE001 - a participant who fails is a finding
        failed(session, error)
        return False


def one_room(base: str, accounts: list[str], notebook: str) -> dict:
    everyone = [Session(base, a) for a in accounts]
    started = time.monotonic()
    with ThreadPoolExecutor(len(everyone)) as pool:
        sessions = [s for s, up in zip(everyone, pool.map(log_in, everyone)) if up]
    spawned = time.monotonic() - started
    if not sessions:
        sys.exit("Tidak ada server peserta yang berhasil dimulai; lihat log hub.")
    peaks = {account: (0, 0) for account in accounts}
    total_peak, running = (0, 0), True

    def sample() -> None:
        nonlocal total_peak
        while running:
            now = memory(set(accounts))
            total_peak = tuple(max(peak, sum(used[i] for used in now.values()))
                               for i, peak in enumerate(total_peak))
            for account, used in now.items():
                peaks[account] = tuple(map(max, peaks[account], used))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample)
    sampler.start()
    # Everyone opens the notebook first (kernel started); then all press "Run All" at once.
    opened = time.monotonic()
    run_all = threading.Barrier(len(sessions), action=lambda: marks.append(time.monotonic()))
    ready: set[str] = set()
    marks: list[float] = []

    def arrive(account: str) -> None:
        ready.add(account)
        run_all.wait()

    def run(session: Session) -> float | None:
        try:
            return session.run_notebook(notebook, 900, lambda: arrive(session.account))
        except Exception as error:  # noqa: BLE001 - a participant who fails is a finding
            failed(session, error)
            if session.account not in ready:
                arrive(session.account)  # do not keep the others waiting
            return None

    with ThreadPoolExecutor(len(sessions)) as pool:
        results = list(pool.map(run, sessions))
    times = sorted(t for t in results if t is not None) or [float("inf")]
    running = False
    sampler.join()
    for session in everyone:  # stop every server before the next, larger room
        session.get("hub/home")  # a fresh XSRF cookie for this log-in's hub session
        hub_xsrf = session.http.cookies.get("_xsrf", path="/hub/")
        session.http.delete(f"{base}/hub/api/users/{session.account}/server",
                            headers={"X-XSRFToken": hub_xsrf or ""})
    return {"n": len(accounts), "spawn": spawned, "kernels": marks[0] - opened,
            "p50": statistics.median(times), "p95": times[max(0, round(0.95 * len(times)) - 1)],
            "max": times[-1],
            "rss_mib": max(rss for rss, _ in peaks.values()) / MiB,
            "pss_mib": max(pss for _, pss in peaks.values()) / MiB,
            "total_rss_mib": total_peak[0] / MiB, "total_pss_mib": total_peak[1] / MiB,
            "failed": results.count(None) + len(everyone) - len(sessions)}


def reference(notebook: Path) -> float:
    """Seconds nbclient takes from starting the notebook's first cell to finishing the last
    (its kernel already started)."""
    import nbformat

    from humaskit.notebooks import KERNEL, Client  # nbclient, with nbclient#312 worked round

    first: list[float] = []
    last: list[float] = []
    client = Client(nbformat.read(notebook, as_version=4), timeout=300, kernel_name=KERNEL,
                    resources={"metadata": {"path": str(notebook.parent)}},
                    on_cell_start=lambda **_: first or first.append(time.monotonic()),
                    on_cell_executed=lambda **_: last.append(time.monotonic()))
    client.execute()
    return last[-1] - first[0]


def ready(url: str, timeout: float = 120) -> None:
    """Wait until the hub answers through its proxy (Node's proxy listens at once, and
    answers 404 until the hub has given it its routes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    sys.exit(f"Hub tidak menjawab di {url} dalam {timeout:g} detik; lihat log hub.")


def stop(hub: subprocess.Popen) -> None:
    """Stop the hub with its proxy and every participant's server."""
    os.killpg(hub.pid, signal.SIGTERM)
    try:
        hub.wait(120)  # the hub stops each service, up to 20 s apiece
    except subprocess.TimeoutExpired:
        os.killpg(hub.pid, signal.SIGKILL)
        hub.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[10, 20, 40])
    parser.add_argument("--notebook", default="notebooks/02_hari2_manajemen_isu.ipynb")
    parser.add_argument("--port", type=int, default=8870)
    parser.add_argument("--proxy", nargs="+", choices=PROXIES, default=list(PROXIES),
                        help="the room's proxies to compare, one after the other")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("Jalankan sebagai root: server kelas membuat akun Unix.")
    most = max(args.participants)
    accounts = [f"bench_{i:02d}" for i in range(1, most + 1)]
    base_dir = Path(tempfile.mkdtemp(prefix="humaskit-bench-"))
    base_dir.chmod(0o755)
    kit = str(ROOT / ".venv" / "bin" / "humaskit")
    hub = None
    made = [a for a in (*accounts, "fasilitator", "pelatih")
            if subprocess.run(["id", a], capture_output=True, check=False).returncode]
    try:
        roster = base_dir / "peserta.csv"
        roster.write_text("id,nama,instansi,jabatan\n" + "".join(
            f"{a},Peserta {a[-2:]},Dinas Kominfo,Pranata Humas\n" for a in accounts))
        prefix = base_dir / "opt"
        sh(kit, "server", "bundle", str(base_dir / "bundel"))
        sh(kit, "server", "install", str(base_dir / "bundel"), "--prefix", str(prefix))
        sh(kit, "server", "setup", "--roster", str(roster), "--prefix", str(prefix), "--homes",
           str(base_dir / "home"), "--ip", "127.0.0.1", "--port", str(args.port))
        settings = json.loads((prefix / "hub" / "kelas.json").read_text())
        PINS.update(settings["pins"])
        settings["idle_minutes"] = 600
        base = f"http://127.0.0.1:{args.port}"
        stock = reference(ROOT / args.notebook)
        print(f"Acuan (nbclient, sel-sel notebook dalam kernel yang sudah jalan, mesin kosong): "
              f"{stock:.1f} s")
        for proxy in args.proxy:
            settings["proxy"] = proxy
            (prefix / "hub" / "kelas.json").write_text(json.dumps(settings))
            log = open(base_dir / f"hub-{proxy}.log", "w")  # noqa: SIM115
            hub = subprocess.Popen([kit, "server", "start", "--prefix", str(prefix)],
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            ready(f"{base}/hub/api/")
            print(f"Proksi: {proxy}")
            print("peserta | semua siap (s) | kernel siap (s) | p50 (s) | p95 (s) | maks (s) "
                  "| per peserta PSS/RSS (MiB) | total PSS/RSS (MiB) | maks / acuan | gagal")
            largest = 0
            for n in sorted(args.participants):
                row = one_room(base, accounts[:n], args.notebook)  # same path in every home
                ok = (row["max"] <= TARGET_SECONDS and row["pss_mib"] <= TARGET_MIB
                      and not row["failed"])
                largest = n if ok else largest
                print(f"{n:7d} | {row['spawn']:14.1f} | {row['kernels']:15.1f} | "
                      f"{row['p50']:7.1f} | {row['p95']:7.1f} | {row['max']:8.1f} | "
                      f"{row['pss_mib']:11.0f} / {row['rss_mib']:.0f} | "
                      f"{row['total_pss_mib']:10.0f} / {row['total_rss_mib']:.0f} | "
                      f"{row['max'] / stock:5.1f}× | {row['failed']}"
                      + ("" if ok else "  (melewati target)"), flush=True)
            print(f"N terbesar yang memenuhi target ({TARGET_SECONDS} s, {TARGET_MIB} MiB per "
                  f"peserta) dengan proksi {proxy}: {largest or 'tidak ada'}")
            stop(hub)
            hub = None
    finally:
        if hub is not None:
            stop(hub)
        for account in made:
            subprocess.run(["pkill", "-KILL", "-u", account], check=False)
            subprocess.run(["userdel", account], check=False, capture_output=True)
            shutil.rmtree(spawner.RUNTIME / account, ignore_errors=True)
        for used in base_dir.glob("hub-*.log"):
            kept = Path(tempfile.gettempdir()) / f"humaskit-bench-{used.name}"
            shutil.copy(used, kept)
            print(f"Log hub disimpan di {kept}")
        shutil.rmtree(base_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
