"""Builds of a known corpus, without and with site_url: feeds, JSON-LD, Open Graph,
descriptions, Scholar tags, citations, the catalogue's schema, DCAT and the sitemap."""

from __future__ import annotations

import gzip
import json
import re
from datetime import datetime, timezone
from html import unescape

import bibtexparser
import feedparser
import jsonschema
import pytest
import rdflib
import rdflib.namespace as ns
import yaml

from harness import REPO, corpus_site
from helpers import news, report

SITE_URL = "https://kunskapsbank.example.se/loft/"
TRICKY_TITLE = 'Styrning & ledning: "nya" vägar'
# Titles may not carry markup (validation rejects it); summaries may, escaped everywhere.
TRICKY_SUMMARY = 'Om "nya" vägar </script><!-- x & mer.'
CORPUS = {
    "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur", "systemsynsatt"], ["kungsbacka", "lidingo"]),
    "reports/beta/index.md": report("Beta", "2023", ["kultur"], ["skelleftea"],
                                    authors=["Anna Andersson", "Per-Olof Berg"]),
    "reports/beta/beta-rapport.pdf": b"%PDF-1.4\n" + b"0" * 1500,
    "reports/gamma.md": report(TRICKY_TITLE, "2021-02", ["kultur"], summary=TRICKY_SUMMARY),
    "materials/delta.md": report("Delta", "2023-05", ["strategisk-inriktning"], ["kungsbacka"]),
    "docs/nyheter/epsilon.md": news("Epsilon", "2021-08-16", municipalities=["enkoping"],
                                    summary="En nyhet om Enköping."),
    "docs/nyheter/zeta-utkast.md": news("Zeta", "2024-01-01", ["kultur"], ["kungsbacka"], draft=True),
}
PAGE_SIZE = 2  # small, so that listings get a page 2
# bibtexparser 1.4 calls pyparsing's old method names.
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated:DeprecationWarning")


def _build(tmp_path_factory, name: str, site_url: str | None):
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url: !ENV LOFT_SITE_URL\n" in text  # the address comes from the environment
    return corpus_site(tmp_path_factory.mktemp(name), CORPUS, page_size=PAGE_SIZE, site_url=site_url)


@pytest.fixture(scope="module")
def relative_site(tmp_path_factory):
    return _build(tmp_path_factory, "relative", None)


@pytest.fixture(scope="module")
def absolute_site(tmp_path_factory):
    return _build(tmp_path_factory, "absolute", SITE_URL)


@pytest.fixture(scope="module", params=["relative", "absolute"])
def mode(request) -> str:
    """The URL mode a build was made in: the fixture's parameter, never read from the output."""
    return request.param


@pytest.fixture(scope="module")
def site(request, mode):
    return request.getfixturevalue(f"{mode}_site")


def vocabulary(name: str) -> list[str]:
    return [t["id"] for t in yaml.safe_load((REPO / "data" / name).read_text(encoding="utf-8"))]


def type_paths() -> list[str]:
    return [t["path"] for t in yaml.safe_load((REPO / "data/types.yml").read_text(encoding="utf-8"))]


def head(html: str) -> str:
    return html[:html.index("</head>")]


