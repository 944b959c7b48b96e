"""One configuration resolver: explicit argument, then `SUMMARIZE_*` environment variable,
then the config file, then the default. Nothing is read or created at import time.

The config file is TOML at `<user config dir>/summarize/config.toml` (or `SUMMARIZE_CONFIG`),
with plain keys at the top level, for example::

    model = "/srv/models/opus-mt-id-en"
    backend = "ctranslate2"
    smtp_host = "mail.example.org"
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError

APP = "summarize"


def config_path() -> Path:
    """Where the config file is read from (it need not exist)."""
    explicit = os.environ.get("SUMMARIZE_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


@lru_cache(maxsize=4)
def _read_config(path: Path, mtime: float) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None


def _config() -> dict[str, Any]:
    path = config_path()
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    return _read_config(path, mtime)


def setting(name: str, explicit: Any = None, *, default: Any = None) -> Any:
    """Resolve setting `name`: explicit value, env `SUMMARIZE_<NAME>`, config file, default."""
    if explicit is not None:
        return explicit
    env = os.environ.get(f"SUMMARIZE_{name.upper()}")
    if env not in (None, ""):
        return env
    value = _config().get(name)
    if value is not None:
        return value
    return default


def int_setting(name: str, explicit: int | None = None, *, default: int) -> int:
    """Like `setting`, for integers, with a clear error for a bad value."""
    value = setting(name, explicit, default=default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a whole number, not {value!r}") from None


def cache_dir(*, create: bool = True) -> Path:
    """The user cache directory (`SUMMARIZE_CACHE_DIR` overrides), created on first use
    unless `create` is false (for a caller that handles a folder it cannot make)."""
    import platformdirs

    path = Path(setting("cache_dir", default=platformdirs.user_cache_dir(APP))).expanduser()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def state_dir(*, create: bool = True) -> Path:
    """The user state directory (`SUMMARIZE_STATE_DIR` overrides), created on first use
    unless `create` is false."""
    import platformdirs

    path = Path(setting("state_dir", default=platformdirs.user_state_dir(APP))).expanduser()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
