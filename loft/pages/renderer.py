"""Page sources: Markdown (with escaped HTML) for item pages, listings,
overviews and the start page's generated blocks.

Rendered here, in the core, so that the content of every generated page is
testable without MkDocs and survives a move to another site generator.
All links are relative to the page they appear on.
"""

from __future__ import annotations

from html import escape

from loft.pages.charts import Charts
from loft.pages.wording import GENERIC_NOUNS, all_of, count_text, format_size, join_and, mixed_count
from loft.pages.listings import Listing, ListingKind, Overview, OverviewKind
from loft.content.model import BasedOn, Facet, Item
from loft.search.index import SearchIndex
from loft.content.site_index import SiteIndex
from loft.safety.trusted import trusted
from loft.content.urls import FEED_MEDIA_TYPE, YEARS_URL, feed_url, relative, search_url, year_url

# Labels a listing entry shows at most; the item page shows them all.
CARD_LABELS = 3
# The length of a listing entry's one-line summary.
CARD_SUMMARY = 160
IDENTIFIER_LABELS = {"isbn": "ISBN", "urn_nbn": "URN:NBN", "doi": "DOI"}
# The start page's matrix shows this many rows at most; principer/ shows all.
START_MATRIX_ROWS = 12
LATEST_COUNT = 6
REL_PREV, REL_NEXT = ' rel="prev"', ' rel="next"'


