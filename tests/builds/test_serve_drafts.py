"""Drafts in `mkdocs serve` (the preview behind `make serve`): shown, with an "Utkast" banner."""

from __future__ import annotations

import pytest

from helpers import news, report
from serving import Server, fetch


@pytest.fixture(params=["mkdocs", "properdocs"])
def preview(make_project, request):
    project = make_project({
        "reports/publicerad.md": report("Publicerad rapport", "2022"),
        "reports/hemlig/index.md": report("Hemlig rapport", "2024", draft=True),
        "docs/nyheter/utkastnyhet.md": news("Utkast till nyhet", "2024-02", draft=True),
    })
    server = Server(project, livereload=False, engine=request.param).started()
    try:
        yield server.base
    finally:
        server.stop()  # by its process, never by name


@pytest.mark.build
def test_serve_shows_drafts_with_a_banner(preview):
    status, html = fetch(preview + "rapporter/hemlig/")
    assert status == 200
    assert 'class="loft-draft" role="note"' in html and "<strong>Utkast.</strong>" in html
    # The same way to publish as `loft new` and CONTRIBUTING.md give.
    assert "förrän du skriver <code>draft: false</code>" in html
    assert "DRAFT" not in html  # the engine's English marker (either engine's) is replaced by ours
    status, html = fetch(preview + "nyheter/utkastnyhet/")
    assert status == 200 and "<strong>Utkast.</strong>" in html
    # Published items carry no banner; listings mark the drafts they show.
    status, html = fetch(preview + "rapporter/publicerad/")
    assert status == 200 and "loft-draft" not in html
    status, html = fetch(preview + "rapporter/")
    assert "Hemlig rapport" in html and 'class="loft-draft-label">Utkast</strong>' in html


@pytest.mark.build
def test_build_leaves_the_same_drafts_out(make_project, build):
    project = make_project({
        "reports/publicerad.md": report("Publicerad rapport", "2022"),
        "reports/hemlig/index.md": report("Hemlig rapport", "2024", draft=True),
    })
    result = build(project)
    assert result.returncode == 0, result.output
    assert (result.site / "rapporter/publicerad/index.html").is_file()
    assert not (result.site / "rapporter/hemlig").exists()
    for path in result.site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            assert "Hemlig rapport" not in path.read_text(encoding="utf-8"), path
