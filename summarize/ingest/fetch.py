"""HTTP GET with the manners a news fetcher needs.

Only http and https; one wall-clock deadline per request that covers the name lookup, the
connection, the TLS handshake, the headers and the body; a response size cap; at most 5
redirects, each hop checked again; retries with exponential backoff for failures that usually
pass (connection errors, 429, 502, 503, 504); at most 2 requests at once to any one host;
no connection to an internal address unless the user named that host (see `connection`); and
a User-Agent that says who we are. Every failure is a `FetchError` with a one-line reason.

Built on urllib3 connection pools (keep-alive: a feed's entries on one site share
connections), with redirects and retries handled here so every hop is checked and every
failure keeps its own reason; the deadline and the address check live in the connections
(`connection`). Proxy environment variables are not honoured. The limits kept here (which
URLs, the timeouts, the run's deadline, the size cap, the per-host slots), the User-Agent and
`FetchError` are `fetch_limits`'.
"""

from __future__ import annotations

import email.utils
import http.client
import logging
import math
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from http import HTTPStatus
from typing import Any
from urllib.parse import SplitResult, quote, urljoin, urlsplit

import urllib3
from urllib3.connectionpool import HTTPConnectionPool

from ..errors import ConfigError
from .connection import Budget, HTTPPool, HTTPSPool, Policy, Refused, budget, seconds
from .fetch_limits import (
    MAX_BYTES,
    PER_HOST,
    FetchError,
    InternalAddressError,
    RunDeadline,
    check_url,
    connect_timeout,
    host_slot,
    user_agent,
)

