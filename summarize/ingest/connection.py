"""Connections that keep one deadline per request and connect only to checked addresses.

urllib3's timeouts restart with every read, so a server that trickles its headers (or its
TLS handshake) one byte at a time is never cut off. Here each request carries a `Budget`,
set by the fetcher for the thread that makes the request: the connection resolves the host
and connects within it (to an address the `Policy` below allows), a watchdog cuts a TLS
handshake off at the deadline, and the response reads through a socket reader whose every
read waits at most until the deadline.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

__all__ = [
    "ALLOW_HINT",
    "Budget",
    "HTTPPool",
    "HTTPSPool",
    "InternalAddress",
    "Policy",
    "Refused",
    "budget",
    "connect",
    "is_internal",
    "resolve",
    "seconds",
]

ALLOW_HINT = "pass --allow-private-network (allow_private_network=True in Python) to fetch it"


def seconds(value: float) -> str:
    """3.0 -> "3 s"."""
    return f"{value:g} s"


@dataclass(slots=True)
class Budget:
    """The request in progress on this thread: its deadline and whose addresses it trusts."""

    deadline: float  # time.monotonic()
    connect_s: float
    policy: Policy

    def left(self) -> float:
        return self.deadline - time.monotonic()


_current = threading.local()


@contextmanager
def budget(value: Budget) -> Iterator[Budget]:
    """Make `value` the budget of the requests this thread makes inside the block."""
    _current.budget = value
    try:
        yield value
    finally:
        _current.budget = None


def _budget() -> Budget:
    budget: Budget | None = getattr(_current, "budget", None)
    if budget is None:  # only Fetcher._request opens connections, and it always sets one
        raise RuntimeError("a fetch connection was used outside Fetcher")
    return budget


class Refused(Exception):
    """Why a connection was not made; `_request` turns it into a FetchError naming the URL."""

    def __init__(self, reason: str, *, transient: bool = False, internal: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.internal = internal


class _DeadlineReader(socket.SocketIO):
    """The socket reader under http.client's response: every read waits at most until the
    deadline. A plain socket timeout restarts with each byte, so a server that trickles its
    headers one byte at a time would never time out."""

    def __init__(self, sock: socket.socket, request: Budget) -> None:
        super().__init__(sock, "rb")
        self._budget = request

    def readinto(self, b: Any) -> int | None:
        left = self._budget.left()
        if left <= 0:
            raise TimeoutError("deadline passed")
        self._sock.settimeout(left)  # type: ignore[attr-defined]
        return super().readinto(b)


class _DeadlineResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp.close()  # the plain reader http.client made; nothing was read from it yet
        # What socket.makefile does: count the reader, so closing the connection while the
        # response is still being read leaves the socket open until the reader closes too.
        sock._io_refs += 1  # type: ignore[attr-defined]
        self.fp = io.BufferedReader(_DeadlineReader(sock, _budget()))


def _shutdown(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Guarded:
    """Connection behaviour shared by http and https: resolve, check, connect, within time."""

    host: str
    port: int
    _watchdog: threading.Timer | None = None

    def _new_conn(self) -> socket.socket:
        request = _budget()
        timeout = min(request.connect_s, request.left())
        if timeout <= 0:
            raise Refused(f"timed out after {seconds(request.connect_s)}")
        try:
            sock = connect(self.host, self.port, policy=request.policy, timeout=timeout)
        except InternalAddress as exc:
            raise Refused(
                f"refers to an internal address ({exc.address}); {ALLOW_HINT}", internal=True
            ) from None
        except TimeoutError:
            raise Refused(f"timed out after {seconds(request.connect_s)}") from None
        except socket.gaierror:
            raise Refused(f"cannot resolve host name {self.host}") from None
        except ConnectionRefusedError:
            raise Refused("connection refused", transient=True) from None
        except OSError as exc:  # unreachable network and the like: often passes
            raise Refused(f"network error ({exc.strerror or exc})", transient=True) from None
        # The TLS handshake reads with a per-read timeout too: past the deadline, cut it off.
        self._watchdog = threading.Timer(max(request.left(), 0.0), _shutdown, (sock,))
        self._watchdog.daemon = True
        self._watchdog.start()
        return sock

    def connect(self) -> None:
        try:
            super().connect()  # type: ignore[misc]
        finally:
            if self._watchdog is not None:
                self._watchdog.cancel()
                self._watchdog = None


class _HTTPConnection(_Guarded, HTTPConnection):
    response_class = _DeadlineResponse


class _HTTPSConnection(_Guarded, HTTPSConnection):
    response_class = _DeadlineResponse


class HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


# Internal addresses: refused at connect time unless allowed --------------------------

# RFC 6598 shared address space (carrier-grade NAT): not "private" to Python, not public either.
_SHARED = ipaddress.ip_network("100.64.0.0/10")


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
