"""HTML extraction, fetching and feeds, against a real HTTP server on 127.0.0.1.

The server serves pages built like Indonesian news sites (menus, cookie banners, ads,
"Baca Juga" blocks, captions, comment forms, footers), RSS and Atom feeds linking to them,
and endpoints that fail in every way a fetcher meets: 404, 503, 429, slow, oversized,
images, redirect loops and redirects to file: URLs.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.errors import ConfigError, InputError
from summarize.ingest import fetch as summarize_http
from summarize.ingest.decoding import decode
from summarize.ingest.extract import ListPageError, fragment_text, html_to_document
from summarize.ingest.fetch import Fetcher, Response
from summarize.ingest.fetch_limits import FetchError
from summarize.ingest.web import classify, load_urls
from summarize.values import Document, Skipped

FIXTURES = Path(__file__).parent / "webfixtures"


def load_url(url: str, **options: Any) -> tuple[list[Document], list[Skipped]]:
    """One URL's result: `load_urls` of that URL alone."""
    return load_urls([url], **options)[url]


TIMEOUT = 2.0  # generous: the machine is shared, and only the timeout tests should time out
SHORT = 0.25  # for the timeout tests: connect 0.25 s, a whole response 0.5 s

ARTICLE_SENTENCES = {
    "korut-senjata": [
        "Mark Milley, ketua Kepala Staf Gabungan Amerika Serikat (AS) mengatakan bantuan senjata Korea Utara",
        "Pyongyang diduga akan memasok perenjataan kepada Rusia guna melanjutkan perangnya di Ukraina.",
        '"Apakah akan ada perbedaan yang besar? Saya skeptis terhadap hal itu," kata Milley',
        "Itu tidak seperti yang diharapkan sebelumnya.",
    ],
    "korut-kontainer": [
        "Korea Utara telah mengirimkan lebih dari 1.000 kontainer peralatan militer dan amunisi ke Rusia",
        "Korea Utara sebelumnya membantah menyediakan persenjataan kepada Rusia.",
        "sekitar 73 gerbong",
    ],
    "intelijen-roket": [
        "Kementerian Pertahanan Rusia sedang berada dalam proses pembelian roket",
        "“Kami rasa pembelian Rusia itu bisa mencakup peluru, roket dan peluru artileri",
    ],
}

# Page furniture trafilatura must remove (rule-based lines such as "Baca Juga" are for summarize/clean/).
FURNITURE = [
    "Kami menggunakan cookie",  # cookie banner
    "Pengaturan Cookie",
    "Situs ini menggunakan cookie",
    "Cari berita",  # search box
    "Business",  # navigation menu
    "Otomotif",
    "Timur Tengah",
    "ADVERTISEMENT",
    "Advertisement",
    "gtag",  # scripts
    "googletag",
    "comscore",
    "localStorage",
    "Terancam Korut-China-Rusia",  # related articles
    "Harga Minyak Dunia Naik",
    "Resep Rendang Padang",  # recommendations
    "Jadwal Lengkap Timnas",  # sidebar "Terpopuler"
    "Alamat email Anda tidak akan dipublikasikan",  # comment forms
    "Tulis komentar",
    "Tinggalkan Balasan",
    "Pedoman Media Siber",  # footer
    "Copyright",
    "Hak cipta dilindungi",
    "Bagikan",  # share buttons
    "Share on Facebook",
    "Vladimir Smirnov/Sputnik",  # figure caption
]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


# --- the test server --------------------------------------------------------------------------


class _Everyone:
    """Requests in progress on all test servers together (to see hosts overlap)."""

    lock = threading.Lock()
    active = 0
    peak = 0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow endpoint may still be sleeping when the test ends

    def __init__(self, host: str = "127.0.0.1") -> None:
        super().__init__((host, 0), _Handler)
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.hits: Counter[str] = Counter()
            self.active: Counter[str] = Counter()
            self.peak: Counter[str] = Counter()
            self.agents: list[str] = []
            self.hosts: list[str] = []  # Host headers received

    @property
    def base(self) -> str:
        return f"http://{self.server_address[0]}:{self.server_address[1]}"


