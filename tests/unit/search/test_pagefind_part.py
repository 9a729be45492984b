"""What the build hands Pagefind of a page (loft/search/pagefind.py:
article_document), and Pagefind's command-line run (Indexing)."""

from loft.search.pagefind import article_document


def test_the_document_holds_the_language_and_the_content_in_an_article():
    body = '<div data-pagefind-body><h1>T</h1><span data-pagefind-filter="typ:rapport"></span></div>'
    assert article_document("sv", body) == (
        '<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"></head><body><article>'
        + body + "</article></body></html>\n")
    assert '<html lang="sv&quot;x">' in article_document('sv"x', body)


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
