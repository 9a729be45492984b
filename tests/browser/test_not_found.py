"""The 404 page as a web server shows it: at any missing address, at any
depth, in Swedish, with its styles and scripts found."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

pytestmark = pytest.mark.browser


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and answers a missing address with 404.html, as web servers are set up to."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.directory_path / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def not_found_url(real_site):
    handler = type("Handler", (_NotFoundHandler,), {"directory_path": real_site.site})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(real_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("missing", ["finns-inte/", "rapporter/en-flyttad-rapport/", "ar/1999/sida/3/"])
def test_missing_address_shows_the_swedish_404_page_with_its_assets(page, not_found_url, missing):
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != not_found_url + missing else None)
    response = page.goto(not_found_url + missing, wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Sidan finns inte"
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert not failed, f"saknade filer på 404-sidan: {failed}"
    # Styled (Material's CSS found) and its links lead to real pages.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.get_by_role("link", name="Se alla rapporter").click()
    page.wait_for_url("**/rapporter/")
    assert page.locator("h1").inner_text() == "Rapporter"