PAGES = {
    "/berita/korut-senjata": ("korut-senjata.html", "text/html; charset=utf-8"),
    "/berita/korut-kontainer": ("korut-kontainer.html", "text/html; charset=UTF-8"),
    "/berita/intelijen-roket": ("intelijen-roket.html", "text/html"),  # charset only in <meta>
    "/indeks": ("index.html", "text/html; charset=utf-8"),
}
# A section front: twenty headlines, each a link, with nav and footer furniture and no prose.
# Written in sentence case, as some outlets write them: the cleaning rules drop title-cased
# lines as headings, so these are the headlines that reached a digest as an article's sentences.
INDEX_HEADLINES = [
    "Pemkot Bekasi tetapkan status tanggap darurat banjir setelah ribuan rumah terendam sejak Senin",
    "Harga cabai rawit di pasar induk naik dua kali lipat, pedagang mengeluh pembeli makin sepi",
    "Polisi tangkap dua pencuri sepeda motor di parkiran stasiun setelah rekaman kamera beredar",
    "Gubernur resmikan jalan tol baru yang memangkas waktu tempuh Cileunyi ke Sumedang satu jam",
    "Ribuan warga padati alun-alun untuk menyaksikan pawai budaya peringatan hari jadi kota",
    "Kemenkes imbau warga waspadai lonjakan kasus demam berdarah selama musim hujan tahun ini",
    "Timnas U-23 gelar latihan tertutup menjelang laga tandang melawan Vietnam pekan depan",
    "Bank sentral pertahankan suku bunga acuan demi menjaga stabilitas nilai tukar rupiah",
    "Kebakaran gudang tekstil di Tangerang padam setelah lima jam, tidak ada korban jiwa",
    "Dinas pendidikan umumkan jadwal penerimaan peserta didik baru beserta syarat pendaftarannya",
    "Gempa bermagnitudo 5,2 guncang selatan Jawa, BMKG menyatakan tidak berpotensi tsunami",
    "Menteri perhubungan tinjau kesiapan pelabuhan Merak menghadapi arus mudik akhir tahun",
    "Petani di Karawang keluhkan kelangkaan pupuk bersubsidi saat memasuki musim tanam",
    "KPK periksa tiga saksi dalam dugaan korupsi pengadaan alat kesehatan di pemerintah daerah",
    "Pemprov Bali batasi jumlah pendaki Gunung Agung selama musim hujan demi keselamatan",
    "Warga antusias ikuti vaksinasi gratis di balai kota, antrean mengular sejak pagi hari",
    "Produksi beras nasional diperkirakan turun akibat kemarau panjang, menurut perkiraan BPS",
    "Pengemudi ojek daring gelar aksi damai di depan gedung DPR untuk menuntut kenaikan tarif",
    "Sekolah di Garut diliburkan setelah banjir bandang merendam ruang kelas dan buku pelajaran",
    "Pasar saham ditutup menguat didorong aksi beli investor asing di sektor perbankan",
]
INDEX_PAGE = (
    "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Nasional - Kabar Kota</title>"
    "<meta property='og:site_name' content='Kabar Kota'></head><body>"
    "<nav><a href='/'>Beranda</a> <a href='/nasional'>Nasional</a> <a href='/ekonomi'>Ekonomi</a>"
    " <a href='/olahraga'>Olahraga</a> <a href='/indeks'>Indeks</a></nav><main><h1>Nasional</h1>"
    + "".join(
        f"<article class='item'><h3><a href='/berita/{k}'>{h}</a></h3></article>"
        for k, h in enumerate(INDEX_HEADLINES)
    )
    + "<div class='paging'><a href='?hal=2'>Berikutnya</a></div></main>"
    "<footer><a href='/redaksi'>Redaksi</a> <a href='/pedoman'>Pedoman Media Siber</a>"
    "<p>Hak cipta dilindungi undang-undang.</p></footer></body></html>"
)
# A short article of five paragraphs, a "Baca juga" link after each and eight related
# headlines after them inside <article>: an article all the same, however many links it holds.
BANJIR = [
    "Banjir merendam ribuan rumah di enam kecamatan di Kota Bekasi sejak Senin dini hari setelah"
    " hujan deras mengguyur wilayah itu selama lebih dari delapan jam.",
    "Kepala BPBD Kota Bekasi mengatakan ketinggian air di sejumlah permukiman mencapai satu meter"
    " dan warga mulai mengungsi ke masjid serta balai warga terdekat.",
    "Pemerintah kota menyiapkan dapur umum dan perahu karet untuk mengevakuasi warga lanjut usia"
    " yang masih bertahan di rumahnya.",
    "Petugas gabungan dari TNI, Polri dan relawan membantu membersihkan lumpur di jalan utama"
    " yang tertutup material banjir.",
    "Warga diimbau tetap waspada karena hujan dengan intensitas sedang hingga lebat diperkirakan"
    " masih turun hingga akhir pekan.",
]
SHORT_WITH_RELATED = (
    "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Banjir Bekasi</title></head><body>"
    "<nav><a href='/'>Beranda</a> <a href='/nasional'>Nasional</a></nav><article>"
    "<h1>Banjir Rendam Ribuan Rumah di Bekasi</h1>"
    + "".join(
        f"<p>{p}</p><p><strong>Baca juga:</strong> <a href='/berita/{k}'>{INDEX_HEADLINES[k]}</a></p>"
        for k, p in enumerate(BANJIR)
    )
    + "<h2>Berita terkait</h2><ul>"
    + "".join(f"<li><a href='/berita/{k}'>{h}</a></li>" for k, h in enumerate(INDEX_HEADLINES[5:13]))
    + "</ul></article></body></html>"
)
FEEDS = {
    "/feed.xml": ("feed.xml", "application/rss+xml; charset=utf-8"),
    "/atom.xml": ("atom.xml", "text/xml"),  # vague type: sniffed
    "/feed-as-html": ("feed.xml", "text/html"),  # mislabelled feed: sniffed
    "/broken-feed.xml": ("broken-feed.xml", "application/rss+xml"),
}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        srv = self.server
        path = self.path.split("?")[0]
        group = path.split("/")[1]
        with srv.lock:
            srv.hits[path] += 1
            srv.active[group] += 1
            srv.peak[group] = max(srv.peak[group], srv.active[group])
            srv.agents.append(self.headers.get("User-Agent", ""))
            srv.hosts.append(self.headers.get("Host", ""))
            hits = srv.hits[path]
        with _Everyone.lock:
            _Everyone.active += 1
            _Everyone.peak = max(_Everyone.peak, _Everyone.active)
        self._group: str | None = group
        try:
            self._route(path, hits)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (size limit, timeout)
        finally:
            self._finished()

    def _finished(self) -> None:
        """The request stops counting as open once its response starts: the client can send
        its next request as soon as the bytes arrive, before this thread would get to a
        `finally` (under load that overlap counted a third request as open at once)."""
        group, self._group = self._group, None
        if group is None:
            return
        srv = self.server
        with srv.lock:
            srv.active[group] -= 1
        with _Everyone.lock:
            _Everyone.active -= 1

    def _query(self, name: str) -> list[str]:
        from urllib.parse import parse_qs, urlsplit

        return parse_qs(urlsplit(self.path).query).get(name, [])

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html", **headers: str) -> None:
        self._finished()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", Location=location)

    def _route(self, path: str, hits: int) -> None:
        base = self.server.base
        if path in PAGES:
            name, ctype = PAGES[path]
            body = fixture(name)
            if path == "/berita/korut-kontainer" and "gzip" in self.headers.get("Accept-Encoding", ""):
                self._send(200, gzip.compress(body), ctype, Content_Encoding="gzip")
            else:
                self._send(200, body, ctype)
        elif path in FEEDS:
            name, ctype = FEEDS[path]
            self._send(200, fixture(name).replace(b"{base}", base.encode()), ctype)
        elif path.startswith("/redirect/"):  # /redirect/N: N more hops, then the article
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/redirect/{n - 1}" if n > 1 else "/berita/korut-senjata", 301 if n % 2 else 302)
        elif path == "/ke-file":
            self._redirect("file:///etc/passwd")
        elif path == "/flaky":  # two 503s, then the page
            if hits <= 2:
                self._send(503, b"sibuk")
            else:
                self._send(200, fixture("korut-senjata.html"), "text/html; charset=utf-8")
        elif path == "/selalu-503":
            self._send(503, b"sibuk", Retry_After="0")
        elif path == "/terlalu-banyak":
            self._send(429, b"pelan-pelan", Retry_After="120")
        elif path == "/lambat":  # no response within the read timeout
            time.sleep(1.0)
            self._send(200, fixture("korut-senjata.html"))
        elif path == "/menetes":  # starts at once, then drips past the whole-response deadline
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<p>data</p>\n")
                self.wfile.flush()
                time.sleep(0.05)
        elif path == "/besar":  # declares its size
            self._send(200, b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>")
        elif path == "/besar-tanpa-ukuran":  # no Content-Length: caught while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"x" * (256 * 1024)
            for _ in range(24):
                self.wfile.write(chunk)
        elif path == "/foto.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png")
        elif path == "/bukan-feed.xml":
            self._send(
                200,
                b"<?xml version='1.0'?><rss version='2.0'><channel><title>R</title><<<",
                "application/rss+xml",
            )
        elif path == "/feed-kosong.xml":
            self._send(
                200,
                b"<?xml version='1.0'?><rss version='2.0'><channel><title>K</title></channel></rss>",
                "application/rss+xml",
            )
        elif path == "/feed-pelan.xml":
            items = "".join(
                f"<item><title>Berita {i}</title><link>{base}/pelan/{i}</link>"
                f"<pubDate>Mon, 0{i} Oct 2023 08:00:00 +0700</pubDate></item>"
                for i in range(1, 7)
            )
            feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>P</title>{items}</channel></rss>"
            self._send(200, feed.encode(), "application/rss+xml")
        elif path == "/feed-menetes.xml":  # ten entries, each a page that drips for 1.5 s
            items = "".join(
                f"<item><title>Menetes {i}</title><link>{base}/menetes?n={i}</link></item>" for i in range(10)
            )
            self._send(200, f"<rss version='2.0'><channel><title>M</title>{items}</channel></rss>".encode())
        elif path == "/feed-tanpa-tanggal.xml":  # undated entries, one listed twice
            items = "".join(
                f"<item><title>{t}</title><link>{base}{link}</link></item>"
                for t, link in [
                    ("Senjata Korut", "/berita/korut-senjata"),
                    ("Tanpa Tanggal", "/berita/tanpa-tanggal"),
                    ("Tanpa Tanggal (lagi)", "/berita/tanpa-tanggal"),
                ]
            )
            feed = f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>"
            self._send(200, feed.encode(), "application/rss+xml")
        elif path == "/feed-lama.xml":  # one entry dated 16 Sep; one undated, its page dated 17 Sep
            items = (
                f"<item><title>Kontainer</title><link>{base}/berita/korut-kontainer</link>"
                "<pubDate>Sat, 16 Sep 2023 08:00:00 +0700</pubDate></item>"
                f"<item><title>Senjata Korut</title><link>{base}/berita/korut-senjata</link></item>"
            )
            feed = f"<rss version='2.0'><channel><title>L</title>{items}</channel></rss>"
            self._send(200, feed.encode(), "application/rss+xml")
        elif path == "/feed-fragmen.xml":  # fifty entries, one page: links differ only by fragment
            items = "".join(
                f"<item><title>Senjata Korut {k}</title><link>{base}/berita/korut-senjata#{k}</link></item>"
                for k in range(50)
            )
            self._send(200, f"<rss version='2.0'><channel><title>F</title>{items}</channel></rss>".encode())
        elif path == "/berita/tanpa-tanggal":
            paras = "".join(f"<p>{s}</p>" for s in ARTICLE_SENTENCES["korut-kontainer"][:2])
            self._send(200, f"<html><body><article>{paras}</article></body></html>".encode())
        elif path == "/latin1-palsu":  # a UTF-8 page under a server-default ISO-8859-1 label
            page = fixture("intelijen-roket.html").decode("cp1252").replace("; charset=windows-1252", "")
            page = page.replace("”", '"')  # its UTF-8 bytes hold 0x9d, which cp1252 would refuse
            self._send(200, page.encode("utf-8"), "text/html; charset=ISO-8859-1")
        elif path == "/pdf-sebagai-html":  # a PDF served as a page
            self._send(200, b"%PDF-1.4\n" + b"Berita. " * 50 + b"\n%%EOF\n", "text/html")
        elif path == "/brotli":
            self._send(200, b"\x0b\x02\x80<html>", "text/html", Content_Encoding="br")
        elif path == "/feed-intranet.xml":  # entries that lead to the host in ?ke=
            other = self._query("ke")[0]
            items = [
                ("Senjata Korut", f"{base}/berita/korut-senjata", "Mon, 02 Oct 2023 08:00:00 +0700"),
                ("Kontainer", f"{other}/berita/korut-kontainer", "Sun, 01 Oct 2023 08:00:00 +0700"),
                ("Roket", f"{base}/ke?url={other}/berita/intelijen-roket", "Sat, 30 Sep 2023 08:00:00 +0700"),
            ]
            copy = "<p>" + " ".join(ARTICLE_SENTENCES["korut-kontainer"]) + " Ini salinan dari umpan.</p>"
            feed = "".join(
                f"<item><title>{t}</title><link>{escape(link)}</link><pubDate>{d}</pubDate>"
                f"<content:encoded><![CDATA[{copy}]]></content:encoded></item>"
                for t, link, d in items
            )
            rss = (
                "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
                f"<channel><title>I</title>{feed}</channel></rss>"
            )
            self._send(200, rss.encode(), "application/rss+xml")
        elif path == "/ke":  # a redirect to ?url=
            self._redirect(self._query("url")[0])
        elif path == "/daftar.xml":  # ?n= entries spread round the hosts in ?host=
            hosts = self._query("host")
            n = int(self._query("n")[0])
            items = "".join(
                f"<item><title>Berita {i}</title><link>{hosts[i % len(hosts)]}/pelan/{i}</link></item>"
                for i in range(n)
            )
            self._send(200, f"<rss version='2.0'><channel><title>D</title>{items}</channel></rss>".encode())
        elif path == "/nasional":  # a section front: headlines, no article
            self._send(200, INDEX_PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/berita/banjir-bekasi":
            self._send(200, SHORT_WITH_RELATED.encode(), "text/html; charset=utf-8")
        elif path == "/berita/logo-saja":  # the page's one <h1> is the site's logo
            paras = "".join(f"<p>{s}</p>" for s in ARTICLE_SENTENCES["korut-kontainer"][:2])
            page = (
                "<html><head><meta property='og:site_name' content='Kabar Dunia'></head><body>"
                f"<header><h1>Kabar Dunia</h1></header><article>{paras}</article></body></html>"
            )
            self._send(200, page.encode())
        elif path == "/feed-judul.xml":  # entry titles that differ from the pages' headlines
            items = "".join(
                f"<item><title>{t}</title><link>{base}{link}</link></item>"
                for t, link in [
                    ("Korut Kirim Kontainer", "/berita/korut-kontainer"),
                    ("Tanpa Tanggal", "/berita/tanpa-tanggal"),
                    ("Kontainer untuk Rusia", "/berita/logo-saja"),
                ]
            )
            self._send(
                200,
                f"<rss version='2.0'><channel><title>J</title>{items}</channel></rss>".encode(),
                "application/rss+xml",
            )
        elif path == "/feed-tanggal-rusak.xml":  # dates no parser reads, beside a good one
            items = "".join(
                f"<item><title>{t}</title><link>{base}{link}</link><pubDate>{d}</pubDate></item>"
                for t, link, d in [
                    ("Kontainer", "/berita/korut-kontainer", "Sab, 14 Okt 2023 09:02:00 WIB"),
                    ("Senjata Korut", "/berita/korut-senjata", "Minggu, 17 September 2023"),
                    ("Tanpa Tanggal", "/berita/tanpa-tanggal", "kemarin sore"),
                    ("Roket", "/berita/intelijen-roket", "Wed, 07 Sep 2022 08:15:00 +0700"),
                ]
            )
            self._send(
                200,
                f"<rss version='2.0'><channel><title>R</title>{items}</channel></rss>".encode(),
                "application/rss+xml",
            )
        elif path.startswith("/pelan/"):  # slow enough that concurrent requests overlap
            time.sleep(0.15)
            self._send(200, fixture("korut-senjata.html"), "text/html; charset=utf-8")
        else:
            self._send(404, b"<h1>Halaman tidak ditemukan</h1>")


@pytest.fixture(scope="module")
def _server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def _intranet() -> Iterator[_Server]:
    """The same server on 127.0.0.2: another machine on the local network, as far as a feed
    on 127.0.0.1 can tell."""
    srv = _Server("127.0.0.2")
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def intranet(_intranet: _Server) -> _Server:
    _intranet.reset()
    return _intranet


@pytest.fixture
def web(_server: _Server, monkeypatch: pytest.MonkeyPatch) -> _Server:
    """The running server with fresh counters; retries back off in milliseconds."""
    _server.reset()
    monkeypatch.setattr(summarize_http, "BACKOFF_S", 0.01)
    return _server


def only_skip(result: tuple[list[Document], list[Skipped]]) -> Skipped:
    docs, skipped = result
    assert docs == [] and len(skipped) == 1, result
    return skipped[0]


# --- html_to_document -------------------------------------------------------------------------


def paragraphs(doc: Document) -> list[str]:
    return doc.text.strip().split("\n\n")


@pytest.mark.parametrize("name", ["korut-senjata", "korut-kontainer", "intelijen-roket"])
def test_article_text_kept_and_page_furniture_dropped(name: str) -> None:
    doc = html_to_document(fixture(f"{name}.html"), source=f"{name}.html")
    for sentence in ARTICLE_SENTENCES[name]:
        assert sentence in doc.text
    for furniture in FURNITURE:
        assert furniture not in doc.text, furniture
    # One paragraph per line, blank lines between them: what line-based cleaning expects.
    assert all(p and "\n" not in p for p in paragraphs(doc))
    assert doc.warnings == ()


@pytest.mark.parametrize("name", ["kumparan", "detikcom", "JUARA.net", "IDN Times"])
def test_the_site_name_is_spelled_as_the_page_spells_it(name: str) -> None:
    # trafilatura capitalises an og:site_name: Sources read "Kumparan" and "Detikcom".
    page = fixture("korut-senjata.html").decode()
    page = page.replace('content="IDN Times"', f'content="{name}"').replace(
        '"name": "IDN Times"', f'"name": "{name}"'
    )
    assert f'content="{name}"' in page
    assert html_to_document(page, source="a.html").site == name


def test_metadata_title_iso_date_and_site() -> None:
    doc = html_to_document(fixture("korut-senjata.html"), source="a.html")
    assert doc.title == "AS: Senjata Korut untuk Rusia Kemungkinan Gak Ngefek di Perang Ukraina"
    assert doc.published == "2023-09-17T10:30:00+07:00"
    assert doc.site == "IDN Times"
    assert doc.url == "https://www.idntimes.com/news/world/korut-senjata-rusia"  # canonical link
    assert paragraphs(doc)[0].startswith("Jakarta, IDN Times - Mark Milley")

    doc = html_to_document(fixture("korut-kontainer.html"), source="b.html", url="http://x.test/b")
    assert doc.published == "2023-10-14T09:02:00"  # no offset given: none invented
    assert doc.url == "http://x.test/b"
    doc = html_to_document(fixture("intelijen-roket.html"), source="c.html")
    assert doc.published == "2022-09-07"  # only a day in the page: no time invented


def test_line_breaks_inside_a_paragraph_split_it() -> None:
    doc = html_to_document(fixture("korut-kontainer.html"), source="b.html")
    paras = paragraphs(doc)
    spek = next(i for i, p in enumerate(paras) if p.startswith("Spekulasi mengenai"))
    assert paras[spek + 1].startswith("Juru bicara Dewan Keamanan Nasional")


def test_charset_from_meta_when_the_page_is_not_utf8() -> None:
    data = fixture("intelijen-roket.html")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = html_to_document(data, source="c.html")
    assert "“informasi yang kami miliki adalah bahwa Rusia secara khusus meminta amunisi.”" in doc.text
    assert "Washington D.C., Purna Warta – Sebuah temuan" in doc.text
    assert doc.warnings == ()


def test_decode_order_bom_header_meta_utf8_cp1252() -> None:
    page = "<html><head><meta charset='utf-8'></head><body><p>Kata “kutipan”</p></body></html>"
    assert decode(page.encode("cp1252"), "x", charset="windows-1252", html=True) == (page, ())
    assert decode(page.encode("utf-8"), "x", html=True) == (page, ())
    assert decode(b"\xef\xbb\xbf" + page.encode("utf-8"), "x", charset="latin1", html=True) == (page, ())
    # Declared utf-8 but not utf-8, and nothing else declared: readable, with a warning.
    text, warnings = decode(page.encode("cp1252"), "x", html=True)
    assert text == page and warnings and "cp1252" in warnings[0]
    # ISO-8859-1 labels mean windows-1252, whose curly quotes latin-1 lacks.
    assert decode("“a”".encode("cp1252"), "x", charset="ISO-8859-1", html=True)[0] == "“a”"


def test_a_wrong_declared_charset_is_named_not_silent() -> None:
    page = "<html><body><p>Kata “kutipan” dan café</p></body></html>"
    # Says ISO-8859-1 (or another single-byte charset), is UTF-8: read as UTF-8, and said so.
    for label in ("ISO-8859-1", "iso-8859-2", "windows-1250"):
        text, warnings = decode(page.encode("utf-8"), "http://x/a", charset=label, html=True)
        assert text == page
        assert warnings == (f"http://x/a: declares charset {label} but is UTF-8; read as UTF-8",)
    # Says UTF-8, is cp1252: read as cp1252, and said so.
    text, warnings = decode(page.encode("cp1252"), "http://x/b", charset="utf-8", html=True)
    assert text == page and warnings[0].startswith("http://x/b: not valid UTF-8 nor in its declared charset")
    # Honest labels stay quiet.
    assert decode(page.encode("utf-8"), "x", charset="utf-8", html=True) == (page, ())
    assert decode(page.encode("cp1252"), "x", charset="windows-1252", html=True) == (page, ())


def test_garbled_text_is_repaired_with_a_warning() -> None:
    page = "Presiden berkata “kami siap” di kafé itu – katanya."
    # A CMS read the UTF-8 as cp1252 once (bytes cp1252 leaves undefined passing through).
    garbled = "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in page.encode("utf-8")
    ).encode("utf-8")
    text, warnings = decode(garbled, "berita.txt")
    assert text == page
    assert warnings == ('berita.txt: text was garbled (UTF-8 read as Windows-1252, e.g. "Ã©"); repaired',)
    # One odd pair is not enough to touch the text (a name can hold "Ã©" on purpose).
    assert decode("Nama: Ã© saja.".encode(), "x") == ("Nama: Ã© saja.", ())