__all__ = ["Fetcher", "Response"]

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
RETRIES = 2  # after the first attempt, so 3 attempts in all
BACKOFF_S = 0.5  # first retry waits this long, then twice as long each time
MAX_RETRY_AFTER_S = 10.0  # a server asking us to wait longer gets a skip, not a stalled run
TRANSIENT_STATUS = frozenset({429, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)

_NO_DEADLINE = RunDeadline(math.inf, math.inf)


@dataclass(frozen=True, slots=True)
class Response:
    """A successful (2xx) response. `url` is the final URL, after redirects."""

    url: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-cased ("" when the server sent none)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


def _megabytes(value: int) -> str:
    return f"{value / (1024 * 1024):g} MB"


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    """One verifying TLS context for every request (loading the CA store takes a while).

    It trusts the system's CAs, or SSL_CERT_FILE / SSL_CERT_DIR when set (a company proxy's CA).
    """
    return ssl.create_default_context()


def _cause(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of `kind` in `exc`, its arguments, causes and contexts."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, kind):
            return e
        todo += [a for a in e.args if isinstance(a, BaseException)]
        todo += [c for c in (e.__cause__, e.__context__) if c is not None]
    return None


class Fetcher:
    """Fetches URLs; safe to share between threads; `close()` (or `with`) frees its connections.

    `timeout` is the connect timeout in seconds (None: `DEFAULT_TIMEOUT_S`); each request,
    from the name lookup to the last byte of the body, must be done within twice that.
    `trusted_host` is the host of the URL the user gave: its addresses are used even when
    internal. Other hosts (from feed entries and redirects) that resolve to an internal
    address are refused, unless `allow_private_network`. `contact` goes into the User-Agent
    (`user_agent`). Nothing here reads a setting: the CLI resolves them and passes them in.
    """

    def __init__(
        self,
        *,
        timeout: float | None = None,
        max_bytes: int = MAX_BYTES,
        trusted_host: str | None = None,
        allow_private_network: bool = False,
        contact: str = "",
        run: RunDeadline | None = None,
    ) -> None:
        self.connect_timeout = connect_timeout(timeout)
        self.run = run or _NO_DEADLINE
        self.read_timeout = 2 * self.connect_timeout  # the whole request's deadline
        self.max_bytes = max_bytes
        self.trusted = frozenset({trusted_host.lower().rstrip(".")} if trusted_host else ())
        if not isinstance(allow_private_network, bool):  # a stray "no" string would read as true
            raise ConfigError(f"allow_private_network must be True or False, not {allow_private_network!r}")
        self.allow_private = allow_private_network
        self.agent = user_agent(contact)
        self._pools: dict[tuple[str, str, int, bool], HTTPConnectionPool] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every pooled connection."""
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()

    def get(self, url: str, *, from_content: bool = False) -> Response:
        """GET `url`, following at most MAX_REDIRECTS redirects; raise FetchError on failure.

        The host of `url` is trusted (the caller named it) unless `from_content`: a URL read
        from a feed or a page is checked like a redirect target.
        """
        current = check_url(url)
        trusted = self.trusted
        if not from_content:
            trusted |= {(urlsplit(url).hostname or "").lower().rstrip(".")}
        policy = Policy(trusted, self.allow_private)
        for _ in range(MAX_REDIRECTS + 1):
            try:
                status, headers, body = self._with_retries(current, policy)
            except InternalAddressError as exc:
                if current == url:
                    raise
                raise InternalAddressError(url, f"redirect to {current} {exc.reason}") from None
            if status not in REDIRECT_STATUS:
                return Response(url=current, status=status, body=body, headers=headers)
            location = headers.get("location")
            if not location:
                raise FetchError(current, f"HTTP {status} redirect without a Location header")
            # Every hop is checked again: a redirect to another host that resolves to an
            # internal address is refused at connect time like a feed entry would be.
            current = check_url(urljoin(current, location.strip()), redirected_from=current)
            log.debug("redirected to %s", current)
        raise FetchError(url, f"too many redirects (more than {MAX_REDIRECTS})")

    def _with_retries(self, url: str, policy: Policy) -> tuple[int, dict[str, str], bytes]:
        for attempt in range(RETRIES + 1):
            if self.run.passed():
                raise FetchError(url, self.run.reason)
            try:
                return self._request(url, policy)
            except FetchError as exc:
                if not exc.transient:
                    raise
                delay = exc.retry_after if exc.retry_after is not None else BACKOFF_S * 2**attempt
                late = time.monotonic() + delay >= self.run.ends
                if attempt == RETRIES or delay > MAX_RETRY_AFTER_S or late:
                    tries = "1 attempt" if attempt == 0 else f"{attempt + 1} attempts"
                    raise FetchError(url, f"{exc.reason} (after {tries})") from None
                log.info("%s: %s; retrying in %.1f s", url, exc.reason, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")  # the loop always returns or raises

    def _pool(self, https: bool, host: str, port: int, trusted: bool) -> HTTPConnectionPool:
        # Trusted and checked connections to one host never share a pool.
        key = ("https" if https else "http", host.lower(), port, trusted)
        with self._lock:
            pool = self._pools.get(key)
            if pool is None:
                if https:
                    pool = HTTPSPool(host, port, maxsize=PER_HOST, retries=False, ssl_context=_tls())
                else:
                    pool = HTTPPool(host, port, maxsize=PER_HOST, retries=False)
                self._pools[key] = pool
            return pool

    def _request(self, url: str, policy: Policy) -> tuple[int, dict[str, str], bytes]:
        """One GET, no redirects followed, no retries: (status, headers, body)."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        https = parts.scheme.lower() == "https"
        port = parts.port or (443 if https else 80)
        pool = self._pool(https, host, port, policy.trusts(host))
        ends = min(time.monotonic() + self.read_timeout, self.run.ends)
        with host_slot(host, port), budget(Budget(ends, self.connect_timeout, policy)) as request:
            resp: Any = None
            try:
                if self.run.passed():  # (it may have passed while waiting for this host's slot)
                    raise FetchError(url, self.run.reason)
                resp = pool.urlopen(
                    "GET",
                    _target(parts),
                    headers={"User-Agent": self.agent, **_HEADERS},
                    retries=False,
                    redirect=False,
                    assert_same_host=False,
                    preload_content=False,
                    decode_content=False,
                    timeout=urllib3.Timeout(connect=self.connect_timeout, read=self.read_timeout),
                )
                headers = {k.lower(): v for k, v in resp.headers.items()}
                status = int(resp.status)
                if status in REDIRECT_STATUS:
                    return status, headers, b""
                if status >= 400 or status < 200:
                    phrase = resp.reason or _phrase(status)
                    raise FetchError(
                        url,
                        f"HTTP {status} {phrase}".strip(),
                        transient=status in TRANSIENT_STATUS,
                        retry_after=_retry_after(headers.get("retry-after")),
                    )
                body = self._read_body(resp, headers, url)
                resp.release_conn()  # read to the end: the connection can serve the next request
                resp = None
                return status, headers, body
            except FetchError:
                raise
            except Refused as exc:
                if self.run.passed():
                    raise FetchError(url, self.run.reason) from None
                kind = InternalAddressError if exc.internal else FetchError
                raise kind(url, exc.reason, transient=exc.transient) from None
            except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
                timed_out = isinstance(exc, urllib3.exceptions.TimeoutError) or _cause(exc, TimeoutError)
                if timed_out or request.left() <= 0:
                    late = self.run.passed()
                    raise FetchError(
                        url, self.run.reason if late else f"timed out after {seconds(self.read_timeout)}"
                    ) from None
                raise _failure(url, exc) from None
            finally:
                if resp is not None:  # failed or unread: never hand this connection out again
                    resp.close()
                    resp.release_conn()

    def _read_body(self, resp: Any, headers: dict[str, str], url: str) -> bytes:
        """Read the body in chunks, under the size cap (the deadline is the reader's)."""
        too_large = FetchError(url, f"response larger than {_megabytes(self.max_bytes)}")
        length = headers.get("content-length")
        if length and length.strip().isdigit() and int(length) > self.max_bytes:
            raise too_large
        encoding = headers.get("content-encoding", "").strip().lower()
        if encoding not in {"", "identity", "gzip", "x-gzip"}:
            raise FetchError(url, f"unsupported content encoding {encoding}")
        # 16 + MAX_WBITS: gzip framing. The decompressed size is capped too (zip bombs).
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in {"gzip", "x-gzip"} else None
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = resp.read(64 * 1024, decode_content=False)
            if not chunk:
                break
            if inflate is not None:
                try:
                    chunk = inflate.decompress(chunk, self.max_bytes + 1 - size)
                except zlib.error:
                    raise FetchError(url, "response is not valid gzip") from None
            size += len(chunk)
            if size > self.max_bytes:
                raise too_large
            chunks.append(chunk)
        if inflate is not None:
            tail = inflate.flush()
            if size + len(tail) > self.max_bytes:
                raise too_large
            chunks.append(tail)
        return b"".join(chunks)


_HEADERS = {"Accept": ACCEPT, "Accept-Language": "id,en;q=0.7", "Accept-Encoding": "gzip"}


def _target(parts: SplitResult) -> str:
    """The request target. Pages linked from feeds sometimes carry spaces or non-ASCII in
    their paths."""
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return target


def _failure(url: str, exc: Exception) -> FetchError:
    """The one-line reason for anything else urllib3 or the socket raised."""
    if cert := _cause(exc, ssl.SSLCertVerificationError):
        return FetchError(url, f"TLS certificate not valid ({getattr(cert, 'verify_message', cert)})")
    if tls := _cause(exc, ssl.SSLError):
        return FetchError(url, f"TLS error ({getattr(tls, 'reason', None) or tls})")
    if _cause(exc, http.client.IncompleteRead) or _cause(exc, ConnectionResetError):
        # RemoteDisconnected is a ConnectionResetError: the server hung up before answering.
        return FetchError(url, "connection closed by the server", transient=True)
    if _cause(exc, BrokenPipeError):
        return FetchError(url, "connection closed by the server", transient=True)
    if bad := _cause(exc, http.client.HTTPException):
        return FetchError(url, f"not a valid HTTP response ({type(bad).__name__})")
    if isinstance(exc, urllib3.exceptions.LocationParseError):
        return FetchError(url, "not a valid URL")
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return FetchError(url, "connection closed by the server", transient=True)
    oserror = _cause(exc, OSError)
    if isinstance(oserror, OSError):  # unreachable network and the like: often passes
        return FetchError(url, f"network error ({oserror.strerror or oserror})", transient=True)
    return FetchError(url, f"network error ({type(exc).__name__})", transient=True)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
