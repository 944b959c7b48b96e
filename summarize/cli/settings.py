"""Every setting checked as a run checks it, for `summarize config`.

Each check is the code a run calls on that value (`load_translator`'s, the fetcher's, the SMTP
settings'), given the value `summarize config` shows, so what `config` accepts a run accepts,
and what a run refuses `config` marks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..config import SETTINGS, cache_dir, default, flag_setting, int_setting, resolve, state_dir
from ..deliver.smtp import SmtpSettings
from ..errors import ConfigError
from ..ingest.fetch_limits import RunDeadline, connect_timeout
from ..translate import beam_setting, device_setting
from ..translate.base import backend_factory


def _smtp(field: str) -> Callable[[Any], object]:
    return lambda value: SmtpSettings.parse(**{field: value})


CHECKS: dict[str, Callable[[Any], object]] = {
    "backend": lambda value: backend_factory(str(value)),
    "device": lambda value: device_setting(str(value)),
    "beam": beam_setting,
    "batch_size": lambda value: int_setting("batch_size", value, default=default("batch_size")),
    "threads": lambda value: int_setting("threads", value, default=1),
    "timeout": connect_timeout,
    "deadline": RunDeadline.start,
    "allow_private_network": lambda value: flag_setting("allow_private_network", value),
    "smtp_host": _smtp("host"),
    "smtp_port": _smtp("port"),
    "smtp_security": _smtp("security"),
    "smtp_user": _smtp("user"),
    "smtp_password": _smtp("password"),
    "smtp_from": _smtp("sender"),
    "smtp_timeout": _smtp("timeout"),
    # The folders resolve themselves (the value shown is the same one).
    "cache_dir": lambda _value: cache_dir(create=False),
    "state_dir": lambda _value: state_dir(create=False),
}
# Taken as they are by a run: a model is found (or not) when it loads, any text is a contact.
UNCHECKED = frozenset({"model", "compute_type", "contact"})


def problems() -> dict[str, str]:
    """{setting: why a run would refuse its value} for every setting a run would refuse."""
    out = {}
    for name, s in SETTINGS.items():
        value, _ = resolve(name, default=s.default)
        if value is None or name in UNCHECKED:
            continue  # None: the default is worked out when needed
        try:
            CHECKS[name](value)
        except ConfigError as exc:
            out[name] = str(exc)
    return out
