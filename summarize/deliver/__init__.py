"""Delivery: result files, and the digest by email with the state that makes scheduled runs send once.

- `files`: writing results atomically (`write_result`).
- `mail`: `send_digest_email`, the email entry point; `smtp`, `session`, `outbox` and `state`
  are its parts (SMTP settings and sending, the bounded SMTP conversation, the queue of unsent
  messages, what was already sent).

The mail stack (jinja2, email, smtplib, sqlite3) loads only when one of its names is used,
so writing a file never imports it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .files import write_atomic, write_result

if TYPE_CHECKING:
    from .mail import EmailReport, compose_message, send_digest_email
    from .outbox import Outbox, Pending
    from .smtp import SmtpSettings
    from .state import SentStore, article_key, run_lock

__all__ = [
    "EmailReport",
    "Outbox",
    "Pending",
    "SentStore",
    "SmtpSettings",
    "article_key",
    "compose_message",
    "run_lock",
    "send_digest_email",
    "write_atomic",
    "write_result",
]

_LAZY = {
    "EmailReport": "mail",
    "compose_message": "mail",
    "send_digest_email": "mail",
    "Outbox": "outbox",
    "Pending": "outbox",
    "SmtpSettings": "smtp",
    "SentStore": "state",
    "article_key": "state",
    "run_lock": "state",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
