"""Local servers answer only requests addressed to this machine by name (DNS rebinding).

A page on evil.example can make its own name resolve to 127.0.0.1, then read a
server on this machine as if it were its own site: the browser sends the
requests there, with `Host: evil.example`. A server that answers only the
loopback names (and the address it listens on, when that is a specific IP:
an address cannot be rebound) gives such a page nothing. Used by the dev server
(scripts/devserver.py, `make serve` and `make preview`) and the artifact
reviewer (scripts/review.py, `make review`).
"""

from __future__ import annotations

import ipaddress
import re

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
_HOST = re.compile(r"(?P<name>\[[0-9a-f:.]+\]|[^:\[\]]+)(?::(?P<port>[0-9]{1,5}))?")

REFUSED = (
    "403 Forbidden: this local server answers only requests for localhost, 127.0.0.1 or [::1] "
    "(the Host header named another site: DNS rebinding protection). Open http://127.0.0.1:<port>/.\n"
).encode("ascii")


def host_name(address: str) -> str | None:
    """How a Host header names `address` when it is a specific IP (not a wildcard), else None."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return None
    if ip.is_unspecified:
        return None
    return f"[{ip.compressed}]" if ip.version == 6 else ip.compressed


def allowed(host_header: str | None, also: frozenset[str] = frozenset()) -> bool:
    """Whether a request's Host header names this machine: a loopback name, or one of `also`."""
    match = _HOST.fullmatch((host_header or "").strip().lower())
    if match is None:
        return False
    name = match["name"]
    return name in LOOPBACK_NAMES or name in also
