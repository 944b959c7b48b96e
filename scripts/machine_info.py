"""What every benchmark and evaluation prints beside its figures: the machine it ran on.

Portable: the CPU model comes from /proc/cpuinfo where there is one (Linux), else from
`platform`; the usable cores from `os.sched_getaffinity` where it exists, else `os.cpu_count()`;
the load average only where the platform has one.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name, as precisely as the platform tells it."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def cores() -> int:
    """Cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def load_average() -> str:
    """'load average 1.23', or '' where the platform has none (Windows)."""
    try:
        return f"load average {os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):
        return ""


def describe(*, load: bool = False) -> str:
    """'2 cores, Intel(R) Xeon(R) Processor, Python 3.11.7' (and the load average if asked)."""
    text = f"{cores()} cores, {cpu_model()}, Python {platform.python_version()}"
    extra = load_average() if load else ""
    return f"{text}, {extra}" if extra else text
