"""Site URLs are directory URLs relative to the site root ("rapporter/x/")."""

from __future__ import annotations


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
