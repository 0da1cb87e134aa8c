"""The classroom's proxy forwards a whole room's requests at once: the hub's spawn pages and
log-ins of 40 participants must not wait in a queue of 10 and be refused after 20 s."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from conftest import free_ports

pytest.importorskip("configurable_http_proxy")

ROOM = 40


class SlowPage(BaseHTTPRequestHandler):
    """A page that takes a second, like the hub's during a room's log-in; counts how many
    requests it serves at the same moment."""

    lock = threading.Lock()
    now = most = 0

    def do_GET(self):
        with self.lock:
            SlowPage.now += 1
            SlowPage.most = max(SlowPage.most, SlowPage.now)
        time.sleep(1)
        with self.lock:
            SlowPage.now -= 1
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def proxied():
    backend = ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    port = free_ports(2)
    api_port = port + 1
    proxy = subprocess.Popen(
        [sys.executable, "-m", "humaskit.server.proxy", "--ip", "127.0.0.1", "--port",
         str(port), "--api-ip", "127.0.0.1", "--api-port", str(api_port),
         "--default-target", f"http://127.0.0.1:{backend.server_port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                requests.get(f"http://127.0.0.1:{api_port}/api/routes", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proxy.terminate()
        proxy.wait(10)
        backend.shutdown()


def test_the_proxy_forwards_a_whole_rooms_requests_at_once(proxied):
    with ThreadPoolExecutor(ROOM) as pool:
        answers = list(pool.map(lambda _: requests.get(proxied, timeout=60), range(ROOM)))
    assert [a.status_code for a in answers] == [200] * ROOM
    assert SlowPage.most > 10  # tornado's default client forwards 10 at a time
