"""The search page sok/ in Chromium, on a built site with a known corpus:
free text with filters, live counts, URL state, Back, Swedish inflections,
diacritics, compounds, principle names, keyboard only, and without script."""

from __future__ import annotations

import re

import pytest

from helpers import news, report

pytestmark = pytest.mark.browser

CORPUS = {
    "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur", "systemsynsatt"], ["kungsbacka", "lidingo"],
                              body="Ett pilotprojekt om innovationsledning.\n"),
    "reports/beta.md": report("Beta", "2023-02-01", ["strategisk-inriktning"],
                              body="Kommunens arbete med en ny innovation i Umeå.\n"),
    "materials/gamma.md": report("Gamma", "2023-05", ["strategisk-inriktning"], ["kungsbacka"],
                                 body="Ett pilotprojekt om innovationskultur och kommunledning.\n"),
    "docs/nyheter/delta.md": news("Delta", "2021-08-16", municipalities=["enkoping"],
                                  body="Ett pilotprojekt om innovationsklimat.\n"),
    "docs/nyheter/epsilon.md": news("Epsilon", "2024-01-10", ["anpassningsformaga"],
                                    body="Regionen planerar nya satsningar.\n"),
    "docs/nyheter/zeta.md": news("Zeta", "2020-06-01", body="En kommun i norr.\n"),
}
URLS = {"Alfa": "rapporter/alfa/", "Beta": "rapporter/beta/", "Gamma": "material/gamma/",
        "Delta": "nyheter/delta/", "Epsilon": "nyheter/epsilon/", "Zeta": "nyheter/zeta/"}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    from harness import corpus_site

    return serve(corpus_site(tmp_path_factory.mktemp("search"), CORPUS).site)


def settled(page) -> None:
    """Wait until the search page has answered the current state."""
    page.wait_for_function(
        "() => { const s = document.getElementById('loft-search-status');"
        " return s && s.textContent && !s.hasAttribute('aria-busy'); }")


def open_search(page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}sok/{query}")
    settled(page)


def titles(page) -> list[str]:
    return [t.strip() for t in page.locator("#loft-search-list .loft-card__title").all_text_contents()]


def count_of(page, param: str, value: str) -> int:
    text = page.locator(f'label[for="loft-filter-{param}-{value}"] .loft-search__count').text_content()
    return int(re.fullmatch(r"\((\d+)\)", text).group(1))


def status(page) -> str:
    return page.locator("#loft-search-status").text_content()


@pytest.mark.parametrize("query,expected", [
    ("?q=pilotprojekt", {"Alfa", "Gamma", "Delta"}),
    ("?q=pilotprojekt&kommuner=kungsbacka", {"Alfa", "Gamma"}),
    ("?q=pilotprojekt&kommuner=kungsbacka&kommuner=enkoping", {"Alfa", "Gamma", "Delta"}),
    ("?q=pilotprojekt&kommuner=kungsbacka&kommuner=enkoping&typ=rapport", {"Alfa"}),
    ("?principer=kultur&principer=strategisk-inriktning&ar=2023", {"Beta", "Gamma"}),
    ("?typ=nyhet", {"Delta", "Epsilon", "Zeta"}),
    ("?q=pilotprojekt&ar=2020", set()),
])
def test_free_text_and_filters_give_exactly_the_expected_items(page, site_url, query, expected):
    open_search(page, site_url, query)
    assert set(titles(page)) == expected
    assert len(titles(page)) == len(expected)
    word = "Inga träffar" if not expected else ("1 träff" if len(expected) == 1 else f"{len(expected)} träffar")
    assert status(page).startswith(word)


def test_no_query_lists_everything_newest_first(page, site_url):
    open_search(page, site_url)
    assert titles(page) == ["Epsilon", "Gamma", "Beta", "Alfa", "Delta", "Zeta"]


def test_counts_keep_the_other_choices_and_match_the_results(page, site_url):
    open_search(page, site_url, "?q=pilotprojekt&kommuner=kungsbacka")
    # Own group: counted as if its choice were not made; other groups: with it.
    assert [count_of(page, "kommuner", v) for v in ("kungsbacka", "lidingo", "enkoping", "skelleftea")] == [2, 1, 1, 0]
    assert [count_of(page, "typ", v) for v in ("rapport", "mall", "nyhet")] == [1, 1, 0]
    assert [count_of(page, "ar", v) for v in ("2023", "2022", "2021")] == [1, 1, 0]
    # Every count is the number of results the option gives when chosen.
    for param, value in [("typ", "rapport"), ("ar", "2023"), ("principer", "kultur")]:
        expected = count_of(page, param, value)
        page.check(f"#loft-filter-{param}-{value}")
        settled(page)
        assert len(titles(page)) == expected
        page.uncheck(f"#loft-filter-{param}-{value}")
        settled(page)
    page.check("#loft-filter-kommuner-enkoping")  # a second municipality adds its items
    settled(page)
    assert set(titles(page)) == {"Alfa", "Gamma", "Delta"}


