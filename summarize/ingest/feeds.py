"""What a feed says: its entries, their dates, which of them to read, and its own copies.

An RSS or Atom feed (already fetched) is parsed with feedparser; each entry's title, link,
date as the publisher wrote it, full HTML content and aggregated source are kept (`Entry`); a
date written but unreadable is kept as written, for the line that names it (`date_warning`).
The entries to read are chosen newest first, each page once, `since` and `limit` applied
(`read_feed`). When an entry's page cannot be used, the feed's own copy of the article can
stand in (`content_document`). Nothing here fetches: `web` fetches the feed and its entries'
pages.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import io
import logging
import re
from dataclasses import dataclass
from typing import Any

from ..values import Document, Skipped, page_url, plural
from .dates import publisher_day
from .extract import MIN_PARAGRAPH_WORDS, fragment_text
from .fetch import Response

__all__ = ["Entry", "Feed", "content_document", "date_warning", "read_feed"]

# The name of the module this came from (web), so what it logs reads as before.
log = logging.getLogger("summarize.ingest.web")

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a feed says about one entry."""

    feed: str  # the feed's URL, to name an entry that has no link
    number: int  # 1-based position in the feed
    title: str | None
    link: str | None
    published: dt.datetime | None  # as written: the publisher's own offset, or naive
    content: str | None  # full HTML text (content:encoded, atom:content), not the summary
    site: str | None  # <source> of an aggregated entry
    unread_date: str | None = None  # a date the feed gives that cannot be read, as written

    @property
    def name(self) -> str:
        if self.link:
            return self.link
        return f"{self.feed} entry {self.number}" + (f" ({self.title!r})" if self.title else "")


# Indonesian feeds sometimes name the zone rather than give an offset.
_ZONES = {"WIB": "+0700", "WITA": "+0800", "WIT": "+0900"}
_ZONE_NAME = re.compile(r"\b(WIB|WITA|WIT)\s*$")


def _parse_date(raw: str | None, parsed: Any) -> dt.datetime | None:
    """The entry's date as written (RFC 822 or ISO 8601, with its own UTC offset, or naive
    when it gives none), else feedparser's normalized UTC time."""
    if raw:
        raw = _ZONE_NAME.sub(lambda m: _ZONES[m.group(1)], raw.strip())
        for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
            try:
                return parse(raw)
            except (TypeError, ValueError, IndexError):
                continue
    if parsed:
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    return None


# An unreadable date is shown up to this many characters: a feed may put anything there.
SHOWN_DATE_CHARS = 60


def _shown(raw: str) -> str:
    raw = " ".join(raw.split())
    return raw if len(raw) <= SHOWN_DATE_CHARS else raw[: SHOWN_DATE_CHARS - 1] + "…"


def date_warning(entry: Entry, *, page_date: str | None, since: dt.date | None) -> str | None:
    """The line that names an entry whose date the feed writes but that cannot be read, and
    says what stands in: its page's date (`page_date`, ISO), else none; under `since`, that the
    entry is kept (its page's date is on or after that day, or there is none). None when the
    feed's date was read, or it gives none.

    Such an entry was undated without a word: under --since it was judged by its page's date
    alone, and with no date there kept with a note that did not say the feed had given one."""
    if entry.unread_date is None:
        return None
    line = f"{entry.name}: feed date {entry.unread_date!r} cannot be read"
    if page_date:
        line += f"; its page's date ({page_date[:10]}) is used"
        return line + ("; kept under --since (since= in Python) by that date" if since else "")
    line += "; publication date unknown"
    return line + ("; kept despite --since (since= in Python)" if since else "")


def _sort_key(entry: Entry) -> dt.datetime:
    when = entry.published or _EPOCH
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)  # naive: best guess for order


