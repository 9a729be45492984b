"""What the build hands Pagefind of a page (loft/search/pagefind.py: indexed_part)."""

from loft.search.pagefind import indexed_part

PAGE = ('<!doctype html>\n<html lang="sv" class="no-js"><head><title>T</title>'
        '<script>x</script></head><body><nav>menu</nav>'
        '<article class="md-content__inner"><div data-pagefind-body><h1>T</h1>'
        '<span data-pagefind-filter="typ:rapport"></span></div></article>'
        '<footer>sidfot</footer></body></html>')


def test_the_html_tag_and_the_article_are_kept_the_rest_is_left_out():
    part = indexed_part(PAGE)
    assert '<html lang="sv" class="no-js">' in part
    assert ('<article class="md-content__inner"><div data-pagefind-body><h1>T</h1>'
            '<span data-pagefind-filter="typ:rapport"></span></div></article>') in part
    assert "menu" not in part and "sidfot" not in part and "<script>" not in part


def test_a_page_with_pagefind_attributes_outside_its_article_is_given_whole():
    page = PAGE.replace("<nav>menu</nav>", '<nav data-pagefind-meta="x:y">menu</nav>')
    assert indexed_part(page) == page


def test_a_page_without_an_article_is_given_whole():
    page = PAGE.replace("<article", "<section").replace("</article>", "</section>")
    assert indexed_part(page) == page


def test_a_failed_pagefind_is_a_swedish_error_and_stopping_it_after_is_harmless(tmp_path):
    """The hooks stop an Indexing in `finally` whatever finish() did: a failure
    must reach the build as SearchIndexError, not as an error from stop()."""
    import pytest

    from loft.search.pagefind import Indexing, SearchIndexError

    indexing = Indexing(tmp_path, ["sh", "-c", "echo trasigt index; exit 3"])
    with pytest.raises(SearchIndexError, match=r"Pagefind misslyckades \(kod 3\): trasigt index"):
        indexing.finish()
    indexing.stop()
    assert indexing.process.returncode == 3


def test_an_indexing_still_running_is_stopped_by_its_process(tmp_path):
    from loft.search.pagefind import Indexing

    indexing = Indexing(tmp_path, ["sleep", "60"])
    indexing.stop()
    assert indexing.process.returncode is not None and indexing.process.returncode < 0
    indexing.stop()  # twice: nothing left to stop
