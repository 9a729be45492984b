"""Page sources: Markdown (with escaped HTML) for item pages, listings,
overviews and the start page's generated blocks.

Rendered here, in the core, so that the content of every generated page is
testable without MkDocs and survives a move to another site generator.
All links are relative to the page they appear on.
"""

from __future__ import annotations

from html import escape

from .charts import Charts
from .feeds import FEED_MEDIA_TYPE, listing_feed_url, site_feed_url
from .listings import Listing, Overview
from .model import BasedOn, Facet, Item
from .search import SEARCH_URL, SiteSearch
from .site_index import SiteIndex
from .trusted import trusted
from .urls import relative

GENERIC_NOUNS = ("publikation", "publikationer")
# The start page's matrix shows this many rows at most; principer/ shows all.
START_MATRIX_ROWS = 12
LATEST_COUNT = 6
REL_PREV, REL_NEXT = ' rel="prev"', ' rel="next"'


def count_text(count: int, nouns: tuple[str, str] = GENERIC_NOUNS) -> str:
    return f"{count} {nouns[0] if count == 1 else nouns[1]}"


def format_size(size: int) -> str:
    """Swedish file size: "350 kB", "1,2 MB"."""
    if size < 1000:
        return f"{size} byte"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


class PageRenderer:
    """Renders page sources from one SiteIndex."""

    citations = None  # loft.citations.Citations, set by SiteBuild: the "Citera" section

    def __init__(self, index: SiteIndex, search: SiteSearch | None = None):
        self.index = index
        self.search = search or SiteSearch(index)
        self.charts = Charts(index)  # counts once per build, for every chart

    # --- pieces -----------------------------------------------------------
    @staticmethod
    def _link(page_url: str, target: str, text: str, attrs: str = "") -> str:
        return f'<a href="{escape(relative(page_url, target))}"{attrs}>{escape(text)}</a>'

    def _tag_list(self, page_url: str, item: Item, facet: Facet, css: str) -> str:
        terms = item.terms(facet)
        if not terms:
            return ""
        attrs = f' class="loft-tag loft-tag--{facet.path}"'
        links = "".join(f"<li>{self._link(page_url, facet.term_url(t.id), t.label, attrs)}</li>"
                        for t in terms)
        return f'<ul class="{css}" aria-label="{escape(facet.title)}">{links}</ul>'

    def card(self, page_url: str, item: Item, heading: int = 2) -> str:
        """One item in a listing: title, type, date, summary and its labels."""
        draft = ' <strong class="loft-draft-label">Utkast</strong>' if item.draft else ""
        parts = [
            '<li class="loft-card">',
            f'<h{heading} class="loft-card__title">{self._link(page_url, item.url, item.title)}{draft}</h{heading}>',
            f'<p class="loft-card__meta"><span class="loft-card__type">{escape(item.type.label)}</span>'
            f' <span aria-hidden="true">·</span> <time datetime="{item.date.iso}">{escape(item.date.swedish)}</time></p>',
        ]
        if item.summary:
            parts.append(f'<p class="loft-card__summary">{escape(item.summary)}</p>')
        for facet in self.index.facets:
            parts.append(self._tag_list(page_url, item, facet, "loft-card__tags"))
        parts.append("</li>")
        return "".join(parts)

    def card_list(self, page_url: str, items: list[Item], heading: int = 2) -> str:
        cards = "\n".join(self.card(page_url, item, heading) for item in items)
        return f'<ul class="loft-cards">\n{cards}\n</ul>'

    # --- item pages -------------------------------------------------------
    def item_page(self, item: Item, body: str, export: bool = False) -> str:
        """The whole page source of an item: title, summary, facts, attachments, text.

        export: for a builder without hooks, which must convert the text inside
        the search region itself (md_in_html's markdown="1")."""
        url = item.url
        search = self.search.item_markup(item, body)  # the indexed part of the page
        opener = search.open.replace("<div data-pagefind-body>", '<div data-pagefind-body markdown="1">', 1) if export else search.open
        head = [opener]
        if item.draft:
            head.append('<div class="loft-draft" role="note"><p><strong>Utkast.</strong> Den här sidan '
                        'visas bara i förhandsgranskningen och publiceras inte förrän raden '
                        '<code>draft: true</code> har tagits bort.</p></div>')
        if item.summary:
            head.append(f'<p class="loft-lead">{escape(item.summary)}</p>')
        # A retold text was not published by the site on its date: the date is the
        # original's (or the site's filing date), so it is labelled neutrally.
        date_label = "Datum" if item.based_on else "Publicerad"
        rows = [
            ("Typ", self._link(url, item.type.url, item.type.label)),
            (date_label, f'<time datetime="{item.date.iso}">{escape(item.date.swedish)}</time>'),
            ("År", self._link(url, f"ar/{item.year}/", str(item.year))),
        ]
        if item.based_on:
            rows.append(("Källa", based_on_html(item.based_on)))
        for facet in self.index.facets:
            tags = self._tag_list(url, item, facet, "loft-tags")
            if tags:
                rows.append((facet.item_heading, tags))
        if item.authors:
            rows.append(("Författare", escape(", ".join(item.authors))))
        facts = "".join(f"<div><dt>{escape(k)}</dt><dd>{v}</dd></div>" for k, v in rows)
        head.append(f'<dl class="loft-facts" aria-label="Fakta om sidan">{facts}</dl>')
        out = [_md_heading(item.title), "", trusted("\n".join(head)), ""]
        if item.attachments:
            links = "".join(
                f'<li><a href="{escape(a.name)}" download>{escape(_attachment_title(a.name))}</a> '
                f'<span class="loft-file-info">({escape(a.format)}, {format_size(a.size)})</span></li>'
                for a in item.attachments
            )
            out += ["## Ladda ner", "", trusted(f'<ul class="loft-attachments">{links}</ul>'), ""]
        # Only the item's own text is indexed for search; the citation comes after.
        out += [body.strip("\n"), "", trusted(search.close)]
        if self.citations is not None:
            out += ["", *self.citations.section(item)]
        return "\n".join(out) + "\n"

    # --- listings ---------------------------------------------------------
    @staticmethod
    def listing_title(listing: Listing) -> str:
        if listing.pages > 1:
            return f"{listing.title} – sida {listing.page} av {listing.pages}"
        return listing.title

    def listing_page(self, listing: Listing) -> str:
        url = listing.url
        out = [_md_heading(self.listing_title(listing)), ""]
        if listing.page == 1:
            out += self._listing_intro(listing)
        nouns = GENERIC_NOUNS
        if listing.kind == "type" and listing.items:
            nouns = listing.items[0].type.count_nouns
        if not listing.total:
            out += [trusted(f'<p class="loft-empty">{escape(listing.empty)}</p>'), ""]
            out += self._feed_link(listing)
            return "\n".join(out) + "\n"
        start = listing.first_number
        end = start + len(listing.items) - 1
        if listing.pages > 1:
            shown = f"Visar {start}–{end} av {count_text(listing.total, nouns)}, nyast först."
        else:
            shown = f"{count_text(listing.total, nouns)}, nyast först."
        heading = "Publicerat material" if listing.kind == "term" else None
        if heading:
            out += [f"## {heading}", ""]
        out += [trusted(f'<p class="loft-count">{shown[0].upper() + shown[1:]}</p>'), ""]
        out += self._feed_link(listing)
        out += [trusted(self.card_list(url, listing.items, 3 if heading else 2)), ""]
        if listing.pages > 1:
            out += [trusted(self._pagination(listing)), ""]
        out += [trusted(self._search_link(listing)), ""]
        return "\n".join(out) + "\n"

    def _feed_link(self, listing: Listing) -> list[str]:
        """The visible link to the listing's feed (loft/feeds.py), if it has one."""
        feed = listing_feed_url(listing)
        if not feed:
            return []
        link = self._link(listing.url, feed, f"Atom-flöde för {listing.title}", f' type="{FEED_MEDIA_TYPE}"')
        return [trusted(f'<p class="loft-feed">Få besked om nytt material i din flödesläsare: {link}</p>'), ""]

    def _search_link(self, listing: Listing) -> str:
        """A way from a listing to the search page with the listing's filter set."""
        query = "&".join(f"{k}={v}" for k, v in listing.filters.items())
        target = relative(listing.url, SEARCH_URL) + (f"?{query}" if query else "")
        if listing.kind == "type":
            what = f"bland {listing.title.lower()}"
        elif listing.kind == "year":
            what = f"bland materialet från {listing.year}"
        else:
            what = f"bland materialet märkt {listing.title}"
        return f'<p class="loft-search-link"><a href="{escape(target)}">Sök och filtrera {escape(what)}</a></p>'

    def _listing_intro(self, listing: Listing) -> list[str]:
        out: list[str] = []
        term = listing.term
        if term is not None and listing.facet is not None:
            facts = []
            for detail in listing.facet.details:
                value = term.get(detail.field)
                if value:
                    lang = f' lang="{escape(detail.lang)}"' if detail.lang else ""
                    facts.append(f"<div><dt>{escape(detail.label)}</dt><dd{lang}>{escape(str(value))}</dd></div>")
            if facts:
                out += [trusted(f'<dl class="loft-facts">{"".join(facts)}</dl>'), ""]
            if term.get("description") and term.get("summary"):  # in one sentence, then in full
                out += [trusted(f'<p class="loft-lead">{escape(str(term.get("summary")).strip())}</p>'), ""]
            text = term.get("description") or term.get("summary")
            if text:
                out += [str(text).strip(), ""]
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
                trusted(f'<p class="loft-jump"><a href="#publicerat-material">Gå direkt till materialet '
                        f'({count_text(listing.total)})</a></p>'), "",
                trusted(self.charts.term_spread(listing.url, listing.facet, listing.term)), ""]

    def _pagination(self, listing: Listing) -> str:
        url = listing.url
        links = []
        if listing.page > 1:
            links.append(f'<li>{self._link(url, listing.page_url(listing.page - 1), "Föregående sida", REL_PREV)}</li>')
        for n in range(1, listing.pages + 1):
            label = f"Sida {n}"
            if n == listing.page:
                links.append(f'<li><a href="./" aria-current="page" aria-label="{label}, aktuell sida">{n}</a></li>')
            else:
                links.append(f'<li><a href="{escape(relative(url, listing.page_url(n)))}" aria-label="{label}">{n}</a></li>')
        if listing.page < listing.pages:
            links.append(f'<li>{self._link(url, listing.page_url(listing.page + 1), "Nästa sida", REL_NEXT)}</li>')
        return f'<nav class="loft-pagination" aria-label="Sidor i listan"><ul>{"".join(links)}</ul></nav>'

    # --- overviews --------------------------------------------------------
    def overview_page(self, overview: Overview) -> str:
        out = [_md_heading(overview.title), ""]
        if overview.intro:
            out += [overview.intro.strip(), ""]
        if overview.kind == "years":
            out += [trusted(self.charts.years_by_type(overview.url)), ""]
            out += [trusted(self.year_list(overview.url)), ""]
        elif overview.facet is self.index.facets[0]:
            matrix = self.charts.matrix(overview.url)
            out += ["## Översikt", "", trusted(matrix), ""] if matrix else []
            out += [trusted(self.term_cards(overview.url, overview.facet)), ""]
        else:
            out += [trusted(self.term_cards(overview.url, overview.facet)), ""]
        return "\n".join(out) + "\n"

    def term_cards(self, page_url: str, facet: Facet, heading: int = 2) -> str:
        cards = []
        for term in facet.vocabulary:
            count = self.index.count(facet, term.id)
            details = []
            for detail in facet.details:
                value = term.get(detail.field)
                if value:
                    lang = f' lang="{escape(detail.lang)}"' if detail.lang else ""
                    details.append(f"<div><dt>{escape(detail.label)}</dt><dd{lang}>{escape(str(value))}</dd></div>")
            summary = term.get("summary")
            cards.append(
                '<li class="loft-term">'
                f'<h{heading} class="loft-term__title">{self._link(page_url, facet.term_url(term.id), term.label)}</h{heading}>'
                + (f'<dl class="loft-term__details">{"".join(details)}</dl>' if details else "")
                + (f'<p>{escape(str(summary))}</p>' if summary else "")
                + f'<p class="loft-term__count">{count_text(count)}</p></li>'
            )
        return f'<ul class="loft-terms">{"".join(cards)}</ul>'

    def year_list(self, page_url: str) -> str:
        if not self.index.years:
            return '<p class="loft-empty">Här finns inget publicerat material ännu.</p>'
        entries = "".join(
            f'<li>{self._link(page_url, f"ar/{year}/", str(year))} '
            f'<span class="loft-count">({count_text(len(self.index.by_year[year]))})</span></li>'
            for year in self.index.years
        )
        return f'<ul class="loft-years">{entries}</ul>'

    def term_links(self, page_url: str, facet: Facet) -> str:
        entries = "".join(
            f'<li>{self._link(page_url, facet.term_url(t.id), t.label)} '
            f'<span class="loft-count">({count_text(self.index.count(facet, t.id))})</span></li>'
            for t in facet.vocabulary
        )
        return f'<ul class="loft-term-links">{entries}</ul>'

    # --- start page blocks ------------------------------------------------
    def blocks(self, page_url: str) -> dict[str, str]:
        """Generated blocks that a hand-written page places with <!-- loft:NAME -->."""
        type_links = " ".join(
            f'<li>{self._link(page_url, t.url, f"Alla {t.plural.lower()}")}</li>' for t in self.index.types
        )
        latest = self.index.items[:LATEST_COUNT]
        blocks = {
            "latest": (self.card_list(page_url, latest, 3) if latest
                       else '<p class="loft-empty">Här finns inget publicerat material ännu.</p>')
            + f'\n<ul class="loft-more">{type_links}</ul>'
            + '\n<p class="loft-feed">Få besked om nytt material i din flödesläsare: '
            + self._link(page_url, site_feed_url(), "Atom-flöde för allt nytt material",
                         f' type="{FEED_MEDIA_TYPE}"') + "</p>",
            "years": self.year_list(page_url),
            "matrix": self.charts.matrix(page_url, max_rows=START_MATRIX_ROWS),
        }
        for facet in self.index.facets:
            blocks[facet.path] = self.term_links(page_url, facet)
            blocks[facet.field] = blocks[facet.path]
        municipalities = self.index.facets[1] if len(self.index.facets) > 1 else None
        if municipalities is not None:
            blocks["municipalities-and-years"] = (
                f'<div class="loft-columns"><div><h3>{escape(municipalities.title)}</h3>'
                f'{blocks[municipalities.path]}</div><div><h3>År</h3>{blocks["years"]}</div></div>'
            )
        return blocks

    def fill_blocks(self, page_url: str, markdown: str) -> str:
        if "<!-- loft:" not in markdown:
            return markdown
        for name, html in self.blocks(page_url).items():
            markdown = markdown.replace(f"<!-- loft:{name} -->", trusted(html) if html else "")
        return markdown