class PageRenderer:
    """Renders page sources from one SiteIndex."""

    def __init__(self, index: SiteIndex, search: SearchIndex | None = None, citations=None):
        self.index = index
        self.search = search or SearchIndex(index)
        # The "Citera" section of item pages (loft.outputs.citations.Citations), or none.
        self.citations = citations
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
        """One item in a listing, compact: title (the one link, so one tab stop),
        type and date, a one-line summary and at most CARD_LABELS labels as text;
        the rest is on the item page."""
        draft = ' <strong class="loft-draft-label">Utkast</strong>' if item.draft else ""
        parts = [
            '<li class="loft-card">',
            f'<h{heading} class="loft-card__title">{self._link(page_url, item.url, item.title)}{draft}</h{heading}>',
            f'<p class="loft-card__meta"><span class="loft-card__type">{escape(item.type.label)}</span>'
            f' <span aria-hidden="true">·</span> <time datetime="{item.date.iso}">{escape(item.date.swedish)}</time></p>',
        ]
        if item.summary:
            parts.append(f'<p class="loft-card__summary">{escape(one_line(item.summary))}</p>')
        labels = [t.label for facet in self.index.facets for t in item.terms(facet)]
        if labels:
            shown = "".join(f'<li class="loft-label">{escape(label)}</li>' for label in labels[:CARD_LABELS])
            rest = len(labels) - CARD_LABELS
            if rest > 0:
                shown += f'<li class="loft-label loft-label--more">och {rest} till</li>'
            parts.append(f'<ul class="loft-card__labels" aria-label="Märkt med">{shown}</ul>')
        parts.append("</li>")
        return "".join(parts)

    def card_list(self, page_url: str, items: list[Item], heading: int = 2) -> str:
        cards = "\n".join(self.card(page_url, item, heading) for item in items)
        return f'<ul class="loft-cards">\n{cards}\n</ul>'

    # --- item pages -------------------------------------------------------
    def item_page(self, item: Item, body: str) -> str:
        """The whole page source of an item, as a publication record: breadcrumbs,
        title, summary, "Ladda ner" (the files, or where the work is published),
        the facts, the text and the citation."""
        url = item.url
        search = self.search.item_markup(item, body)  # the indexed part of the page
        head = [search.open]
        if item.draft:
            head.append('<div class="loft-draft" role="note"><p><strong>Utkast.</strong> Den här sidan '
                        'visas bara i förhandsgranskningen och publiceras inte förrän raden '
                        '<code>draft: true</code> har tagits bort.</p></div>')
        if item.summary:
            head.append(f'<p class="loft-lead">{escape(item.summary)}</p>')
        out = [trusted(self.breadcrumbs(url)), "", _md_heading(item.title), "", trusted("\n".join(head)), ""]
        download = self.download_block(item)
        if download:
            out += ["## Ladda ner", "", trusted(download), ""]
        out += [trusted(self.facts(item)), ""]
        # Only the item's own text is indexed for search; the citation comes after.
        out += [body.strip("\n"), "", trusted(search.close)]
        if self.citations is not None:
            out += ["", *self.citations.section(item)]
        return "\n".join(out) + "\n"

    def download_block(self, item: Item) -> str:
        """The item's documents (format, size, pages where the PDF says), or, with
        none here, a clearly labelled link to where the work is published."""
        if item.attachments:
            links = "".join(
                f'<li><a class="loft-download__link" href="{escape(a.name)}" download>'
                f'{escape(_attachment_title(a.name))}</a> '
                f'<span class="loft-file-info">({escape(file_facts(a))})</span></li>'
                for a in item.attachments)
            extra = ""
            if item.published_at:
                extra = (f'<p class="loft-download__also">Också publicerat hos utgivaren: '
                         f'{external_link(item.published_at)}</p>')
            return f'<div class="loft-download"><ul class="loft-attachments">{links}</ul>{extra}</div>'
        if item.published_at:
            return ('<div class="loft-download loft-download--external">'
                    '<p class="loft-download__note">Kunskapsbanken har ingen fil av materialet. '
                    'Utgivarens sida:</p>'
                    f'<p class="loft-download__main">{external_link(item.published_at)}</p></div>')
        return ""

    def facts(self, item: Item) -> str:
        """The record's facts: type, date (once), publishers, language, source, the
        series, identifiers, principles, municipalities, authors."""
        url = item.url
        # A retold text was not published by the site on its date: the date is the
        # original's (or the site's filing date), so it is labelled neutrally.
        date_label = "Datum" if item.based_on else "Publicerad"
        rows = [
            ("Typ", self._link(url, item.type.url, item.type.label)),
            (date_label, f'<time datetime="{item.date.iso}">{escape(item.date.swedish)}</time>'),
        ]
        record = getattr(self.index, "record", None)
        if item.publishers and record is not None:
            names = [record.publishers.by_id[p].label for p in item.publishers]
            rows.append(("Utgivare", escape(join_and(names))))
        if record is not None and item.language in record.languages.by_id:
            rows.append(("Språk", escape(record.languages.by_id[item.language].label)))
        if item.based_on:
            rows.append(("Källa", based_on_html(item.based_on)))
        series = self.index.series(item)
        if len(series) > 1:
            rows.append(("Del", self.series_html(item, series)))
        for key, value in item.identifiers.items():
            rows.append((IDENTIFIER_LABELS[key], identifier_html(key, value)))
        for facet in self.index.facets:
            tags = self._tag_list(url, item, facet, "loft-tags")
            if tags:
                rows.append((facet.item_heading, tags))
        if item.authors:
            rows.append(("Författare", escape(", ".join(item.authors))))
        facts = "".join(f"<div><dt>{escape(k)}</dt><dd>{v}</dd></div>" for k, v in rows)
        return f'<dl class="loft-facts" aria-label="Fakta om materialet">{facts}</dl>'

    def series_html(self, item: Item, series: list[Item]) -> str:
        """"Del 2 av 2 – följer på <a>…</a>" and "Del 1 av 2 – fortsätter i <a>…</a>"."""
        n = series.index(item)
        text = f"Del {n + 1} av {len(series)}"
        links = []
        if n > 0:
            links.append("följer på " + self._link(item.url, series[n - 1].url, series[n - 1].title))
        if n + 1 < len(series):
            links.append("fortsätter i " + self._link(item.url, series[n + 1].url, series[n + 1].title))
        return escape(text) + " – " + " och ".join(links)

    def breadcrumbs(self, page_url: str) -> str:
        """"Du är här": the way from the start page to the page's section (the
        page itself is the H1 right below)."""
        trail = self.trail(page_url)[:-1]
        links = "".join(f"<li>{self._link(page_url, target, name)}</li>" for name, target in trail)
        return f'<nav class="loft-breadcrumbs" aria-label="Du är här"><ol>{links}</ol></nav>'

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
        out = [_md_heading(self.listing_title(listing)), ""]
        if page_trail(self.index, url):
            out = [trusted(self.breadcrumbs(url)), ""] + out
        if listing.page == 1:
            out += self._listing_intro(listing)
        nouns = GENERIC_NOUNS
        if listing.kind is ListingKind.TYPE and listing.items:
            nouns = listing.items[0].type.count_nouns
        if not listing.total:
            out += [trusted(f'<p class="loft-empty">{escape(listing.empty)}</p>'), ""]
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
        out += [trusted(f'<p class="loft-count">{shown[0].upper() + shown[1:]}</p>'), ""]
        out += self._feed_link(listing)
        out += [trusted(self.card_list(url, listing.items, 3 if heading else 2)), ""]
        if listing.pages > 1:
            out += [trusted(self._pagination(listing)), ""]
        out += [trusted(self._search_link(listing)), ""]
        return "\n".join(out) + "\n"

    def _feed_link(self, listing: Listing) -> list[str]:
        """The visible link to the listing's feed (loft/outputs/feeds.py), if it has one."""
        feed = listing.feed_url
        if not feed:
            return []
        link = self._link(listing.url, feed, f"Atom-flöde för {listing.title}", f' type="{FEED_MEDIA_TYPE}"')
        return [trusted(f'<p class="loft-feed">Få besked om nytt material i din flödesläsare: {link}</p>'), ""]

    def _search_link(self, listing: Listing) -> str:
        """A way from a listing to the search page with the listing's filter set."""
        target = search_url(listing.url, listing.filters)
        if listing.kind is ListingKind.TYPE:
            what = f"bland {listing.title.lower()}"
        elif listing.kind is ListingKind.YEAR:
            what = f"bland materialet från {listing.year}"
        else:
            what = f"bland materialet märkt {listing.title}"
        return f'<p class="loft-search-link"><a href="{escape(target)}">Sök och filtrera {escape(what)}</a></p>'

    def _listing_intro(self, listing: Listing) -> list[str]:
        out: list[str] = []
        term = listing.term
        if term is not None and listing.facet is not None:
            # What the term is, in words, before the administrative facts.
            if term.get("description") and term.get("summary"):  # in one sentence, then in full
                out += [trusted(f'<p class="loft-lead">{escape(str(term.get("summary")).strip())}</p>'), ""]
            text = term.get("description") or term.get("summary")
            if text:
                out += [str(text).strip(), ""]
            facts = []
            for detail in listing.facet.details:
                value = term.get(detail.field)
                if value:
                    lang = f' lang="{escape(detail.lang)}"' if detail.lang else ""
                    facts.append(f"<div><dt>{escape(detail.label)}</dt><dd{lang}>{escape(str(value))}</dd></div>")
            if facts:
                out += [trusted(f'<dl class="loft-facts">{"".join(facts)}</dl>'), ""]
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
                        f'({self.term_count(listing.facet, listing.term.id)})</a></p>'), "",
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
                + f'<p class="loft-term__count">{self.term_count(facet, term.id) if count else "Inget material ännu"}</p></li>'
            )
        return f'<ul class="loft-terms">{"".join(cards)}</ul>'

    def term_count(self, facet: Facet, term_id: str) -> str:
        return mixed_count(self.index.by_term[facet.field][term_id], self.index.types)

    def year_list(self, page_url: str) -> str:
        if not self.index.years:
            return '<p class="loft-empty">Här finns inget publicerat material ännu.</p>'
        entries = "".join(
            f'<li>{self._link(page_url, year_url(year), str(year))} '
            f'<span class="loft-count">({mixed_count(self.index.by_year[year], self.index.types)})</span></li>'
            for year in self.index.years
        )
        return f'<ul class="loft-years">{entries}</ul>'

    def term_links(self, page_url: str, facet: Facet) -> str:
        entries = "".join(
            f'<li>{self._link(page_url, facet.term_url(t.id), t.label)} '
            f'<span class="loft-count">({self.term_count(facet, t.id)})</span></li>'
            for t in facet.vocabulary
        )
        return f'<ul class="loft-term-links">{entries}</ul>'

    # --- start page blocks ------------------------------------------------
    def blocks(self, page_url: str) -> dict[str, str]:
        """Generated blocks that a hand-written page places with <!-- loft:NAME -->."""
        type_links = " ".join(
            f'<li>{self._link(page_url, t.url, all_of(t.plural))}</li>' for t in self.index.types
        )
        latest = self.index.items[:LATEST_COUNT]
        blocks = {
            "latest": (self.card_list(page_url, latest, 3) if latest
                       else '<p class="loft-empty">Här finns inget publicerat material ännu.</p>')
            + f'\n<ul class="loft-more">{type_links}</ul>'
            + '\n<p class="loft-feed">Få besked om nytt material i din flödesläsare: '
            + self._link(page_url, feed_url(), "Atom-flöde för allt nytt material",
                         f' type="{FEED_MEDIA_TYPE}"') + "</p>",
            "years": self.year_list(page_url),
            "matrix": self.charts.matrix(page_url, max_rows=START_MATRIX_ROWS),
        }
        blocks["tasks"] = self.tasks(page_url)
        for facet in self.index.facets:
            blocks[facet.path] = self.term_links(page_url, facet)
            blocks[facet.field] = blocks[facet.path]
            blocks[f"{facet.field}-and-years"] = (  # its terms beside the years
                f'<div class="loft-columns"><div><h3>{escape(facet.title)}</h3>'
                f'{blocks[facet.path]}</div><div><h3>År</h3>{blocks["years"]}</div></div>'
            )
        return blocks

    def tasks(self, page_url: str) -> str:
        """The start page's ways in by task (`start_task` of the types and facets in
        data/), then search."""
        entries = []
        for ctype in self.index.types:
            task = ctype.start_task
            if task is not None:
                count = count_text(len(self.index.by_type[ctype.id]), ctype.count_nouns)
                entries.append(f'<li class="loft-task"><a class="loft-task__link" href="'
                               f'{escape(relative(page_url, ctype.url))}">{escape(task.link)}</a>'
                               f'<span class="loft-task__what">{escape(task.what)} ({escape(count)})</span></li>')
        for facet in self.index.facets:
            task = facet.start_task
            if task is not None:
                what = task.what_with(len(facet.vocabulary))
                entries.append(f'<li class="loft-task"><a class="loft-task__link" href="'
                               f'{escape(relative(page_url, facet.url))}">{escape(task.link)}</a>'
                               f'<span class="loft-task__what">{escape(what)}</span></li>')
        search = search_url(page_url)
        form = (f'<form class="loft-task-search" role="search" aria-label="Sök i kunskapsbanken" '
                f'action="{escape(search)}" method="get">'
                '<label for="loft-start-search">Sök i allt material</label>'
                '<div class="loft-task-search__row"><input type="search" id="loft-start-search" name="q" '
                'autocomplete="off" spellcheck="false">'
                '<button type="submit" class="md-button md-button--primary">Sök</button></div></form>')
        return f'<nav class="loft-tasks" aria-label="Hitta material"><ul>{"".join(entries)}</ul></nav>{form}'

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


