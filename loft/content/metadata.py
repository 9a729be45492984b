"""What the machine-readable outputs need to know about the site.

Read from data/metadata.yml (publisher, contact, schema.org mapping of the
facets, the open-data description) and from the schema.org and citation keys
of data/types.yml. Also holds the site's public address (MkDocs' site_url,
optional): without it every link stays relative and no absolute URL is made up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from loft.content.frontmatter import load_yaml_file
from loft.content.problems import ContentError, Problem
from loft.content.urls import relative

METADATA_FILE = "data/metadata.yml"
TYPES_FILE = "data/types.yml"
DEFAULT_SCHEMA_TYPE = "CreativeWork"
CITATION_KEYS = ("csl", "bibtex", "ris")


@dataclass(frozen=True)
class Organisation:
    name: str
    short_name: str = ""
    url: str = ""
    members: tuple[Organisation, ...] = ()


@dataclass(frozen=True)
class TypeMetadata:
    schema_org: str = DEFAULT_SCHEMA_TYPE
    citation: dict[str, str] | None = field(default=None, compare=False, hash=False)
    scholar: bool = False


@dataclass(frozen=True)
class FacetSchema:
    """How one facet's terms appear in schema.org (see data/metadata.yml)."""

    property: str
    type: str
    term_set: str = ""
    name: str = "label"
    alternate_name: str = ""
    identifier: str = ""
    contained_in: str = ""


@dataclass
class SiteMetadata:
    site_name: str
    site_url: str | None
    publisher: Organisation
    contact_name: str
    contact_url: str
    types: dict[str, TypeMetadata]
    facets: dict[str, FacetSchema]
    open_data: dict[str, Any]

    @classmethod
    def load(cls, root: Path | str, site_url: str | None = None, site_name: str = "LOFT kunskapsbank",
             facet_fields: tuple[str, ...] | None = None) -> SiteMetadata:
        """Read the data files; their mistakes are raised together as ContentError."""
        root = Path(root)
        problems: list[Problem] = []
        raw = _read_mapping(root, METADATA_FILE, problems)
        types_raw, types_problems = load_yaml_file(root / TYPES_FILE, TYPES_FILE)
        problems += types_problems
        types_raw = types_raw if isinstance(types_raw, list) else []
        for entry in types_raw:
            citation = entry.get("citation") if isinstance(entry, dict) else None
            if citation is not None and (not isinstance(citation, dict) or set(citation) != set(CITATION_KEYS)):
                problems.append(Problem(TYPES_FILE, None, None, "citation",
                                        f"citation för typen {entry.get('id')} ska ange exakt "
                                        f"{', '.join(CITATION_KEYS)}, till exempel "
                                        "{csl: report, bibtex: techreport, ris: RPRT}."))
        facets = {}
        allowed = [f.name for f in fields(FacetSchema)]
        for field_name, mapping in (raw.get("schema_org") or {}).items():
            if facet_fields is not None and field_name not in facet_fields:
                problems.append(Problem(METADATA_FILE, None, None, "schema_org",
                                        f"\"{field_name}\" är ingen facett. Facetter: {', '.join(facet_fields)}."))
                continue
            unknown = sorted(set(mapping or {}) - set(allowed))
            if not isinstance(mapping, dict) or unknown or not {"property", "type"} <= set(mapping):
                problems.append(Problem(METADATA_FILE, None, None, "schema_org",
                                        f"beskrivningen av {field_name} ska ha property och type och "
                                        f"får bara ha {', '.join(allowed)}"
                                        + (f" (inte {', '.join(unknown)})." if unknown else ".")))
                continue
            facets[str(field_name)] = FacetSchema(**mapping)
        publisher = raw.get("publisher") or {}
        if not publisher.get("name"):
            problems.append(Problem(METADATA_FILE, None, None, "publisher",
                                    "publisher.name saknas: ange vem som ger ut webbplatsen."))
        contact = raw.get("contact") or {}
        if not contact.get("url"):
            problems.append(Problem(METADATA_FILE, None, None, "contact",
                                    "contact.url saknas: ange adressen till en kontaktsida för "
                                    "organisationen (ingen personlig e-postadress)."))
        if problems:
            raise ContentError(problems)
        return cls(
            site_name=site_name,
            site_url=normalise_site_url(site_url),
            publisher=_organisation(publisher),
            contact_name=str(contact.get("name") or publisher["name"]),
            contact_url=str(contact["url"]),
            types={
                str(t["id"]): TypeMetadata(
                    schema_org=str(t.get("schema_org") or DEFAULT_SCHEMA_TYPE),
                    citation=dict(t["citation"]) if t.get("citation") else None,
                    scholar=bool(t.get("scholar")),
                )
                for t in types_raw if isinstance(t, dict) and t.get("id")
            },
            facets=facets,
            open_data=dict(raw.get("open_data") or {}),
        )

    def type_meta(self, type_id: str) -> TypeMetadata:
        return self.types.get(type_id, TypeMetadata())

    def absolute(self, url: str) -> str | None:
        """The public address of a site-relative URL; None without site_url."""
        if not self.site_url:
            return None
        return urljoin(self.site_url, url)

    def link(self, from_url: str, to_url: str) -> str:
        """Absolute when the site's address is known, else relative to from_url."""
        return self.absolute(to_url) or relative(from_url, to_url)


def normalise_site_url(site_url: str | None) -> str | None:
    if not site_url:
        return None
    return site_url if site_url.endswith("/") else site_url + "/"


def _organisation(raw: dict) -> Organisation:
    return Organisation(
        name=str(raw["name"]),
        short_name=str(raw.get("short_name") or ""),
        url=str(raw.get("url") or ""),
        members=tuple(_organisation(m) for m in raw.get("members") or () if m.get("name")),
    )


def _read_mapping(root: Path, name: str, problems: list[Problem]) -> dict:
    path = root / name
    if not os.path.lexists(path):
        problems.append(Problem(name, None, None, "data", "filen saknas."))
        return {}
    raw, read_problems = load_yaml_file(path, name)  # regular file, bounded YAML
    if read_problems:
        problems += read_problems
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(name, None, None, "data", "filen ska innehålla nycklar och värden."))
        return {}
    return raw


# IANA media types of the document formats data/attachments.yml allows. A fixed
# table, not the machine's mime.types, so every machine builds the same files.
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def media_type(extension: str) -> str:
    return MEDIA_TYPES.get(extension.lower(), "application/octet-stream")
