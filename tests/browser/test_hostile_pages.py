"""Pages built from accepted hostile-looking input (tests/adversarial/markup_cases.py
INERT) do nothing in Chromium: no dialog, no navigation away, no request to
another host, no policy violation, no script error."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import item_md

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "adversarial"))
from markup_cases import INERT  # noqa: E402
from test_csp import RECORD_VIOLATIONS  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, serve):
    from harness import copy_machinery, run_build, write_files

    project = copy_machinery(tmp_path_factory.mktemp("hostile") / "project")
    files = {f"reports/{name}.md": item_md(body, **{"title": name, "date": "2023", "principles": ["kultur"],
                                                    "summary": "Sammanfattning.", **fields})
             for name, (fields, body) in INERT.items()}
    write_files(project, files)
    result = run_build(project)
    assert result.returncode == 0, result.output
    return serve(result.site)


@pytest.mark.parametrize("name", INERT)
def test_hostile_looking_page_does_nothing(browser, hostile_site, name):
    context = browser.new_context(locale="sv-SE")
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        page = context.new_page()
        dialogs, errors, requested, frames = [], [], [], []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requested.append(r.url))
        page.on("framenavigated", lambda f: frames.append(f.url))
        url = f"{hostile_site}rapporter/{name}/"
        page.goto(url, wait_until="networkidle")
        # Hover and click everything a reader could: links go nowhere script-like.
        for link in page.locator("article a, article h1, article p").all():
            link.hover()
        page.wait_for_load_state("networkidle")
        assert dialogs == [] and errors == []
        assert page.url == url and set(frames) == {url}
        assert [u for u in requested if urlsplit(u).hostname not in ("127.0.0.1", None)] == []
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()
