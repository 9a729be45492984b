"""Shared fixtures: temporary projects, site builds, a local server, Chromium.

- `make_project(files)` copies the site's machinery (mkdocs.yml, data/, hooks/,
  overrides/, docs/ without news) into a temporary folder and writes the given
  content files there; `build(project)` runs MkDocs on it in a subprocess.
- `real_site` is the repository's own site, built once per session.
- `serve(site_dir)` serves a built site on 127.0.0.1; `browser` is Debian's
  Chromium driven by Playwright (never a downloaded browser).
"""

from __future__ import annotations

import functools
import os
import http.server
import socketserver
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

# Property-based tests are deterministic and bounded: the same examples on every
# run and in CI, few enough to keep `make test-fast` fast. No deadline: the
# machine is shared, and a slow example is not a failure.
settings.register_profile("loft", max_examples=30, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow], print_blob=True)
# `make mutate` runs the "mutation" profile: a failing example is reported at once,
# unshrunk, so that a killed mutant costs seconds, not minutes of shrinking.
settings.register_profile("mutation", parent=settings.get_profile("loft"), max_examples=10,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.load_profile(os.environ.get("LOFT_HYPOTHESIS_PROFILE", "loft"))

from harness import CHROMIUM, REPO, BuildResult, copy_machinery, corpus_site, run_build, write_files  # noqa: F401

@pytest.fixture
def make_project(tmp_path):
    def make(files: dict[str, str | bytes] | None = None, with_real_content: bool = False) -> Path:
        project = copy_machinery(tmp_path / "project", with_real_content)
        for folder in ("reports", "materials", "docs/nyheter"):
            (project / folder).mkdir(parents=True, exist_ok=True)
        write_files(project, files or {})
        return project

    return make


@pytest.fixture
def build():
    return run_build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The repository's own site, built once (strict) for the whole session."""
    return corpus_site(tmp_path_factory.mktemp("real"), with_real_content=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="session")
def serve():
    """serve(site_dir) -> base URL on 127.0.0.1; servers stop with the session."""
    servers = []

    def start(site: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = _Server(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def real_site_url(real_site, serve) -> str:
    return serve(real_site.site)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} saknas: kör `make chromium` (eller apt-get install chromium). "
                    "Webbläsartesterna hoppas aldrig över.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


# --- accessibility and privacy tests (tests/browser/test_accessibility.py) ---

PAGED_PAGE_SIZE = 2


@pytest.fixture(scope="session")
def paged_site_url(tmp_path_factory, serve) -> str:
    """The real content with PAGED_PAGE_SIZE items a listing page, so that
    listings have a page 2 (sida/2/) to test."""
    return serve(corpus_site(tmp_path_factory.mktemp("paged"), with_real_content=True,
                             page_size=PAGED_PAGE_SIZE).site)
