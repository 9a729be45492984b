"""Builds of a known corpus: every listing lists exactly the right items."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from helpers import listed_titles, news, report

CORPUS = {
    "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur", "systemsynsatt"], ["kungsbacka", "lidingo"]),
    "reports/beta/index.md": report("Beta", "2023", ["Culture"], ["Skellefteå"], authors=["Anna Andersson"]),
    "reports/beta/beta-rapport.pdf": b"%PDF-1.4\n" + b"0" * 1500,
    "materials/gamma.md": report("Gamma", "2023-05", ["Strategisk inriktning"], ["KUNGSBACKA"]),
    "docs/nyheter/delta.md": news("Delta", "2021-08-16", municipalities=["enkoping"]),
    "docs/nyheter/epsilon-utkast.md": news("Epsilon", "2024-01-01", ["kultur"], ["kungsbacka"], draft=True),
}
EXPECTED = {  # listing URL -> titles, newest first
    "rapporter/": ["Beta", "Alfa"],
    "material/": ["Gamma"],
    "nyheter/": ["Delta"],
    "principer/kultur/": ["Beta", "Alfa"],
    "principer/systemsynsatt/": ["Alfa"],
    "principer/strategisk-inriktning/": ["Gamma"],
    "principer/realisering-av-varde/": [],
    "kommuner/kungsbacka/": ["Gamma", "Alfa"],
    "kommuner/lidingo/": ["Alfa"],
    "kommuner/skelleftea/": ["Beta"],
    "kommuner/enkoping/": ["Delta"],
    "kommuner/knivsta/": [],
    "ar/2023/": ["Gamma", "Beta"],
    "ar/2022/": ["Alfa"],
    "ar/2021/": ["Delta"],
}


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    import harness

    return harness.corpus_site(tmp_path_factory.mktemp("corpus"), CORPUS)


@pytest.mark.parametrize("url,titles", EXPECTED.items())
def test_every_listing_lists_exactly_its_items(corpus_site, url, titles):
    html = corpus_site.read(url + "index.html")
    assert listed_titles(html) == titles
    if titles:
        # Counted by type ("1 rapport och 1 nyhet"): news are not publications.
        numbers = re.search(r'<p class="loft-count">([^<]*)</p>', html).group(1)
        assert sum(int(n) for n in re.findall(r"\b(\d+) (?:titl|rapport|mall|nyhet)", numbers)) == len(titles)
    else:
        assert 'class="loft-empty"' in html


def test_overviews_list_every_term_with_its_count(corpus_site):
    principles = corpus_site.read("principer/index.html")
    from harness import REPO
    from loft.content.project import Project

    # As many as data/principles.yml holds (a principle added there needs no test change).
    assert principles.count('class="loft-term"') == len(Project.load(REPO).facet_by_field["principles"].vocabulary)
    assert "egen översättning" in principles
    municipalities = corpus_site.read("kommuner/index.html")
    assert "Kungsbacka kommun" in municipalities and "1384" in municipalities
    years = corpus_site.read("ar/index.html")
    assert [int(y) for y in re.findall(r'href="(\d{4})/"', years)] == [2023, 2022, 2021]


def test_item_page_shows_facts_and_attachment(corpus_site):
    html = corpus_site.read("rapporter/beta/index.html")
    assert "<h1" in html and "Beta" in html
    assert 'href="../../principer/kultur/"' in html
    assert 'href="../../kommuner/skelleftea/"' in html
    assert '<dt>Publicerad</dt><dd><time datetime="2023">2023</time></dd>' in html  # the date, once
    assert '<a href="../../">Start</a></li><li><a href="../">Rapporter</a>' in html  # breadcrumbs
    assert "Anna Andersson" in html
    assert 'href="beta-rapport.pdf"' in html and "(PDF, 2 kB)" in html
    assert (corpus_site.site / "rapporter/beta/beta-rapport.pdf").is_file()
    assert "15 maj" not in html and "16 augusti 2021" in corpus_site.read("nyheter/delta/index.html")


def test_catalogue_matches_the_sources(corpus_site):
    catalogue = json.loads(corpus_site.read("api/items.json"))
    by_title = {entry["title"]: entry for entry in catalogue["items"]}
    assert list(by_title) == ["Gamma", "Beta", "Alfa", "Delta"]
    assert by_title["Beta"] == {
        "title": "Beta", "url": "rapporter/beta/", "type": "rapport", "date": "2023", "year": 2023,
        "principles": ["kultur"], "municipalities": ["skelleftea"], "summary": "Sammanfattning av Beta.",
        "based_on": None, "publishers": [], "language": "sv", "published_at": None, "continues": None,
        "identifiers": {"isbn": None, "urn_nbn": None, "doi": None},
    }
    assert by_title["Alfa"]["principles"] == ["kultur", "systemsynsatt"]
    assert by_title["Gamma"]["type"] == "mall" and by_title["Gamma"]["date"] == "2023-05"
    assert by_title["Delta"]["type"] == "nyhet" and by_title["Delta"]["url"] == "nyheter/delta/"


def test_a_draft_appears_nowhere(corpus_site):
    site = corpus_site.site
    assert not (site / "nyheter/epsilon-utkast").exists()
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8")
            assert "Epsilon" not in text and "epsilon-utkast" not in text, path


def test_nav_holds_sections_not_items(corpus_site):
    html = corpus_site.read("index.html")
    start = html.index('class="md-nav md-nav--primary"')
    nav = html[start:html.index('<div class="md-content"', start)]
    assert "Rapporter" in nav and "Principer" in nav
    assert "Alfa" not in nav and "Beta" not in nav


def test_no_third_party_hosts_in_pages(corpus_site):
    for path in corpus_site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'<(?:link|script|img)[^>]+(?:href|src)="(?:https?:)?//', html), path
        assert "fonts.googleapis" not in html
