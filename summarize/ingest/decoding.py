"""Bytes to text, one way for every source: files, stdin, pages and feeds.

Order: a byte-order mark; then the charset the source declared (an HTTP header, or an
HTML page's `<meta charset>`); then UTF-8; then cp1252 (which maps every byte) with a
warning. Binary data is refused. Line ends are kept as they are, so offsets match the file.
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


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    return b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) * 0.05


def decode(
    data: bytes, source: str, *, charset: str | None = None, html: bool = False
) -> tuple[str, tuple[str, ...]]:
    """Decode `data`; return the text and any warning to show. `charset` is a declared label
    (HTTP header); `html=True` also reads `<meta charset>`. Raises InputError for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), ()
            except UnicodeDecodeError:
                raise InputError(f"{source}: not valid {codec.upper()} despite its byte-order mark") from None
    if _is_binary(data):
        raise InputError(f"{source}: binary file, not text")
    meta = _META_CHARSET.search(data[:4096]) if html else None
    declared = [_codec(charset), _codec(meta.group(1).decode("ascii") if meta else None)]
    candidates = [*declared, "utf-8"]
    if next((c for c in candidates if c), None) == "cp1252" and not data.isascii():
        # "ISO-8859-1" is many servers' and templates' default label, often on UTF-8 pages;
        # text that is valid UTF-8 and not plain ASCII is almost never cp1252 by chance.
        candidates.insert(0, "utf-8")
    for codec in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(codec), ()
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode("cp1252", errors="replace")
    what = "not valid UTF-8 nor in its declared charset" if any(declared) else "not UTF-8"
    return text, (f"{source}: {what}; read as cp1252 (Windows-1252)",)
