"""What an item page tells Pagefind.

Pagefind indexes only what sits inside `data-pagefind-body`, and only item
pages carry it, so listings, overviews and the start page are never results.
Filters use the search page's URL parameter names (facet paths, `ar`, `typ`)
and term ids as values, so a URL and the index speak the same language.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from loft.content.model import Item
from loft.content.site_index import SiteIndex
from loft.content.urls import SORT_KEY, TYPE_PARAM, YEAR_PARAM
from loft.search.compounds import Compounds


@dataclass(frozen=True)
class ItemMarkup:
    """HTML around an item page's Markdown: `open` starts the indexed region
    (with the item's filters, metadata, sort value and extra search words),
    `close` ends it."""

    open: str
    close: str


class SearchIndex:
    """What every item page tells the index, computed once from the SiteIndex."""

    def __init__(self, index: SiteIndex, compounds: Compounds | None = None):
        self.index = index
        self.compounds = compounds or Compounds({})
        # Newest-first position, counted down: sorting by it descending gives
        # exactly the listings' order (date, ties by URL).
        total = len(index.items)
        self._rank = {item.url: total - n for n, item in enumerate(index.items)}

    def filters(self, item: Item) -> list[tuple[str, str]]:
        """(URL parameter, value) pairs the item matches."""
        pairs = [(TYPE_PARAM, item.type.id), (YEAR_PARAM, str(item.year))]
        for facet in self.index.facets:
            pairs += [(facet.path, term_id) for term_id in item.tags.get(facet.field, ())]
        return pairs

    def extra_words(self, item: Item, body: str) -> list[str]:
        """Words to index beyond the visible text: every name of the item's terms
        (label, English and official names, aliases) and the parts of the
        compounds in its title, summary and text."""
        words: dict[str, None] = {}
        for facet in self.index.facets:
            for term in item.terms(facet):
                for name in term.names()[1:]:  # not the id: it is a URL slug
                    words.setdefault(str(name), None)
        for part in self.compounds.parts_in(f"{item.title}\n{item.summary}\n{body}"):
            words.setdefault(part, None)
        return list(words)

    def item_markup(self, item: Item, body: str) -> ItemMarkup:
        data = [f'<span data-pagefind-filter="{escape(k)}:{escape(v)}"></span>'
                for k, v in self.filters(item)]
        meta = {
            "title": item.title,
            "typ": item.type.label,
            "datum": item.date.swedish,
            "iso": item.date.iso,
        }
        if item.summary:
            meta["sammanfattning"] = " ".join(item.summary.split())
        data += [f'<span data-pagefind-meta="{k}:{escape(v)}"></span>' for k, v in meta.items()]
        data.append(f'<span data-pagefind-sort="{SORT_KEY}:{self._rank.get(item.url, 0)}"></span>')
        # "index": skipped as text, still read for filters and metadata. (Spelled
        # out: Python-Markdown turns a bare attribute into ignore="ignore".)
        hidden = f'<div hidden data-pagefind-ignore="index">{"".join(data)}</div>'
        words = " ".join(self.extra_words(item, body))
        # Indexed through an attribute of an empty block (a span would get a <p>
        # around it): found by search, never shown nor read by a screen reader.
        extra = (f'<div data-pagefind-index-attrs="data-search-words" data-search-words="{escape(words)}"></div>'
                 if words else "")
        # The extra words come last, so that excerpts show the item's own text first.
        return ItemMarkup(open=f'<div data-pagefind-body>\n{hidden}\n',
                          close=f"{extra}\n</div>")
