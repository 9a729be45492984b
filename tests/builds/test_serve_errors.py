"""The preview never hangs: a real `mkdocs serve` with content errors.

With an error the server starts anyway and every address answers with one
Swedish page listing every problem as `loft check` prints it; once the file is
fixed the site comes back by itself, in the browser too. A new item from
`loft new` is a draft and never breaks the preview.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import report
from serving import Server, fetch

BROKEN = ("---\ntitle: Halvfärdig rapport\ndate: 2023-5\nprinciples:\n  - Kulture\n"
          "summary: >-\n\ndraft: false\n---\n\n<script>alert(1)</script>\n")
FIXED = report("Halvfärdig rapport", "2023-05", principles=("Kultur",))
LOFT = Path(sys.executable).parent / "loft"


def loft(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(LOFT), *args], cwd=project, capture_output=True, text=True)


@pytest.fixture
def server_with(make_project):
    servers: list[Server] = []

    def start(files: dict[str, str]) -> tuple[Server, Path]:
        project = make_project(files)
        server = Server(project)
        servers.append(server)
        return server.started(), project

    yield start
    for server in servers:
        server.stop()


def listed_problems(page: str) -> list[str]:
    return [html.unescape(p) for p in re.findall(r"<li><pre>(.*?)</pre></li>", page, re.S)]


@pytest.mark.build
def test_server_starts_with_an_error_and_every_address_shows_every_problem(server_with):
    server, project = server_with({"reports/publicerad.md": report("Publicerad", "2022"),
                                   "reports/halvfardig/index.md": BROKEN})
    check = loft(project, "check")
    assert check.returncode == 1
    expected = [line for line in check.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]
    assert len(expected) == 4  # date, principle, empty summary (draft: false), the script

    status, page = fetch(server.base)
    assert status == 200 and '<html lang="sv">' in page
    assert "Förhandsgranskningen väntar på en rättelse" in page
    # Every problem, in loft check's words, continuation lines included.
    shown = listed_problems(page)
    assert [p.splitlines()[0] for p in shown] == expected
    assert "\n".join(shown) == check.stdout.rstrip("\n")
    assert "<script>alert(1)</script>" not in page  # escaped, never markup
    assert "&lt;script&gt;" in page
    assert 'http-equiv="Content-Security-Policy"' in page and "default-src 'none'" in page
    # Any address, at any depth, answers with the same page: nothing hangs.
    for path in ("rapporter/publicerad/", "rapporter/halvfardig/", "principer/kultur/sida/2/", "finns-inte/"):
        status, other = fetch(server.base + path)
        assert status == 404 and listed_problems(other) == shown, path
    status, script = fetch(server.base + "loft-forhandsgranskning.js")
    assert status == 200 and "/livereload/" in script


@pytest.mark.build
def test_site_comes_back_when_the_file_is_fixed_and_breaks_again_without_hanging(server_with):
    server, project = server_with({"reports/publicerad.md": report("Publicerad", "2022")})
    status, page = fetch(server.base + "rapporter/publicerad/")
    assert status == 200 and "Publicerad" in page

    target = project / "reports/halvfardig/index.md"
    target.parent.mkdir(parents=True)
    target.write_text(BROKEN, encoding="utf-8")
    server.rebuilt()
    status, page = fetch(server.base + "rapporter/publicerad/")
    assert status == 404 and "okänd princip &quot;Kulture&quot;" in page

    target.write_text(FIXED, encoding="utf-8")
    server.rebuilt()
    status, page = fetch(server.base + "rapporter/halvfardig/")
    assert status == 200 and "Halvfärdig rapport" in page and "loft-forhandsgranskning.js" in page
    assert fetch(server.base + "rapporter/publicerad/")[0] == 200


@pytest.mark.build
def test_loft_new_during_the_preview_gives_a_draft_page_not_an_error(server_with):
    server, project = server_with({"reports/publicerad.md": report("Publicerad", "2022")})
    made = loft(project, "new", "rapport", "Min nya rapport")
    assert made.returncode == 0, made.stderr
    server.rebuilt()
    status, page = fetch(server.base + "rapporter/min-nya-rapport/")
    assert status == 200 and "<strong>Utkast.</strong>" in page
    # The same item with draft: false is checked like a published one.
    path = project / "reports/min-nya-rapport/index.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    server.rebuilt()
    status, page = fetch(server.base + "rapporter/min-nya-rapport/")
    assert status == 404
    fields = [p.split(": ")[1] for p in listed_problems(page)]
    assert sorted(fields) == ["principles", "summary"]


@pytest.mark.build
def test_a_link_in_docs_does_not_stop_the_preview(server_with, tmp_path):
    """Links in docs/ must not be walked (loft/safety/inputs.py); the preview names them instead."""
    import os

    outside = tmp_path / "hemligt.md"
    outside.write_text("# Hemligt\n", encoding="utf-8")
    server, project = server_with({"reports/publicerad.md": report("Publicerad", "2022")})
    os.symlink(outside, project / "docs" / "genvag.md")
    server.rebuilt()
    status, page = fetch(server.base)
    assert status == 200 and "docs/genvag.md" in page and "symbolisk länk" in page
    assert "Hemligt" not in page
    (project / "docs" / "genvag.md").unlink()
    server.rebuilt()
    assert fetch(server.base + "rapporter/publicerad/")[0] == 200


@pytest.mark.browser
@pytest.mark.build
def test_the_error_page_reloads_itself_into_the_fixed_page(server_with, page):
    server, project = server_with({"reports/halvfardig/index.md": BROKEN})
    page.goto(server.base + "rapporter/halvfardig/")
    page.get_by_role("heading", name="Förhandsgranskningen väntar på en rättelse").wait_for()
    assert page.locator("main li").count() == 4
    (project / "reports/halvfardig/index.md").write_text(FIXED, encoding="utf-8")
    # No reload by the test: the page's own script notices the new build.
    page.get_by_role("heading", name="Halvfärdig rapport", level=1).wait_for(timeout=120_000)
    assert "väntar på en rättelse" not in page.content()


@pytest.mark.build
def test_markup_found_while_converting_shows_the_error_page_too(server_with):
    """Valid front matter, an onerror in the text: found in the engine's HTML
    (on_env), shown on the error page like any other problem, no hang."""
    body = "Text.\n\n<img src=\"/bild.png\" onerror=\"alert(1)\">\n"
    server, project = server_with({"reports/ok.md": report("OK", "2022"),
                                   "reports/bild.md": report("Bild", "2023", body=body)})
    check = loft(project, "check")
    expected = [line for line in check.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]
    assert check.returncode == 1 and len(expected) == 1 and "onerror" in expected[0]
    status, page = fetch(server.base + "rapporter/ok/")
    assert status == 404 and [p.splitlines()[0] for p in listed_problems(page)] == expected
