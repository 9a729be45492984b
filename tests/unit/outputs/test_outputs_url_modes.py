"""Feeds, open data, the sitemap and the catalogue in both URL modes, without MkDocs.

The mode is the fixture's parameter, never read back from the output: with
site_url every address in these files is absolute under it, without it every
link is relative to the file that holds it. Expectations are written by hand
for a known corpus that has two items of one type on one (year-only) date.
"""

from __future__ import annotations

import json

import feedparser
import pytest

from harness import data_project
from helpers import news, report
from loft.build import SiteBuild

SITE_URL = "https://kunskapsbank.example.se/loft/"
CORPUS = {
    # Alfa and Beta: same type, same year-only date: both listed, A–Ö.
    "reports/alfa.md": report("Alfa", "2022", ["kultur"], ["kungsbacka"]),
    "reports/beta/index.md": report("Beta", "2022", ["kultur", "systemsynsatt"]),
    "reports/beta/bilaga.pdf": b"%PDF-1.4\n" + b"0" * 991,
    "materials/gamma.md": report("Gamma", "2021-06", ["systemsynsatt"], ["lidingo"]),
    "docs/nyheter/delta.md": news("Delta", "2023-01-10", municipalities=["kungsbacka"]),
    "docs/nyheter/utkast.md": news("Utkast", "2024-01-01", ["kultur"], ["kungsbacka"], draft=True),
}
NEWEST_FIRST = ["nyheter/delta/", "rapporter/alfa/", "rapporter/beta/", "material/gamma/"]


@pytest.fixture(params=["relative", "absolute"])
def mode(request) -> str:
    return request.param


# Function scope (a build here takes milliseconds): mutation testing attributes a
# module fixture's work to the first test only, and would run no other test.
@pytest.fixture
def built(mode, tmp_path):
    project = data_project(tmp_path, CORPUS)
    build = SiteBuild.create(project, page_size=2, site_url=SITE_URL if mode == "absolute" else None)
    return build, build.extra_files()


def expected(mode: str, relative: str, site_path: str) -> str:
    """The link a file should carry: `relative` without site_url, else the absolute address."""
    return SITE_URL + site_path if mode == "absolute" else relative


def links(entry, rel: str) -> list[str]:
    return [link.href for link in entry.links if link.rel == rel]


def test_catalogue_lists_every_published_item_once_newest_first_with_ties_a_to_o(built):
    build, files = built
    entries = json.loads(files["api/items.json"])["items"]
    assert [e["url"] for e in entries] == NEWEST_FIRST
    assert [e["date"] for e in entries] == ["2023-01-10", "2022", "2022", "2021-06"]
    assert [i.url for i in build.index.by_type["rapport"]] == ["rapporter/alfa/", "rapporter/beta/"]
    assert [i.url for i in build.index.by_year[2022]] == ["rapporter/alfa/", "rapporter/beta/"]
    kultur = [l for l in build.listings.values() if l.base_url == "principer/kultur/"]
    assert [(l.url, [i.url for i in l.items]) for l in kultur] == [
        ("principer/kultur/", ["rapporter/alfa/", "rapporter/beta/"])]
    assert build.index.years == [2023, 2022, 2021]


def test_site_feed_links_follow_the_url_mode(built, mode):
    _, files = built
    feed = feedparser.parse(files["atom.xml"])
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Delta", "Alfa", "Beta", "Gamma"]
    assert [links(e, "alternate") for e in feed.entries] == [
        [expected(mode, url, url)] for url in NEWEST_FIRST]
    assert links(feed.feed, "self") == [expected(mode, "atom.xml", "atom.xml")]
    assert links(feed.feed, "alternate") == [expected(mode, "./", "")]
    beta = feed.entries[2]
    assert links(beta, "enclosure") == [expected(mode, "rapporter/beta/bilaga.pdf", "rapporter/beta/bilaga.pdf")]
    assert [(l.type, l.length) for l in beta.links if l.rel == "enclosure"] == [("application/pdf", "1000")]
    schemes = {t.get("scheme") for e in feed.entries for t in e.tags}
    assert schemes == ({None} if mode == "relative" else
                       {SITE_URL + p for p in ("rapporter/", "material/", "nyheter/", "principer/kultur/",
                                               "principer/systemsynsatt/", "kommuner/kungsbacka/",
                                               "kommuner/lidingo/")})
    assert feed.feed.updated.startswith("2023-01-10")


