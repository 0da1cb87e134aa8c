"""A participant's or admin's browser session against the classroom server, over HTTP:
log in, wait for the server, call JupyterLab's and nbgrader's REST APIs as the browser does
(cookies and the XSRF token), and run a notebook over the kernel websocket in JupyterLab's
binary protocol. Used by the tests and the classroom benchmark."""

from __future__ import annotations

import json
import time
import uuid

import requests
from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)

KERNEL_INFO_TIMEOUT_S = 300
KERNEL_PROTOCOL = "v1.kernel.websocket.jupyter.org"  # the one JupyterLab 4 offers and uses


def _pack(part: dict) -> bytes:
    return json.dumps(part).encode()


class Session:
    def __init__(self, base: str, account: str):
        self.base = base.rstrip("/")
        self.account = account
        self.http = requests.Session()

    def login(self, password: str) -> requests.Response:
        """Log in on the hub's form; the hub then starts the account's server."""
        self.http.get(f"{self.base}/hub/login")
        return self.http.post(f"{self.base}/hub/login?next=",
                              data={"username": self.account, "password": password,
                                    "_xsrf": self.http.cookies.get("_xsrf", path="/hub/")})

    def wait_for_lab(self, timeout: float = 120) -> requests.Response:
        """Open JupyterLab once the server is up (completing the hub's OAuth hand-off)."""
        deadline = time.monotonic() + timeout
        while True:
            page = self.http.get(f"{self.base}/user/{self.account}/lab")
            if page.status_code == 200 and f"/user/{self.account}/" in page.url:
                return page
            if page.status_code == 500 and "/hub/spawn-pending/" in page.url:
                raise RuntimeError(f"server {self.account} gagal dimulai (lihat log hub)")
            if time.monotonic() > deadline:
                raise TimeoutError(f"server {self.account} tidak siap dalam {timeout:g} detik")
            time.sleep(0.5)

    def _headers(self) -> dict:
        for cookie in self.http.cookies:
            if cookie.name == "_xsrf" and cookie.path.startswith(f"/user/{self.account}"):
                return {"X-XSRFToken": cookie.value}
        return {}

    def user_get(self, path: str, **params) -> requests.Response:
        return self.http.get(f"{self.base}/user/{self.account}/{path}", params=params,
                             headers=self._headers())

    def user_post(self, path: str, **data) -> requests.Response:
        return self.http.post(f"{self.base}/user/{self.account}/{path}", data=data,
                              headers=self._headers())

    def get(self, path: str) -> requests.Response:
        return self.http.get(f"{self.base}/{path.lstrip('/')}")


    def run_notebook(self, path: str, timeout: float = 600, together=None) -> float:
        """Run every code cell of the notebook at ``path`` (in the account's home) in a new
        kernel, as JupyterLab's "Run All" does, through the kernel's websocket; returns the
        seconds from "Run All" until the last cell finished. Raises RuntimeError on a cell
        error. ``together``, if given, is called (in a thread) once the notebook is open and its
        kernel answers; a room uses it to have everyone press "Run All" at the same moment.
        """
        import asyncio

        notebook = self.user_get(f"api/contents/{path}").json()["content"]
        cells = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                 for c in notebook["cells"] if c["cell_type"] == "code"]
        kernel = self.start_kernel(path)
        try:
            return asyncio.run(asyncio.wait_for(self._run(kernel, cells, together), timeout))
        finally:
            self.stop_kernel(kernel)

    def start_kernel(self, path: str = "") -> str:
        """Start a Python kernel for the notebook at ``path``; returns its id."""
        return self.http.post(f"{self.base}/user/{self.account}/api/kernels",
                              json={"name": "python3", "path": path},
                              headers=self._headers()).json()["id"]

    def stop_kernel(self, kernel: str) -> None:
        self.http.delete(f"{self.base}/user/{self.account}/api/kernels/{kernel}",
                         headers=self._headers())

    def stop_kernels(self) -> None:
        """Shut down every kernel of the account's server (each holds memory of the
        account's limit until its notebook is shut down)."""
        for kernel in self.user_get("api/kernels").json():
            self.stop_kernel(kernel["id"])

    async def _run(self, kernel: str, cells: list[str], together) -> float:
        import asyncio

        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = (self.base.replace("http", "ws", 1)
               + f"/user/{self.account}/api/kernels/{kernel}/channels")
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        socket = await websocket_connect(HTTPRequest(
            url, headers={"Cookie": cookie, **self._headers()}, connect_timeout=300,
            request_timeout=300), subprotocols=[KERNEL_PROTOCOL])
        if socket.selected_subprotocol != KERNEL_PROTOCOL:
            socket.close()
            raise RuntimeError(f"server tidak memilih protokol kernel {KERNEL_PROTOCOL}")
        session = uuid.uuid4().hex
        try:
            await asyncio.wait_for(self._request(socket, session, "kernel_info_request", {}),
                                   KERNEL_INFO_TIMEOUT_S)
        except asyncio.TimeoutError:
            raise RuntimeError(f"kernel tidak menjawab dalam {KERNEL_INFO_TIMEOUT_S} detik") \
                from None
        if together is not None:
            await asyncio.get_running_loop().run_in_executor(None, together)
        started = time.monotonic()
        for code in cells:
            await self._request(socket, session, "execute_request", {
                "code": code, "silent": False, "store_history": True, "user_expressions": {},
                "allow_stdin": False, "stop_on_error": True})
        socket.close()
        return time.monotonic() - started

    async def _request(self, socket, session: str, kind: str, content: dict) -> None:
        """Send one shell request and wait until the kernel is idle again after it."""
        msg_id = uuid.uuid4().hex
        socket.write_message(serialize_msg_to_ws_v1({
            "header": {"msg_id": msg_id, "msg_type": kind, "session": session,
                       "username": self.account, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "content": content}, "shell", _pack),
            binary=True)
        while True:
            raw = await socket.read_message()
            if raw is None:
                raise RuntimeError("koneksi kernel terputus")
            _, parts = deserialize_msg_from_ws_v1(raw)
            header, parent = json.loads(parts[0]), json.loads(parts[1])
            if parent.get("msg_id") != msg_id:
                continue
            body = json.loads(parts[3])
            if header["msg_type"] == "error":
                raise RuntimeError(f"sel gagal: {body.get('ename')}")
            if header["msg_type"] == "status" and body["execution_state"] == "idle":
                return
