"""MkDocs hooks: a thin adapter between MkDocs events and the loft core.

The core (package `loft`) knows nothing of MkDocs. Here we only
- load the project and validate all content (on_files), failing the build
  with every problem at once (PluginError, so plain `mkdocs build` fails too);
- hand MkDocs the pages the core generates, as real files (File.generated);
- swap in the page sources the core renders (on_page_markdown): the text it
  validated, never the engine's own split of the file, and its own titles;
- sanitize what editors wrote and put the core's blocks back (on_page_content),
  failing the build with every problem found (on_env, before anything is written);
- put the Content-Security-Policy into every page (on_post_page, on_post_template);
- write the catalogue and run Pagefind after the build (on_post_build);
- in the preview (mkdocs serve) never fail on content: show every problem on one
  Swedish page instead, so the server never hangs (loft/editor/preview.py).
- in the preview (`serve --dirty`, as `make serve` runs it), rebuild only the
  pages whose content key changed (loft/pages/keys.py) and do the catalogue,
  feeds and Pagefind after the page is served (on_files, on_post_build).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the core imports even without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from loft.editor import cms  # noqa: E402
from loft.safety import csp  # noqa: E402
from loft.editor import preview  # noqa: E402
from loft.build import SiteBuild  # noqa: E402
from hooks import engine_work  # noqa: E402
from loft.pages.listings import DEFAULT_PAGE_SIZE  # noqa: E402
from loft.pages.keys import inputs_digest  # noqa: E402
from loft.safety.inputs import unsafe_docs_entries  # noqa: E402
from loft.content.problems import ContentError  # noqa: E402
from loft.search.pagefind import Indexing, SearchIndexError, item_pages_glob, start_pagefind  # noqa: E402
from loft.search.streamed import StreamedIndexing  # noqa: E402

log = get_plugin_logger("loft")


class _State:
    command = "build"
    dirty = False
    build: SiteBuild | None = None
    theme_scripts: list = []  # patterns of the theme's inline scripts (on_env)
    broken: list | None = None  # the preview's content problems (mkdocs serve only)
    # The preview (serve --dirty): src_uri -> (content key, output file) of the
    # pages as last written, the keys of the build under way, and the thread
    # writing the previous build's extra files and search index. The engine
    # loads this module once per process, so they live across rebuilds.
    written_keys: dict[str, tuple[str, str]] = {}
    key_memo: dict[str, tuple[str, str]] = {}  # src_uri -> (inputs, key): SiteBuild.page_key
    templates = None  # compiled theme templates, reused by the next preview build
    # The menu's HTML by engine_work.nav_slot key, and the header's and config
    # script's by engine_work.Fragments key (on_page_context), per build.
    fragment_html: dict = {}
    new_keys: dict[str, tuple[str, str]] | None = None
    # A build's Pagefind (loft/search/streamed.py), made in on_files, given each
    # item page by on_page_content, which starts it after the last; finished by
    # _after_build. The preview runs Pagefind over the site's own pages after
    # serving them.
    indexing: StreamedIndexing | Indexing | None = None
    after_build: _AfterBuild | None = None


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.command = command
    state.dirty = dirty


def on_pre_build(config) -> None:
    # The previous preview build's extra files and search index are out of date:
    # stop making them (without waiting; the next ones wait for them to stop).
    if state.after_build is not None:
        state.after_build.cancel.set()


def on_config(config):
    state.build, state.broken = None, None
    engine_work.reuse_markdown_instance()
    if not config.use_directory_urls:
        raise PluginError("LOFT kunskapsbank kräver use_directory_urls: true i mkdocs.yml.")
    # MkDocs walks docs/ following links (a link to / would walk the whole disk)
    # before on_files: links, FIFOs and devices there stop the build before that
    # walk, with the same full report as on_files and `loft check`.
    unsafe = unsafe_docs_entries(Path(config.config_file_path).resolve().parent)
    if unsafe:
        if _site_build(config) is not None or state.command != "serve":
            raise PluginError(str(ContentError(unsafe)))
        config.docs_dir = preview.empty_docs_dir()  # the preview shows the problems instead
    return config


def _site_build(config) -> SiteBuild | None:
    """Load, check and index the content (loft/safety/inputs.py: the check `loft check` runs).
    In the preview, content problems give None and the error page, never a failed build."""
    root = Path(config.config_file_path).resolve().parent
    options = config.extra.get("loft") or {}
    try:
        return SiteBuild.create(root, preview=state.command == "serve",
                                page_size=int(options.get("page_size", DEFAULT_PAGE_SIZE)),
                                site_url=config.site_url, site_name=config.site_name)
    except ContentError as error:
        if state.command == "serve":
            state.broken = error.problems
            return None
        raise PluginError(str(error)) from None


def on_files(files: Files, config) -> Files:
    build = None if state.broken is not None else _site_build(config)
    if build is None:  # the preview with content errors: only the error page (on_post_build)
        config.nav = None
        return Files([f for f in files if not f.is_documentation_page()])
    state.build = build
    log.info(build.summary())
    if state.command == "build":
        engine_work.settle_heap()

    docs_dir = Path(config.docs_dir).resolve()
    for item, published in [*((i, True) for i in build.index.items), *((i, False) for i in build.hidden)]:
        inclusion = InclusionLevel.DRAFT if item.draft else InclusionLevel.UNDEFINED
        extras = (*item.attachments, *item.assets)
        for uri, source in [(item.src_uri, item.source_path),
                            *((f"{item.url}{f.name}", f.source) for f in extras)]:
            # News live in docs/, where MkDocs already found them: the core decides
            # their URL and inclusion, so MkDocs' own File gives way to ours.
            # Found under the resolved root, and never a link (check_inputs):
            # no resolve() needed, 5,000 stat calls saved (as Project.display).
            resolved = source if source.is_absolute() and ".." not in source.parts else source.resolve()
            if resolved.is_relative_to(docs_dir):
                found = files.get_file_from_path(resolved.relative_to(docs_dir).as_posix())
                if found is not None:
                    files.remove(found)
            if not published:  # a draft outside the preview: nowhere in the site
                continue
            # Never true after check_inputs (loft/safety/inputs.py: collisions); kept as a
            # last guard because MkDocs' own file list may differ from the core's view.
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"docs/{uri} krockar med {build.project.display(source)}, "
                                  "som får samma adress. Byt namn på den ena.")
            if uri == item.src_uri:
                # The page's source is the core's (on_page_markdown): the engine
                # gets a placeholder, not the file to read and parse once more.
                files.append(File.generated(config, uri, content=build.page_source(uri), inclusion=inclusion))
            else:
                files.append(File.generated(config, uri, abs_src_path=str(source), inclusion=inclusion))
    for src_uri in build.generated_pages():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} krockar med en sida som byggs automatiskt. "
                              "Ta bort eller byt namn på filen.")
        files.append(File.generated(config, src_uri, content=build.page_source(src_uri)))
    if state.command == "serve" and state.dirty:
        _keep_unchanged_pages(files, build, config)
    _stop_indexing()
    if state.command == "build" and not _search_off():
        state.indexing = StreamedIndexing(config.site_dir, _page_language(config),
                                          item_pages_glob(t.path for t in build.project.types))
    return files


def _page_language(config) -> str:
    """The lang of the theme's <html> tag, which picks Pagefind's stemming
    (Material: "language" in the partial theme.language names)."""
    template = f"partials/languages/{config.theme['language']}.html"
    return str(config.theme.get_env().get_template(template).module.t("language")).strip()


def _stop_indexing() -> None:
    if state.indexing is not None:
        state.indexing.stop()
        state.indexing = None


def _keep_unchanged_pages(files: Files, build: SiteBuild, config) -> None:
    """serve --dirty: the engine converts and writes a page only when its
    is_modified() says so; ours answers by content key, not by file times."""
    site_inputs = inputs_digest(build.project.root, repr(config.site_url), str(config.strict))
    state.new_keys = {}
    # Drafts too: the preview writes their pages (InclusionLevel.DRAFT).
    for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
        key = build.page_key(file.src_uri, site_inputs, state.key_memo)
        state.new_keys[file.src_uri] = (key, file.abs_dest_path)
        unchanged = (state.written_keys.get(file.src_uri) == (key, file.abs_dest_path)
                     and os.path.isfile(file.abs_dest_path))
        file.is_modified = _unchanged if unchanged else _changed


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


def on_page_markdown(markdown: str, page, config, files) -> str:
    build = state.build
    if build is None:
        return markdown
    # A stable update date (the item's), not the build date: the sitemap.xml.gz
    # MkDocs writes takes its timestamp from it.
    page.update_date = build.machine.page_date(page.file.src_uri)
    text = build.mkdocs_markdown(page.file.src_uri)
    # The title and metadata the core read, not what the engine's split made of the file.
    page.meta = build.page_meta_for_theme(page.file.src_uri, build.pending[page.file.src_uri].written)
    return text


def on_page_content(html: str, page, config, files) -> str:
    build = state.build
    if build is None:
        return html
    html = build.page_html(page.file.src_uri, html)
    if isinstance(state.indexing, StreamedIndexing) and page.file.src_uri in build.index.by_src_uri:
        # Pagefind reads it on the other core while the engine converts the rest.
        state.indexing.add(page.file.dest_uri, html)
        if state.indexing.pages == len(build.index.items):
            # Every item page is converted, and the engine converts every page
            # before it renders any: Pagefind reads and indexes them meanwhile.
            state.indexing.request_bundle()
    return html


# The theme's templates that hold inline scripts (Material 9.8); their scripts,
# and only those, get hashes in each page's Content-Security-Policy.
THEME_SCRIPT_TEMPLATES = [f"partials/javascripts/{name}.html"
                          for name in ("base", "palette", "content", "announce", "outdated", "consent")]


def on_env(env, config, files):
    # Every page is converted by now and none is written yet.
    if state.build is not None and state.build.problems:
        if state.command != "serve":
            raise PluginError(str(ContentError(state.build.problems)))
        # The preview shows the problems found while converting on its error page
        # too (on_post_build), and writes none of the pages.
        state.broken, state.build = state.build.problems, None
        for file in [f for f in files if f.is_documentation_page()]:
            files.remove(file)
    if state.build is not None and state.command == "build":
        engine_work.settle_heap()
    state.fragment_html = {}  # the menu's, the header's and the config script's HTML, for this build's pages
    state.theme_scripts = csp.theme_script_patterns(
        [env.loader.get_source(env, name)[0] for name in THEME_SCRIPT_TEMPLATES])
    if state.command == "serve":
        # The engine makes a new template environment for every build; the
        # preview keeps the compiled templates (Jinja checks each source's digest).
        if state.templates is None:
            state.templates = engine_work.TemplateCache()
        env.bytecode_cache = state.templates
    return env


def on_page_context(context, page, config, nav):
    if state.build is not None:
        # The page's own description for the theme's <meta name="description">.
        info = state.build.machine.page_info(page.file.src_uri, page.title or "", page.markdown or "",
                                             page.meta.get("description"))
        page.meta["description"] = info.escaped_description
        context["loft_head"] = state.build.head_html(page.file.src_uri, info)
        # The menu marks the section the page belongs to (an item's type, a term's facet).
        section = state.build.renderer.section_url(page.url)
        page._loft_sections = [entry for entry in (nav.pages if section else ())
                               if entry.url == section and entry is not page]
        for entry in page._loft_sections:
            entry.active = True
        context["loft_nav"] = engine_work.nav_slot(page, nav, config, state.fragment_html)
        context["loft_fragment"] = engine_work.Fragments(state.fragment_html)
    return context


def on_template_context(context, template_name, config):
    if template_name == "sitemap.xml" and state.build is not None:
        pages = [(f.src_uri, f.url) for f in context["pages"] if f.page is not None and not f.page.is_link]
        context["loft_sitemap"] = state.build.machine.sitemap(pages)
    return context


# The engines mark preview-only pages with an English "DRAFT" (class
# mkdocs-draft-marker, under ProperDocs properdocs-draft-marker); ours say "Utkast".
DRAFT_MARKERS = tuple(f'<div class="{engine}-draft-marker" title="This page will not be included '
                      f'into the built site.">DRAFT</div>' for engine in ("mkdocs", "properdocs"))


def on_post_page(output: str, page, config) -> str:
    for entry in getattr(page, "_loft_sections", ()):
        entry.active = False
    if state.command == "serve":
        for marker in DRAFT_MARKERS:
            output = output.replace(marker, "")
        # Reload when a rebuild is done (loft/editor/preview.py).
        output = preview.with_reload(output, _mount_path(config))
    return csp.apply(output, state.theme_scripts)


def _mount_path(config) -> str:
    return urlsplit(config.site_url or "/").path or "/"


def on_post_template(output: str, template_name: str, config) -> str:
    return csp.apply(output, state.theme_scripts) if template_name.endswith(".html") else output


def on_post_build(config) -> None:
    if state.broken is not None:
        # serve --dirty keeps the output folder: the pages of the last good build
        # go, so that the error page answers every address; the next good build
        # writes every page again.
        site = Path(config.site_dir).resolve()
        for _, dest in state.written_keys.values():
            path = Path(dest).resolve()
            if site in path.parents and path.is_file():
                path.unlink()
        state.written_keys, state.new_keys = {}, None
        preview.write(config.site_dir, preview.error_files(state.broken, _mount_path(config)))
        log.error("Innehållet har fel: förhandsgranskningen visar dem på en sida tills de är rättade.\n%s",
                  ContentError(state.broken))
        return
    if state.command == "serve":
        preview.write(config.site_dir, preview.reload_files())
    if state.build is None:
        return
    # The web editor /redigera/ (loft/editor/cms.py): its own page and policy, Decap's bundle
    # from node_modules; LOFT_CMS_REQUIRED=1 (CI) fails the build without the bundle.
    try:
        cms.write(config.site_dir, state.build.project,
                  cms.Settings.from_extra((config.extra.get("loft") or {}).get("redigera")),
                  required=os.environ.get("LOFT_CMS_REQUIRED", "") == "1")
    except FileNotFoundError as error:
        raise PluginError(str(error)) from None
    if state.new_keys is not None:  # serve --dirty: these pages are now written
        _remove_gone_pages(config.site_dir)
        state.written_keys, state.new_keys = state.new_keys, None
    if state.command == "serve":
        # The preview serves the page now; feeds, catalogue and the search index
        # follow a few seconds later, unless the next build makes them out of date.
        state.after_build = _AfterBuild(state.build, config.site_dir, state.after_build)
        return
    _after_build(state.build, config.site_dir, strict=True)


class _AfterBuild:
    """_after_build beside the preview server, after the previous one has stopped."""

    def __init__(self, build: SiteBuild, site_dir: str, previous: _AfterBuild | None):
        self.cancel = threading.Event()
        self.previous = previous
        self.thread = threading.Thread(target=self.run, args=(build, site_dir), name="loft-after-build", daemon=True)
        self.thread.start()

    def run(self, build: SiteBuild, site_dir: str) -> None:
        if self.previous is not None:
            self.previous.stop()
            self.previous = None
        _after_build(build, site_dir, strict=False, cancelled=self.cancel.is_set)

    def stop(self) -> None:
        self.cancel.set()
        self.thread.join()


def _after_build(build: SiteBuild, site_dir: str, strict: bool, cancelled=None) -> None:
    """Extra files (catalogue, feeds, citations, open data, redirects) and the
    search index. In the preview this runs beside the server and stops when the
    next build starts."""
    # A build's Pagefind has had its item pages since on_page_content.
    indexing, state.indexing = state.indexing, None
    try:
        for path, content in build.extra_files().items():
            if cancelled is not None and cancelled():
                return
            target = Path(site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        if _search_off():
            # For the benchmark's ratio (bench/run.py) and quick previews of large sites.
            log.info("Inget sökindex skapat (LOFT_SEARCH_INDEX=%s): sökningen ger inga träffar.",
                     os.environ["LOFT_SEARCH_INDEX"])
            return
        if indexing is None:  # the preview: Pagefind reads the site's own pages
            indexing = _start_indexing(build, site_dir, strict)
        if indexing is not None:
            run = _search_index_result(indexing.finish, cancelled, strict=strict)
            indexing = None
            if run is not None:
                log.info(run.summary())
    finally:
        if indexing is not None:  # stopped early: by the next preview build or an error
            indexing.stop()


def _start_indexing(build: SiteBuild, site_dir: str, strict: bool) -> Indexing | None:
    return _search_index_result(start_pagefind, site_dir, item_pages_glob(t.path for t in build.project.types),
                                strict=strict)


def _search_index_result(step, *args, strict: bool):
    """step(*args), or None when Pagefind is missing or failed: the build fails
    then, the preview says so and goes on."""
    try:
        return step(*args)
    except SearchIndexError as error:
        if strict:
            raise PluginError(str(error)) from None
        log.error(str(error))
        return None


def _search_off() -> bool:
    return os.environ.get("LOFT_SEARCH_INDEX", "").strip().lower() in {"0", "off", "nej"}


def _remove_gone_pages(site_dir: str) -> None:
    """serve --dirty keeps the output folder: the page of an item deleted or
    renamed since the last build would stay reachable. Remove it."""
    site = Path(site_dir).resolve()
    kept = {dest for _, dest in state.new_keys.values()}
    for src_uri, (_, dest) in state.written_keys.items():
        if src_uri not in state.new_keys and dest not in kept:
            path = Path(dest).resolve()
            if site in path.parents and path.is_file():
                path.unlink()


def on_build_error(error) -> None:
    # What was written is unknown: the next preview build writes every page.
    state.written_keys, state.new_keys = {}, None
    _stop_indexing()


def on_shutdown() -> None:
    _stop_indexing()
    if state.after_build is not None:
        state.after_build.stop()


def on_serve(server, config, builder):
    engine_work.serve_as_written(server)
    root = Path(config.config_file_path).resolve().parent
    for folder in ("reports", "materials", "data", "docs"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


# LOFT_PROFILE=<file>: time every hook above for the benchmark (bench/run.py);
# without the variable this does nothing.
from loft.engine.profiling import instrument_hooks  # noqa: E402

instrument_hooks(globals())
