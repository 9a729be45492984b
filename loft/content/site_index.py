"""One index of all items of a build, grouped by every facet, counted once.

Every page, listing, count and the catalogue read from it; nothing scans all
items for each page. Building it is one pass over the items.
"""

from __future__ import annotations

from collections import defaultdict

from loft.content.model import ContentType, Facet, Item, matrix_facets


class SiteIndex:
    def __init__(self, items: list[Item], types: list[ContentType], facets: list[Facet], record=None):
        self.types = types
        self.record = record  # loft.content.validation.RecordVocabularies: publishers, languages
        self.facets = facets
        # The facets of the matrix's rows and columns, as declared in data/facets.yml (or None).
        self.matrix_facets = matrix_facets(facets)
        self.items: list[Item] = sorted(items, key=lambda i: i.sort_key, reverse=True)
        self.by_url = {item.url: item for item in self.items}
        self.by_src_uri = {item.src_uri: item for item in self.items}
        self.by_type: dict[str, list[Item]] = {t.id: [] for t in types}
        self.by_year: dict[int, list[Item]] = defaultdict(list)
        # facet field -> term id -> items; every term has an entry, empty or not
        self.by_term: dict[str, dict[str, list[Item]]] = {
            f.field: {t.id: [] for t in f.vocabulary} for f in facets
        }
        for item in self.items:  # already newest first, so every group is too
            self.by_type[item.type.id].append(item)
            self.by_year[item.year].append(item)
            for facet in facets:
                for term_id in item.tags.get(facet.field, ()):
                    self.by_term[facet.field][term_id].append(item)
        self.years: list[int] = sorted(self.by_year, reverse=True)
        # continues: the item that carries a part on (validated: at most one, no loops).
        self.continued_by: dict[str, Item] = {
            item.continues: item for item in self.items if item.continues in self.by_url}

    def __len__(self) -> int:
        return len(self.items)

    def published(self) -> list[Item]:
        """Items that leave the building: drafts are previewed, never published."""
        return [item for item in self.items if not item.draft]

    def series(self, item: Item) -> list[Item]:
        """Every part of the series an item belongs to, first part first (just the
        item when it neither continues nor is continued)."""
        first, seen = item, {item.url}
        while first.continues in self.by_url and first.continues not in seen:
            first = self.by_url[first.continues]
            seen.add(first.url)
        parts, seen = [first], {first.url}
        while parts[-1].url in self.continued_by and self.continued_by[parts[-1].url].url not in seen:
            parts.append(self.continued_by[parts[-1].url])
            seen.add(parts[-1].url)
        return parts

    def count(self, facet: Facet, term_id: str) -> int:
        return len(self.by_term[facet.field][term_id])
