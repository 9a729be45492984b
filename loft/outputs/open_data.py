"""Open data: the JSON Schema of api/items.json and its DCAT-AP-SE description.

- api/items.schema.json: JSON Schema (draft 2020-12) of the catalogue; the
  allowed types and facet terms are enums generated from data/, so the schema
  follows the vocabularies. Unknown keys are allowed: fields may be added to
  the catalogue without breaking its users, never removed.
- api/dcat.jsonld: the catalogue as a DCAT-AP-SE dataset (title, description,
  one publisher, contact point, keywords, themes, licence) with distributions
  for items.json and the site's Atom feed. Without site_url its IRIs are
  relative, which JSON-LD resolves against the file's own address.
Dates are content dates (the newest and oldest items), never the build time.
"""

from __future__ import annotations

import json
from typing import Any

from loft.content.urls import CATALOGUE_PATH, FEED_MEDIA_TYPE, feed_url
from loft.outputs.feeds import MAX_ENTRIES
from loft.content.metadata import SiteMetadata
from loft.content.site_index import SiteIndex

SCHEMA_PATH = "api/items.schema.json"
DCAT_PATH = "api/dcat.jsonld"
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
LANGUAGE_SWEDISH = "http://publications.europa.eu/resource/authority/language/SWE"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA = "https://www.iana.org/assignments/media-types/"
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def items_schema(index: SiteIndex, meta: SiteMetadata) -> dict[str, Any]:
    item_properties: dict[str, Any] = {
        "title": {"type": "string", "minLength": 1, "description": "Titel."},
        "url": {"type": "string", "pattern": r"^[a-z0-9-]+/[a-z0-9-]+/$",
                "description": "Sidans adress, relativ till webbplatsens rot (till exempel rapporter/namn/)."},
        "type": {"enum": [t.id for t in index.types],
                 "description": "Typ: " + ", ".join(f"{t.id} ({t.label.lower()})" for t in index.types) + "."},
        "date": {"type": "string", "pattern": DATE_PATTERN,
                 "description": "Publiceringsdatum som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ."},
        "year": {"type": "integer", "minimum": 1900, "maximum": 2100, "description": "Publiceringsår."},
    }
    for facet in index.facets:
        item_properties[facet.field] = {
            "type": "array", "uniqueItems": True,
            "items": {"enum": [term.id for term in facet.vocabulary]},
            "description": f"{facet.title}: id för varje {facet.singular} som materialet är märkt med, "
                           f"se {facet.path}/.",
        }
    item_properties["summary"] = {"type": "string", "description": "Sammanfattning (kan vara tom)."}
    item_properties["based_on"] = {
        "description": "Originalet som materialet återger (till exempel en nyhet från en annan "
                       "utgivare), eller null om materialet inte bygger på någon annan text.",
        "oneOf": [
            {"type": "null"},
            {"type": "object",
             "required": ["title", "publisher", "authors", "date", "url"],
             "properties": {
                 "title": {"type": "string", "minLength": 1, "description": "Originalets rubrik."},
                 "publisher": {"type": ["string", "null"], "description": "Originalets utgivare, om den är känd."},
                 "authors": {"type": "array", "items": {"type": "string", "minLength": 1},
                             "description": "Originalets författare (kan vara tom)."},
                 "date": {"oneOf": [{"type": "null"}, {"type": "string", "pattern": DATE_PATTERN}],
                          "description": "Originalets datum som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, om det är känt."},
                 "url": {"oneOf": [{"type": "null"}, {"type": "string", "pattern": "^https://"}],
                         "description": "Originalets adress, om den är känd."},
             }},
        ],
    }
    record = getattr(index, "record", None)
    item_properties["publishers"] = {
        "type": "array", "uniqueItems": True,
        "items": {"enum": [t.id for t in record.publishers]} if record else {"type": "string"},
        "description": "Utgivare: id i data/publishers.yml (kan vara tom).",
    }
    item_properties["language"] = {
        "enum": [t.id for t in record.languages] if record else None,
        "description": "Språket materialet är skrivet på (ISO 639-1).",
    }
    if record is None:
        item_properties["language"] = {"type": "string", "description": item_properties["language"]["description"]}
    item_properties["published_at"] = {
        "oneOf": [{"type": "null"}, {"type": "string", "pattern": "^https://"}],
        "description": "Adressen där materialet är publicerat utanför kunskapsbanken, om den är känd.",
    }
    item_properties["continues"] = {
        "oneOf": [{"type": "null"}, {"type": "string", "pattern": r"^[a-z0-9-]+/[a-z0-9-]+/$"}],
        "description": "Adressen (url) till det objekt som det här fortsätter, eller null.",
    }
    item_properties["identifiers"] = {
        "type": "object", "required": ["isbn", "urn_nbn", "doi"],
        "properties": {
            "isbn": {"type": ["string", "null"], "description": "ISBN, om materialet har ett."},
            "urn_nbn": {"oneOf": [{"type": "null"}, {"type": "string", "pattern": "^urn:nbn:"}],
                        "description": "URN:NBN, om materialet har ett."},
            "doi": {"oneOf": [{"type": "null"}, {"type": "string", "pattern": r"^10\."}],
                    "description": "DOI utan https://doi.org/, om materialet har en."},
        },
        "description": "Identifierare som står i själva dokumentet; null där de saknas.",
    }
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{meta.site_name}: katalog över publicerat material",
        "description": "Allt publicerat material, nyast först. Okända fält ska ignoreras: "
                       "nya fält kan tillkomma.",
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/item"}}},
        "$defs": {"item": {
            "type": "object",
            "required": list(item_properties),
            "properties": item_properties,
        }},
    }
    if meta.absolute(SCHEMA_PATH):
        schema = {"$schema": schema.pop("$schema"), "$id": meta.absolute(SCHEMA_PATH), **schema}
    return schema


