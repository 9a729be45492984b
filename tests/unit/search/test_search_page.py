"""The search page sok/ (loft/search/page.py)."""

from __future__ import annotations

from helpers import report
from loft.search.page import SearchPage


def test_a_site_with_nothing_published_has_a_search_page_that_says_so(build_of):
    """No item, no search index (Pagefind refuses an empty site): the page must
    not load a script that asks for one, and says why there is nothing to search."""
    empty = SearchPage(build_of({}).index).page_markdown()
    assert "Det finns inget publicerat material att söka i ännu." in empty
    assert "loft-search.js" not in empty and 'id="loft-search"' not in empty
    some = SearchPage(build_of({"reports/a.md": report("A", "2022", ["kultur"], ["lidingo"])}).index).page_markdown()
    assert "loft-search.js" in some and "inget publicerat material" not in some
