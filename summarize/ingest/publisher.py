"""Who published an article: the page's site name or host, else its dateline, else its folder.

Counts of sources mean independent publishers (`summarize.grouping.copies`), so every
article gets the best name its source offers:

1. the site name a page or feed gives, or the host of its URL (`www.` dropped);
2. the outlet its dateline names: "Jakarta, CNN Indonesia --" (or "- -"), "TRIBUNNEWS.COM -",
   "Jakarta (ANTARA) -", "Liputan6.com, Washington -";
3. the name of the folder the file sits in (news saved per outlet: `kompas/a.txt`).

None when there is none of these (stdin, a bare file name in the current folder).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..values import Article

__all__ = ["FOLDER", "dateline_outlet", "host_name", "publisher_evidence", "publisher_key", "publisher_of"]

# The evidence that names only the file's folder: readers are told it is not a named outlet.
FOLDER = "folder"

# What marks a dateline's part as the outlet rather than the place: a domain, a word outlets
# put in their names, a name in parentheses, or capitals ("ANTARA", "TRIBUNNEWS.COM").
_OUTLET = re.compile(
    r"\.(?:com|co\.id|id|net|org|tv)\b|\b(?:times|news|warta|post|pos|tv|media|online|antara|tempo"
    r"|kompas|detik|tribun\w*|okezone|republika|rimanews|cnn|kumparan|suara|merdeka|liputan\d*|sindo\w*)\b",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\(\s*([^()]+?)\s*\)")


def dateline_outlet(dateline: str) -> str | None:
    """The outlet a dateline names ("Jakarta, IDN Times -" -> "IDN Times"), or None."""
    text = dateline.rstrip().rstrip("-–— ").strip()  # "--", "-" or IndoSum's spaced "- -"
    inner = _PARENS.search(text)
    if inner:  # "Jakarta (ANTARA)"
        return inner.group(1)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    marked = [p for p in parts if _OUTLET.search(p)]
    if marked:
        return marked[0]
    if len(parts) == 2:  # "City, Outlet" is the common order
        return parts[1]
    if len(parts) == 1 and len(parts[0]) > 3 and parts[0].isupper() and "." in parts[0]:
        return parts[0]
    return None


def host_name(url: str | None) -> str | None:
    """`news.example.id` for `https://www.news.example.id/a`, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def publisher_of(*, site: str | None, url: str | None, dateline: str | None, source: str) -> str | None:
    """The publisher's name, from the best evidence there is (see the module docstring)."""
    return publisher_evidence(site=site, url=url, dateline=dateline, source=source)[0]


def publisher_evidence(
    *, site: str | None, url: str | None, dateline: str | None, source: str
) -> tuple[str | None, str | None]:
    """The publisher's name and what named it: "site", "host", "dateline" or `FOLDER`
    (`(None, None)` when nothing does)."""
    for name, evidence in (
        ((site or "").strip(), "site"),
        (host_name(url), "host"),
        (dateline_outlet(dateline) if dateline else None, "dateline"),
    ):
        if name:
            return name, evidence
    if source == "-" or "://" in source:
        return None, None
    folder = PurePath(source).parent.name
    return (folder, FOLDER) if folder else (None, None)


# The last labels of a host that name no outlet: "news.detik.com" is detik's, "bisnis.tempo.co"
# Tempo's, "kompas.id" Kompas's.
_SUFFIXES = frozenset({"com", "co", "id", "net", "org", "tv", "go", "or", "ac", "my", "web"})


def publisher_key(article: Article) -> str:
    """Who published `article`, as compared for counting: "TRIBUNNEWS.COM", "tribunnews.com"
    and "www.tribunnews.com" are one; so are a site's name with "news" and its dateline's without
    ("poskotanews.com" and "Pos Kota", "antaranews.com" and "ANTARA"), a host and its outlet's
    subdomains ("news.detik.com", "detik.com", "detikcom"; "Tempo.co", "bisnis.tempo.co",
    "Tempo"): one outlet that would otherwise count as two. An article with no known publisher
    is its own (and `grouping.copies.publishers` does not count it)."""
    name = (article.publisher or "").strip().lower()
    if "." in name and " " not in name:  # a host: its outlet's label, before the suffixes
        labels = [label for label in name.split(".") if label]
        while len(labels) > 1 and labels[-1] in _SUFFIXES:
            labels.pop()
        name = labels[-1] if labels else ""
    key = re.sub(r"[^0-9a-z]+", "", name)
    key = re.sub(r"(?<=[a-z]{3})(?:com|news)$", "", key)  # "detikcom", "poskotanews"
    return key or f"article:{article.id}"
