"""The overview charts in Chromium: drawn, readable in both schemes, usable by keyboard."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser


def test_matrix_cells_are_reached_by_keyboard_and_lead_to_the_search(page, real_site_url):
    page.goto(real_site_url + "principer/")
    region = page.locator("#loft-matrix .loft-chart__scroll")
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('loft-chart__scroll')")
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.getAttribute('aria-label')]")
    assert focused[0].lower() == "a" and re.fullmatch(r"Realisering av värde, Enköping: \d+ titl(?:ar|el)", focused[1])
    # The focused cell shows it: its square gets a thick outline.
    width = page.evaluate("getComputedStyle(document.activeElement.querySelector('rect')).strokeWidth")
    assert width == "3px"
    # The request, not the address bar: the search page may rewrite its URL state.
    with page.expect_request(re.compile(r"/sok/\?")) as request:
        page.keyboard.press("Enter")
    url = urlsplit(request.value.url)
    # Let the search page finish loading: closing Chromium's context in the middle
    # of Pagefind's start-up can hang the close for good.
    page.wait_for_load_state("networkidle")
    assert url.path == "/sok/"
    assert parse_qs(url.query) == {"principer": ["realisering-av-varde"], "kommuner": ["enkoping"]}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_are_drawn_with_the_scheme_palette(browser, real_site_url, scheme):
    context = browser.new_context(color_scheme=scheme, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(real_site_url + "principer/kultur/")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        for chart in ("#loft-spread-kommuner", "#loft-spread-years"):
            box = page.locator(f"{chart} svg").bounding_box()
            assert box["width"] > 200 and box["height"] > 50
        bar_fill = page.evaluate("getComputedStyle(document.querySelector('.loft-bar')).fill")
        assert bar_fill == ("rgb(0, 114, 178)" if scheme == "light" else "rgb(86, 180, 233)")
        page.goto(real_site_url + "principer/")
        cell = page.locator("#loft-matrix a rect").first
        text = page.locator("#loft-matrix a text").first
        fill, ink = cell.evaluate("e => getComputedStyle(e).fill"), text.evaluate("e => getComputedStyle(e).fill")
        assert fill != ink and fill != "none"
        # The table is closed until asked for, and then shows the same numbers.
        details = page.locator("#loft-matrix details")
        assert not details.locator("table").is_visible()
        details.locator("summary").click()
        assert details.locator("table").is_visible()
        assert details.locator("caption").inner_text() == "Principer och kommuner: antal titlar"
    finally:
        context.close()


def test_matrix_scrolls_sideways_on_a_narrow_screen(browser, real_site_url):
    # wait_for_function polls with eval, which the site's Content-Security-Policy
    # blocks (tested in test_csp.py): bypassed here.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="sv-SE", bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(real_site_url + "principer/")
        region = page.locator("#loft-matrix .loft-chart__scroll")
        sizes = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert sizes[0] > sizes[1]  # the matrix keeps its size; the page does not overflow
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        region.focus()
        page.keyboard.press("ArrowRight")
        # Polled from here: wait_for_function evaluates a string, which the page's CSP refuses.
        for _ in range(50):
            if region.evaluate("e => e.scrollLeft") > 0:
                break
            page.wait_for_timeout(100)
        assert region.evaluate("e => e.scrollLeft") > 0
    finally:
        context.close()
