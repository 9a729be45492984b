"""Item pages as publication records, and where a page sits on the site.

An item page's source: breadcrumbs, the title as a Markdown heading, the lead,
"Ladda ner", the facts, the item's own text (the part search indexes) and the
citation. The HTML is templates/record.html's; what each piece shows is
chosen here. `page_trail` is the way from the start page to a page, for the
breadcrumbs here and on listings, the menu's section and the JSON-LD.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from loft.content.model import BasedOn, Item
from loft.content.site_index import SiteIndex
from loft.content.urls import YEARS_URL, relative, year_url
from loft.pages.wording import format_size, join_and
from loft.safety.templating import Templates
from loft.safety.trusted import trusted
from loft.search.index import SearchIndex

IDENTIFIER_LABELS = {"isbn": "ISBN", "urn_nbn": "URN:NBN", "doi": "DOI"}


class Fact(NamedTuple):
    """A row of a facts list (templates/macros.html, fact_rows): the value is
    text, or markup a template's macro made; lang: the value's language."""

    label: str
    value: Any
    lang: str | None = None


class ItemRecords:
    """Renders item pages from one SiteIndex."""

    def __init__(self, index: SiteIndex, search: SearchIndex, citations, templates: Templates):
        self.index = index
        self.search = search
        # The "Citera" section of item pages (loft.outputs.citations.Citations), or none.
        self.citations = citations
        self._html = templates.macros("record.html")
        self._shared = templates.macros("macros.html")

    def item_page(self, item: Item, body: str) -> str:
        """The whole page source of an item, as a publication record: breadcrumbs,
        title, summary, "Ladda ner" (the files, or where the work is published),
        the facts, the text and the citation."""
        search = self.search.item_markup(item, body)  # the indexed part of the page
        head = search.open + str(self._html.head(item))
        out = [trusted(self.breadcrumbs(item.url)), "", md_heading(item.title), "", trusted(head), ""]
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
        files = [(a, attachment_title(a.name), file_facts(a)) for a in item.attachments]
        return str(self._html.download(files, item.published_at))

    def facts(self, item: Item) -> str:
        """The record's facts: type, date (once), publishers, language, source, the
        series, identifiers, principles, municipalities, authors."""
        url, html = item.url, self._html
        # A retold text was not published by the site on its date: the date is the
        # original's (or the site's filing date), so it is labelled neutrally.
        date_label = "Datum" if item.based_on else "Publicerad"
        rows = [Fact("Typ", html.link(relative(url, item.type.url), item.type.label)),
                Fact(date_label, html.date(item.date))]
        record = getattr(self.index, "record", None)
        if item.publishers and record is not None:
            names = [record.publishers.by_id[p].label for p in item.publishers]
            rows.append(Fact("Utgivare", join_and(names)))
        if record is not None and item.language in record.languages.by_id:
            rows.append(Fact("Språk", record.languages.by_id[item.language].label))
        if item.based_on:
            rows.append(Fact("Källa", html.based_on(item.based_on, join_and(item.based_on.authors))))
        series = self.index.series(item)
        if len(series) > 1:
            rows.append(Fact("Del", html.series(url, series, series.index(item))))
        for key, value in item.identifiers.items():
            rows.append(Fact(IDENTIFIER_LABELS[key], html.identifier(key, value)))
        for facet in self.index.facets:
            terms = [(relative(url, facet.term_url(t.id)), t) for t in item.terms(facet)]
            if terms:
                rows.append(Fact(facet.item_heading, html.tags(facet, terms)))
        if item.authors:
            rows.append(Fact("Författare", ", ".join(item.authors)))
        return str(html.facts(rows))

    def breadcrumbs(self, page_url: str) -> str:
        """"Du är här": the way from the start page to the page's section (the
        page itself is the H1 right below)."""
        trail = page_trail(self.index, page_url)[:-1]
        return str(self._shared.breadcrumbs([(relative(page_url, target), name) for name, target in trail]))


def based_on_html(source: BasedOn, templates: Templates | None = None) -> str:
    """The original an item retells, as one escaped line of the facts block:
    <cite>Title</cite> av A, B och C (Publisher, date), linked when its address is known."""
    macros = (templates or Templates.package()).macros("record.html")
    return str(macros.based_on(source, join_and(source.authors)))


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


def file_facts(attachment) -> str:
    """"PDF, 1,2 MB, 34 sidor"."""
    parts = [attachment.format, format_size(attachment.size)]
    if attachment.pages:
        parts.append(f"{attachment.pages} {'sida' if attachment.pages == 1 else 'sidor'}")
    return ", ".join(parts)


def attachment_title(name: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    text = stem.replace("-", " ").replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else name


def md_heading(text: str) -> str:
    """The page's H1 as a Markdown heading whose text is plain text: every ASCII
    punctuation mark becomes a character reference, so no Markdown, HTML or
    attribute list can form ("[x](…)" and "T {: onclick=… }" stay what they say),
    while the table of contents, the heading's id and the skip link work as for
    any heading."""
    return "# " + "".join(f"&#{ord(c)};" if c in _PUNCTUATION else c for c in " ".join(text.split()))


_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
