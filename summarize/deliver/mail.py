"""The digest by email: compose one multipart/alternative message and deliver it once.

`send_digest_email` is the whole scheduled-run story in one call:

1. take the run lock (two overlapping cron runs never both send);
2. send what earlier runs left in the outbox, oldest first;
3. with `new_only`, drop articles already sent (or waiting in the outbox);
4. build the digest, compose the message, send it;
5. mark its articles sent only after the server accepted it, or queue it in the outbox
   and raise DeliveryError so the exit code says the run did not deliver.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import formataddr, formatdate, getaddresses, make_msgid, quote
from pathlib import Path

from ..config import APP, seconds_setting
from ..errors import ConfigError, DeliveryError, InputError
from ..renderers import render
from ..values import Article, Digest, Loaded, plural
from .files import check_folder, write_atomic
from .outbox import Outbox
from .smtp import MessageRejected, SmtpSettings, Utf8Refused, send_bytes
from .state import SentStore, article_key, run_lock

__all__ = ["EmailReport", "build_numbered", "compose_message", "send_digest_email"]

log = logging.getLogger(__name__)

DigestBuilder = Callable[[Sequence[Article]], Digest]
LOCK_MOST = 86_400.0  # waiting a day for another run is already a stuck run


@dataclass(frozen=True, slots=True)
class EmailReport:
    """What a run did. `articles` is empty when `new_only` found nothing new."""

    articles: tuple[Article, ...]
    recipients: tuple[str, ...]
    message_id: str | None = None
    refused: tuple[tuple[str, str], ...] = ()  # (address, server reply) not delivered to
    outbox_sent: int = 0  # messages queued by earlier runs, delivered first
    already_sent: int = 0  # articles left out by new_only
    held_back: int = 0  # left out by new_only: their message was refused for good (outbox/rejected)
    dry_run: Path | None = None  # where the unsent message was written
    message: bytes | None = None  # the unsent message, when a dry run was given no output path


def compose_message(
    digest: Digest, *, sender: str, to: Sequence[str], subject: str | None = None
) -> EmailMessage:
    """A multipart/alternative message: plain text first, then the HTML it degrades from."""
    recipients = _addresses(to, what="recipient")
    from_name, from_addr = _address(sender, what="sender")
    wide = not all(addr.isascii() for _, addr in (*recipients, (from_name, from_addr)))
    # An address that is not ASCII can only travel in UTF-8 headers (RFC 6531, SMTPUTF8).
    msg = EmailMessage(policy=policy.SMTPUTF8 if wide else policy.SMTP)
    msg["Subject"] = _one_line(subject) if subject else default_subject(digest)
    msg["From"] = _header_address(from_name, from_addr)
    msg["To"] = ", ".join(_header_address(*r) for r in recipients)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=from_addr.rpartition("@")[2])
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a robot
    msg.set_content(render(digest, "text"))
    msg.add_alternative(render(digest, "html"), subtype="html")
    return msg


def _header_address(name: str, addr: str) -> str:
    # formataddr refuses an address that is not ASCII; quote the name the way it would.
    if addr.isascii():
        return formataddr((name, addr))
    return f'"{quote(name)}" <{addr}>' if name else addr


def _notes_on(
    notes: Sequence[str], articles: Sequence[Article], chosen: Sequence[Article]
) -> tuple[str, ...]:
    """What reading noted, less the notes on articles the message leaves out (sent before, or
    waiting in the outbox): an editor read day 1's "feed date ... cannot be read" about an
    article sent on day 1 again in the emails of days 2 and 3, beside notes on nothing the
    email held. A note names its article first ("URL: ..."); a skipped source, never sent,
    stays."""
    ids = {a.id for a in chosen}
    left = {name for a in articles if a.id not in ids for name in (a.source, a.url) if name}
    return tuple(n for n in notes if n.split(": ", 1)[0] not in left)


def build_numbered(build: DigestBuilder, chosen: Sequence[Article], *, notes: Sequence[str] = ()) -> Digest:
    """The digest of `chosen`, its articles numbered from 1 as the email shows them.

    A `--new-only` run picks some of the sources' articles (say the 6th and 9th); the email
    numbers them [1] and [2], and a note says which numbers `summarize cite` gives them when
    it reads the run's sources. `notes` (what reading the sources noted) come first.
    """
    ids = [a.id for a in chosen]
    numbered = [str(k) for k in range(1, len(chosen) + 1)]
    if ids == numbered:
        digest = build(chosen)
        return replace(digest, notes=(*notes, *digest.notes)) if notes else digest
    digest = build([replace(a, id=k) for a, k in zip(chosen, numbered, strict=True)])
    pairs = ", ".join(f"[{k}] is {old}" for k, old in zip(numbered, ids, strict=True))
    note = (
        f"This email numbers its {plural(len(chosen), 'new article')} from 1. `summarize cite` numbers "
        f"all the sources it is given: with this run's sources, {pairs} (so [{numbered[0]}.2] is "
        f"`summarize cite SOURCE... {ids[0]}.2`)."
    )
    return replace(digest, notes=(*notes, note, *digest.notes))


def default_subject(digest: Digest) -> str:
    """ "News digest, 7 Dec 2026: 22 articles": the reports, a republished copy not counted again."""
    count = sum(1 for a in digest.articles if not a.duplicate_of)
    now = datetime.now().astimezone()
    day = f"{now.day} {now:%b %Y}"
    return f"News digest, {day}: {plural(count, 'article')}"


def send_digest_email(
    articles: Sequence[Article] | Loaded,
    *,
    to: Sequence[str],
    subject: str | None = None,
    smtp: SmtpSettings | None = None,
    new_only: bool = False,
    dry_run: bool = False,
    output: Path | None = None,
    build: DigestBuilder,
    lock_timeout: float = 300.0,
    state: Path | None = None,
) -> EmailReport:
    """Build the digest (with briefs) of `articles` and email it; see the module docstring.

    `smtp` is where and how to send (the CLI resolves it from its options, `SUMMARIZE_SMTP_*`
    and the config file; None: `SmtpSettings()`, which names no server). What was sent and
    the outbox live in the folder `state` (None: the platform's state folder; the CLI passes
    the `state_dir` setting). Nothing here reads the environment or the config file. With
    `dry_run` the message is written to `output` (a file or folder) instead, or returned as
    the report's `message` when there is no `output`, and nothing is marked sent. `build`
    makes the digest of the articles chosen (for example
    `functools.partial(summarize.digest, translator=t, with_briefs=True)`). The email numbers
    its articles from 1 (`build_numbered`); given the `Loaded` that `load_articles` returned,
    what reading noted (skipped sources) is shown in it too.
    """
    recipients = tuple(addr for _, addr in _addresses(to, what="recipient"))
    lock_timeout = seconds_setting("lock_timeout", lock_timeout, most=LOCK_MOST, zero_ok=True)
    read_notes = articles.notes if isinstance(articles, Loaded) else ()
    articles = articles.articles if isinstance(articles, Loaded) else articles
    if not articles:
        raise InputError("no articles to send")
    settings = smtp if smtp is not None else SmtpSettings()

    def make(chosen: Sequence[Article]) -> Digest:
        return build_numbered(build, chosen, notes=_notes_on(read_notes, articles, chosen))

    state = _state_folder(state)
    store = SentStore(state / "sent.sqlite3")
    outbox = Outbox(state / "outbox")

    if dry_run:
        chosen = _choose(articles, store, outbox, new_only, recipients)
        if not chosen:
            return EmailReport((), recipients, already_sent=len(articles))
        msg = compose_message(
            make(chosen), sender=settings.sender or "summarize@localhost", to=to, subject=subject
        )
        return _dry_run(msg, chosen, recipients, output, already_sent=len(articles) - len(chosen))

    settings.check()
    envelope_from = _address(settings.sender or "", what="sender")[1]  # "Name <a@b>" is a header
    with run_lock(state / "email.lock", timeout=lock_timeout):
        return _deliver(
            articles, recipients, envelope_from, store=store, outbox=outbox, settings=settings,
            new_only=new_only, compose=lambda chosen: compose_message(
                make(chosen), sender=settings.sender or "", to=to, subject=subject
            ),
        )  # fmt: skip


def _dry_run(
    msg: EmailMessage,
    chosen: Sequence[Article],
    recipients: tuple[str, ...],
    output: Path | None,
    *,
    already_sent: int,
) -> EmailReport:
    """The unsent message: written to `output`, or returned in the report when there is none
    (nothing left behind in whatever folder a cron job started in)."""
    message_id = str(msg["Message-ID"])
    if output is None:
        return EmailReport(
            tuple(chosen), recipients, message_id, message=msg.as_bytes(), already_sent=already_sent
        )
    path = _dry_run_path(output)
    check_folder(path)
    try:
        write_atomic(path, msg.as_bytes())
    except OSError as exc:
        raise DeliveryError(f"cannot write {path}: {exc}") from None
    return EmailReport(tuple(chosen), recipients, message_id, dry_run=path, already_sent=already_sent)


def _deliver(
    articles: Sequence[Article],
    recipients: tuple[str, ...],
    envelope_from: str,
    *,
    store: SentStore,
    outbox: Outbox,
    settings: SmtpSettings,
    new_only: bool,
    compose: Callable[[Sequence[Article]], EmailMessage],
) -> EmailReport:
    """Under the run lock: queued messages first, then this run's, recorded once accepted."""
    # Before anything is sent (queued messages included): a delivery that cannot be
    # recorded would be sent again by every later --new-only run.
    store.check_writable()
    flushed, stuck = _flush_outbox(outbox, store, settings)
    chosen = _choose(articles, store, outbox, new_only, recipients)
    held = _held_back(articles, chosen, outbox, recipients) if new_only else 0
    if not chosen and stuck is None:
        return EmailReport(
            (), recipients, outbox_sent=flushed, already_sent=len(articles) - held, held_back=held
        )
    if not chosen:
        raise DeliveryError(f"{stuck}; {_waiting(outbox, flushed)}")
    msg = compose(chosen)
    message_id, data = str(msg["Message-ID"]), msg.as_bytes()
    entries = tuple((article_key(a), a.title) for a in chosen)
    queue = functools.partial(
        outbox.put, data, sender=envelope_from, recipients=recipients, articles=entries,
        message_id=message_id,
    )  # fmt: skip
    refused: dict[str, str] = {}
    if stuck is None:
        try:
            refused = send_bytes(settings, envelope_from, recipients, data)
        except MessageRejected as exc:
            raise DeliveryError(
                f"{exc}; message kept in {queue(rejected=True)}, not retried; its articles are left out "
                "of later --new-only runs to these recipients (delete the message to send them again)"
            ) from None
        except DeliveryError as exc:
            stuck = exc
    if stuck is not None:
        # The server is failing: queue behind any older messages, keeping their order.
        path = queue()
        raise DeliveryError(f"{stuck}; message kept in {path}; {_waiting(outbox, flushed)}")
    store.mark_sent(entries, message_id)
    return EmailReport(
        tuple(chosen),
        recipients,
        message_id,
        refused=tuple(refused.items()),
        outbox_sent=flushed,
        already_sent=len(articles) - len(chosen) - held,
        held_back=held,
    )