def test_a_garbled_closing_quote_counts_as_garbled() -> None:
    # "”" is E2 80 9D; read as cp1252, its 9D is undefined and comes through as U+009D, so a
    # quotation's two pairs are "â€œ" and "â€\x9d". Both count: the line is repaired.
    garbled = "Menteri mengatakan â€œharga beras naikâ€\x9d kemarin.".encode()
    text, warnings = decode(garbled, "berita.txt")
    assert text == "Menteri mengatakan “harga beras naik” kemarin."
    assert warnings == ('berita.txt: text was garbled (UTF-8 read as Windows-1252, e.g. "Ã©"); repaired',)
    # Each undefined byte after "Ã" is a pair as well ("Á" is C3 81): "ÁÍ" garbled is repaired.
    assert decode("Kota Ã\x81Ã\x8d.".encode(), "x")[0] == "Kota ÁÍ."


def test_one_garbled_quotation_mark_is_enough() -> None:
    # "Jum’at" garbled once is "Jumâ€™at": a single pair, left garbled and unwarned before, since
    # one "Ã©" may be a name's. "â€" and one of the pairs' characters is never a spelling.
    text, warnings = decode("Salat Jumâ€™at digelar di masjid itu.".encode(), "berita.txt")
    assert text == "Salat Jum’at digelar di masjid itu."
    assert warnings == ('berita.txt: text was garbled (UTF-8 read as Windows-1252, e.g. "Ã©"); repaired',)
    # A text whose other letters cannot have been garbled this way is kept, and said to be.
    text, warnings = decode("Kafé: Jumâ€™at.".encode(), "x")
    assert text == "Kafé: Jumâ€™at." and warnings[0].endswith("kept as is")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "a PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
        (b"\x89PNG\r\n\x1a\nIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (gzip.compress(b"Berita hari ini."), "gzip-compressed data"),
    ],
)
def test_known_binary_formats_are_refused_even_when_ascii(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=f"^laporan: binary file, not text: looks like {what}"):
        decode(data, "laporan")


