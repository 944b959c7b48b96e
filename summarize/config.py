"""One configuration resolver: explicit argument, then `SUMMARIZE_*` environment variable,
then the config file, then the default. Nothing is read or created at import time.

Only the edges call the resolvers (`setting`, `int_setting`, `flag_setting`, `resolve`, the
folders): the CLI, and `load_translator` for the translation settings. The library takes its
settings as arguments, with the defaults in `SETTINGS` (tests/test_layout.py keeps it so).

The config file is TOML at `<user config dir>/summarize/config.toml` (or `SUMMARIZE_CONFIG`),
with plain keys at the top level, for example::

    model = "/srv/models/opus-mt-id-en"
    backend = "ctranslate2"
    smtp_host = "mail.example.org"
"""

from __future__ import annotations

import logging
import math
import os
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError

APP = "summarize"
MAX_CONFIG_BYTES = 1024 * 1024  # a config file is a few lines; more is a mistake (or /dev/zero)

log = logging.getLogger(__name__)


def version() -> str:
    """The installed package's version ("0+unknown" in a source tree never installed)."""
    from importlib import metadata

    try:
        return metadata.version(APP)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def config_path() -> Path:
    """Where the config file is read from (it need not exist)."""
    explicit = os.environ.get("SUMMARIZE_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


@lru_cache(maxsize=4)
def _read_config(path: Path, mtime: float) -> dict[str, Any]:
    import tomllib  # here: most runs have no config file to parse

    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(f"config file {path} is larger than {MAX_CONFIG_BYTES // 1024} KB; not read")
        values = tomllib.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    if values.get("smtp_password") not in (None, ""):
        _check_private(path)
    for problem in _unknown(values, path).values():
        log.warning("%s", problem)  # once per file read: a typo must not pass unseen
    return values


def _unknown(values: dict[str, Any], path: Path) -> dict[str, str]:
    import difflib

    out = {}
    for key in values:
        if key not in SETTINGS:
            close = difflib.get_close_matches(key, SETTINGS, n=1)
            hint = f"did you mean {close[0]}?" if close else "not used (see `summarize config`)"
            out[key] = f"unknown setting {key!r} in {path}; {hint}"
    return out


def unknown_settings() -> dict[str, str]:
    """{key: one line naming it} for each key of the config file that names no setting (a
    typo such as `smtp_hots`, with the closest setting); ConfigError if the file cannot be read."""
    return _unknown(_config(), config_path())


def _check_private(path: Path) -> None:
    """A config file holding the SMTP password must not be open to other users, as ssh
    and netrc insist: writable by others is refused (anyone could send the password
    elsewhere), readable by others is warned about. POSIX only: Windows has ACLs instead."""
    if sys.platform == "win32":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise ConfigError(
            f"config file {path} holds smtp_password and other users can change it (mode {mode:o}); "
            f"not used: run `chmod 600 {path}`"
        )
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        log.warning(
            "config file %s holds smtp_password and other users can read it (mode %o); run `chmod 600 %s`",
            path, mode, path,
        )  # fmt: skip


def _config() -> dict[str, Any]:
    path = config_path()
    try:
        st = path.stat()
    except OSError:
        return {}
    if not stat.S_ISREG(st.st_mode):
        # A FIFO would wait for a writer for ever, a device such as /dev/zero never ends.
        raise ConfigError(
            f"config file {path} is not a regular file; not read (point SUMMARIZE_CONFIG at a file)"
        )
    return _read_config(path, st.st_mtime)


def setting(name: str, explicit: Any = None, *, default: Any = None) -> Any:
    """Resolve setting `name`: explicit value, env `SUMMARIZE_<NAME>`, config file, default."""
    return resolve(name, explicit, default=default)[0]


def resolve(name: str, explicit: Any = None, *, default: Any = None) -> tuple[Any, str]:
    """Like `setting`, and where the value came from: "option", "env SUMMARIZE_X",
    "config file PATH" or "default"."""
    if explicit is not None:
        return explicit, "option"
    env_name = f"SUMMARIZE_{name.upper()}"
    env = os.environ.get(env_name)
    if env not in (None, ""):
        return env, f"env {env_name}"
    value = _config().get(name)
    if value is not None:
        return value, f"config file {config_path()}"
    return default, "default"


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, the default the code uses, and what it is for.

    `default` is None where the default is worked out when it is needed; `computed` then
    says how (`summarize config` shows it).
    """

    name: str
    default: Any
    help: str
    computed: str = ""
    secret: bool = False

    @property
    def shown_default(self) -> str:
        return self.computed if self.default is None else str(self.default)


# Every setting the tool reads, with the default the code uses: the one home of each.
SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("model", "Helsinki-NLP/opus-mt-id-en", "translation model: hub id or local folder"),
        Setting("backend", "transformers", "translation backend (`summarize model info` lists them)"),
        Setting("device", "auto", "auto, cpu or cuda"),
        Setting("beam", 4, "beam size"),
        Setting("batch_size", 16, "sentences per translation batch"),
        Setting(
            "threads",
            None,
            "CPU threads for translation, and processes for reading large folders",
            computed="all cores (processes: only one while other work fills the cores)",
        ),
        Setting("compute_type", "auto", "CTranslate2 weight type (auto: int8, int8_float16 on CUDA)"),
        Setting("timeout", 10.0, "seconds to connect to a web server (a whole response gets twice as long)"),
        Setting("deadline", 300.0, "seconds for a whole run's fetching: every URL, feed and feed entry"),
        Setting(
            "contact", "", "how site operators reach you, sent in the User-Agent (e.g. an email address)"
        ),
        Setting(
            "allow_private_network", False, "fetch feed entries and redirects that lead to internal addresses"
        ),
        Setting("smtp_host", None, "SMTP server"),
        Setting("smtp_port", None, "SMTP port", computed="587, 465 or 25 by security"),
        Setting("smtp_security", "starttls", "starttls, tls or none"),
        Setting("smtp_user", None, "SMTP login name"),
        Setting("smtp_password", None, "SMTP password (shown masked)", secret=True),
        Setting("smtp_from", None, "sender address"),
        Setting("smtp_timeout", 30.0, "seconds before a silent SMTP server counts as down"),
        Setting(
            "cache_dir", None, "translation cache and converted models", computed="platform cache folder"
        ),
        Setting("state_dir", None, "what was emailed, the outbox", computed="platform state folder"),
    )
}


def default(name: str) -> Any:
    """The default of setting `name`, as the code uses it."""
    return SETTINGS[name].default


def describe() -> list[tuple[str, str, str]]:
    """(name, value as shown, where it came from) for every setting; secrets masked."""
    out = []
    for name, s in SETTINGS.items():
        value, source = resolve(name, default=s.default)
        shown = s.shown_default if value is None else str(value)
        out.append((name, "***" if s.secret and value else shown, source))
    return out


def int_setting(name: str, explicit: int | None = None, *, default: int) -> int:
    """Like `setting`, for integers, with a clear error for a bad value."""
    value = setting(name, explicit, default=default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a whole number, not {value!r}") from None


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def flag_setting(name: str, explicit: bool | None = None, *, default: bool = False) -> bool:
    """Like `setting`, for true/false settings ("1", "yes", "on", true in TOML, ...), with a
    clear error for anything else."""
    value = setting(name, explicit, default=default)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ConfigError(f"{name} must be true or false, not {value!r}")


def seconds_setting(name: str, value: Any, *, most: float, zero_ok: bool = False) -> float:
    """`value` (from `setting`, or an option) as seconds: a finite number above 0 (or 0
    when `zero_ok`) and at most `most`; ConfigError naming the setting otherwise (nan, inf
    and 1e300 are numbers no timer can wait for)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    low_ok = number >= 0 if zero_ok else number > 0
    if not (math.isfinite(number) and low_ok and number <= most):
        span = f"from 0 to {most:g}" if zero_ok else f"more than 0 and at most {most:g}"
        raise ConfigError(f"{name} must be a number of seconds {span}, not {value!r}")
    return number


def _folder(name: str, fallback: str) -> Path:
    """The folder setting `name` (or `fallback`): a path, never empty (that would mean the
    current folder) and never a number or a table from the config file."""
    value, source = resolve(name, default=fallback)
    if not isinstance(value, str | os.PathLike) or not str(value).strip():
        raise ConfigError(f"{name} must be a folder path, not {value!r} ({source})")
    return Path(value).expanduser()


def cache_dir(*, create: bool = True) -> Path:
    """The user cache directory (`SUMMARIZE_CACHE_DIR` overrides), created on first use
    unless `create` is false (for a caller that handles a folder it cannot make)."""
    import platformdirs

    path = _folder("cache_dir", platformdirs.user_cache_dir(APP))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def state_dir(*, create: bool = True) -> Path:
    """The user state directory (`SUMMARIZE_STATE_DIR` overrides), created on first use
    unless `create` is false."""
    import platformdirs

    path = _folder("state_dir", platformdirs.user_state_dir(APP))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
