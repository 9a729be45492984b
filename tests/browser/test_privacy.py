"""Privacy, from Chromium itself: no request leaves the site, no cookies, and
the browser storage holds exactly what the page Om webbplatsen says."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from site_pages import all_pages, page_ids

pytestmark = pytest.mark.browser

STORAGE = """() => ({local: Object.keys(localStorage).sort(),
                     session: Object.keys(sessionStorage).sort(),
                     cookie: document.cookie})"""


def search_from_the_header(page, words: str) -> None:
    """Send words from the header's search box: sok/ then loads Pagefind's
    script, WebAssembly, index and fragments, all of which must stay on the site.
    (Typing without a focused box would trigger Material's n/p shortcuts.)"""
    box = page.locator("#loft-header-search-input")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/sok/?q=*")
    page.wait_for_load_state("networkidle")
    page.locator("#loft-search-status").filter(has_text="träff").wait_for()


@pytest.mark.parametrize("site,name,path", all_pages(), ids=page_ids())
def test_no_request_to_another_host_and_no_cookies(request, browser, site, name, path):
    base = request.getfixturevalue(site)
    context = browser.new_context(locale="sv-SE")
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        failed: list[str] = []
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.goto(base + path, wait_until="networkidle")
        search_from_the_header(page, "innovation")
        assert any("/pagefind/" in url for url in requested), "sökningen laddades inte"
        elsewhere = [url for url in requested
                     if urlsplit(url).scheme not in ("data", "blob")
                     and urlsplit(url).hostname != "127.0.0.1"]
        assert requested, "nätverksloggen är tom: testet mäter inget"
        assert not elsewhere, f"{name}: anrop till andra värdar:\n" + "\n".join(elsewhere)
        # The web editor (/redigera/, Decap CMS and its GitHub connection) is only linked:
        # no public page loads any of it.
        editor = [url for url in requested if "/redigera/" in urlsplit(url).path]
        assert not editor, f"{name}: sidan laddar redigeraren:\n" + "\n".join(editor)
        assert context.cookies() == []
        assert page.evaluate(STORAGE)["cookie"] == ""
        # Nothing wasted either: every request finds its file, and no page
        # downloads the sitemap, which grows with the site (see loft/outputs/head.py).
        assert not failed, f"{name}: anrop som misslyckades:\n" + "\n".join(failed)
        assert not [url for url in requested if "sitemap" in url], f"{name}: sidan hämtar sitemap.xml"
    finally:
        context.close()


def test_browser_storage_is_what_om_webbplatsen_says(real_site_url, real_site, page):
    """Material stores the colour scheme as "<scope>.__palette" in localStorage;
    nothing else is stored, not even after choosing a scheme and searching."""
    page.goto(real_site_url, wait_until="networkidle")
    assert page.evaluate(STORAGE) == {"local": ["/.__palette"], "session": [], "cookie": ""}
    assert json.loads(page.evaluate("localStorage.getItem('/.__palette')"))["color"]["scheme"] == "default"

    page.locator("label[title='Byt till mörkt läge']").click()
    search_from_the_header(page, "kultur")
    page.goto(real_site_url + "rapporter/", wait_until="networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate(STORAGE) == {"local": ["/.__palette"], "session": [], "cookie": ""}
    assert page.context.cookies() == []

    statement = real_site.read("om-webbplatsen/index.html")
    assert "__palette" in statement and "/.__palette" in statement
    assert "inga kakor" in statement