def test_an_ascii_pdf_file_and_page_are_refused(web: _Server, tmp_path: Path) -> None:
    from summarize import load_articles

    pdf = tmp_path / "laporan.txt"
    pdf.write_bytes(b"%PDF-1.4\n" + b"Pemerintah membangun jembatan baru di desa itu. " * 20 + b"\n%%EOF\n")
    loaded = load_articles([pdf, FIXTURES / "korut-senjata.html"])
    assert [s.reason for s in loaded.skipped] == [f"{pdf}: binary file, not text: looks like a PDF"]
    assert len(loaded.articles) == 1
    skip = only_skip(load_url(f"{web.base}/pdf-sebagai-html", timeout=TIMEOUT))
    assert skip.reason == f"{web.base}/pdf-sebagai-html: binary file, not text: looks like a PDF"


def test_page_without_article_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^index\.html: no article text found in the page$"):
        html_to_document(fixture("index.html"), source="index.html")
    with pytest.raises(InputError, match="empty page"):
        html_to_document(b"   ", source="kosong.html")


def test_a_page_of_links_is_not_an_article() -> None:
    """A section front's headlines came out as an article's paragraphs, and a digest cited one
    as "sentence 4 of article 3". A page whose text is mostly links' text is refused; a short
    article with a "Baca juga" link after each paragraph and related headlines is not."""
    with pytest.raises(
        ListPageError, match=r"^nasional\.html: a page of 20 links, not an article$"
    ) as raised:
        html_to_document(INDEX_PAGE, source="nasional.html")
    assert raised.value.links == 20 and raised.value.share > 0.9
    doc = html_to_document(SHORT_WITH_RELATED, source="banjir.html")
    assert all(p in doc.text for p in BANJIR)
    assert f"Baca juga: {INDEX_HEADLINES[4]}" in doc.text  # for the cleaning rules (read-also)


def test_copyright_year_is_not_taken_for_the_publication_date() -> None:
    body = "".join(f"<p>{s}.</p>" for s in ARTICLE_SENTENCES["korut-senjata"])
    page = f"<html><body><article>{body}</article><footer>© 2023 Kabar Dunia</footer></body></html>"
    assert html_to_document(page, source="x.html").published is None


def test_fragment_text_keeps_blocks_drops_scripts() -> None:
    text = fragment_text("<p>Satu <b>dua</b></p><script>var x=1;</script><div>Tiga<br>Empat</div>")
    assert text == "Satu dua\n\nTiga\n\nEmpat\n"


# --- fetching ---------------------------------------------------------------------------------


def test_article_page_becomes_one_document(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/berita/korut-senjata", timeout=TIMEOUT)
    assert skipped == []
    [doc] = docs
    assert doc.source == doc.url == f"{web.base}/berita/korut-senjata"
    assert doc.title == "AS: Senjata Korut untuk Rusia Kemungkinan Gak Ngefek di Perang Ukraina"
    assert doc.published == "2023-09-17T10:30:00+07:00" and doc.site == "IDN Times"
    assert ARTICLE_SENTENCES["korut-senjata"][1] in doc.text


def test_user_agent_names_the_tool_and_its_version(web: _Server) -> None:
    load_url(f"{web.base}/berita/korut-senjata", timeout=TIMEOUT)
    from importlib.metadata import version

    assert web.agents[0].startswith(f"summarize/{version('summarize')}")


def test_user_agent_carries_the_operators_contact(web: _Server) -> None:
    load_url(f"{web.base}/berita/korut-senjata", timeout=TIMEOUT, contact="news-desk@example.org")
    assert web.agents[-1].endswith("news-desk@example.org)")
    load_url(f"{web.base}/berita/korut-senjata", timeout=TIMEOUT, contact="evil\r\nX-Injected: 1")
    assert "Injected" not in web.agents[-1]


def test_gzip_body_and_charset_from_meta_only(web: _Server) -> None:
    [doc], _ = load_url(f"{web.base}/berita/korut-kontainer", timeout=TIMEOUT)
    assert ARTICLE_SENTENCES["korut-kontainer"][0] in doc.text
    [doc], _ = load_url(f"{web.base}/berita/intelijen-roket", timeout=TIMEOUT)
    assert "“Itu menunjukkan situasi yang dihadapi Rusia" in doc.text and doc.warnings == ()


def test_redirects_followed_up_to_five(web: _Server) -> None:
    [doc], _ = load_url(f"{web.base}/redirect/5", timeout=TIMEOUT)
    assert doc.source == f"{web.base}/redirect/5"
    assert doc.url == f"{web.base}/berita/korut-senjata"  # where the article really is
    skip = only_skip(load_url(f"{web.base}/redirect/6", timeout=TIMEOUT))
    assert skip.reason == "too many redirects (more than 5)"
    assert web.hits["/berita/korut-senjata"] == 1  # the sixth hop was never taken


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a.html", "javascript:alert(1)"])
def test_non_http_schemes_refused_without_a_request(url: str) -> None:
    skip = only_skip(load_url(url))
    assert skip.source == url
    assert skip.reason.endswith("refused; only http and https URLs are fetched")


def test_redirect_to_a_file_url_refused(web: _Server) -> None:
    skip = only_skip(load_url(f"{web.base}/ke-file", timeout=TIMEOUT))
    assert "file: refused" in skip.reason and "redirect from" in skip.reason


def test_not_found_is_skipped_and_not_retried(web: _Server) -> None:
    skip = only_skip(load_url(f"{web.base}/tidak-ada", timeout=TIMEOUT))
    assert skip == Skipped(f"{web.base}/tidak-ada", "HTTP 404 Not Found")
    assert web.hits["/tidak-ada"] == 1


def test_transient_errors_are_retried(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/flaky", timeout=TIMEOUT)
    assert len(docs) == 1 and skipped == [] and web.hits["/flaky"] == 3
    skip = only_skip(load_url(f"{web.base}/selalu-503", timeout=TIMEOUT))
    assert skip.reason == "HTTP 503 Service Unavailable (after 3 attempts)"
    assert web.hits["/selalu-503"] == 3


def test_long_retry_after_gives_up_at_once(web: _Server) -> None:
    start = time.monotonic()
    skip = only_skip(load_url(f"{web.base}/terlalu-banyak", timeout=TIMEOUT))
    assert skip.reason == "HTTP 429 Too Many Requests (after 1 attempt)"
    assert time.monotonic() - start < 5  # not the 120 s the server asked for


def test_connection_refused(web: _Server) -> None:
    import socket

    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    skip = only_skip(load_url(f"http://127.0.0.1:{port}/", timeout=TIMEOUT))
    assert skip.reason == "connection refused (after 3 attempts)"


def test_slow_response_times_out(web: _Server) -> None:
    # The server answers after 1 s: a skip for a timeout proves we did not wait for it.
    skip = only_skip(load_url(f"{web.base}/lambat", timeout=SHORT))
    assert skip.reason == "timed out after 0.5 s"


def test_dripping_response_stops_at_the_deadline(web: _Server) -> None:
    # Every chunk arrives well within the socket timeout; only the deadline can stop it.
    skip = only_skip(load_url(f"{web.base}/menetes", timeout=SHORT))
    assert skip.reason == "timed out after 0.5 s"


def test_a_feed_of_slow_entries_ends_at_the_run_deadline(web: _Server) -> None:
    # Ten entries that each take 1.5 s, two at a time: 7.5 s without a deadline for the run.
    started = time.monotonic()
    docs, skipped = load_url(f"{web.base}/feed-menetes.xml", timeout=TIMEOUT, deadline=1.0)
    assert time.monotonic() - started < 2.5
    assert docs == []
    reason = "not fetched: the run's fetching deadline (1 s) passed (see --deadline; deadline= in Python)"
    cut = [s for s in skipped if s.reason.startswith(f"{reason} (feed entry ")]  # in flight when it passed
    late = [s for s in skipped if s.source.endswith("/feed-menetes.xml")]
    assert len(late) == 1 and late[0].reason.endswith(
        f"feed entries {reason}; or use --limit (limit= in Python)"
    )
    assert int(late[0].reason.split()[0]) + len(cut) == 10  # every entry accounted for
    assert web.hits["/menetes"] <= 4


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), 1e300])
def test_an_unusable_deadline_is_a_config_error(web: _Server, value: float) -> None:
    with pytest.raises(ConfigError, match="deadline must be a number of seconds"):
        load_url(f"{web.base}/feed-menetes.xml", deadline=value)


