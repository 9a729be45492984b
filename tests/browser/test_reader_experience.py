"""The site as a reader meets it, on a phone (390x844) and a desktop (1280x800):
no sideways scrolling, results before filters, chart text and targets large
enough, breadcrumbs, no documentation furniture, a start page led by tasks.
(axe-core's WCAG 2.2 AA rules run in test_accessibility.py.)"""

from __future__ import annotations

import pytest

from site_pages import REAL_PAGES

pytestmark = pytest.mark.browser

SIZES = {"telefon": (390, 844), "dator": (1280, 800)}
ITEM_PAGES = [path for name, path in REAL_PAGES if name in ("rapport", "mall", "nyhet")]
TERM_PAGES = [path for name, path in REAL_PAGES if name in ("princip", "kommun", "ett år")]
CHART_PAGES = [path for name, path in REAL_PAGES if name in ("startsida", "principer", "princip", "kommun", "år")]


@pytest.fixture(params=SIZES, scope="module")
def sized(request, browser):
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    yield request.param, context
    context.close()


def open_page(sized, url):
    size, context = sized
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return size, page


@pytest.mark.parametrize("name,path", REAL_PAGES, ids=[n for n, _ in REAL_PAGES])
def test_no_sideways_scrolling_and_no_previous_next_footer(sized, real_site_url, name, path):
    size, page = open_page(sized, real_site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} rullar {overflow} px i sidled ({size})"
    assert page.locator(".md-footer__link").count() == 0, "Föregående/Nästa i sidfoten"
    # The H1 is at least as dark as the H2s (Material's is 54 % black).
    darkness = page.evaluate("""() => {
        const lum = el => { const [r, g, b] = getComputedStyle(el).color.match(/[\\d.]+/g).map(Number);
                            return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const h1 = document.querySelector('.md-content h1'), h2s = [...document.querySelectorAll('.md-content h2')];
        return h1 ? {h1: lum(h1), h2: Math.min(...h2s.map(lum), 999)} : null; }""")
    if darkness and darkness["h2"] != 999:
        assert darkness["h1"] <= darkness["h2"] + 0.5, darkness
    page.close()


def test_the_first_search_result_is_on_the_first_phone_screen(sized, real_site_url):
    size, page = open_page(sized, real_site_url + "sok/?q=innovation")
    page.wait_for_selector("#loft-search-list > li")
    top = page.evaluate("document.querySelector('#loft-search-list > li').getBoundingClientRect().top")
    height = SIZES[size][1]
    assert top < height - 60, f"första träffen börjar {top:.0f} px ned ({size})"
    summary = page.locator("#loft-search-filters > summary")
    assert "Filtrera" in summary.inner_text() and "valda" in summary.inner_text()
    is_open = page.evaluate("document.getElementById('loft-search-filters').open")
    assert is_open == (size == "dator")  # a disclosure on phones, a sidebar on wide screens
    if size == "dator":  # the whole width: filters beside the results, no empty table-of-contents column
        filters = page.locator("#loft-search-filters").bounding_box()
        results = page.locator(".loft-search__results").bounding_box()
        assert filters["x"] + filters["width"] <= results["x"] and results["x"] + results["width"] > 1100
    page.close()


def test_search_targets_sort_and_header_box(sized, real_site_url):
    size, page = open_page(sized, real_site_url + "sok/?kommuner=kungsbacka")
    page.wait_for_selector("#loft-search-list > li")
    if size == "telefon":
        page.locator("#loft-search-filters > summary").click()
    for box in page.locator(".loft-search__facet input, .loft-search__sort input").all()[:6]:
        b = box.bounding_box()
        assert b["width"] >= 24 and b["height"] >= 24, b
    assert "(1 vald)" in page.locator("#loft-search-chosen").inner_text()
    # No words: the status says "nyast först" and so does the sort control.
    assert "nyast först" in page.locator("#loft-search-status").inner_text()
    assert page.locator("#loft-sort-nyast").is_checked() and page.locator("#loft-sort-relevans").is_disabled()
    page.goto(real_site_url + "sok/?q=kultur", wait_until="networkidle")
    page.wait_for_selector("#loft-search-list > li mark")  # Pagefind's excerpt with the word marked
    assert page.locator("#loft-sort-relevans").is_checked()
    assert "bäst matchning först" in page.locator("#loft-search-status").inner_text()
    if size == "dator":
        assert page.locator("form.loft-header-search input[name=q]").input_value() == "kultur"
    page.close()


@pytest.mark.parametrize("path", CHART_PAGES)
def test_chart_text_is_large_enough(sized, real_site_url, path):
    size, page = open_page(sized, real_site_url + path)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.loft-chart svg text')]
        .map(t => parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement.getScreenCTM().a))""")
    assert sizes, "inga diagram"
    assert min(sizes) >= (12 if size == "telefon" else 14), f"minsta diagramtext {min(sizes):.1f} px ({size})"
    page.close()


def test_matrix_row_labels_stay_when_it_scrolls_and_a_hint_says_so(sized, real_site_url):
    size, page = open_page(sized, real_site_url + "principer/")
    scroll = page.locator("#loft-matrix .loft-chart__scroll")
    labels = page.locator("#loft-matrix .loft-matrix__labels")
    before = labels.bounding_box()["x"]
    scroll.evaluate("el => el.scrollLeft = 300")
    assert abs(labels.bounding_box()["x"] - before) < 1  # sticky
    assert page.locator("#loft-matrix .loft-chart__hint").is_visible() == (size == "telefon")
    page.locator("#loft-matrix details > summary").click()
    box = page.locator("#loft-matrix .loft-chart__table")
    assert box.evaluate("el => el.scrollWidth <= el.clientWidth || getComputedStyle(el).overflowX === 'auto'")
    page.close()


@pytest.mark.parametrize("path", ITEM_PAGES + TERM_PAGES)
def test_breadcrumbs_lead_home(sized, real_site_url, path):
    size, page = open_page(sized, real_site_url + path)
    crumbs = page.locator("nav.loft-breadcrumbs a")
    assert crumbs.first.inner_text() == "Start" and crumbs.count() >= 2
    # The menu marks the section the page belongs to.
    assert page.locator(".md-nav--primary [aria-current]").count() >= 1
    page.close()


def test_the_start_page_leads_to_reports_templates_principles_and_search(sized, real_site_url):
    size, page = open_page(sized, real_site_url)
    height = SIZES[size][1]
    for target in ("rapporter/", "material/", "principer/"):
        link = page.locator(f"nav.loft-tasks a[href$='{target}']")
        assert link.count() == 1 and link.bounding_box()["y"] + 10 < height, target
    box = page.locator("#loft-start-search")
    assert box.bounding_box()["y"] + 20 < height
    box.fill("kultur")
    box.press("Enter")
    page.wait_for_selector("#loft-search-list > li")
    assert "q=kultur" in page.url
    page.close()


def test_a_report_page_says_who_published_it_and_where_to_get_it(sized, real_site_url):
    size, page = open_page(sized, real_site_url + ITEM_PAGES[0])
    facts = page.locator(".loft-facts").inner_text()
    assert "Utgivare" in facts and "RISE" in facts and "Del 2 av 2" in facts
    assert facts.count("2022") == 1  # the date, once
    link = page.locator(".loft-download a.loft-download__link")
    assert link.get_attribute("href").startswith("https://")
    b = link.bounding_box()
    assert b["y"] < 2 * SIZES[size][1]  # within two screens of the top
    page.close()
