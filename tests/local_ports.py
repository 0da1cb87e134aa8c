"""Free local ports for the servers the tests start."""

from __future__ import annotations

import socket


def free_ports(count: int) -> int:
    """A local port such that it and the next ``count - 1`` are free (a hub and its proxy)."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port < 60000 and all(_free(port + i) for i in range(1, count)):
            return port


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0
