"""Atom feeds for the whole site and for every type and facet term.

URLs (a contract, documented on docs/oppna-data.md): atom.xml at the root for
everything, and atom.xml beside the first page of every type and term listing:
rapporter/atom.xml, principer/kultur/atom.xml, kommuner/kungsbacka/atom.xml.
A feed holds the MAX_ENTRIES newest published items, so no feed grows with the
site, and its `updated` is its newest item's date, never the build time.
Links are relative to the feed unless the site's address (site_url) is known.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice

from feedgen.feed import FeedGenerator
from lxml import etree

from loft.content.dates import PartialDate
from loft.pages.listings import Listing
from loft.content.metadata import SiteMetadata, media_type
from loft.content.model import Item
from loft.content.site_index import SiteIndex
from loft.content.urls import FEED_MEDIA_TYPE, feed_url

MAX_ENTRIES = 50  # also said on docs/oppna-data.md
# `updated` of a feed while the whole site is empty: a fixed date, not the build time.
EMPTY_SITE_UPDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Namespace of the feeds' and entries' ids: stable when the site moves to another address.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "loft-kunskapsbank")
_ATOM = "{http://www.w3.org/2005/Atom}"
_LINK_ATTRIBUTES = ("rel", "type", "hreflang", "title", "length")


@dataclass(frozen=True)
class Feed:
    page_url: str  # the listing the feed follows; "" is the start page
    title: str
    subtitle: str
    items: tuple[Item, ...]  # newest first, published only, at most MAX_ENTRIES

    @property
    def url(self) -> str:
        return feed_url(self.page_url)


def all_feeds(index: SiteIndex, site_name: str) -> list[Feed]:
    """The site's feed, then one per type, then one per term of every facet."""
    feeds = [Feed("", site_name, f"Nytt material i {site_name}: rapporter, mallar och nyheter.",
                  _newest(index.items))]
    for ctype in index.types:
        feeds.append(Feed(ctype.url, f"{ctype.plural} – {site_name}",
                          " ".join(ctype.intro.split()), _newest(index.by_type[ctype.id])))
    for facet in index.facets:
        for term in facet.vocabulary:
            feeds.append(Feed(
                facet.term_url(term.id), f"{term.label} ({facet.singular}) – {site_name}",
                f"Nytt material i {site_name} som är märkt med {term.label} ({facet.singular}).",
                _newest(index.by_term[facet.field][term.id]),
            ))
    return feeds


def render_atom(feed: Feed, index: SiteIndex, meta: SiteMetadata, site_updated: datetime) -> str:
    """The feed as Atom 1.0 XML; same sources, same bytes."""
    here = feed.page_url
    generator = FeedGenerator()
    generator.id(_urn(feed.url))
    generator.title(feed.title)
    generator.subtitle(feed.subtitle or feed.title)
    generator.language("sv")
    generator.author({"name": meta.publisher.name, **({"uri": meta.publisher.url} if meta.publisher.url else {})})
    generator.link(href=meta.link(here, here), rel="alternate", type="text/html")
    generator.link(href=meta.absolute(feed.url) or feed_url(), rel="self", type=FEED_MEDIA_TYPE)
    generator.generator(meta.site_name)
    generator.updated(as_datetime(feed.items[0].date) if feed.items else site_updated)
    for item in feed.items:
        entry = generator.add_entry(order="append")
        entry.id(_urn(item.url))
        entry.title(item.title)
        entry.link(href=meta.link(here, item.url), rel="alternate", type="text/html")
        published = as_datetime(item.date)
        entry.published(published)
        entry.updated(published)
        if item.summary:
            entry.summary(item.summary)
        for name in item.authors:
            entry.author({"name": name})
        entry.category(_category(meta, item.type.url, item.type.id, item.type.label))
        for facet in index.facets:
            for term in item.terms(facet):
                entry.category(_category(meta, facet.term_url(term.id), term.id, term.label))
        for attachment in item.attachments:
            entry.link(href=meta.link(here, item.file_url(attachment)), rel="enclosure",
                       type=media_type(attachment.extension), length=str(attachment.size))
    return _with_entry_link_attributes(generator).decode("utf-8")


def _with_entry_link_attributes(generator: FeedGenerator) -> bytes:
    """The Atom XML, with the attributes feedgen 1.0.0 drops from entry links.

    feedgen writes only href on an entry's <link> (python-feedgen issue #135),
    which would turn an enclosure into a second alternate link. The links are
    written in the order they were given, so each gets its attributes back.
    """
    root = etree.fromstring(generator.atom_str())
    for element, entry in zip(root.iterfind(f"{_ATOM}entry"), generator.entry()):
        for link, data in zip(element.iterfind(f"{_ATOM}link"), entry.link() or ()):
            for name in _LINK_ATTRIBUTES:
                if data.get(name):
                    link.set(name, str(data[name]))
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def render_feeds(index: SiteIndex, meta: SiteMetadata) -> dict[str, str]:
    """Every feed file: site-relative path -> Atom XML."""
    newest = next(iter(_newest(index.items, 1)), None)
    site_updated = as_datetime(newest.date) if newest else EMPTY_SITE_UPDATED
    return {feed.url: render_atom(feed, index, meta, site_updated)
            for feed in all_feeds(index, meta.site_name)}


def as_datetime(date: PartialDate) -> datetime:
    """A date as editors wrote it, at midnight UTC; a year alone is its 1 January."""
    return datetime(date.year, date.month or 1, date.day or 1, tzinfo=timezone.utc)


def _newest(items: list[Item], count: int = MAX_ENTRIES) -> tuple[Item, ...]:
    """The newest published items of an already newest-first list."""
    return tuple(islice((i for i in items if not i.draft), count))


def _category(meta: SiteMetadata, page_url: str, term: str, label: str) -> dict:
    category = {"term": term, "label": label}
    scheme = meta.absolute(page_url)  # Atom wants an absolute IRI here, or none
    if scheme:
        category["scheme"] = scheme
    return category


def _urn(url: str) -> str:
    return uuid.uuid5(_ID_NAMESPACE, url).urn
