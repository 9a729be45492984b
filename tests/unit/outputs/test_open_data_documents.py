"""api/items.schema.json and api/dcat.jsonld, whole, for a known corpus.

The documents are written out here by hand (the values of data/metadata.yml and
the vocabularies are read from data/, so a content edit there does not break the
test): any change of a key, a text, a type or an address fails, not only the few
fields the site tests look at.
"""

from __future__ import annotations

import json

import pytest
import yaml

import expect
from harness import REPO, data_project
from helpers import news, report
from loft.build import SiteBuild

CORPUS = {
    "reports/alfa.md": report("Alfa", "2021-06", ["kultur"]),
    "docs/nyheter/beta.md": news("Beta", "2023-01-10"),
    "docs/nyheter/utkast.md": news("Utkast", "2025", draft=True),
}
SITE_URL = "https://example.se/loft/"


@pytest.fixture
def metadata() -> dict:
    return yaml.safe_load((REPO / "data/metadata.yml").read_text(encoding="utf-8"))


def files(tmp_path, site_url=None, corpus=CORPUS) -> dict[str, str]:
    return SiteBuild.create(data_project(tmp_path, corpus), site_url=site_url).extra_files()


RECORD_PROPERTIES = {'based_on': {'description': 'Originalet som materialet återger (till exempel en nyhet från en '
                             'annan utgivare), eller null om materialet inte bygger på någon annan '
                             'text.',
              'oneOf': [{'type': 'null'},
                        {'type': 'object',
                         'required': ['title', 'publisher', 'authors', 'date', 'url'],
                         'properties': {'title': {'type': 'string',
                                                  'minLength': 1,
                                                  'description': 'Originalets rubrik.'},
                                        'publisher': {'type': ['string', 'null'],
                                                      'description': 'Originalets utgivare, om den '
                                                                     'är känd.'},
                                        'authors': {'type': 'array',
                                                    'items': {'type': 'string', 'minLength': 1},
                                                    'description': 'Originalets författare (kan '
                                                                   'vara tom).'},
                                        'date': {'oneOf': [{'type': 'null'},
                                                           {'type': 'string',
                                                            'pattern': '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$'}],
                                                 'description': 'Originalets datum som ÅÅÅÅ-MM-DD, '
                                                                'ÅÅÅÅ-MM eller ÅÅÅÅ, om det är '
                                                                'känt.'},
                                        'url': {'oneOf': [{'type': 'null'},
                                                          {'type': 'string',
                                                           'pattern': '^https://'}],
                                                'description': 'Originalets adress, om den är '
                                                               'känd.'}}}]},
 'publishers': {'type': 'array',
                'uniqueItems': True,
                'items': {'enum': ['rise', 'mdu', 'enkopings-kommun']},
                'description': 'Utgivare: id i data/publishers.yml (kan vara tom).'},
 'language': {'enum': ['sv', 'en'], 'description': 'Språket materialet är skrivet på (ISO 639-1).'},
 'published_at': {'oneOf': [{'type': 'null'}, {'type': 'string', 'pattern': '^https://'}],
                  'description': 'Adressen där materialet är publicerat utanför kunskapsbanken, om '
                                 'den är känd.'},
 'continues': {'oneOf': [{'type': 'null'},
                         {'type': 'string', 'pattern': '^[a-z0-9-]+/[a-z0-9-]+/$'}],
               'description': 'Adressen (url) till det objekt som det här fortsätter, eller null.'},
 'identifiers': {'type': 'object',
                 'required': ['isbn', 'urn_nbn', 'doi'],
                 'properties': {'isbn': {'type': ['string', 'null'],
                                         'description': 'ISBN, om materialet har ett.'},
                                'urn_nbn': {'oneOf': [{'type': 'null'},
                                                      {'type': 'string', 'pattern': '^urn:nbn:'}],
                                            'description': 'URN:NBN, om materialet har ett.'},
                                'doi': {'oneOf': [{'type': 'null'},
                                                  {'type': 'string', 'pattern': '^10\\.'}],
                                        'description': 'DOI utan https://doi.org/, om materialet '
                                                       'har en.'}},
                 'description': 'Identifierare som står i själva dokumentet; null där de saknas.'}}


def test_items_schema_is_the_documented_schema(tmp_path):
    schema = json.loads(files(tmp_path)["api/items.schema.json"])
    principles, municipalities = (f.ids for f in expect.facets())
    assert schema == {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "LOFT kunskapsbank: katalog över publicerat material",
        "description": "Allt publicerat material, nyast först. Okända fält ska ignoreras: nya fält kan tillkomma.",
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}},
        "$defs": {"item": {
            "type": "object",
            "required": ["title", "url", "type", "date", "year", "principles", "municipalities", "summary",
                         "based_on", "publishers", "language", "published_at", "continues", "identifiers"],
            "properties": {
                "title": {"type": "string", "minLength": 1, "description": "Titel."},
                "url": {"type": "string", "pattern": "^[a-z0-9-]+/[a-z0-9-]+/$",
                        "description": "Sidans adress, relativ till webbplatsens rot (till exempel rapporter/namn/)."},
                "type": {"enum": ["rapport", "mall", "nyhet"],
                         "description": "Typ: rapport (rapport), mall (mall), nyhet (nyhet)."},
                "date": {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
                         "description": "Publiceringsdatum som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ."},
                "year": {"type": "integer", "minimum": 1900, "maximum": 2100, "description": "Publiceringsår."},
                "principles": {"type": "array", "uniqueItems": True, "items": {"enum": list(principles)},
                               "description": "Principer: id för varje princip som materialet är märkt med, "
                                              "se principer/."},
                "municipalities": {"type": "array", "uniqueItems": True, "items": {"enum": list(municipalities)},
                                   "description": "Kommuner: id för varje kommun som materialet är märkt med, "
                                                  "se kommuner/."},
                "summary": {"type": "string", "description": "Sammanfattning (kan vara tom)."},
                # The source an item retells (issue 13) and the publication record (issue 12).
                **RECORD_PROPERTIES,
            },
        }},
    }


