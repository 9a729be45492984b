"""The search page `sok/`: the form loft-search.js drives, with a filter
group per facet, year and type; without script, links to every listing."""

from __future__ import annotations

from html import escape

from loft.content.site_index import SiteIndex
from loft.content.urls import BUNDLE_DIR, QUERY_PARAM, SEARCH_URL, SORT_PARAM, TYPE_PARAM, YEAR_PARAM, relative, year_url
from loft.safety.trusted import trusted


class SearchPage:
    """The search page of one build."""

    def __init__(self, index: SiteIndex):
        self.index = index

    def facet_groups(self) -> list[dict]:
        """The filter groups of the search page, options in their stable order:
        every facet in vocabulary order, then years newest first, then types."""
        groups = []
        for facet in self.index.facets:
            groups.append({
                "param": facet.path, "title": facet.title, "singular": facet.singular, "tags": True,
                "options": [(t.id, t.label, facet.term_url(t.id), [str(n) for n in t.names()])
                            for t in facet.vocabulary],
            })
        groups.append({
            "param": YEAR_PARAM, "title": "År", "singular": "år", "tags": False,
            "options": [(str(y), str(y), year_url(y), [str(y)]) for y in self.index.years],
        })
        groups.append({
            "param": TYPE_PARAM, "title": "Typ", "singular": "typ", "tags": False,
            "options": [(t.id, t.label, t.url, [t.id, t.label, t.plural]) for t in self.index.types],
        })
        return groups

    def page_markdown(self) -> str:
        """Source of sok/: the search form driven by loft-search.js; without
        script, links to every static listing instead."""
        here = SEARCH_URL
        fieldsets = []
        for group in self.facet_groups():
            param = group["param"]
            options = []
            for value, label, url, names in group["options"]:
                box_id = escape(f"loft-filter-{param}-{value}")
                options.append(
                    f'<li><input type="checkbox" id="{box_id}" name="{escape(param)}" value="{escape(value)}"'
                    f' data-label="{escape(label)}" data-url="{escape(relative(here, url))}"'
                    f' data-names="{escape("|".join(names))}">'
                    f'<label for="{box_id}">{escape(label)} <span class="loft-search__count"></span></label></li>'
                )
            fieldsets.append(
                f'<fieldset class="loft-search__facet" data-param="{escape(param)}"'
                f'{" data-tags" if group["tags"] else ""}'
                f' data-singular="{escape(group["singular"])}"><legend>{escape(group["title"])}</legend>'
                f'<ul>{"".join(options)}</ul></fieldset>'
            )
        form = (
            f'<form class="loft-search" id="loft-search" role="search" aria-label="Sök i kunskapsbanken" hidden'
            f' data-bundle="{relative(here, BUNDLE_DIR + "/")}" data-root="{relative(here, "")}">'
            '<div class="loft-search__query">'
            '<label for="loft-search-q">Sökord</label>'
            f'<input type="search" id="loft-search-q" name="{QUERY_PARAM}" autocomplete="off" spellcheck="false"'
            ' aria-describedby="loft-search-help">'
            '<button type="submit" class="md-button md-button--primary">Sök</button>'
            '<p id="loft-search-help" class="loft-search__help">Sök på ord i titel och text, på principer och '
            'kommuner. Böjda former hittas också: ”kommunerna” hittar ”kommun”.</p>'
            '</div>'
            '<div class="loft-search__suggest" id="loft-search-suggest" hidden></div>'
            '<div class="loft-search__layout">'
            # Filters behind a disclosure: closed on phones (results come first), open
            # as a sidebar on wide screens (loft-search.js sets it from the width).
            '<details class="loft-search__filters" id="loft-search-filters" open>'
            '<summary class="loft-search__filters-summary">Filtrera '
            '<span id="loft-search-chosen">(0 valda)</span></summary>'
            '<p><a class="loft-search__skip" href="#loft-search-heading">Hoppa förbi filtren till träffarna</a></p>'
            '<p class="loft-search__help">Välj ett eller flera värden. Siffran visar hur många träffar '
            'valet skulle ge tillsammans med dina övriga val.</p>'
            + "".join(fieldsets)
            + '<button type="button" class="md-button" id="loft-search-clear">Rensa sökning och filter</button>'
            '</details>'
            '<div class="loft-search__results"><h2 id="loft-search-heading" tabindex="-1">Träffar</h2>'
            '<fieldset class="loft-search__sort"><legend>Sortera</legend>'
            f'<input type="radio" id="loft-sort-relevans" name="{SORT_PARAM}" value="relevans" checked>'
            '<label for="loft-sort-relevans">Bäst matchning först</label> '
            f'<input type="radio" id="loft-sort-nyast" name="{SORT_PARAM}" value="nyast">'
            '<label for="loft-sort-nyast">Nyast först</label>'
            '<span class="loft-search__sort-note" id="loft-sort-note" hidden> (utan sökord: nyast först)</span>'
            '</fieldset>'
            '<p class="loft-search__status" id="loft-search-status" role="status" aria-live="polite"></p>'
            '<ol class="loft-cards loft-search__list" id="loft-search-list" aria-labelledby="loft-search-heading"></ol>'
            '<button type="button" class="md-button" id="loft-search-more" hidden>Visa fler träffar</button>'
            '</div></div></form>'
        )
        type_links = "".join(
            f'<li><a href="{escape(relative(here, t.url))}">{escape(t.plural)}</a></li>' for t in self.index.types
        )
        # Raw HTML, Markdown off: its headings stay out of the table of contents,
        # which would otherwise list headings that script hides.
        browse = [
            '<div class="loft-search-nojs" id="loft-search-nojs">',
            "",
            '<p class="loft-search-nojs__note">Sökfunktionen behöver JavaScript, som är avstängt eller inte '
            'kunde laddas i din webbläsare. Allt material finns också i listorna nedan.</p>',
            "",
            "<h2>Efter typ</h2>",
            "",
            f'<ul class="loft-term-links">{type_links}</ul>',
            "",
        ]
        for facet in self.index.facets:
            browse += [f"<h2>{escape(facet.title)}</h2>", "", f"<!-- loft:{facet.path} -->", ""]
        browse += ["<h2>År</h2>", "", "<!-- loft:years -->", "", "</div>"]
        script = relative(here, "assets/javascripts/loft-search.js")
        # Every block is the core's own HTML; the <!-- loft:… --> lines are
        # filled with trusted blocks by PageRenderer.fill_blocks.
        blocks = [form, *browse, f'<script type="module" src="{script}"></script>']
        return "# Sök\n\n" + "\n\n".join(b if b.startswith("<!-- loft:") else trusted(b) for b in blocks if b) + "\n"
