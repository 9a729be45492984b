"""schema.org JSON-LD for item pages.

The schema.org type of each content type is data (`schema_org` in
data/types.yml), and so is how each facet is described (`schema_org` in
data/metadata.yml): the principles become DefinedTerms of the ISO 56002 term
set under `about`, the municipalities AdministrativeAreas with their kommunkod
under `spatialCoverage`. Attachments are MediaObjects under `encoding`.
"""

from __future__ import annotations

import json
from typing import Any

from loft.content.metadata import FacetSchema, Organisation, SiteMetadata, media_type
from loft.content.model import BasedOn, Facet, Item
from loft.content.site_index import SiteIndex
from loft.content.vocabulary import Term

CONTEXT = "https://schema.org"


def organisation_jsonld(org: Organisation) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": org.name}
    if org.short_name:
        data["alternateName"] = org.short_name
    if org.url:
        data["url"] = org.url
    if org.members:
        data["member"] = [organisation_jsonld(m) for m in org.members]
    return data


class StructuredData:
    """The JSON-LD of one site's pages (absolute URLs only when site_url is known).

    What many pages carry alike (the publisher, each facet term) is made once
    and shared between the pages' objects: they are only read, by json.dumps.
    PageHead keeps one a build.
    """

    def __init__(self, meta: SiteMetadata):
        self.meta = meta
        self._terms: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._publishers: dict[str, dict[str, Any]] = {}
        self._organisation: dict[str, Any] | None = None

    def organisation(self) -> dict[str, Any]:
        """The site's publisher."""
        if self._organisation is None:
            self._organisation = organisation_jsonld(self.meta.publisher)
        return self._organisation

    def item(self, item: Item, index: SiteIndex) -> dict[str, Any]:
        """The JSON-LD object of one item page."""
        meta = self.meta
        data: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": item.type.schema_org,
            "name": item.title,
            "headline": item.title,
            "datePublished": item.date.iso,
            "inLanguage": item.language or "sv",
        }
        url = self.meta.absolute(item.url)
        if url:
            data["@id"] = url
            data["url"] = url
        if item.summary:
            data["description"] = item.summary
        if item.authors:
            data["author"] = [{"@type": "Person", "name": name} for name in item.authors]
        record = getattr(index, "record", None)
        if record is not None and item.publishers:
            data["publisher"] = [self._publisher(record.publishers.by_id[p]) for p in item.publishers]
            data["sourceOrganization"] = self.organisation()
        else:
            data["publisher"] = self.organisation()
        if item.published_at:
            data["subjectOf"] = {"@type": "WebPage", "url": item.published_at}
        identifiers = [{"@type": "PropertyValue", "propertyID": IDENTIFIER_PROPERTY[key], "value": value}
                       for key, value in item.identifiers.items()]
        if identifiers:
            data["identifier"] = identifiers
        if item.identifiers.get("isbn"):
            data["isbn"] = item.identifiers["isbn"]
        if item.identifiers.get("doi"):
            data["sameAs"] = f"https://doi.org/{item.identifiers['doi']}"
        series = index.series(item)
        if len(series) > 1:
            first = series[0]
            whole = {"@type": "CreativeWorkSeries", "name": first.title,
                     "hasPart": [self._part(part, n) for n, part in enumerate(series, 1)]}
            data["isPartOf"] = whole
            data["position"] = series.index(item) + 1
        if item.based_on:
            data["isBasedOn"] = based_on_jsonld(item.based_on)
        for facet in index.facets:
            schema = meta.facets.get(facet.field)
            terms = item.terms(facet)
            if schema is not None and terms:
                data.setdefault(schema.property, []).extend(self.term(term, facet) for term in terms)
        if item.attachments:
            data["encoding"] = [
                {
                    "@type": "MediaObject",
                    "name": attachment.name.rsplit("/", 1)[-1],
                    "contentUrl": meta.link(item.url, item.file_url(attachment)),
                    "encodingFormat": media_type(attachment.extension),
                    "contentSize": content_size(attachment.size),
                }
                for attachment in item.attachments
            ]
        return data

    def _publisher(self, term: Term) -> dict[str, Any]:
        data = self._publishers.get(term.id)
        if data is None:
            data = self._publishers[term.id] = publisher_jsonld(term)
        return data

    def _part(self, part: Item, position: int) -> dict[str, Any]:
        data: dict[str, Any] = {"@type": part.type.schema_org, "name": part.title,
                                "position": position}
        if self.meta.absolute(part.url):
            data["url"] = self.meta.absolute(part.url)
        return data

    def breadcrumb(self, trail: list[tuple[str, str]]) -> dict[str, Any]:
        """schema.org BreadcrumbList of a page's trail (name, site-relative URL); the
        items carry their addresses only when the site's address is known."""
        elements = []
        for position, (name, url) in enumerate(trail, 1):
            element: dict[str, Any] = {"@type": "ListItem", "position": position, "name": name}
            if self.meta.absolute(url) is not None:
                element["item"] = self.meta.absolute(url)
            elements.append(element)
        return {"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": elements}

    def page(self, kind: str, title: str, description: str, url: str,
             about: dict[str, Any] | None = None) -> dict[str, Any]:
        """JSON-LD of the start page (WebSite) or of a listing page (CollectionPage)."""
        data: dict[str, Any] = {"@context": CONTEXT, "@type": kind, "name": title,
                                "description": description, "inLanguage": "sv"}
        if self.meta.absolute(url):
            data["url"] = self.meta.absolute(url)
        if kind != "WebSite":
            website: dict[str, Any] = {"@type": "WebSite", "name": self.meta.site_name}
            if self.meta.absolute(""):
                website["url"] = self.meta.absolute("")
            data["isPartOf"] = website
        if about is not None:
            data["about"] = about
        data["publisher"] = self.organisation()
        return data

    def term(self, term: Term, facet: Facet) -> dict[str, Any] | None:
        """A facet term as schema.org describes it, or None if its facet has no mapping."""
        key = (facet.field, term.id)
        if key not in self._terms:
            schema = self.meta.facets.get(facet.field)
            self._terms[key] = _term_jsonld(term, facet, schema, self.meta) if schema is not None else None
        return self._terms[key]


