"""`translate`, `model download|convert|info`, `cache info|clear` and `config`: the tool's own setup."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import InputError, ModelError
from ..values import plural
from .app import app, command, warn
from .options import ModelOptions

if TYPE_CHECKING:
    from ..translate.families import Preset

model_app = typer.Typer(help="Download, convert and list translation models.", no_args_is_help=True)
cache_app = typer.Typer(help="The translation cache.", no_args_is_help=True)
app.add_typer(model_app, name="model")
app.add_typer(cache_app, name="cache")


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


@command(name="translate")
def translate_command(
    text: str = typer.Argument(
        "-", help="Indonesian text to translate; - (the default) reads stdin.", show_default=False
    ),
    *,
    options: ModelOptions,
) -> None:
    """Translate Indonesian text to English, sentence by sentence (paragraphs kept)."""
    from ..translate import translate_text

    if text == "-" and sys.stdin.isatty():
        warn("reading Indonesian text from the terminal; end it with Ctrl-D (Ctrl-Z then Enter on Windows)")
    source = sys.stdin.read() if text == "-" else text
    if not source.strip():
        raise InputError("no text to translate: pass TEXT, or pipe Indonesian text into stdin")
    from ..translate.store import ModelUnavailable

    try:
        english = translate_text(source, options.translator())
    except ModelUnavailable as exc:  # `translate` has no --no-translate to suggest
        raise ModelError(exc.problem) from None
    typer.echo(english)


@command(model_app, "download")
def download_command(
    model: str = typer.Argument(
        "opus-mt", help="A preset (see `summarize model info`) or the hub id of a model to download."
    ),
    revision: str | None = typer.Option(
        None,
        "--revision",
        help="Branch, tag or commit (default: main, or the revision `summarize model info` lists "
        "for a preset).",
    ),
) -> None:
    """Download a model into the Hugging Face cache (needs the network)."""
    from ..translate.families import preset_for
    from ..translate.store import download

    _warn_licence(preset_for(model))
    path = download(model, revision=revision)
    typer.echo(f"{model}: {path}")


def _warn_licence(preset: Preset | None) -> None:
    if preset is not None and not preset.commercial:
        warn(f"warning: {preset.name} ({preset.model}) is licensed {preset.licence}: non-commercial use only")


@command(model_app, "convert")
def convert_command(
    source: str = typer.Argument(..., help="A transformers model: preset, hub id or local folder."),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            file_okay=False,
            help="Folder for the CTranslate2 model (default: the cache the ctranslate2 "
            "backend reads, so --model SOURCE then uses it).",
        ),
    ] = None,
    quantization: str = typer.Option(
        "int8", "--quantization", help="Weight type: int8, int8_float16, float16 or float32."
    ),
) -> None:
    """Convert a transformers model to CTranslate2 (tokenizer files copied alongside)."""
    from ..translate.ct2_convert import convert

    path = convert(source, output, quantization=quantization)
    typer.echo(f"{source}: {path}")


@command(model_app, "info")
def info_command() -> None:
    """Installed models, translation libraries, and the device a run would use."""
    from ..translate.installed import info

    store = info()
    typer.echo("presets (--model NAME):")
    for p in store.presets:
        terms = p.licence if p.commercial else f"{p.licence} (non-commercial)"
        typer.echo(f"  {p.name}  {p.model}  {p.size}  {p.family}  licence {terms}  revision {p.revision}")
    for p in store.presets:
        _warn_licence(p)
    typer.echo("models:" if store.models else "models: none installed")
    for m in store.models:
        origin = (
            f"  from {m.source} @ {m.revision}"
            if m.source
            else f"  revision {m.revision}"
            if m.revision
            else ""
        )
        typer.echo(f"  {m.name}  [{m.kind}]  {_size(m.size)}  {m.path}{origin}")
    typer.echo("libraries:")
    for name, version in store.libraries.items():
        typer.echo(f"  {name}: {version or 'not installed'}")
    typer.echo(f"device: {store.device}")


@command(cache_app, "info")
def cache_info_command() -> None:
    """Where the translation cache is, how many entries it holds and its size."""
    from ..translate.cache import TranslationCache

    info = TranslationCache().info()
    typer.echo(f"path: {info.path}\nentries: {info.entries}\nsize: {_size(info.size)}")


@command(cache_app, "clear")
def cache_clear_command() -> None:
    """Remove every cached translation."""
    from ..translate.cache import TranslationCache

    removed = TranslationCache().clear()
    typer.echo(f"removed {plural(removed, 'cached translation')}")


@command(name="config")
def config_command() -> None:
    """Show the folders and every setting the tool uses, and where each value comes from;
    mark each value a run would refuse (exit 2 when any is marked, or the config file holds
    a key that is no setting).

    Settings resolve in this order: command-line option, environment variable
    (SUMMARIZE_<NAME>), the config file, the default.
    """
    import platformdirs

    from ..config import APP, config_path, describe, resolve, unknown_settings
    from ..errors import ConfigError
    from .settings import problems

    unknown = unknown_settings()  # reads the config file first: a broken one is the only line
    bad = problems()
    path = config_path()
    typer.echo(f"config file: {path}{'' if path.exists() else ' (not present)'}")
    for name, fallback in (
        ("cache_dir", platformdirs.user_cache_dir(APP)),
        ("state_dir", platformdirs.user_state_dir(APP)),
    ):
        value, source = resolve(name, default=fallback)
        typer.echo(f"{name}: {value}  ({source}){_invalid(bad, name)}")
    typer.echo("settings:")
    for name, value, source in describe():
        if name not in ("cache_dir", "state_dir"):
            typer.echo(f"  {name} = {value or '(unset)'}  ({source}){_invalid(bad, name)}")
    if bad or unknown:
        found = [f"{plural(len(bad), 'setting')} a run would refuse (marked above)"] if bad else []
        if unknown:
            found.append(f"{path} holds {plural(len(unknown), 'unknown key')}: {', '.join(unknown)}")
        raise ConfigError(" and ".join(found))


def _invalid(problems: dict[str, str], name: str) -> str:
    return f" \N{EM DASH} invalid: {problems[name]}" if name in problems else ""