def dcat(index: SiteIndex, meta: SiteMetadata) -> dict[str, Any]:
    """The DCAT-AP-SE description of the catalogue (JSON-LD)."""
    settings = meta.open_data
    here = DCAT_PATH.rsplit("/", 1)[0] + "/"  # api/
    document = meta.link(here, DCAT_PATH)  # ids of the nodes described here: document#name

    def iri(url: str) -> dict[str, str]:
        return {"@id": meta.link(here, url)}

    def text(value: str) -> dict[str, str]:
        return {"@value": " ".join(str(value).split()), "@language": "sv"}

    licence = {"@id": settings.licence} if settings.licence else None
    publisher = {
        "@id": document + "#publisher",
        "@type": ["foaf:Agent", "foaf:Organization"],
        "foaf:name": text(meta.publisher.name),
    }
    if meta.publisher.url:
        publisher["foaf:homepage"] = {"@id": meta.publisher.url}
    contact = {"@id": document + "#kontakt",
               "@type": "vcard:Organization", "vcard:fn": meta.contact_name,
               "vcard:hasURL": {"@id": meta.contact_url}}

    def distribution(name: str, path: str, title: str, media_type: str, file_type: str,
                     schema: str | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@id": f"{document}#{name}",
            "@type": "dcat:Distribution",
            "dcterms:title": text(title),
            "dcat:accessURL": iri(path),
            "dcat:downloadURL": iri(path),
            "dcat:mediaType": {"@id": IANA + media_type},
            "dcterms:format": {"@id": FILE_TYPE + file_type},
        }
        if schema:
            data["dcterms:conformsTo"] = iri(schema)
        if licence:
            data["dcterms:license"] = licence
        return data

    published = index.published()
    dataset: dict[str, Any] = {
        "@id": document + "#dataset",
        "@type": "dcat:Dataset",
        "dcterms:title": text(settings.title or f"{meta.site_name}: katalog"),
        "dcterms:description": text(settings.description),
        "dcterms:publisher": publisher,
        "dcat:contactPoint": contact,
        "dcat:keyword": [text(k) for k in settings.keywords],
        "dcat:theme": [{"@id": DATA_THEME + t} for t in settings.themes],
        "dcterms:language": {"@id": LANGUAGE_SWEDISH},
        "dcat:landingPage": iri("oppna-data/"),
        "dcat:distribution": [
            distribution("json", CATALOGUE_PATH, "Hela katalogen som JSON", "application/json", "JSON",
                         schema=SCHEMA_PATH),
            distribution("atom", feed_url(), f"De {MAX_ENTRIES} senaste publiceringarna som Atom-flöde",
                         FEED_MEDIA_TYPE, "ATOM"),
        ],
    }
    if published:
        dates = sorted(i.date.iso for i in published)
        dataset["dcterms:issued"] = _dated(dates[0])
        dataset["dcterms:modified"] = _dated(dates[-1])
    catalog = {
        "@id": document + "#catalog",
        "@type": "dcat:Catalog",
        "dcterms:title": text(meta.site_name),
        "dcterms:description": text(f"Öppna data från {meta.site_name}."),
        "dcterms:publisher": {"@id": publisher["@id"]},
        "foaf:homepage": iri(""),
        "dcterms:language": {"@id": LANGUAGE_SWEDISH},
        "dcat:dataset": {"@id": dataset["@id"]},
    }
    if licence:
        catalog["dcterms:license"] = licence
    return {"@context": DCAT_CONTEXT, "@graph": [catalog, dataset]}


def _dated(iso: str) -> dict[str, str]:
    kind = {4: "xsd:gYear", 7: "xsd:gYearMonth"}.get(len(iso), "xsd:date")
    return {"@value": iso, "@type": kind}


def render_open_data(index: SiteIndex, meta: SiteMetadata) -> dict[str, str]:
    return {
        SCHEMA_PATH: json.dumps(items_schema(index, meta), ensure_ascii=False, indent=2) + "\n",
        DCAT_PATH: json.dumps(dcat(index, meta), ensure_ascii=False, indent=2) + "\n",
    }