def metas(html: str, attribute: str, name: str) -> list[str]:
    return [unescape(v) for v in re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', head(html))]


def jsonld(html: str) -> dict:
    """The page's own JSON-LD (item, listing, site); its BreadcrumbList is apart."""
    found = [f for f in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
             if '"@type":"BreadcrumbList"' not in f]
    assert len(found) == 1
    return json.loads(found[0])


# --- feeds -------------------------------------------------------------------
FEED_TITLES = {  # feed -> entry titles, newest first (no draft)
    "atom.xml": ["Delta", "Beta", "Alfa", "Epsilon", TRICKY_TITLE],
    "rapporter/atom.xml": ["Beta", "Alfa", TRICKY_TITLE],
    "material/atom.xml": ["Delta"],
    "nyheter/atom.xml": ["Epsilon"],
    "principer/kultur/atom.xml": ["Beta", "Alfa", TRICKY_TITLE],
    "principer/systemsynsatt/atom.xml": ["Alfa"],
    "principer/realisering-av-varde/atom.xml": [],
    "kommuner/kungsbacka/atom.xml": ["Delta", "Alfa"],
    "kommuner/enkoping/atom.xml": ["Epsilon"],
}


def all_feed_paths() -> list[str]:
    return (["atom.xml"] + [f"{p}/atom.xml" for p in type_paths()]
            + [f"principer/{i}/atom.xml" for i in vocabulary("principles.yml")]
            + [f"kommuner/{i}/atom.xml" for i in vocabulary("municipalities.yml")])


def test_every_feed_exists_and_parses_without_errors(site):
    feeds = sorted(str(p.relative_to(site.site)) for p in site.site.rglob("atom.xml"))
    assert feeds == sorted(all_feed_paths())
    for path in feeds:
        parsed = feedparser.parse(site.read(path))
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.get("language") == "sv", path


@pytest.mark.parametrize("path,titles", FEED_TITLES.items())
def test_feed_lists_its_items_newest_first(relative_site, path, titles):
    parsed = feedparser.parse(relative_site.read(path))
    assert [e.title for e in parsed.entries] == titles
    newest = parsed.entries[0].updated if titles else "2023-05-01T00:00:00+00:00"  # the site's newest
    assert parsed.feed.updated == newest  # the newest item's date, never the build time


def test_feed_entries_carry_link_summary_categories_and_authors(site, mode):
    absolute = mode == "absolute"
    parsed = feedparser.parse(site.read("principer/kultur/atom.xml"))
    beta = parsed.entries[0]
    assert beta.title == "Beta" and beta.summary == "Sammanfattning av Beta."
    assert beta.published.startswith("2023-01-01")
    assert [a.name for a in beta.authors] == ["Anna Andersson", "Per-Olof Berg"]
    labels = {t.label for t in beta.tags}
    assert {"Rapport", "Kultur", "Skellefteå"} <= labels
    alternate = [l.href for l in beta.links if l.rel == "alternate"]
    enclosure = [l for l in beta.links if l.rel == "enclosure"]
    if absolute:
        assert alternate == [SITE_URL + "rapporter/beta/"]
        assert enclosure[0].href == SITE_URL + "rapporter/beta/beta-rapport.pdf"
        assert [l.href for l in parsed.feed.links if l.rel == "self"] == [SITE_URL + "principer/kultur/atom.xml"]
    else:
        assert alternate == ["../../rapporter/beta/"]
        assert enclosure[0].href == "../../rapporter/beta/beta-rapport.pdf"
        assert [l.href for l in parsed.feed.links if l.rel == "self"] == ["atom.xml"]
    assert enclosure[0].type == "application/pdf" and enclosure[0].length == str(1509)
    assert "Anna Andersson" not in str(parsed.entries[1].get("authors"))  # Alfa has no authors
    assert parsed.feed.author_detail.name.startswith("LOFT")  # the feed's author stands in


def test_listings_link_their_feed_visibly_and_in_head(relative_site):
    for url, feed in [("principer/kultur/", "atom.xml"), ("principer/kultur/sida/2/", "../../atom.xml"),
                      ("rapporter/", "atom.xml"), ("rapporter/sida/2/", "../../atom.xml")]:
        html = relative_site.read(url + "index.html")
        body = html[html.index("</head>"):]
        assert re.search(rf'class="loft-feed">[^<]*<a href="{re.escape(feed)}" type="application/atom\+xml">Atom-flöde för ', body), url
        assert f'<link rel="alternate feed" type="application/atom+xml" title="' in head(html)
        assert f'href="{feed}">' in head(html), url
    start = relative_site.read("index.html")
    assert '<link rel="alternate feed" type="application/atom+xml" title="LOFT kunskapsbank" href="atom.xml">' in start
    assert 'class="loft-feed"' not in relative_site.read("ar/2022/index.html")  # years have no feed


# --- JSON-LD ---------------------------------------------------------------------
def test_item_pages_carry_schema_org_jsonld_matching_the_item(absolute_site):
    data = jsonld(absolute_site.read("rapporter/beta/index.html"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
    assert data["name"] == "Beta" and data["datePublished"] == "2023"
    assert data["description"] == "Sammanfattning av Beta." and data["inLanguage"] == "sv"
    assert data["url"] == SITE_URL + "rapporter/beta/"
    assert data["author"] == [{"@type": "Person", "name": "Anna Andersson"},
                              {"@type": "Person", "name": "Per-Olof Berg"}]
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization" and publisher["alternateName"] == "LOFT"
    assert [m["name"] for m in publisher["member"]] == ["RISE Research Institutes of Sweden",
                                                        "Mälardalens universitet"]
    [principle] = data["about"]
    assert principle["@type"] == "DefinedTerm" and principle["name"] == "Kultur"
    assert principle["termCode"] == "kultur" and principle["alternateName"] == "Culture"
    assert principle["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    assert "ISO 56002" in principle["inDefinedTermSet"]["name"]
    [place] = data["spatialCoverage"]
    assert place == {"@type": "AdministrativeArea", "name": "Skellefteå kommun",
                     "identifier": {"@type": "PropertyValue", "propertyID": "kommunkod", "value": "2482"},
                     "containedInPlace": {"@type": "AdministrativeArea", "name": "Västerbottens län"}}
    [pdf] = data["encoding"]
    assert pdf["@type"] == "MediaObject" and pdf["encodingFormat"] == "application/pdf"
    assert pdf["contentUrl"] == SITE_URL + "rapporter/beta/beta-rapport.pdf"
    assert pdf["contentSize"] == "2 kB"


def test_jsonld_types_follow_the_content_type(relative_site):
    declared = {t["path"]: t["schema_org"]
                for t in yaml.safe_load((REPO / "data/types.yml").read_text(encoding="utf-8"))}
    for url in ["rapporter/alfa/", "material/delta/", "nyheter/epsilon/"]:
        data = jsonld(relative_site.read(url + "index.html"))
        assert data["@type"] == declared[url.split("/")[0]]
        assert "url" not in data  # no address made up without site_url
    assert "author" not in jsonld(relative_site.read("rapporter/alfa/index.html"))


def test_jsonld_is_safe_inside_script(relative_site):
    html = relative_site.read("rapporter/gamma/index.html")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</" not in raw and "<!--" not in raw
    assert jsonld(html)["name"] == TRICKY_TITLE
    assert jsonld(html)["description"] == TRICKY_SUMMARY


# --- descriptions, Open Graph, canonical ---------------------------------------------
def test_every_page_has_exactly_one_description_of_its_own(site):
    site_description = " ".join(yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["site_description"].split())
    seen: dict[str, str] = {}
    for path in sorted(site.site.rglob("index.html")):
        if path.parent.name == "redigera":  # the web editor: noindex, no social card (tests/unit/editor/test_cms.py)
            continue
        html = path.read_text(encoding="utf-8")
        descriptions = metas(html, "name", "description")
        assert len(descriptions) == 1, path
        assert descriptions[0] and descriptions[0] != site_description, path
        assert metas(html, "property", "og:description") == descriptions, path
        assert len(metas(html, "property", "og:title")) == 1, path
        assert descriptions[0] not in seen, (path, seen.get(descriptions[0]))
        seen[descriptions[0]] = str(path)
    assert metas(site.read("rapporter/alfa/index.html"), "name", "description") == ["Sammanfattning av Alfa."]
    assert metas(site.read("rapporter/beta/index.html"), "property", "og:type") == ["article"]
    assert metas(site.read("rapporter/index.html"), "property", "og:type") == ["website"]
    assert "Sida 2 av" in metas(site.read("rapporter/sida/2/index.html"), "name", "description")[0]


def test_canonical_and_og_url_only_with_site_url(relative_site, absolute_site):
    for url in ["", "rapporter/beta/", "principer/kultur/", "principer/kultur/sida/2/", "om-loft/"]:
        html = absolute_site.read(url + "index.html")
        assert f'<link rel="canonical" href="{SITE_URL}{url}">' in html
        assert metas(html, "property", "og:url") == [SITE_URL + url]
        plain = relative_site.read(url + "index.html")
        assert 'rel="canonical"' not in plain and not metas(plain, "property", "og:url")


# --- Google Scholar ------------------------------------------------------------
def test_reports_carry_scholar_tags(relative_site, absolute_site):
    html = absolute_site.read("rapporter/beta/index.html")
    assert metas(html, "name", "citation_title") == ["Beta"]
    assert metas(html, "name", "citation_author") == ["Andersson, Anna", "Berg, Per-Olof"]
    assert metas(html, "name", "citation_publication_date") == ["2023"]
    assert metas(html, "name", "citation_pdf_url") == [SITE_URL + "rapporter/beta/beta-rapport.pdf"]
    assert metas(relative_site.read("rapporter/beta/index.html"), "name", "citation_pdf_url") == ["beta-rapport.pdf"]
    alfa = relative_site.read("rapporter/alfa/index.html")
    assert metas(alfa, "name", "citation_publication_date") == ["2022/03/01"]
    assert metas(alfa, "name", "citation_author")[0].startswith("LOFT")
    assert not metas(alfa, "name", "citation_pdf_url")
    for url in ["material/delta/", "nyheter/epsilon/", "rapporter/"]:
        assert not metas(relative_site.read(url + "index.html"), "name", "citation_title"), url


# --- citations -------------------------------------------------------------------
def test_citera_section_and_downloads(absolute_site):
    html = absolute_site.read("rapporter/beta/index.html")
    assert re.search(r'<h2 id="citera">Citera', html)
    reference = unescape(re.sub(r"<[^>]+>", "", re.search(r'class="loft-cite__reference">(.*?)</p>', html).group(1)))
    assert reference == ("Andersson, A., & Berg, P.-O. (2023). Beta [Rapport]. "
                         "LOFT – Leda och Organisera Förnyelse och Transformation. "
                         f"{SITE_URL}rapporter/beta/")
    for name in ("citera.bib", "citera.ris", "citera.json"):
        assert f'href="{name}" download' in html
        assert (absolute_site.site / "rapporter/beta" / name).is_file()
        assert (absolute_site.site / "material/delta" / name).is_file()
        assert not (absolute_site.site / "nyheter/epsilon" / name).exists()
    assert "Citera" not in absolute_site.read("nyheter/epsilon/index.html")


def test_bibtex_parses_and_matches_the_item(absolute_site):
    [entry] = bibtexparser.loads(absolute_site.read("rapporter/beta/citera.bib")).entries
    assert entry["ENTRYTYPE"] == "techreport" and entry["ID"] == "loft-rapport-beta"
    assert entry["author"] == "Andersson, Anna and Berg, Per-Olof"
    assert entry["title"].strip("{}") == "Beta" and entry["year"] == "2023"
    assert entry["institution"].startswith("LOFT") and entry["url"] == SITE_URL + "rapporter/beta/"
    assert entry["abstract"] == "Sammanfattning av Beta."
    [tricky] = bibtexparser.loads(absolute_site.read("rapporter/gamma/citera.bib")).entries
    assert tricky["title"].strip("{}") == TRICKY_TITLE.replace("&", r"\&")
    assert tricky["month"] == "February" and tricky["author"].strip("{}").startswith("LOFT")
    [template] = bibtexparser.loads(absolute_site.read("material/delta/citera.bib")).entries
    assert template["ENTRYTYPE"] == "misc" and template["howpublished"] == "Mall"


def read_ris(result, path: str) -> list[tuple[str, str]]:
    text = (result.site / path).read_bytes().decode("utf-8")  # as written: CR LF line ends
    assert text.endswith("ER  - \r\n") and "\n" not in text.replace("\r\n", "")
    return [(line[:2], line[6:]) for line in text.split("\r\n") if line]


def test_ris_fields_match_the_item(absolute_site, relative_site):
    fields = read_ris(absolute_site, "rapporter/beta/citera.ris")
    assert fields[0] == ("TY", "RPRT") and fields[-1] == ("ER", "")
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]", tag) for tag, _ in fields)
    values = {}
    for tag, value in fields:
        values.setdefault(tag, []).append(value)
    assert values["TI"] == ["Beta"] and values["AU"] == ["Andersson, Anna", "Berg, Per-Olof"]
    assert values["PY"] == ["2023"] and values["UR"] == [SITE_URL + "rapporter/beta/"]
    assert values["AB"] == ["Sammanfattning av Beta."] and {"Kultur", "Skellefteå"} <= set(values["KW"])
    alfa = dict(read_ris(absolute_site, "rapporter/alfa/citera.ris"))
    assert alfa["DA"] == "2022/03/01/"
    assert "UR" not in dict(read_ris(relative_site, "rapporter/alfa/citera.ris"))  # no made-up address
    assert dict(read_ris(absolute_site, "material/delta/citera.ris"))["TY"] == "GEN"


def test_csl_json_round_trips_and_matches_the_item(absolute_site):
    text = absolute_site.read("rapporter/beta/citera.json")
    [entry] = json.loads(text)
    assert json.loads(json.dumps([entry], ensure_ascii=False, indent=2) + "\n") == [entry]
    assert entry["type"] == "report" and entry["title"] == "Beta"
    assert entry["author"] == [{"family": "Andersson", "given": "Anna"}, {"family": "Berg", "given": "Per-Olof"}]
    assert entry["issued"] == {"date-parts": [[2023]]} and entry["URL"] == SITE_URL + "rapporter/beta/"
    [gamma] = json.loads(absolute_site.read("rapporter/gamma/citera.json"))
    assert gamma["title"] == TRICKY_TITLE and gamma["issued"] == {"date-parts": [[2021, 2]]}
    assert gamma["author"][0]["literal"].startswith("LOFT")
    assert json.loads(absolute_site.read("material/delta/citera.json"))[0]["type"] == "document"


# --- open data -----------------------------------------------------------------
def schema_of(result) -> dict:
    return json.loads(result.read("api/items.schema.json"))


def test_catalogue_validates_against_its_schema(site, real_site):
    for result in (site, real_site):
        schema = schema_of(result)
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.loads(result.read("api/items.json")), schema,
                            cls=jsonschema.Draft202012Validator)
    item = schema_of(site)["$defs"]["item"]
    assert item["properties"]["principles"]["items"]["enum"] == vocabulary("principles.yml")
    assert item["properties"]["municipalities"]["items"]["enum"] == vocabulary("municipalities.yml")
    assert item["properties"]["type"]["enum"] == ["rapport", "mall", "nyhet"]
    assert set(item["required"]) == {"title", "url", "type", "date", "year", "principles",
                                     "municipalities", "summary", "based_on", "publishers", "language",
                                     "published_at", "continues", "identifiers"}


def test_schema_rejects_what_the_catalogue_never_holds(relative_site):
    schema = schema_of(relative_site)
    good = json.loads(relative_site.read("api/items.json"))["items"][0]
    for change in ({"principles": ["okand-princip"]}, {"type": "bok"}, {"date": "2023-13"},
                   {"year": "2023"}, {"municipalities": ["kungsbacka", "kungsbacka"]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"items": [{**good, **change}]}, schema, cls=jsonschema.Draft202012Validator)
    bad = dict(good)
    del bad["summary"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"items": [bad]}, schema, cls=jsonschema.Draft202012Validator)
    assert "$id" not in schema  # no address made up without site_url


def dcat_graph(result) -> tuple[rdflib.Graph, rdflib.term.Node]:
    graph = rdflib.Graph().parse((result.site / "api/dcat.jsonld").as_uri(), format="json-ld")
    [dataset] = list(graph.subjects(ns.RDF.type, ns.DCAT.Dataset))
    return graph, dataset


def test_dcat_description_has_the_mandatory_and_recommended_fields(site, mode):
    graph, dataset = dcat_graph(site)
    [title] = graph.objects(dataset, ns.DCTERMS.title)
    assert title.language == "sv" and "katalog" in str(title)
    assert str(next(graph.objects(dataset, ns.DCTERMS.description)))
    publishers = list(graph.objects(dataset, ns.DCTERMS.publisher))
    assert len(publishers) == 1  # exactly one
    assert str(graph.value(publishers[0], ns.FOAF.name)).startswith("LOFT")
    [contact] = graph.objects(dataset, ns.DCAT.contactPoint)
    vcard = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
    assert str(graph.value(contact, vcard.hasURL)).startswith("https://")
    assert not any(str(o).startswith("mailto:") for o in graph.objects(contact, None))
    assert {str(k) for k in graph.objects(dataset, ns.DCAT.keyword)} >= {"innovationsledning", "ISO 56002"}
    assert list(graph.objects(dataset, ns.DCAT.theme))
    assert str(graph.value(dataset, ns.DCTERMS.modified)) == "2023-05"  # newest item, not the build date
    # A licence only once LOFT has confirmed one (data/metadata.yml, to_confirm.licence).
    licence = (yaml.safe_load((REPO / "data/metadata.yml").read_text(encoding="utf-8"))
               .get("open_data") or {}).get("licence")
    access = {}
    for distribution in graph.objects(dataset, ns.DCAT.distribution):
        assert (graph.value(distribution, ns.DCTERMS.license) is not None) == bool(licence)
        access[str(graph.value(distribution, ns.DCAT.mediaType)).rsplit("/", 2)[-2:][-1]] = str(
            graph.value(distribution, ns.DCAT.accessURL))
    # Without site_url the IRIs are relative and resolve against the file's own address.
    base = SITE_URL if mode == "absolute" else site.site.as_uri() + "/"
    assert access == {"json": base + "api/items.json", "atom+xml": base + "atom.xml"}
    schemas = {str(o) for o in graph.objects(None, ns.DCTERMS.conformsTo)}
    assert schemas == {base + "api/items.schema.json"}
    [catalog] = graph.subjects(ns.RDF.type, ns.DCAT.Catalog)
    assert (catalog, ns.DCAT.dataset, dataset) in graph


# --- sitemap -------------------------------------------------------------------
def sitemap_locs(result) -> dict[str, str | None]:
    xml = result.read("sitemap.xml")
    entries = re.findall(r"<url>\s*<loc>([^<]*)</loc>\s*(?:<lastmod>([^<]*)</lastmod>)?\s*</url>", xml)
    return {loc: lastmod or None for loc, lastmod in entries}


def test_sitemap_lists_every_item_and_listing_page_and_no_draft(site, mode):
    locs = sitemap_locs(site)
    prefix = SITE_URL if mode == "absolute" else ""
    # Every built page but the web editor, which is noindex and never in the sitemap.
    built = {str(p.parent.relative_to(site.site)) + "/" for p in site.site.rglob("index.html")
             if p.parent.name != "redigera"}
    built = {"" if u == "./" else u for u in built}
    assert set(locs) == {prefix + u if u or prefix else "./" for u in built}
    for url in ["rapporter/beta/", "nyheter/epsilon/", "rapporter/", "rapporter/sida/2/",
                "principer/kultur/sida/2/", "kommuner/kungsbacka/", "ar/2021/", "principer/"]:
        assert prefix + url in locs, url
    assert not any("zeta" in loc for loc in locs)
    assert locs[prefix + "rapporter/beta/"] == "2023" and locs[prefix + "rapporter/alfa/"] == "2022-03-01"
    assert locs[prefix + "rapporter/"] is None  # no build date on pages no item dates
    today = datetime.now(timezone.utc).date().isoformat()
    assert today not in site.read("sitemap.xml")
    with gzip.open(site.site / "sitemap.xml.gz", "rt", encoding="utf-8") as packed:
        assert packed.read() == site.read("sitemap.xml")
    mtime = int.from_bytes((site.site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert datetime.fromtimestamp(mtime, timezone.utc).date().isoformat() == "2023-05-01"


def test_developer_page_is_in_the_nav_and_links_what_exists(relative_site):
    html = relative_site.read("oppna-data/index.html")
    assert "<h1" in html and "Öppna data" in html
    for href in re.findall(r'href="\.\./([^"#]+\.(?:json|jsonld|xml))"', html):
        assert (relative_site.site / href).is_file(), href
    assert 'href="oppna-data/"' in relative_site.read("index.html")


def test_listings_and_start_page_describe_themselves_in_jsonld(absolute_site):
    kultur = jsonld(absolute_site.read("principer/kultur/sida/2/index.html"))
    assert kultur["@type"] == "CollectionPage" and kultur["url"] == SITE_URL + "principer/kultur/sida/2/"
    assert kultur["about"]["@type"] == "DefinedTerm" and kultur["about"]["termCode"] == "kultur"
    assert kultur["isPartOf"] == {"@type": "WebSite", "name": "LOFT kunskapsbank", "url": SITE_URL}
    place = jsonld(absolute_site.read("kommuner/kungsbacka/index.html"))["about"]
    assert place["identifier"]["value"] == "1384"
    assert "about" not in jsonld(absolute_site.read("rapporter/index.html"))
    start = jsonld(absolute_site.read("index.html"))
    assert start["@type"] == "WebSite" and start["url"] == SITE_URL and start["publisher"]["alternateName"] == "LOFT"
    assert "application/ld+json" not in absolute_site.read("om-loft/index.html")
