"""WCAG 2.0/2.1/2.2 A and AA with axe-core on every kind of page, light and dark.

axe-core comes from the pinned PyPI package axe-playwright-python and is put
into the page from its local file. Each failure prints every violation with
the element it concerns.
"""

from __future__ import annotations

import pytest

from axe_check import axe_version, describe, run_axe
from site_pages import NOT_FOUND_PAGE, all_pages, page_ids

pytestmark = pytest.mark.browser

# Colour scheme the visitor's system asks for -> the Material scheme it must give.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture
def new_page(browser):
    contexts = []

    def open_page(**options):
        # axe-core is put into the page as an inline script, which the site's
        # Content-Security-Policy rightly blocks; the policy is tested in test_csp.py.
        context = browser.new_context(locale="sv-SE", bypass_csp=True, **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_axe_is_the_pinned_version_and_finds_violations(new_page):
    """A control: the same run reports a page that breaks the rules."""
    assert axe_version() == "4.12.1"
    page = new_page()
    page.set_content('<html><head><title>x</title></head><body><main>'
                     '<img src="data:,"><a href="#"></a>'
                     '<p style="color:#777;background:#888">grått</p></main></body></html>')
    found = {v["id"] for v in run_axe(page)["violations"]}
    assert {"html-has-lang", "image-alt", "link-name", "color-contrast"} <= found


def test_statement_names_the_axe_version_the_tests_run(real_site):
    """The accessibility statement rests on these tests: it names the same axe-core."""
    assert f"axe-core</strong> (version {axe_version()})" in real_site.read("tillganglighet/index.html")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("site,name,path", all_pages(), ids=page_ids())
def test_no_wcag_violations(request, new_page, site, name, path, scheme):
    base = request.getfixturevalue(site)
    page = new_page(color_scheme=scheme)
    response = page.goto(base + path, wait_until="networkidle")
    assert response is not None and response.status == 200, f"{path} finns inte"
    if path != NOT_FOUND_PAGE:
        assert "Sidan finns inte" not in page.title()
    applied = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert applied == SCHEMES[scheme], f"{scheme} läge gav färgschemat {applied}"
    violations = run_axe(page)["violations"]
    assert not violations, (f"{len(violations)} WCAG-brister på {name} ({path or '/'}), "
                            f"{scheme} läge:\n{describe(violations)}")
