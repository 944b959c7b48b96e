"""Bytes to text, one way for every source: files, stdin, pages and feeds.

Order: a byte-order mark; then the charset the source declared (an HTTP header, or an
HTML page's `<meta charset>`); then UTF-8; then cp1252 (which maps every byte) with a
warning. A declared charset that the bytes contradict (UTF-8 labelled ISO-8859-1, cp1252
labelled UTF-8) gives a warning naming the source, and text that was already garbled
("â€œ", "Ã©": UTF-8 once read as cp1252) is repaired, with a warning, rather than kept as
mojibake. Binary data is refused, by its signature too (an all-ASCII PDF is still a PDF).
Line ends are kept as they are, so offsets match the file.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

__all__ = ["decode"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# WHATWG: these labels mean windows-1252 in practice, which is a superset of them.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# What a file is when it starts like this; checked before anything is decoded.
_SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX, XLSX or EPUB file)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
)
# UTF-8 read as cp1252 (or latin-1): "Ã©" for "é", "â€œ" for "“", "Â " for a no-break space.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
# The five bytes cp1252 leaves undefined come through as C1 controls: "”" (E2 80 9D) becomes
# "â€\x9d", "Á" (C3 81) "Ã\x81". They are tell-tale pairs too, or a quotation whose closing
# mark is one of the two pairs in it is left garbled.
_CP1252_UNDEFINED = "\x81\x8d\x8f\x90\x9d"
_SECOND = f"\u00a0-\u00bf{_CP1252_HIGH}{_CP1252_UNDEFINED}"
_MOJIBAKE = re.compile(f"[ÂÃ][{_SECOND}]|â€[{_SECOND}]")


def _codec(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _signature(data: bytes) -> str | None:
    head = data[:16].lstrip(b" \t\r\n")
    return next((what for magic, what in _SIGNATURES if head.startswith(magic)), None)


def _cp1252_bytes(text: str) -> bytes:
    """The bytes that, read as cp1252, gave `text`; the five bytes cp1252 leaves undefined
    (0x81, 0x8d, 0x8f, 0x90, 0x9d: the last is in "”") come through as themselves."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _repair(text: str, source: str) -> tuple[str, tuple[str, ...]]:
    """Undo UTF-8 that was once read as cp1252, when the text holds two of the tell-tale pairs,
    or one that begins "â€": a name may hold "Ã©" on purpose, but "â€" followed by one of
    those characters is a garbled quotation mark or dash ("Jumâ€™at"), never a spelling."""
    pairs = _MOJIBAKE.findall(text[:200_000])
    if len(pairs) < 2 and not any(p.startswith("â€") for p in pairs):
        return text, ()
    try:
        repaired = _cp1252_bytes(text).decode("utf-8")
    except UnicodeError:  # garbled in part only: say so, change nothing
        return text, (f'{source}: text looks garbled (UTF-8 read as Windows-1252, e.g. "Ã©"); kept as is',)
    return repaired, (f'{source}: text was garbled (UTF-8 read as Windows-1252, e.g. "Ã©"); repaired',)


# Control bytes that text does not hold (tab, line ends, form feed and escape aside).
_CONTROL = bytes([*range(9), *range(14, 32)])


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    # Counted in C: what `translate` deletes are the control bytes.
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return b"\x00" in sample or controls > len(sample) * 0.05


def decode(
    data: bytes, source: str, *, charset: str | None = None, html: bool = False
) -> tuple[str, tuple[str, ...]]:
    """Decode `data`; return the text and any warning to show. `charset` is a declared label
    (HTTP header); `html=True` also reads `<meta charset>`. Raises InputError for binary data."""
    what = _signature(data)
    if what:
        raise InputError(f"{source}: binary file, not text: looks like {what}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), ()
            except UnicodeDecodeError:
                raise InputError(f"{source}: not valid {codec.upper()} despite its byte-order mark") from None
    if _is_binary(data):
        raise InputError(f"{source}: binary file, not text")
    meta = _META_CHARSET.search(data[:4096]) if html else None
    labels = [charset, meta.group(1).decode("ascii") if meta else None]
    declared = [_codec(label) for label in labels]
    first = next((c for c in declared if c), None)
    if first not in (None, "utf-8") and not data.isascii():
        # Text that is valid UTF-8 and not plain ASCII is almost never in another charset by
        # chance; "ISO-8859-1" in particular is many servers' and templates' default label.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            label = next(label for label, c in zip(labels, declared, strict=True) if c == first)
            return _repair(text, source)[0], (
                f"{source}: declares charset {label} but is UTF-8; read as UTF-8",
            )
    for codec in dict.fromkeys([*(c for c in declared if c), "utf-8"]):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return _repair(text, source)
    text = data.decode("cp1252", errors="replace")
    what = "not valid UTF-8 nor in its declared charset" if any(declared) else "not UTF-8"
    return text, (f"{source}: {what}; read as cp1252 (Windows-1252)",)
