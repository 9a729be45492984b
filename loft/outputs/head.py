"""What goes into each page's <head> besides the theme's own tags.

- a description of the page itself (items: the summary; listings: the intro or
  a generated sentence; hand-written pages: their `description` or first
  paragraph), which the adapter hands to the theme's <meta name="description">;
- Open Graph tags (og:url only when the site's address is known);
- feed autodiscovery: the site's feed on every page, a listing's own feed on
  every page of that listing;
- on item pages: schema.org JSON-LD and, for reports, Google Scholar's tags.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from html import escape

from loft.outputs.citations import Citations
from loft.content.urls import FEED_MEDIA_TYPE, feed_url
from loft.pages.listings import Listing, ListingKind, Overview
from loft.content.metadata import SiteMetadata
from loft.content.model import Item
from loft.pages.wording import count_text
from loft.content.site_index import SiteIndex
from loft.pages.records import page_trail
from loft.outputs.structured_data import StructuredData, jsonld_script
from loft.content.urls import page_url, relative

MAX_DESCRIPTION = 300
_PLACEHOLDER = " …"  # after a shortened description
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)")
_NOT_PROSE = ("#", "<", "|", "-", "*", "+", ">", "!!!", "???", ":::", "```", "~~~", "[", "{", "---")


@dataclass(frozen=True)
class PageInfo:
    url: str  # site-relative
    title: str
    description: str
    item: Item | None = None
    feed_url: str | None = None  # the feed of the listing this page belongs to
    feed_title: str = ""
    listing: Listing | None = None

    @property
    def escaped_description(self) -> str:
        """For the theme's <meta name="description" content="...">, which MkDocs'
        Jinja (no autoescape) prints as it is."""
        return escape(self.description)


class PageHead:
    def __init__(self, index: SiteIndex, listings: dict[str, Listing], overviews: dict[str, Overview],
                 meta: SiteMetadata, citations: Citations):
        self.index, self.listings, self.overviews = index, listings, overviews
        self.meta, self.citations = meta, citations
        self.jsonld = StructuredData(meta)  # what pages share, made once
        # The first Open Graph tags, the same on every page but for og:type (by: is it an item?).
        self._site_tags = {is_item: "\n".join([_meta("property", "og:type", "article" if is_item else "website"),
                                               _meta("property", "og:site_name", meta.site_name),
                                               _meta("property", "og:locale", "sv_SE")])
                           for is_item in (False, True)}

    # --- what the page is -----------------------------------------------------
    def info(self, src_uri: str, title: str = "", markdown: str = "",
             description: str | None = None) -> PageInfo:
        url = page_url(src_uri)
        item = self.index.by_src_uri.get(src_uri)
        if item is not None:
            text = item.summary or first_paragraph(markdown) or f"{item.type.label}, {item.date.swedish}."
            return PageInfo(url, item.title, shorten(text), item=item)
        listing = self.listings.get(src_uri)
        if listing is not None:
            return PageInfo(url, _listing_title(listing), shorten(self._listing_description(listing)),
                            feed_url=listing.feed_url, feed_title=listing.title, listing=listing)
        overview = self.overviews.get(src_uri)
        if overview is not None:
            text = first_paragraph(overview.intro) or f"{overview.title} i {self.meta.site_name}."
            return PageInfo(url, overview.title, shorten(text))
        text = description or first_paragraph(markdown) or f"{title} – {self.meta.site_name}."
        return PageInfo(url, title or self.meta.site_name, shorten(text))

    def _listing_description(self, listing: Listing) -> str:
        count = count_text(listing.total)
        site = self.meta.site_name
        if listing.kind is ListingKind.TYPE:
            text = first_paragraph(listing.intro) or f"{listing.title} i {site}."
        elif listing.kind is ListingKind.TERM:
            summary = listing.term.get("summary") if listing.term is not None else None
            text = (" ".join(str(summary).split()) if summary
                    else f"Publicerat material om {listing.title} i {site}: {count}, nyast först.")
        else:
            text = f"Material som publicerades {listing.year} i {site}: {count}, nyast först."
        if listing.pages > 1:
            text += f" Sida {listing.page} av {listing.pages}."
        return text

    # --- the markup -------------------------------------------------------------
    def html(self, info: PageInfo) -> str:
        tags = [
            self._site_tags[info.item is not None],
            _meta("property", "og:title", info.title),
            _meta("property", "og:description", info.description),
        ]
        absolute = self.meta.absolute(info.url)
        if absolute:
            tags.append(_meta("property", "og:url", absolute))
        tags.append(self._feed_link(info.url, feed_url(), self.meta.site_name))
        if info.feed_url:
            tags.append(self._feed_link(info.url, info.feed_url, f"{info.feed_title} – {self.meta.site_name}"))
        trail = page_trail(self.index, info.url)
        if trail:
            tags.append(jsonld_script(self.jsonld.breadcrumb(trail)))
        if info.item is not None:
            tags += [_meta("name", name, content) for name, content in self.citations.scholar_tags(info.item)]
            tags.append(jsonld_script(self.jsonld.item(info.item, self.index)))
        elif info.listing is not None:
            listing = info.listing
            about = (self.jsonld.term(listing.term, listing.facet)
                     if listing.term is not None and listing.facet is not None else None)
            tags.append(jsonld_script(self.jsonld.page("CollectionPage", info.title, info.description,
                                                       info.url, about)))
        elif info.url == "":
            tags.append(jsonld_script(self.jsonld.page("WebSite", info.title, info.description, "")))
        return "\n".join(tags)

    def _feed_link(self, here: str, feed: str, title: str) -> str:
        # "alternate feed", not plain "alternate": feed readers match the token
        # "alternate" (rel is a token list), but Material's script fetches
        # sitemap.xml beside every link[rel=alternate] on each page load (meant
        # for language versions; zensical/zensical#908): the whole sitemap,
        # 1.3 MiB at 10,000 items, for the site feed, and a 404 for the others.
        return (f'<link rel="alternate feed" type="{FEED_MEDIA_TYPE}" title="{escape(title)}" '
                f'href="{escape(relative(here, feed))}">')


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{escape(content)}">'


def _listing_title(listing: Listing) -> str:
    if listing.pages > 1:
        return f"{listing.title} – sida {listing.page} av {listing.pages}"
    return listing.title



def first_paragraph(markdown: str) -> str:
    """The first paragraph of prose in Markdown, as plain text ("" if none)."""
    for block in re.split(r"\n\s*\n", markdown or ""):
        block = block.strip()
        if not block or block.startswith(_NOT_PROSE) or re.match(r"\d+\.\s", block):
            continue
        text = _LINK.sub(r"\1", block)
        text = _EMPHASIS.sub("", _TAG.sub("", text))
        text = " ".join(text.split())
        if text:
            return text
    return ""


def shorten(text: str, width: int = MAX_DESCRIPTION) -> str:
    """At most `width` characters, cut between words."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    # textwrap splits the whole text into words, but its line ends at the first
    # word that does not fit, which ends by the first space after `width` (the
    # text's only whitespace now): what follows that space changes nothing but
    # the time, which grows with the text (summaries run to pages).
    end = text.find(" ", width + 1)
    text = text if end == -1 else text[:end]
    if "-" not in text and max(map(len, text.split(" "))) <= width:
        # Without hyphens (textwrap breaks after them) and words too long for a
        # line (it breaks those), textwrap's words are the words between the
        # spaces, and its line keeps those that end, with the placeholder after
        # them, within `width`: what this gives, without its regular expression.
        cut = text.rfind(" ", 0, width - len(_PLACEHOLDER) + 1)
        return text[:cut] + _PLACEHOLDER if cut > 0 else _PLACEHOLDER.lstrip()
    return textwrap.shorten(text, width=width, placeholder=_PLACEHOLDER)
