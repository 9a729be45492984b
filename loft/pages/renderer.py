"""Page sources: Markdown (with the core's HTML as trusted blocks) for item
pages, listings, overviews and the start page's generated blocks.

Rendered here, in the core, so that the content of every generated page is
testable without MkDocs and survives a move to another site generator. The
HTML comes from the templates in loft/pages/templates/ (autoescape on,
loft/safety/templating.py); this module chooses what each piece shows and
places the pieces between the page's Markdown. Item pages are `records`'.
All links are relative to the page they appear on.
"""

from __future__ import annotations

from loft.pages.charts import Charts
from loft.pages.records import Fact, ItemRecords, md_heading, page_trail
from loft.pages.wording import GENERIC_NOUNS, all_of, count_text, mixed_count
from loft.pages.listings import Listing, ListingKind, Overview, OverviewKind
from loft.content.model import Facet, Item
from loft.content.vocabulary import Term
from loft.search.index import SearchIndex
from loft.content.site_index import SiteIndex
from loft.safety.templating import Templates
from loft.safety.trusted import trusted
from loft.content.urls import FEED_MEDIA_TYPE, feed_url, relative, search_url, year_url

# Labels a listing entry shows at most; the item page shows them all.
CARD_LABELS = 3
# The length of a listing entry's one-line summary.
CARD_SUMMARY = 160
# The start page's matrix shows this many rows at most; principer/ shows all.
START_MATRIX_ROWS = 12
LATEST_COUNT = 6