@pytest.mark.parametrize("value", ["nan", "inf", "1e10", "0"])
def test_an_unusable_timeout_is_a_config_error(web: _Server, value: str) -> None:
    with pytest.raises(ConfigError, match="timeout must be a number of seconds"):
        load_url(f"{web.base}/berita/korut-senjata", timeout=float(value))


def test_the_cli_takes_the_timeout_setting_from_the_environment(
    web: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "0.2")
    result = runner.invoke(app, ["brief", f"{web.base}/lambat", "--no-translate"])
    assert result.exit_code == 1 and "timed out after 0.4 s" in result.stderr, result.output
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "lama")
    result = runner.invoke(app, ["brief", f"{web.base}/lambat", "--no-translate"])
    assert result.exit_code == 2 and "timeout must be a number of seconds" in result.stderr, result.output


class _Trickler:
    """A raw TCP server on 127.0.0.1 that answers every connection with `prefix`, then one
    more byte every 0.2 s, for a minute at most (so a fetcher without a deadline fails the
    test rather than hanging it). It records how many bytes it had sent when the client left."""

    def __init__(self, prefix: bytes, filler: bytes) -> None:
        self.prefix, self.filler = prefix, filler
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sent_when_left: list[int] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)  # the request (or the TLS ClientHello)
            conn.sendall(self.prefix)
            sent = len(self.prefix)
            for _ in range(300):
                time.sleep(0.2)
                try:
                    conn.sendall(self.filler)
                except OSError:
                    break
                sent += 1
            self.sent_when_left.append(sent)

    def close(self) -> None:
        self.listener.close()


@pytest.mark.parametrize(
    ("scheme", "prefix", "filler"),
    [
        # The status line, then a header that never ends: every byte used to reset the timeout.
        ("http", b"HTTP/1.1 200 OK\r\nX-Tetes: ", b"a"),
        # A TLS record header announcing 16 KB of handshake, then the bytes one by one.
        ("https", b"\x16\x03\x03\x40\x00", b"\x00"),
    ],
)
def test_trickled_headers_stop_at_the_deadline(scheme: str, prefix: bytes, filler: bytes) -> None:
    server = _Trickler(prefix, filler)
    try:  # connect 1 s, the whole request 2 s
        skip = only_skip(load_url(f"{scheme}://127.0.0.1:{server.port}/berita", timeout=1.0))
    finally:
        server.close()
    assert skip.reason == "timed out after 2 s"
    # We hung up while the server was still trickling (it gives up by itself after 300 bytes).
    for _ in range(50):
        if server.sent_when_left:
            break
        time.sleep(0.1)
    assert server.sent_when_left and server.sent_when_left[0] < len(prefix) + 300


@pytest.mark.parametrize("path", ["/besar", "/besar-tanpa-ukuran"])
def test_oversized_response_refused(web: _Server, path: str) -> None:
    skip = only_skip(load_url(f"{web.base}{path}", timeout=TIMEOUT))
    assert skip.reason == "response larger than 5 MB"


def test_size_cap_applies_to_the_inflated_body(web: _Server) -> None:
    # The gzipped page is under 3 KB on the wire and over 5 KB inflated.
    url = f"{web.base}/berita/korut-kontainer"
    assert len(Fetcher(timeout=TIMEOUT).get(url).body) == len(fixture("korut-kontainer.html"))
    with pytest.raises(FetchError, match=r"^.*: response larger than 0\.00[0-9]+ MB$"):
        Fetcher(timeout=TIMEOUT, max_bytes=4000).get(url)


def test_utf8_page_under_a_default_latin1_label(web: _Server) -> None:
    [doc], _ = load_url(f"{web.base}/latin1-palsu", timeout=TIMEOUT)
    assert "“Itu menunjukkan situasi yang dihadapi Rusia" in doc.text and "â€" not in doc.text
    assert doc.warnings == (
        f"{web.base}/latin1-palsu: declares charset ISO-8859-1 but is UTF-8; read as UTF-8",
    )


