"""Unit-test fixtures: a project with the real data files and given content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from harness import write_files
from loft.project import Project

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project_dir(tmp_path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    for folder in ("reports", "materials", "docs/nyheter"):
        (tmp_path / folder).mkdir(parents=True)
    return tmp_path


@pytest.fixture
def check(project_dir):
    """check({path: text}) -> (items, problems) from a fresh project."""

    def run(files: dict[str, str | bytes]):
        write_files(project_dir, files)
        return Project.load(project_dir).load_items()

    return run
