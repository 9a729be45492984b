"""Pagefind fed page by page through its service (loft/search/streamed.py)."""

import json

import pytest

from loft.search.pagefind import SearchIndexError, article_document, run_pagefind
from loft.search.streamed import StreamedIndexing


def content(title: str, kind: str) -> str:
    """An item page's content as converted: what the hooks give Pagefind."""
    return (f'<nav class="loft-breadcrumbs"><a href="../">Rapporter</a></nav><h1 id="x">{title}</h1>'
            f'<div data-pagefind-body><p>Om innovationsledning i {title}.</p>'
            f'<span data-pagefind-filter="typ:{kind}"></span><span data-pagefind-meta="title:{title}"></span>'
            f'<h2 id="del">Del</h2><p>Mer text.</p></div>')


def page(body: str) -> str:
    """The whole page as the theme writes it around that content."""
    return (f'<!doctype html>\n<html lang="sv" class="no-js"><head><title>T</title><script>x()</script></head>'
            f'<body><header>Sök</header><nav>meny</nav><main><article class="md-content__inner md-typeset">\n'
            f'{body}\n</article></main><footer>sidfot</footer></body></html>')


CONTENTS = {"rapporter/alfa/index.html": content("Alfa", "rapport"),
            "nyheter/beta/index.html": content("Beta", "nyhet"),
            "material/gamma/index.html": content("Gamma", "material")}
PAGES = {path: article_document("sv", body) for path, body in CONTENTS.items()}


def bundle_files(site):
    bundle = site / "pagefind"
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}


def test_streamed_pages_give_the_fragments_pagefind_makes_from_the_written_pages(tmp_path):
    """Each page's fragment (URL, text, filters, metadata, anchors) from its
    content alone is byte for byte the one `pagefind --site` makes from the
    whole page on disk."""
    from_files = tmp_path / "files"
    for path, body in CONTENTS.items():
        (from_files / path).parent.mkdir(parents=True, exist_ok=True)
        (from_files / path).write_text(page(body), encoding="utf-8")
    run_pagefind(from_files)
    streamed = tmp_path / "streamed"
    indexing = StreamedIndexing(streamed, "sv")
    for path, body in CONTENTS.items():
        indexing.add(path, body)
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


def test_pages_are_written_aside_in_folders_each_sent_when_full(tmp_path, monkeypatch):
    from loft.search import streamed

    monkeypatch.setattr(streamed, "BATCH", 2)
    indexing = StreamedIndexing(tmp_path, "sv")
    try:
        sent = []
        indexing._send = lambda payload: sent.append(payload) or len(sent)
        for path, body in CONTENTS.items():
            indexing.add(path, body)
        folder = indexing._root / "0"
        assert (folder / "rapporter/alfa/index.html").read_text(encoding="utf-8") == PAGES[
            "rapporter/alfa/index.html"]
        assert [p["type"] for p in sent] == ["AddDir"] and sent[0]["path"] == str(folder)
        indexing.request_bundle()  # the folder begun goes first
        assert [p["type"] for p in sent] == ["AddDir", "AddDir", "GetFiles"]
        assert (indexing._root / "1/material/gamma/index.html").is_file()
    finally:
        aside = indexing._root
        indexing.stop()
    assert not aside.exists()


def test_pages_that_cannot_be_written_aside_go_through_the_pipe(tmp_path):
    """A full /dev/shm (or any failed write) must not lose a page."""
    import shutil

    indexing = StreamedIndexing(tmp_path / "site", "sv")
    aside = indexing._root
    shutil.rmtree(aside)
    aside.write_text("ingen mapp här")  # every write under it fails
    try:
        for path, body in CONTENTS.items():
            indexing.add(path, body)
        assert indexing._aside is False
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
    indexing = StreamedIndexing(tmp_path, "sv")
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    indexing.pages += 1
    indexing._send({"type": "AddFile", "index_id": 0, "file_path": None, "url": None,
                    "file_contents": "<html></html>"})
    with pytest.raises(SearchIndexError, match=r"Pagefind misslyckades \(kod 0, 1 av 2 sidor indexerade\): "
                                               r"Either source_path or url must be provided"):
        indexing.finish()
    indexing.stop()


def test_a_pagefind_that_dies_is_a_swedish_error_and_stopping_it_after_is_harmless(tmp_path):
    indexing = StreamedIndexing(tmp_path, "sv", ["sh", "-c", "echo trasigt index >&2; exit 3"])
    for path, body in CONTENTS.items():
        indexing.add(path, body)
    with pytest.raises(SearchIndexError, match=r"Pagefind misslyckades \(kod 3, 0 av 3 sidor indexerade\): "
                                               r"trasigt index"):
        indexing.finish()
    indexing.stop()
    assert indexing.process.returncode == 3


def test_a_streamed_indexing_still_running_is_stopped_by_its_process(tmp_path):
    indexing = StreamedIndexing(tmp_path, "sv", ["sleep", "60"])
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    indexing.stop()
    assert indexing.process.returncode is not None and indexing.process.returncode < 0
    indexing.stop()  # twice: nothing left to stop


def test_a_page_sent_after_the_bundle_was_asked_for_is_not_lost_silently(tmp_path):
    """The hooks ask for the bundle as the last item page is sent; a page after
    that would miss the bundle: the indexing fails and says how many made it."""
    indexing = StreamedIndexing(tmp_path, "sv")
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    indexing.request_bundle()
    indexing.add("nyheter/beta/index.html", CONTENTS["nyheter/beta/index.html"])
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


def test_a_pagefind_that_cannot_start_is_a_swedish_error_and_leaves_nothing(tmp_path, monkeypatch):
    import tempfile

    from loft.search import streamed

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(streamed, "_scratch", lambda: None)
    with pytest.raises(SearchIndexError, match=r"Pagefind kunde inte startas \(/finns/inte\): .*PAGEFIND_BINARY_PATH"):
        StreamedIndexing(tmp_path / "site", "sv", ["/finns/inte"])
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_failed_write_aside_keeps_the_folder_until_pagefind_has_read_it(tmp_path, monkeypatch):
    """The pages written before the failure are sent as a folder: it must stay
    until the end, and go then."""
    from pathlib import Path

    indexing = StreamedIndexing(tmp_path / "site", "sv")
    root = indexing._root
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    original = Path.write_text

    def full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    indexing.add("nyheter/beta/index.html", CONTENTS["nyheter/beta/index.html"])
    monkeypatch.setattr(Path, "write_text", original)
    assert indexing._aside is False and (root / "0/rapporter/alfa/index.html").is_file()
    indexing.add("material/gamma/index.html", CONTENTS["material/gamma/index.html"])
    indexing.finish()
    assert not root.exists()
    entry = json.loads((tmp_path / "site/pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == 3
