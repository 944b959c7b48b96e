"""Delivery: the digest by email, with the state that makes scheduled runs send once.

`send_digest_email` is the entry point; the rest is exported for callers that need a part
(composing a message, resolving SMTP settings, reading what was sent).
"""

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
]
