"""Listings of a generated corpus: pagination reaches every item exactly once,
and no page grows with the site (a small page_size makes many pages)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest

import expect
from bench.corpus import generate  # the harness puts the checkout on sys.path
from harness import corpus_site

pytestmark = pytest.mark.build

PAGE_SIZE = 7
ITEMS = 250
_CARD = re.compile(r'class="loft-card__title"><a href="([^"]+)"')
_NEXT = re.compile(r'<a href="([^"]+)" rel="next">')
_PAGE_LINK = re.compile(r'<a href="([^"]+)"[^>]*aria-label="Sida (\d+)')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale")
    project = generate(folder / "project", ITEMS, seed=3, extra_municipalities=12)
    result = corpus_site(folder, project=project, page_size=PAGE_SIZE)
    # What the corpus holds, read from its files: the build's own catalogue cannot
    # tell us what the build lost.
    sources = expect.source_items(project)
    return result.site, sources, project


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _walk(site: Path, base: str) -> tuple[list[str], list[str]]:
    """Follow "Nästa sida" from page 1: (pages visited, item URLs in order)."""
    pages, items, url = [], [], base
    while url is not None:
        assert url not in pages, f"{base}: pagination loops back to {url}"
        pages.append(url)
        html = _html(site, url)
        cards = [urljoin("/" + url, href).lstrip("/") for href in _CARD.findall(html)]
        assert len(cards) <= PAGE_SIZE, f"{url} shows {len(cards)} items"
        items += cards
        found = _NEXT.search(html)
        url = urljoin("/" + url, found.group(1)).lstrip("/") if found else None
    return pages, items


def test_every_listing_reaches_each_of_its_items_exactly_once(site):
    root, sources, project = site
    expected = expect.listings(sources, project)
    assert len(expected) > 20 and any(len(v) > 3 * PAGE_SIZE for v in expected.values())
    assert any(i.draft for i in sources)  # the corpus has drafts: they must be nowhere
    for base, urls in expected.items():
        pages, items = _walk(root, base)
        assert Counter(items) == Counter(urls), base
        assert items == urls, f"{base}: not newest first"
        assert pages == expect.page_urls(base, len(urls), PAGE_SIZE)


def test_catalogue_holds_every_published_item_of_the_corpus(site):
    root, sources, _ = site
    catalogue = json.loads((root / "api/items.json").read_text(encoding="utf-8"))["items"]
    assert [e["url"] for e in catalogue] == [i.url for i in expect.published(sources)]


def test_every_page_of_a_listing_links_to_every_other_page(site):
    root, _, _ = site
    base = "nyheter/"
    pages, _ = _walk(root, base)
    assert len(pages) > 5
    for url in pages:
        linked = {int(n): urljoin("/" + url, href).lstrip("/") for href, n in _PAGE_LINK.findall(_html(root, url))}
        assert sorted(linked) == list(range(1, len(pages) + 1)), url
        assert [linked[n] for n in sorted(linked)] == pages


def test_pages_stay_small(site):
    root, sources, _ = site
    item_urls = {item.url for item in expect.published(sources)}
    sizes = {p.parent.relative_to(root).as_posix() + "/": p.stat().st_size for p in root.rglob("index.html")}
    largest_item = max(size for url, size in sizes.items() if url in item_urls)
    largest_listing = max(size for url, size in sizes.items() if "/sida/" in url)
    assert largest_item < 60 * 1024
    assert largest_listing < 60 * 1024


def test_only_item_pages_are_search_documents(site):
    """Listing pages (first or later) only repeat items' summaries: Pagefind
    indexes what sits in data-pagefind-body, which only item pages carry."""
    root, sources, _ = site
    published = expect.published(sources)
    entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["sv"]["page_count"] == len(published)
    marked = {p.parent.relative_to(root).as_posix() + "/" for p in root.rglob("index.html")
              if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert marked == {item.url for item in published}
    assert any("/sida/" in p.as_posix() for p in root.rglob("index.html"))  # later pages exist