def test_unasked_content_encoding_refused(web: _Server) -> None:
    assert (
        only_skip(load_url(f"{web.base}/brotli", timeout=TIMEOUT)).reason == "unsupported content encoding br"
    )


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[_Server, Path]]:
    """The same server over TLS, with a self-signed certificate for 127.0.0.1."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    srv = _Server()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv.socket = context.wrap_socket(srv.socket, server_side=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    summarize_http._tls.cache_clear()
    yield srv, cert
    summarize_http._tls.cache_clear()
    srv.shutdown()
    srv.server_close()


def test_https_verifies_the_certificate(
    tls_server: tuple[_Server, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    srv, cert = tls_server
    url = f"https://127.0.0.1:{srv.server_address[1]}/berita/korut-senjata"
    skip = only_skip(load_url(url, timeout=TIMEOUT))
    assert skip.reason.startswith("TLS certificate not valid (self")  # self-signed: refused
    # Trusted through SSL_CERT_FILE (as with a company's own CA): fetched.
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    summarize_http._tls.cache_clear()
    [doc], skipped = load_url(url, timeout=TIMEOUT)
    assert skipped == [] and doc.url == url and doc.site == "IDN Times"


def test_non_html_response_refused(web: _Server) -> None:
    skip = only_skip(load_url(f"{web.base}/foto.png", timeout=TIMEOUT))
    assert skip.reason == "not an article or feed: content type image/png"


def test_page_with_no_article_text_is_skipped(web: _Server) -> None:
    skip = only_skip(load_url(f"{web.base}/indeks", timeout=TIMEOUT))
    assert skip.reason == "no article text found in the page"


def test_a_page_of_links_is_skipped_in_one_line_and_the_rest_read(
    web: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "2")
    page, article = f"{web.base}/nasional", f"{web.base}/berita/banjir-bekasi"
    result = runner.invoke(app, ["brief", page, article, "--no-translate", "-f", "json"])
    assert result.exit_code == 3, result.output
    assert [line for line in result.stderr.splitlines() if page in line] == [
        f"summarize: skipped {page}: a page of 20 links, not an article "
        "(give an article's address, or the site's feed)"
    ]
    [read] = json.loads(result.stdout)["articles"]
    assert read["source"] == article and read["title"] == "Banjir Rendam Ribuan Rumah di Bekasi"


def test_classify_by_type_and_by_sniffing() -> None:
    def resp(ctype: str, body: bytes) -> Response:
        return Response("http://x/", 200, body, {"content-type": ctype} if ctype else {})

    rss = b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c --><rss version='2.0'><channel/></rss>"
    page = b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>"
    assert classify(resp("application/rss+xml", rss)) == "feed"
    assert classify(resp("text/html; charset=utf-8", rss)) == "feed"  # mislabelled
    assert classify(resp("application/rss+xml", page)) == "page"  # mislabelled the other way
    assert classify(resp("", b"<feed xmlns='http://www.w3.org/2005/Atom'/>")) == "feed"
    assert classify(resp("text/plain", page)) == "page"
    assert classify(resp("text/html", b"<p>fragment</p>")) == "page"
    with pytest.raises(FetchError, match="content type application/json"):
        classify(resp("application/json", b"{}"))
    with pytest.raises(FetchError, match="content type text/plain"):
        classify(resp("text/plain", b"just words"))


# --- feeds ------------------------------------------------------------------------------------


def test_rss_entries_become_documents_newest_first(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/feed.xml", timeout=TIMEOUT)
    assert skipped == []
    assert [d.url for d in docs] == [
        f"{web.base}/berita/korut-kontainer",
        f"{web.base}/berita/korut-senjata",
        f"{web.base}/berita/intelijen-roket",
    ]
    assert [d.published for d in docs] == [
        "2023-10-14T09:02:00+07:00",
        "2023-09-17T10:30:00+07:00",
        "2022-09-07T08:15:00+07:00",
    ]
    # The pages' own headlines (the feed shortens two of them), the pages' site names.
    assert docs[0].title == (
        "AS: Korea Utara Kirim 1.000 Kontainer Peralatan Militer dan Amunisi untuk Dukung Rusia dalam Perang Ukraina"
    )
    assert (docs[2].title or "").startswith(
        "Intelijen AS: Untuk Ukraina, Rusia Akan Lakukan Pembelian Massal Roket & Peluru"
    )
    assert [d.site for d in docs] == ["liputan6.com", "IDN Times", "Purna Warta"]
    for doc in docs:
        name = doc.source.rsplit("/", 1)[1]
        assert doc.source == doc.url
        assert all(s in doc.text for s in ARTICLE_SENTENCES[name])
    # The feed's short descriptions are never used as the text.
    assert "Gedung Putih menyebut lebih dari 1.000 kontainer dikirim ke Rusia." not in docs[0].text


def test_feedparser_never_fetches(web: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser.http

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("feedparser tried to fetch a URL itself")

    monkeypatch.setattr(feedparser.http, "get", refuse)
    docs, skipped = load_url(f"{web.base}/feed.xml", timeout=TIMEOUT)
    assert len(docs) == 3 and skipped == []


def test_limit_takes_the_newest(web: _Server, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="summarize"):
        docs, _ = load_url(f"{web.base}/feed.xml", limit=2, timeout=TIMEOUT)
    # "2 of 2 feed entries read" hid the one --limit left: the feed lists three.
    assert f"{web.base}/feed.xml: 2 of 2 feed entries read, of 3 listed" in caplog.messages
    assert [d.url.rsplit("/", 1)[1] for d in docs if d.url] == ["korut-kontainer", "korut-senjata"]
    assert web.hits["/berita/intelijen-roket"] == 0  # not fetched at all
    with pytest.raises(ConfigError):
        load_url(f"{web.base}/feed.xml", limit=0)


def test_since_keeps_entries_published_on_or_after_the_day(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/feed.xml", since=dt.date(2023, 9, 17), timeout=TIMEOUT)
    assert skipped == [] and len(docs) == 2
    assert web.hits["/berita/intelijen-roket"] == 0
    docs, _ = load_url(f"{web.base}/feed.xml", since=dt.date(2023, 9, 18), limit=5, timeout=TIMEOUT)
    assert [d.published for d in docs] == ["2023-10-14T09:02:00+07:00"]
    assert load_url(f"{web.base}/feed.xml", since=dt.date(2024, 1, 1), timeout=TIMEOUT) == ([], [])


def test_atom_feed_with_relative_links_served_as_text_xml(web: _Server) -> None:
    # 01:00 WIB on the 17th is the 16th in UTC: --since counts the publisher's day.
    docs, skipped = load_url(f"{web.base}/atom.xml", since=dt.date(2023, 9, 17), timeout=TIMEOUT)
    assert skipped == []
    assert [(d.url, d.published) for d in docs] == [
        (f"{web.base}/berita/korut-kontainer", "2023-10-14T09:02:00+07:00"),
        (f"{web.base}/berita/korut-senjata", "2023-09-17T01:00:00+07:00"),
    ]
    # The pages' headlines, not the feed's rewrites ("AS Ragukan Dampak Senjata Korut bagi Rusia").
    assert [d.title for d in docs] == [
        "AS: Korea Utara Kirim 1.000 Kontainer Peralatan Militer dan Amunisi untuk Dukung Rusia dalam Perang Ukraina",
        "AS: Senjata Korut untuk Rusia Kemungkinan Gak Ngefek di Perang Ukraina",
    ]


def test_since_on_an_article_page_keeps_it_and_says_so(web: _Server) -> None:
    # A reader's check: --since on page URLs passed a page a week older, with no word.
    url = f"{web.base}/berita/korut-senjata"
    docs, skipped = load_url(url, since=dt.date(2024, 1, 1), timeout=TIMEOUT)
    assert skipped == [] and len(docs) == 1
    assert docs[0].warnings == (
        f"{url}: an article page, kept: --since (since= in Python) filters feed entries only",
    )
    (plain,), _ = load_url(url, timeout=TIMEOUT)
    assert plain.warnings == ()


def test_since_with_undated_entries_uses_the_page_date(web: _Server) -> None:
    docs, skipped = load_url(
        f"{web.base}/feed-tanpa-tanggal.xml", since=dt.date(2023, 10, 1), timeout=TIMEOUT
    )
    # korut-senjata's page says 2023-09-17: left out. The page with no date at all is kept,
    # with a warning; its second listing in the feed is not fetched again.
    assert skipped == []
    [doc] = docs
    assert doc.title == "Tanpa Tanggal" and doc.published is None
    assert doc.warnings == (
        f"{web.base}/berita/tanpa-tanggal: publication date unknown; kept despite --since (since= in Python)",
    )
    assert web.hits["/berita/tanpa-tanggal"] == 1
    docs, _ = load_url(f"{web.base}/feed-tanpa-tanggal.xml", timeout=TIMEOUT)
    assert [d.title for d in docs] == [  # the page's headline; the feed's where the page has none
        "AS: Senjata Korut untuk Rusia Kemungkinan Gak Ngefek di Perang Ukraina",
        "Tanpa Tanggal",
    ]
    assert docs[0].published == "2023-09-17T10:30:00+07:00"  # from the page


def test_cli_since_names_every_entry_it_leaves_out(web: _Server) -> None:
    """An undated entry whose page proves too old was fetched, then dropped without a word:
    stderr said "1 feed entries published before ... left out" and "0 of 1 feed entries read"
    for a feed of two. Now each entry left out is accounted for, in a fresh process, the
    count named by its feed (three feeds' lines read alike, round 44)."""
    proc = subprocess.run(
        [sys.executable, "-c", "from summarize.cli import main; main()", "digest",
         f"{web.base}/feed-lama.xml", "--since", "2023-09-18", "--no-translate"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "SUMMARIZE_TIMEOUT": "2"},
    )  # fmt: skip
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"summarize: {web.base}/feed-lama.xml: 1 feed entry published before 2023-09-18 left out",
        f"summarize: left out {web.base}/berita/korut-senjata: its page is dated 2023-09-17, before 2023-09-18",
        f"summarize: {web.base}/feed-lama.xml: 0 of 1 feed entry read, of 2 listed",
        "summarize: error: no article could be read from the input (nothing published on or after 2023-09-18)",
    ]
    assert web.hits["/berita/korut-kontainer"] == 0 and web.hits["/berita/korut-senjata"] == 1


def test_a_feed_entry_takes_its_pages_own_headline(web: _Server) -> None:
    """The feed's <title> replaced the page's <h1>: the page's headline (as trafilatura reads
    it: JSON-LD, og:title, the one <h1>, the <title> less the site's name) is the article's.
    The feed's stands in where the page gives none, or gives only the site's own name."""
    docs, skipped = load_url(f"{web.base}/feed-judul.xml", timeout=TIMEOUT)
    assert skipped == []
    assert {(d.url or "").rsplit("/", 1)[1]: d.title for d in docs} == {
        "korut-kontainer": "AS: Korea Utara Kirim 1.000 Kontainer Peralatan Militer dan Amunisi untuk "
        "Dukung Rusia dalam Perang Ukraina",
        "tanpa-tanggal": "Tanpa Tanggal",  # no headline in the page
        "logo-saja": "Kontainer untuk Rusia",  # the page's one <h1> is its logo
    }


def test_an_unreadable_feed_date_is_named_and_the_entry_kept(
    web: _Server, caplog: pytest.LogCaptureFixture
) -> None:
    """An entry whose date the feed writes but no parser reads was undated without a word, and
    under --since judged by its page alone. Now one line names the entry and the value, says
    which date is used instead, and under --since that the entry is kept; one whose page proves
    it older is left out by a warning, not an info line."""
    feed = f"{web.base}/feed-tanggal-rusak.xml"
    kontainer, senjata, tanpa = (
        f"{web.base}/berita/{name}" for name in ("korut-kontainer", "korut-senjata", "tanpa-tanggal")
    )
    docs, skipped = load_url(feed, timeout=TIMEOUT)
    assert skipped == []
    assert {d.url: d.warnings for d in docs if d.url != f"{web.base}/berita/intelijen-roket"} == {
        kontainer: (f"{kontainer}: feed date 'Sab, 14 Okt 2023 09:02:00 WIB' cannot be read; "
                    "its page's date (2023-10-14) is used",),
        senjata: (f"{senjata}: feed date 'Minggu, 17 September 2023' cannot be read; "
                  "its page's date (2023-09-17) is used",),
        tanpa: (f"{tanpa}: feed date 'kemarin sore' cannot be read; publication date unknown",),
    }  # fmt: skip
    with caplog.at_level(logging.INFO, logger="summarize"):
        docs, skipped = load_url(feed, since=dt.date(2023, 10, 1), timeout=TIMEOUT)
    assert skipped == []
    assert {d.url: d.warnings for d in docs} == {
        kontainer: (f"{kontainer}: feed date 'Sab, 14 Okt 2023 09:02:00 WIB' cannot be read; "
                    "its page's date (2023-10-14) is used; kept under --since (since= in Python) by that date",),
        tanpa: (f"{tanpa}: feed date 'kemarin sore' cannot be read; publication date unknown; "
                "kept despite --since (since= in Python)",),
    }  # fmt: skip
    left_out = [r for r in caplog.records if "left out" in r.getMessage() and senjata in r.getMessage()]
    assert [(r.levelno, r.getMessage()) for r in left_out] == [
        (logging.WARNING, f"left out {senjata}: its page is dated 2023-09-17, before 2023-10-01 "
                          "(feed date 'Minggu, 17 September 2023' cannot be read)"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("Sat, 14 Oct 2023 09:02:00 +0700", "2023-10-14T09:02:00+07:00"),
        ("Sat, 14 Oct 2023 09:02:00 WIB", "2023-10-14T09:02:00+07:00"),
        ("Sat, 14 Oct 2023 09:02:00 WITA", "2023-10-14T09:02:00+08:00"),
        ("Sat, 14 Oct 2023 02:02:00 GMT", "2023-10-14T02:02:00+00:00"),
        ("2023-10-14T09:02:00Z", "2023-10-14T09:02:00+00:00"),
        ("2023-10-14T09:02:00", "2023-10-14T09:02:00"),  # no offset given: none invented
        ("kemarin sore", None),
    ],
)
def test_entry_dates_keep_the_publishers_offset(raw: str, iso: str | None) -> None:
    from summarize.ingest.feeds import _parse_date

    when = _parse_date(raw, None)
    assert (when.isoformat() if when else None) == iso


