"""Is an article page ever refused as a page of links? Measured on pages built from news rows.

A page whose extracted text is mostly links' text is refused as a list of headlines, not an
article (`summarize.ingest.extract.link_share`, `ListPageError`). This builds, from the rows
of a news CSV (columns judul = title, tanggal = date M/D/YYYY HH:MM, isi_berita = body, as
detik.com's), article pages as a news site serves them: a menu, a breadcrumb, the headline, a
byline and a date, the body's paragraphs with up to four "Baca juga:" links between them, tag
links, a
related-article list inside the <article> (every other page) or beside it, a "Terpopuler"
list and a footer of links; and section fronts of 20 of the rows' headlines in five layouts
(list items, one <article> per headline, plain <div>s, a "2 jam lalu" stamp after each, a
teaser sentence under each). Each page is served on 127.0.0.1 and read by URL, as a user's
would be; the text of the rows stays in memory, nothing is written.

    python scripts/eval_list_pages.py --data data_berita.csv [--rows 500] [--show 5]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import threading
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import describe

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summarize.errors import InputError  # noqa: E402
from summarize.ingest.extract import (  # noqa: E402
    LIST_LINK_SHARE,
    LIST_MIN_LINKS,
    LinkShare,
    ListPageError,
    html_to_document,
    link_share,
)
from summarize.ingest.web import load_urls  # noqa: E402

MENU = [
    "detikNews", "detikFinance", "detikHot", "detikInet", "detikSport", "detikOto",
    "detikTravel", "detikFood", "detikHealth", "Wolipop", "detikEdu", "20Detik",
]  # fmt: skip
FOOTER = ["Redaksi", "Pedoman Media Siber", "Karir", "Kotak Pos", "Info Iklan", "Privacy Policy"]
LAYOUTS = ("li", "article", "div", "stamp", "teaser")
PER_FRONT = 20  # headlines on a section front
FRONTS_PER_LAYOUT = 5
SEED = 21
# A "Baca juga:" link after these paragraphs (0-based), as many as the body has: more than
# detik.com sets (one or two), so that a short article meets as many links as any.
READ_ALSO_AFTER = (1, 3, 5, 7)


def _links(names: list[str], prefix: str) -> str:
    return " ".join(f"<a href='/{prefix}/{k}'>{escape(n)}</a>" for k, n in enumerate(names))


def _listed(rows: list[dict[str, str]], tag: str = "ul") -> str:
    items = "".join(f"<li><a href='/berita/{r['id']}'>{escape(r['judul'])}</a></li>" for r in rows)
    return f"<{tag}>{items}</{tag}>"


def article_page(row: dict[str, str], others: list[dict[str, str]], related_inside: bool) -> str:
    """A news site's article page around one row: furniture in and around the <article>."""
    paragraphs = [p.strip() for p in row["isi_berita"].split("\n") if p.strip()]
    body = []
    for k, p in enumerate(paragraphs):
        body.append(f"<p>{escape(p)}</p>")
        if k in READ_ALSO_AFTER:
            other = others[READ_ALSO_AFTER.index(k)]
            body.append(
                f"<p><strong>Baca juga:</strong> <a href='/berita/{other['id']}'>{escape(other['judul'])}</a></p>"
            )
    related = f"<h2>Berita Terkait</h2>{_listed(others[4:9])}"
    tags = _links(row["judul"].split()[:4], "tag")
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>{escape(row['judul'])} - detikNews</title>"
        f"<meta property='og:title' content='{escape(row['judul'])}'>"
        "<meta property='og:site_name' content='detikcom'></head><body>"
        f"<header><nav>{_links(MENU, 'kanal')}</nav></header>"
        "<div class='breadcrumb'><a href='/'>Home</a> <a href='/berita'>Berita</a></div>"
        f"<article><h1>{escape(row['judul'])}</h1><div class='author'>Tim Redaksi - detikNews</div>"
        f"<div class='date'>{escape(row['tanggal'])} WIB</div><div class='body'>{''.join(body)}</div>"
        f"<div class='tags'>{tags}</div>{related if related_inside else ''}</article>"
        f"<aside>{'' if related_inside else related}<h2>Terpopuler</h2>{_listed(others[9:19], 'ol')}</aside>"
        f"<footer>{_links(FOOTER, 'info')}<p>Copyright @ 2025 detikcom. All right reserved</p></footer>"
        "</body></html>"
    )


