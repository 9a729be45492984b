"""The benchmark's control is the same site: the hooks' build and plain Material
building the core's page sources give the same pages.

This also holds the deferred HTML blocks of listing pages (loft/deferred_html.py)
to their promise: bypassing the Markdown converter changes no byte of a page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from harness import REPO, run_build

sys.path.insert(0, str(REPO))  # bench/ is a folder of the repository, not a package
from bench.control import write_control  # noqa: E402
from bench.corpus import generate  # noqa: E402

pytestmark = pytest.mark.build


def _article(html: str) -> str:
    # The page bodies must match; <head> differs by design (the hooks add each
    # page's description and JSON-LD, which a build without hooks cannot).
    start = html.find("<article")
    return html[start:html.find("</article>", start)] if start >= 0 else html


def _pages(site: Path) -> dict[str, str]:
    # Pages 2.. of listings carry search metadata, which Material renders as
    # whitespace-only lines: compare without blank lines.
    return {p.relative_to(site).as_posix():
            "\n".join(l for l in _article(p.read_text(encoding="utf-8")).splitlines() if l.strip())
            for p in sorted(site.rglob("*.html"))}


def test_control_build_gives_the_same_pages(tmp_path):
    project = generate(tmp_path / "project", 120, seed=5, extra_municipalities=4)
    control = write_control(project, tmp_path / "control")
    real, plain = run_build(project), run_build(control)
    assert real.returncode == 0, real.output
    assert plain.returncode == 0, plain.output
    ours, theirs = _pages(real.site), _pages(plain.site)
    assert "nyheter/sida/2/index.html" in ours
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