def page_trail(index: SiteIndex, page_url: str) -> list[tuple[str, str]]:
    """(name, site-relative URL) from the start page to the page itself, for
    item pages, term pages and year pages (and their later pages); else []."""
    trail = [("Start", "")]
    item = index.by_url.get(page_url)
    if item is not None:
        return trail + [(item.type.plural, item.type.url), (item.title, item.url)]
    parts = page_url.strip("/").split("/")
    if len(parts) < 2:
        return []
    for facet in index.facets:
        if parts[0] == facet.path and parts[1] in facet.vocabulary.by_id:
            term = facet.vocabulary.by_id[parts[1]]
            return trail + [(facet.title, facet.url), (term.label, facet.term_url(term.id))]
    if f"{parts[0]}/" == YEARS_URL and parts[1].isdigit():
        return trail + [("År", YEARS_URL), (parts[1], year_url(parts[1]))]
    return []


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


def file_facts(attachment) -> str:
    """"PDF, 1,2 MB, 34 sidor"."""
    parts = [attachment.format, format_size(attachment.size)]
    if attachment.pages:
        parts.append(f"{attachment.pages} {'sida' if attachment.pages == 1 else 'sidor'}")
    return ", ".join(parts)


def external_link(url: str) -> str:
    """A link to another site, its text the address itself (without https://),
    so the reader sees where it leads."""
    shown = url.removeprefix("https://").rstrip("/")
    return (f'<a class="loft-download__link loft-download__link--external" href="{escape(url)}">'
            f'{escape(shown)}<span class="loft-visually-hidden"> (extern webbplats)</span></a>')


def identifier_html(key: str, value: str) -> str:
    """An identifier as text, linked to its resolver where it has one."""
    if key == "doi":
        return f'<a href="https://doi.org/{escape(value)}">{escape(value)}</a>'
    if key == "urn_nbn":
        return f'<a href="https://urn.kb.se/resolve?urn={escape(value)}">{escape(value)}</a>'
    return escape(value)


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