def test_feed_served_as_html_is_still_a_feed(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/feed-as-html", timeout=TIMEOUT)
    assert skipped == [] and len(docs) == 3


def test_broken_entries_are_skipped_and_the_rest_still_read(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/broken-feed.xml", timeout=TIMEOUT)
    assert sorted((s.source, s.reason) for s in skipped) == [
        # The feed's headline for it: which report is missing (round 44, an editor's email).
        (f"{web.base}/berita/sudah-dihapus", "HTTP 404 Not Found (feed entry 'Berita yang Sudah Dihapus')"),
        (f"{web.base}/broken-feed.xml entry 3 ('Entri Tanpa Tautan')", "feed entry has no link"),
    ]
    by_title = {d.title: d for d in docs}
    assert set(by_title) == {
        "Kim Jong Un Tiba di Vladivostok",
        "AS: Senjata Korut untuk Rusia Kemungkinan Gak Ngefek di Perang Ukraina",
    }
    # The page is gone, but the entry carries the full article: used, and said so.
    fallback = by_title["Kim Jong Un Tiba di Vladivostok"]
    assert fallback.text.startswith("Vladivostok - Pemimpin Korea Utara Kim Jong Un tiba")
    assert "Kunjungan itu merupakan perjalanan luar negeri pertama" in fallback.text
    assert "alert" not in fallback.text
    assert fallback.published == "2023-09-20T07:00:00+07:00" and fallback.site == "Kabar Dunia"
    assert len(fallback.warnings) == 1 and "HTTP 404 Not Found" in fallback.warnings[0]
    assert "feed's own copy" in fallback.warnings[0]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/bukan-feed.xml", "not a valid RSS or Atom feed (line 1: not well-formed (invalid token))"),
        ("/feed-kosong.xml", "feed has no entries"),
    ],
)
def test_unusable_feeds(web: _Server, path: str, reason: str) -> None:
    assert only_skip(load_url(f"{web.base}{path}", timeout=TIMEOUT)).reason.startswith(reason)


