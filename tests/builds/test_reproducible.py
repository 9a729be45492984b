"""Two builds of the same sources give byte-identical files.

The builds run as separate processes (different hash seeds, so set ordering
shows) and with SOURCE_DATE_EPOCH a year apart, as if built on different days:
any build date that reaches a file (sitemap <lastmod>, the gzip header of
sitemap.xml.gz) makes the comparison fail.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from harness import REPO, run_build

sys.path.insert(0, str(REPO))  # bench/ is a folder of the repository, not a package
from bench.corpus import generate  # noqa: E402

pytestmark = pytest.mark.build

DAY_ONE, A_YEAR_LATER = "1700000000", "1731536000"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    project = generate(tmp_path / "project", 60, seed=7, extra_municipalities=5)
    monkeypatch.setenv("LOFT_SITE_URL", "https://kunskapsbank.example/")  # absolute sitemap addresses
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_ONE)
    first = run_build(project)
    assert first.returncode == 0, first.output
    kept = shutil.move(first.site, tmp_path / "first")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", A_YEAR_LATER)
    second = run_build(project)
    assert second.returncode == 0, second.output

    before, after = _files(Path(kept)), _files(second.site)
    assert sorted(before) == sorted(after)
    assert b"<loc>https://kunskapsbank.example/rapporter/</loc>" in before["sitemap.xml"]
    assert "sitemap.xml.gz" in before and any(name.endswith(".pdf") for name in before)
    differing = [name for name in before if before[name] != after[name]]
    assert differing == []
