"""Drafts in `mkdocs serve` (the preview behind `make serve`): shown, with an "Utkast" banner."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from harness import checkout_env
from helpers import news, report

STARTUP_SECONDS = 90  # a cold first build on a busy 2-core machine


PORT_ATTEMPTS = 5


def free_port() -> int:
    """A port that was free a moment ago. Another process may take it before
    mkdocs serve binds it (mkdocs cannot bind port 0 and report it), so
    `start_serve` tries again on a fresh port when the address is taken."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture
def preview(make_project):
    project = make_project({
        "reports/publicerad.md": report("Publicerad rapport", "2022"),
        "reports/hemlig/index.md": report("Hemlig rapport", "2024", draft=True),
        "docs/nyheter/utkastnyhet.md": news("Utkast till nyhet", "2024-02", draft=True),
    })
    server, base = start_serve(project)
    try:
        yield base
    finally:
        server.terminate()  # by its process, never by name
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def start_serve(project) -> tuple[subprocess.Popen, str]:
    """mkdocs serve on 127.0.0.1, running this checkout's code; waits until it answers."""
    for _ in range(PORT_ATTEMPTS):
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
            cwd=project, env=checkout_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if server.poll() is not None:
                output = server.stdout.read()
                if "Address already in use" in output:
                    break  # the port was taken between probe and bind: another port
                pytest.fail("mkdocs serve stannade:\n" + output)
            try:
                if fetch(base)[0] == 200:
                    return server, base
            except OSError:
                pass
            if time.monotonic() > deadline:
                server.kill()
                server.wait()
                pytest.fail(f"mkdocs serve svarade inte inom {STARTUP_SECONDS} s")
            time.sleep(0.5)  # polling for the server to come up, not a timed assertion
    pytest.fail(f"mkdocs serve fick ingen ledig port på {PORT_ATTEMPTS} försök")


@pytest.mark.build
def test_serve_shows_drafts_with_a_banner(preview):
    status, html = fetch(preview + "rapporter/hemlig/")
    assert status == 200
    assert 'class="loft-draft" role="note"' in html and "<strong>Utkast.</strong>" in html
    assert "DRAFT" not in html  # MkDocs' English marker is replaced by ours
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
