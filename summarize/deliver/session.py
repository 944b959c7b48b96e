"""An SMTP session with bounds: smtplib's client, but no wait past the session's deadline and
no reply past `MAX_REPLY_BYTES`.

smtplib alone reads a reply's continuation lines for ever (a server streaming "220-" lines
fills memory) and restarts its timeout with every line (a server answering EHLO a line a
second never times out). Here every wait ends at the per-wait timeout or the session's
deadline, whichever comes first, and lines are read a buffer at a time (`peek`), so a
server that trickles one byte a second cannot stretch one read past the deadline either.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import time
from typing import Any, cast

__all__ = ["MAX_REPLY_BYTES", "SESSION_FACTOR", "OutOfBounds", "open_session"]

# The whole session, connect to QUIT, gets 1.5 times the timeout: a healthy server answers
# each of its dozen steps in well under a second, and a run that meets a hostile one still
# ends (start-up, digest and queueing included) within twice the timeout.
SESSION_FACTOR = 1.5
# EHLO's list of extensions is the longest reply a server has reason to send (a few hundred
# bytes); 64 KB is generous, and keeps a flood of "220-" lines from filling memory.
MAX_REPLY_BYTES = 64 * 1024
_MAX_LINE = 8192  # as smtplib: RFC 5321 allows 512


class OutOfBounds(smtplib.SMTPException):
    """The server broke a bound (session deadline, reply size); the message says which."""


def open_session(
    host: str, port: int, *, implicit_tls: bool, timeout: float, deadline: float
) -> smtplib.SMTP:
    """Connect and read the greeting, under the bounds; `deadline` is a `time.monotonic()`."""
    if implicit_tls:
        return _Implicit(host, port, timeout=timeout, deadline=deadline)
    return _Plain(host, port, timeout=timeout, deadline=deadline)


class _Bounds(smtplib.SMTP):
    """smtplib's client under the module's bounds (see the module docstring)."""

    deadline = float("inf")  # time.monotonic(); set before connecting

    def _wait(self) -> float:
        """How long the next wait may take; OutOfBounds once the session's time is up."""
        left = self.deadline - time.monotonic()
        if left <= 0.01:  # (a socket timeout set to `left` may fire a hair early)
            self.close()
            limit = cast(float, self.timeout) * SESSION_FACTOR
            raise OutOfBounds(f"did not finish the conversation within {limit:g} s; gave up")
        return min(cast(float, self.timeout), left)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return super()._get_socket(host, port, min(timeout, self._wait()))  # type: ignore[misc]

    def send(self, s: Any) -> None:
        if self.sock is not None:
            self.sock.settimeout(self._wait())  # sendall: the timeout bounds the whole call
        super().send(s)

    def getreply(self) -> tuple[int, bytes]:
        lines: list[bytes] = []
        size = 0
        while True:
            line = self._line()
            size += len(line)
            if size > MAX_REPLY_BYTES:
                self.close()
                raise OutOfBounds(f"sent a reply longer than {MAX_REPLY_BYTES // 1024} KB; gave up")
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                return -1, b"\n".join(lines)
            if line[3:4] != b"-":
                return code, b"\n".join(lines)

    def _line(self) -> bytes:
        if self.sock is None:
            raise smtplib.SMTPServerDisconnected("please run connect() first")
        sock = self.sock
        if self.file is None:
            self.file = sock.makefile("rb")
        reader = self.file
        line = b""
        while not line.endswith(b"\n"):
            sock.settimeout(self._wait())
            try:
                ahead = reader.peek(1)  # one read of the socket at most
            except TimeoutError:
                self._wait()  # the session's time is up: say so, not "timed out"
                self.close()
                raise
            except OSError as exc:
                self.close()
                why = f"Connection unexpectedly closed: {exc.strerror or exc}"
                raise smtplib.SMTPServerDisconnected(why) from None
            if not ahead:
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            end = ahead.find(b"\n")
            line += reader.read(end + 1 if end >= 0 else len(ahead))
            if len(line) > _MAX_LINE:
                self.close()
                raise OutOfBounds(f"sent a line longer than {_MAX_LINE} bytes; gave up")
        return line


class _Plain(_Bounds):
    def __init__(self, host: str, port: int, *, timeout: float, deadline: float) -> None:
        self.deadline = deadline  # before connecting: the greeting is read under it
        super().__init__(host, port, timeout=timeout)


class _Implicit(_Bounds, smtplib.SMTP_SSL):
    def __init__(self, host: str, port: int, *, timeout: float, deadline: float) -> None:
        self.deadline = deadline
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
