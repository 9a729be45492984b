"""Building sites for tests: copy the machinery, write content, run MkDocs.

Plain functions (importable from any test as `from harness import ...`);
tests/conftest.py wraps them in fixtures.
"""

from __future__ import annotations

import os
import re
import shutil
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


def data_project(root: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """The lightest project the core loads: the real data/ files, a one-line
    mkdocs.yml and empty content folders, plus `files` (no theme, no hooks)."""
    shutil.copytree(REPO / "data", root / "data")
    (root / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    for folder in ("reports", "materials", "docs/nyheter"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    write_files(root, files or {})
    return root


def checkout_env(**more: str | None) -> dict[str, str]:
    """The environment for a subprocess that runs this checkout's code (loft, hooks,
    bench), never an installed copy: the checkout first on PYTHONPATH. A value of
    None removes that variable."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    for name, value in more.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


INHERIT = object()  # run_build's site_url: whatever LOFT_SITE_URL the environment has


def run_build(project: Path, *args: str, strict: bool = True,
              site_url: str | None | object = INHERIT) -> BuildResult:
    """mkdocs build of the project in a subprocess running this checkout's code.
    site_url given: set (or, when None, unset) as LOFT_SITE_URL, so the caller and
    not a developer's environment decides the URL mode."""
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site), *args]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, capture_output=True, text=True,
                          env=checkout_env() if site_url is INHERIT else checkout_env(LOFT_SITE_URL=site_url))
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


def set_page_size(project: Path, page_size: int) -> None:
    """Listings of page_size items a page (extra.loft.page_size in mkdocs.yml)."""
    config = project / "mkdocs.yml"
    text, count = re.subn(r"(\bpage_size:\s*)\d+", rf"\g<1>{page_size}", config.read_text(encoding="utf-8"))
    assert count == 1, "mkdocs.yml: extra.loft.page_size saknas"
    config.write_text(text, encoding="utf-8")


def corpus_site(folder: Path, files: dict[str, str | bytes] | None = None, *, page_size: int | None = None,
                site_url: str | None = None, with_real_content: bool = False,
                project: Path | None = None) -> BuildResult:
    """The one corpus-site factory: the machinery (or a given, already written
    project such as a bench corpus) plus `files`, built strictly; fails the
    calling test with the build's output when the build fails."""
    if project is None:
        project = copy_machinery(folder / "project", with_real_content)
    write_files(project, files or {})
    if page_size is not None:
        set_page_size(project, page_size)
    result = run_build(project, site_url=site_url)
    assert result.returncode == 0, result.output
    return result
