"""One build of the site, as the adapters see it.

SiteBuild loads the project, validates every item (raising ContentError with
all problems), builds the one SiteIndex and answers the adapter's questions:
which pages to generate, what each page's source is, which extra files to write.
"""

from __future__ import annotations

from functools import cached_property

from dataclasses import dataclass, field
from pathlib import Path

from loft.safety import csp
from loft.safety import sanitizer
from loft.pages.keys import page_digest
from loft.outputs.catalogue import render_catalogue
from loft.pages.listings import DEFAULT_PAGE_SIZE, Listing, Overview, all_listings, all_overviews
from loft.outputs.machine_readable import MachineReadable
from loft.safety.inputs import DOCS_DIR, check_inputs, check_texts
from loft.safety.item_links import ItemAddresses, link_problems
from loft.content import frontmatter
from loft.content.model import Item
from loft.content.validated import ValidatedText, plain_values
from loft.pages.renderer import PageRenderer
from loft.pages.wording import count_text
from loft.content.problems import ContentError, Problem
from loft.content.project import Project
from loft.pages.redirects import redirect_files, redirect_problems, site_page_urls
from loft.search.compounds import Compounds
from loft.search.index import SearchIndex
from loft.search.page import SearchPage
from loft.content.site_index import SiteIndex
from loft.safety.templating import Templates
from loft.safety.trusted import compose, finish
from loft.content.text import has_markup
from loft.content.urls import CATALOGUE_PATH, SEARCH_SRC_URI, SEARCH_URL, page_url

# Generated pages start as this placeholder; their source is rendered when MkDocs
# asks for the page's Markdown, so the sources are never all in memory at once.
PLACEHOLDER = "<!-- genereras av loft -->\n"