def front_page(rows: list[dict[str, str]], layout: str) -> str:
    """A section front: the rows' headlines as links, in `layout`, with a menu and a footer."""
    items = []
    for r in rows:
        link = f"<a href='/berita/{r['id']}'>{escape(r['judul'])}</a>"
        if layout == "li":
            items.append(f"<li>{link}</li>")
        elif layout == "article":
            items.append(f"<article><h3>{link}</h3></article>")
        elif layout == "div":
            items.append(f"<div class='item'>{link}</div>")
        elif layout == "stamp":
            items.append(f"<li>{link}<span class='time'>2 jam lalu</span></li>")
        else:  # teaser: the body's first sentence under each headline
            first = r["isi_berita"].split(". ")[0].strip()
            items.append(f"<div class='item'><h3>{link}</h3><p>{escape(first)}.</p></div>")
    listed = f"<ul>{''.join(items)}</ul>" if layout in ("li", "stamp") else "".join(items)
    return (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Berita - detikNews</title></head>"
        f"<body><nav>{_links(MENU, 'kanal')}</nav><main><h1>Berita Terbaru</h1>{listed}"
        "<div class='paging'><a href='?page=2'>Selanjutnya</a></div></main>"
        f"<footer>{_links(FOOTER, 'info')}</footer></body></html>"
    )


class _Pages(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, bytes]


class _Handler(BaseHTTPRequestHandler):
    server: _Pages

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = self.server.pages.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


def _measure(html: str) -> LinkShare | None:
    """What `link_share` finds in the page (None when it is refused or holds no text)."""
    import lxml.html

    try:
        doc = html_to_document(html, source="page")
    except InputError:  # refused, or no text: the URL run says which
        return None
    anchors = [a.text_content() for a in lxml.html.fromstring(html).iter("a")]
    return link_share(doc.text.strip().split("\n\n"), anchors)


def _refusal(html: str) -> ListPageError | None:
    """The refusal of a page as a list of links, with what it found (None if not refused)."""
    try:
        html_to_document(html, source="page")
    except ListPageError as exc:
        return exc
    except InputError:
        pass
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the news CSV (judul, tanggal, isi_berita)")
    parser.add_argument("--rows", type=int, default=500, help="read its first N rows (default 500)")
    parser.add_argument("--show", type=int, default=5, help="print this many refusals of each kind")
    args = parser.parse_args()
    with args.data.open(encoding="utf-8", newline="") as f:
        rows = [r for _, r in zip(range(args.rows), csv.DictReader(f), strict=False)]
    rng = random.Random(SEED)
    pages: dict[str, bytes] = {}
    for k, row in enumerate(rows):
        others = rng.sample([r for r in rows if r is not row], 19)
        pages[f"/artikel/{k}"] = article_page(row, others, related_inside=k % 2 == 0).encode()
    for layout in LAYOUTS:
        for k in range(FRONTS_PER_LAYOUT):
            pages[f"/indeks/{layout}/{k}"] = front_page(rng.sample(rows, PER_FRONT), layout).encode()
    server = _Pages(("127.0.0.1", 0), _Handler)
    server.pages = pages
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        results = load_urls([base + path for path in pages], timeout=10, deadline=None)
    finally:
        server.shutdown()
    print(f"python scripts/eval_list_pages.py --rows {args.rows}  ({describe()})")
    for kind, prefix in (("article pages", "/artikel/"), ("section fronts", "/indeks/")):
        paths = [p for p in pages if p.startswith(prefix)]
        refused = [p for p in paths if any("not an article" in s.reason for s in results[base + p][1])]
        other = [p for p in paths if results[base + p][1] and p not in refused]
        found = [m for p in paths if p not in refused and (m := _measure(pages[p].decode())) is not None]
        print(
            f"{kind}: {len(paths)}, refused as a page of links: {len(refused)}, "
            f"skipped for another reason: {len(other)}, read: {len(paths) - len(refused) - len(other)}"
        )
        if found:
            many = [m for m in found if m.links >= LIST_MIN_LINKS]
            print(
                f"  of those read: links' share of the text at most {max(m.share for m in found):.2f} "
                f"(refused from {LIST_LINK_SHARE}); headlines at most {max(m.links for m in found)} "
                f"(refused from {LIST_MIN_LINKS} with as many paragraphs of prose or fewer)"
            )
            if many:
                fewest = min(m.prose for m in many)
                print(
                    f"  {len(many)} with {LIST_MIN_LINKS} headlines or more: {fewest} paragraphs of prose or more"
                )
        caught = [e for p in refused if (e := _refusal(pages[p].decode())) is not None]
        if caught:
            print(
                f"  of those refused: headlines at least {min(e.links for e in caught)}, "
                f"links' share of the text at least {min(e.share for e in caught):.2f}"
            )
        unexpected = refused if kind == "article pages" else [p for p in paths if p not in refused]
        for p in unexpected[: args.show]:
            print(f"  {p}: {results[base + p][1] or 'read'}")
        for p in other[: args.show]:
            print(f"  {p}: {results[base + p][1][0].reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
