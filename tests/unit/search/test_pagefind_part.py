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


def test_pages_that_cannot_be_written_aside_leave_pagefind_to_the_site(tmp_path):
    """A full /dev/shm (or any failed write) must not lose the search index:
    IndexedPages says it failed and run_pagefind reads the site's own pages."""
    import shutil

    from loft.search.pagefind import IndexedPages, pagefind_command

    pages = IndexedPages()
    folder = pages.dir
    shutil.rmtree(folder)
    folder.write_text("no folder here")  # every write under it fails
    try:
        pages.add("rapporter/alfa/index.html", PAGE)
        assert pages.failed and pages.dir is None
        command = pagefind_command(tmp_path, None, None)
        assert command[command.index("--site") + 1] == str(tmp_path)
    finally:
        folder.unlink()


def test_pages_written_aside_keep_their_paths_and_are_removed():
    from loft.search.pagefind import IndexedPages

    pages = IndexedPages()
    folder = pages.dir
    pages.add("rapporter/alfa/index.html", PAGE)
    assert (folder / "rapporter/alfa/index.html").read_text(encoding="utf-8") == indexed_part(PAGE)
    pages.close()
    assert not folder.exists()


def test_a_small_or_missing_shared_memory_is_not_used(monkeypatch, tmp_path):
    from loft.search import pagefind

    monkeypatch.setattr(pagefind, "SCRATCH", str(tmp_path / "missing"))
    assert pagefind._scratch() is None
    monkeypatch.setattr(pagefind, "SCRATCH", str(tmp_path))
    monkeypatch.setattr(pagefind, "SCRATCH_FREE", 1 << 62)  # more than any disk has
    assert pagefind._scratch() is None
    monkeypatch.setattr(pagefind, "SCRATCH_FREE", 0)
    assert pagefind._scratch() == str(tmp_path)


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
