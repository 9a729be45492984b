"""Every kind of page of the site, for the accessibility and privacy tests.

One entry a kind of page: (name, path relative to the site root). A new kind
of page joins every test by one line here.
"""

from __future__ import annotations

# Pages of the real site (fixture real_site_url).
REAL_PAGES: list[tuple[str, str]] = [
    ("startsida", ""),
    ("rapport", "rapporter/insikter-ledning-och-styrning-for-innovation-och-fornyelse/"),
    ("mall", "material/mall-innovationskultur-och-innovationsklimat/"),
    ("nyhet", "nyheter/2023-05-partnerskapsdagar-i-kungsbacka/"),
    ("typlista", "rapporter/"),
    ("principer", "principer/"),
    ("hela översikten", "principer/matris/"),
    ("princip", "principer/kultur/"),
    ("kommuner", "kommuner/"),
    ("kommun", "kommuner/kungsbacka/"),
    ("år", "ar/"),
    ("ett år", "ar/2023/"),
    ("om LOFT", "om-loft/"),
    ("tillgänglighetsredogörelse", "tillganglighet/"),
    ("om webbplatsen", "om-webbplatsen/"),
    ("öppna data", "oppna-data/"),
    ("sökning", "sok/"),
    ("sökning med resultat", "sok/?q=innovation"),
    ("sökning med filter", "sok/?q=kommun&principer=kultur&kommuner=kungsbacka&sortera=nyast"),
    ("sidan finns inte", "404.html"),
]

# Pages that need a listing longer than one page (fixture paged_site_url).
PAGED_PAGES: list[tuple[str, str]] = [
    ("lista, sida 2", "nyheter/sida/2/"),
]

# The site each list is served from: fixture name -> pages.
PAGES_BY_SITE = {"real_site_url": REAL_PAGES, "paged_site_url": PAGED_PAGES}

NOT_FOUND_PAGE = "404.html"


def all_pages() -> list[tuple[str, str, str]]:
    """(site fixture, name, path) of every page, for pytest.mark.parametrize."""
    return [(site, name, path) for site, pages in PAGES_BY_SITE.items() for name, path in pages]


def page_ids() -> list[str]:
    return [name for _, name, _ in all_pages()]