def item_jsonld(item: Item, index: SiteIndex, meta: SiteMetadata) -> dict[str, Any]:
    """The JSON-LD object of one item page (absolute URLs only when site_url is known)."""
    return StructuredData(meta).item(item, index)


IDENTIFIER_PROPERTY = {"isbn": "ISBN", "urn_nbn": "URN:NBN", "doi": "DOI"}


def publisher_jsonld(term: Term) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": str(term.get("official_name") or term.label)}
    if term.get("official_name") and term.get("official_name") != term.label:
        data["alternateName"] = term.label
    if term.get("url"):
        data["url"] = str(term.get("url"))
    return data


def breadcrumb_jsonld(trail: list[tuple[str, str]], meta: SiteMetadata) -> dict[str, Any]:
    """schema.org BreadcrumbList of a page's trail (name, site-relative URL)."""
    return StructuredData(meta).breadcrumb(trail)


def based_on_jsonld(source: BasedOn) -> dict[str, Any]:
    """The original an item retells: a CreativeWork with what is known of it."""
    data: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in source.authors]
    if source.publisher:
        data["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.date:
        data["datePublished"] = source.date.iso
    if source.url:
        data["url"] = source.url
    return data


def page_jsonld(kind: str, title: str, description: str, url: str, meta: SiteMetadata,
                about: dict[str, Any] | None = None) -> dict[str, Any]:
    """JSON-LD of the start page (WebSite) or of a listing page (CollectionPage)."""
    return StructuredData(meta).page(kind, title, description, url, about)


def term_jsonld(term: Term, facet: Facet, meta: SiteMetadata) -> dict[str, Any] | None:
    """A facet term as schema.org describes it, or None if its facet has no mapping."""
    return StructuredData(meta).term(term, facet)


def _term_jsonld(term: Term, facet: Facet, schema: FacetSchema, meta: SiteMetadata) -> dict[str, Any]:
    name = term.label if schema.name == "label" else str(term.get(schema.name) or term.label)
    data: dict[str, Any] = {"@type": schema.type, "name": name}
    if schema.alternate_name and term.get(schema.alternate_name):
        data["alternateName"] = str(term.get(schema.alternate_name))
    if schema.identifier and term.get(schema.identifier):
        data["identifier"] = {"@type": "PropertyValue", "propertyID": schema.identifier,
                              "value": str(term.get(schema.identifier))}
    if schema.type == "DefinedTerm":
        data["termCode"] = term.id
        term_set: dict[str, Any] = {"@type": "DefinedTermSet", "name": schema.term_set or facet.title}
        if meta.absolute(facet.url):
            term_set["url"] = meta.absolute(facet.url)
        data["inDefinedTermSet"] = term_set
        if meta.absolute(facet.term_url(term.id)):
            data["url"] = meta.absolute(facet.term_url(term.id))
    if schema.contained_in and term.get(schema.contained_in):
        data["containedInPlace"] = {"@type": "AdministrativeArea", "name": str(term.get(schema.contained_in))}
    return data


def content_size(size: int) -> str:
    """File size for machines: "950 B", "350 kB", "1.2 MB" (SI units, decimal point)."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB"


# What json.dumps(data, ensure_ascii=False, separators=(",", ":")) makes anew for every call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def script_json(data: Any) -> str:
    """JSON safe inside an HTML <script> element.

    Outside strings JSON has no <, > or &, so escaping them everywhere as \\u
    sequences keeps the JSON equal and makes "</script>" or "<!--" in a title
    harmless.
    """
    text = _COMPACT.encode(data)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def jsonld_script(data: Any) -> str:
    return f'<script type="application/ld+json">{script_json(data)}</script>'
