"""The options commands share: one type per option, and option sets for the blocks of
options that several commands take (`TranslateOptions`, `InputOptions`, `DigestOptions`).

An option set is a frozen dataclass of typer options; a command names it as one parameter
and `app.command` expands it for typer, in the spirit of sqlite-utils' shared option
decorators, so `brief`, `digest` and `email` never repeat an option block.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..config import default, flag_setting, int_setting, setting
from ..errors import ConfigError, SummarizeError
from ..ingest.fetch_limits import RunDeadline, connect_timeout
from ..numerals.names import MONTHS_EN
from ..pipeline import DEFAULT_DIGEST_ITEMS, DEFAULT_ITEMS_PER_STORY
from ..rank import DEFAULT_RANKER, ranker_names
from ..renderers import ALIASES, FORMATS, format_for
from ..translate import backend_names
from ..translate.base import DEVICES
from ..values import Loaded, plural
from .app import error, progress_bar, show_progress, step, warn

if TYPE_CHECKING:
    from ..translate.base import Translator


def registered(
    what: str, names: Callable[[], Sequence[str]], aliases: Mapping[str, str] | None = None
) -> Callable[[str], str]:
    """A parser for a name from one of the library's registries, read when the command runs,
    so that a backend or ranker registered before `main()` is a choice like a built-in one.
    A name is taken in any case (`-f JSON`, `--device CPU`): no two differ only by case.
    `aliases` gives other names of some (`-f md`: markdown), given back as the name."""

    def parse(value: str) -> str:
        known = names()
        if value in known:
            return value
        folded = {n.casefold(): n for n in known}
        folded.update((alias.casefold(), n) for alias, n in (aliases or {}).items())
        name = folded.get(value.casefold())
        if name is None:
            raise typer.BadParameter(f"{value!r} is not a known {what}; choose one of: {', '.join(known)}")
        return name

    return parse


def choice(
    *flags: str,
    what: str,
    names: Callable[[], Sequence[str]],
    help: str,
    panel: str,
    aliases: Mapping[str, str] | None = None,
) -> Any:
    """An option whose value is a name from a registry (`registered`); `what` is its metavar."""
    return typer.Option(
        *flags,
        parser=registered(what, names, aliases),
        metavar=what.upper(),
        help=help,
        rich_help_panel=panel,
    )


def one_of(names: Sequence[str]) -> str:
    """ "a, b or c"."""
    return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else "".join(names)


# Options, one type each ------------------------------------------------------------------

OUTPUT, _SHAPE, _TRANSLATION, _INPUT = "Output", "Selection", "Translation", "Input"

Sources = Annotated[
    list[str],
    typer.Argument(
        metavar="SOURCE...",
        help="Files, folders (read recursively: .txt, .md, .html), - for stdin, or http(s) URLs of "
        "article pages or RSS/Atom feeds.",
        show_default=False,
    ),
]


def _also(fmt: str) -> str:
    """ "markdown (or md)": a format and the other names -f takes for it (`ALIASES`)."""
    others = [alias for alias, name in ALIASES.items() if name == fmt]
    return f"{fmt} (or {', '.join(others)})" if others else fmt


FormatOpt = Annotated[
    str | None,
    choice(
        "--format",
        "-f",
        what="format",
        names=lambda: FORMATS,
        aliases=ALIASES,
        help=f"{one_of([_also(f) for f in FORMATS])}. (default: the one -o's extension names, such as "
        ".json; else markdown)",
        panel=OUTPUT,
    ),
]
# -o stays the text typed until `check_output`: Path("out/") would drop the separator that
# makes it a folder.
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write the result to FILE instead of stdout.",
        rich_help_panel=OUTPUT,
    ),
]


def check_output(output: str | None, sources: Sequence[str], *, folder_ok: bool = False) -> Path | None:
    """The path -o names (None: stdout), checked before anything is read. Refused: a file in
    a folder that does not exist (named, never made), and one that would overwrite one of the
    inputs: a file named as a source, or one an input folder reads as an article (the next
    run would).

    A path that ends in a separator (`-o out/`) names a folder, as a shell's `>` reads it,
    never a file called out. With `folder_ok` (`email --dry-run -o FOLDER`) a folder that
    exists, so named or not, gets a new .eml file, which no folder read takes; without it a
    folder is refused, in one line like the rest."""
    if output is None:
        return None
    from ..deliver.files import check_folder, names_folder  # only a run that writes a file loads deliver
    from ..ingest.files import reads

    path = Path(output)
    if not folder_ok and names_folder(output):
        raise ConfigError(f"-o {output} names a folder (it ends in {output[-1]}); name the file to write")
    if not folder_ok and path.is_dir():
        raise ConfigError(f"-o {output} is a folder; name the file to write")
    check_folder(output)
    if path.is_dir():
        return path
    for source in sources:
        if not reads(source, path):
            continue
        if Path(source).is_dir():
            raise ConfigError(
                f"-o {output} is inside the input folder {source}, which reads it as an article; "
                "write the result outside that folder"
            )
        raise ConfigError(f"-o {output} would overwrite the input {source}; choose another file")
    return path


def output_format(fmt: str | None, output: Path | None) -> str:
    """-f, else the format -o's extension names (`-o digest.html`), else markdown."""
    return fmt or (format_for(output) if output is not None else None) or "markdown"


