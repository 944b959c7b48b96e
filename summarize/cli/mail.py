"""`email`: the digest (with briefs) by email, made for cron: sent once, never lost."""

from __future__ import annotations

import dataclasses
import functools
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..config import default, setting, state_dir
from ..pipeline import digest
from ..values import plural
from .app import EXIT_PARTIAL, command, finish, warn
from .options import DigestOptions, InputOptions, Sources, TranslateOptions, check_output, choice

if TYPE_CHECKING:
    from ..deliver import EmailReport, SmtpSettings


def _security_modes() -> tuple[str, ...]:
    from ..deliver.smtp import SECURITY

    return SECURITY


_SMTP = "SMTP server (also from SUMMARIZE_SMTP_* or the config file)"

To = Annotated[
    list[str],
    typer.Option("--to", metavar="ADDRESS", help="Recipient address; repeat for more.", show_default=False),
]
DryRunOutput = Annotated[
    str | None,  # as typed, for `check_output`: "out/" names a folder
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        help="With --dry-run: the .eml file to write, or a folder that exists, to write a new "
        "summarize-digest-DATE-TIME.eml in (a PATH ending in / is a folder). (default: stdout)",
    ),
]
SecurityOpt = Annotated[
    str | None,
    choice(
        "--smtp-security",
        what="mode",
        names=_security_modes,
        help="starttls (required, not opportunistic), tls (implicit, port 465) or none. "
        f"Env SUMMARIZE_SMTP_SECURITY. (default: {default('smtp_security')})",
        panel=_SMTP,
    ),
]


@dataclasses.dataclass(frozen=True)
class SmtpOptions:
    """Where and how to send (the password only from the environment or the config file)."""

    smtp_host: Annotated[
        str | None,
        typer.Option("--smtp-host", metavar="HOST", help="Env SUMMARIZE_SMTP_HOST.", rich_help_panel=_SMTP),
    ] = None
    smtp_port: Annotated[
        int | None,
        typer.Option(
            "--smtp-port",
            min=1,
            max=65535,
            metavar="PORT",
            help="Env SUMMARIZE_SMTP_PORT. (default: 587 starttls, 465 tls, 25 none)",
            rich_help_panel=_SMTP,
        ),
    ] = None
    smtp_user: Annotated[
        str | None,
        typer.Option(
            "--smtp-user",
            metavar="NAME",
            help="Login name. Env SUMMARIZE_SMTP_USER. The password is read only from "
            "SUMMARIZE_SMTP_PASSWORD or the config file.",
            rich_help_panel=_SMTP,
        ),
    ] = None
    sender: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="ADDRESS", help="Sender. Env SUMMARIZE_SMTP_FROM.", rich_help_panel=_SMTP
        ),
    ] = None
    security: SecurityOpt = None
    smtp_timeout: Annotated[
        float | None,
        typer.Option(
            "--smtp-timeout",
            min=1,
            metavar="SECONDS",
            help="Before a silent server counts as down. Env SUMMARIZE_SMTP_TIMEOUT. "
            f"(default: {default('smtp_timeout'):g})",
            rich_help_panel=_SMTP,
        ),
    ] = None

    def settings(self) -> SmtpSettings:
        """The SMTP settings: these options, then SUMMARIZE_SMTP_*, the config file, defaults."""
        from ..deliver import SmtpSettings

        return SmtpSettings.parse(
            host=setting("smtp_host", self.smtp_host),
            port=setting("smtp_port", self.smtp_port),
            user=setting("smtp_user", self.smtp_user),
            password=setting("smtp_password"),  # never an option: it would show in `ps`
            sender=setting("smtp_from", self.sender),
            security=setting("smtp_security", self.security),
            timeout=setting("smtp_timeout", self.smtp_timeout),
        )


@command(name="email")
def email_command(
    sources: Sources,
    *,
    to: To,
    subject: str | None = typer.Option(
        None, "--subject", metavar="TEXT", help="Subject line. (default: News digest, DATE: N articles)"
    ),
    new_only: bool = typer.Option(
        False, "--new-only", help="Only articles not emailed before; none new: send nothing."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Write the .eml file instead of sending it."),
    output: DryRunOutput = None,
    lock_timeout: float = typer.Option(
        300, "--lock-timeout", min=0, metavar="SECONDS", help="How long to wait for a running email run."
    ),
    smtp: SmtpOptions,
    shape: DigestOptions,
    translation: TranslateOptions,
    inputs: InputOptions,
) -> None:
    """Email the digest of SOURCE... with per-article briefs (HTML and plain text).

    Exit 0: delivered, or nothing new under --new-only.
    Exit 1: not delivered; the message waits in the outbox and the next run sends it first.
    Exit 3: delivered, but some inputs were skipped or some recipients refused.
    """
    # The mail stack (jinja2, email, smtplib) loads only when this command runs.
    from ..deliver import send_digest_email

    path = check_output(output, sources, folder_ok=True) if dry_run else None
    loaded = inputs.load(sources)
    report = send_digest_email(
        loaded,
        to=to,
        subject=subject,
        smtp=smtp.settings(),
        new_only=new_only,
        dry_run=dry_run,
        output=path,
        build=functools.partial(
            digest, translator=translation.translator_or_none(), with_briefs=True, **shape.kwargs()
        ),
        lock_timeout=lock_timeout,
        state=state_dir(create=False),
    )
    _tell(report)
    if report.refused:
        raise typer.Exit(EXIT_PARTIAL)
    finish(loaded)


def _tell(report: EmailReport) -> None:
    if report.outbox_sent:
        warn(f"sent {plural(report.outbox_sent, 'queued message')} from an earlier run first")
    if not report.articles:
        warn(f"nothing new to send ({plural(report.already_sent, 'article')} already sent)")
    elif report.message is not None:
        sys.stdout.buffer.write(report.message)
        sys.stdout.flush()
        warn(
            f"dry run: the message is on stdout ({plural(len(report.articles), 'article')}); "
            "nothing sent, nothing marked as sent"
        )
    elif report.dry_run:
        warn(
            f"dry run: wrote {report.dry_run} ({plural(len(report.articles), 'article')}); "
            "nothing sent, nothing marked as sent"
        )
    else:
        copies = sum(1 for a in report.articles if a.duplicate_of)
        sent = plural(len(report.articles) - copies, "article")
        sent += f" and {plural(copies, 'republished copy', 'republished copies')}" if copies else ""
        warn(f"sent a digest of {sent} to {', '.join(report.recipients)}")
    for address, reply in report.refused:
        warn(f"the server refused {address}: {reply}")