def test_options_keep_a_stable_meaningful_order(page, site_url):
    open_search(page, site_url, "?q=pilotprojekt")
    years = page.locator('fieldset[data-param="ar"] input').evaluate_all("els => els.map(e => e.value)")
    assert years == ["2024", "2023", "2022", "2021", "2020"]
    principles = page.locator('fieldset[data-param="principer"] input').evaluate_all("els => els.map(e => e.value)")
    assert principles[:4] == ["realisering-av-varde", "framtidsinriktade-ledare", "strategisk-inriktning", "kultur"]
    assert principles[-1] == "systemsynsatt"


def test_a_url_with_filters_reloads_to_the_same_results(page, site_url):
    open_search(page, site_url, "?q=pilotprojekt&kommuner=kungsbacka&kommuner=enkoping&sortera=nyast")
    first = titles(page)
    assert first == ["Gamma", "Alfa", "Delta"]
    page.reload()
    settled(page)
    assert titles(page) == first
    assert page.input_value("#loft-search-q") == "pilotprojekt"
    assert page.is_checked("#loft-filter-kommuner-kungsbacka") and page.is_checked("#loft-filter-kommuner-enkoping")
    assert page.is_checked("#loft-sort-nyast")


def test_choices_go_into_the_url_and_back_restores_the_previous_state(page, site_url):
    open_search(page, site_url, "?q=pilotprojekt")
    assert set(titles(page)) == {"Alfa", "Gamma", "Delta"}
    page.check("#loft-filter-kommuner-kungsbacka")
    settled(page)
    assert "kommuner=kungsbacka" in page.url
    page.check("#loft-sort-nyast")
    settled(page)
    assert titles(page) == ["Gamma", "Alfa"] and "sortera=nyast" in page.url
    page.go_back()
    settled(page)
    assert "sortera" not in page.url and not page.is_checked("#loft-sort-nyast")
    page.go_back()
    settled(page)
    assert set(titles(page)) == {"Alfa", "Gamma", "Delta"}
    assert not page.is_checked("#loft-filter-kommuner-kungsbacka")
    page.go_forward()
    settled(page)
    assert set(titles(page)) == {"Alfa", "Gamma"} and page.is_checked("#loft-filter-kommuner-kungsbacka")


@pytest.mark.parametrize("word,expected", [
    ("kommunerna", {"Alfa", "Beta", "Gamma", "Delta", "Zeta"}),  # kommun, kommunens, Kommuner
    ("innovationerna", {"Alfa", "Beta", "Gamma", "Delta"}),  # innovation, and in compounds
    ("umea", {"Beta"}),  # Umeå without the ring
    ("ledning", {"Alfa", "Gamma"}),  # innovationsledning, kommunledning
    ("kultur", {"Alfa", "Gamma"}),  # the principle Kultur; innovationskultur
    ("klimat", {"Delta"}),  # innovationsklimat
    ("Culture", {"Alfa"}),  # the principle's English name
    ("systemsynsätt", {"Alfa"}),
    ("systemsynsatt", {"Alfa"}),
])
def test_swedish_words_are_found(page, site_url, word, expected):
    open_search(page, site_url, f"?q={word}")
    assert set(titles(page)) == expected


def test_a_principle_name_offers_its_filter(page, site_url):
    open_search(page, site_url, "?q=Culture")
    offer = page.locator("#loft-search-suggest button", has_text="Kultur")
    offer.click()
    settled(page)
    assert "principer=kultur" in page.url and page.is_checked("#loft-filter-principer-kultur")
    assert titles(page) == ["Alfa"]


