"""The built site's search: Pagefind runs after the build, indexes item pages
only, Material's own search is gone and the header box leads to sok/."""

from __future__ import annotations

import json

import pytest

from helpers import news, report

CORPUS = {
    "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur"], ["kungsbacka"]),
    "materials/gamma.md": report("Gamma", "2023-05", ["strategisk-inriktning"]),
    "docs/nyheter/delta.md": news("Delta", "2021-08-16", municipalities=["enkoping"]),
    "docs/nyheter/utkast.md": news("Utkast", "2024-01-01", draft=True),
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    from harness import corpus_site

    return corpus_site(tmp_path_factory.mktemp("search-build"), CORPUS)


def test_pagefind_indexes_the_published_items_in_swedish(search_site):
    entry = json.loads(search_site.read("pagefind/pagefind-entry.json"))
    assert list(entry["languages"]) == ["sv"]
    assert entry["languages"]["sv"]["page_count"] == 3  # the draft is not published
    assert (search_site.site / "pagefind/pagefind.js").is_file()
    assert "Sökindex skapat med Pagefind" in search_site.output


@pytest.mark.parametrize("url,indexed", [
    ("rapporter/alfa/", True), ("material/gamma/", True), ("nyheter/delta/", True),
    ("", False), ("rapporter/", False), ("principer/", False), ("principer/kultur/", False),
    ("kommuner/kungsbacka/", False), ("ar/2023/", False), ("sok/", False), ("om-loft/", False),
])
def test_only_item_pages_are_search_results(search_site, url, indexed):
    assert ("data-pagefind-body" in search_site.read(url + "index.html")) is indexed


def test_one_search_only_the_header_box_leads_to_the_search_page(search_site):
    assert not (search_site.site / "search").exists()  # no Material search index
    html = search_site.read("rapporter/alfa/index.html")
    assert 'data-md-component="search"' not in html
    assert '<form class="loft-header-search" role="search" aria-label="Sök på webbplatsen" action="../../sok/"' in html
    assert '<label class="loft-visually-hidden" for="loft-header-search-input">Sök på webbplatsen</label>' in html
    assert '<html lang="sv"' in html


def test_the_search_page_is_built(search_site):
    html = search_site.read("sok/index.html")
    assert "<h1" in html and "Sök" in html
    assert 'id="loft-search"' in html and 'id="loft-search-nojs"' in html
    assert (search_site.site / "assets/javascripts/loft-search.js").is_file()


def test_the_search_bundle_is_the_same_on_every_run(search_site, tmp_path):
    """Pagefind writes its filter indexes in a different order on each run; the
    build sorts them, so two runs give byte-identical bundles."""
    import shutil

    from loft.content.urls import BUNDLE_DIR
    from loft.search.pagefind import run_pagefind

    bundles = []
    for run in ("first", "second"):
        site = tmp_path / run
        shutil.copytree(search_site.site, site, ignore=shutil.ignore_patterns(BUNDLE_DIR))
        run_pagefind(site)
        bundle = site / BUNDLE_DIR
        bundles.append({p.relative_to(bundle).as_posix(): p.read_bytes()
                        for p in sorted(bundle.rglob("*")) if p.is_file()})
    assert any(name.startswith("filter/") for name in bundles[0])
    assert bundles[0] == bundles[1]


def test_the_build_gives_pagefind_only_the_articles_and_indexes_the_same(search_site, tmp_path):
    """The hooks hand Pagefind each item page's <html> tag and <article> only
    (loft/search/pagefind.py: indexed_part), written aside in the order the pages
    are built. Every page's fragment (its URL, text, filters, metadata and sort
    key) is byte for byte the one Pagefind makes from the whole pages, as `loft
    search-index` runs it, and every filter value holds the same pages; only the
    pages' numbers inside the bundle may differ, as Pagefind numbers pages in the
    order it finds the files."""
    import json
    import shutil

    from loft.content.urls import BUNDLE_DIR
    from loft.search import cbor
    from loft.search.pagefind import item_pages_glob, run_pagefind

    def indexed(site):
        bundle = site / BUNDLE_DIR
        fragments = {p.name: p.read_bytes() for p in (bundle / "fragment").iterdir()}
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        language = entry["languages"]["sv"]
        meta = cbor.read(bundle / f"pagefind.{language['hash']}.pf_meta")
        pages = [page for page, _ in meta[1]]  # page number -> fragment
        filters = {}
        for name, file in meta[3]:
            _, values = cbor.read(bundle / "filter" / f"{file}.pf_filter")
            filters[name] = {value: sorted(pages[n] for n in numbers) for value, numbers in values}
        return fragments, sorted(map(tuple, meta[1])), filters, language["page_count"]

    whole = tmp_path / "whole"
    shutil.copytree(search_site.site, whole, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    run_pagefind(whole, glob=item_pages_glob(["rapporter", "material", "nyheter"]))
    built, from_whole = indexed(search_site.site), indexed(whole)
    assert built[3] == 3 and built[2]["typ"]
    assert built == from_whole


def test_the_search_index_can_be_left_out_and_the_build_says_so(tmp_path, monkeypatch):
    """LOFT_SEARCH_INDEX=off (the benchmark's build without search) skips Pagefind
    and says so in the build log; every page is still built."""
    from harness import copy_machinery, run_build, write_files

    project = copy_machinery(tmp_path / "project")
    write_files(project, CORPUS)
    monkeypatch.setenv("LOFT_SEARCH_INDEX", "off")
    result = run_build(project)
    assert result.returncode == 0, result.output
    assert not (result.site / "pagefind").exists()
    assert "Inget sökindex skapat (LOFT_SEARCH_INDEX=off)" in result.output
    assert (result.site / "sok/index.html").is_file() and (result.site / "rapporter/alfa/index.html").is_file()


def test_a_failing_pagefind_fails_the_build_with_a_swedish_message(tmp_path, monkeypatch):
    """The build streams its item pages to Pagefind (loft/search/streamed.py):
    when Pagefind fails, the build stops with its reason, not a traceback, and
    publishes no half index."""
    from harness import copy_machinery, run_build, write_files

    project = copy_machinery(tmp_path / "project")
    write_files(project, CORPUS)
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'kunde inte skriva indexet' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    result = run_build(project)
    assert result.returncode != 0
    assert "Pagefind misslyckades (kod 3, 0 av 3 sidor indexerade): kunde inte skriva indexet" in result.output
    assert "Traceback" not in result.output
    assert not (result.site / "pagefind").exists()
