"""The classroom's proxy carries a whole room: 40 participants' log-ins at once (none waits in
a queue of 10 and is refused after 20 s), and every kernel's websocket on the first try.
Both proxies a room may run (``server setup --proxy``): JupyterHub's reference one, the npm
package run by Node and unpacked from the bundle's tarball as ``server install`` does, and
the Python port through :mod:`humaskit.server.proxy`."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from local_ports import free_ports
from tornado.httpserver import HTTPServer
from tornado.testing import bind_unused_port
from tornado.web import Application, RequestHandler
from tornado.websocket import WebSocketHandler, websocket_connect

from humaskit.own_data.reading import MAX_BYTES
from humaskit.server import KERNEL_MESSAGE_BYTES, hubconfig, install, room
from humaskit.server.client import KERNEL_PROTOCOL
from humaskit.server.layout import Layout, Settings

pytest.importorskip("configurable_http_proxy")

ROOM = 40
PROXY_READY_S = 120
BINARY_MESSAGE = (2).to_bytes(8, "little") + b"\xff\xfe shell"  # offsets, then frames


class SlowPage(RequestHandler):
    """A page that takes a second, like the hub's during a room's log-in; counts how many
    requests it serves at the same moment."""

    now = most = 0

    async def get(self):
        SlowPage.now += 1
        SlowPage.most = max(SlowPage.most, SlowPage.now)
        await asyncio.sleep(1)
        SlowPage.now -= 1
        self.write("ok")


class KernelChannels(WebSocketHandler):
    """A kernel's websocket as jupyter_server answers it: picks its protocol, echoes messages."""

    def select_subprotocol(self, subprotocols):
        return KERNEL_PROTOCOL if KERNEL_PROTOCOL in subprotocols else None

    def on_message(self, message):
        self.write_message(message, binary=isinstance(message, bytes))


class Upload(WebSocketHandler):
    """A kernel's websocket taking a widget's uploaded file: answers with the bytes it got."""

    def on_message(self, message):
        self.write_message(str(len(message)))


def _serve_in_thread(app: Application) -> int:
    sock, port = bind_unused_port()
    ready = threading.Event()

    def serve():
        asyncio.set_event_loop(asyncio.new_event_loop())
        HTTPServer(app).add_sockets([sock])
        ready.set()
        asyncio.get_event_loop().run_forever()

    threading.Thread(target=serve, daemon=True).start()
    ready.wait(10)
    return port


def _wait_until_listening(proxy: subprocess.Popen, ports: tuple[int, ...]) -> None:
    """Wait until the proxy accepts connections on its ports; a loaded machine can take
    long to start it (10 s was once not enough), so the limit is generous, and a proxy that
    never comes up fails here, not as "Connection refused" in a test."""
    deadline = time.monotonic() + PROXY_READY_S
    waiting = list(ports)
    while waiting:
        if proxy.poll() is not None:
            pytest.fail(f"the proxy exited with code {proxy.returncode} before it listened")
        try:
            socket.create_connection(("127.0.0.1", waiting[0]), timeout=1).close()
            waiting.pop(0)
        except OSError:
            if time.monotonic() > deadline:
                pytest.fail(f"the proxy did not listen on port {waiting[0]} within "
                            f"{PROXY_READY_S} s")
            time.sleep(0.1)


def _command(proxy: str, tmp_path_factory) -> list[str]:
    if proxy == "python":
        return [sys.executable, "-m", "humaskit.server.proxy"]
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("no Node.js/npm here (.ci/run installs Debian's nodejs and npm)")
    layout = Layout(tmp_path_factory.mktemp("server"))
    bundle = tmp_path_factory.mktemp("bundle")
    install.pack_node_proxy(bundle / "node")
    install.unpack_node_proxy(bundle, layout)
    return [shutil.which("node"), str(layout.node_proxy)]


@pytest.fixture(scope="module", params=["node", "python"])
def proxied(request, tmp_path_factory):
    backend = _serve_in_thread(Application(
        [("/channels", KernelChannels), ("/upload", Upload), ("/.*", SlowPage)],
        websocket_max_message_size=KERNEL_MESSAGE_BYTES))
    port = free_ports(2)
    api_port = port + 1
    proxy = subprocess.Popen(
        [*_command(request.param, tmp_path_factory), "--ip", "127.0.0.1", "--port",
         str(port), "--api-ip", "127.0.0.1", "--api-port", str(api_port),
         "--default-target", f"http://127.0.0.1:{backend}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_listening(proxy, (port, api_port))
        yield f"127.0.0.1:{port}"
    finally:
        proxy.terminate()
        proxy.wait(10)


def test_the_proxy_forwards_a_whole_rooms_requests_at_once(proxied):
    SlowPage.most = 0
    with ThreadPoolExecutor(ROOM) as pool:
        answers = list(pool.map(
            lambda _: requests.get(f"http://{proxied}/hub/spawn", timeout=60), range(ROOM)))
    assert [a.status_code for a in answers] == [200] * ROOM
    assert SlowPage.most > 10  # tornado's default client forwards 10 at a time


def test_a_kernel_websocket_gets_the_protocol_its_server_chose(proxied):
    """Chromium drops a websocket whose answer names no protocol when it offered some, and
    that protocol's messages are binary (a server closes a text frame that is not UTF-8)."""

    async def connect():
        offer = [KERNEL_PROTOCOL, "legacy"]
        ws = await websocket_connect(f"ws://{proxied}/channels", subprotocols=offer)
        chosen = ws.selected_subprotocol
        echoed = []
        for message in ["kernel_info_request", BINARY_MESSAGE]:
            await ws.write_message(message, binary=isinstance(message, bytes))
            echoed.append(await asyncio.wait_for(ws.read_message(), 10))
        ws.close()
        return chosen, echoed

    assert asyncio.run(connect()) == (KERNEL_PROTOCOL, ["kernel_info_request", BINARY_MESSAGE])


def test_a_file_over_the_kits_limit_passes_the_proxy_so_the_kit_can_say_so(proxied):
    """A widget's upload is one websocket message; over tornado's 10 MiB the proxy dropped it
    and the participant saw nothing."""
    upload = b"x" * (MAX_BYTES + 2**20)

    async def send():
        ws = await websocket_connect(f"ws://{proxied}/upload")
        await ws.write_message(upload, binary=True)
        answer = await asyncio.wait_for(ws.read_message(), 30)
        ws.close()
        return answer

    assert asyncio.run(send()) == str(len(upload))


def test_the_room_runs_the_proxy_its_settings_name_and_setup_checks_it_can(tmp_path):
    layout = Layout(tmp_path)
    node = hubconfig.proxy_command(layout, Settings({}, proxy="node"))
    assert node[1:] == [str(layout.node_proxy), f"--proxy-timeout={hubconfig.PROXY_TIMEOUT_S}000"]
    python = hubconfig.proxy_command(layout, Settings({}, proxy="python"))
    assert python[:3] == [str(layout.python), "-m", "humaskit.server.proxy"]
    assert Settings({}).proxy == "python"
    missing = "Node.js tidak ditemukan" if shutil.which("node") is None else "server install"
    with pytest.raises(FileNotFoundError, match=missing):
        room.check_proxy(layout, "node")  # not unpacked from a bundle here
    room.check_proxy(layout, "python")
