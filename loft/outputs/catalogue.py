"""The machine-readable catalogue: api/items.json."""

from __future__ import annotations

import json

from loft.content.model import BasedOn
from loft.content.site_index import SiteIndex



def catalogue_entries(index: SiteIndex) -> list[dict]:
    """One object per published item, newest first; drafts are never in it."""
    return [
        {
            "title": item.title,
            "url": item.url,
            "type": item.type.id,
            "date": item.date.iso,
            "year": item.year,
            **{facet.field: list(item.tags.get(facet.field, ())) for facet in index.facets},
            "summary": item.summary,
            "based_on": based_on_entry(item.based_on) if item.based_on else None,
            "publishers": list(item.publishers),
            "language": item.language,
            "published_at": item.published_at or None,
            "continues": item.continues or None,
            "identifiers": {key: item.identifiers.get(key) for key in ("isbn", "urn_nbn", "doi")},
        }
        for item in index.published()
    ]


def based_on_entry(source: BasedOn) -> dict:
    """The original an item retells; unknown parts are null (authors: empty list)."""
    return {
        "title": source.title,
        "publisher": source.publisher or None,
        "authors": list(source.authors),
        "date": source.date.iso if source.date else None,
        "url": source.url or None,
    }


def render_catalogue(index: SiteIndex) -> str:
    # Stable output: same sources give byte-identical files (no build timestamps).
    return json.dumps({"items": catalogue_entries(index)}, ensure_ascii=False, indent=2) + "\n"