class PageRenderer:
    """Renders page sources from one SiteIndex."""

    def __init__(self, index: SiteIndex, search: SearchIndex | None = None, citations=None,
                 templates: Templates | None = None):
        self.index = index
        self.search = search or SearchIndex(index)
        # The "Citera" section of item pages (loft.outputs.citations.Citations), or none.
        self.citations = citations
        # The project's templates (its overrides/loft/ first), or the parts' own.
        self.templates = templates or Templates.package()
        self.charts = Charts(index, self.templates)  # counts once per build, for every chart
        self.records = ItemRecords(index, self.search, citations, self.templates)
        self._shared = self.templates.macros("macros.html")
        self._cards = self.templates.macros("cards.html")
        self._listing = self.templates.macros("listing.html")
        self._overview = self.templates.macros("overview.html")
        self._start = self.templates.macros("start.html")
        self._card_texts: dict[str, tuple[str, list[str]]] = {}  # item URL -> summary line, labels

    # --- pieces -----------------------------------------------------------
    def cards(self, page_url: str, items: list[Item]) -> list[tuple[Item, str, str, list[str]]]:
        """What a listing entry shows of each item besides the item itself: the
        link to it, a one-line summary and the labels of every facet's terms
        (worked out once per item: an item is on several listings)."""
        cards = []
        for item in items:
            shown = self._card_texts.get(item.url)
            if shown is None:
                shown = self._card_texts[item.url] = (
                    one_line(item.summary) if item.summary else "",
                    [t.label for facet in self.index.facets for t in item.terms(facet)])
            cards.append((item, relative(page_url, item.url), *shown))
        return cards

    def card_list(self, page_url: str, items: list[Item], heading: int = 2) -> str:
        """Items in a listing, compact: title (the one link, so one tab stop),
        type and date, a one-line summary and at most CARD_LABELS labels as text;
        the rest is on the item page."""
        return str(self._cards.card_list(self.cards(page_url, items), heading, CARD_LABELS))

    # --- item pages -------------------------------------------------------
    def item_page(self, item: Item, body: str) -> str:
        return self.records.item_page(item, body)

    def breadcrumbs(self, page_url: str) -> str:
        return self.records.breadcrumbs(page_url)

    def section_url(self, page_url: str) -> str | None:
        """The menu section a page belongs to (an item's type, a term's facet, ar/,
        a listing's later pages), or None."""
        trail = page_trail(self.index, page_url)
        if len(trail) > 2:
            return trail[1][1]
        first = page_url.split("/", 1)[0]
        if "/sida/" in page_url and first:
            return f"{first}/"
        return None

    def trail(self, page_url: str) -> list[tuple[str, str]]:
        return page_trail(self.index, page_url)

    # --- listings ---------------------------------------------------------
    @staticmethod
    def listing_title(listing: Listing) -> str:
        if listing.pages > 1:
            return f"{listing.title} – sida {listing.page} av {listing.pages}"
        return listing.title

    def listing_page(self, listing: Listing) -> str:
        url = listing.url
        out = [md_heading(self.listing_title(listing)), ""]
        if page_trail(self.index, url):
            out = [trusted(self.breadcrumbs(url)), ""] + out
        if listing.page == 1:
            out += self._listing_intro(listing)
        nouns = GENERIC_NOUNS
        if listing.kind is ListingKind.TYPE and listing.items:
            nouns = listing.items[0].type.count_nouns
        if not listing.total:
            out += [trusted(str(self._shared.empty(listing.empty))), ""]
            out += self._feed_link(listing)
            return "\n".join(out) + "\n"
        start = listing.first_number
        end = start + len(listing.items) - 1
        if listing.pages > 1:
            shown = f"Visar {start}–{end} av {count_text(listing.total, nouns)}, nyast först."
        elif listing.kind is ListingKind.TYPE:
            shown = f"{count_text(listing.total, nouns)}, nyast först."
        else:
            shown = f"{mixed_count(listing.items, self.index.types)}, nyast först."
        heading = "Publicerat material" if listing.kind is ListingKind.TERM else None
        if heading:
            out += [f"## {heading}", ""]
        out += [trusted(str(self._listing.count(shown[0].upper() + shown[1:]))), ""]
        out += self._feed_link(listing)
        out += [trusted(self.card_list(url, listing.items, 3 if heading else 2)), ""]
        if listing.pages > 1:
            out += [trusted(str(self._listing.pagination(listing))), ""]
        out += [trusted(self._search_link(listing)), ""]
        return "\n".join(out) + "\n"

    def _feed_link(self, listing: Listing) -> list[str]:
        """The visible link to the listing's feed (loft/outputs/feeds.py), if it has one."""
        feed = listing.feed_url
        if not feed:
            return []
        link = self._shared.feed_link(relative(listing.url, feed), f"Atom-flöde för {listing.title}",
                                      FEED_MEDIA_TYPE)
        return [trusted(str(link)), ""]

    def _search_link(self, listing: Listing) -> str:
        """A way from a listing to the search page with the listing's filter set."""
        target = search_url(listing.url, listing.filters)
        if listing.kind is ListingKind.TYPE:
            what = f"bland {listing.title.lower()}"
        elif listing.kind is ListingKind.YEAR:
            what = f"bland materialet från {listing.year}"
        else:
            what = f"bland materialet märkt {listing.title}"
        return str(self._listing.search_link(target, what))

    def _listing_intro(self, listing: Listing) -> list[str]:
        out: list[str] = []
        term = listing.term
        if term is not None and listing.facet is not None:
            # What the term is, in words, before the administrative facts.
            if term.get("description") and term.get("summary"):  # in one sentence, then in full
                out += [trusted(str(self._listing.term_lead(str(term.get("summary")).strip()))), ""]
            text = term.get("description") or term.get("summary")
            if text:
                out += [str(text).strip(), ""]
            facts = term_details(listing.facet, term)
            if facts:
                out += [trusted(str(self._listing.term_facts(facts))), ""]
            questions = term.get("questions") or []
            if questions:
                out += ["## Frågor för ledningsgruppen", ""]
                out += [f"- {q}" for q in questions] + [""]
            out += self._term_overview(listing)
        elif listing.intro:
            out += [listing.intro.strip(), ""]
        return out

    def _term_overview(self, listing: Listing) -> list[str]:
        """A term's spread over the other facets and the years, and a way to its items."""
        if not listing.total:
            return []
        return ["## Materialet i siffror", "",
                trusted(str(self._listing.term_jump(self.term_count(listing.facet, listing.term.id)))), "",
                trusted(self.charts.term_spread(listing.url, listing.facet, listing.term)), ""]

    # --- overviews --------------------------------------------------------
    def overview_page(self, overview: Overview) -> str:
        out = [md_heading(overview.title), ""]
        if overview.intro:
            out += [overview.intro.strip(), ""]
        if overview.kind is OverviewKind.YEARS:
            out += [trusted(self.charts.years_by_type(overview.url)), ""]
            out += [trusted(self.year_list(overview.url)), ""]
        elif overview.kind is OverviewKind.MATRIX:
            out += [trusted(self.charts.matrix(overview.url)), ""]
        elif self.index.matrix_facets and overview.facet is self.index.matrix_facets.rows:
            # The busiest rows; the whole matrix has a page of its own, so this page
            # stays the same size however long the vocabularies grow.
            matrix = self.charts.matrix(overview.url, max_rows=START_MATRIX_ROWS)
            out += ["## Översikt", "", trusted(matrix), ""] if matrix else []
            out += [trusted(self.term_cards(overview.url, overview.facet)), ""]
        else:
            out += [trusted(self.term_cards(overview.url, overview.facet)), ""]
        return "\n".join(out) + "\n"

    def term_cards(self, page_url: str, facet: Facet, heading: int = 2) -> str:
        terms = [(term, term_details(facet, term),
                  self.term_count(facet, term.id) if self.index.count(facet, term.id) else None)
                 for term in facet.vocabulary]
        return str(self._overview.term_cards(page_url, facet, terms, heading))

    def term_count(self, facet: Facet, term_id: str) -> str:
        return mixed_count(self.index.by_term[facet.field][term_id], self.index.types)

    def _years(self) -> list[tuple[int, str, str]]:
        return [(year, year_url(year), mixed_count(self.index.by_year[year], self.index.types))
                for year in self.index.years]

    def _terms(self, facet: Facet) -> list[tuple]:
        return [(t, self.term_count(facet, t.id)) for t in facet.vocabulary]

    def year_list(self, page_url: str) -> str:
        return str(self._overview.year_list(page_url, self._years()))

    def term_links(self, page_url: str, facet: Facet) -> str:
        return str(self._overview.term_links(page_url, facet, self._terms(facet)))

    # --- start page blocks ------------------------------------------------
    def blocks(self, page_url: str) -> dict[str, str]:
        """Generated blocks that a hand-written page places with <!-- loft:NAME -->."""
        type_links = [(relative(page_url, t.url), all_of(t.plural)) for t in self.index.types]
        latest = self.index.items[:LATEST_COUNT]
        blocks = {
            "latest": str(self._start.latest(self.cards(page_url, latest), CARD_LABELS, type_links,
                                             relative(page_url, feed_url()), FEED_MEDIA_TYPE)),
            "years": self.year_list(page_url),
            "matrix": self.charts.matrix(page_url, max_rows=START_MATRIX_ROWS),
        }
        blocks["tasks"] = self.tasks(page_url)
        for facet in self.index.facets:
            blocks[facet.path] = self.term_links(page_url, facet)
            blocks[facet.field] = blocks[facet.path]
            blocks[f"{facet.field}-and-years"] = str(self._start.columns(  # its terms beside the years
                page_url, facet, self._terms(facet), self._years()))
        return blocks

    def tasks(self, page_url: str) -> str:
        """The start page's ways in by task (`start_task` of the types and facets in
        data/), then search."""
        entries = []
        for ctype in self.index.types:
            task = ctype.start_task
            if task is not None:
                count = count_text(len(self.index.by_type[ctype.id]), ctype.count_nouns)
                entries.append((relative(page_url, ctype.url), task.link, f"{task.what} ({count})"))
        for facet in self.index.facets:
            task = facet.start_task
            if task is not None:
                entries.append((relative(page_url, facet.url), task.link, task.what_with(len(facet.vocabulary))))
        return str(self._start.tasks(entries, search_url(page_url)))

    def fill_blocks(self, page_url: str, markdown: str) -> str:
        if "<!-- loft:" not in markdown:
            return markdown
        for name, html in self.blocks(page_url).items():
            markdown = markdown.replace(f"<!-- loft:{name} -->", trusted(html) if html else "")
        return markdown


def one_line(text: str, width: int = CARD_SUMMARY) -> str:
    """The summary's first sentence, cut at a word before width characters."""
    text = " ".join(text.split())
    end = text.find(". ")
    if 0 < end < width:
        return text[:end + 1]
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + " …"


def term_details(facet: Facet, term: Term) -> list[Fact]:
    """The facet's details (data/facets.yml) that the term has, as facts."""
    return [Fact(d.label, term.get(d.field), d.lang) for d in facet.details if term.get(d.field)]
