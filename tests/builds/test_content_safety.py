"""A build with script in any content file fails and names the file and line:
items (validated with their front matter) and the site's own pages alike."""

from __future__ import annotations

import subprocess
import sys

import pytest

from harness import checkout_env

from helpers import report

pytestmark = pytest.mark.build


def test_script_in_an_item_fails_the_build_with_file_and_line(make_project, build):
    body = "Första stycket.\n\n<iframe src=\"https://example.org/film\"></iframe>\n"
    project = make_project({"reports/farlig.md": report("Farlig", "2023-01-01", body=body)})
    text = (project / "reports/farlig.md").read_text(encoding="utf-8").split("\n")
    line = next(n for n, row in enumerate(text, start=1) if "<iframe" in row)
    result = build(project)
    assert result.returncode != 0
    assert f"reports/farlig.md:{line}:1: text: elementet <iframe> är inte tillåtet" in result.output
    assert not (result.site / "rapporter/farlig/index.html").exists()


def test_script_in_a_site_page_fails_the_build_with_file_and_line(make_project, build):
    project = make_project({
        "docs/kontakt.md": "---\ntitle: Kontakt\n---\n\n# Kontakt\n\n"
                           "[Skicka](javascript:send())\n\n<p onmouseover=\"x()\">Text</p>\n",
    })
    result = build(project)
    assert result.returncode != 0
    assert "docs/kontakt.md:7:10: text: adresser som börjar med javascript: är inte tillåtna" in result.output
    assert "docs/kontakt.md:9:4: text: händelseattributet onmouseover är inte tillåtet" in result.output


def test_loft_check_reports_site_pages_too(make_project):
    project = make_project({"docs/karta.md": "# Karta\n\n<embed src=\"karta.svg\">\n"})
    done = subprocess.run([sys.executable, "-m", "loft.cli", "check"], cwd=project,
                          capture_output=True, text=True, env=checkout_env())
    assert done.returncode == 1
    assert "docs/karta.md:3:1: text: elementet <embed>" in done.stdout + done.stderr
