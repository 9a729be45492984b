"""Hostile markup in editors' text: always named with file and line, never published active.

The expectations here do not come from loft/safety/sanitizer.py: `assert_inert` is an
independent reading of the published HTML with lxml (what a browser would run,
load or be redirected by), so a gap in the allow-list fails these tests.
"""

from __future__ import annotations

import re
import subprocess
import sys

import lxml.html
import pytest

from harness import REPO
from helpers import item_md, report
from loft.safety import dialect
from loft.safety import sanitizer
from loft.safety.text_check import text_problems
from markup_cases import INERT, REJECTED

ACTIVE_ELEMENTS = {
    "script", "style", "iframe", "object", "embed", "base", "meta", "link", "form", "frame",
    "frameset", "svg", "math", "input", "button", "textarea", "select", "video", "audio", "source",
    "template", "noscript", "marquee", "body", "isindex", "xmp", "applet", "portal", "dialog",
}
ACTIVE_ATTRIBUTES = {"style", "srcset", "background", "formaction", "xlink:href", "target", "action"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def assert_inert(html: str) -> None:
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        assert element.tag.lower() not in ACTIVE_ELEMENTS, html
        for name, value in element.attrib.items():
            name = name.lower()
            assert not name.startswith("on"), html
            assert name not in ACTIVE_ATTRIBUTES, html
            if name in {"href", "src", "cite", "data"}:
                url = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
                scheme = re.match(r"^([a-z][a-z0-9+.\-]*):", url)
                assert scheme is None or scheme.group(1) in SAFE_SCHEMES, html
                if name == "src":  # images only from the site itself
                    assert scheme is None and not url.replace("\\", "/").startswith("//"), html
        assert not (element.get("id") or "").startswith("__"), html


@pytest.mark.parametrize("name", REJECTED)
def test_hostile_text_is_named_with_file_and_line(name):
    body, word = REJECTED[name]
    text = f"Första stycket.\n\n{body}\n"
    problems = text_problems("reports/fientlig.md", text, 7)
    assert problems, f"{name}: not reported"
    assert any(word.lower() in p.message.lower() for p in problems), [p.message for p in problems]
    last_line = 7 + text.count("\n")
    for problem in problems:
        assert problem.path == "reports/fientlig.md" and problem.field == "text"
        assert 9 <= problem.line <= last_line, (problem.line, body)


@pytest.mark.parametrize("name", REJECTED)
def test_hostile_text_is_published_inert(name):
    body, _ = REJECTED[name]
    assert_inert(sanitizer.sanitize(dialect.render(body)))


@pytest.mark.parametrize("name", [n for n, (fields, _) in INERT.items() if not fields])
def test_hostile_looking_text_is_accepted_and_stays_text(name):
    _, body = INERT[name]
    assert text_problems("reports/a.md", body, 1) == []
    html = dialect.render(body)
    assert sanitizer.sanitize(html) is not None
    assert_inert(sanitizer.sanitize(html))


@pytest.mark.parametrize("url,image,allowed", [
    ("https://example.org/a", False, True), ("http://example.org", False, True),
    ("mailto:info@example.org", False, True), ("tel:+4610", False, True),
    ("../rapporter/a/", False, True), ("#del-2", False, True), ("//example.org/x", False, True),
    ("bild.png", True, True), ("../bilder/a.webp", True, True),
    ("https://example.org/a.png", True, False), ("//example.org/a.png", True, False),
    ("javascript:alert(1)", False, False), (" java\tscript:x", False, False),
    ("JAVASCRIPT:x", False, False), ("vbscript:x", False, False), ("data:text/html,x", False, False),
    ("\\\\evil.example", False, False), ("ftp://example.org", False, False),
])
def test_url_verdicts_read_urls_as_browsers_do(url, image, allowed):
    assert (sanitizer.url_verdict(url, image=image) is None) is allowed


def test_what_the_detection_passes_the_sanitizer_leaves_unchanged():
    """No silent removals: where find_unsafe sees nothing, sanitizing changes no element or attribute."""
    bodies = [body for _, body in INERT.values()] + [
        (REPO / "docs/om-loft.md").read_text(encoding="utf-8"),
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! note \"Obs\"\n    Text[^1]\n\n[^1]: Fotnot.\n\n"
        "*[RISE]: Research Institutes of Sweden\n\nTerm\n:   Definition\n\n![Bild](bild.png){ width=600 }",
    ]
    for body in bodies:
        html = dialect.render(body)
        assert sanitizer.find_unsafe(html) == []
        before = lxml.html.fragment_fromstring(html, create_parent="div")
        after = lxml.html.fragment_fromstring(sanitizer.sanitize(html), create_parent="div")
        shape = lambda root: [(e.tag, sorted(e.attrib.items())) for e in root.iter() if isinstance(e.tag, str)]
        assert shape(after) == shape(before), body[:60]


@pytest.mark.build
def test_build_and_loft_check_name_every_hostile_file_and_line(make_project, build):
    """One build with every case as its own report: all named at once, no traceback,
    and loft check names the same files and lines."""
    files = {f"reports/{name}.md": report(name.title(), "2023", body=f"Text.\n\n{body}\n")
             for name, (body, _) in REJECTED.items()}
    project = make_project(files)
    result = build(project, strict=False)
    assert result.returncode != 0
    assert "Traceback" not in result.output
    located = set(re.findall(r"(reports/[\w-]+\.md):(\d+):\d+: text:", result.output))
    assert {path for path, _ in located} == set(files)
    assert not (result.site / "rapporter").exists()
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "loft.cli", "check"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert set(re.findall(r"(reports/[\w-]+\.md):(\d+):\d+: text:", done.stdout)) == located


@pytest.mark.build
def test_a_valid_build_still_fails_on_markup_found_while_converting(make_project, build):
    """With valid front matter everywhere, the problem is found in the engine's HTML."""
    project = make_project({
        "reports/ok.md": report("OK", "2022"),
        "docs/kontakt.md": "---\ntitle: Kontakt\n---\n\n# Kontakt\n\n[Skicka](javascript:send())\n",
        "reports/bild.md": report("Bild", "2023", body="Text.\n\n![x](https://tracker.example/p.gif)\n"),
    })
    result = build(project, strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "docs/kontakt.md:7:" in result.output and "javascript" in result.output
    assert "reports/bild.md:" in result.output and "bilder får bara visas" in result.output
    assert not (result.site / "kontakt/index.html").exists()


@pytest.mark.build
def test_markup_in_data_files_is_named(make_project, build):
    project = make_project({"reports/ok.md": report("OK", "2022")})
    principles = project / "data/principles.yml"
    text = principles.read_text(encoding="utf-8")
    principles.write_text(text.replace("  description: ", "  description: <img src=x onerror=alert(1)> ", 1),
                          encoding="utf-8")
    result = build(project, strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    # The field named and its line: the term's description.
    assert re.search(r"data/principles\.yml:\d+:\d+: description: händelseattributet onerror", result.output)


@pytest.mark.build
def test_hostile_looking_fields_are_published_as_text(make_project, build):
    files = {f"reports/{name}.md": item_md(body, **{"title": name, "date": "2023", "principles": ["kultur"],
                                                    "summary": "Sammanfattning.", **fields})
             for name, (fields, body) in INERT.items()}
    result = build(make_project(files))
    assert result.returncode == 0, result.output
    page = result.read("rapporter/markdown-link-title/index.html")
    assert "<h1 id=" in page and "[x](javascript:alert(1))</h1>" in page
    assert "<title>[x](javascript:alert(1))" in page
    page = result.read("rapporter/attr-list-title/index.html")
    assert 'Titel {: onclick="alert(1)" }</h1>' in page.replace("&quot;", '"')
    page = result.read("rapporter/comment-with-script/index.html")
    assert "alert(1)" not in page  # editors' comments are not published
    for path in result.site.rglob("*.html"):  # no trusted-block wrapper or marker leaks out
        assert "<!--loft-" not in path.read_text(encoding="utf-8"), path
    for name in INERT:
        article = result.read(f"rapporter/{name}/index.html").split("<article", 1)[1].split("</article>", 1)[0]
        assert_inert(article.split(">", 1)[1])


# Titles reach the theme's <title> and header as they are (through striptags,
# which decodes entities): markup in anything that becomes a title is refused.
TITLE_CASES = {
    "site-page-title": ("docs/om.md", "---\ntitle: \"</title><script>alert(1)</script>\"\n---\n\n# Om\n",
                        "docs/om.md:2:"),
    "site-page-entity-title": ("docs/om2.md", "---\ntitle: \"&lt;/title&gt;&lt;script&gt;x\"\n---\n\n# Om\n",
                               "docs/om2.md:2:"),
    "item-title": ("reports/t.md", report("</title><script>alert(1)</script>", "2023"), "reports/t.md:"),
}


@pytest.mark.parametrize("name", TITLE_CASES)
def test_markup_in_a_title_is_refused(make_project, name):
    path, text, where = TITLE_CASES[name]
    project = make_project({path: text, "reports/ok.md": report("OK", "2022")})
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "loft.cli", "check"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert where in done.stdout and "tolkas som HTML" in done.stdout, done.stdout


@pytest.mark.parametrize("file,before,after", [
    ("data/municipalities.yml", "label: Kungsbacka", "label: \"Kungsbacka<img src=x onerror=alert(1)>\""),
    ("data/principles.yml", "label: Kultur", "label: \"Kultur &lt;script&gt;\""),
    ("data/types.yml", "plural: Rapporter", "plural: \"Rapporter</title><script>alert(1)</script>\""),
    ("data/facets.yml", "title: Principer", "title: \"<b>Principer</b>\""),
])
def test_markup_in_a_data_label_is_refused(make_project, file, before, after):
    project = make_project({"reports/ok.md": report("OK", "2022")})
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "loft.cli", "check"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in output
    assert file in output and "tolkas som HTML" in output, output


@pytest.mark.build
def test_a_title_with_markup_fails_the_build(make_project, build):
    path, text, where = TITLE_CASES["site-page-title"]
    result = build(make_project({path: text, "reports/ok.md": report("OK", "2022")}), strict=False)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert where in result.output and "tolkas som HTML" in result.output
