"""The real site, served: feed and citation links resolve from where readers meet them."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import bibtexparser
import feedparser
import pytest

pytestmark = [pytest.mark.browser,
              pytest.mark.filterwarnings("ignore:.*deprecated:DeprecationWarning")]


def fetch(page, url: str) -> str:
    response = page.request.get(url)
    assert response.status == 200, url
    return response.text()


def test_listing_feed_link_is_visible_and_serves_a_feed(page, real_site_url):
    page.goto(real_site_url + "principer/kultur/")
    link = page.get_by_role("link", name="Atom-flöde för Kultur")
    assert link.is_visible()
    feed = feedparser.parse(fetch(page, urljoin(page.url, link.get_attribute("href"))))
    assert not feed.bozo and feed.entries
    # Found the way a feed reader finds it: "alternate" among the rel tokens.
    discovered = page.locator('head link[rel~="alternate"][type="application/atom+xml"]')
    hrefs = [discovered.nth(i).get_attribute("href") for i in range(discovered.count())]
    assert "atom.xml" in hrefs and "../../atom.xml" in hrefs  # this listing's feed and the site's
    for href in hrefs:
        assert not feedparser.parse(fetch(page, urljoin(page.url, href))).bozo
    # Entry links in a relative feed resolve against the feed's own address.
    entry_url = urljoin(urljoin(page.url, "atom.xml"), feed.entries[0].link)
    assert fetch(page, entry_url).count("<h1") == 1


def test_citera_downloads_are_served_and_parse(page, real_site_url):
    page.goto(real_site_url + "rapporter/ledning-och-styrning-for-innovation-och-fornyelse/")
    assert page.get_by_role("heading", name="Citera").is_visible()
    reference = page.locator(".loft-cite__reference").inner_text()
    assert reference.startswith("LOFT – Leda och Organisera Förnyelse och Transformation. (2022).")
    hrefs = {name: page.get_by_role("link", name=name, exact=True).get_attribute("href")
             for name in ("BibTeX", "RIS", "CSL-JSON")}
    [entry] = bibtexparser.loads(fetch(page, urljoin(page.url, hrefs["BibTeX"]))).entries
    assert entry["title"].strip("{}") == "Ledning och styrning för innovation och förnyelse"
    assert fetch(page, urljoin(page.url, hrefs["RIS"])).startswith("TY  - RPRT")
    [csl] = json.loads(fetch(page, urljoin(page.url, hrefs["CSL-JSON"])))
    assert csl["issued"] == {"date-parts": [[2022]]}
