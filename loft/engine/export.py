"""`loft export DIR`: the whole site for a builder without hooks (Zensical,
plain MkDocs or ProperDocs, any Material-compatible builder).

Nothing here renders a page of its own: every page goes through the same
SiteBuild calls as in the hooks (`mkdocs_markdown`, then `page_html`), so the
core's renderer, the trusted blocks and the sanitizer are the ones the site
uses. The Markdown conversion is Python-Markdown with the site's dialect
(loft/safety/dialect.py) plus what MkDocs adds (links to source files become
page URLs), so that the body of each exported page is the HTML the hooks
build publishes (tests/builds/test_export.py compares them page by page).

DIR gets
  mkdocs.yml       the site's configuration without hooks (Zensical reads it too)
  overrides/       the site's template overrides; main.html places each page's
                   head metadata from its front matter, sitemap.xml is the core's
  docs/            one Markdown file per page: front matter (title, description,
                   loft_head) and the page's finished HTML as one raw HTML block;
                   attachments and images; the site's static files; the finished
                   extra files (feeds, catalogue, citations, open data, redirects)

Editors' text is exported as the sanitized HTML, never as Markdown: another
builder would convert Markdown without the sanitizer.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor

from loft.editor import cms
from loft.build import SiteBuild
from loft.pages.listings import DEFAULT_PAGE_SIZE
from loft.safety.inputs import DOCS_DIR, scan_docs, unsafe_docs_entries
from loft.safety.dialect import CONFIGS, EXTENSIONS
from loft.content.problems import ContentError
from loft.content.urls import page_url

# What MkDocs 1.6 always adds to the configured extensions.
ENGINE_EXTENSIONS = ["toc", "tables", "fenced_code"]
EXPORT_README = "LOFT-EXPORT.md"


# --- the site's configuration, read without MkDocs --------------------------

class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: `!ENV` resolved as MkDocs does, other tags as plain values."""


def _env(loader: yaml.Loader, node: yaml.Node):
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else [*names, None]
    for name in variables:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else None
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


# --- links, as MkDocs rewrites them ------------------------------------------

def relative_url(url: str, other: str) -> str:
    """MkDocs' get_relative_url: url relative to the page (or file) at other."""
    dirname, _, basename = other.rpartition("/")
    if "." in basename:
        other = dirname
    other_parts, dest_parts = _norm_parts(other), _norm_parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return rel + "/" if url.endswith("/") else rel


def _norm_parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts


class _Links(Treeprocessor):
    """A link or image to a file of the site (`../om-loft.md`, `bild.png`)
    becomes its URL relative to the page, as MkDocs' relpath step does."""

    def __init__(self, md, urls: dict[str, str]):
        super().__init__(md)
        self.urls = urls
        self.src_uri = ""

    def run(self, root):
        here = self.urls[self.src_uri]
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            if key is None or element.get(key) is None:
                continue
            url = element.get(key)
            scheme, netloc, path, query, anchor = urlsplit(url)
            if scheme or netloc or url.startswith(("/", "\\")) or "\x02amp\x03" in url or not path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_uri), unquote(path)).lstrip("/"))
            if target in self.urls:
                element.set(key, urlunsplit(("", "", relative_url(self.urls[target], here), query, anchor)))
        return root


class Converter:
    """Python-Markdown with the site's dialect and MkDocs' link rewriting."""

    def __init__(self, urls: dict[str, str]):
        extensions = [*EXTENSIONS, *(e for e in ENGINE_EXTENSIONS if e not in EXTENSIONS)]
        self.md = markdown.Markdown(extensions=extensions, extension_configs=CONFIGS)
        self.links = _Links(self.md, urls)
        self.md.treeprocessors.register(self.links, "loft_links", 0)

    def convert(self, src_uri: str, text: str) -> str:
        self.md.reset()
        self.links.src_uri = src_uri
        return self.md.convert(text)


# --- the export --------------------------------------------------------------

@dataclass
class Export:
    target: Path
    pages: list[str] = field(default_factory=list)  # src_uri of every page written
    files: int = 0  # attachments, static and extra files

    def summary(self) -> str:
        return (f"Exporterade {len(self.pages)} sidor och {self.files} andra filer till {self.target}. "
                f"Bygg utan hooks, till exempel: cd {self.target} && zensical build; "
                f"sedan sökindexet: loft search-index {self.target}/site")


