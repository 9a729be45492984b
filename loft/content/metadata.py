"""What the machine-readable outputs need to know about the site.

Read from data/metadata.yml (publisher, contact, schema.org mapping of the
facets, the open-data description; loft/content/data/declarations.py, Metadata);
how each type is described and cited is its ContentType's (data/types.yml).
Also holds the site's public address (MkDocs' site_url, optional): without it
every link stays relative and no absolute URL is made up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from loft.content.data.declarations import FacetSchema, Metadata, OpenData, Organisation
from loft.content.urls import relative

__all__ = ["FacetSchema", "Organisation", "SiteMetadata", "media_type", "normalise_site_url"]


@dataclass(frozen=True)
class SiteMetadata:
    site_name: str
    site_url: str | None
    publisher: Organisation
    contact_name: str
    contact_url: str
    facets: dict[str, FacetSchema]
    open_data: OpenData
    # absolute()'s answers: asked for the same few thousand addresses by the
    # feeds, the head, the JSON-LD and the citations (urljoin costs ~20 µs).
    _absolute: dict[str, str | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def of(cls, metadata: Metadata, site_url: str | None = None,
           site_name: str = "LOFT kunskapsbank") -> SiteMetadata:
        """The site's metadata from data/metadata.yml (as read and checked by Project.load)."""
        return cls(site_name=site_name, site_url=normalise_site_url(site_url), publisher=metadata.publisher,
                   contact_name=metadata.contact.name or metadata.publisher.name,
                   contact_url=metadata.contact.url, facets=dict(metadata.schema_org),
                   open_data=metadata.open_data)

    def absolute(self, url: str) -> str | None:
        """The public address of a site-relative URL; None without site_url."""
        if not self.site_url:
            return None
        try:
            return self._absolute[url]
        except KeyError:
            absolute = self._absolute[url] = urljoin(self.site_url, url)
            return absolute

    def link(self, from_url: str, to_url: str) -> str:
        """Absolute when the site's address is known, else relative to from_url."""
        return self.absolute(to_url) or relative(from_url, to_url)


def normalise_site_url(site_url: str | None) -> str | None:
    if not site_url:
        return None
    return site_url if site_url.endswith("/") else site_url + "/"


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
