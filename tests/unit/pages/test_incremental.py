"""Content keys for the preview (loft/pages/keys.py, SiteBuild.page_key): a page
is rebuilt when what it is made from changed, and only then."""

from __future__ import annotations


import pytest

from helpers import report
from loft.build import SiteBuild
from loft.pages.keys import inputs_digest



@pytest.fixture
def site(project_dir):
    (project_dir / "docs").mkdir(exist_ok=True)
    (project_dir / "docs/index.md").write_text("---\ntitle: Start\n---\n\n# Start\n\n<!-- loft:latest -->\n",
                                               encoding="utf-8")
    (project_dir / "reports/a.md").write_text(report("Rapport A", "2022"), encoding="utf-8")
    (project_dir / "reports/b.md").write_text(report("Rapport B", "2023"), encoding="utf-8")
    return project_dir


def keys(root, memo=None) -> dict[str, str]:
    build = SiteBuild.create(root, preview=True)
    inputs = inputs_digest(root)
    pages = ["index.md", *(i.src_uri for i in build.index.items), *build.generated_pages()]
    return {uri: build.page_key(uri, inputs, memo) for uri in pages}


def changed(before: dict, after: dict) -> set[str]:
    return {uri for uri in before.keys() | after.keys() if before.get(uri) != after.get(uri)}


def test_same_sources_same_keys(site):
    assert keys(site) == keys(site)


def test_an_edit_to_an_items_text_changes_only_its_page(site):
    before = keys(site)
    path = site / "reports/a.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEn ny mening.\n", encoding="utf-8")
    assert changed(before, keys(site)) == {"rapporter/a.md"}


def test_a_new_title_reaches_every_page_that_shows_it(site):
    before = keys(site)
    path = site / "reports/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Rapport A", "Omdöpt"), encoding="utf-8")
    after = keys(site)
    assert {"rapporter/a.md", "rapporter/index.md", "index.md"} <= changed(before, after)
    assert "rapporter/b.md" not in changed(before, after)


def test_data_changes_every_key(site):
    before = keys(site)
    path = site / "data/types.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert changed(before, keys(site)) == set(before)


def test_the_memo_renders_only_what_changed(site):
    memo: dict = {}
    first = keys(site, memo)
    path = site / "reports/b.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMer text.\n", encoding="utf-8")
    build = SiteBuild.create(site, preview=True)
    inputs = inputs_digest(site)
    for uri in first:
        build.page_key(uri, inputs, memo)
    assert set(build.rendered) == {"rapporter/b.md"}  # the one page rendered again
    assert keys(site) == {uri: memo[uri][1] for uri in first}  # and the memo's keys are right
