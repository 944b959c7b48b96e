"""SMTP under hostile servers on 127.0.0.1, damaged outbox messages, and addresses that are
not ASCII (issue 25, findings 3, 4 and 10): every conversation ends within its bounds in
one clear line, the message kept in the outbox; nothing damaged is ever sent."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import state_dir
from summarize.deliver import SmtpSettings
from summarize.deliver.session import MAX_REPLY_BYTES, SESSION_FACTOR
from summarize.deliver.smtp import Utf8Refused
from summarize.errors import ConfigError, DeliveryError

from . import hostile_servers as hostile_modes
from . import mail_samples as samples
from .test_deliver_mail import SEEDS, SENDER, Inbox, Server, free_port, outbox, send, sent_keys
from .test_deliver_mail import start_server as start_server  # (a fixture, re-exported)

Talk = Callable[[socket.socket], None]
_flood: Talk = hostile_modes.flood
_slow_ehlo: Talk = functools.partial(hostile_modes.slow_ehlo, every=0.3)
_trickle: Talk = functools.partial(hostile_modes.trickle, every=0.3)


@pytest.fixture
def hostile() -> Iterator[Callable[[Talk], int]]:
    """Start a raw TCP server that talks as `talk` says to every connection; its port."""
    listeners: list[socket.socket] = []

    def start(talk: Talk) -> int:
        listener, port = hostile_modes.serve(talk)
        listeners.append(listener)
        return int(port)

    yield start
    for listener in listeners:
        listener.close()


TIMEOUT = 1.5


@pytest.mark.parametrize(
    ("talk", "security", "said"),
    [
        (_flood, "none", f"sent a reply longer than {MAX_REPLY_BYTES // 1024} KB"),
        (_flood, "starttls", f"sent a reply longer than {MAX_REPLY_BYTES // 1024} KB"),
        (_slow_ehlo, "starttls", f"did not finish the conversation within {SESSION_FACTOR * TIMEOUT:g} s"),
        (_trickle, "none", f"did not finish the conversation within {SESSION_FACTOR * TIMEOUT:g} s"),
    ],
)
def test_hostile_server_ends_within_the_bounds_and_the_message_waits(
    hostile: Callable[[Talk], int], talk: Talk, security: str, said: str
) -> None:
    port = hostile(talk)
    settings = SmtpSettings(host="127.0.0.1", port=port, sender=SENDER, security=security, timeout=TIMEOUT)  # type: ignore[arg-type]
    started = time.monotonic()
    with pytest.raises(DeliveryError) as caught:
        send(Server(Inbox(), port), smtp=settings)
    took = time.monotonic() - started
    assert took < 2 * TIMEOUT, took  # the session's limit, and the time to queue
    message = str(caught.value)
    assert f"SMTP server 127.0.0.1:{port} {said}" in message and "message kept in" in message
    assert "\n" not in message
    assert len(outbox()) == 1 and sent_keys() == 0


def test_cli_hostile_server_is_one_line_exit_1(hostile: Callable[[Talk], int]) -> None:
    port = hostile(_flood)
    result = _email(port, "--smtp-timeout", "2")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "longer than 64 KB" in lines[0] and "message kept in" in lines[0]


def _email(port: int, *args: str) -> Any:
    """`summarize email` of the seeds to a server on 127.0.0.1:`port`, in plain SMTP."""
    to = ["--to", "r@example.org", "--from", SENDER]
    return CliRunner().invoke(
        app, ["email", str(SEEDS), "--no-translate", *to, *Server(Inbox(), port).cli(), *args]
    )


# --- settings that cannot be used are usage errors ------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "1e300", "-1", "0", "soon"])
def test_unusable_smtp_timeout_is_a_usage_error(value: str) -> None:
    with pytest.raises(ConfigError, match="smtp_timeout must be a number of seconds"):
        SmtpSettings.parse(host="127.0.0.1", timeout=value)


@pytest.mark.parametrize(
    "args",
    [
        ["--smtp-timeout", "nan"],
        ["--smtp-timeout", "inf"],
        ["--smtp-timeout", "1e300"],
        ["--lock-timeout", "nan"],
    ],
)
def test_cli_unusable_timeouts_exit_2_in_one_line(args: list[str]) -> None:
    result = _email(free_port(), *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "must be a number of seconds" in lines[0], lines
    assert not outbox()


# --- addresses that are not ASCII: SMTPUTF8 where offered, else a clear refusal -------------

WIDE = "üser@exämple.org"


def test_non_ascii_recipient_goes_out_with_smtputf8(start_server: Any) -> None:
    srv = start_server(enable_SMTPUTF8=True)
    report = send(srv, to=[WIDE])
    assert report.recipients == (WIDE,)
    assert srv.inbox.messages[0][1] == [WIDE]
    assert srv.inbox.parsed()["To"] == WIDE


def test_non_ascii_recipient_without_smtputf8_is_refused_and_nothing_kept(start_server: Any) -> None:
    srv = start_server(enable_SMTPUTF8=False)  # the Controller offers it unless told not to
    with pytest.raises(Utf8Refused, match=r"does not offer SMTPUTF8, which the address .* needs"):
        send(srv, to=[WIDE])
    assert not srv.inbox.messages and not outbox() and sent_keys() == 0
    result = CliRunner().invoke(
        app, ["email", str(SEEDS), "--no-translate", "--to", WIDE, "--from", SENDER, *srv.cli()]
    )
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "SMTPUTF8" in result.stderr


# --- damaged outbox messages are set aside, their articles rebuilt ----------------------------


def _queue_one() -> Path:
    down = SmtpSettings(host="127.0.0.1", port=free_port(), sender=SENDER, security="none", timeout=2)
    with pytest.raises(DeliveryError):
        send(Server(Inbox(), 0), smtp=down, subject="queued", new_only=True)
    (queued,) = outbox()
    return queued


@pytest.mark.parametrize("damage", ["cut to 300 bytes", "emptied", "readdressed", "edited, old sidecar"])
def test_damaged_queued_message_is_set_aside_and_its_articles_rebuilt(
    start_server: Any, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    queued = _queue_one()
    data = queued.read_bytes()
    sidecar = queued.with_suffix(".json")
    meta = json.loads(sidecar.read_text("utf-8"))
    assert meta["sha256"] == hashlib.sha256(data).hexdigest() and meta["size"] == len(data)
    if damage == "cut to 300 bytes":
        queued.write_bytes(data[:300])
    elif damage == "emptied":
        queued.write_bytes(b"")
    elif damage == "readdressed":
        sidecar.write_text(json.dumps(meta | {"recipients": ["thief@example.net"]}), "utf-8")
    else:  # an old-style sidecar (no size, no hash) and a message cut inside its parts
        sidecar.write_text(json.dumps({k: v for k, v in meta.items() if k not in ("size", "sha256")}))
        queued.write_bytes(data[: len(data) * 2 // 3])
    srv = start_server()
    with caplog.at_level(logging.WARNING, logger="summarize"):
        report = send(srv, new_only=True)
    assert report.outbox_sent == 0
    assert len(srv.inbox.messages) == 1  # only the rebuilt digest; the damaged one never left
    assert srv.inbox.parsed()["Subject"] != "queued"
    assert len(report.articles) == len(samples.articles())  # its articles went out again
    assert not outbox()
    damaged = state_dir() / "outbox" / "damaged"
    assert (damaged / queued.name).exists()
    warning = next(r.getMessage() for r in caplog.records if "damaged" in r.getMessage())
    assert queued.name in warning and "not sent" in warning and "\n" not in warning


def test_damaged_message_with_nothing_new_leaves_its_articles_for_the_next_run(
    start_server: Any,
) -> None:
    queued = _queue_one()
    queued.write_bytes(queued.read_bytes()[:300])
    srv = start_server()
    first = send(srv, new_only=True, articles=samples.articles()[:1])
    assert len(first.articles) == 1 and sent_keys() == 1
    second = send(srv, new_only=True)  # the rest of the damaged message's articles
    assert len(second.articles) == len(samples.articles()) - 1 and sent_keys() == len(samples.articles())
