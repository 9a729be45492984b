"""Atom feeds for the whole site and for every type and facet term.

URLs (a contract, documented on docs/oppna-data.md): atom.xml at the root for
everything, and atom.xml beside the first page of every type and term listing:
rapporter/atom.xml, principer/kultur/atom.xml, kommuner/kungsbacka/atom.xml.
A feed holds the MAX_ENTRIES newest published items, so no feed grows with the
site, and its `updated` is its newest item's date, never the build time.
Links are relative to the feed unless the site's address (site_url) is known.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from loft.content.dates import PartialDate
from loft.pages.listings import Listing
from loft.content.metadata import SiteMetadata, media_type
from loft.content.model import Item
from loft.content.site_index import SiteIndex
from loft.content.urls import FEED_MEDIA_TYPE, feed_url, relative

MAX_ENTRIES = 50  # also said on docs/oppna-data.md
# `updated` of a feed while the whole site is empty: a fixed date, not the build time.
EMPTY_SITE_UPDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Namespace of the feeds' and entries' ids: stable when the site moves to another address.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "loft-kunskapsbank")
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


def render_atom(feed: Feed, index: SiteIndex, meta: SiteMetadata, site_updated: datetime,
                entries: _Entries | None = None) -> str:
    """The feed as Atom 1.0 XML; same sources, same bytes.

    entries: the entries render_feeds made for the other feeds, since an item
    is in several (the site's, its type's, each of its terms').
    """
    here = feed.page_url
    entries = entries if entries is not None else _Entries(index, meta)
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
        generator.add_entry(entries.entry(item, here), order="append")
    # Pretty-printed by lxml as it writes: no element here holds both text and
    # elements, so these are the bytes of indenting the tree with etree.indent
    # (and parsing it back for that), less the newline after the root element.
    return generator.atom_str(pretty=True).decode("utf-8").removesuffix("\n")


class _Entry(FeedEntry):
    """feedgen's entry, with the attributes feedgen 1.0.0 drops from its links,
    made into XML once however many feeds it is in.

    feedgen writes only href on an entry's <link> (python-feedgen issue #135),
    which would turn an enclosure into a second alternate link. The links are
    written in the order they were given, so each gets its attributes back as
    the entry's element is made.
    """

    _element = None

    def atom_entry(self, extensions=True):
        if self._element is None:
            element = super().atom_entry(extensions)
            for link, data in zip(element.iterfind("link"), self.link() or ()):
                for name in _LINK_ATTRIBUTES:
                    if data.get(name):
                        link.set(name, str(data[name]))
            self._element = element
        return copy.deepcopy(self._element)  # each feed's tree gets its own


@dataclass(frozen=True)
class _EntryData:
    """An item's entry but for its links' form, which is relative to each feed
    unless the site's address is known (then `absolute`)."""
    id: str
    title: str
    published: datetime
    summary: str
    authors: tuple[str, ...]
    categories: tuple[dict, ...]
    links: tuple[tuple[str, str | None, dict], ...]  # (url, absolute, the other attributes)


class _Entries:
    """The feeds' entries: an item's data is gathered once, and its entry made
    once for each form its links take (one when the site's address is known;
    a feed at the site's root, its type's and its terms' otherwise)."""

    def __init__(self, index: SiteIndex, meta: SiteMetadata):
        self.index, self.meta = index, meta
        self._data: dict[str, _EntryData] = {}
        self._made: dict[tuple[str, tuple[str, ...]], _Entry] = {}
        self._categories: dict[tuple[str, str, str], dict] = {}  # the few types' and terms'

    def entry(self, item: Item, here: str) -> _Entry:
        data = self._data.get(item.url)
        if data is None:
            data = self._data[item.url] = self._entry_data(item)
        hrefs = tuple(absolute or relative(here, url) for url, absolute, _ in data.links)  # meta.link
        entry = self._made.get((item.url, hrefs))
        if entry is None:
            entry = self._made[item.url, hrefs] = _Entry()
            entry.id(data.id)
            entry.title(data.title)
            # One call for all values of a kind: each call checks and copies
            # every value given before it (feedgen), so a call a value is quadratic.
            entry.link([{"href": href, **attributes} for href, (_, _, attributes) in zip(hrefs, data.links)])
            entry.published(data.published)
            entry.updated(data.published)
            if data.summary:
                entry.summary(data.summary)
            if data.authors:
                entry.author([{"name": name} for name in data.authors])
            entry.category([dict(category) for category in data.categories])
        return entry

    def _entry_data(self, item: Item) -> _EntryData:
        categories = [self._category(item.type.url, item.type.id, item.type.label)]
        for facet in self.index.facets:
            for term in item.terms(facet):
                categories.append(self._category(facet.term_url(term.id), term.id, term.label))
        meta = self.meta
        links = [(item.url, meta.absolute(item.url), {"rel": "alternate", "type": "text/html"})]
        for attachment in item.attachments:
            url = item.file_url(attachment)
            links.append((url, meta.absolute(url), {"rel": "enclosure", "type": media_type(attachment.extension),
                                                    "length": str(attachment.size)}))
        return _EntryData(_urn(item.url), item.title, as_datetime(item.date), item.summary,
                          tuple(item.authors), tuple(categories), tuple(links))

    def _category(self, page_url: str, term: str, label: str) -> dict:
        key = (page_url, term, label)
        category = self._categories.get(key)
        if category is None:
            category = self._categories[key] = _category(self.meta, page_url, term, label)
        return category


def render_feeds(index: SiteIndex, meta: SiteMetadata) -> dict[str, str]:
    """Every feed file: site-relative path -> Atom XML."""
    newest = next(iter(_newest(index.items, 1)), None)
    site_updated = as_datetime(newest.date) if newest else EMPTY_SITE_UPDATED
    entries = _Entries(index, meta)
    return {feed.url: render_atom(feed, index, meta, site_updated, entries)
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
