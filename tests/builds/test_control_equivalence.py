"""The benchmark's control is the same site: the hooks' build and plain Material
building the core's page sources give the same pages.

This also holds the trusted blocks (loft/safety/trusted.py) to their promise: passing
the core's HTML around the Markdown converter, and sanitizing what editors wrote,
changes nothing a reader gets. The comparison is of the parsed documents
(elements, sorted attributes, text), since the sanitizer writes HTML in its own
spelling (<hr> for <hr />, attributes in its order).
"""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
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


def _document(html: str) -> list[tuple]:
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    # A boolean attribute is the same written hidden, hidden="" or hidden="hidden".
    return [(e.tag, sorted((k, "" if v == k else v) for k, v in e.attrib.items()),
             " ".join((e.text or "").split()), " ".join((e.tail or "").split()))
            for e in root.iter() if isinstance(e.tag, str)]


def _pages(site: Path) -> dict[str, list[tuple]]:
    return {p.relative_to(site).as_posix(): _document(_article(p.read_text(encoding="utf-8")))
            for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith("redigera/")}  # the web editor: hooks only


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
