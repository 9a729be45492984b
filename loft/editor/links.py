"""Internal link check of a built site: every href and src must lead to a file.

Plain Python over the output folder (no MkDocs), so it checks what readers get.
External links (http:, mailto:, ...) are not fetched: the build machine has no
business calling other hosts, and their state is not ours to gate a merge on.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from loft.content.urls import resolve

LINK_ATTRIBUTES = {"href", "src"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # path of the HTML file inside the site
    url: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                self.urls.append(value.strip())


def site_base(site_url: str | None) -> str:
    """The URL path of mkdocs.yml's site_url ("https://x.github.io/loft/" -> "/loft/")."""
    path = urlsplit(site_url or "").path.strip("/")
    return f"/{path}/" if path else "/"


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


def target_file(site: Path, page: str, url: str, base: str = "/") -> tuple[Path | None, str]:
    """The file a link from page (site-relative) leads to, or None and why not.

    base is the URL path the site is published under ("/" or, on GitHub Pages,
    "/<repo>/"): links that start with / (MkDocs writes them on 404.html, which is
    served at any depth) must start with it.
    """
    path = unquote(urlsplit(url).path)
    if not path:  # "#top" or "?q=x": the page itself
        return site / page, ""
    if path.startswith("/"):
        if not (path + "/").startswith(base):
            return None, f"börjar inte med webbplatsens sökväg {base}"
        path, page = path[len(base):] or ".", "index.html"
    joined = resolve(posixpath.dirname(page), path)
    if joined is None:
        return None, "pekar utanför webbplatsen"
    target = site / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, ""


def check_site(site: Path | str, base: str = "/") -> tuple[int, list[BrokenLink]]:
    """Check every page; return the number of internal links checked and the broken ones."""
    site = Path(site)
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    checked = 0
    broken: list[BrokenLink] = []
    exists: dict[Path, bool] = {}
    for html_file in sorted(site.rglob("*.html")):
        page = html_file.relative_to(site).as_posix()
        parser = _LinkParser()
        parser.feed(html_file.read_text(encoding="utf-8"))
        for url in dict.fromkeys(parser.urls):  # each distinct URL once a page
            if not url or _is_external(url):
                continue
            checked += 1
            target, reason = target_file(site, page, url, base)
            if target is None:
                broken.append(BrokenLink(page, url, reason))
                continue
            if target not in exists:
                exists[target] = target.is_file()
            if not exists[target]:
                broken.append(BrokenLink(page, url, f"filen {target.relative_to(site).as_posix()} "
                                                    "finns inte i den byggda webbplatsen"))
    return checked, sorted(broken)
