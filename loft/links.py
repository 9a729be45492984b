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

LINK_ATTRIBUTES = {"href", "src"}
# A site-root-relative URL (/x/) works only at the root of a domain; the site may be
# published under a path (GitHub Pages: /<repo>/), so such links are errors too.
ROOT_RELATIVE_HELP = "länkar som börjar med / fungerar inte när webbplatsen ligger i en undermapp"


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


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


def target_file(site: Path, page: str, url: str) -> tuple[Path | None, str]:
    """The file a link from page (site-relative) leads to, or None and why not."""
    path = unquote(urlsplit(url).path)
    if not path:  # "#top" or "?q=x": the page itself
        return site / page, ""
    if path.startswith("/"):
        return None, ROOT_RELATIVE_HELP
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if joined == ".." or joined.startswith("../"):
        return None, "pekar utanför webbplatsen"
    target = site / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, ""


def check_site(site: Path | str) -> tuple[int, list[BrokenLink]]:
    """Check every page; return the number of internal links checked and the broken ones."""
    site = Path(site)
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
            target, reason = target_file(site, page, url)
            if target is None:
                broken.append(BrokenLink(page, url, reason))
                continue
            if target not in exists:
                exists[target] = target.is_file()
            if not exists[target]:
                broken.append(BrokenLink(page, url, f"filen {target.relative_to(site).as_posix()} "
                                                    "finns inte i den byggda webbplatsen"))
    return checked, sorted(broken)