def export_site(root: Path | str, target: Path | str) -> Export:
    root, target = Path(root), Path(target)
    config = read_config(root)
    unsafe = unsafe_docs_entries(root)
    if unsafe:
        raise ContentError(unsafe)
    options = (config.get("extra") or {}).get("loft") or {}
    build = SiteBuild.create(root, preview=False, page_size=int(options.get("page_size", DEFAULT_PAGE_SIZE)),
                             site_url=config.get("site_url"), site_name=config.get("site_name", "LOFT kunskapsbank"))
    docs = root / config.get("docs_dir", "docs")
    _check_target(root, target)
    # Written beside the target and put in its place at the end: a failed export
    # leaves the previous one as it was.
    staging = target.with_name(f".{target.name}.loft-export")
    if staging.exists():
        shutil.rmtree(staging)
    out_docs = staging / "docs"
    result = Export(target)

    # Every file of the site, as the hooks hand them to the engine: src_uri -> URL.
    item_folders = [root / t.source for t in build.project.types]
    site_page_uris = sorted(p.relative_to(build.project.root / DOCS_DIR).as_posix()
                            for p in scan_docs(build.project).pages)
    static: dict[str, Path] = {}
    for path in sorted(docs.rglob("*")):
        relative_path = path.relative_to(docs)
        if (path.is_file() and path.suffix != ".md" and not relative_path.name.startswith(".")
                and not any(f.resolve() in path.resolve().parents for f in item_folders)):
            static[relative_path.as_posix()] = path
    for item in build.index.items:
        for extra in (*item.attachments, *item.assets):
            static[f"{item.url}{extra.name}"] = extra.source
    pages = [*site_page_uris, *(i.src_uri for i in build.index.items), *build.generated_pages()]
    urls = {uri: page_url(uri) for uri in pages}
    urls.update({uri: uri for uri in static})

    nav_titles = _nav_titles(config.get("nav") or [])
    converter = Converter(urls)
    for src_uri in pages:
        text = build.mkdocs_markdown(src_uri)
        meta = build.page_meta_for_theme(src_uri, build.pending[src_uri].written)
        html = build.page_html(src_uri, converter.convert(src_uri, text))
        # As MkDocs names a page: its nav title, its own title, its first heading, its file.
        title = nav_titles.get(src_uri) or meta.get("title") or _first_heading(html) or _title_from_name(src_uri)
        info = build.machine.page_info(src_uri, title, text, meta.get("description"))
        # The theme's <title> prefers the page's own title to the nav's.
        front = {"title": meta.get("title") or title, "description": info.escaped_description,
                 "loft_head": build.head_html(src_uri, info)}
        # Each page as <its URL>/index.md: a builder that reads the links in
        # raw HTML as relative to the source file (Zensical does) then finds
        # them where the browser will.
        _write(out_docs / export_path(src_uri),
               "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10**9)
               + "---\n\n" + html + "\n")
        result.pages.append(src_uri)
    if build.problems:  # what the build's on_env reports: no export
        shutil.rmtree(staging, ignore_errors=True)
        raise ContentError(build.problems)
    for uri, source in static.items():
        destination = out_docs / uri
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        result.files += 1
    for path, content in build.extra_files().items():
        _write(out_docs / path, content)
        result.files += 1
    # The web editor /redigera/, as the hooks write it (a page of its own, copied as is).
    result.files += len(cms.write(out_docs, build.project, cms.Settings.from_extra(options.get("redigera"))))

    _write_overrides(root, staging, build, [(uri, urls[uri]) for uri in pages])
    _write_config(config, staging)
    _write(staging / EXPORT_README, _readme(build))
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return result


def _check_target(root: Path, target: Path) -> None:
    """The export replaces its folder: never one that holds anything else."""
    target, root = target.absolute(), root.resolve()
    if target.resolve() == root or target.resolve() in root.parents or root in target.resolve().parents:
        raise ExportError(f"{target}: exportera till en mapp utanför projektet.")
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise ExportError(f"{target}: finns redan och är ingen mapp.")
    if target.is_dir() and any(target.iterdir()) and not (target / EXPORT_README).is_file():
        raise ExportError(f"{target}: mappen är inte tom och inte en tidigare export ({EXPORT_README} saknas).")


