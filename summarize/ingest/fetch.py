"""HTTP GET with the manners a news fetcher needs.

Only http and https; connect and read timeouts; a response size cap; at most 5 redirects,
each one checked again; retries with exponential backoff for failures that usually pass
(connection errors, 429, 502, 503, 504); at most 2 requests at once to any one host; and a
User-Agent that says who we are. Every failure is a `FetchError` with a one-line reason.

Built on `http.client` rather than urllib so connect and read timeouts can differ and every
redirect hop is ours to check. Proxy environment variables are not honoured.
"""

from __future__ import annotations

import email.utils
import http.client
import logging
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from http import HTTPStatus
from urllib.parse import quote, urljoin, urlsplit

from ..config import setting
from ..errors import ConfigError, InputError

__all__ = ["MAX_BYTES", "FetchError", "Fetcher", "Response", "check_url", "user_agent"]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 10.0  # connect; the whole response gets twice as long
MAX_BYTES = 5 * 1024 * 1024  # news pages are well under 1 MB; more is a mistake or a trap
MAX_REDIRECTS = 5
PER_HOST = 2  # politeness: never more than this many requests at once to one host
RETRIES = 2  # after the first attempt, so 3 attempts in all
BACKOFF_S = 0.5  # first retry waits this long, then twice as long each time
MAX_RETRY_AFTER_S = 10.0  # a server asking us to wait longer gets a skip, not a stalled run
TRANSIENT_STATUS = frozenset({429, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)

_slots: dict[tuple[str, int], threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


class FetchError(InputError):
    """A URL could not be fetched; `reason` is the one-line message without the URL."""

    def __init__(
        self, url: str, reason: str, *, transient: bool = False, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after


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


@lru_cache(maxsize=1)
def user_agent() -> str:
    """ "summarize/<version> (+<homepage>)", from the installed package's metadata."""
    from importlib import metadata

    try:
        meta = metadata.metadata("summarize")
    except metadata.PackageNotFoundError:
        return "summarize"
    homepage = (meta.get_all("Home-page") or [None])[0]
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"} and url.strip():
            homepage = url.strip()
            break
    agent = f"summarize/{meta['Version']}"
    return f"{agent} (+{homepage})" if homepage else agent


def check_url(url: str, *, redirected_from: str | None = None) -> str:
    """Return `url` if it is an http(s) URL with a host; raise FetchError otherwise."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    where = f"redirect from {redirected_from} to " if redirected_from else ""
    if scheme not in {"http", "https"}:
        shown = f"{scheme}:" if scheme else "a URL without a scheme"
        raise FetchError(url, f"{where}{shown} refused; only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError(url, f"{where}URL has no host name")
    try:
        _ = parts.port
    except ValueError:
        raise FetchError(url, f"{where}URL has an invalid port") from None
    return url


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _megabytes(value: int) -> str:
    return f"{value / (1024 * 1024):g} MB"


def _timeout(explicit: float | None) -> float:
    raw = setting("timeout", explicit, default=DEFAULT_TIMEOUT_S)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"timeout must be a number of seconds, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"timeout must be more than 0 seconds, not {raw!r}")
    return value


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


@contextmanager
def _host_slot(host: str, port: int) -> Iterator[None]:
    """Hold one of the PER_HOST slots for (host, port), shared by every thread."""
    with _slots_lock:
        slot = _slots.setdefault((host.lower(), port), threading.BoundedSemaphore(PER_HOST))
    with slot:
        yield


class Fetcher:
    """Fetches URLs; safe to share between threads.

    `timeout` is the connect timeout in seconds (setting `timeout`, default 10); the whole
    response, headers and body, must arrive within twice that.
    """

    def __init__(self, *, timeout: float | None = None, max_bytes: int = MAX_BYTES) -> None:
        self.connect_timeout = _timeout(timeout)
        self.read_timeout = 2 * self.connect_timeout
        self.max_bytes = max_bytes

    def get(self, url: str) -> Response:
        """GET `url`, following at most MAX_REDIRECTS redirects; raise FetchError on failure."""
        current = check_url(url)
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, body = self._with_retries(current)
            if status not in REDIRECT_STATUS:
                return Response(url=current, status=status, body=body, headers=headers)
            location = headers.get("location")
            if not location:
                raise FetchError(current, f"HTTP {status} redirect without a Location header")
            current = check_url(urljoin(current, location.strip()), redirected_from=current)
            log.debug("redirected to %s", current)
        raise FetchError(url, f"too many redirects (more than {MAX_REDIRECTS})")

    def _with_retries(self, url: str) -> tuple[int, dict[str, str], bytes]:
        for attempt in range(RETRIES + 1):
            try:
                return self._request(url)
            except FetchError as exc:
                if not exc.transient:
                    raise
                delay = exc.retry_after if exc.retry_after is not None else BACKOFF_S * 2**attempt
                if attempt == RETRIES or delay > MAX_RETRY_AFTER_S:
                    tries = "1 attempt" if attempt == 0 else f"{attempt + 1} attempts"
                    raise FetchError(url, f"{exc.reason} (after {tries})") from None
                log.info("%s: %s; retrying in %.1f s", url, exc.reason, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")  # the loop always returns or raises

    def _request(self, url: str) -> tuple[int, dict[str, str], bytes]:
        """One GET, no redirects followed, no retries: (status, headers, body)."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        https = parts.scheme.lower() == "https"
        port = parts.port or (443 if https else 80)
        # Pages linked from feeds sometimes carry spaces or non-ASCII in their paths.
        target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
        if parts.query:
            target += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
        conn: http.client.HTTPConnection
        if https:
            conn = http.client.HTTPSConnection(host, port, timeout=self.connect_timeout, context=_tls())
        else:
            conn = http.client.HTTPConnection(host, port, timeout=self.connect_timeout)
        phase = "connect"
        with _host_slot(host, port):
            try:
                conn.connect()
                # Kept here: http.client drops conn.sock once the response owns the socket.
                sock = conn.sock
                phase = "read"
                deadline = time.monotonic() + self.read_timeout
                sock.settimeout(self.read_timeout)
                conn.request(
                    "GET",
                    target,
                    headers={
                        "User-Agent": user_agent(),
                        "Accept": ACCEPT,
                        "Accept-Language": "id,en;q=0.7",
                        "Accept-Encoding": "gzip",
                    },
                )
                resp = conn.getresponse()
                headers = {k.lower(): v for k, v in resp.getheaders()}
                status = resp.status
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
                body = self._read_body(sock, resp, url, deadline)
                return status, headers, body
            except FetchError:
                raise
            except TimeoutError:
                limit = self.connect_timeout if phase == "connect" else self.read_timeout
                raise FetchError(url, f"timed out after {_seconds(limit)}") from None
            except ConnectionRefusedError:
                raise FetchError(url, "connection refused", transient=True) from None
            except (ConnectionResetError, BrokenPipeError, http.client.IncompleteRead):
                raise FetchError(url, "connection closed by the server", transient=True) from None
            except socket.gaierror:
                raise FetchError(url, f"cannot resolve host name {host}") from None
            except ssl.SSLCertVerificationError as exc:
                raise FetchError(url, f"TLS certificate not valid ({exc.verify_message})") from None
            except ssl.SSLError as exc:
                raise FetchError(url, f"TLS error ({exc.reason or exc})") from None
            except http.client.HTTPException as exc:
                raise FetchError(url, f"not a valid HTTP response ({type(exc).__name__})") from None
            except OSError as exc:  # unreachable network and the like: often passes
                raise FetchError(url, f"network error ({exc.strerror or exc})", transient=True) from None
            finally:
                conn.close()

    def _read_body(
        self, sock: socket.socket, resp: http.client.HTTPResponse, url: str, deadline: float
    ) -> bytes:
        """Read the body in chunks: within the deadline and under the size cap."""
        too_large = FetchError(url, f"response larger than {_megabytes(self.max_bytes)}")
        length = resp.getheader("content-length")
        if length and length.strip().isdigit() and int(length) > self.max_bytes:
            raise too_large
        encoding = (resp.getheader("content-encoding") or "").strip().lower()
        if encoding not in {"", "identity", "gzip", "x-gzip"}:
            raise FetchError(url, f"unsupported content encoding {encoding}")
        # 16 + MAX_WBITS: gzip framing. The decompressed size is capped too (zip bombs).
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in {"gzip", "x-gzip"} else None
        chunks: list[bytes] = []
        size = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            sock.settimeout(remaining)
            chunk = resp.read1(64 * 1024)
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


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