def _state_folder(path: Path | None) -> Path:
    """`path` (None: the platform's state folder), created if missing."""
    if path is None:
        import platformdirs

        path = Path(platformdirs.user_state_dir(APP))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DeliveryError(
            f"cannot create the state folder {path} ({exc.strerror or exc}); nothing was sent; "
            "set SUMMARIZE_STATE_DIR to a writable folder"
        ) from None
    return path


def _waiting(outbox: Outbox, flushed: int) -> str:
    waiting = len(outbox.pending())
    were = "was" if flushed == 1 else "were"
    done = f" ({plural(flushed, 'queued message')} {were} delivered first)" if flushed else ""
    them = "it" if waiting == 1 else "them"
    return (
        f"{plural(waiting, 'message')} waiting in {outbox.directory}, the next run sends {them} first{done}"
    )


def _flush_outbox(
    outbox: Outbox, store: SentStore, settings: SmtpSettings
) -> tuple[int, DeliveryError | None]:
    """Send queued messages oldest first; stop at the first failure and return it."""
    sent = 0
    for item in outbox.pending():
        try:
            refused = send_bytes(settings, item.sender, item.recipients, item.data())
        except (MessageRejected, Utf8Refused) as exc:
            # Refused for good: retrying would block every later message behind it.
            log.warning("%s; moved %s aside, not retried", exc, outbox.reject(item))
            continue
        except DeliveryError as exc:
            return sent, exc
        for addr, reply in refused.items():
            log.warning("queued message %s: %s refused (%s)", item.path.name, addr, reply)
        store.mark_sent(item.articles, item.message_id)
        outbox.remove(item)
        log.debug("sent queued message %s", item.path.name)  # the CLI says how many, once
        sent += 1
    return sent, None


