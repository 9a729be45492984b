"""The search page `sok/`: the form loft-search.js drives, with a filter
group per facet, year and type; without script, links to every listing.
The HTML is templates/search.html's."""

from __future__ import annotations

from loft.content.site_index import SiteIndex
from loft.content.urls import BUNDLE_DIR, QUERY_PARAM, SEARCH_URL, SORT_PARAM, TYPE_PARAM, YEAR_PARAM, relative, year_url
from loft.safety.templating import Templates
from loft.safety.trusted import trusted


class SearchPage:
    """The search page of one build."""

    def __init__(self, index: SiteIndex, templates: Templates | None = None):
        self.index = index
        self._html = (templates or Templates.package()).macros("search.html")

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
        here, html = SEARCH_URL, self._html
        if not self.index.items:
            # Nothing published yet: the build makes no search index (Pagefind
            # refuses an empty site), so no form and no script asking for one.
            return "# Sök\n\n" + trusted(str(html.nothing_yet())) + "\n"
        form = html.form(self.facet_groups(), here, relative(here, BUNDLE_DIR + "/"), relative(here, ""),
                         QUERY_PARAM, SORT_PARAM)
        # Markdown off: its headings stay out of the table of contents, which
        # would otherwise list headings that script hides.
        browse = [html.nojs_open(), html.nojs_note(), html.heading("Efter typ"),
                  html.links([(relative(here, t.url), t.plural) for t in self.index.types])]
        for facet in self.index.facets:
            browse += [html.heading(facet.title), f"<!-- loft:{facet.path} -->"]
        browse += [html.heading("År"), "<!-- loft:years -->", html.nojs_close()]
        script = html.script(relative(here, "assets/javascripts/loft-search.js"))
        # Every block is the core's own HTML; the <!-- loft:… --> lines are
        # filled with trusted blocks by PageRenderer.fill_blocks.
        blocks = [str(b) for b in (form, *browse, script)]
        return "# Sök\n\n" + "\n\n".join(b if b.startswith("<!-- loft:") else trusted(b) for b in blocks if b) + "\n"
