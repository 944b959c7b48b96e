"""`summarize email` against real SMTP servers on 127.0.0.1: content, auth, failures, outbox."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from typer.testing import CliRunner

from summarize.cli import app
from summarize.cli.mail import SmtpOptions
from summarize.config import state_dir
from summarize.deliver import SentStore, SmtpSettings, send_digest_email
from summarize.deliver.mail import build_numbered
from summarize.errors import ConfigError, DeliveryError
from summarize.values import Article, Citation, Digest, DigestItem, Loaded, Skipped

from . import mail_samples as samples
from .doubles import disk_full
from .unprivileged import give_away, needs_posix, run_cli, shared_folder

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PASSWORD = "s3cret-Pa55 word"
SENDER = "digest@example.org"


@dataclass
class Inbox:
    """An aiosmtpd handler that keeps what it receives; optionally slow or hanging up."""

    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    delay: float = 0.0
    hang_up: bool = False
    hold: int | None = None  # hang up on any message past this many
    refuse: dict[str, str] = field(default_factory=dict)  # address -> reply to RCPT

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.hang_up or (self.hold is not None and len(self.messages) >= self.hold):
            server.transport.close()  # drop the connection before saying 250
            return "421 closing"
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"

    def parsed(self, i: int = 0) -> EmailMessage:
        msg = message_from_bytes(self.messages[i][2], policy=policy.default)
        assert isinstance(msg, EmailMessage)
        return msg


@dataclass
class Server:
    inbox: Inbox
    port: int

    def settings(self, **kw: Any) -> SmtpSettings:
        options: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": self.port,
            "sender": SENDER,
            "security": "none",
            "timeout": 5,
        }
        return SmtpSettings(**(options | kw))

    def cli(self) -> list[str]:
        return ["--smtp-host", "127.0.0.1", "--smtp-port", str(self.port), "--smtp-security", "none"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and data.login == b"alice" and data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def start_server() -> Iterator[Any]:
    controllers: list[Controller] = []

    def start(inbox: Inbox | None = None, **kw: Any) -> Server:
        inbox = inbox or Inbox()
        port = free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **kw)
        controller.start()
        controllers.append(controller)
        return Server(inbox, port)

    yield start
    for c in controllers:
        c.stop()


@pytest.fixture
def server(start_server: Any) -> Server:
    srv: Server = start_server()
    return srv


def build(articles: Sequence[Article]) -> Digest:
    """The hand-made digest over whichever sample articles the run chose; renumbered ones
    (a --new-only email numbers its articles from 1) get a line each."""
    sample = {a.id: a for a in samples.articles()}
    if all(sample.get(a.id) == a for a in articles):
        return samples.digest(subset=tuple(a.id for a in articles))
    items = tuple(
        DigestItem(a.sentences[0].text, a.sentences[0].text, (Citation(a.id, 0),), 1.0) for a in articles
    )
    return Digest(articles=tuple(articles), items=items)


def send(server: Server, articles: Sequence[Article] | None = None, **kw: Any) -> Any:
    options: dict[str, Any] = {
        "to": ["reader@example.org"],
        "smtp": server.settings(),
        "build": build,
        "state": state_dir(create=False),  # the test's folder (the library reads no setting)
    }
    return send_digest_email(samples.articles() if articles is None else articles, **(options | kw))


def outbox() -> list[Path]:
    return sorted((state_dir() / "outbox").glob("*.eml"))


def sent_keys() -> int:
    return len(SentStore(state_dir() / "sent.sqlite3"))


def parts(msg: EmailMessage) -> tuple[str, str]:
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = (p for p in msg.iter_parts())
    assert isinstance(plain, EmailMessage) and isinstance(html, EmailMessage)
    assert plain.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    return plain.get_content(), html.get_content()


# --- content ------------------------------------------------------------------------------


def test_one_multipart_message_with_escaped_article_text(server: Server) -> None:
    report = send(server, to=["reader@example.org", "Second Reader <second@example.org>"], subject="Daily")
    assert len(server.inbox.messages) == 1
    mail_from, rcpts, _ = server.inbox.messages[0]
    assert mail_from == SENDER and rcpts == ["reader@example.org", "second@example.org"]
    msg = server.inbox.parsed()
    assert msg["Subject"] == "Daily" and msg["Message-ID"] == report.message_id
    assert msg["Auto-Submitted"] == "auto-generated"
    plain, html = parts(msg)
    assert "[1.1][2.1] (2 sources)" in plain and "sources differ: 1.000 [1.2]; 1.200 [2.2]" in plain
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in html
    assert "<script" not in html and "<img" not in html and 'onerror="' not in html
    assert 'href="https://news.example.id/banjir-jakarta"' in html and ">[1.1]</a>" in html
    assert "Banjir melanda Jakarta" in html and "Sources" in html
    assert sent_keys() == 3 and not outbox()


def test_sender_with_display_name(server: Server) -> None:
    send(server, smtp=server.settings(sender=f"News digest <{SENDER}>"))
    assert server.inbox.messages[0][0] == SENDER  # envelope: the bare address
    assert server.inbox.parsed()["From"] == f"News digest <{SENDER}>"


def test_default_subject_counts_articles(server: Server) -> None:
    send(server)
    assert server.inbox.parsed()["Subject"].startswith("News digest, ")
    assert server.inbox.parsed()["Subject"].endswith(": 3 articles")


def test_the_default_subject_counts_a_republished_copy_once() -> None:
    # A reader's check: "25 articles" counted 3 republished copies (Sources shows 22 reports).
    from dataclasses import replace

    from summarize.deliver.mail import default_subject

    articles = [
        Article(id=str(k), source=f"{k}.txt", title="t", language="id", text="", sentences=())
        for k in (1, 2, 3)
    ]
    copied = Digest(items=(), articles=(*articles[:2], replace(articles[2], duplicate_of="1")))
    assert default_subject(copied).endswith(": 2 articles")
    assert default_subject(Digest(items=(), articles=tuple(articles[:1]))).endswith(": 1 article")


def test_subject_cannot_inject_headers(server: Server) -> None:
    send(server, subject="Hi\r\nBcc: victim@example.org")
    msg = server.inbox.parsed()
    assert msg["Bcc"] is None and msg["Subject"] == "Hi Bcc: victim@example.org"


@pytest.mark.parametrize("bad", ["not-an-address", "a@b.org\nBcc: c@d.org", "", "two words@x.org"])
def test_bad_recipient_is_a_usage_error(server: Server, bad: str) -> None:
    with pytest.raises(ConfigError):
        send(server, to=[bad])
    assert not server.inbox.messages


# --- settings and secrets -----------------------------------------------------------------


def test_settings_resolve_from_options_env_and_config(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('smtp_host = "mail.example.org"\nsmtp_security = "tls"\nsmtp_user = "bob"\n')
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(config))
    monkeypatch.setenv("SUMMARIZE_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("SUMMARIZE_SMTP_FROM", SENDER)
    s = SmtpOptions().settings()  # the CLI's resolver
    assert (s.host, s.port, s.security, s.user, s.password, s.sender) == (
        "mail.example.org", 465, "tls", "bob", PASSWORD, SENDER,
    )  # fmt: skip
    options = SmtpOptions(smtp_host="other", smtp_port=2525, security="starttls")
    assert options.settings().where == "other:2525"
    monkeypatch.setenv("SUMMARIZE_SMTP_SECURITY", "ssl-please")
    with pytest.raises(ConfigError, match="smtp_security"):
        SmtpOptions().settings()


def test_password_never_in_repr_or_str() -> None:
    s = SmtpSettings(host="h", user="alice", password=PASSWORD, sender=SENDER)
    assert PASSWORD not in repr(s) and PASSWORD not in str(s) and "***" in repr(s)
    assert PASSWORD not in s.scrub(f"server said {PASSWORD} and AHMtYWJj")


def test_plaintext_password_only_to_localhost() -> None:
    with pytest.raises(ConfigError, match="unencrypted"):
        SmtpSettings(host="mail.example.org", user="u", password="p", sender=SENDER, security="none").check()
    SmtpSettings(host="127.0.0.1", user="u", password="p", sender=SENDER, security="none").check()


def test_missing_host_or_sender_says_what_to_set() -> None:
    mail = {"to": ["a@example.org"], "build": build, "state": state_dir(create=False)}
    with pytest.raises(ConfigError, match="SUMMARIZE_SMTP_HOST"):
        send_digest_email(samples.articles(), **mail)
    with pytest.raises(ConfigError, match="--from"):
        send_digest_email(samples.articles(), smtp=SmtpSettings(host="127.0.0.1"), **mail)


# --- auth ---------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # on purpose, over loopback
def test_auth_accepted(start_server: Any) -> None:
    srv = start_server(authenticator=authenticate, auth_require_tls=False, auth_required=True)
    send(srv, smtp=srv.settings(user="alice", password=PASSWORD))
    assert len(srv.inbox.messages) == 1 and sent_keys() == 3


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_auth_refused_queues_and_never_shows_password(
    start_server: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    srv = start_server(authenticator=authenticate, auth_require_tls=False, auth_required=True)
    monkeypatch.setenv("SUMMARIZE_SMTP_PASSWORD", "wrong " + PASSWORD)
    result = CliRunner().invoke(
        app,
        ["-vv", "email", str(SEEDS), "--no-translate", "--to", "r@example.org", "--from", SENDER,
         "--smtp-user", "alice", *srv.cli()],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "refused the login for alice" in result.stderr and "535" in result.stderr
    assert "kept in" in result.stderr and "; 1 message waiting in " in result.stderr
    assert result.stderr.endswith(", the next run sends it first\n")
    assert PASSWORD not in result.output and PASSWORD not in caplog.text
    assert result.stderr.count("\n") <= 2 and "Traceback" not in result.output
    assert not srv.inbox.messages and len(outbox()) == 1 and sent_keys() == 0
    assert PASSWORD.encode() not in outbox()[0].read_bytes()


# --- failures: nothing is lost ------------------------------------------------------------


def test_server_down_queues_then_next_run_delivers_queue_first(start_server: Any) -> None:
    down = SmtpSettings(host="127.0.0.1", port=free_port(), sender=SENDER, security="none", timeout=2)
    with pytest.raises(
        DeliveryError, match=r"cannot reach SMTP server .* connection refused; message kept in"
    ):
        send(Server(Inbox(), 0), smtp=down, subject="first")
    assert len(outbox()) == 1 and sent_keys() == 0
    srv = start_server()
    report = send(srv, subject="second")
    assert report.outbox_sent == 1
    assert [srv.inbox.parsed(i)["Subject"] for i in range(2)] == ["first", "second"]
    assert not outbox() and not list((state_dir() / "outbox").iterdir())  # sidecars gone too


def test_still_down_with_nothing_new_says_what_waits() -> None:
    down = SmtpSettings(host="127.0.0.1", port=free_port(), sender=SENDER, security="none", timeout=2)
    with pytest.raises(DeliveryError):
        send(Server(Inbox(), 0), smtp=down, new_only=True)
    with pytest.raises(
        DeliveryError,
        match=r"connection refused; 1 message waiting in .*outbox, the next run sends it first$",
    ):
        send(Server(Inbox(), 0), smtp=down, new_only=True)  # queued articles are not new
    assert len(outbox()) == 1


def test_what_waits_and_what_went_first_are_counted_in_words(start_server: Any) -> None:
    # Said "1 message(s) waiting ..." and "(1 queued message(s) were delivered first)".
    down = SmtpSettings(host="127.0.0.1", port=free_port(), sender=SENDER, security="none", timeout=2)
    waiting = r"; {} waiting in .*outbox, the next run sends {} first{}$"
    for subject, count, them in [
        ("1st", "1 message", "it"),
        ("2nd", "2 messages", "them"),
        ("3rd", "3 messages", "them"),
    ]:
        with pytest.raises(DeliveryError, match=waiting.format(count, them, "")):
            send(Server(Inbox(), 0), smtp=down, subject=subject)
    srv = start_server(Inbox(hold=1))  # takes the 1st, then hangs up on the 2nd; the 4th is queued
    done = r" \(1 queued message was delivered first\)"
    with pytest.raises(DeliveryError, match=waiting.format("3 messages", "them", done)):
        send(srv, subject="4th")
    srv.inbox.hold = 3  # takes the 2nd and 3rd, then hangs up on the 4th; nothing is new
    done = r" \(2 queued messages were delivered first\)"
    with pytest.raises(DeliveryError, match=waiting.format("1 message", "it", done)):
        send(srv, new_only=True)
    assert [srv.inbox.parsed(i)["Subject"] for i in range(3)] == ["1st", "2nd", "3rd"]


def test_dropped_mid_send_is_queued_and_resent(start_server: Any) -> None:
    flaky = start_server(Inbox(hang_up=True))
    with pytest.raises(DeliveryError, match="closed the connection"):
        send(flaky, subject="dropped")
    assert len(outbox()) == 1 and sent_keys() == 0
    # Next run, server healthy, --new-only: the queued articles count as on their way,
    # so the queue is delivered and nothing is sent twice.
    flaky.inbox.hang_up = False
    report = send(flaky, new_only=True)
    assert report.outbox_sent == 1 and not report.articles
    assert [m for _, _, m in flaky.inbox.messages].__len__() == 1
    assert flaky.inbox.parsed()["Subject"] == "dropped"
    assert sent_keys() == 3 and not outbox()


def test_some_recipients_refused_is_reported(server: Server) -> None:
    server.inbox.refuse["gone@example.org"] = "550 5.1.1 no such user"
    report = send(server, to=["reader@example.org", "gone@example.org"])
    assert report.refused == (("gone@example.org", "550 5.1.1 no such user"),)
    assert server.inbox.messages[0][1] == ["reader@example.org"] and sent_keys() == 3


def test_cli_some_recipients_refused_exit_3(server: Server) -> None:
    server.inbox.refuse["gone@example.org"] = "550 5.1.1 no such user"
    result = CliRunner().invoke(
        app,
        ["email", str(SEEDS), "--no-translate", "--to", "r@example.org", "--to", "gone@example.org",
         "--from", SENDER, *server.cli()],
    )  # fmt: skip
    assert result.exit_code == 3, result.output
    assert "the server refused gone@example.org: 550 5.1.1 no such user" in result.stderr
    assert len(server.inbox.messages) == 1 and sent_keys() == 5


def test_temporarily_refused_recipients_are_retried(server: Server) -> None:
    server.inbox.refuse["reader@example.org"] = "450 4.2.0 greylisted, try later"
    with pytest.raises(DeliveryError, match=r"greylisted.*kept in"):
        send(server)
    assert len(outbox()) == 1
    server.inbox.refuse.clear()
    assert send(server).outbox_sent == 1 and len(server.inbox.messages) == 2


def test_message_refused_for_good_is_set_aside_not_retried(server: Server) -> None:
    server.inbox.refuse["reader@example.org"] = "550 5.1.1 no such user"
    with pytest.raises(DeliveryError, match=r"no such user.*not retried"):
        send(server)
    rejected = list((state_dir() / "outbox" / "rejected").glob("*.eml"))
    assert len(rejected) == 1 and not outbox() and sent_keys() == 0
    server.inbox.refuse.clear()
    assert send(server).outbox_sent == 0 and len(server.inbox.messages) == 1


def test_queued_message_refused_for_good_does_not_block_the_queue(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    down = SmtpSettings(host="127.0.0.1", port=free_port(), sender=SENDER, security="none", timeout=2)
    with pytest.raises(DeliveryError):
        send(server, to=["gone@example.org"], smtp=down)
    server.inbox.refuse["gone@example.org"] = "550 5.1.1 no such user"
    report = send(server)
    assert report.outbox_sent == 0 and len(server.inbox.messages) == 1 and sent_keys() == 3
    assert "not retried" in caplog.text and not outbox()


def test_silent_server_times_out_and_queues() -> None:
    with socket.socket() as listener:  # accepts connections (backlog) but never speaks
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        silent = SmtpSettings(
            host="127.0.0.1", port=listener.getsockname()[1], sender=SENDER, security="none", timeout=0.5
        )
        started = time.monotonic()
        with pytest.raises(DeliveryError, match="timed out"):
            send(Server(Inbox(), 0), smtp=silent)
        assert time.monotonic() - started < 5
    assert len(outbox()) == 1


def test_cli_server_down_exit_1_and_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port()
    result = CliRunner().invoke(
        app,
        ["email", str(SEEDS), "--no-translate", "--to", "r@example.org", "--from", SENDER,
         "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--smtp-security", "none"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith("summarize: error: cannot reach SMTP server 127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1 and len(outbox()) == 1


def test_starttls_is_required_by_default(server: Server) -> None:
    with pytest.raises(DeliveryError, match="does not offer STARTTLS"):
        send(server, smtp=server.settings(security="starttls"))
    assert not server.inbox.messages and len(outbox()) == 1


# --- TLS ----------------------------------------------------------------------------------


@pytest.fixture
def tls_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl command not found (needed to make a test certificate)")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts only this certificate
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


def test_starttls_and_auth(start_server: Any, tls_context: ssl.SSLContext) -> None:
    srv = start_server(
        tls_context=tls_context, require_starttls=True, authenticator=authenticate, auth_required=True
    )
    send(srv, smtp=srv.settings(security="starttls", user="alice", password=PASSWORD))
    assert len(srv.inbox.messages) == 1


def test_implicit_tls(start_server: Any, tls_context: ssl.SSLContext) -> None:
    srv = start_server(ssl_context=tls_context)
    send(srv, smtp=srv.settings(security="tls"))
    assert len(srv.inbox.messages) == 1


def test_untrusted_certificate_is_refused(start_server: Any, tls_context: ssl.SSLContext) -> None:
    srv = start_server(ssl_context=tls_context)
    os.environ.pop("SSL_CERT_FILE")  # monkeypatch restores it; now the cert is untrusted
    with pytest.raises(DeliveryError, match=r"CERTIFICATE_VERIFY_FAILED|certificate"):
        send(srv, smtp=srv.settings(security="tls"))
    assert not srv.inbox.messages and len(outbox()) == 1


# --- scheduled runs -----------------------------------------------------------------------


def test_new_only_sends_only_new_articles(server: Server) -> None:
    first, second, third = samples.articles()
    send(server, [first, second], new_only=True)
    again = send(server, [first, second], new_only=True)
    assert len(server.inbox.messages) == 1 and not again.articles and again.already_sent == 2
    report = send(server, [first, second, third], new_only=True)
    assert [a.id for a in report.articles] == ["3"]
    plain, html = parts(server.inbox.parsed(1))
    assert "Harga beras naik" in html and "Banjir melanda Jakarta" not in html
    # Numbered from 1 in the email, and it says what `summarize cite` calls it.
    assert "[1.1]" in plain and "[3.1]" not in plain and "[1] Harga beras naik" in plain
    assert "[1] is 3" in plain and "summarize cite SOURCE... 3.2" in plain


def test_a_new_only_email_leaves_out_the_notes_on_articles_sent_before(server: Server) -> None:
    # A newsroom editor's three days (round 44): day 1's "feed date ... cannot be read" on an
    # article sent that day came back in the emails of days 2 and 3, which did not hold it.
    first, second, third = samples.articles()
    late = f"{first.source}: feed date 'Senin sore' cannot be read; its page's date (2023-10-14) is used"
    dead = "skipped https://news.example.id/hilang: HTTP 404"
    loaded = Loaded((first, second), (), (late,))
    send(server, loaded, new_only=True)
    assert "feed date 'Senin sore'" in " ".join(parts(server.inbox.parsed(0))[0].split())
    loaded = Loaded((first, second, third), (Skipped("https://news.example.id/hilang", "HTTP 404"),), (late,))
    report = send(server, loaded, new_only=True)
    assert [a.id for a in report.articles] == ["3"]
    plain = " ".join(parts(server.inbox.parsed(1))[0].split())
    assert "feed date 'Senin sore'" not in plain  # its article was sent yesterday
    assert dead in plain  # a source never read is still named


def test_the_renumbering_note_counts_its_articles_in_words() -> None:
    # It said "numbers its 1 new article(s) from 1".
    _, second, third = samples.articles()
    (one,) = build_numbered(build, [third]).notes
    assert one.startswith("This email numbers its 1 new article from 1. ")
    (two,) = build_numbered(build, [second, third]).notes
    assert two.startswith("This email numbers its 2 new articles from 1. ")


def test_without_new_only_everything_is_sent_again(server: Server) -> None:
    send(server)
    send(server)
    assert len(server.inbox.messages) == 2


def test_cli_new_only_nothing_new_exit_0_one_line(server: Server) -> None:
    args = ["email", str(SEEDS), "--no-translate", "--to", "r@example.org", "--from", SENDER, "--new-only"]
    first = CliRunner().invoke(app, [*args, *server.cli()])
    assert first.exit_code == 0, first.output
    assert "sent a digest of 5 articles to r@example.org" in first.stderr
    second = CliRunner().invoke(app, [*args, *server.cli()])
    assert second.exit_code == 0, second.output
    assert second.stderr.strip() == "summarize: nothing new to send (5 articles already sent)"
    assert len(server.inbox.messages) == 1 and sent_keys() == 5
    plain, html = parts(server.inbox.parsed())
    assert "Sources" in plain and "seeds/" in html and "[1." in plain


@pytest.mark.slow
def test_cli_translated_email_names_its_model(server: Server, tiny_model: Path) -> None:
    args = [
        "email",
        str(SEEDS / "000_67ac5ad99854fffb.txt"),
        "--model",
        str(tiny_model),
        "--to",
        "r@example.org",
    ]
    result = CliRunner().invoke(app, [*args, "--from", SENDER, "-n", "2", *server.cli()])
    assert result.exit_code == 0, result.output
    plain, html = parts(server.inbox.parsed())
    assert f"English by {tiny_model} (transformers)" in " ".join(plain.split())
    assert "English by" in html and "[1." in plain


def test_two_threads_send_exactly_once(start_server: Any) -> None:
    srv = start_server(Inbox(delay=0.5))  # long enough for the runs to overlap
    barrier = threading.Barrier(2)
    results: list[Any] = []

    def run() -> None:
        barrier.wait()
        results.append(send(srv, new_only=True))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(srv.inbox.messages) == 1
    assert sorted(len(r.articles) for r in results) == [0, 3]


def test_two_processes_send_exactly_once(start_server: Any, tmp_path: Path) -> None:
    srv = start_server(Inbox(delay=0.5))
    cmd = [sys.executable, "-c", "from summarize.cli import main; main()", "email", str(SEEDS), "--no-translate",
           "--to", "r@example.org", "--from", SENDER, "--new-only", *srv.cli()]  # fmt: skip
    procs = [
        subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=os.environ.copy()) for _ in range(2)
    ]
    errs = [p.communicate(timeout=60)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert len(srv.inbox.messages) == 1
    assert sum("nothing new to send" in e for e in errs) == 1


def test_lock_timeout_is_a_clear_error(server: Server) -> None:
    from summarize.deliver import run_lock

    with (
        run_lock(state_dir() / "email.lock"),
        pytest.raises(DeliveryError, match="another `summarize email` run"),
    ):
        send(server, lock_timeout=0.2)
    assert not server.inbox.messages


# --- dry run ------------------------------------------------------------------------------


def test_dry_run_writes_eml_and_marks_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.eml"
    result = CliRunner().invoke(
        app, ["email", str(SEEDS), "--no-translate", "--to", "r@example.org", "--dry-run", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert f"dry run: wrote {target}" in result.stderr and "nothing sent" in result.stderr
    msg = message_from_bytes(target.read_bytes(), policy=policy.default)
    assert isinstance(msg, EmailMessage)
    plain, html = parts(msg)
    assert "Sources" in plain and "<!DOCTYPE html>" in html
    assert sent_keys() == 0 and not outbox()


def test_digest_shape_options_reach_the_email(tmp_path: Path) -> None:
    # A day's mixed news: the seeds' story plus four unrelated IndoSum articles.
    target = tmp_path / "out.eml"
    mixed = [str(SEEDS), *sorted(str(p) for p in (ROOT / "tests" / "data").glob("*.txt"))]
    args = ["email", *mixed, "--no-translate", "--to", "r@example.org", "--dry-run", "-o", str(target)]
    result = CliRunner().invoke(app, [*args, "--max-stories", "1", "--items-per-story", "2"])
    assert result.exit_code == 0, result.output
    plain, _ = parts(message_from_bytes(target.read_bytes(), policy=policy.default))
    digest_part = plain[: plain.index("Briefs\r\n------")]
    assert len(re.findall(r"^- ", digest_part, re.MULTILINE)) == 2  # one story, two lines
    assert "1 source" not in plain


def test_dry_run_without_output_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cron job started in a checkout must not leave .eml files there: no -o, stdout."""
    monkeypatch.chdir(tmp_path)
    report = send_digest_email(
        samples.articles(), to=["r@example.org"], dry_run=True, build=build, state=state_dir(create=False)
    )
    assert report.dry_run is None and report.message is not None
    assert message_from_bytes(report.message, policy=policy.default)["To"] == "r@example.org"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-c", "from summarize.cli import main; main()", "email", str(SEEDS),
         "--no-translate", "--to", "r@example.org", "--dry-run"],
        cwd=tmp_path, capture_output=True, timeout=120, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert list(tmp_path.iterdir()) == [] and sent_keys() == 0
    msg = message_from_bytes(run.stdout, policy=policy.default)
    assert "Sources" in parts(msg)[0]  # type: ignore[arg-type]
    assert b"the message is on stdout" in run.stderr