def _setting(flag: str, what: str, *, shown: str | None = None, **kwargs: Any) -> Any:
    """A translation option backed by a setting: help names its env variable and default
    (`shown`: how the default is named, when not by its value)."""
    name = flag.removeprefix("--")
    shown = shown or str(default(name))
    return typer.Option(
        flag,
        help=f"{what} Env SUMMARIZE_{name.upper()}. (default: {shown})",
        rich_help_panel=_TRANSLATION,
        **kwargs,
    )


ModelOpt = Annotated[
    str | None,
    _setting(
        "--model",
        "Translation model: a preset (`summarize model info` lists them: opus-mt is "
        "Helsinki-NLP/opus-mt-id-en), a hub id or a local folder.",
        metavar="MODEL",
        shown="opus-mt",
    ),
]
BackendOpt = Annotated[
    str | None,
    _setting(
        "--backend",
        f"{one_of([b for b in backend_names() if b != 'identity'])}; identity copies the Indonesian "
        "unchanged, for testing the pipeline (every line is then withheld).",
        parser=registered("backend", backend_names),
        metavar="NAME",
    ),
]
DeviceOpt = Annotated[
    str | None,
    _setting(
        "--device",
        f"{one_of(DEVICES)}.",
        parser=registered("device", lambda: DEVICES),
        metavar="DEVICE",
    ),
]
BeamOpt = Annotated[int | None, _setting("--beam", "Beam size; 1 is greedy.", metavar="N", min=1)]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Do not read or write the translation cache.", rich_help_panel=_TRANSLATION
    ),
]
RankerOpt = Annotated[
    str | None,
    choice(
        "--ranker",
        what="ranker",
        names=ranker_names,
        help=f"{one_of(ranker_names())}. (default: {DEFAULT_RANKER})",
        panel=_SHAPE,
    ),
]


# A day written with its numbers the other way round: 1/10/2017, 1.10.2017, 1-10-2017.
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def day(value: str) -> dt.date:
    """A DATE option's day, written YYYY-MM-DD. Anything else is refused in one line that
    says how to write it: the day a D/M/YYYY value names (M/D/YYYY when only that is a day),
    with that day in words, since the reading is a guess; else an example."""
    try:
        return dt.datetime.strptime(value.strip(), "%Y-%m-%d").date()
    except ValueError:
        pass

    def in_words(when: dt.date) -> str:
        return f"{when.day} {MONTHS_EN[when.month - 1].title()} {when.year}"

    meant = None
    if m := _DAY_FIRST.fullmatch(value.strip()):
        first, second, year = map(int, m.groups())
        for d, month in ((first, second), (second, first)):
            try:
                meant = dt.date(year, month, d)
                break
            except ValueError:
                continue
    if meant is not None:
        raise typer.BadParameter(
            f"{value!r} is not a date written YYYY-MM-DD; for {in_words(meant)}, write {meant.isoformat()}"
        )
    example = dt.date(2023, 10, 1)
    raise typer.BadParameter(
        f"{value!r} is not a date written YYYY-MM-DD, such as {example.isoformat()} ({in_words(example)})"
    )


def workers() -> int | None:
    """The `threads` setting, for the library calls that spread work over processes (None:
    unset, every core)."""
    return None if setting("threads") is None else max(1, int_setting("threads", default=1))


# Option sets: blocks of options that several commands share --------------------------------


@dataclasses.dataclass(frozen=True)
class ModelOptions:
    """Which model translates, and how (every command that translates)."""

    model: ModelOpt = None
    backend: BackendOpt = None
    device: DeviceOpt = None
    beam: BeamOpt = None
    no_cache: NoCacheOpt = False

    def translator(self) -> Translator:
        """Load the translator these options ask for (the model itself loads on first use)."""
        from ..translate import load_translator

        return load_translator(
            self.model,
            backend=self.backend,
            device=self.device,
            beam=self.beam,
            cache=not self.no_cache,
            progress=progress_bar("translating") if show_progress() else None,
        )


