"""Messages that could not be sent wait here (`<state dir>/outbox/*.eml`) for the next run.

Each message is a complete RFC 5322 file plus a `.json` sidecar holding the envelope, the
keys of the articles it carries (so they are marked sent only once it is delivered) and the
message's size and SHA-256. Both are written to a temporary name and renamed, so a crash
never leaves half a message; the `.eml` is renamed last and is what makes an entry exist.

A queued message is checked before it is sent: the bytes the sidecar describes, a message
that parses whole, addressed to the recipients it was queued for. One that fails (cut short
by a full disk, emptied, edited) is moved to `damaged/` with a warning and never sent; its
articles were never marked sent, so the next run puts them in a fresh message.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.errors import CloseBoundaryNotFoundDefect, StartBoundaryNotFoundDefect
from email.message import Message
from email.utils import getaddresses
from pathlib import Path

from ..errors import DeliveryError
from ..values import inert
from .files import write_atomic

__all__ = ["Outbox", "Pending"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Pending:
    """One queued message: its file, envelope, and the (key, title) of each article in it."""

    path: Path
    sender: str
    recipients: tuple[str, ...]
    articles: tuple[tuple[str, str], ...]
    message_id: str

    def data(self) -> bytes:
        return self.path.read_bytes()


class Outbox:
    """A folder of messages waiting to be sent, oldest first."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def put(
        self,
        data: bytes,
        *,
        sender: str,
        recipients: tuple[str, ...],
        articles: tuple[tuple[str, str], ...],
        message_id: str,
        rejected: bool = False,
    ) -> Path:
        """Queue a message (or, `rejected`, set it aside); return the path of its .eml file."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        stem = f"{stamp}-{uuid.uuid4().hex[:8]}"  # sorts by time; unique across processes
        meta = {
            "sender": sender,
            "recipients": list(recipients),
            "articles": [list(a) for a in articles],
            "message_id": message_id,
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        directory = self.rejected if rejected else self.directory
        try:
            directory.mkdir(parents=True, exist_ok=True)
            write_atomic(directory / f"{stem}.json", json.dumps(meta, indent=1).encode(), private=True)
            path = directory / f"{stem}.eml"
            write_atomic(path, data, private=True)
        except OSError as exc:
            raise DeliveryError(f"cannot write to the outbox {self.directory}: {exc}") from None
        return path

    def pending(self) -> list[Pending]:
        """Queued messages, oldest first."""
        try:
            names = sorted(e.name for e in os.scandir(self.directory) if e.name.endswith(".eml"))
        except FileNotFoundError:
            return []
        except OSError as exc:
            # Not an empty queue: messages in a folder we cannot read would be lost silently.
            raise DeliveryError(
                f"cannot read the outbox {self.directory} ({exc.strerror or exc}); nothing was sent; "
                "make it readable, or set SUMMARIZE_STATE_DIR to another folder"
            ) from None
        found = []
        for path in (self.directory / name for name in names):
            try:
                found.append(self._load(path))
            except _Damaged as exc:
                self._set_aside(path, str(exc))
            except DeliveryError as exc:
                # One broken file must not hold up every later message: skip it, loudly.
                log.warning("%s", exc)
        return found

    @property
    def damaged(self) -> Path:
        """Where queued messages that failed their check are kept (never sent)."""
        return self.directory / "damaged"

    def _set_aside(self, path: Path, why: str) -> None:
        try:
            self.damaged.mkdir(parents=True, exist_ok=True)
            sidecar = path.with_suffix(".json")
            if sidecar.exists():
                os.replace(sidecar, self.damaged / sidecar.name)
            os.replace(path, self.damaged / path.name)
        except OSError as exc:
            log.warning(
                "queued message %s is damaged (%s) and cannot be moved to %s (%s); not sent; "
                "delete it by hand",
                path, why, self.damaged, exc.strerror or exc,
            )  # fmt: skip
            return
        log.warning(
            "queued message %s is damaged (%s); moved to %s and not sent; its articles stay unsent, "
            "so the next run puts them in a new message",
            path.name, why, self.damaged,
        )  # fmt: skip

    @property
    def rejected(self) -> Path:
        """Where messages the server refused for good are kept (never retried, never lost)."""
        return self.directory / "rejected"

    def rejected_articles(self, recipients: Sequence[str]) -> set[str]:
        """Keys of the articles in refused messages that were addressed to `recipients`
        (the same set of addresses, in any order or case)."""
        wanted = sorted(r.lower() for r in recipients)
        keys: set[str] = set()
        if not self.rejected.is_dir():
            return keys
        for sidecar in self.rejected.glob("*.json"):
            try:
                meta = json.loads(sidecar.read_text("utf-8"))
            except (OSError, ValueError):
                continue  # unreadable: its articles are simply not held back
            if not isinstance(meta, dict) or not isinstance(meta.get("recipients"), list):
                continue
            if sorted(str(r).lower() for r in meta["recipients"]) != wanted:
                continue
            for entry in meta.get("articles") or []:
                if isinstance(entry, list) and entry:
                    keys.add(str(entry[0]))
        return keys

    def reject(self, item: Pending) -> Path:
        """Move a queued message out of the queue into `rejected/`; return its new path."""
        target = self.rejected / item.path.name
        try:
            self.rejected.mkdir(parents=True, exist_ok=True)
            sidecar = item.path.with_suffix(".json")
            if sidecar.exists():
                os.replace(sidecar, self.rejected / sidecar.name)
            os.replace(item.path, target)
        except OSError as exc:
            raise DeliveryError(
                f"the server refused queued message {item.path} for good, and it cannot be moved to "
                f"{self.rejected} ({exc.strerror or exc}); move or delete it by hand"
            ) from None
        return target

    def remove(self, item: Pending) -> None:
        """Forget a delivered message (the .eml first: without it the sidecar is inert)."""
        try:
            item.path.unlink(missing_ok=True)
        except OSError as exc:
            raise DeliveryError(
                f"queued message {item.path} was sent but cannot be removed from the outbox "
                f"({exc.strerror or exc}); delete it by hand, or the next run sends it again"
            ) from None
        try:
            item.path.with_suffix(".json").unlink(missing_ok=True)
        except OSError as exc:
            log.warning(
                "cannot remove %s (%s); it is inert without its message", item.path.with_suffix(".json"), exc
            )

    def _load(self, path: Path) -> Pending:
        meta: dict[str, object] = {}
        try:
            loaded = json.loads(path.with_suffix(".json").read_text("utf-8"))
            if isinstance(loaded, dict):
                meta = loaded
        except (OSError, ValueError):
            pass  # a lost sidecar must not lose the message: fall back to its headers
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DeliveryError(f"cannot read queued message {path}: {exc}") from None
        headers = _checked(data, meta)
        sender = meta.get("sender")
        if not isinstance(sender, str) or not sender:
            sender = _first_address(str(headers.get("From", "")))
        recipients = meta.get("recipients")
        if not isinstance(recipients, list) or not recipients:
            recipients = [a for _, a in getaddresses([str(v) for v in headers.get_all("To", [])])]
        listed = meta.get("articles")
        articles = tuple(
            (str(entry[0]), str(entry[1]))
            for entry in (listed if isinstance(listed, list) else [])
            if isinstance(entry, list) and len(entry) == 2
        )
        if not sender or not any(recipients):
            raise DeliveryError(
                f"queued message {path} has no sender or recipients; skipped (fix or delete it)"
            )
        return Pending(
            path=path,
            sender=sender,
            recipients=tuple(str(r) for r in recipients if r),
            articles=articles,
            message_id=str(meta.get("message_id") or headers.get("Message-ID", "")),
        )


class _Damaged(DeliveryError):
    """A queued message that must not be sent (see `_checked`)."""


def _checked(data: bytes, meta: dict[str, object]) -> Message:
    """The parsed message, or _Damaged when it is not the whole message that was queued:
    the size and SHA-256 in its sidecar (messages queued before they were stored: the
    message's own structure), its headers, its MIME parts, and its recipients."""
    if not data.strip():
        raise _Damaged("it is empty")
    size, digest = meta.get("size"), meta.get("sha256")
    if isinstance(size, int) and size != len(data):
        raise _Damaged(f"{len(data):,} bytes, but {size:,} were queued")
    if isinstance(digest, str) and digest != hashlib.sha256(data).hexdigest():
        raise _Damaged("its content changed after it was queued")
    try:
        msg = message_from_bytes(data, policy=policy.default)
        missing = [h for h in ("From", "To", "Date", "Message-ID") if not msg.get(h)]
    except Exception as exc:  # the email package's header classes raise a variety of errors
        raise _Damaged(f"it does not parse ({type(exc).__name__})") from None
    if missing:
        raise _Damaged(f"no {', '.join(missing)} header")
    cut = (StartBoundaryNotFoundDefect, CloseBoundaryNotFoundDefect)
    parts = list(msg.walk())
    if any(isinstance(d, cut) for p in parts for d in p.defects) or (msg.is_multipart() and len(parts) < 2):
        raise _Damaged("its MIME parts are cut short")
    listed = meta.get("recipients")
    to = sorted(a.lower() for _, a in getaddresses([str(v) for v in msg.get_all("To", [])]) if a)
    if isinstance(listed, list) and listed and sorted(str(r).lower() for r in listed) != to:
        shown = inert(", ".join(str(r) for r in listed))
        raise _Damaged(f"it is addressed to {inert(', '.join(to)) or 'nobody'}, not {shown}")
    return msg


def _first_address(value: str) -> str:
    found = [addr for _, addr in getaddresses([value]) if addr]
    return found[0] if found else ""
