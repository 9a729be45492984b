"""ProperDocs (the engine of `make build`/`make serve`) and MkDocs 1.6.1 build
the same site: every output file byte for byte, the generator line aside.

The corpus has items of every type, folders with attachments, drafts, a site
URL (so the sitemap and feeds carry absolute addresses) and pagination.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness import REPO
from bench.corpus import generate
from loft.engine.site_diff import differences

pytestmark = pytest.mark.build
BIN = Path(sys.executable).parent


def _build(engine: str, project: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "PYTHONPATH": str(REPO), "LOFT_SITE_URL": "https://loft.example.se/kunskapsbank/"}
    done = subprocess.run([str(BIN / engine), "build", "--strict", "--clean", "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_properdocs_and_mkdocs_give_the_same_site(tmp_path):
    project = generate(tmp_path / "project", 120, seed=3, extra_municipalities=3)
    _build("properdocs", project, tmp_path / "site-properdocs")
    _build("mkdocs", project, tmp_path / "site-mkdocs")
    assert differences(tmp_path / "site-properdocs", tmp_path / "site-mkdocs") == []
    page = (tmp_path / "site-properdocs" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7,' in page  # really built by ProperDocs


def test_properdocs_reads_its_own_config_name(tmp_path):
    """properdocs.yml is what ProperDocs looks for first; it inherits mkdocs.yml,
    so ProperDocs never falls back to the legacy name (a fallback it will drop)."""
    project = generate(tmp_path / "project", 5, seed=3)
    env = {**os.environ, "PYTHONPATH": str(REPO), "LOFT_SEARCH_INDEX": "off"}
    done = subprocess.run([str(BIN / "properdocs"), "build", "--site-dir", str(tmp_path / "site")],
                          cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "should be renamed to 'properdocs.yml'" not in done.stderr
    assert (tmp_path / "site" / "index.html").is_file()
