"""The email's HTML in a real browser (headless Chromium): it renders, and no article script runs."""

from __future__ import annotations

import struct
import subprocess
import zlib
from collections.abc import Callable
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarize.deliver import compose_message
from summarize.values import Citation

from . import mail_samples as samples

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (CI installs the Debian chromium package)"
)


def chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    """Run headless Chromium on `page` with no network, no profile, no background work."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *extra, page.as_uri(),
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, timeout=90, check=False)


def email_html(tmp_path: Path) -> Path:
    """The HTML part of a real composed message, as a file."""
    msg = compose_message(samples.digest(stories=True), sender="d@example.org", to=["r@example.org"])
    html = msg.get_body(preferencelist=("html",))
    assert isinstance(html, EmailMessage)
    path = tmp_path / "email.html"
    path.write_text(html.get_content(), encoding="utf-8")
    return path


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """A minimal PNG decoder (8-bit RGB/RGBA, no interlace): width, height, pixel rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        unfilter: Callable[[int, int, int], int] = _FILTERS[kind]
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            c = prev[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + unfilter(a, prev[i], c)) & 0xFF
        rows.append(bytes(line) if bpp == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
        prev = line
    return width, height, rows


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


_FILTERS: dict[int, Callable[[int, int, int], int]] = {
    0: lambda a, b, c: 0,
    1: lambda a, b, c: a,
    2: lambda a, b, c: b,
    3: lambda a, b, c: (a + b) // 2,
    4: _paeth,
}


class Dom(HTMLParser):
    """Element names, the <title> text and the body text of a serialized DOM."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        else:
            self.text.append(data)


def dump_dom(tmp_path: Path, page: Path) -> Dom:
    result = chromium(tmp_path, page, "--dump-dom")
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    dom = Dom()
    dom.feed(result.stdout.decode("utf-8"))
    return dom


def test_email_html_renders_on_a_phone_sized_screen(tmp_path: Path) -> None:
    page, png = email_html(tmp_path), tmp_path / "shot.png"
    result = chromium(tmp_path, page, f"--screenshot={png}", "--window-size=420,900", "--hide-scrollbars")
    assert result.returncode == 0 and png.exists(), result.stderr.decode(errors="replace")[-2000:]
    width, height, rows = read_png(png.read_bytes())
    assert (width, height) == (420, 900)
    colours = {row[i : i + 3] for row in rows for i in range(0, len(row), 3)}
    assert len(colours) > 50, f"looks blank: {len(colours)} colours"  # anti-aliased text has many
    # Text reaches the left part of the column and does not run off the right edge:
    # the last 4 pixel columns hold only background colours.
    edge = {row[i : i + 3] for row in rows for i in range(len(row) - 12, len(row), 3)}
    assert len(edge) <= 3, f"content overflows the right edge: {len(edge)} colours"


def test_article_markup_stays_text_and_no_script_runs(tmp_path: Path) -> None:
    dom = dump_dom(tmp_path, email_html(tmp_path))
    assert dom.title == "News digest"  # the title-changing script never ran
    body = "".join(dom.text)
    assert "Sources" in body and "Floods hit South Jakarta." in body  # body not replaced
    assert "script" not in dom.elements and "img" not in dom.elements
    # The injected markup is there, as text a reader can see.
    assert samples.SCRIPT in body and samples.IMG in body
    assert body.count("PWNED") == body.count(samples.SCRIPT) + body.count(samples.IMG)


def test_control_unescaped_markup_does_run(tmp_path: Path) -> None:
    """The checks above can fail: the same markup, unescaped, runs in this browser."""
    page = tmp_path / "raw.html"
    page.write_text(f"<!DOCTYPE html><title>News digest</title><p>Sources</p>{samples.SCRIPT}{samples.IMG}")
    dom = dump_dom(tmp_path, page)
    assert dom.title == "PWNED" or "".join(dom.text).strip() == "PWNED"


# --- a citation leads to its sentence, highlighted in its paragraph -------------------------

HIGHLIGHT = bytes([0xFF, 0xD4, 0x3B])  # TARGET_STYLE's background, used nowhere else


class Anchors(HTMLParser):
    """Each citation link (href -> label), and the text of every element with an id inside a
    <p>, with that paragraph's whole text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: dict[str, str] = {}
        self.spans: dict[str, str] = {}
        self.paragraph_of: dict[str, str] = {}
        self._href: str | None = None
        self._open: list[str] = []  # ids of the spans being read
        self._paragraph: list[str] | None = None
        self._in_paragraph: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and (a.get("href") or "").startswith("#s-"):
            self._href = a["href"]
            self.links.setdefault(self._href or "", "")
        elif tag == "p":
            self._paragraph, self._in_paragraph = [], []
        elif tag == "span" and a.get("id") and self._paragraph is not None:
            self._open.append(a["id"] or "")
            self.spans[a["id"] or ""] = ""
            self._in_paragraph.append(a["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None
        elif tag == "span" and self._open:
            self._open.pop()
        elif tag == "p" and self._paragraph is not None:
            whole = "".join(self._paragraph)
            for key in self._in_paragraph:
                self.paragraph_of[key] = whole
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self.links[self._href] += data
        if self._open:
            self.spans[self._open[-1]] += data
        if self._paragraph is not None:
            self._paragraph.append(data)


def screenshot_rows(tmp_path: Path, url: str) -> list[bytes]:
    """The page at half scale in a window tall enough that nothing scrolls (headless Chromium
    paints nothing when a screenshot needs a scroll)."""
    png = tmp_path / f"shot-{len(list(tmp_path.glob('shot-*')))}.png"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / ('profile-' + png.stem)}", f"--screenshot={png}",
        "--window-size=800,4000", "--force-device-scale-factor=0.5", "--hide-scrollbars", url,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, timeout=90, check=False)
    assert result.returncode == 0 and png.exists(), result.stderr.decode(errors="replace")[-2000:]
    return read_png(png.read_bytes())[2]


def test_following_a_citation_shows_its_sentence_highlighted_in_its_paragraph(tmp_path: Path) -> None:
    from summarize import digest, load_articles
    from summarize.renderers import render

    result = digest(load_articles([Path(__file__).resolve().parents[1] / "seeds"]))
    page = tmp_path / "digest.html"
    page.write_text(render(result, "html"), encoding="utf-8")
    # The first line whose sentence shares its paragraph: [a.n] leads to "#s-k-n".
    by_id = {a.id: a for a in result.articles}

    def shares(c: Citation) -> bool:
        paragraph = by_id[c.article].sentences[c.index].paragraph
        return sum(1 for s in by_id[c.article].sentences if s.paragraph == paragraph) > 1

    first = next(i.citations[0] for i in result.items if shares(i.citations[0]))
    found = Anchors()
    found.feed(page.read_text(encoding="utf-8"))
    href = next(
        h for h, label in found.links.items() if label.startswith(f"[{first.article}.{first.index + 1}")
    )
    article = by_id[first.article]
    sentence = article.sentences[first.index]
    target = href.removeprefix("#")
    # In the page as the browser built it: that element holds the cited sentence, within the
    # paragraph it came from (its neighbours in that paragraph around it).
    dom = Anchors()
    dom.feed(chromium(tmp_path, page, "--dump-dom").stdout.decode("utf-8"))
    assert dom.spans[target] == sentence.text
    neighbours = [s.text for s in article.sentences if s.paragraph == sentence.paragraph]
    assert len(neighbours) > 1 and all(n in dom.paragraph_of[target] for n in neighbours)
    # Followed, the sentence is highlighted; not followed, nothing is.
    before = screenshot_rows(tmp_path, page.as_uri())
    after = screenshot_rows(tmp_path, page.as_uri() + href)
    background = {bytes([0xF4, 0xF4, 0xF2]), bytes([0xFF, 0xFF, 0xFF])}
    used = [
        y
        for y, row in enumerate(before)
        if any(row[i : i + 3] not in background for i in range(0, len(row), 3))
    ]
    assert used and used[-1] < len(before) - 20, "the page must fit the window (no scroll)"

    def lit(rows: list[bytes]) -> int:
        return sum(1 for row in rows for i in range(0, len(row), 3) if row[i : i + 3] == HIGHLIGHT)

    assert lit(before) == 0
    assert lit(after) > 100  # a highlighted line of text, not a stray pixel


def test_a_translation_note_shows_under_its_line(tmp_path: Path) -> None:
    from dataclasses import replace

    from summarize.renderers import render

    note = "the English adds a conversion: 35 miles"
    d = samples.digest()
    d = replace(d, items=(replace(d.items[0], check_notes=(note,)), *d.items[1:]))
    page = tmp_path / "noted.html"
    page.write_text(render(d, "html"), encoding="utf-8")
    body = "".join(dump_dom(tmp_path, page).text)
    line = body.index("Floods hit South Jakarta.")
    assert body.index(f"translation note: {note}") > line
    assert "translation withheld:" not in body
