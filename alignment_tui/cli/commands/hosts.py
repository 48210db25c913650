"""Which hosts only answer to this computer: what ``serve`` may show without a warning."""

from __future__ import annotations

import ipaddress
import socket


def is_loopback(host: str) -> bool:
    """Does ``host`` only answer to this computer (``localhost``, 127.x, ``::1``)?"""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)