def based_on_html(source: BasedOn) -> str:
    """The original an item retells, as one escaped line of the facts block:
    <cite>Title</cite> av A, B och C (Publisher, date), linked when its address is known."""
    title = f"<cite>{escape(source.title)}</cite>"
    if source.url:
        title = f'<a href="{escape(source.url)}">{title}</a>'
    text = title
    if source.authors:
        text += f" av {escape(join_and(source.authors))}"
    details = []
    if source.publisher:
        details.append(escape(source.publisher))
    if source.date:
        details.append(f'<time datetime="{source.date.iso}">{escape(source.date.swedish)}</time>')
    if details:
        text += f" ({', '.join(details)})"
    return text


def join_and(values: tuple[str, ...] | list[str]) -> str:
    """"A", "A och B", "A, B och C"."""
    values = list(values)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " och " + values[-1]


def _md_heading(text: str) -> str:
    """The page's H1 as a Markdown heading whose text is plain text: every ASCII
    punctuation mark becomes a character reference, so no Markdown, HTML or
    attribute list can form ("[x](…)" and "T {: onclick=… }" stay what they say),
    while the table of contents, the heading's id and the skip link work as for
    any heading."""
    return "# " + "".join(f"&#{ord(c)};" if c in _PUNCTUATION else c for c in " ".join(text.split()))


_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _attachment_title(name: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    text = stem.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else name
