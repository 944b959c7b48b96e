"""Which network addresses a fetch may connect to, and connecting only to those.

Addresses found in content (feed entries, redirects) could point a scheduled run at the
machine's own network: a router's admin page, the cloud metadata service at 169.254.169.254,
an intranet wiki whose text would then be mailed out. Such addresses are refused unless the
user named that host or allowed private networks. The check is made on the resolved IP at
connect time, so a public-looking name that resolves to 10.x is refused too, and the socket
connects to the very IP that was checked: there is no second lookup that DNS could answer
differently.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

from ..config import setting
from ..errors import ConfigError

__all__ = ["InternalAddress", "Policy", "allow_private_network", "connect", "is_internal", "resolve"]

# RFC 6598 shared address space (carrier-grade NAT): not "private" to Python, not public either.
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class InternalAddress(Exception):
    """A host resolved only to internal addresses; `address` is the first of them."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


def is_internal(ip: str) -> bool:
    """Whether `ip` is anything but a public unicast address: loopback, private (RFC 1918,
    fc00::/7), link-local (169.254/16 with the metadata address, fe80::/10), shared 100.64/10,
    unspecified, multicast or reserved."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return (
        addr.is_loopback
        or addr.is_private
        or addr.is_link_local
        or addr.is_multicast
        or addr.is_unspecified
        or addr.is_reserved
        or (addr.version == 4 and addr in _SHARED)
        or not addr.is_global
    )


def allow_private_network(explicit: bool | None = None) -> bool:
    """The `allow_private_network` setting (SUMMARIZE_ALLOW_PRIVATE_NETWORK), default off."""
    value = setting("allow_private_network", explicit, default=False)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ConfigError(f"allow_private_network must be true or false, not {value!r}")


@dataclass(frozen=True, slots=True)
class Policy:
    """Hosts whose addresses are never refused (the ones the user named), or all of them."""

    trusted: frozenset[str] = frozenset()
    allow_private: bool = False

    def trusts(self, host: str) -> bool:
        return self.allow_private or host.lower().rstrip(".") in self.trusted


AddrInfo = tuple[Any, ...]  # getaddrinfo's (family, type, proto, canonname, sockaddr)


def resolve(host: str, port: int, timeout: float) -> list[AddrInfo]:
    """getaddrinfo within `timeout` seconds (raises TimeoutError, or socket.gaierror).

    The system resolver cannot be interrupted, so a name lookup runs in a daemon thread that
    is left behind if it hangs; the fetch itself goes on to fail in time.
    """
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    else:  # a literal address: nothing to look up
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    result: list[AddrInfo] = []
    failure: list[BaseException] = []

    def lookup() -> None:
        try:
            result.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(f"resolving {host}")
    if failure:
        raise failure[0]
    return result


def connect(host: str, port: int, *, policy: Policy, timeout: float) -> socket.socket:
    """A TCP connection to `host`, to one of its addresses that `policy` allows.

    Raises InternalAddress when every address is internal and the host is not trusted;
    otherwise the errors of `resolve` and `socket.create_connection`.
    """
    end = time.monotonic() + timeout
    infos = resolve(host, port, timeout)
    if not infos:
        raise socket.gaierror(f"no address for {host}")
    allowed = infos if policy.trusts(host) else [i for i in infos if not is_internal(str(i[4][0]))]
    if not allowed:
        raise InternalAddress(str(infos[0][4][0]))
    error: OSError | None = None
    for info in allowed:
        ip, ip_port = str(info[4][0]), int(info[4][1])
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"connecting to {host}")
        try:
            return socket.create_connection((ip, ip_port), timeout=left)
        except TimeoutError:
            raise
        except OSError as exc:  # refused or unreachable: try the next address
            error = exc
    assert error is not None
    raise error