# --- a state folder that cannot record ------------------------------------------------------


def test_store_that_cannot_record_means_nothing_is_sent(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read-only store (the issue: the mail went out, then recording failed, so every later
    # --new-only run sent it again). mode=ro refuses writes the way a read-only folder
    # does, for any user, root included.
    SentStore(state_dir() / "sent.sqlite3")
    uri = (state_dir() / "sent.sqlite3").resolve().as_uri() + "?mode=ro"
    monkeypatch.setattr(SentStore, "_connect", lambda self: sqlite3.connect(uri, uri=True))
    with pytest.raises(DeliveryError, match=r"readonly database\); nothing was sent"):
        send(server, new_only=True)
    assert server.inbox.messages == [] and outbox() == []


def test_full_disk_before_sending_means_nothing_is_sent(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk_full(monkeypatch)
    with pytest.raises(DeliveryError, match=r"database or disk is full\); nothing was sent"):
        send(server, new_only=True)
    assert server.inbox.messages == []


def test_full_disk_after_sending_says_what_will_happen(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk fills between the check and the record: the mail went out; the error says
    # so, and that a later --new-only run will send those articles again.
    monkeypatch.setattr(SentStore, "check_writable", lambda self: None)
    disk_full(monkeypatch)
    with pytest.raises(
        DeliveryError, match=r"was sent but could not be recorded .* will send its 3 articles again"
    ):
        send(server, new_only=True)
    assert len(server.inbox.messages) == 1
    with pytest.raises(DeliveryError, match=r"will send its 1 article again"):  # was "1 article(s)"
        send(server, samples.articles()[:1], new_only=True)


@pytest.mark.parametrize("case", ["disk full", "wrong schema", "state folder is a file"])
def test_cli_state_trouble_is_one_line_not_internal(
    server: Server, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, case: str
) -> None:
    if case == "disk full":
        disk_full(monkeypatch)
        expected = "database or disk is full"
    elif case == "wrong schema":
        with closing(sqlite3.connect(state_dir() / "sent.sqlite3")) as db, db:
            db.execute("CREATE TABLE sent (url TEXT, day TEXT)")
        expected = "is not a summarize sent-articles store"
    else:
        blocked = tmp_path / "a-file"
        blocked.write_text("x")
        monkeypatch.setenv("SUMMARIZE_STATE_DIR", str(blocked / "state"))
        expected = "cannot create the state folder"
    args = ["email", str(SEEDS), "--no-translate", "--to", "r@example.org", "--from", SENDER, "--new-only"]
    result = CliRunner().invoke(app, [*args, *server.cli()])
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("summarize: error: ") and expected in line
    assert server.inbox.messages == []


def test_refused_articles_are_not_rebuilt_and_refused_again(
    server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    first, second, third = samples.articles()
    server.inbox.refuse["reader@example.org"] = "550 5.7.1 message refused"
    with pytest.raises(
        DeliveryError, match=r"not retried; its articles are left out of later --new-only runs"
    ):
        send(server, [first, second], new_only=True)
    server.inbox.refuse.clear()  # even once the server would take it, the refused message is not rebuilt
    report = send(server, [first, second, third], new_only=True)
    assert [a.id for a in report.articles] == ["3"] and report.held_back == 2 and report.already_sent == 0
    assert (
        "2 articles left out: the server refused the message that carried them (kept in "
        f"{state_dir() / 'outbox' / 'rejected'}; delete it there to send them again)"
    ) in caplog.text
    assert len(server.inbox.messages) == 1
    # To other recipients the refused articles are not held back.
    other = send(server, [first, second], new_only=True, to=["other@example.org"])
    assert [a.id for a in other.articles] == ["1", "2"]


def test_one_article_left_out_is_counted_in_words(server: Server, caplog: pytest.LogCaptureFixture) -> None:
    # Said "1 article(s) left out: ... carried them".
    first, second, _ = samples.articles()
    server.inbox.refuse["reader@example.org"] = "550 5.7.1 message refused"
    with pytest.raises(DeliveryError, match=r"not retried"):
        send(server, [first], new_only=True)
    server.inbox.refuse.clear()
    report = send(server, [first, second], new_only=True)
    assert [a.id for a in report.articles] == ["2"] and report.held_back == 1
    assert (
        "1 article left out: the server refused the message that carried it (kept in "
        f"{state_dir() / 'outbox' / 'rejected'}; delete it there to send it again)"
    ) in caplog.text


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    with shared_folder() as path:
        yield path


@needs_posix
def test_cli_read_only_state_folder_sends_nothing(server: Server, shared_dir: Path) -> None:
    # The case, with real permissions: the folder is read-only, the files in it
    # are the user's own and writable, so the lock opens and only recording would fail.
    state = shared_dir / "state"
    state.mkdir()
    SentStore(state / "sent.sqlite3").mark_sent([("https://x.example/old", "old")], "<m@x>")
    (state / "email.lock").touch()
    give_away(state, state / "sent.sqlite3", state / "email.lock")
    state.chmod(0o555)
    args = ["email", str(SEEDS), "--no-translate", "--to", "r@example.org", "--from", SENDER, "--new-only"]
    result = run_cli([*args, *server.cli()], {"SUMMARIZE_STATE_DIR": str(state)})
    assert result.returncode == 1, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("summarize: error: cannot record deliveries in") and "nothing was sent" in line
    assert server.inbox.messages == []
