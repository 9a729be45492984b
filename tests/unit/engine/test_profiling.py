"""LOFT_PROFILE times the hook functions; without it nothing is wrapped."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from loft.engine.profiling import instrument_hooks

SCRIPT = """
from loft.engine.profiling import instrument_hooks
def on_page_markdown(markdown):
    return markdown.upper()
def helper():
    return 1
instrument_hooks(globals())
assert on_page_markdown("a") == "A" and on_page_markdown("b") == "B"
"""


def test_without_the_variable_hooks_are_untouched(monkeypatch):
    monkeypatch.delenv("LOFT_PROFILE", raising=False)

    def on_files():
        return None

    namespace = {"on_files": on_files}
    instrument_hooks(namespace)
    assert namespace["on_files"] is on_files


def test_with_the_variable_every_hook_is_timed_and_written_at_exit(tmp_path):
    target = tmp_path / "profile.json"
    env = {**os.environ, "LOFT_PROFILE": str(target)}
    subprocess.run([sys.executable, "-c", SCRIPT], check=True, env=env)
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["hooks"]["on_page_markdown"]["calls"] == 2
    assert "helper" not in report["hooks"]
    assert report["total_seconds"] >= report["hooks"]["on_page_markdown"]["seconds"] >= 0
