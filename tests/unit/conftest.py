"""Unit-test fixtures: a project with the real data files and given content."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import data_project, write_files
from loft.build import SiteBuild
from loft.content.project import Project


@pytest.fixture
def project_dir(tmp_path) -> Path:
    return data_project(tmp_path)


@pytest.fixture
def check(project_dir):
    """check({path: text}) -> (items, problems) from a fresh project."""

    def run(files: dict[str, str | bytes]):
        write_files(project_dir, files)
        return Project.load(project_dir).load_items()

    return run


@pytest.fixture
def build_of(project_dir):
    """build_of({path: text}, **options) -> the SiteBuild of a fresh project."""

    def make(files: dict[str, str | bytes], **options) -> SiteBuild:
        write_files(project_dir, files)
        return SiteBuild.create(project_dir, **options)

    return make
