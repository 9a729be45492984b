"""Code, configuration and docs/assets/ need a maintainer's review; editors' content does not."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

CODEOWNERS = Path(__file__).resolve().parents[3] / ".github/CODEOWNERS"


def owners(path: str) -> list[str]:
    """GitHub's rule for the patterns this file uses: the last matching line wins."""
    found: list[str] = []
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *names = line.split()
        if pattern == "*":
            matched = True
        elif pattern.endswith("/"):
            matched = path.startswith(pattern.lstrip("/"))
        else:  # anchored; * stays within one folder
            matched = fnmatch.fnmatchcase(path, pattern.lstrip("/")) and (
                path.count("/") == pattern.lstrip("/").count("/"))
        if matched:
            found = names
    return found


@pytest.mark.parametrize("path", [
    "loft/content/project.py", "hooks/loft_site.py", "bench/run.py", "tests/unit/cli/test_cli.py", "scripts/x.sh",
    "Makefile", "pyproject.toml", "constraints.txt", "package.json", "package-lock.json", "mkdocs.yml", "properdocs.yml",
    "overrides/main.html", "docs/assets/javascripts/loft-search.js", "docs/assets/x.md", "data/types.yml",
    ".github/workflows/ci.yml", ".github/CODEOWNERS", ".ci/run", "docs/under/sida.md", "ny-mapp/x.py",
])
def test_maintainers_review(path):
    assert owners(path) == ["@loft-kunskapsbank/maintainers"]


@pytest.mark.parametrize("path", [
    "reports/x.md", "reports/x/index.md", "reports/x/rapport.pdf", "materials/m.md",
    "docs/nyheter/n.md", "docs/nyheter/n/bild.png", "docs/om-loft.md", "docs/index.md",
])
def test_content_needs_no_maintainer(path):
    assert owners(path) == []
