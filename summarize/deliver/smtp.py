"""SMTP settings and one function that hands a message to a server.

The CLI resolves the settings like every other (option, `SUMMARIZE_SMTP_*`, config file,
default) and hands them over as `SmtpSettings`; nothing here reads them. The password never
leaves this module in text: it is kept out of `repr` and scrubbed from every error message,
because cron mails stderr to someone.

Every conversation has bounds, since a server (or anyone on the path before STARTTLS) may
be hostile: each wait for the server at most `timeout` seconds, the whole session at most
`SESSION_FACTOR` times that, and each reply at most `MAX_REPLY_BYTES` (see `session`).
"""

from __future__ import annotations

import base64
import ipaddress
import smtplib
import socket
import ssl
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from ..config import default, seconds_setting
from ..errors import ConfigError, DeliveryError
from ..values import inert
from .session import SESSION_FACTOR, OutOfBounds, open_session

__all__ = [
    "SECURITY",
    "MessageRejected",
    "SmtpSettings",
    "Utf8Refused",
    "send_bytes",
]

Security = Literal["starttls", "tls", "none"]
SECURITY: tuple[Security, ...] = ("starttls", "tls", "none")
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "tls": 465, "none": 25}
DEFAULT_SECURITY: Security = default("smtp_security")
DEFAULT_TIMEOUT: float = default("smtp_timeout")
MAX_TIMEOUT = 3600.0  # an hour of silence is a dead server, not a slow one


class Utf8Refused(ConfigError):
    """An address is not ASCII and the server does not offer SMTPUTF8 to carry it."""


