"""Atom feeds, whole, for a known corpus, as XML (no feed reader's normalising).

Every element and attribute is written out here by hand: the feed's and each
entry's id (urn:uuid, the same whatever the site's address), titles, subtitle,
author, links with their attributes, generator, dates, categories and enclosures.
"""

from __future__ import annotations

from lxml import etree

import expect
from harness import data_project
from helpers import news, report
from loft.build import SiteBuild

ATOM = "{http://www.w3.org/2005/Atom}"
CORPUS = {
    "reports/beta/index.md": report("Beta", "2022-03", ["kultur"], ["lidingo"], authors=["Anna A", "Bo B"]),
    "reports/beta/b.pdf": b"%PDF-" + b"0" * 95,
    "docs/nyheter/n.md": news("N", "2023"),
    "docs/nyheter/u.md": news("U", "2024", ["kultur"], draft=True),
}
PUBLISHER = ("LOFT – Leda och Organisera Förnyelse och Transformation",
             "https://www.ri.se/sv/vad-vi-gor/projekt/loft-leda-och-organisera-fornyelse-och-transformation")
# Stable ids: a feed reader keeps its read marks when the site moves to another address.
KULTUR_FEED_ID = "urn:uuid:f2a7ef08-9898-5dc5-b5c5-9f9c9efc394d"
BETA_ID = "urn:uuid:021e79de-cad4-5a33-8765-92876c4e4ff3"
NEWS_FEED_ID = "urn:uuid:b43bcf8f-f385-5b30-94d4-503d071656d1"
N_ID = "urn:uuid:2a02366e-2a16-543d-983d-9c7842e042c2"


def feeds(tmp_path, site_url=None, corpus=CORPUS) -> dict[str, str]:
    build = SiteBuild.create(data_project(tmp_path, corpus), site_url=site_url)
    return {k: v for k, v in build.extra_files().items() if k.endswith("atom.xml")}


def shape(xml: str):
    """The feed as nested (tag, attributes, text or children) tuples."""
    assert xml.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<feed ")
    assert "\n  <id>urn:uuid:" in xml and "\n  <entry>\n    <id>" in xml or "<entry>" not in xml  # indented by two

    def walk(element):
        children = [walk(child) for child in element]
        text = (element.text or "").strip()
        return (element.tag.replace(ATOM, ""), dict(element.attrib), children or text)

    return walk(etree.fromstring(xml.encode("utf-8")))


def head(feed_id, title, updated, alternate, self_link, subtitle):
    return [("id", {}, feed_id), ("title", {}, title), ("updated", {}, updated),
            ("author", {}, [("name", {}, PUBLISHER[0]), ("uri", {}, PUBLISHER[1])]),
            ("link", {"href": alternate, "rel": "alternate", "type": "text/html"}, ""),
            ("link", {"href": self_link, "rel": "self", "type": "application/atom+xml"}, ""),
            ("generator", {}, "LOFT kunskapsbank"), ("subtitle", {}, subtitle)]


def test_a_term_feed_with_site_url(tmp_path):
    xml = feeds(tmp_path, "https://x.se/")["principer/kultur/atom.xml"]
    assert shape(xml) == ("feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"}, [
        *head(KULTUR_FEED_ID, "Kultur (princip) – LOFT kunskapsbank", "2022-03-01T00:00:00+00:00",
              "https://x.se/principer/kultur/", "https://x.se/principer/kultur/atom.xml",
              "Nytt material i LOFT kunskapsbank som är märkt med Kultur (princip)."),
        ("entry", {}, [
            ("id", {}, BETA_ID), ("title", {}, "Beta"), ("updated", {}, "2022-03-01T00:00:00+00:00"),
            ("author", {}, [("name", {}, "Anna A")]), ("author", {}, [("name", {}, "Bo B")]),
            ("link", {"href": "https://x.se/rapporter/beta/", "rel": "alternate", "type": "text/html"}, ""),
            ("link", {"href": "https://x.se/rapporter/beta/b.pdf", "rel": "enclosure", "type": "application/pdf",
                      "length": "100"}, ""),
            ("summary", {}, "Sammanfattning av Beta."),
            ("category", {"term": "rapport", "scheme": "https://x.se/rapporter/", "label": "Rapport"}, ""),
            ("category", {"term": "kultur", "scheme": "https://x.se/principer/kultur/", "label": "Kultur"}, ""),
            ("category", {"term": "lidingo", "scheme": "https://x.se/kommuner/lidingo/", "label": "Lidingö"}, ""),
            ("published", {}, "2022-03-01T00:00:00+00:00"),
        ]),
    ])