@dataclass
class SiteBuild:
    """One build of the site: the checked content, its index, and the parts
    that render pages and files from it (assembled in `create`)."""

    project: Project
    index: SiteIndex
    search: SearchIndex  # what item pages tell Pagefind
    renderer: PageRenderer  # page sources: items, listings, overviews, start page
    machine: MachineReadable  # feeds, citations, open data, head metadata
    preview: bool = False
    hidden: list[Item] = field(default_factory=list)  # drafts left out of this build
    listings: dict[str, Listing] = field(default_factory=dict)
    overviews: dict[str, Overview] = field(default_factory=dict)
    # Filled while the engine converts pages: src_uri -> what page_html needs.
    pending: dict[str, _Pending] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # found in converted pages
    # src_uri -> (written, page text), rendered by page_key and used once by mkdocs_markdown.
    rendered: dict[str, tuple] = field(default_factory=dict)
    _metadata_digest: str | None = None

    @classmethod
    def create(cls, root: Path | str, preview: bool = False,
               page_size: int = DEFAULT_PAGE_SIZE, site_url: str | None = None,
               site_name: str = "LOFT kunskapsbank") -> SiteBuild:
        project = Project.load(root)
        items, problems = check_inputs(project, texts=False)  # the same check as `loft check`
        compounds = Compounds(project.data.compounds.parts)
        if problems:
            # The engine's pages are never converted now: check the texts here,
            # so that one report holds every problem, as loft check's does.
            raise ContentError(problems + check_texts(project, problems, items=items))
        # Drafts are shown in the preview (mkdocs serve) and nowhere in a build.
        visible = items if preview else [i for i in items if not i.draft]
        index = SiteIndex(visible, project.types, project.facets, project.record)
        # Drafts by flag, not `i not in visible`: list membership made this quadratic.
        hidden = [] if preview else [i for i in items if i.draft]
        listings = {l.src_uri: l for l in all_listings(index, page_size)}
        overviews = {o.src_uri: o for o in all_overviews(index)}
        # Old addresses (redirect_from) may not be pages the site still has.
        taken = {i.url for i in items} | {l.url for l in listings.values()} | {
            o.url for o in overviews.values()} | {SEARCH_URL} | site_page_urls(project.root)
        redirect_errors = redirect_problems(items, taken)
        if redirect_errors:
            raise ContentError(redirect_errors)
        search = SearchIndex(index, compounds)
        # Feeds, citations, open data and page metadata (loft/outputs/machine_readable.py).
        machine = MachineReadable(project, index, listings, overviews, site_url, site_name)
        renderer = PageRenderer(index, search, citations=machine.citations,
                                templates=Templates.for_project(project.root))
        return cls(project, index, search, renderer, machine, preview, hidden=hidden,
                   listings=listings, overviews=overviews)

    def generated_pages(self) -> list[str]:
        """src_uri of every listing and overview page, and of the search page."""
        return [*self.overviews, *self.listings, SEARCH_SRC_URI]

    def page_source(self, src_uri: str) -> str:
        return PLACEHOLDER

    def item(self, src_uri: str) -> Item | None:
        return self.index.by_src_uri.get(src_uri)

    # --- page sources -----------------------------------------------------
    def written(self, src_uri: str) -> _Written | None:
        """The editor-written text of an item or a site page, split by the core
        (never by the engine: the text published is the text validated, as
        validation read it; the file is not read again)."""
        own = self._own_file(src_uri)
        if own is None:
            return None
        path, display = own
        validated = self._validated(path)
        if validated is not None:
            return _Written(display, validated.body, validated.body_line, validated.meta)
        # Not kept by the check (a site page whose values do not construct): read as before.
        text = path.read_text(encoding="utf-8-sig")
        front, _ = frontmatter.read(text, display, required=False)
        if front is None:  # no front matter (validated items always have one)
            return _Written(display, text, 1, {})
        return _Written(display, front.body, front.body_line, plain_values(front.fields))

    def _own_file(self, src_uri: str) -> tuple[Path, str] | None:
        """(path, path for messages) of the file an item or site page is written in;
        None for the pages the core generates."""
        item = self.index.by_src_uri.get(src_uri)
        if item is not None:
            return item.source_path, item.source
        if src_uri in self.listings or src_uri in self.overviews or src_uri == SEARCH_SRC_URI:
            return None
        return self.project.root / DOCS_DIR / src_uri, f"{DOCS_DIR}/{src_uri}"

    def _validated(self, path: Path) -> ValidatedText | None:
        validated = self.project.validated.get(path)
        return validated if validated is not None and validated.meta is not None else None

    def page_meta(self, src_uri: str, written: _Written | None = None) -> dict:
        """The page's metadata for the theme; the title always from the core."""
        listing = self.listings.get(src_uri)
        if listing is not None:
            return {"title": self.renderer.listing_title(listing)}
        overview = self.overviews.get(src_uri)
        if overview is not None:
            return {"title": overview.title}
        if src_uri == SEARCH_SRC_URI:  # filters and results use the whole width
            return {"title": "Sök", "hide": ["toc"]}
        written = written or self.written(src_uri)
        meta = dict(written.meta) if written else {}
        item = self.index.by_src_uri.get(src_uri)
        if item is not None:
            meta["title"] = item.title
        return meta

    def page_meta_for_theme(self, src_uri: str, written: _Written | None = None) -> dict:
        """page_meta with a title the theme can print as it is: validation keeps
        markup out of every title, and this is the last guard should it ever fail."""
        meta = self.page_meta(src_uri, written)
        if has_markup(str(meta.get("title", ""))):
            meta["title"] = str(meta["title"]).replace("<", "‹").replace(">", "›").replace("&", "＆")
        return meta

    def page_text(self, src_uri: str, body: str | None = None) -> str:
        """The page's Markdown, the core's own blocks wrapped as trusted; body:
        the editor-written text, read from the file when not given."""
        if body is None:
            written = self.written(src_uri)
            body = written.body if written is not None else ""
        item = self.index.by_src_uri.get(src_uri)
        if item is not None:
            return self.renderer.item_page(item, body)
        listing = self.listings.get(src_uri)
        if listing is not None:
            return self.renderer.listing_page(listing)
        overview = self.overviews.get(src_uri)
        if overview is not None:
            return self.renderer.overview_page(overview)
        if src_uri == SEARCH_SRC_URI:
            return self.renderer.fill_blocks(page_url(src_uri),
                                             SearchPage(self.index, self.renderer.templates).page_markdown())
        return self.renderer.fill_blocks(page_url(src_uri), body)

    def page_markdown(self, src_uri: str, body: str | None = None) -> str:
        """The page's source as one text, the core's HTML in place: what the
        pages say, readable and testable without an engine. (A builder without
        hooks gets the finished, sanitized pages from `loft export` instead.)"""
        return compose(self.page_text(src_uri, body)).inline()

    def metadata_digest(self) -> str:
        """A digest of every item's metadata (all that listings, overviews and the
        start page's blocks show of an item), computed once per build."""
        if self._metadata_digest is None:
            self._metadata_digest = page_digest(repr(self.preview), *(repr(i) for i in self.index.items))
        return self._metadata_digest

    def page_key(self, src_uri: str, site_inputs: str, memo: dict | None = None) -> str:
        """A digest of everything the page's HTML is made from (loft/pages/keys.py):
        its source as rendered now, its metadata and update date, and the site's
        inputs. The rendered source is kept for mkdocs_markdown.

        memo (kept by the caller between builds): src_uri -> (inputs, key). A page
        is rendered only when its inputs changed: its own file, any item's
        metadata or the site's inputs; an edit to one item's text renders one page."""
        own = self._own_file(src_uri)
        validated = self._validated(own[0]) if own is not None else None
        # Its own file as validated (what written() publishes), else as it is now.
        own_text = (validated.text if validated is not None else
                    own[0].read_bytes().decode("utf-8", "surrogateescape") if own is not None else "")
        inputs = page_digest(site_inputs, self.metadata_digest(), own_text)
        if memo is not None and src_uri in memo and memo[src_uri][0] == inputs:
            return memo[src_uri][1]
        written = self.written(src_uri)
        text = self.page_text(src_uri, written.body if written else None)
        self.rendered[src_uri] = (written, text)
        meta = self.page_meta(src_uri, written)
        key = page_digest(site_inputs, text, repr(sorted(meta.items(), key=lambda kv: kv[0])),
                          self.machine.page_date(src_uri))
        if memo is not None:
            memo[src_uri] = (inputs, key)
        return key

    def mkdocs_markdown(self, src_uri: str, markdown: str = "") -> str:
        """What the engine converts: the page's Markdown with the core's blocks
        as markers (loft/safety/trusted.py), put back by page_html."""
        if src_uri in self.rendered:  # rendered for its key in this build
            written, text = self.rendered.pop(src_uri)
        else:
            written = self.written(src_uri)
            text = self.page_text(src_uri, written.body if written else None)
        source = compose(text)
        self.pending[src_uri] = _Pending(written, source.blocks)
        return source.markdown

    @cached_property
    def addresses(self) -> ItemAddresses:
        """Every item, drafts left out of this build too (a link to one is named)."""
        return ItemAddresses([*self.index.items, *self.hidden], self.project.types)

    def page_html(self, src_uri: str, html: str) -> str:
        """The converted page: every stretch the editor wrote sanitized, what
        sanitizing removed recorded as problems, the core's blocks back."""
        pending = self.pending.pop(src_uri, None)
        if pending is None:
            return sanitizer.sanitize(html)
        written = pending.written
        path = written.path if written else src_uri
        source, first_line = (written.body, written.body_line) if written else ("", 1)

        item = self.index.by_src_uri.get(src_uri)

        def clean(part: str) -> str:
            cleaned = sanitizer.sanitize(part)
            # A stretch that sanitizing left as it was lost nothing to report
            # (most do); only a changed one is walked to tell the editor what went.
            if cleaned != part:
                self.problems.extend(sanitizer.html_problems(path, source, first_line, part))
            if item is not None:
                self.problems.extend(link_problems(item, cleaned, source, first_line, self.addresses))
            return cleaned

        html, lost = finish(html, pending.blocks, clean)
        if lost:
            self.problems.append(Problem(path, None, None, "text", sanitizer.LOST_BLOCK))
        return html

    def head_html(self, src_uri: str, info=None) -> str:
        """Extra <head> markup for the page at src_uri (metadata, feeds);
        info: the page's PageInfo from machine.page_info, when the adapter has it."""
        return self.machine.head_html(src_uri, info)

    def extra_files(self) -> dict[str, str]:
        """Files written beside the pages after the build (site-relative path -> text)."""
        files = {CATALOGUE_PATH: render_catalogue(self.index)}
        files.update(self.machine.extra_files())
        files.update(redirect_files(self.index.items, self.machine.meta.link, self.machine.meta.site_name))
        # Generated HTML (redirect pages) carries the same policy as every page.
        return {path: csp.apply(text) if path.endswith(".html") else text for path, text in files.items()}

    def summary(self) -> str:
        parts = [count_text(len(self.index.by_type[t.id]), t.count_nouns) for t in self.project.types]
        drafts = sum(1 for i in self.index.items if i.draft)
        note = f" ({drafts} utkast i förhandsgranskningen)" if drafts else ""
        return (f"LOFT: {len(self.index)} objekt: {', '.join(parts)}{note}; "
                f"{len(self.listings) + len(self.overviews)} listningssidor.")



@dataclass(frozen=True)
class _Written:
    path: str  # from the repository root, for messages
    body: str
    body_line: int  # line of the file where body starts
    meta: dict


@dataclass(frozen=True)
class _Pending:
    written: _Written | None
    blocks: list[str]
