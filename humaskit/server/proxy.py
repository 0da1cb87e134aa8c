"""The room's other proxy (``server setup --proxy python``): the Python
``configurable-http-proxy`` with fixes for a room. Run as ``python -m humaskit.server.proxy``
with the proxy's own options. JupyterHub's reference proxy (Node) needs none of them.

- **HTTP client sized for a room.** The proxy forwards each request with tornado's default
  client, which sends 10 at a time and answers 503 "Timeout in request queue" to any that
  waited 20 s for a turn. When 40 participants log in at once, the hub's spawn pages hold those
  10 turns, so some log-ins were refused. Websockets (kernels) do not go through this client.
- **Websocket subprotocol passed back.** The proxy forwards the browser's
  ``Sec-WebSocket-Protocol`` offer to JupyterLab but does not return JupyterLab's choice.
  Chromium then fails the kernel's first handshake, and JupyterLab reconnects with the legacy
  protocol. The handler below answers with the subprotocol the participant's server chose.
- **Uploads up to :data:`~humaskit.server.KERNEL_MESSAGE_BYTES`.** A file uploaded in a widget
  is one websocket message; tornado's 10 MiB default dropped larger ones without a word.
- **Binary frames stay binary.** The proxy passes the browser's binary frames on as text frames.
  The kernel protocol JupyterLab then speaks is binary, and the server closes a text frame that
  is not UTF-8, so the kernel never ran a cell.
"""

from __future__ import annotations

from configurable_http_proxy import configproxy
from configurable_http_proxy.cli import main
from configurable_http_proxy.handlers import ProxyHandler
from tornado.httpclient import AsyncHTTPClient

from humaskit.server import KERNEL_MESSAGE_BYTES

CONCURRENT_REQUESTS = 1000


class KernelProxyHandler(ProxyHandler):
    """The proxy's handler, speaking the kernel websocket protocol JupyterLab chooses."""

    max_message_size = KERNEL_MESSAGE_BYTES

    def select_subprotocol(self, subprotocols: list[str]) -> str | None:
        # The backend connection is open by now (ProxyHandler.get opens it first).
        chosen = self.ws_client.selected_subprotocol if self.ws_client else None
        return chosen if chosen in subprotocols else None

    def on_message(self, message: str | bytes) -> None:
        if self.ws_client:
            prefix = self.target["prefix"] if self.target else ""
            if prefix:
                self.proxy.update_last_activity(prefix)  # what the idle culler reads
            self.ws_client.write_message(message, binary=isinstance(message, bytes))


def run() -> None:
    AsyncHTTPClient.configure(None, max_clients=CONCURRENT_REQUESTS)
    # PythonProxy builds its application from this module-level name.
    configproxy.ProxyHandler = KernelProxyHandler
    main()


if __name__ == "__main__":
    run()