@dataclasses.dataclass(frozen=True)
class TranslateOptions(ModelOptions):
    """`ModelOptions` plus `--no-translate` (commands whose output can stay Indonesian)."""

    no_translate: Annotated[
        bool,
        typer.Option(
            "--no-translate",
            help="Keep the Indonesian sentences; never load a translation model.",
            rich_help_panel=_TRANSLATION,
        ),
    ] = False

    def translator_or_none(self) -> Translator | None:
        """The translator, or None under --no-translate (then nothing is imported)."""
        return None if self.no_translate else self.translator()


@dataclasses.dataclass(frozen=True)
class InputOptions:
    """What to read from feeds (every command that reads sources)."""

    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, metavar="N", help="Feeds: at most N entries each.", rich_help_panel=_INPUT
        ),
    ] = None
    since: Annotated[
        dt.date | None,
        typer.Option(
            "--since",
            parser=day,
            metavar="DATE",
            help="Feeds: only entries published on or after DATE (YYYY-MM-DD).",
            rich_help_panel=_INPUT,
        ),
    ] = None
    allow_private_network: Annotated[
        bool | None,
        typer.Option(
            "--allow-private-network",
            help="Fetch feed entries and redirects that lead to internal addresses (the local "
            "network, loopback, link-local); a URL you name yourself is always fetched. "
            "Env SUMMARIZE_ALLOW_PRIVATE_NETWORK. (default: refused)",
            show_default=False,
            rich_help_panel=_INPUT,
        ),
    ] = None
    deadline: Annotated[
        float | None,
        typer.Option(
            "--deadline",
            metavar="SECONDS",
            help="URLs and feeds: all fetching ends within SECONDS; what is left is named as skipped. "
            "Env SUMMARIZE_DEADLINE. (default: 300)",
            show_default=False,
            rich_help_panel=_INPUT,
        ),
    ] = None

    def fetch_settings(self) -> dict[str, Any]:
        """`load_articles`' fetch arguments, resolved here at the edge: these options, then
        SUMMARIZE_*, then the config file, then the defaults in `config.SETTINGS`; checked
        as the fetcher checks them (ConfigError for a timeout or deadline it cannot keep)."""
        return {
            "timeout": connect_timeout(setting("timeout", default=default("timeout"))),
            "allow_private_network": flag_setting("allow_private_network", self.allow_private_network),
            "contact": str(setting("contact", default=default("contact"))),
            "deadline": RunDeadline.start(
                setting("deadline", self.deadline, default=default("deadline"))
            ).seconds,
        }

    def load(self, sources: Sequence[str]) -> Loaded:
        """Load sources, report every skipped one on stderr, and fail if none could be used."""
        from ..ingest import load_articles

        since = self.since  # a day (`day`)
        # Checked before any work, even when no source is a URL: `--deadline 0` is a mistake
        # on any command line, and a bad value in the config file would fail the next run
        # that fetches (a cron job at 06:30) rather than this one, at the terminal.
        fetching = self.fetch_settings()
        with step(f"read {plural(len(sources), 'source')}"):
            loaded = load_articles(
                sources,
                limit=self.limit,
                since=since,
                progress=progress_bar("fetching") if show_progress() else None,
                read_progress=progress_bar("reading") if show_progress() else None,
                workers=workers(),
                **fetching,
            )
        for s in loaded.skipped:
            reason = s.reason if s.reason.startswith(s.source) else f"{s.source}: {s.reason}"
            error(f"skipped {reason}")  # shown under -q too: a skip is never silent
        for w in loaded.warnings:
            warn(w)
        if not loaded.articles:
            why = " (see above)" if loaded.skipped else ""
            if not loaded.skipped and since is not None:
                why = f" (nothing published on or after {since.isoformat()})"
            raise SummarizeError(f"no article could be read from the input{why}")
        return loaded


@dataclasses.dataclass(frozen=True)
class DigestOptions:
    """The digest's shape (`digest` and `email`)."""

    n: Annotated[
        int,
        typer.Option(
            "-n",
            "--items",
            min=1,
            metavar="N",
            help="Most items in the whole digest.",
            rich_help_panel=_SHAPE,
        ),
    ] = DEFAULT_DIGEST_ITEMS
    max_stories: Annotated[
        int | None,
        typer.Option(
            "--max-stories",
            min=1,
            metavar="N",
            help="Most story sections, most-covered first. (default: all)",
            rich_help_panel=_SHAPE,
        ),
    ] = None
    items_per_story: Annotated[
        int,
        typer.Option(
            "--items-per-story",
            min=1,
            metavar="N",
            help="Most items in each story section.",
            rich_help_panel=_SHAPE,
        ),
    ] = DEFAULT_ITEMS_PER_STORY
    ranker: RankerOpt = None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `summarize.digest`."""
        return {
            "n": self.n,
            "max_stories": self.max_stories,
            "items_per_story": self.items_per_story,
            "ranker": self.ranker,
            "workers": workers(),
        }
