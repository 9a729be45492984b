"""Opt-in timing of the site's hook functions, for the benchmark (bench/).

With LOFT_PROFILE=<file> in the environment, `instrument_hooks(namespace)`
wraps every `on_*` function of a hook module with time.perf_counter and, when
the process ends, writes {"hooks": {name: {"calls": n, "seconds": s}},
"total_seconds": s} as JSON to that file. Without the variable it changes
nothing, so normal builds carry no timing code.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable

ENV_VAR = "LOFT_PROFILE"


def instrument_hooks(namespace: dict[str, Any]) -> None:
    target = os.environ.get(ENV_VAR)
    if not target:
        return
    calls: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)

    def timed(name: str, function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - start
                calls[name] += 1
        return wrapper

    for name, value in list(namespace.items()):
        if name.startswith("on_") and callable(value):
            namespace[name] = timed(name, value)

    def write() -> None:
        report = {
            "hooks": {name: {"calls": calls[name], "seconds": round(seconds[name], 6)}
                      for name in sorted(seconds)},
            "total_seconds": round(sum(seconds.values()), 6),
        }
        Path(target).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    atexit.register(write)
