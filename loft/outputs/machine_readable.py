"""The machine-readable side of one build, as SiteBuild and the adapter see it.

Feeds, citations, open data, per-page <head> metadata and the sitemap's
entries, all computed from the build's one SiteIndex. Nothing here reads the
clock: the same sources give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from loft.outputs.citations import Citations
from loft.outputs.feeds import render_feeds
from loft.outputs.head import PageHead, PageInfo
from loft.pages.listings import Listing, Overview
from loft.content.metadata import SiteMetadata
from loft.outputs.open_data import render_open_data
from loft.content.project import Project
from loft.safety.templating import Templates
from loft.content.site_index import SiteIndex

# A page's update date when no item dates it (the site is empty): fixed, not the build time.
UNDATED = "2000-01-01"


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None


class MachineReadable:
    def __init__(self, project: Project, index: SiteIndex, listings: dict[str, Listing],
                 overviews: dict[str, Overview], site_url: str | None = None,
                 site_name: str = "LOFT kunskapsbank"):
        self.index = index
        self.meta = SiteMetadata.of(project.data.metadata, site_url, site_name)
        self.citations = Citations(index, self.meta, Templates.for_project(project.root))
        self.head = PageHead(index, listings, overviews, self.meta, self.citations)
        newest = next((i for i in index.items if not i.draft), None)
        self._site_date = _full_date(newest) if newest else UNDATED

    def page_info(self, src_uri: str, title: str = "", markdown: str = "",
                  description: str | None = None) -> PageInfo:
        return self.head.info(src_uri, title, markdown, description)

    def head_html(self, src_uri: str, info: PageInfo | None = None) -> str:
        return self.head.html(info or self.head.info(src_uri))

    def extra_files(self) -> dict[str, str]:
        """Feeds, citation downloads, the catalogue's schema and DCAT description."""
        return {**render_feeds(self.index, self.meta), **self.citations.files(),
                **render_open_data(self.index, self.meta)}

    def page_date(self, src_uri: str) -> str:
        """A stable YYYY-MM-DD for the page (the theme's update date): the item's
        date, else the newest item's; partial dates fall on their first day."""
        item = self.index.by_src_uri.get(src_uri)
        return _full_date(item) if item is not None else self._site_date

    def sitemap(self, pages: Iterable[tuple[str, str]]) -> list[SitemapEntry]:
        """Sitemap entries of the built pages, given as (src_uri, url), sorted by
        address. An item's lastmod is its date; other pages have none (a build
        date would change every build and say nothing)."""
        entries = []
        for src_uri, url in pages:
            item = self.index.by_src_uri.get(src_uri)
            if item is not None and item.draft:
                continue
            loc = self.meta.absolute(url) or url or "./"
            entries.append(SitemapEntry(loc, item.date.iso if item is not None else None))
        return sorted(entries, key=lambda e: e.loc)


def _full_date(item) -> str:
    date = item.date
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}"
