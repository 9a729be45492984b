"""`make serve` (properdocs serve --dirty): only changed pages are rebuilt,
and what depends on a change is rebuilt with it.

The hooks give the engine each page's content key (loft/pages/keys.py): an
edit to an item's text rebuilds that item's page and no listing; a new title
reaches every listing that shows the item; a removed item's page is gone.
"""

from __future__ import annotations


import pytest

from helpers import report
from serving import Server, fetch


def served(url: str) -> str:
    """The page as the preview serves it (as written: no inline reload script
    of the engine's, hooks/engine_work.serve_as_written)."""
    return fetch(url)[1]


@pytest.fixture
def preview(make_project):
    """`make serve`'s command (properdocs serve --dirty), started and stopped by its pid."""
    project = make_project({
        "reports/forsta.md": report("Första rapporten", "2022"),
        "reports/andra.md": report("Andra rapporten", "2023"),
    })
    server = Server(project, engine="properdocs").started()
    try:
        yield project, server
    finally:
        server.stop()


@pytest.mark.build
def test_preview_rebuilds_what_changed(preview):
    project, server = preview
    base = server.base
    source = project / "reports/forsta.md"
    listing_before = served(base + "rapporter/")
    # Only the site's own reload script (a file the policy allows): the engine's
    # inline one, blocked by the policy, was a console error on every page.
    assert "loft-forhandsgranskning.js" in listing_before
    assert "livereload(" not in listing_before

    # A new sentence: the item's page shows it; the listing stays as it was.
    source.write_text(source.read_text(encoding="utf-8") + "\nEn alldeles ny mening.\n", encoding="utf-8")
    server.rebuilt()
    assert "En alldeles ny mening." in fetch(base + "rapporter/forsta/")[1]
    assert served(base + "rapporter/") == listing_before
    assert not [line for line in server.log if "Error" in line or "Traceback" in line]

    # A new title: the listing and the start page show it too.
    source.write_text(source.read_text(encoding="utf-8").replace("Första rapporten", "Omdöpt rapport"),
                      encoding="utf-8")
    server.rebuilt()
    assert "Omdöpt rapport" in fetch(base + "rapporter/")[1]
    assert "Omdöpt rapport" in fetch(base)[1]
    assert "Omdöpt rapport" in fetch(base + "rapporter/forsta/")[1]

    # A removed item: its page is gone, and so is its card.
    (project / "reports/andra.md").unlink()
    server.rebuilt()
    assert fetch(base + "rapporter/andra/")[0] == 404
    assert "Andra rapporten" not in fetch(base + "rapporter/")[1]
