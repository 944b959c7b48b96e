"""URLs to Documents: an article page becomes one Document, an RSS/Atom feed one per entry.

A page and a feed are told apart by content type and by the first tag of the body, since
servers often label feeds text/html or text/plain. Several URLs, and a feed's entries, are
fetched in parallel across hosts, never more than `fetch_limits.PER_HOST` at once to one
host. A feed entry or a redirect that leads to an internal address (another machine on the
local network, the cloud metadata service) is refused unless the user named that host or
allowed private networks. Every failure becomes a `Skipped` with a one-line reason and never
stops the others. What a feed says (its entries, their dates, which to read) is `feeds`'.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Literal, TypeVar
from urllib.parse import urlsplit

from ..errors import ConfigError, InputError
from ..values import Document, Skipped, page_url, plural
from .decoding import decode
from .extract import ListPageError, html_to_document
from .feeds import Entry, content_document, date_warning, read_feed
from .fetch import Fetcher, Response
from .fetch_limits import DEFAULT_DEADLINE_S, FetchError, InternalAddressError, RunDeadline

__all__ = ["LIST_PAGE_HINT", "MAX_WORKERS", "Progress", "classify", "load_urls"]

log = logging.getLogger(__name__)

MAX_WORKERS = 8  # threads fetching URLs or feed entries; the per-host limit still applies
# What to give instead of a section front or an index page (`extract.ListPageError`), said
# after the reason when the user named such a page.
LIST_PAGE_HINT = "give an article's address, or the site's feed"

Progress = Callable[[int, int], None]
_T = TypeVar("_T")
_R = TypeVar("_R")

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/rss",
    "application/x-rss+xml",
}
# Types that say little: decide by the body.
_VAGUE_TYPES = {
    "",
    "text/xml",
    "application/xml",
    "text/plain",
    "application/octet-stream",
    "binary/octet-stream",
}
# Skip the XML declaration, processing instructions, comments and a doctype to the first tag.
_PROLOG = re.compile(rb"(\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_FIRST_TAG = re.compile(rb"<([A-Za-z][\w:.-]*)")


def _first_tag(body: bytes) -> tuple[str, bool]:
    """(the first element's lower-cased name, whether an HTML doctype precedes it)."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    doctype_html = bool(re.search(rb"<!doctype\s+html", head[:1024], re.IGNORECASE))
    pos = 0
    while m := _PROLOG.match(head, pos):
        pos = m.end()
    tag = _FIRST_TAG.match(head, pos)
    return (tag.group(1).decode("ascii").lower() if tag else "", doctype_html)


def classify(response: Response) -> Literal["page", "feed"]:
    """Whether a response is an article page or a feed; FetchError if it is neither."""
    ctype = response.content_type
    tag, doctype_html = _first_tag(response.body)
    looks_feed = tag in {"rss", "feed", "rdf:rdf", "rdf"}
    looks_html = doctype_html or tag in {"html", "head", "body", "meta", "title"}
    if ctype in _FEED_TYPES:
        return "page" if looks_html and not looks_feed else "feed"
    if ctype in _HTML_TYPES:
        return "feed" if looks_feed else "page"
    if ctype in _VAGUE_TYPES:
        if looks_feed:
            return "feed"
        if looks_html:
            return "page"
    shown = ctype or "none given"
    raise FetchError(response.url, f"not an article or feed: content type {shown}")


def _reason(exc: InputError) -> str:
    """The one-line reason without the source prefix (Skipped names its source)."""
    return str(getattr(exc, "reason", exc))


def _page_document(response: Response, *, source: str) -> Document:
    text, warnings = decode(response.body, source, charset=response.charset, html=True)
    doc = html_to_document(text, source=source, url=response.url)
    return replace(doc, warnings=warnings + doc.warnings)


def _headline(doc: Document) -> str | None:
    """The page's own headline, as trafilatura reads it (JSON-LD, og:title, the page's one
    <h1>, its <title> less the site's name), which the feed entry's title gives way to: a
    feed's title may be shortened or rewritten, and the article is the page. None where the
    page gives none, or only the site's own name (a logo in its one <h1>): then the feed's."""
    if doc.title and doc.site and doc.title.casefold() == doc.site.casefold():
        return None
    return doc.title


def _titled(reason: str, entry: Entry) -> str:
    """Why an entry's page was not read, with the headline the feed gives it: a reader told
    only "HTTP 404 Not Found" for an address cannot tell which report is missing."""
    return f"{reason} (feed entry {entry.title!r})" if entry.title else reason


def _entry_document(
    fetcher: Fetcher, entry: Entry, *, site: str | None, since: dt.date | None
) -> Document | Skipped | None:
    """The entry's page as a Document, a Skipped with the reason, or None when the page's
    own date shows it is older than `since` (the feed gave no date, or one that cannot be read):
    said in a line, as the entries the feed dates before `since` are."""
    if not entry.link:
        doc = (
            content_document(entry, site=site, why="entry has no link", since=since)
            if entry.content
            else None
        )
        return doc or Skipped(entry.name, "feed entry has no link")
    try:
        response = fetcher.get(entry.link, from_content=True)
        if classify(response) != "page":
            raise FetchError(entry.link, "links to a feed, not an article page")
        doc = _page_document(response, source=entry.link)
    except InternalAddressError as exc:
        # No fallback to the feed's copy: the refusal must show, and exit with 3.
        return Skipped(entry.link, exc.reason)
    except InputError as exc:
        reason = _reason(exc)
        fallback = content_document(entry, site=site, why=f"page not used ({reason})", since=since)
        return fallback or Skipped(entry.link, _titled(reason, entry))
    published = entry.published.isoformat() if entry.published else doc.published
    warnings = doc.warnings
    if since is not None and entry.published is None:
        if doc.published and dt.date.fromisoformat(doc.published[:10]) < since:
            # The feed gave a date that cannot be read: leaving the entry out by another's is a
            # warning, not a note.
            level, feed_date = (
                (logging.INFO, "")
                if entry.unread_date is None
                else (logging.WARNING, f" (feed date {entry.unread_date!r} cannot be read)")
            )
            log.log(
                level,
                "left out %s: its page is dated %s, before %s%s",
                entry.link,
                doc.published[:10],
                since,
                feed_date,
            )
            return None
        if not doc.published and entry.unread_date is None:
            warnings += (f"{entry.link}: publication date unknown; kept despite --since (since= in Python)",)
    unread = date_warning(entry, page_date=doc.published, since=since)
    if unread:
        warnings += (unread,)
    return replace(
        doc,
        title=_headline(doc) or entry.title,
        published=published,
        site=entry.site or doc.site or site,
        warnings=warnings,
    )


class _Tally:
    """Counts finished fetches for a `Progress` callback, from any thread, one call at a time.

    A feed adds its entries before it counts itself done, so `done == total` only at the end.
    """

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._done = 0
        self._total = total
        self._lock = threading.Lock()

    def add(self, count: int) -> None:
        with self._lock:
            self._total += count

    def finished(self) -> None:
        with self._lock:
            self._done += 1
            if self._progress is not None:
                self._progress(self._done, self._total)


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:
        return ""


def _parallel(items: Sequence[_T], work: Callable[[_T], _R], *, host: Callable[[_T], str]) -> list[_R]:
    """`work` on every item in threads, results in input order.

    Items are started round-robin across hosts, so a worker thread waiting for one of a busy
    host's PER_HOST slots does not hold up the other hosts' items queued behind it.
    """
    if not items:
        return []
    queues: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        queues.setdefault(host(item), []).append(i)
    order: list[int] = []
    while queues:
        for name in list(queues):
            order.append(queues[name].pop(0))
            if not queues[name]:
                del queues[name]
    results: dict[int, _R] = {}
    pool = ThreadPoolExecutor(max_workers=min(MAX_WORKERS, len(items)), thread_name_prefix="fetch")
    try:
        futures = {i: pool.submit(work, items[i]) for i in order}
        for i in range(len(items)):
            results[i] = futures[i].result()
    except BaseException:
        # Ctrl-C: drop what has not started rather than fetching everything first.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return [results[i] for i in range(len(items))]


def _load_feed(
    fetcher: Fetcher,
    response: Response,
    *,
    source: str,
    limit: int | None,
    since: dt.date | None,
    tally: _Tally,
) -> tuple[list[Document], list[Skipped]]:
    feed = read_feed(response, source=source, limit=limit, since=since)
    if isinstance(feed, Skipped):
        return [], [feed]
    site, chosen = feed.site, feed.entries
    tally.add(len(chosen))

    def one(entry: Entry) -> Document | Skipped | None:
        try:
            if fetcher.run.passed():  # the feed's own copy, else counted below, not fetched
                why = "the fetching deadline passed"
                return content_document(entry, site=site, why=why, since=since) or _LATE
            return _entry_document(fetcher, entry, site=site, since=since)
        finally:
            tally.finished()

    results = _parallel(chosen, one, host=lambda e: _host(e.link))
    docs = [r for r in results if isinstance(r, Document)]
    skipped = [r for r in results if isinstance(r, Skipped) and r is not _LATE]
    late = sum(r is _LATE for r in results)
    if late:
        # One line for the lot: a feed of 30,000 entries must not print 30,000.
        entries = plural(late, "feed entry", "feed entries")
        skipped.append(Skipped(source, f"{entries} {fetcher.run.reason}; or use --limit (limit= in Python)"))
    if chosen:
        # "3 of 3 feed entries read" hid the 22 that --limit 3 left: say how many the feed lists.
        listed = f", of {feed.listed} listed" if feed.listed > len(chosen) else ""
        log.info(
            "%s: %d of %s read%s",
            source,
            len(docs),
            plural(len(chosen), "feed entry", "feed entries"),
            listed,
        )
    return docs, skipped


_LATE = Skipped("", "")  # a feed entry left when the run's fetching deadline passed


def _load_one(
    url: str,
    *,
    limit: int | None,
    since: dt.date | None,
    fetcher_for: Callable[[str], Fetcher],
    tally: _Tally,
) -> tuple[list[Document], list[Skipped]]:
    try:
        # The user named this URL: its own host is trusted, even on the local network.
        with fetcher_for(_host(url)) as fetcher:
            response = fetcher.get(url)
            if classify(response) == "page":
                doc = _page_document(response, source=url)
                if since is not None:
                    # Named, so kept; but never silently unfiltered (a reader's check).
                    note = (
                        f"{url}: an article page, kept: --since (since= in Python) filters feed entries only"
                    )
                    doc = replace(doc, warnings=(*doc.warnings, note))
                return [doc], []
            return _load_feed(fetcher, response, source=url, limit=limit, since=since, tally=tally)
    except ListPageError as exc:
        return [], [Skipped(url, f"{exc.reason} ({LIST_PAGE_HINT})")]
    except InputError as exc:
        return [], [Skipped(url, _reason(exc))]
    finally:
        tally.finished()


def load_urls(
    urls: Iterable[str],
    *,
    limit: int | None = None,
    since: dt.date | None = None,
    timeout: float | None = None,
    allow_private_network: bool = False,
    contact: str = "",
    progress: Progress | None = None,
    deadline: float | None = DEFAULT_DEADLINE_S,
) -> dict[str, tuple[list[Document], list[Skipped]]]:
    """Fetch article pages and RSS/Atom feeds into Documents; each URL's result by URL.

    For a feed, entries are taken newest first; `since` keeps those published on or after
    that day (in the publisher's time zone), `limit` keeps the first N. Neither applies to a
    single article page. `timeout` is the connect timeout in seconds (None: default 10);
    each request must be done within twice that. Feed entries and redirects that lead to an
    internal address on another host are refused unless `allow_private_network`; `contact`
    goes into the User-Agent. URLs are fetched in parallel across hosts, never more than
    `fetch_limits.PER_HOST` requests at once to one host; `progress(done, total)` counts URLs and
    feed entries (a feed adds its entries when read). A URL or feed entry that fails comes
    back as a Skipped with its reason; only a bad argument raises (ConfigError). All fetching
    ends within `deadline` seconds (default 300): entries not fetched by then are named as
    skipped (or read from the feed's own copy of the article, when it has one).
    """
    if isinstance(since, dt.datetime):
        since = since.date()
    if limit is not None and limit < 1:
        raise ConfigError(f"limit must be at least 1, not {limit}")
    run = RunDeadline.start(deadline)

    def fetcher_for(trusted_host: str | None) -> Fetcher:
        return Fetcher(
            timeout=timeout,
            trusted_host=trusted_host,
            allow_private_network=allow_private_network,
            contact=contact,
            run=run,
        )

    fetcher_for(None).close()  # a bad setting raises here, before anything is fetched
    pages = {url: page_url(url) for url in urls}
    unique = list(dict.fromkeys(pages.values()))
    tally = _Tally(progress, len(unique))

    def one(url: str) -> tuple[list[Document], list[Skipped]]:
        return _load_one(url, limit=limit, since=since, fetcher_for=fetcher_for, tally=tally)

    done = dict(zip(unique, _parallel(unique, one, host=_host), strict=True))
    return {url: done[page] for url, page in pages.items()}