def test_at_most_two_requests_at_once_per_host(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/feed-pelan.xml", timeout=TIMEOUT)
    assert len(docs) == 6 and skipped == []
    assert web.peak["pelan"] == 2  # in parallel, but never more than two at once


def test_pages_fetched_in_parallel_are_parsed_one_at_a_time(
    web: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trafilatura and htmldate parse with module-level lxml parsers, which two threads must not
    use at once (a feed run once aborted in C, "munmap_chunk(): invalid pointer"): fetching
    overlaps, parsing never does."""
    import trafilatura

    real = trafilatura.bare_extraction
    inside = peak = 0
    lock = threading.Lock()

    def watched(*args: Any, **kwargs: Any) -> Any:
        nonlocal inside, peak
        with lock:
            inside += 1
            peak = max(peak, inside)
        try:
            time.sleep(0.05)  # long enough that two unserialised parses would overlap
            return real(*args, **kwargs)
        finally:
            with lock:
                inside -= 1

    monkeypatch.setattr(trafilatura, "bare_extraction", watched)
    docs, skipped = load_url(f"{web.base}/feed-pelan.xml", timeout=TIMEOUT)
    assert len(docs) == 6 and skipped == []
    assert web.peak["pelan"] == 2  # the pages were fetched two at a time
    assert peak == 1  # and parsed one at a time


def test_hosts_fetched_in_parallel_but_two_at_once_per_host(
    web: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarize.ingest.web import load_urls

    others = [_Server(host) for host in ("127.0.0.3", "127.0.0.4")]
    for srv in others:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    servers = [web, *others]
    try:
        with _Everyone.lock:
            _Everyone.active = _Everyone.peak = 0
        # A list of pages, four on each of three hosts, as the user might give them.
        urls = [f"{srv.base}/pelan/{i}" for i in range(4) for srv in servers]
        calls: list[tuple[int, int]] = []
        results = load_urls(urls, timeout=TIMEOUT, progress=lambda d, t: calls.append((d, t)))
        assert all(len(results[u][0]) == 1 and results[u][1] == [] for u in urls)
        assert [srv.peak["pelan"] for srv in servers] == [2, 2, 2]  # polite per host
        assert _Everyone.peak > 2  # so requests to different hosts overlapped
        assert calls == [(i, len(urls)) for i in range(1, len(urls) + 1)]

        # A feed's entries spread over the three hosts (other hosts on the loopback network
        # stand for other sites: private addresses must be allowed for them).
        for srv in servers:
            srv.reset()
        with _Everyone.lock:
            _Everyone.active = _Everyone.peak = 0
        query = "&".join(f"host={srv.base}" for srv in servers)
        calls.clear()
        docs, skipped = load_url(
            f"{web.base}/daftar.xml?n=12&{query}",
            timeout=TIMEOUT,
            allow_private_network=True,
            progress=lambda d, t: calls.append((d, t)),
        )
        assert len(docs) == 12 and skipped == []
        assert [srv.peak["pelan"] for srv in servers] == [2, 2, 2]
        assert _Everyone.peak > 2
        assert [d for d, _ in calls] == list(range(1, 14)) and calls[-1] == (13, 13)  # feed + 12
    finally:
        for srv in others:
            srv.shutdown()
            srv.server_close()


# --- internal addresses -----------------------------------------------------------------------

INTERNAL = "refers to an internal address (127.0.0.2); pass --allow-private-network (allow_private_network=True in Python) to fetch it"


def test_feed_entries_and_redirects_to_internal_hosts_are_refused(web: _Server, intranet: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/feed-intranet.xml?ke={intranet.base}", timeout=TIMEOUT)
    assert sorted((s.source, s.reason) for s in skipped) == [
        (f"{web.base}/ke?url={intranet.base}/berita/intelijen-roket",
         f"redirect to {intranet.base}/berita/intelijen-roket {INTERNAL}"),
        (f"{intranet.base}/berita/korut-kontainer", INTERNAL),
    ]  # fmt: skip
    # The rest of the feed is still used; the feed's own copy is not, so the refusal shows.
    assert [d.url for d in docs] == [f"{web.base}/berita/korut-senjata"]
    assert sum(intranet.hits.values()) == 0  # not one request reached the internal host

    docs, skipped = load_url(
        f"{web.base}/feed-intranet.xml?ke={intranet.base}", timeout=TIMEOUT, allow_private_network=True
    )
    assert skipped == [] and len(docs) == 3
    assert intranet.hits["/berita/korut-kontainer"] == intranet.hits["/berita/intelijen-roket"] == 1


def test_a_host_the_user_names_is_fetched_even_when_internal(intranet: _Server) -> None:
    [doc], skipped = load_url(f"{intranet.base}/berita/korut-senjata", timeout=TIMEOUT)
    assert skipped == [] and doc.site == "IDN Times"


def test_cli_refuses_internal_entries_unless_allowed(
    web: _Server, intranet: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "2")
    args = ["brief", f"{web.base}/feed-intranet.xml?ke={intranet.base}", "--no-translate", "-f", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    assert f"skipped {intranet.base}/berita/korut-kontainer: {INTERNAL}" in result.stderr
    [article] = json.loads(result.stdout)["articles"]
    assert article["source"] == f"{web.base}/berita/korut-senjata"
    assert sum(intranet.hits.values()) == 0

    result = runner.invoke(app, [*args, "--allow-private-network"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 3
    monkeypatch.setenv("SUMMARIZE_ALLOW_PRIVATE_NETWORK", "1")
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("SUMMARIZE_ALLOW_PRIVATE_NETWORK", "kadang")
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "allow_private_network must be true or false" in result.stderr


@pytest.mark.parametrize(
    "ip",
    [
        "10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.2", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "fd00::1", "fe80::1",
        "fe80::1%eth0", "::ffff:10.0.0.1", "::", "ff02::1",
    ],
)  # fmt: skip
def test_internal_ranges(ip: str) -> None:
    from summarize.ingest.connection import is_internal

    assert is_internal(ip)


@pytest.mark.parametrize("ip", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_not_internal(ip: str) -> None:
    from summarize.ingest.connection import is_internal

    assert not is_internal(ip)


@dataclass
class _Stub:
    answers: dict[str, list[str]]  # what the stub resolver says for a name
    attempts: list[str]  # the non-loopback addresses something tried to connect to


@pytest.fixture
def stub_network(monkeypatch: pytest.MonkeyPatch) -> _Stub:
    """A stub resolver for names under .example, and sockets that never connect anywhere but
    the loopback network: an attempt elsewhere is recorded and refused without a packet."""
    import ipaddress

    stub = _Stub({}, [])
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:  # type: ignore[type-arg]
        if host in stub.answers:
            return [
                (socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))
                for ip in stub.answers[host]
            ]
        if host.endswith(".example"):
            raise socket.gaierror(socket.EAI_NONAME, "no such name")
        return real_getaddrinfo(host, port, *args, **kwargs)  # type: ignore[arg-type]

    def outside(address: tuple[str, int]) -> bool:
        if ipaddress.ip_address(str(address[0]).split("%")[0]).is_loopback:
            return False
        stub.attempts.append(str(address[0]))
        return True

    real_create = socket.create_connection

    def create_connection(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        if outside(address):
            raise ConnectionRefusedError("refused by the test's stub network")
        return real_create(address, *args, **kwargs)  # type: ignore[arg-type]

    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: tuple[str, int]) -> None:
        if outside(address):
            raise ConnectionRefusedError("refused by the test's stub network")
        real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return stub


@pytest.mark.parametrize("ip", ["10.0.0.1", "192.168.1.1", "169.254.169.254", "fd00::1", "100.64.0.1"])
def test_names_that_resolve_to_internal_ranges_are_refused_before_connecting(
    stub_network: _Stub, ip: str
) -> None:
    stub_network.answers["berita.example"] = [ip]
    with Fetcher(timeout=TIMEOUT, trusted_host="feed.example") as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.get("http://berita.example/artikel", from_content=True)
        assert (
            caught.value.reason
            == f"refers to an internal address ({ip}); pass --allow-private-network (allow_private_network=True in Python) to fetch it"
        )
        # The address itself in a URL: refused the same way.
        with pytest.raises(FetchError, match=r"refers to an internal address"):
            fetcher.get(f"http://{'[' + ip + ']' if ':' in ip else ip}/latest/meta-data/", from_content=True)
    assert stub_network.attempts == []  # refused before any connection was tried


def test_connects_to_the_checked_address_and_keeps_the_host_name(web: _Server, stub_network: _Stub) -> None:
    port = web.server_address[1]
    # A name the user gave that resolves to an internal address: fetched (the user named it),
    # through the very address that was checked, with the name in the Host header.
    stub_network.answers["kantor.example"] = ["127.0.0.1"]
    response = Fetcher(timeout=TIMEOUT).get(f"http://kantor.example:{port}/berita/korut-senjata")
    assert response.status == 200 and web.hosts == [f"kantor.example:{port}"]
    # The same name read from a feed: refused.
    with pytest.raises(FetchError, match=r"internal address \(127\.0\.0\.1\)"):
        Fetcher(timeout=TIMEOUT).get(f"http://kantor.example:{port}/berita/korut-senjata", from_content=True)
    # A name with an internal and a public address: only the public one is tried.
    stub_network.answers["campur.example"] = ["10.0.0.7", "93.184.216.34"]
    with pytest.raises(FetchError, match=r"connection refused \(after 3 attempts\)"):
        Fetcher(timeout=TIMEOUT).get("http://campur.example/", from_content=True)
    assert stub_network.attempts == ["93.184.216.34"] * 3
    assert web.hosts == [f"kantor.example:{port}"]


# --- the CLI, end to end ----------------------------------------------------------------------

runner = CliRunner()


def test_local_html_files_go_through_the_same_extraction() -> None:
    from summarize import load_articles

    loaded = load_articles([FIXTURES / "korut-senjata.html", FIXTURES / "index.html"])
    [article] = loaded.articles
    assert article.title == "AS: Senjata Korut untuk Rusia Kemungkinan Gak Ngefek di Perang Ukraina"
    # The day in the publisher's own time zone (JSON's `published` is an ISO day).
    assert article.published == "2023-09-17" and article.site == article.publisher == "IDN Times"
    assert [s.source for s in loaded.skipped] == [str(FIXTURES / "index.html")]
    for s in article.sentences:  # offsets point into the extracted text
        assert " ".join(article.text[s.start : s.end].split()) == s.text


def test_cli_brief_of_a_feed(web: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "2")
    result = runner.invoke(app, ["brief", f"{web.base}/feed.xml", "--no-translate", "-f", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [a["source"] for a in out["articles"]] == [
        f"{web.base}/berita/korut-kontainer",
        f"{web.base}/berita/korut-senjata",
        f"{web.base}/berita/intelijen-roket",
    ]
    assert out["articles"][0]["title"].startswith("AS: Korea Utara Kirim 1.000 Kontainer")
    assert all(a["language"] == "id" and a["sentences"] for a in out["articles"])
    assert len(out["briefs"]) == 3 and all(b["sentences"] for b in out["briefs"])
    # Furniture inside the article body is for the clean rules: gone from every sentence.
    text = " ".join(s["text"] for a in out["articles"] for s in a["sentences"])
    assert "Baca Juga" not in text and "IDN Times -" not in text


def test_cite_says_which_text_its_offsets_count(web: _Server, tmp_path: Path) -> None:
    """`cite URL 1.2` said "characters 189-279 of the decoded source": a reader counts them in
    the page's HTML, which they never see. The offsets count the text extracted from the page
    (or, for a feed's entry, from the feed's copy when the page could not be read), and
    `summarize clean` shows that text; a text file's count in the file's decoded text."""
    from summarize import load_articles

    page = f"{web.base}/berita/korut-senjata"
    [article] = load_articles([page]).articles
    s = article.sentences[1]
    result = runner.invoke(app, ["cite", page, "1.2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        f"  offsets: characters {s.start}-{s.end} of the text extracted from the web page, not of "
        "its HTML (JSON index 1);\n           `summarize clean` with the same sources shows that text\n"
    )
    assert f"  [1.2] {s.text}\n" in runner.invoke(app, ["clean", page]).stdout
    # A feed's entry: read from its page here, but it may have been the feed's copy.
    result = runner.invoke(app, ["cite", f"{web.base}/feed.xml", "2.2"])
    assert result.exit_code == 0, result.output
    assert (
        "of the text extracted from the web page (or the feed's copy of it, where a warning says so), "
        "not of its HTML (JSON index 1);\n" in result.stdout
    )
    # A local HTML file is extracted too; a text file is read as it is.
    result = runner.invoke(app, ["cite", str(FIXTURES / "korut-senjata.html"), "1.2"])
    assert "of the text extracted from the HTML file, not of its markup (JSON index 1);\n" in result.stdout
    text = tmp_path / "berita.txt"
    text.write_text("Banjir melanda Jakarta Selatan pada Senin pagi.\n", encoding="utf-8")
    result = runner.invoke(app, ["cite", str(text), "1.1"])
    assert result.stdout.endswith("  offsets: characters 0-47 of the file's decoded text (JSON index 0)\n")
    assert "decoded source" not in result.stdout


def test_cli_limit_and_since_reach_the_feed(web: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "2")
    args = ["brief", f"{web.base}/feed.xml", "--no-translate", "-f", "json"]
    result = runner.invoke(app, [*args, "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert [a["source"] for a in json.loads(result.stdout)["articles"]] == [
        f"{web.base}/berita/korut-kontainer"
    ]
    result = runner.invoke(app, [*args, "--since", "2023-09-01"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_cli_clean_of_a_page_names_the_rules(web: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "2")
    result = runner.invoke(app, ["clean", f"{web.base}/berita/korut-senjata"])
    assert result.exit_code == 0, result.output
    assert f"{web.base}/berita/korut-senjata" in result.stdout
    assert "Pyongyang diduga akan memasok perenjataan kepada Rusia" in result.stdout
    dropped = [line for line in result.stdout.splitlines() if line.startswith("- ")]
    assert any(line.split()[1] == "read-also" and "Belarusia" in line for line in dropped)


def test_cli_failed_url_is_named_and_the_rest_still_used(
    web: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_TIMEOUT", "2")
    result = runner.invoke(
        app, ["brief", f"{web.base}/broken-feed.xml", f"{web.base}/foto.png", "--no-translate", "-f", "json"]
    )
    assert result.exit_code == 3, result.output
    assert (
        f"skipped {web.base}/berita/sudah-dihapus: HTTP 404 Not Found (feed entry 'Berita yang Sudah Dihapus')"
        in result.stderr
    )
    assert f"skipped {web.base}/foto.png: not an article or feed: content type image/png" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 2
    result = runner.invoke(app, ["brief", f"{web.base}/tidak-ada", "--no-translate"])
    assert result.exit_code == 1
    assert "HTTP 404 Not Found" in result.stderr


def test_links_that_differ_only_by_fragment_are_one_page_fetched_once(web: _Server) -> None:
    docs, skipped = load_url(f"{web.base}/feed-fragmen.xml", timeout=TIMEOUT)
    assert skipped == [] and len(docs) == 1
    assert docs[0].source == f"{web.base}/berita/korut-senjata"
    assert web.hits["/berita/korut-senjata"] == 1


def test_one_page_named_twice_is_one_article(web: _Server) -> None:
    from summarize import digest, load_articles

    page = f"{web.base}/berita/korut-senjata"
    loaded = load_articles([f"{page}#atas", f"{page}#komentar", f"{web.base}/feed-fragmen.xml"])
    assert len(loaded.articles) == 1 and loaded.skipped == ()
    assert web.hits["/berita/korut-senjata"] == 2  # once named, once from the feed: read once all the same
    assert [w.split(": the same page as ")[0] for w in loaded.warnings if "the same page as" in w] == [
        f"{page}#komentar",
        page,  # the feed's entry, named by its link
    ]
    assert all(item.sources == 1 for item in digest(loaded.articles).items)
