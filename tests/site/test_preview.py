"""`make serve` (properdocs serve --dirty): only changed pages are rebuilt,
and what depends on a change is rebuilt with it.

The hooks give the engine each page's content key (loft/incremental.py): an
edit to an item's text rebuilds that item's page and no listing; a new title
reaches every listing that shows the item; a removed item's page is gone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import report
from test_serve_drafts import STARTUP_SECONDS, free_port

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REBUILD_SECONDS = 60


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def served(url: str) -> str:
    """The page without the live-reload script's build counter, which the server fills in."""
    return re.sub(r"reload\(\d+, \d+\)", "reload()", fetch(url)[1])


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


@pytest.fixture
def preview(make_project):
    project = make_project({
        "reports/forsta.md": report("Första rapporten", "2022"),
        "reports/andra.md": report("Andra rapporten", "2023"),
    })
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    log = (project / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen([str(BIN / "properdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: fetch(base + "rapporter/forsta/")[0] == 200, STARTUP_SECONDS), \
            (project / "serve.log").read_text(encoding="utf-8")
        yield project, base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def builds(project: Path) -> int:
    return (project / "serve.log").read_text(encoding="utf-8").count("Documentation built in")


@pytest.mark.build
def test_preview_rebuilds_what_changed(preview):
    project, base = preview
    source = project / "reports/forsta.md"
    listing_before = served(base + "rapporter/")

    # A new sentence: the item's page shows it; the listing stays as it was.
    source.write_text(source.read_text(encoding="utf-8") + "\nEn alldeles ny mening.\n", encoding="utf-8")
    assert wait_for(lambda: "En alldeles ny mening." in fetch(base + "rapporter/forsta/")[1], REBUILD_SECONDS)
    assert served(base + "rapporter/") == listing_before
    site_log = (project / "serve.log").read_text(encoding="utf-8")
    assert "Error" not in site_log and "Traceback" not in site_log

    # A new title: the listing and the start page show it too.
    source.write_text(source.read_text(encoding="utf-8").replace("Första rapporten", "Omdöpt rapport"),
                      encoding="utf-8")
    assert wait_for(lambda: "Omdöpt rapport" in fetch(base + "rapporter/")[1], REBUILD_SECONDS)
    assert "Omdöpt rapport" in fetch(base)[1]
    assert "Omdöpt rapport" in fetch(base + "rapporter/forsta/")[1]

    # A removed item: its page is gone, and so is its card.
    (project / "reports/andra.md").unlink()
    assert wait_for(lambda: fetch(base + "rapporter/andra/")[0] == 404, REBUILD_SECONDS)
    assert "Andra rapporten" not in fetch(base + "rapporter/")[1]