class MessageRejected(DeliveryError):
    """The server refused this message for good (5xx for every recipient, or for its data).

    Sending the same bytes again cannot help, so it must not be retried forever.
    """


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how to send. `security` is `starttls` (default, required, not optional),
    `tls` (implicit TLS, usually port 465) or `none` (plain; only sensible on localhost)."""

    host: str | None = None
    port: int = DEFAULT_PORTS[DEFAULT_SECURITY]
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str | None = None
    security: Security = DEFAULT_SECURITY
    timeout: float = DEFAULT_TIMEOUT

    def __repr__(self) -> str:
        # Spelled out (not the dataclass repr) so the password can never be added by mistake.
        secret = "'***'" if self.password else "None"
        return (
            f"SmtpSettings(host={self.host!r}, port={self.port}, user={self.user!r}, "
            f"password={secret}, sender={self.sender!r}, security={self.security!r}, "
            f"timeout={self.timeout})"
        )

    @classmethod
    def parse(
        cls,
        *,
        host: object = None,
        port: object = None,
        user: object = None,
        password: object = None,
        sender: object = None,
        security: object = None,
        timeout: object = None,
    ) -> SmtpSettings:
        """Settings from raw values (an option, an environment variable's text, a config file
        entry), checked; None takes the default (the port by `security`). Reads nothing
        itself: the CLI resolves each value (option, `SUMMARIZE_SMTP_*`, config file)."""
        sec = str(DEFAULT_SECURITY if security is None else security).strip().lower()
        if sec not in SECURITY:
            raise ConfigError(f"smtp_security must be one of {', '.join(SECURITY)}, not {sec!r}")
        raw_port = DEFAULT_PORTS[sec] if port is None else port
        try:
            port_number = int(raw_port)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            raise ConfigError(f"smtp_port must be a whole number, not {raw_port!r}") from None
        if not 0 < port_number < 65536:
            raise ConfigError(f"smtp_port must be 1 to 65535, not {port_number}")
        seconds = seconds_setting(
            "smtp_timeout", DEFAULT_TIMEOUT if timeout is None else timeout, most=MAX_TIMEOUT
        )
        return cls(
            host=_text(host),
            port=port_number,
            user=_text(user),
            password=_secret(password),  # not stripped: spaces can be part of a password
            sender=_text(sender),
            security=cast(Security, sec),
            timeout=seconds,
        )

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def session_s(self) -> float:
        """The most one conversation may take, from connecting to QUIT."""
        return SESSION_FACTOR * self.timeout

    def check(self) -> None:
        """Raise ConfigError when these settings cannot send anything."""
        seconds_setting("smtp_timeout", self.timeout, most=MAX_TIMEOUT)  # (made directly, not parsed)
        if not self.host:
            raise ConfigError(
                "no SMTP server: pass --smtp-host or set SUMMARIZE_SMTP_HOST "
                "(or smtp_host in the config file)"
            )
        if not self.sender:
            raise ConfigError(
                "no sender address: pass --from or set SUMMARIZE_SMTP_FROM (or smtp_from in the config file)"
            )
        if self.user and self.password is None:
            raise ConfigError(
                "smtp_user is set but no password: set SUMMARIZE_SMTP_PASSWORD "
                "(or smtp_password in the config file)"
            )
        if self.user and self.security == "none" and not _is_loopback(self.host):
            # Refuse to put a password on the wire in clear text to another machine.
            raise ConfigError(
                f"refusing to send the SMTP password unencrypted to {self.host}; "
                "use --smtp-security starttls or tls"
            )

    def scrub(self, text: str) -> str:
        """`text` with the password (and its AUTH encodings) replaced by ***."""
        if not self.password:
            return text
        user = self.user or ""
        secrets = {
            self.password,
            _b64(self.password),
            _b64(f"\0{user}\0{self.password}"),
            _b64(f"{user}\0{user}\0{self.password}"),
        }
        for secret in sorted(secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text


def send_bytes(settings: SmtpSettings, sender: str, recipients: Sequence[str], data: bytes) -> dict[str, str]:
    """Hand `data` to the server; return refused recipients (address -> reply).

    Returns only once the server has accepted the message for at least one recipient;
    every failure raises DeliveryError with a one-line reason and no secrets, within the
    session's bounds (`session_s`, `MAX_REPLY_BYTES`). An address that is not ASCII goes
    out with SMTPUTF8; a server that does not offer it raises Utf8Refused.
    """
    settings.check()
    smtp = _connect(settings)
    try:
        return _converse(smtp, settings, sender, recipients, data)
    except (OSError, smtplib.SMTPException) as exc:
        raise _failure(settings, exc) from None
    finally:
        _close(smtp)


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    """A session with the server, bounded from the first byte: the greeting is read while
    connecting, before STARTTLS, where anyone on the path can answer for the server."""
    try:
        return open_session(
            cast(str, settings.host),
            settings.port,
            implicit_tls=settings.security == "tls",
            timeout=settings.timeout,
            deadline=time.monotonic() + settings.session_s,
        )
    except OutOfBounds as exc:
        raise DeliveryError(settings.scrub(f"SMTP server {settings.where} {exc}")) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(
            settings.scrub(f"cannot reach SMTP server {settings.where}: {_reason(exc)}")
        ) from None


def _failure(settings: SmtpSettings, exc: OSError | smtplib.SMTPException) -> DeliveryError:
    """The one-line error, with no secret in it, for what went wrong once connected.
    MessageRejected where the server refused for good (sending again cannot help)."""
    where = settings.where
    kind: type[DeliveryError] = DeliveryError
    if isinstance(exc, OutOfBounds):
        text = f"SMTP server {where} {exc}"
    elif isinstance(exc, smtplib.SMTPAuthenticationError):
        text = f"SMTP server {where} refused the login for {settings.user}: {_reason(exc)}"
    elif isinstance(exc, smtplib.SMTPRecipientsRefused):
        text = f"SMTP server {where} refused every recipient: {_refused(exc.recipients)}"
        if all(code >= 500 for code, _ in exc.recipients.values()):
            kind = MessageRejected
    elif isinstance(exc, smtplib.SMTPDataError):
        text = f"SMTP server {where} refused the message: {_reason(exc)}"
        if exc.smtp_code >= 500:
            kind = MessageRejected
    elif isinstance(exc, smtplib.SMTPServerDisconnected):
        text = f"SMTP server {where} closed the connection before accepting the message ({_reason(exc)})"
    else:
        text = f"sending via SMTP server {where} failed: {_reason(exc)}"
    return kind(settings.scrub(text))


def _converse(
    smtp: smtplib.SMTP, settings: SmtpSettings, sender: str, recipients: Sequence[str], data: bytes
) -> dict[str, str]:
    """EHLO, STARTTLS, AUTH and the message; refused recipients (address -> reply)."""
    if settings.security == "starttls":
        smtp.ehlo()
        if not smtp.has_extn("starttls"):
            raise DeliveryError(
                f"SMTP server {settings.where} does not offer STARTTLS; use "
                "--smtp-security tls (implicit TLS) or none (plain, localhost only)"
            )
        smtp.starttls(context=ssl.create_default_context())
        smtp.ehlo()
    if settings.user:
        smtp.login(settings.user, settings.password or "")
    options: list[str] = []
    wide = [a for a in (sender, *recipients) if not a.isascii()]
    if wide:
        smtp.ehlo_or_helo_if_needed()
        if not smtp.has_extn("smtputf8"):
            raise Utf8Refused(
                f"SMTP server {settings.where} does not offer SMTPUTF8, which the address "
                f"{inert(wide[0])} needs; nothing was sent (use an ASCII address: a domain can be "
                "written in punycode, xn--...)"
            )
        options = ["SMTPUTF8", "BODY=8BITMIME"] if smtp.has_extn("8bitmime") else ["SMTPUTF8"]
    refused = smtp.sendmail(sender, list(recipients), data, mail_options=options)
    return {addr: _reply(code, msg) for addr, (code, msg) in refused.items()}


def _close(smtp: smtplib.SMTP) -> None:
    # Once DATA got its 250 the message is delivered: a failing QUIT must not turn that
    # into an error (which would queue the message and send it twice).
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {exc.reason or exc}"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())


def _reply(code: int, msg: bytes | str) -> str:
    text = msg.decode("utf-8", "replace") if isinstance(msg, bytes) else str(msg)
    return f"{code} {' '.join(text.split())}".strip()


def _refused(recipients: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{addr} ({_reply(code, msg)})" for addr, (code, msg) in recipients.items())


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _secret(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
