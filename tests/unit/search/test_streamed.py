"""The build's search index: item pages written aside as converted, Pagefind
run over them after the last (loft/search/streamed.py)."""

import json
import os
import shutil

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
GLOB = "{material,nyheter,rapporter}/*/index.html"  # item_pages_glob


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
    indexing = StreamedIndexing(streamed, "sv", GLOB)
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


def test_pages_are_written_aside_and_pagefind_starts_after_the_last(tmp_path):
    indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
    try:
        for path, body in CONTENTS.items():
            indexing.add(path, body)
        assert (indexing._root / "rapporter/alfa/index.html").read_text(encoding="utf-8") == PAGES[
            "rapporter/alfa/index.html"]
        assert indexing.process is None  # nothing runs until the last page is there
        indexing.request_bundle()
        assert indexing.process is not None
        assert indexing.process.args[indexing.process.args.index("--site") + 1] == str(indexing._root)
    finally:
        aside = indexing._root
        indexing.stop()
    assert not aside.exists()


def test_pages_that_cannot_be_written_aside_are_read_from_the_written_site(tmp_path):
    """A full /dev/shm (or any failed write) must not lose a page: Pagefind
    reads the item pages the engine wrote instead."""
    site = tmp_path / "site"
    for path, body in CONTENTS.items():  # as the engine has written them by the end of the build
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(page(body), encoding="utf-8")
    (site / "om/index.html").parent.mkdir()
    (site / "om/index.html").write_text(page("<p>Om oss</p>"), encoding="utf-8")  # not an item page
    indexing = StreamedIndexing(site, "sv", GLOB)
    aside = indexing._root
    shutil.rmtree(aside)
    aside.write_text("ingen mapp här")  # every write under it fails
    try:
        for path, body in CONTENTS.items():
            indexing.add(path, body)
        assert indexing._aside is False
        indexing.request_bundle()
        assert indexing.process is None  # not over the pages aside: they are not all there
        indexing.finish()
    finally:
        aside.unlink()
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == 3


def test_a_failed_write_aside_midway_loses_no_page(tmp_path, monkeypatch):
    from pathlib import Path

    site = tmp_path / "site"
    for path, body in CONTENTS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(page(body), encoding="utf-8")
    indexing = StreamedIndexing(site, "sv", GLOB)
    root = indexing._root
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    original = Path.write_text

    def full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", full)
    indexing.add("nyheter/beta/index.html", CONTENTS["nyheter/beta/index.html"])
    monkeypatch.setattr(Path, "write_text", original)
    assert indexing._aside is False
    indexing.add("material/gamma/index.html", CONTENTS["material/gamma/index.html"])
    indexing.finish()
    assert not root.exists()
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
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


def fake_pagefind(tmp_path, monkeypatch, script: str):
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))


def test_a_pagefind_that_fails_is_a_swedish_error_and_leaves_no_half_index(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, 'mkdir -p "$4"; echo halv > "$4/pagefind.js"; '
                                         'echo trasigt index >&2; exit 3')
    indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
    for path, body in CONTENTS.items():
        indexing.add(path, body)
    with pytest.raises(SearchIndexError, match=r"Pagefind misslyckades \(kod 3, 0 av 3 sidor indexerade\): "
                                               r"trasigt index"):
        indexing.finish()
    indexing.stop()  # harmless after finish
    assert indexing.process.returncode == 3
    assert not (tmp_path / "site/pagefind").exists()


def test_fewer_pages_indexed_than_added_fail_the_indexing(tmp_path, monkeypatch):
    """Nothing lost silently: Pagefind ends well but its bundle lacks pages."""
    entry = '{"languages":{"sv":{"page_count":2}}}'
    fake_pagefind(tmp_path, monkeypatch, f'mkdir -p "$4"; echo \'{entry}\' > "$4/pagefind-entry.json"')
    indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
    for path, body in CONTENTS.items():
        indexing.add(path, body)
    with pytest.raises(SearchIndexError, match=r"\(kod 0, 2 av 3 sidor indexerade\): avslutades utan att indexera"):
        indexing.finish()
    assert not (tmp_path / "site/pagefind").exists()


def test_a_streamed_indexing_still_running_is_stopped_by_its_process(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, "exec sleep 60")
    indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    indexing.request_bundle()
    aside = indexing._root
    indexing.stop()
    assert indexing.process.returncode is not None and indexing.process.returncode < 0
    assert not aside.exists()
    indexing.stop()  # twice: nothing left to stop


def test_a_page_added_after_pagefind_started_is_not_lost_silently(tmp_path):
    """The hooks start Pagefind as the last item page is added; a page after
    that would miss the bundle: the indexing fails and says how many made it."""
    indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    indexing.request_bundle()
    indexing.add("nyheter/beta/index.html", CONTENTS["nyheter/beta/index.html"])
    with pytest.raises(SearchIndexError, match=r"1 av 2 sidor indexerade"):
        indexing.finish()
    indexing.stop()


def test_no_item_no_pagefind(tmp_path):
    indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
    aside = indexing._root
    assert indexing.finish() is None
    assert indexing.process is None and not aside.exists() and not (tmp_path / "site/pagefind").exists()


def test_a_pagefind_that_cannot_start_is_a_swedish_error_and_leaves_nothing(tmp_path, monkeypatch):
    import tempfile

    from loft.search import streamed

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(streamed, "_scratch", lambda: None)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/finns/inte")
    indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
    indexing.add("rapporter/alfa/index.html", CONTENTS["rapporter/alfa/index.html"])
    indexing.request_bundle()  # the hooks' on_page_content: no error there
    with pytest.raises(SearchIndexError, match=r"Pagefind kunde inte startas \(/finns/inte\): .*PAGEFIND_BINARY_PATH"):
        indexing.finish()
    indexing.stop()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_pages_left_by_a_killed_build_are_removed_by_the_next(tmp_path, monkeypatch):
    """A build stopped by a signal runs no clean-up; its folder of pages (in
    /dev/shm: memory) goes at the next build, a running build's stays."""
    import subprocess

    from loft.search import streamed

    monkeypatch.setattr(streamed, "SCRATCH", str(tmp_path))
    monkeypatch.setattr(streamed, "SCRATCH_FREE", 0)
    ended = subprocess.Popen(["true"])
    ended.wait()
    running = subprocess.Popen(["sleep", "60"])
    try:
        left = tmp_path / f"loft-pagefind-{ended.pid}-abc"
        busy = tmp_path / f"loft-pagefind-{running.pid}-def"
        other = tmp_path / "loft-pagefind-annat"
        for folder in (left, busy, other):
            (folder / "rapporter/alfa").mkdir(parents=True)
        indexing = StreamedIndexing(tmp_path / "site", "sv", GLOB)
        assert not left.exists() and busy.is_dir() and other.is_dir()
        assert indexing._root.parent == tmp_path and indexing._root.name.startswith(f"loft-pagefind-{os.getpid()}-")
        indexing.stop()
    finally:
        running.kill()
        running.wait()


def test_no_folder_for_the_pages_means_pagefind_reads_the_written_site(tmp_path, monkeypatch):
    """No writable temporary folder at all: the build still gets its index, not a traceback."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    site = tmp_path / "site"
    for path, body in CONTENTS.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(page(body), encoding="utf-8")
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    indexing = StreamedIndexing(site, "sv", GLOB)
    for path, body in CONTENTS.items():
        indexing.add(path, body)
    indexing.request_bundle()
    assert indexing.process is None
    indexing.finish()
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == 3
