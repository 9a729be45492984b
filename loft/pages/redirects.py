"""Old addresses that lead to an item's new one (front matter `redirect_from`).

When an item's file is renamed its address changes. The item lists its old
addresses under `redirect_from`; each becomes a small generated page at the old
address: a link to the new address, <link rel="canonical">, no indexing and an
immediate <meta http-equiv="refresh">. The pages are extra files, not site
pages, so they are in no listing, search index, feed or sitemap.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from loft.content.model import Item
from loft.content.problems import Problem
from loft.content.urls import page_url, relative

FOOTER = (("tillganglighet/", "Tillgänglighetsredogörelse"),
          ("om-webbplatsen/", "Om webbplatsen: kakor och lagring"))


def redirect_problems(items: list[Item], taken: set[str]) -> list[Problem]:
    """An old address may not be a page of the site, nor claimed by two items."""
    problems = []
    claimed: dict[str, Item] = {}
    for item in items:
        for old in item.redirect_from:
            if old == item.url or old in taken:
                problems.append(Problem(item.source, None, None, "redirect_from",
                                        f"\"{old}\" är adressen till en sida som finns på webbplatsen. "
                                        "Ta bort raden: bara adresser som inte längre finns kan leda hit."))
            elif old in claimed:
                problems.append(Problem(item.source, None, None, "redirect_from",
                                        f"\"{old}\" leder redan till {claimed[old].source}. "
                                        "En gammal adress kan bara leda till en sida."))
            else:
                claimed[old] = item
    return problems


def site_page_urls(root: Path, docs_dir: str = "docs", skip: tuple[str, ...] = ("nyheter",)) -> set[str]:
    """Addresses of the site's own Markdown pages in docs/ (news are items)."""
    docs = root / docs_dir
    urls = set()
    for path in docs.rglob("*.md"):
        relative_path = path.relative_to(docs).as_posix()
        if relative_path.split("/", 1)[0] in skip:
            continue
        urls.add(page_url(relative_path))
    return urls


def redirect_page(old: str, item: Item, target: str, site_name: str) -> str:
    """The page at the old address; target is the new address as the page should link it."""
    href = escape(target)
    title = escape(item.title)
    footer = "".join(f'<li><a href="{escape(relative(old, url))}">{escape(text)}</a></li>'
                     for url, text in FOOTER)
    return (
        "<!doctype html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>Sidan har flyttat – {escape(site_name)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n<main>\n<h1>Sidan har flyttat</h1>\n"
        f'<p>Sidan har en ny adress: <a href="{href}">{title}</a>.</p>\n'
        "</main>\n"
        f'<footer><ul>{footer}</ul></footer>\n'
        "</body>\n</html>\n"
    )


def redirect_files(items: list[Item], link, site_name: str) -> dict[str, str]:
    """Site-relative path -> HTML of every redirect page; link(from_url, to_url) makes
    the new address (absolute when the site's address is known, else relative)."""
    files = {}
    for item in items:
        for old in item.redirect_from:
            files[f"{old}index.html"] = redirect_page(old, item, link(old, item.url), site_name)
    return files