def test_items_schema_date_pattern_accepts_exactly_the_editors_forms(tmp_path):
    import re

    pattern = json.loads(files(tmp_path)["api/items.schema.json"])["$defs"]["item"]["properties"]["date"]["pattern"]
    for good in ("2023", "2023-01", "2023-12", "2023-05-15", "2023-05-31", "2023-05-09"):
        assert re.search(pattern, good), good
    for bad in ("23", "2023-13", "2023-00", "2023-05-32", "2023-05-00", "2023-5", "x2023"):
        assert not re.search(pattern, bad), bad


def _text(value: str) -> dict:
    return {"@value": " ".join(value.split()), "@language": "sv"}


@pytest.mark.parametrize("site_url", [None, SITE_URL], ids=["relative", "absolute"])
def test_dcat_is_the_documented_description(tmp_path, metadata, site_url):
    document = json.loads(files(tmp_path, site_url)["api/dcat.jsonld"])

    def at(relative: str, site_path: str) -> dict:
        return {"@id": SITE_URL + site_path if site_url else relative}

    me = at("dcat.jsonld", "api/dcat.jsonld")["@id"]
    settings, publisher, contact = metadata["open_data"], metadata["publisher"], metadata["contact"]
    # No licence until LOFT confirms one (data/metadata.yml, to_confirm): then it is on all three.
    licence = {"dcterms:license": {"@id": settings["licence"]}} if settings.get("licence") else {}
    iana = "https://www.iana.org/assignments/media-types/"
    file_type = "http://publications.europa.eu/resource/authority/file-type/"
    swedish = {"@id": "http://publications.europa.eu/resource/authority/language/SWE"}
    assert document == {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dcterms": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/", "vcard": "http://www.w3.org/2006/vcard/ns#",
                     "xsd": "http://www.w3.org/2001/XMLSchema#"},
        "@graph": [
            {"@id": me + "#catalog", "@type": "dcat:Catalog",
             "dcterms:title": _text("LOFT kunskapsbank"),
             "dcterms:description": _text("Öppna data från LOFT kunskapsbank."),
             "dcterms:publisher": {"@id": me + "#publisher"},
             "foaf:homepage": at("../", ""),
             "dcterms:language": swedish,
             "dcat:dataset": {"@id": me + "#dataset"},
             **licence},
            {"@id": me + "#dataset", "@type": "dcat:Dataset",
             "dcterms:title": _text(settings["title"]),
             "dcterms:description": _text(settings["description"]),
             "dcterms:publisher": {"@id": me + "#publisher", "@type": ["foaf:Agent", "foaf:Organization"],
                                   "foaf:name": _text(publisher["name"]),
                                   "foaf:homepage": {"@id": publisher["url"]}},
             "dcat:contactPoint": {"@id": me + "#kontakt", "@type": "vcard:Organization",
                                   "vcard:fn": contact["name"], "vcard:hasURL": {"@id": contact["url"]}},
             "dcat:keyword": [_text(k) for k in settings["keywords"]],
             "dcat:theme": [{"@id": "http://publications.europa.eu/resource/authority/data-theme/" + t}
                            for t in settings["themes"]],
             "dcterms:language": swedish,
             "dcat:landingPage": at("../oppna-data/", "oppna-data/"),
             "dcat:distribution": [
                 {"@id": me + "#json", "@type": "dcat:Distribution",
                  "dcterms:title": _text("Hela katalogen som JSON"),
                  "dcat:accessURL": at("items.json", "api/items.json"),
                  "dcat:downloadURL": at("items.json", "api/items.json"),
                  "dcat:mediaType": {"@id": iana + "application/json"},
                  "dcterms:format": {"@id": file_type + "JSON"},
                  "dcterms:conformsTo": at("items.schema.json", "api/items.schema.json"),
                  **licence},
                 {"@id": me + "#atom", "@type": "dcat:Distribution",
                  "dcterms:title": _text("De 50 senaste publiceringarna som Atom-flöde"),
                  "dcat:accessURL": at("../atom.xml", "atom.xml"),
                  "dcat:downloadURL": at("../atom.xml", "atom.xml"),
                  "dcat:mediaType": {"@id": iana + "application/atom+xml"},
                  "dcterms:format": {"@id": file_type + "ATOM"},
                  **licence},
             ],
             # the oldest and newest published items (the draft's 2025 is in neither)
             "dcterms:issued": {"@value": "2021-06", "@type": "xsd:gYearMonth"},
             "dcterms:modified": {"@value": "2023-01-10", "@type": "xsd:date"}},
        ],
    }


def test_dcat_of_an_empty_site_has_no_dates_and_year_only_dates_are_years(tmp_path):
    empty = json.loads(files(tmp_path / "empty", corpus={})["api/dcat.jsonld"])["@graph"][1]
    assert "dcterms:issued" not in empty and "dcterms:modified" not in empty
    years = json.loads(files(tmp_path / "years", corpus={"docs/nyheter/a.md": news("A", "2020")})
                       ["api/dcat.jsonld"])["@graph"][1]
    assert years["dcterms:issued"] == years["dcterms:modified"] == {"@value": "2020", "@type": "xsd:gYear"}