def _choose(
    articles: Sequence[Article],
    store: SentStore,
    outbox: Outbox,
    new_only: bool,
    recipients: Sequence[str] = (),
) -> list[Article]:
    if not new_only:
        return list(articles)
    # Articles waiting in the outbox count as sent: they go out with their message. Articles
    # of a message the server refused for good, to these same recipients, are held back: a
    # rebuilt message would be refused again, and would take every new article down with it.
    queued = {key for item in outbox.pending() for key, _ in item.articles}
    queued |= outbox.rejected_articles(recipients)
    return [a for a in store.unsent(articles) if article_key(a) not in queued]


def _held_back(
    articles: Sequence[Article], chosen: Sequence[Article], outbox: Outbox, recipients: Sequence[str]
) -> int:
    """How many articles were left out because their message was refused for good."""
    refused = outbox.rejected_articles(recipients)
    picked = {article_key(a) for a in chosen}
    held = [a for a in articles if article_key(a) in refused and article_key(a) not in picked]
    if held:
        them = "it" if len(held) == 1 else "them"
        log.warning(
            "%s left out: the server refused the message that carried %s (kept in %s; "
            "delete it there to send %s again)",
            plural(len(held), "article"),
            them,
            outbox.rejected,
            them,
        )
    return len(held)


def _dry_run_path(output: Path) -> Path:
    name = datetime.now().strftime("summarize-digest-%Y%m%d-%H%M%S.eml")
    return output / name if output.is_dir() else output


def _one_line(text: str) -> str:
    # Header values cannot hold line breaks; collapsing them also stops header injection.
    return re.sub(r"\s+", " ", text).strip()


def _address(value: str, *, what: str) -> tuple[str, str]:
    found = _addresses([value], what=what)
    if len(found) != 1:
        raise ConfigError(f"give one {what} address, not {value!r}")
    return found[0]


def _addresses(values: Sequence[str], *, what: str) -> list[tuple[str, str]]:
    if isinstance(values, str):
        values = [values]
    found: list[tuple[str, str]] = []
    for value in values:
        if re.search(r"[\r\n]", value):
            raise ConfigError(f"bad {what} address {value!r}")
        for name, addr in getaddresses([value]):
            local, at, domain = addr.rpartition("@")
            if not (local and at and domain) or re.search(r"\s", addr):
                raise ConfigError(f"bad {what} address {value!r}; expected name@example.org")
            found.append((name, addr))
    if not found:
        raise ConfigError(f"no {what} address; pass --to ADDRESS")
    return found
