"""Listing pages as data: every type, facet term and year, paginated.

A listing never grows with the site: it shows at most `page_size` items and
links to every page of itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from loft.content.model import Facet, Item
from loft.content.site_index import SiteIndex
from loft.content.urls import MATRIX_SLUG, TYPE_PARAM, YEAR_PARAM, YEARS_URL, feed_url, paginated, year_url
from loft.content.vocabulary import Term

DEFAULT_PAGE_SIZE = 50


class ListingKind(str, Enum):
    """What a listing lists: the items of a type, of a facet's term, or of a year."""

    TYPE = "type"
    TERM = "term"
    YEAR = "year"


class OverviewKind(str, Enum):
    """What an overview shows: a facet's terms, the years, or the whole matrix."""

    FACET = "facet"
    YEARS = "years"
    MATRIX = "matrix"


@dataclass
class Listing:
    """One page of a listing of items."""

    url: str  # this page
    base_url: str  # page 1
    title: str  # H1
    items: list[Item]  # this page's slice
    total: int
    page: int = 1
    pages: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    intro: str = ""  # Markdown
    empty: str = "Här finns inget publicerat material ännu."
    kind: ListingKind = ListingKind.TYPE
    facet: Facet | None = None
    term: Term | None = None
    year: int | None = None
    # Filters this listing stands for, for links to the search page.
    filters: dict[str, str] = field(default_factory=dict)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"

    @property
    def feed_url(self) -> str | None:
        """The feed that follows this listing (on every page of it); years have none."""
        return None if self.kind is ListingKind.YEAR else feed_url(self.base_url)

    @property
    def first_number(self) -> int:
        """Position of this page's first item in the whole listing, from 1."""
        return (self.page - 1) * self.page_size + 1

    def page_url(self, page: int) -> str:
        return paginated(self.base_url, page)


@dataclass
class Overview:
    """The page above a facet's listings (principer/, kommuner/, ar/)."""

    url: str
    title: str
    kind: OverviewKind
    intro: str = ""
    facet: Facet | None = None

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"

def paginate(base_url: str, items: list[Item], page_size: int, **fields) -> list[Listing]:
    pages = max(1, -(-len(items) // page_size))
    return [
        Listing(url=paginated(base_url, n), base_url=base_url,
                items=items[(n - 1) * page_size:n * page_size],
                total=len(items), page=n, pages=pages, page_size=page_size, **fields)
        for n in range(1, pages + 1)
    ]


def all_listings(index: SiteIndex, page_size: int = DEFAULT_PAGE_SIZE) -> list[Listing]:
    listings: list[Listing] = []
    for ctype in index.types:
        listings += paginate(ctype.url, index.by_type[ctype.id], page_size, title=ctype.plural,
                             intro=ctype.intro, kind=ListingKind.TYPE, filters={TYPE_PARAM: ctype.id})
    for facet in index.facets:
        for term in facet.vocabulary:
            listings += paginate(facet.term_url(term.id), index.by_term[facet.field][term.id],
                                 page_size, title=term.label, kind=ListingKind.TERM, facet=facet, term=term,
                                 empty=facet.empty, filters={facet.path: term.id})
    for year in index.years:
        listings += paginate(year_url(year), index.by_year[year], page_size, title=f"År {year}",
                             kind=ListingKind.YEAR, year=year, filters={YEAR_PARAM: str(year)})
    return listings


def all_overviews(index: SiteIndex) -> list[Overview]:
    overviews = [Overview(f.url, f.title, OverviewKind.FACET, f.intro, f) for f in index.facets]
    overviews.append(Overview(YEARS_URL, "År", OverviewKind.YEARS,
                              "Allt publicerat material ordnat efter det år det gavs ut."))
    if index.matrix_facets:  # the whole matrix on a page of its own: the overviews stay small
        first, second = index.matrix_facets
        overviews.append(Overview(matrix_url(index), f"{first.title} och {second.title.lower()}: hela översikten",
                                  OverviewKind.MATRIX, f"Hur mycket material som finns för varje kombination av "
                                  f"{first.singular} och {second.singular}, med alla {first.title.lower()} "
                                  f"och {second.title.lower()}.", first))
    return overviews


def matrix_url(index: SiteIndex) -> str:
    """The page of the whole matrix, under its rows facet (principer/matris/)."""
    return f"{index.matrix_facets.rows.path}/{MATRIX_SLUG}/"
