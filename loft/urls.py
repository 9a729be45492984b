"""Site URLs are directory URLs relative to the site root ("rapporter/x/")."""

from __future__ import annotations


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at from_url to to_url, both site-relative.

    Relative links keep the site working under any base path (a GitHub Pages
    project site, a preview folder) without knowing site_url.
    """
    depth = from_url.count("/") if from_url else 0
    return "../" * depth + to_url if (depth or to_url) else "./"


def paginated(base_url: str, page: int) -> str:
    """Page 1 is the base URL; page n is base/sida/n/."""
    return base_url if page == 1 else f"{base_url}sida/{page}/"
