"""Printing an item page gives a clean document: title, summary, facts and
text, without the header, menus, search, table of contents or footer."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ITEM = "rapporter/insikter-ledning-och-styrning-for-innovation-och-fornyelse/"
SITE_CHROME = {
    "sidhuvud": ".md-header",
    "meny": ".md-sidebar--primary",
    "innehållsförteckning": ".md-sidebar--secondary",
    "sök": ".md-search",
    "hopplänk": ".md-skip",
    "till början": ".md-top",
    "sidfot": ".md-footer",
}
DOCUMENT = {"rubrik": "h1", "sammanfattning": ".loft-lead", "fakta": ".loft-facts",
            "principer": ".loft-facts .loft-tag--principer"}


def test_item_page_prints_without_navigation(page, real_site_url):
    page.goto(real_site_url + ITEM, wait_until="networkidle")
    shown_on_screen = [name for name, css in SITE_CHROME.items()
                       if css in (".md-header", ".md-sidebar--primary", ".md-footer")
                       and page.locator(css).first.is_visible()]
    assert len(shown_on_screen) == 3, "skärmversionen ska ha sidhuvud, meny och sidfot"

    page.emulate_media(media="print")
    still_shown = [name for name, css in SITE_CHROME.items() if page.locator(css).first.is_visible()]
    assert not still_shown, f"syns i utskrift: {still_shown}"
    missing = [name for name, css in DOCUMENT.items() if not page.locator(css).first.is_visible()]
    assert not missing, f"saknas i utskrift: {missing}"
    assert "Kultur" in page.locator(".loft-facts").inner_text()

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
