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
  Swedish page instead, so the server never hangs (loft/preview.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the core imports even without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from loft import cms, csp, preview  # noqa: E402
from loft.build import SiteBuild  # noqa: E402
from loft.inputs import unsafe_docs_entries  # noqa: E402
from loft.problems import ContentError  # noqa: E402
from loft.search import SearchIndexError, run_pagefind  # noqa: E402

log = get_plugin_logger("loft")


class _State:
    command = "build"
    build: SiteBuild | None = None
    theme_scripts: list = []  # patterns of the theme's inline scripts (on_env)
    broken: list | None = None  # the preview's content problems (mkdocs serve only)


state = _State()


def on_startup(command: str, dirty: bool) -> None:
    state.command = command


def on_config(config):
    state.build, state.broken = None, None
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
    """Load, check and index the content (loft/inputs.py: the check `loft check` runs).
    In the preview, content problems give None and the error page, never a failed build."""
    root = Path(config.config_file_path).resolve().parent
    options = config.extra.get("loft") or {}
    try:
        return SiteBuild.create(root, preview=state.command == "serve",
                                page_size=int(options.get("page_size", 50)),
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

    docs_dir = Path(config.docs_dir).resolve()
    for item, published in [*((i, True) for i in build.index.items), *((i, False) for i in build.hidden)]:
        inclusion = InclusionLevel.DRAFT if item.draft else InclusionLevel.UNDEFINED
        extras = (*item.attachments, *item.assets)
        for uri, source in [(item.src_uri, item.source_path),
                            *((f"{item.url}{f.name}", f.source) for f in extras)]:
            # News live in docs/, where MkDocs already found them: the core decides
            # their URL and inclusion, so MkDocs' own File gives way to ours.
            if docs_dir in source.resolve().parents:
                found = files.get_file_from_path(source.resolve().relative_to(docs_dir).as_posix())
                if found is not None:
                    files.remove(found)
            if not published:  # a draft outside the preview: nowhere in the site
                continue
            # Never true after check_inputs (loft/inputs.py: collisions); kept as a
            # last guard because MkDocs' own file list may differ from the core's view.
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"docs/{uri} krockar med {build.project.display(source)}, "
                                  "som får samma adress. Byt namn på den ena.")
            files.append(File.generated(config, uri, abs_src_path=str(source), inclusion=inclusion))
    for src_uri in build.generated_pages():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} krockar med en sida som byggs automatiskt. "
                              "Ta bort eller byt namn på filen.")
        files.append(File.generated(config, src_uri, content=build.page_source(src_uri)))
    return files


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
    return build.page_html(page.file.src_uri, html) if build else html


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
    state.theme_scripts = csp.theme_script_patterns(
        [env.loader.get_source(env, name)[0] for name in THEME_SCRIPT_TEMPLATES])
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
    return context


def on_template_context(context, template_name, config):
    if template_name == "sitemap.xml" and state.build is not None:
        pages = [(f.src_uri, f.url) for f in context["pages"] if f.page is not None and not f.page.is_link]
        context["loft_sitemap"] = state.build.machine.sitemap(pages)
    return context


def on_post_page(output: str, page, config) -> str:
    # MkDocs marks preview-only pages with an English "DRAFT"; ours say "Utkast" instead.
    for entry in getattr(page, "_loft_sections", ()):
        entry.active = False
    output = output.replace(
        '<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">DRAFT</div>',
        "",
    )
    if state.command == "serve":  # reload when a rebuild is done (loft/preview.py)
        output = preview.with_reload(output, _mount_path(config))
    return csp.apply(output, state.theme_scripts)


def _mount_path(config) -> str:
    return urlsplit(config.site_url or "/").path or "/"


def on_post_template(output: str, template_name: str, config) -> str:
    return csp.apply(output, state.theme_scripts) if template_name.endswith(".html") else output


def on_post_build(config) -> None:
    if state.broken is not None:
        preview.write(config.site_dir, preview.error_files(state.broken, _mount_path(config)))
        log.error("Innehållet har fel: förhandsgranskningen visar dem på en sida tills de är rättade.\n%s",
                  ContentError(state.broken))
        return
    if state.command == "serve":
        preview.write(config.site_dir, preview.reload_files())
    if state.build is None:
        return
    # The web editor /redigera/ (loft/cms.py): its own page and policy, Decap's bundle
    # from node_modules; LOFT_CMS_REQUIRED=1 (CI) fails the build without the bundle.
    try:
        cms.write(config.site_dir, state.build.project,
                  cms.Settings.from_extra((config.extra.get("loft") or {}).get("redigera")),
                  required=os.environ.get("LOFT_CMS_REQUIRED", "") == "1")
    except FileNotFoundError as error:
        raise PluginError(str(error)) from None
    for path, content in state.build.extra_files().items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    if os.environ.get("LOFT_SEARCH_INDEX", "").strip().lower() in {"0", "off", "nej"}:
        # For the benchmark's ratio (bench/run.py) and quick previews of large sites.
        log.info("Inget sökindex skapat (LOFT_SEARCH_INDEX=%s): sökningen ger inga träffar.",
                 os.environ["LOFT_SEARCH_INDEX"])
        return
    try:  # the search index is built from the finished pages
        log.info(run_pagefind(config.site_dir).summary())
    except SearchIndexError as error:
        raise PluginError(str(error)) from None


def on_serve(server, config, builder):
    root = Path(config.config_file_path).resolve().parent
    for folder in ("reports", "materials", "data", "docs"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


# LOFT_PROFILE=<file>: time every hook above for the benchmark (bench/run.py);
# without the variable this does nothing.
from loft.profiling import instrument_hooks  # noqa: E402

instrument_hooks(globals())
