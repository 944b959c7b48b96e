"""Reading sources into articles: files, folders, stdin and URLs.

Each source becomes a `Document` (decoded text plus metadata), then an `Article`
(cleaned, segmented). A source that cannot be used becomes a `Skipped` with a one-line
reason; it never stops the others.

Here: `load_articles`, the stage's entry: the sources checked, each file or page read once
(a repeat is noted), local files read over processes when there are many, and the articles
(numbered in input order), skips and warnings collected into `Loaded`. Its parts:
- `ingest.files`: files, folders and stdin into Documents (`read_document`, `expand`, `is_url`);
- `ingest.article`: a Document or a string into an Article (`make_article`, `article_from_text`);
- `ingest.web`: URLs and feeds into Documents, fetched in parallel (`ingest.fetch`, under
  `ingest.fetch_limits`, over `ingest.connection`), a feed's entries read and chosen
  (`ingest.feeds`), pages to their main text (`ingest.extract`);
- `ingest.decoding`, `ingest.dates`, `ingest.publisher`: bytes to text, the date an article
  states, who published it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ConfigError, InputError, check_count
from ..lang.terms import content_terms
from ..parallel import process_map, processes_for
from ..values import Article, Document, Loaded, Skipped, page_url
from .article import article_and_warnings
from .files import expand, is_url, read_document

__all__ = ["load_articles"]


@dataclass(frozen=True, slots=True)
class _File:
    """A local file (or "-", stdin) still to be read."""

    path: str


@dataclass(frozen=True, slots=True)
class _Read:
    """What reading one input gave: its article (numbered later) or why it was skipped, and
    the warnings and notes that reading it raised, in the order they arose."""

    article: Article | None = None
    skipped: Skipped | None = None
    warnings: tuple[str, ...] = ()


def _documents(
    sources: Iterable[str],
    *,
    fetched: Mapping[str, tuple[list[Document], list[Skipped]]],
    notes: list[str],
) -> Iterator[Document | Skipped | _File]:
    """Every document, skip and file to read, each input once: a file named twice (`a.txt` and
    `./a.txt`, or a folder and a file in it) or a page reached twice (by URLs that differ only
    by their fragment, by a feed and by name, or by redirects) is read once, with a note."""
    first: dict[str, str] = {}

    def again(key: str, name: str) -> bool:
        if key not in first:
            first[key] = name
            return False
        notes.append(f"{name}: the same {key.split(':', 1)[0]} as {first[key]}; read once")
        return True

    for source in sources:
        try:
            expanded = list(expand(source))
        except InputError as exc:
            yield Skipped(source, str(exc))
            continue
        for item in expanded:
            if isinstance(item, Skipped):
                yield item
            elif is_url(item):
                docs, skipped = fetched[item]  # fetched in parallel by load_articles
                for d in docs:  # a page named by the user is named as given, "#fragment" and all
                    name = item if page_url(item) == page_url(d.source) else d.source
                    if not again(f"page:{page_url(d.url or d.source)}", name):
                        yield d
                yield from skipped
            elif item == "-" or not again(f"file:{os.path.normcase(os.path.abspath(item))}", item):
                yield _File(item)  # read by load_articles, in parallel when many


# Below this many files a pool of processes costs more to start than it saves (each of
# its processes gets at least half of this many).
PARALLEL_FILES = 200


def _from_document(doc: Document) -> _Read:
    """Clean and segment one document (its article is numbered by `load_articles`)."""
    try:
        article, notes = article_and_warnings(doc, "")
    except InputError as exc:
        return _Read(skipped=Skipped(doc.source, str(exc)), warnings=doc.warnings)
    return _Read(article=article, warnings=(*doc.warnings, *notes))


def _load_file(path: str) -> _Read:
    """Read and make one file's article. Top-level, so a process pool can run it (spawn
    pickles it by name)."""
    try:
        doc = read_document(path)
    except InputError as exc:
        return _Read(skipped=Skipped(path, str(exc)))
    return _from_document(doc)


def _read_files(
    paths: Sequence[str], workers: int | None, progress: Callable[[int, int], None] | None
) -> Iterator[_Read]:
    """`_load_file` of each path, in order; `progress(done, total)` every 1% and at the end,
    for `PARALLEL_FILES` files or more (fewer are quick enough without).

    Reading, cleaning and segmenting are independent per file and pure Python, so a big
    folder is spread over processes (`summarize.parallel`); results come back in input order.
    """
    count = processes_for(len(paths), PARALLEL_FILES // 2, workers)  # decided once: the load may move
    pooled = count > 1
    step = max(1, len(paths) // 100)
    if len(paths) < PARALLEL_FILES:
        progress = None
    reads = process_map(_load_file, paths, per_worker=PARALLEL_FILES // 2, workers=count)
    for done, read in enumerate(reads, 1):
        if pooled and read.article is not None:
            # This process would only wait for the pool: it works out each sentence's
            # content terms meanwhile, which every later stage reads (and caches).
            for text in (read.article.title, *(s.text for s in read.article.sentences)):
                content_terms(text)
        if progress is not None and (done % step == 0 or done == len(paths)):
            progress(done, len(paths))
        yield read


def _read_all(
    items: Sequence[Document | Skipped | _File],
    workers: int | None,
    progress: Callable[[int, int], None] | None,
) -> Iterator[_Read]:
    """Each item read, in input order: local files over up to `workers` processes, stdin
    here, fetched documents made here."""
    files = _read_files([x.path for x in items if isinstance(x, _File) and x.path != "-"], workers, progress)
    for item in items:
        if isinstance(item, Skipped):
            yield _Read(skipped=item)
        elif isinstance(item, Document):
            yield _from_document(item)
        else:
            yield _load_file(item.path) if item.path == "-" else next(files)


def _collect(reads: Iterable[_Read], warnings: list[str]) -> Loaded:
    """The articles, numbered "1", "2", ... in input order once the skips before each are
    known; the skips; `warnings` and then every read's warnings."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for read in reads:
        warnings.extend(read.warnings)
        if read.article is not None:
            articles.append(replace(read.article, id=str(len(articles) + 1)))
        elif read.skipped is not None:
            skipped.append(read.skipped)
    return Loaded(articles=tuple(articles), skipped=tuple(skipped), warnings=tuple(warnings))


