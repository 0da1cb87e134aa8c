"""The room's proxy: the Python ``configurable-http-proxy``, with its HTTP client sized for a
room. Run as ``python -m humaskit.server.proxy`` with the proxy's own options.

The proxy forwards each request with tornado's default client, which sends 10 at a time and
answers 503 "Timeout in request queue" to any that waited 20 s for a turn. When 40
participants log in at once, the hub's spawn pages hold those 10 turns, so some log-ins were
refused. Websockets (kernels) do not go through this client."""

from __future__ import annotations

from configurable_http_proxy.cli import main
from tornado.httpclient import AsyncHTTPClient

CONCURRENT_REQUESTS = 1000


def run() -> None:
    AsyncHTTPClient.configure(None, max_clients=CONCURRENT_REQUESTS)
    main()


if __name__ == "__main__":
    run()
