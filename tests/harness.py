"""Building sites for tests: copy the machinery, write content, run MkDocs.

Plain functions (importable from any test as `from harness import ...`);
tests/conftest.py wraps them in fixtures.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"

if str(REPO) not in sys.path:  # bench/ is a folder of the repository, not an installed package
    sys.path.insert(0, str(REPO))
from bench.corpus import copy_machinery  # noqa: E402,F401  (one copy for the tests and the benchmark)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def read(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def run_build(project: Path, *args: str, strict: bool = True) -> BuildResult:
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site), *args]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    return BuildResult(done.returncode, done.stdout + done.stderr, site)
