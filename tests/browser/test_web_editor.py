"""The web editor /redigera/ end to end in Chromium, against a local backend.

The test starts Decap CMS's own local backend, decap-server from the npm
registry, on 127.0.0.1 in git mode: saving an entry does what the GitHub
backend does, on a local repository (a branch per entry, `cms/<type>/<slug>`,
with the text and its attachments in one commit). The branch is what a pull
request would hold: it must pass `loft check`, and the site built from it shows
the report on its page and in its listings. Servers are stopped by their pid.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import REPO, run_build
from serving import LoggedProcess, free_port

pytestmark = [pytest.mark.browser, pytest.mark.build]

LOFT = Path(sys.executable).parent / "loft"
DECAP_SERVER = REPO / "node_modules/decap-server/dist/index.js"
GIT_ENV = {"GIT_AUTHOR_NAME": "Redaktör", "GIT_AUTHOR_EMAIL": "redaktor@example.org",
           "GIT_COMMITTER_NAME": "Redaktör", "GIT_COMMITTER_EMAIL": "redaktor@example.org"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TITLE = "Innovation i Enköping och Lidingö"
SLUG = "innovation-i-enkoping-och-lidingo"
VIOLATIONS = ("window.__violations = [];"
              "document.addEventListener('securitypolicyviolation',"
              " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")


def git(project: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=project, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV})
    assert done.returncode == 0, done.stderr
    return done.stdout


class DecapServer(LoggedProcess):
    """decap-server (npm) on 127.0.0.1 in git mode over the project's repository."""

    name = "decap-server"

    def __init__(self, project: Path, port: int):
        node = shutil.which("node")
        if node is None or not DECAP_SERVER.is_file():
            pytest.fail("node eller node_modules/decap-server saknas: kör make node (npm ci). "
                        "Testet hoppas aldrig över.")
        env = {**os.environ, **GIT_ENV, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git",
               "GIT_REPO_DIRECTORY": str(project), "LOG_LEVEL": "info"}
        self._start([node, str(DECAP_SERVER)], project, env)
        try:
            self.wait_for(re.escape(f"listening on 127.0.0.1:{port}"))
        except AssertionError:
            self.stop()  # a server that never listened is stopped all the same
            raise


@pytest.fixture
def editor(make_project, serve, monkeypatch):
    """(base URL of the built site, the project's git repository) with decap-server running."""
    project = make_project(with_real_content=True)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    port = free_port()
    monkeypatch.setenv("LOFT_CMS_LOCAL_BACKEND", f"http://127.0.0.1:{port}/api/v1")
    monkeypatch.setenv("LOFT_CMS_REQUIRED", "1")
    built = run_build(project)
    assert built.returncode == 0, built.output
    site = project.parent / "site-redigera"
    shutil.move(str(built.site), site)  # outside the repository: decap-server's git sees only content
    backend = DecapServer(project, port)
    try:
        yield serve(site), project
    finally:
        backend.stop()


def open_new_report(page, base: str) -> None:
    page.add_init_script(VIOLATIONS)
    page.goto(base + "redigera/")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Rapporter").first.wait_for()
    page.goto(base + "redigera/#/collections/rapport/new")
    page.get_by_label("Rubrik", exact=True).wait_for()


def choose(page, label: str, option: str) -> None:
    page.get_by_label(label).click()
    page.get_by_text(option, exact=True).click()