def _source_names(sources: Iterable[str | Path]) -> list[str]:
    """Each source as a str; ConfigError when `sources` is not a list of paths or URLs.

    A lone path is refused rather than read as a sequence: a str is a sequence of one-letter
    names, and "/" among them would read the whole disk.
    """
    if isinstance(sources, str | bytes | os.PathLike):
        raise ConfigError(
            f"load_articles() takes a list of sources, not one {type(sources).__name__}: "
            f"pass [{str(sources)!r}]"
        )
    if not isinstance(sources, Iterable):
        raise ConfigError(f"load_articles() takes a list of paths or URLs, not {type(sources).__name__}")
    names = []
    for k, source in enumerate(sources):
        if not isinstance(source, str | os.PathLike) or isinstance(source, bytes):
            raise ConfigError(
                f"load_articles(): source {k} is a {type(source).__name__}, not a path or URL (str)"
            )
        name = os.fspath(source)
        if _article_text(name):
            raise ConfigError(
                f"load_articles(): source {k} is article text ({len(name):,} characters), not a path "
                "or URL: make it an Article with article_from_text(text)"
            )
        names.append(name)
    return names


def _article_text(name: str) -> bool:
    """Whether a source reads as an article's text rather than a name: a line break, or more
    than a file name's 255 characters with spaces, and no such file (a library user passed
    three articles' text and got three "cannot read (File name too long)" skips)."""
    return ("\n" in name or (len(name) > 255 and " " in name)) and not os.path.lexists(name)


def load_articles(
    sources: Iterable[str | Path],
    *,
    limit: int | None = None,
    since: dt.date | None = None,
    timeout: float | None = None,
    allow_private_network: bool = False,
    contact: str = "",
    progress: Callable[[int, int], None] | None = None,
    read_progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    deadline: float | None = None,
) -> Loaded:
    """Read every source into cleaned, segmented articles; collect what had to be skipped.

    Sources are files, folders (read recursively: .txt, .md, .html), `-` for stdin, or
    http(s) URLs of article pages or RSS/Atom feeds (`limit` and `since` apply to feeds).
    URLs are fetched in parallel across hosts (`timeout`: seconds to connect, default 10;
    `contact`: sent in the User-Agent); `progress(done, total)` is called as each URL
    or feed entry finishes. Feed entries and redirects that lead to an internal address are
    refused unless `allow_private_network`. All fetching ends within `deadline` seconds (default
    300); what was not fetched by then is named as skipped. Articles are numbered "1", "2", ...
    in input order.
    `read_progress(done, total)` follows the reading of local files, when there are
    `PARALLEL_FILES` or more (every 1% and at the end), over up to `workers` processes
    (None: every core). Each file or page is read once (a warning names a repeat); `sources`
    must be a list, not one path (ConfigError). No setting is read from the environment or
    the config file: the CLI resolves them and passes them here.
    """
    names = _source_names(sources)
    check_count("limit", limit, allow_none=True)
    urls = [s for s in names if is_url(s)]
    fetched: Mapping[str, tuple[list[Document], list[Skipped]]] = {}
    if urls:
        from .web import load_urls

        fetched = load_urls(
            urls,
            limit=limit,
            since=since,
            timeout=timeout,
            allow_private_network=allow_private_network,
            contact=contact,
            progress=progress,
            deadline=deadline,
        )
    warnings: list[str] = []  # the repeats `_documents` notes come first
    items = list(_documents(names, fetched=fetched, notes=warnings))
    return _collect(_read_all(items, workers, read_progress), warnings)
