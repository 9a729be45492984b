"""The index, listings, rendered pages and catalogue, without MkDocs."""

from __future__ import annotations

import json
import re

import pytest

from helpers import news, report
from loft.build import SiteBuild
from loft.outputs.catalogue import render_catalogue
from loft.content.dates import DateError, PartialDate
from loft.pages.listings import all_listings
from loft.pages.wording import format_size
from loft.content.urls import relative


def test_listings_are_paginated_and_cover_every_item_once(build_of):
    files = {f"reports/r{n:02d}.md": report(f"R{n:02d}", f"2020-01-{n + 1:02d}", ["kultur"]) for n in range(23)}
    build = build_of(files, page_size=10)
    pages = [l for l in build.listings.values() if l.base_url == "principer/kultur/"]
    assert [(p.url, p.page, p.pages, len(p.items)) for p in pages] == [
        ("principer/kultur/", 1, 3, 10), ("principer/kultur/sida/2/", 2, 3, 10), ("principer/kultur/sida/3/", 3, 3, 3)]
    seen = [i.title for p in pages for i in p.items]
    assert seen == [f"R{n:02d}" for n in range(22, -1, -1)]  # newest first, each once
    html = build.page_markdown("principer/kultur/sida/2/index.md", "")
    assert "Visar 11–20 av 23 titlar" in html
    assert 'href="../../" rel="prev"' in html and 'href="../3/" rel="next"' in html
    assert 'aria-current="page"' in html


def test_every_term_has_a_page_even_without_items(build_of):
    build = build_of({"reports/a.md": report("A", "2022", ["kultur"])})
    urls = {l.url for l in build.listings.values()}
    assert {f"principer/{t.id}/" for t in build.project.facets[0].vocabulary} <= urls
    assert {f"kommuner/{t.id}/" for t in build.project.facets[1].vocabulary} <= urls
    empty = build.page_markdown("principer/systemsynsatt/index.md", "")
    assert "loft-empty" in empty and "Framtidsinriktade" not in empty


def test_drafts_only_in_preview_and_never_in_the_catalogue(build_of):
    files = {"reports/a.md": report("A", "2022"), "reports/b.md": report("B", "2023", draft=True)}
    built = build_of(files)
    assert [i.title for i in built.index.items] == ["A"] and [i.title for i in built.hidden] == ["B"]
    preview = SiteBuild.create(built.project.root, preview=True)
    assert [i.title for i in preview.index.items] == ["B", "A"]
    assert "Utkast" in preview.page_markdown("rapporter/b.md", "Text")
    assert [e["title"] for e in json.loads(render_catalogue(preview.index))["items"]] == ["A"]


def test_item_page_escapes_editor_text(build_of):
    build = build_of({"reports/a.md": report("A & B", "2022", summary="x < y & <b>z</b>")})
    page = build.page_markdown("rapporter/a.md", "Brödtext")
    assert "A &amp; B" in page and "x &lt; y &amp; &lt;b&gt;z" in page and "<b>" not in page


def test_start_page_blocks_are_filled(build_of):
    build = build_of({"reports/a.md": report("A", "2022", ["kultur"], ["lidingo"])})
    page = build.page_markdown("index.md", "# Start\n\n<!-- loft:latest -->\n\n<!-- loft:principles -->\n")
    assert "<!-- loft:" not in page
    assert 'href="rapporter/a/"' in page and 'href="principer/kultur/"' in page


def test_catalogue_is_stable_and_complete(build_of):
    build = build_of({"reports/a.md": report("A", "2022-06", ["Culture"], ["Lidingö"]),
                      "docs/nyheter/n.md": news("N", "2023-01-02")})
    text = render_catalogue(build.index)
    assert text == render_catalogue(build.index)
    entries = json.loads(text)["items"]
    assert [e["title"] for e in entries] == ["N", "A"]
    assert entries[1] == {"title": "A", "url": "rapporter/a/", "type": "rapport", "date": "2022-06",
                          "year": 2022, "principles": ["kultur"], "municipalities": ["lidingo"],
                          "summary": "Sammanfattning av A.", "based_on": None, "publishers": [],
                          "language": "sv", "published_at": None, "continues": None,
                          "identifiers": {"isbn": None, "urn_nbn": None, "doi": None}}


def test_partial_dates_sort_before_precise_dates_of_the_same_period():
    dates = [PartialDate.parse(t) for t in ("2023-05-15", "2023", "2023-05", "2022-12-31")]
    assert [d.iso for d in sorted(dates, key=lambda d: d.sort_key)] == ["2022-12-31", "2023", "2023-05", "2023-05-15"]
    with pytest.raises(DateError):
        PartialDate.parse("2024-02-30")
    assert PartialDate.parse("2024-02-29").swedish == "29 februari 2024"


@pytest.mark.parametrize("size,text", [(999, "999 byte"), (1500, "2 kB"), (350_000, "350 kB"), (1_234_567, "1,2 MB")])
def test_file_sizes_in_swedish(size, text):
    assert format_size(size) == text


@pytest.mark.parametrize("source,target,link", [
    ("", "rapporter/x/", "rapporter/x/"), ("ar/", "ar/2023/", "2023/"),
    ("rapporter/x/", "ar/2022/", "../../ar/2022/"), ("principer/kultur/sida/2/", "principer/kultur/", "../../"),
    ("rapporter/x/", "rapporter/x/", "./"),
])
def test_relative_links(source, target, link):
    assert relative(source, target) == link


def test_listing_pages_never_scan_beyond_their_page(build_of):
    files = {f"docs/nyheter/n{n}.md": news(f"N{n}", "2021") for n in range(7)}
    build = build_of(files, page_size=3)
    for listing in build.listings.values():
        assert len(listing.items) <= 3
        html = build.page_markdown(listing.src_uri, "")
        assert len(re.findall(r'class="loft-card"', html)) == len(listing.items)
