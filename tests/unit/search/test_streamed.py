"""Pagefind fed page by page through its service (loft/search/streamed.py)."""

import json

import pytest

from loft.search.pagefind import SearchIndexError, indexed_part, run_pagefind
from loft.search.streamed import StreamedIndexing


def page(title: str, kind: str) -> str:
    return (f'<!doctype html>\n<html lang="sv"><head><title>{title}</title></head><body><nav>meny</nav>'
            f'<article class="md-content__inner"><div data-pagefind-body><h1>{title}</h1>'
            f'<p>Om innovationsledning i {title}.</p><span data-pagefind-filter="typ:{kind}"></span>'
            f'</div></article><footer>sidfot</footer></body></html>')


PAGES = {"rapporter/alfa/index.html": page("Alfa", "rapport"),
         "nyheter/beta/index.html": page("Beta", "nyhet"),
         "material/gamma/index.html": page("Gamma", "material")}


def bundle_files(site):
    bundle = site / "pagefind"
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}


def test_streamed_pages_give_the_fragments_pagefind_makes_from_the_files(tmp_path):
    """Each page's fragment (URL, text, filters, metadata) is byte for byte the
    one `pagefind --site` makes from the same page on disk."""
    from_files = tmp_path / "files"
    for path, html in PAGES.items():
        (from_files / path).parent.mkdir(parents=True, exist_ok=True)
        (from_files / path).write_text(html, encoding="utf-8")
    run_pagefind(from_files)
    streamed = tmp_path / "streamed"
    indexing = StreamedIndexing(streamed)
    for path, html in PAGES.items():
        indexing.add(path, html)
    run = indexing.finish()
    indexing.stop()  # harmless after finish
    expected, got = bundle_files(from_files), bundle_files(streamed)
    fragments = sorted(name for name in expected if name.startswith("fragment/"))
    assert len(fragments) == 3
    assert fragments == sorted(name for name in got if name.startswith("fragment/"))
    assert all(expected[name] == got[name] for name in fragments)
    entry = json.loads(got["pagefind-entry.json"])
    assert entry["languages"]["sv"]["page_count"] == 3
    assert run.summary().startswith("Sökindex skapat med Pagefind")


def test_pagefind_reads_only_the_article_written_aside_in_folders_it_is_sent(tmp_path, monkeypatch):
    from loft.search import streamed

    monkeypatch.setattr(streamed, "BATCH", 2)
    indexing = StreamedIndexing(tmp_path)
    try:
        sent = []
        indexing._send = lambda payload: sent.append(payload) or len(sent)
        for path, html in PAGES.items():
            indexing.add(path, html)
        folder = indexing._aside / "0"
        assert (folder / "rapporter/alfa/index.html").read_text(encoding="utf-8") == indexed_part(
            PAGES["rapporter/alfa/index.html"])
        assert "meny" not in (folder / "rapporter/alfa/index.html").read_text(encoding="utf-8")
        assert [p["type"] for p in sent] == ["AddDir"] and sent[0]["path"] == str(folder)
        indexing.request_bundle()  # the folder begun goes first
        assert [p["type"] for p in sent] == ["AddDir", "AddDir", "GetFiles"]
        assert (indexing._aside / "1/material/gamma/index.html").is_file()
    finally:
        aside = indexing._aside
        indexing.stop()
    assert not aside.exists()


def test_pages_that_cannot_be_written_aside_go_through_the_pipe(tmp_path):
    """A full /dev/shm (or any failed write) must not lose a page."""
    import shutil

    indexing = StreamedIndexing(tmp_path / "site")
    aside = indexing._aside
    shutil.rmtree(aside)
    aside.write_text("ingen mapp här")  # every write under it fails
    try:
        for path, html in PAGES.items():
            indexing.add(path, html)
        assert indexing._aside is None
        indexing.finish()
    finally:
        aside.unlink()
    entry = json.loads((tmp_path / "site/pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == 3


def test_a_small_or_missing_shared_memory_is_not_used(monkeypatch, tmp_path):
    from loft.search import streamed

    monkeypatch.setattr(streamed, "SCRATCH", str(tmp_path / "missing"))
    assert streamed._scratch() is None
    monkeypatch.setattr(streamed, "SCRATCH", str(tmp_path))
    monkeypatch.setattr(streamed, "SCRATCH_FREE", 1 << 62)  # more than any disk has
    assert streamed._scratch() is None
    monkeypatch.setattr(streamed, "SCRATCH_FREE", 0)
    assert streamed._scratch() == str(tmp_path)


def test_a_page_pagefind_refuses_fails_the_indexing_in_swedish(tmp_path):
    """Nothing lost silently: an answer that is an error, or fewer pages indexed
    than sent, is a SearchIndexError naming Pagefind's reason."""
    indexing = StreamedIndexing(tmp_path)
    indexing.add("rapporter/alfa/index.html", PAGES["rapporter/alfa/index.html"])
    indexing.pages += 1
    indexing._send({"type": "AddFile", "index_id": 0, "file_path": None, "url": None,
                    "file_contents": "<html></html>"})
    with pytest.raises(SearchIndexError, match=r"Pagefind misslyckades \(kod 0, 1 av 2 sidor indexerade\): "
                                               r"Either source_path or url must be provided"):
        indexing.finish()
    indexing.stop()


def test_a_pagefind_that_dies_is_a_swedish_error_and_stopping_it_after_is_harmless(tmp_path):
    indexing = StreamedIndexing(tmp_path, ["sh", "-c", "echo trasigt index >&2; exit 3"])
    for path, html in PAGES.items():
        indexing.add(path, html)
    with pytest.raises(SearchIndexError, match=r"Pagefind misslyckades \(kod 3, 0 av 3 sidor indexerade\): "
                                               r"trasigt index"):
        indexing.finish()
    indexing.stop()
    assert indexing.process.returncode == 3


def test_a_streamed_indexing_still_running_is_stopped_by_its_process(tmp_path):
    indexing = StreamedIndexing(tmp_path, ["sleep", "60"])
    indexing.add("rapporter/alfa/index.html", PAGES["rapporter/alfa/index.html"])
    indexing.stop()
    assert indexing.process.returncode is not None and indexing.process.returncode < 0
    indexing.stop()  # twice: nothing left to stop


def test_a_page_sent_after_the_bundle_was_asked_for_is_not_lost_silently(tmp_path):
    """The hooks ask for the bundle as the last item page is sent; a page after
    that would miss the bundle: the indexing fails and says how many made it."""
    indexing = StreamedIndexing(tmp_path)
    indexing.add("rapporter/alfa/index.html", PAGES["rapporter/alfa/index.html"])
    indexing.request_bundle()
    indexing.add("nyheter/beta/index.html", PAGES["nyheter/beta/index.html"])
    with pytest.raises(SearchIndexError, match=r"1 av 2 sidor indexerade"):
        indexing.finish()
    indexing.stop()


def test_a_bundle_file_outside_the_bundle_folder_is_refused(tmp_path):
    from loft.search.streamed import _write_bundle

    for path in ("../utanfor.js", "/etc/x", "a/../../b", ""):
        with pytest.raises(SearchIndexError, match="utanför sökindexets mapp"):
            _write_bundle(tmp_path / "pagefind", [{"path": path, "content": "eA=="}])
    assert not (tmp_path / "utanfor.js").exists()
    _write_bundle(tmp_path / "pagefind", [{"path": "fragment/sv_1.pf_fragment", "content": "eA=="}])
    assert (tmp_path / "pagefind/fragment/sv_1.pf_fragment").read_bytes() == b"x"