def _entries(parsed: Any, feed: str) -> list[Entry]:
    entries = []
    for number, raw in enumerate(parsed.entries, start=1):
        content = next(
            (
                c.get("value")
                for c in raw.get("content") or []
                if c.get("value") and "html" in (c.get("type") or "text/html")
            ),
            None,
        )
        source = raw.get("source") or {}
        # The publication date, else the last update's (Atom's <updated>, RSS's dc:date). Read
        # as stored (`dict.get`): feedparser's own `get` answers a missing "updated" with
        # "published", and a DeprecationWarning.
        dates = [(dict.get(raw, k), dict.get(raw, f"{k}_parsed")) for k in ("published", "updated")]
        published = next((d for d in (_parse_date(*date) for date in dates) if d), None)
        written = next((w for w, _ in dates if w), None)
        entries.append(
            Entry(
                feed=feed,
                number=number,
                title=" ".join(raw["title"].split()) if raw.get("title") else None,
                link=page_url(raw.get("link") or "") or None,
                published=published,
                content=content,
                site=source.get("title") or None,
                unread_date=_shown(written) if written and published is None else None,
            )
        )
    return entries


def _select(entries: list[Entry], *, limit: int | None, since: dt.date | None) -> list[Entry]:
    """Newest first (undated entries last, in feed order), `since` applied, at most `limit`."""
    seen: set[str] = set()
    unique = []
    for e in entries:  # feeds repeat an item now and then; one article, one Document
        if e.link is None or e.link not in seen:
            unique.append(e)
            seen.add(e.link or "")
    if len(unique) < len(entries):
        repeats = plural(len(entries) - len(unique), "feed entry", "feed entries")
        log.info("%s: %s linked a page listed before; each page is read once", entries[0].feed, repeats)
    entries = unique
    dated = [e for e in entries if e.published is not None]
    dated.sort(key=_sort_key, reverse=True)
    undated = [e for e in entries if e.published is None]
    if since is not None:
        # The publisher's calendar day: 01:00 WIB on the 2nd is the 2nd, not the 1st (UTC).
        kept = [e for e in dated if e.published and publisher_day(e.published) >= since]
        if len(kept) < len(dated):
            early = plural(len(dated) - len(kept), "feed entry", "feed entries")
            # Named by its feed: three feeds' lines read alike ("10 feed entries published ...").
            log.info("%s: %s published before %s left out", dated[0].feed, early, since)
        dated = kept
    chosen = dated + undated
    return chosen[:limit] if limit is not None else chosen


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed's title (the site, for entries that name none), the entries chosen to read, and
    how many it lists (before `since` and `limit`)."""

    site: str | None
    entries: list[Entry]
    listed: int = 0


def read_feed(response: Response, *, source: str, limit: int | None, since: dt.date | None) -> Feed | Skipped:
    """The feed in `response`: its title and its entries, newest first, `since` and `limit`
    applied (see `_select`); a Skipped when it holds no entry."""
    import feedparser

    # A file object, never a str: given a str that looks like a URL, feedparser fetches it.
    parsed = feedparser.parse(
        io.BytesIO(response.body),
        response_headers={
            "content-type": response.headers.get("content-type", "application/xml"),
            "content-location": response.url,  # the base for relative entry links
        },
    )
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = (str(parsed.get("bozo_exception", "")).splitlines() or ["unreadable"])[0]
            problem = re.sub(r"^<unknown>:(\d+):\d+:\s*", r"line \1: ", problem)
            return Skipped(source, f"not a valid RSS or Atom feed ({problem})")
        return Skipped(source, "feed has no entries")
    if parsed.get("bozo"):
        log.warning("%s: feed is not well-formed; reading the entries found", source)
    site = " ".join(parsed.feed.get("title", "").split()) or None
    entries = _entries(parsed, source)
    return Feed(site, _select(entries, limit=limit, since=since), listed=len(entries))


def content_document(
    entry: Entry, *, site: str | None, why: str, since: dt.date | None = None
) -> Document | None:
    """A Document from the entry's full content, or None if it holds no real paragraph.
    `since` only words the line on an unreadable date (`date_warning`): the entry was chosen."""
    text = fragment_text(entry.content or "")
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in text.split("\n\n")):
        return None
    source = entry.link or entry.name
    unread = date_warning(entry, page_date=None, since=since)
    return Document(
        source=source,
        text=text,
        title=entry.title,
        url=entry.link,
        published=entry.published.isoformat() if entry.published else None,
        site=entry.site or site,
        warnings=(f"{source}: {why}; text taken from the feed's own copy of the article",)
        + ((unread,) if unread else ()),
    )
