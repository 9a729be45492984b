"""What the adapter changes in the engine's own work, for speed, without
changing a byte of output (ENGINE.md lists these for engine and theme upgrades):

- one Markdown instance for every page, reset between pages (ReusedMarkdown);
- the menu rendered once per distinct menu (nav_slot, overrides/partials/nav.html);
- the header's two halves, the config script, the stylesheet links and the
  back-to-top button rendered once per distinct links (Fragments:
  overrides/partials/header.html, overrides/partials/top.html, overrides/main.html);
- the theme's compiled templates kept between preview rebuilds (TemplateCache);
- the build's long-lived objects kept out of the collector's full passes (settle_heap);
- the preview's pages served as written, without the engine's inline reload script (serve_as_written).

Engine code, so it lives beside the hooks, not in the core.
"""

from __future__ import annotations

import copy
import gc

import jinja2
from mkdocs.structure import pages as engine_pages
from mkdocs.utils import normalize_url


class ReusedMarkdown:
    """The engine's `markdown` module as its Page.render sees it, with one change:
    `Markdown(extensions=..., extension_configs=...)` gives the instance made for
    the same extensions and settings before, reset, instead of a new one. The
    engine builds a Markdown instance for every page (0.37 ms of imports and
    extension set-up, a tenth of a page's CPU time), though Python-Markdown is
    made to convert many documents with one instance and reset() between them
    (every extension the site uses clears its state there: footnotes,
    abbreviations, the table of contents, SuperFences' stash). The engine's own
    per-page processors are registered under fixed names, so each page's
    replace the previous page's. Everything else is the markdown module itself."""

    def __init__(self, module):
        self._module = module
        self._kept: tuple | None = None  # (extensions, extension configs, instance)

    def __getattr__(self, name: str):
        return getattr(self._module, name)

    def Markdown(self, *args, **kwargs):  # noqa: N802 (the engine's name for it)
        if args or set(kwargs) - {"extensions", "extension_configs"}:
            return self._module.Markdown(*args, **kwargs)
        extensions, configs = list(kwargs.get("extensions", ())), kwargs.get("extension_configs") or {}
        if self._kept is not None and self._kept[0] == extensions and self._kept[1] == configs:
            return self._kept[2].reset()
        instance = self._module.Markdown(extensions=extensions, extension_configs=configs)
        self._kept = (extensions, copy.deepcopy(configs), instance)
        return instance


def reuse_markdown_instance() -> None:
    if not isinstance(engine_pages.markdown, ReusedMarkdown):
        engine_pages.markdown = ReusedMarkdown(engine_pages.markdown)


def nav_slot(page, nav, config, cache: dict) -> Slot | None:
    """The menu's slot in the menu cache (overrides/partials/nav.html). The menu's
    HTML is the same for every page outside it with the same links, as the `url`
    filter writes them relative to the page, and the same marked section; a page
    in the menu (its entry holds its table of contents) or a menu with sections
    is rendered as the theme does."""
    if page in nav.pages or any(not entry.is_page for entry in nav.items):
        return None
    targets = [entry.url for entry in nav.pages]
    targets += [config.extra.get("homepage") or (nav.homepage.url if nav.homepage else ""),
                config.theme.get("logo") or ""]
    return Slot(cache, (tuple(normalize_url(target, page) for target in targets),
                        tuple(bool(entry.active) for entry in nav.pages)))


class Slot:
    """One fragment's place in the cache: the template asks for its html and
    keeps the first rendering."""

    def __init__(self, cache: dict, key: tuple):
        self.cache, self.key = cache, key

    @property
    def html(self) -> str | None:
        return self.cache.get(self.key)

    def keep(self, html: str) -> str:
        self.cache[self.key] = html
        return html


class Fragments:
    """Slots for theme fragments (overrides/partials/header.html, top.html, main.html)
    whose HTML is the site's settings plus links: the template names each link
    as the `url` filter writes it for the page as the key
    (`loft_fragment("header-end", "sok/" | url)`), so pages with the same links
    share one rendering. Material renders them for every page: at 2,000 items
    they took 0.7 s of its templates' 2.1 s (ENGINE.md)."""

    def __init__(self, cache: dict):
        self.cache = cache

    def __call__(self, name: str, *key) -> Slot:
        return Slot(self.cache, ("fragment", name, *key))


class TemplateCache(jinja2.BytecodeCache):
    """The theme's compiled templates, kept by the preview between rebuilds."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


def settle_heap() -> None:
    """Move every object alive now out of the cyclic garbage collector's reach.

    Called by `build` (one process, one build) once the content is loaded and
    once every page is converted: those objects (the index of every item, the
    engine's pages and their tables of contents) live until the process ends,
    yet each full collection walked them all again. At 5,000 items the full
    collections took 0.41 s CPU, after this 0.14 s (gc.callbacks, time.process_time).
    Not in the preview, whose rebuilds must be able to free the last build."""
    gc.freeze()


def serve_as_written(server) -> None:
    """The preview server (`serve`) adds an inline live-reload script to every
    page it serves. The pages' Content-Security-Policy blocks it, as it blocks
    any inline script it has no hash for (the script carries the build's number,
    so no hash can be known), which left one console error on every preview
    page; the site's own reload script (loft/editor/preview.py, a file) polls
    the same endpoint and reloads the page. So pages are served as the build
    wrote them. The engine's method is private (ProperDocs 1.6.7 and MkDocs
    1.6.1 both name it so): without it this changes nothing."""
    if hasattr(server, "_inject_js_into_html"):
        server._inject_js_into_html = lambda content, epoch: content
