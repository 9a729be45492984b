"""The repository's own site: every internal link and asset resolves to a file."""

from __future__ import annotations

import pytest

from helpers import report
from loft.content.project import Project
from loft.editor.links import check_site
from loft.safety.inputs import check_inputs

# The search page, linked from every page's header and the overview charts' cells.
SEARCH_PAGE = "sok/index.html"


@pytest.mark.build
def test_real_site_has_no_broken_internal_links(real_site):
    checked, broken = check_site(real_site.site)
    assert checked > 500  # every page links its nav, listings and assets
    assert (real_site.site / SEARCH_PAGE).is_file()  # no exemption: a link to a missing sok/ is broken
    assert [b.format() for b in broken] == []


@pytest.mark.build
def test_links_between_items_pass_check_and_build_and_lead_to_the_item(make_project, build):
    # A link to another item by its address, or by its Markdown file or its PDF
    # named from this file's folder (the engine's way): `loft check` and the
    # build pass them (loft/safety/item_links.py), and the engine makes the
    # last two links to the page and the file.
    text = report("A", "2023").replace(
        "Brödtext.", "Se [B](b/index.md), [B igen](../b/) och [PDF:en](b/b.pdf).")
    project = make_project({"reports/a.md": text, "reports/b/index.md": report("B", "2022"),
                            "reports/b/b.pdf": b"%PDF-1.4\n"})
    _, problems = check_inputs(Project.load(project))
    assert [p.format() for p in problems] == []
    result = build(project, strict=True)
    assert result.returncode == 0, result.output
    page = (result.site / "rapporter/a/index.html").read_text(encoding="utf-8")
    assert page.count('href="../b/"') == 2 and 'href="../b/b.pdf"' in page
    checked, broken = check_site(result.site)
    assert [b.format() for b in broken] == []
