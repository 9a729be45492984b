"""Where everything lives: site URLs are directory URLs relative to the site
root ("rapporter/x/"). Every address and search parameter the site builds
comes from here, so a page, the search index and the catalogue agree."""

from __future__ import annotations

import posixpath

# Pages and files the core writes beside the content
SEARCH_URL = "sok/"
SEARCH_SRC_URI = "sok/index.md"
BUNDLE_DIR = "pagefind"  # Pagefind's output, inside the site
CATALOGUE_PATH = "api/items.json"
FEED_FILE = "atom.xml"  # in the site root, and beside each type and term listing
FEED_MEDIA_TYPE = "application/atom+xml"
YEARS_URL = "ar/"
# The whole matrix of the overview charts, under its rows facet's path ("principer/matris/"):
# no term of that facet may have this id.
MATRIX_SLUG = "matris"
# The citation downloads beside every item page that has them (loft/outputs/citations.py).
CITATION_FILES = {"bib": "citera.bib", "ris": "citera.ris", "csl": "citera.json"}

# The search page's URL parameters; facets use their own path as parameter.
YEAR_PARAM, TYPE_PARAM, SORT_PARAM, QUERY_PARAM = "ar", "typ", "sortera", "q"
SORT_KEY = "nyast"  # Pagefind sort: rank in the site's newest-first order


def search_url(from_url: str, filters: dict[str, str] | None = None) -> str:
    """Link from the page at from_url to the search page with these filters set
    (parameter -> value; values are ids and years, never free text)."""
    query = "&".join(f"{key}={value}" for key, value in (filters or {}).items())
    return relative(from_url, SEARCH_URL) + (f"?{query}" if query else "")


def feed_url(base_url: str = "") -> str:
    """The Atom feed of the listing at base_url; the site's own without one."""
    return f"{base_url}{FEED_FILE}"


def year_url(year: int | str) -> str:
    """The listing of one year: "ar/2024/"."""
    return f"{YEARS_URL}{year}/"


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at from_url to to_url, both site-relative.

    Relative links keep the site working under any base path (a GitHub Pages
    project site, a preview folder) without knowing site_url.
    """
    here = [p for p in from_url.split("/") if p]
    there = to_url.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    link = "../" * (len(here) - common) + "/".join(there[common:])
    return link or "./"


def resolve(directory: str, path: str) -> str | None:
    """Where a relative link's path leads from a page in directory (both
    site-relative, as a browser resolves them), or None when it climbs out of
    the site."""
    joined = posixpath.normpath(posixpath.join(directory, path))
    return None if joined == ".." or joined.startswith("../") else joined


def paginated(base_url: str, page: int) -> str:
    """Page 1 is the base URL; page n is base/sida/n/."""
    return base_url if page == 1 else f"{base_url}sida/{page}/"


def page_url(src_uri: str) -> str:
    """Directory URL of a Markdown page: "om-loft.md" -> "om-loft/", "index.md" -> ""."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
