"""One build of the site, as the adapters see it.

SiteBuild loads the project, validates every item (raising ContentError with
all problems), builds the one SiteIndex and answers the adapter's questions:
which pages to generate, what each page's source is, which extra files to write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import CATALOGUE_PATH, render_catalogue
from .deferred_html import defer, restore
from .listings import DEFAULT_PAGE_SIZE, Listing, Overview, all_listings, all_overviews
from .machine_readable import MachineReadable
from .inputs import check_inputs
from .model import Item
from .pages import PageRenderer, count_text
from .problems import ContentError
from .project import Project
from .search import SEARCH_SRC_URI, Compounds, SiteSearch
from .site_index import SiteIndex
from .urls import page_url

# Generated pages start as this placeholder; their source is rendered when MkDocs
# asks for the page's Markdown, so the sources are never all in memory at once.
PLACEHOLDER = "<!-- genereras av loft -->\n"


@dataclass
class SiteBuild:
    project: Project
    index: SiteIndex
    preview: bool = False
    hidden: list[Item] = field(default_factory=list)  # drafts left out of this build
    listings: dict[str, Listing] = field(default_factory=dict)
    overviews: dict[str, Overview] = field(default_factory=dict)
    deferred: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> HTML blocks

    @classmethod
    def create(cls, root: Path | str, preview: bool = False,
               page_size: int = DEFAULT_PAGE_SIZE, site_url: str | None = None,
               site_name: str = "LOFT kunskapsbank") -> SiteBuild:
        project = Project.load(root)
        items, problems = check_inputs(project)  # the same check as `loft check`
        compounds, compound_problems = Compounds.load(project.root)
        problems += compound_problems
        if problems:
            raise ContentError(problems)
        # Drafts are shown in the preview (mkdocs serve) and nowhere in a build.
        visible = items if preview else [i for i in items if not i.draft]
        index = SiteIndex(visible, project.types, project.facets)
        # Drafts by flag, not `i not in visible`: list membership made this quadratic.
        hidden = [] if preview else [i for i in items if i.draft]
        build = cls(project, index, preview, hidden=hidden)
        build.listings = {l.src_uri: l for l in all_listings(index, page_size)}
        build.overviews = {o.src_uri: o for o in all_overviews(index)}
        build.search = SiteSearch(index, compounds)
        build.renderer = PageRenderer(index, build.search)
        # Feeds, citations, open data and page metadata (loft/machine_readable.py).
        build.machine = MachineReadable(project, index, build.listings, build.overviews, site_url, site_name)
        build.renderer.citations = build.machine.citations
        return build

    def generated_pages(self) -> list[str]:
        """src_uri of every listing and overview page, and of the search page."""
        return [*self.overviews, *self.listings, SEARCH_SRC_URI]

    def page_source(self, src_uri: str) -> str:
        return PLACEHOLDER

    def item(self, src_uri: str) -> Item | None:
        return self.index.by_src_uri.get(src_uri)

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """The Markdown MkDocs should render for the page at src_uri."""
        item = self.index.by_src_uri.get(src_uri)
        if item is not None:
            return self.renderer.item_page(item, markdown)
        listing = self.listings.get(src_uri)
        if listing is not None:
            return self.renderer.listing_page(listing)
        overview = self.overviews.get(src_uri)
        if overview is not None:
            return self.renderer.overview_page(overview)
        if src_uri == SEARCH_SRC_URI:
            return self.renderer.fill_blocks(page_url(src_uri), self.search.page_markdown())
        return self.renderer.fill_blocks(page_url(src_uri), markdown)

    def mkdocs_markdown(self, src_uri: str, markdown: str) -> str:
        """page_markdown for the converter: generated pages' large HTML blocks are
        deferred (loft/deferred_html.py) and put back by page_html."""
        text = self.page_markdown(src_uri, markdown)
        if src_uri in self.listings or src_uri in self.overviews:
            text, self.deferred[src_uri] = defer(text)
        return text

    def page_html(self, src_uri: str, html: str) -> str:
        """The converted page with its deferred HTML blocks back in place."""
        deferred = self.deferred.pop(src_uri, None)
        return restore(html, deferred) if deferred else html

    def head_html(self, src_uri: str, info=None) -> str:
        """Extra <head> markup for the page at src_uri (metadata, feeds);
        info: the page's PageInfo from machine.page_info, when the adapter has it."""
        return self.machine.head_html(src_uri, info)

    def extra_files(self) -> dict[str, str]:
        """Files written beside the pages after the build (site-relative path -> text)."""
        files = {CATALOGUE_PATH: render_catalogue(self.index)}
        files.update(self.machine.extra_files())
        return files

    def summary(self) -> str:
        parts = [count_text(len(self.index.by_type[t.id]), t.count_nouns) for t in self.project.types]
        drafts = sum(1 for i in self.index.items if i.draft)
        note = f" ({drafts} utkast i förhandsgranskningen)" if drafts else ""
        return (f"LOFT: {len(self.index)} objekt: {', '.join(parts)}{note}; "
                f"{len(self.listings) + len(self.overviews)} listningssidor.")