def test_a_report_made_in_the_form_passes_loft_check_and_is_published_with_its_pdf(editor, page, tmp_path):
    base, project = editor
    pdf = tmp_path / "innovation.pdf"
    pdf.write_bytes(PDF)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))

    open_new_report(page, base)
    page.get_by_label("Rubrik", exact=True).fill(TITLE)
    page.get_by_label("Datum", exact=True).fill("2024-03")
    choose(page, "Principer", "Kultur")
    choose(page, "Principer", "Systemsynsätt")
    choose(page, "Kommuner", "Enköping")
    choose(page, "Kommuner", "Lidingö")
    page.get_by_label("Sammanfattning", exact=True).fill("Rapporten beskriver hur två kommuner leder förnyelse.")
    page.get_by_role("button", name="Add bilagor").click()
    page.get_by_role("button", name="Välj en fil").click()
    page.locator("input[type=file]").set_input_files(str(pdf))
    page.get_by_role("button", name="Välj markerad").click()
    page.get_by_role("button", name="Spara", exact=True).click()
    page.get_by_text("Status: Utkast").wait_for()  # saved: a branch waiting for review

    # One branch for the entry, as the GitHub backend makes for its pull request.
    branch = f"cms/rapport/{SLUG}/index"
    assert branch in git(project, "branch", "--format=%(refname:short)").split()
    changed = git(project, "diff", "--name-only", "main", branch).split()
    assert sorted(changed) == [f"reports/{SLUG}/index.md", f"reports/{SLUG}/innovation.pdf"]
    git(project, "checkout", "-q", branch)
    text = (project / f"reports/{SLUG}/index.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    # The keys loft new writes, in its order (empty optional ones left out), nothing else.
    scaffold_keys = ["title", "date", "principles", "municipalities", "summary", "authors", "draft"]
    assert list(front) == [k for k in scaffold_keys if k in front] and "bilagor" not in front
    assert front["principles"] == ["kultur", "systemsynsatt"]
    assert front["municipalities"] == ["enkoping", "lidingo"]
    assert front["draft"] is False and str(front["date"]) == "2024-03"
    assert (project / f"reports/{SLUG}/innovation.pdf").read_bytes() == PDF

    check = subprocess.run([str(LOFT), "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    rebuilt = run_build(project)
    assert rebuilt.returncode == 0, rebuilt.output
    report_page = rebuilt.read(f"rapporter/{SLUG}/index.html")
    assert TITLE in report_page and 'href="innovation.pdf"' in report_page
    assert (rebuilt.site / f"rapporter/{SLUG}/innovation.pdf").read_bytes() == PDF
    for listing in ("rapporter/index.html", "principer/kultur/index.html", "principer/systemsynsatt/index.html",
                    "kommuner/enkoping/index.html", "kommuner/lidingo/index.html", "ar/2024/index.html"):
        assert f'{SLUG}/"' in rebuilt.read(listing) and TITLE in rebuilt.read(listing), listing

    # Everything came from the site and the local backend; the page's policy was kept.
    assert all(url.startswith(("http://127.0.0.1:", "blob:", "data:")) for url in requested), requested
    assert page.evaluate("window.__violations") == []


def test_a_required_field_left_empty_is_refused_in_swedish(editor, page):
    base, project = editor
    open_new_report(page, base)
    page.get_by_label("Rubrik", exact=True).fill("Utan sammanfattning")
    page.get_by_label("Datum", exact=True).fill("15 maj 2024")
    page.get_by_role("button", name="Spara", exact=True).click()
    page.get_by_text("Sammanfattning är obligatoriskt.").wait_for()
    page.get_by_text("Principer är obligatoriskt.").wait_for()
    page.get_by_text("Datumet har fel form. Skriv datumet som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ").wait_for()
    assert page.get_by_text("Status: Utkast").count() == 0
    assert git(project, "branch", "--format=%(refname:short)").split() == ["main"]
    assert page.evaluate("window.__violations") == []


def test_the_editor_page_says_what_it_sends_to_github_and_is_never_indexed(editor, page):
    base, _ = editor
    page.goto(base + "redigera/")
    info = page.locator(".loft-redigera-info")
    info.get_by_text("Vad skickas till GitHub?").click()
    text = info.inner_text()
    assert "pull request" in text and "localStorage" in text and "api.github.com" in text
    html = page.content()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert page.locator("html").get_attribute("lang") == "sv"