def test_term_feed_links_are_relative_to_the_feed_or_absolute(built, mode):
    _, files = built
    feed = feedparser.parse(files["kommuner/kungsbacka/atom.xml"])
    assert [links(e, "alternate") for e in feed.entries] == [
        [expected(mode, "../../nyheter/delta/", "nyheter/delta/")],
        [expected(mode, "../../rapporter/alfa/", "rapporter/alfa/")]]
    assert links(feed.feed, "self") == [expected(mode, "atom.xml", "kommuner/kungsbacka/atom.xml")]
    assert links(feed.feed, "alternate") == [expected(mode, "./", "kommuner/kungsbacka/")]
    assert [e.title for e in feedparser.parse(files["rapporter/atom.xml"]).entries] == ["Alfa", "Beta"]
    assert not feedparser.parse(files["kommuner/vasteras/atom.xml"]).entries
    assert all("Utkast" not in text for text in files.values())


def test_dcat_addresses_follow_the_url_mode(built, mode):
    _, files = built
    graph = json.loads(files["api/dcat.jsonld"])["@graph"]
    catalog, dataset = graph
    document = expected(mode, "dcat.jsonld", "api/dcat.jsonld")
    assert catalog["@id"] == document + "#catalog" and dataset["@id"] == document + "#dataset"
    assert catalog["foaf:homepage"] == {"@id": expected(mode, "../", "")}
    assert catalog["dcat:dataset"] == {"@id": document + "#dataset"}
    assert dataset["dcat:landingPage"] == {"@id": expected(mode, "../oppna-data/", "oppna-data/")}
    assert dataset["dcterms:publisher"]["@id"] == document + "#publisher"
    assert dataset["dcat:contactPoint"]["@id"] == document + "#kontakt"
    json_dist, atom_dist = dataset["dcat:distribution"]
    assert json_dist["@id"] == document + "#json" and atom_dist["@id"] == document + "#atom"
    assert json_dist["dcat:accessURL"] == json_dist["dcat:downloadURL"] == {
        "@id": expected(mode, "items.json", "api/items.json")}
    assert json_dist["dcterms:conformsTo"] == {"@id": expected(mode, "items.schema.json", "api/items.schema.json")}
    assert atom_dist["dcat:accessURL"] == {"@id": expected(mode, "../atom.xml", "atom.xml")}
    assert "dcterms:conformsTo" not in atom_dist
    assert json_dist["dcat:mediaType"] == {"@id": "https://www.iana.org/assignments/media-types/application/json"}
    assert dataset["dcterms:issued"] == {"@value": "2021-06", "@type": "xsd:gYearMonth"}
    assert dataset["dcterms:modified"] == {"@value": "2023-01-10", "@type": "xsd:date"}


def test_schema_has_an_id_only_with_site_url(built, mode):
    _, files = built
    schema = json.loads(files["api/items.schema.json"])
    if mode == "absolute":
        assert list(schema)[:2] == ["$schema", "$id"]
        assert schema["$id"] == SITE_URL + "api/items.schema.json"
    else:
        assert "$id" not in schema
    item = schema["$defs"]["item"]["properties"]
    assert item["type"]["enum"] == ["rapport", "mall", "nyhet"]
    assert item["principles"]["items"]["enum"][:2] == ["realisering-av-varde", "framtidsinriktade-ledare"]


def test_sitemap_locations_follow_the_url_mode(built, mode):
    build, _ = built
    pages = [("index.md", ""), ("rapporter/alfa.md", "rapporter/alfa/"),
             ("rapporter/beta/index.md", "rapporter/beta/"), ("rapporter/index.md", "rapporter/"),
             ("nyheter/delta.md", "nyheter/delta/")]
    entries = [(e.loc, e.lastmod) for e in build.machine.sitemap(pages)]
    rows = [("", None), ("nyheter/delta/", "2023-01-10"), ("rapporter/", None),
            ("rapporter/alfa/", "2022"), ("rapporter/beta/", "2022")]
    assert entries == [(expected(mode, url or "./", url), lastmod) for url, lastmod in rows]
    assert build.machine.page_date("rapporter/alfa.md") == "2022-01-01"
    assert build.machine.page_date("material/gamma.md") == "2021-06-01"
    assert build.machine.page_date("om-loft.md") == "2023-01-10"  # the newest item's date


def test_sitemap_of_a_preview_leaves_drafts_out(tmp_path):
    project = data_project(tmp_path, CORPUS)
    preview = SiteBuild.create(project, preview=True, site_url=SITE_URL)
    entries = preview.machine.sitemap([("nyheter/utkast.md", "nyheter/utkast/"),
                                       ("nyheter/delta.md", "nyheter/delta/")])
    assert [(e.loc, e.lastmod) for e in entries] == [(SITE_URL + "nyheter/delta/", "2023-01-10")]
