"""The limits every fetch keeps, the name it goes by, and the error it raises when it cannot.

Which URLs (http and https with a host and a valid port: `check_url`), how long (the connect
timeout, twice that for the whole request, checked by `connect_timeout`; the run's fetching
deadline shared by its fetchers, `RunDeadline`), how much (`MAX_BYTES`), how many at once to
one host (`PER_HOST`, held by `host_slot`), and the User-Agent that says who we are
(`user_agent`). A URL that breaks a limit, and any other failure to fetch, is a `FetchError`
with a one-line reason (`InternalAddressError` for an internal address). Nothing here makes a
request: the request loop that keeps these limits is `fetch.Fetcher`, and the addresses it
may connect to are `connection`'s.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..config import default, seconds_setting
from ..errors import InputError

__all__ = [
    "DEFAULT_DEADLINE_S",
    "MAX_BYTES",
    "PER_HOST",
    "FetchError",
    "InternalAddressError",
    "RunDeadline",
    "check_url",
    "connect_timeout",
    "host_slot",
    "user_agent",
]

DEFAULT_TIMEOUT_S: float = default("timeout")  # connect; the whole request gets twice as long
# A whole run's fetching (every URL, feed and feed entry): a cron job must end even when
# a feed holds 30,000 entries or every server trickles. News for one digest is minutes of work.
DEFAULT_DEADLINE_S: float = default("deadline")
MAX_DEADLINE_S = 7 * 86_400.0
MAX_TIMEOUT_S = 3600.0  # an hour to connect is a dead server; 1e10 would overflow the timers
MAX_BYTES = 5 * 1024 * 1024  # news pages are well under 1 MB; more is a mistake or a trap
PER_HOST = 2  # politeness: never more than this many requests at once to one host

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


class InternalAddressError(FetchError):
    """A URL found in content (a feed entry, a redirect) refers to an internal address."""


@dataclass(frozen=True, slots=True)
class RunDeadline:
    """When a whole run's fetching must end (`time.monotonic()`), shared by its fetchers."""

    ends: float
    seconds: float

    @classmethod
    def start(cls, seconds: float | None = DEFAULT_DEADLINE_S) -> RunDeadline:
        """From now; ConfigError for a value no timer can keep (nan, inf, 0, 1e300)."""
        value = DEFAULT_DEADLINE_S if seconds is None else seconds
        value = seconds_setting("deadline", value, most=MAX_DEADLINE_S)
        return cls(time.monotonic() + value, value)

    def passed(self) -> bool:
        return time.monotonic() >= self.ends

    @property
    def reason(self) -> str:
        return (
            f"not fetched: the run's fetching deadline ({self.seconds:g} s) passed"
            " (see --deadline; deadline= in Python)"
        )


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


def connect_timeout(value: float | None) -> float:
    """`value` (None: the default) as the connect timeout; ConfigError for a bad one."""
    return seconds_setting("timeout", DEFAULT_TIMEOUT_S if value is None else value, most=MAX_TIMEOUT_S)


@contextmanager
def host_slot(host: str, port: int) -> Iterator[None]:
    """Hold one of the PER_HOST slots for (host, port), shared by every thread."""
    with _slots_lock:
        slot = _slots.setdefault((host.lower(), port), threading.BoundedSemaphore(PER_HOST))
    with slot:
        yield


def user_agent(contact: str = "") -> str:
    """ "summarize/<version> (+<homepage>; <contact>)": the project's URL from the installed
    package's metadata, if it has one, and `contact` (how a site's operator reaches whoever
    runs this copy, e.g. an email address; the CLI passes the `contact` setting)."""
    agent, homepage = _package_agent()
    contact = contact.strip()
    # Header values cannot hold line breaks; a contact with one is ignored, not sent.
    notes = [f"+{homepage}" if homepage else "", contact if contact.isprintable() else ""]
    shown = "; ".join(n for n in notes if n)
    return f"{agent} ({shown})" if shown else agent


@lru_cache(maxsize=1)
def _package_agent() -> tuple[str, str | None]:
    from importlib import metadata

    try:
        meta = metadata.metadata("summarize")
    except metadata.PackageNotFoundError:
        return "summarize", None
    homepage = (meta.get_all("Home-page") or [None])[0]
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"} and url.strip():
            homepage = url.strip()
            break
    return f"summarize/{meta['Version']}", homepage