def test_a_type_feed_without_site_url(tmp_path):
    xml = feeds(tmp_path)["nyheter/atom.xml"]
    assert shape(xml) == ("feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"}, [
        *head(NEWS_FEED_ID, "Nyheter – LOFT kunskapsbank", "2023-01-01T00:00:00+00:00", "./", "atom.xml",
              "Nyheter från partnerskapet och omvärldsbevakning som LOFT följer."),
        ("entry", {}, [
            ("id", {}, N_ID), ("title", {}, "N"), ("updated", {}, "2023-01-01T00:00:00+00:00"),
            ("link", {"href": "n/", "rel": "alternate", "type": "text/html"}, ""),
            ("category", {"term": "nyhet", "label": "Nyhet"}, ""),
            ("published", {}, "2023-01-01T00:00:00+00:00"),
        ]),
    ])


def test_the_site_feed_and_an_empty_feed(tmp_path):
    files = feeds(tmp_path)
    site = shape(files["atom.xml"])[2]
    assert site[:8] == head("urn:uuid:" + site[0][2].removeprefix("urn:uuid:"), "LOFT kunskapsbank",
                            "2023-01-01T00:00:00+00:00", "./", "atom.xml",
                            "Nytt material i LOFT kunskapsbank: rapporter, mallar och nyheter.")
    assert [[c for c in e[2] if c[0] == "title"][0][2] for e in site[8:]] == ["N", "Beta"]
    empty = shape(files["kommuner/vasteras/atom.xml"])[2]
    assert [c[0] for c in empty] == ["id", "title", "updated", "author", "link", "link", "generator", "subtitle"]
    assert empty[2] == ("updated", {}, "2023-01-01T00:00:00+00:00")  # the site's newest date
    assert empty[4][1]["href"] == "./" and empty[5][1]["href"] == "atom.xml"


def test_feed_ids_do_not_depend_on_the_address(tmp_path):
    one = shape(feeds(tmp_path / "a")["principer/kultur/atom.xml"])[2]
    two = shape(feeds(tmp_path / "b", "https://annan.example/")["principer/kultur/atom.xml"])[2]
    assert one[0] == two[0] == ("id", {}, KULTUR_FEED_ID)
    assert [c for c in one[8][2] if c[0] == "id"] == [("id", {}, BETA_ID)]


def test_a_feed_of_an_empty_site_is_dated_1970(tmp_path):
    files = feeds(tmp_path, corpus={})
    assert shape(files["atom.xml"])[2][2] == ("updated", {}, "1970-01-01T00:00:00+00:00")
    terms = [f"{facet.path}/{term}/atom.xml" for facet in expect.facets() for term in facet.ids]
    assert sorted(files) == sorted(["atom.xml", "rapporter/atom.xml", "material/atom.xml", "nyheter/atom.xml", *terms])


def test_the_feed_author_has_no_uri_without_the_publishers_address(tmp_path):
    import yaml

    root = data_project(tmp_path, CORPUS)
    metadata = root / "data/metadata.yml"
    data = yaml.safe_load(metadata.read_text(encoding="utf-8"))
    del data["publisher"]["url"]
    metadata.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    xml = SiteBuild.create(root).extra_files()["atom.xml"]
    assert shape(xml)[2][3] == ("author", {}, [("name", {}, PUBLISHER[0])])


def test_every_type_and_term_listing_links_its_feed_and_years_none(tmp_path):

    build = SiteBuild.create(data_project(tmp_path, CORPUS), page_size=1)
    by_url = {listing.url: listing for listing in build.listings.values()}
    assert by_url["rapporter/"].feed_url == "rapporter/atom.xml"
    assert by_url["nyheter/"].feed_url == "nyheter/atom.xml"
    assert by_url["principer/kultur/"].feed_url == "principer/kultur/atom.xml"
    assert by_url["kommuner/vasteras/"].feed_url == "kommuner/vasteras/atom.xml"
    assert by_url["ar/2022/"].feed_url is None