class ExportError(RuntimeError):
    """The target folder cannot take the export; the message says why (Swedish)."""


def export_path(src_uri: str) -> str:
    """Where a page's source goes in the export: "om-loft.md" -> "om-loft/index.md"."""
    return page_url(src_uri) + "index.md"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _first_heading(html: str) -> str | None:
    match = _H1.search(html)
    return unescape(_TAG.sub("", match.group(1))).strip() if match else None


def _title_from_name(src_uri: str) -> str:
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    return stem.replace("-", " ").replace("_", " ").capitalize()


def _write_overrides(root: Path, target: Path, build: SiteBuild, pages: list[tuple[str, str]]) -> None:
    overrides = target / "overrides"
    shutil.copytree(root / "overrides", overrides, ignore=shutil.ignore_patterns("__pycache__"))
    # The head metadata the hooks put into the context as loft_head comes from
    # the page's front matter, which only the export writes.
    main = (overrides / "main.html").read_text(encoding="utf-8")
    main = re.sub(r"\bloft_head\b", '(page.meta.loft_head if page and page.meta else "")', main)
    (overrides / "main.html").write_text(main, encoding="utf-8")
    # The sitemap the hooks give the theme's template, written out in full.
    entries = [e for e in build.machine.sitemap(pages)]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for entry in entries:
        lines.append(f"  <url>\n    <loc>{_xml(entry.loc)}</loc>"
                     + (f"\n    <lastmod>{entry.lastmod}</lastmod>" if entry.lastmod else "") + "\n  </url>")
    lines.append("</urlset>")
    (overrides / "sitemap.xml").write_text("{% raw %}" + "\n".join(lines) + "\n{% endraw %}", encoding="utf-8")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class _Dumper(yaml.SafeDumper):
    pass


def _write_config(config: dict, target: Path) -> None:
    config = dict(config)
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = dict(config.get("theme") or {})
    theme["custom_dir"] = "overrides"
    theme["variant"] = "classic"  # Zensical: Material's look (its default is "modern"); others ignore it
    config["theme"] = theme
    config["nav"] = _nav(config.get("nav") or [])
    if config.get("site_url") is None:
        config.pop("site_url", None)
    # The pages are finished HTML: the builder's Markdown only passes them on.
    config["markdown_extensions"] = [{"toc": {"permalink": False}}]
    # Items are reached through listings, never the nav (as in the site).
    config.setdefault("validation", {})
    text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    _write(target / "mkdocs.yml", "# Written by `loft export`: the LOFT site for a builder without hooks.\n" + text)


def _nav_titles(entries) -> dict[str, str]:
    titles: dict[str, str] = {}
    for entry in entries:
        if isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, list):
                    titles.update(_nav_titles(value))
                elif isinstance(value, str) and value.endswith(".md"):
                    titles[value] = title
    return titles


def _nav(entries):
    """The site's nav with each page's path in the export."""
    out = []
    for entry in entries:
        if isinstance(entry, dict):
            out.append({k: _nav(v) if isinstance(v, list) else (export_path(v) if isinstance(v, str) and v.endswith(".md") else v)
                        for k, v in entry.items()})
        elif isinstance(entry, str) and entry.endswith(".md"):
            out.append(export_path(entry))
        else:
            out.append(entry)
    return out


def _readme(build: SiteBuild) -> str:
    return (
        f"# {build.machine.meta.site_name}, exported for a builder without hooks\n\n"
        "Written by `loft export` from the site's repository: do not edit here, export again.\n\n"
        "Build: `zensical build --clean` (or `properdocs build`, `mkdocs build`) in this folder,\n"
        "then the search index: `loft search-index site`, run in the repository with this\n"
        "folder's `site/` as its argument.\n\n"
        "The pages hold sanitized HTML. This build has no Content-Security-Policy unless the\n"
        "server sends one; what survives and what does not: ENGINE.md in the repository.\n"
    )
