"""The search page escapes what data/ says of the facets (loft/search/page.py,
templates/search.html): read back with lxml, a hostile facet path or title
adds no element or attribute (as tests/unit/pages/test_escaping.py)."""

from __future__ import annotations

from helpers import assert_same_markup, report, with_data
from loft.search.page import SearchPage


def test_search_page_escapes_facet_paths_and_titles(build_of):
    index = build_of({"reports/a.md": report("A", "2022", ["kultur"], ["lidingo"])}).index
    hostile = with_data(index, facets={"municipalities": {"path": 'kom"muner', "title": "Kom<muner"}})
    ordinary, theirs = SearchPage(index).page_markdown(), SearchPage(hostile).page_markdown()
    assert_same_markup([("sok/", ordinary)], [("sok/", theirs)], 'kom"muner', "Kom<muner")
    assert 'data-param="kom&quot;muner"' in theirs