def test_results_show_type_date_summary_and_labels(page, site_url):
    open_search(page, site_url, "?q=pilotprojekt&typ=rapport")
    card = page.locator("#loft-search-list .loft-card").first
    assert card.locator(".loft-card__type").text_content() == "Rapport"
    assert card.locator("time").text_content() == "1 mars 2022"
    assert card.locator("time").get_attribute("datetime") == "2022-03-01"
    assert card.locator(".loft-card__summary").text_content() == "Sammanfattning av Alfa."
    # At most three labels, as text (one link, the title, per result); the rest on the item page.
    assert card.locator(".loft-card__labels .loft-label").all_text_contents() == [
        "Kultur", "Systemsynsätt", "Kungsbacka", "och 1 till"]
    assert card.locator("a").count() == 1
    card.locator("h3 a").click()
    assert page.url == f"{site_url}{URLS['Alfa']}"


def test_the_result_count_is_announced(page, site_url):
    open_search(page, site_url, "?q=pilotprojekt")
    live = page.locator("#loft-search-status")
    assert live.get_attribute("role") == "status" and live.get_attribute("aria-live") == "polite"
    assert status(page).startswith("3 träffar på ”pilotprojekt”")


def test_keyboard_only_from_the_header_to_a_filtered_result(page, site_url):
    page.goto(site_url)

    def tab_to(check: str, limit: int) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({check}); }}"):
                return
        raise AssertionError(f"Tab never reached: {check}")

    tab_to("e.id === 'loft-header-search-input'", 20)
    page.keyboard.type("pilotprojekt")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sok/\?q=pilotprojekt$"))
    settled(page)
    tab_to("e.id === 'loft-filter-kommuner-kungsbacka'", 60)
    page.keyboard.press("Space")
    settled(page)
    assert set(titles(page)) == {"Alfa", "Gamma"}
    tab_to("e.matches('#loft-search-list a')", 80)
    target = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.url in {site_url + URLS["Alfa"], site_url + URLS["Gamma"]}


def test_the_header_box_on_the_search_page_keeps_the_filters(page, site_url):
    open_search(page, site_url, "?kommuner=kungsbacka")
    page.fill("#loft-header-search-input", "pilotprojekt")
    page.press("#loft-header-search-input", "Enter")
    settled(page)
    assert set(titles(page)) == {"Alfa", "Gamma"}
    assert "q=pilotprojekt" in page.url and "kommuner=kungsbacka" in page.url


def test_a_listing_links_to_the_search_with_its_filter(page, site_url):
    page.goto(f"{site_url}principer/strategisk-inriktning/")
    page.click(".loft-search-link a")
    page.wait_for_url(re.compile(r"/sok/\?principer=strategisk-inriktning$"))
    settled(page)
    assert page.is_checked("#loft-filter-principer-strategisk-inriktning")
    assert set(titles(page)) == {"Beta", "Gamma"}


def test_without_javascript_the_page_links_to_the_listings(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="sv-SE")
    page = context.new_page()
    try:
        page.goto(f"{site_url}sok/")
        assert page.locator("#loft-search").is_hidden()
        nojs = page.locator("#loft-search-nojs")
        assert nojs.is_visible()
        hrefs = nojs.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        for target in ("../rapporter/", "../principer/kultur/", "../kommuner/kungsbacka/", "../ar/2023/"):
            assert target in hrefs
        # The header box still leads to the search page.
        page.goto(site_url)
        page.fill("#loft-header-search-input", "pilotprojekt")
        page.press("#loft-header-search-input", "Enter")
        page.wait_for_url(re.compile(r"/sok/\?q=pilotprojekt$"))
    finally:
        context.close()


@pytest.fixture(scope="module")
def many_url(tmp_path_factory, serve):
    from harness import corpus_site

    return serve(corpus_site(tmp_path_factory.mktemp("search-many"), {
        f"docs/nyheter/seminarium-{n:02d}.md":
            news(f"Seminarium {n:02d}", f"2019-01-{n:02d}", body="Ett seminarium om förnyelse.\n")
        for n in range(1, 24)}).site)


def test_more_results_load_on_request_and_take_the_focus(page, many_url):
    open_search(page, many_url, "?q=seminarium&sortera=nyast")
    assert status(page).startswith("23 träffar")
    assert titles(page) == [f"Seminarium {n:02d}" for n in range(23, 3, -1)]
    more = page.locator("#loft-search-more")
    assert more.text_content() == "Visa fler träffar (20 av 23 visas)"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#loft-search-list li.loft-card').length === 23")
    assert titles(page)[20:] == ["Seminarium 03", "Seminarium 02", "Seminarium 01"]
    assert page.evaluate("() => document.activeElement.textContent") == "Seminarium 03"
    assert more.is_hidden()
