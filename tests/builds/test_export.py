"""`loft export`: the site for a builder without hooks, built by Zensical 0.0.68.

The export's pages carry the core's finished HTML (the hooks' rendering, the
sanitizer's output), so Zensical, or plain ProperDocs without hooks, only
wraps them in the theme. Compared with the hooks' build page by page: the
same article (parsed: elements, attributes, text), the same head metadata
and extra files, and a search index over the same pages.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from harness import REPO, run_build
from bench.corpus import generate
from helpers import report
from loft.engine.export import export_path, export_site
from loft.content.problems import ContentError
from loft.search.pagefind import run_pagefind

pytestmark = pytest.mark.build
BIN = Path(sys.executable).parent
SKIP_LINK = '<a id="__skip" tabindex="-1"></a>'  # Zensical's own, in every article


def article(html: str) -> list[tuple]:
    start = html.find("<article")
    part = html[start:html.find("</article>", start) + 10].replace(SKIP_LINK, "", 1)
    root = lxml.html.fragment_fromstring(part, create_parent="div")
    return [(e.tag, sorted((k, "" if v == k else v) for k, v in e.attrib.items()),
             " ".join((e.text or "").split()), " ".join((e.tail or "").split()))
            for e in root.iter() if isinstance(e.tag, str)]


def head(html: str) -> dict:
    tree = lxml.html.fromstring(html)
    return {
        "title": tree.findtext(".//title"),
        "description": tree.xpath("string(//meta[@name='description']/@content)"),
        "og": sorted(tuple(m.attrib.items()) for m in tree.xpath("//meta[starts-with(@property, 'og:')]")),
        "citation": sorted(tuple(m.attrib.items()) for m in tree.xpath("//meta[starts-with(@name, 'citation_')]")),
        "jsonld": [s.text for s in tree.xpath("//script[@type='application/ld+json']")],
        "feeds": sorted(tuple(link.attrib.items()) for link in tree.xpath("//link[@rel='alternate feed']")),
    }


def build_export(folder: Path, command: list[str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    project = generate(root / "project", 120, seed=5, extra_municipalities=4)
    hooks = run_build(project)
    assert hooks.returncode == 0, hooks.output
    exported = export_site(project, root / "export")
    done = build_export(exported.target, [str(BIN / "zensical"), "build", "--clean"])
    assert done.returncode == 0, done.stdout + done.stderr
    plain = build_export(exported.target, [str(BIN / "properdocs"), "build", "--strict", "--site-dir",
                                           str(root / "plain")])
    assert plain.returncode == 0, plain.stdout + plain.stderr
    return project, hooks.site, exported, exported.target / "site", root / "plain"


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_zensical_builds_the_same_pages(sites):
    _, hooks, exported, zensical, _ = sites
    assert html_pages(zensical) == html_pages(hooks)
    assert len(exported.pages) > 150  # items, listings, overviews, the search page, site pages
    different = [page for page in html_pages(hooks) if page != "404.html"
                 and article((hooks / page).read_text(encoding="utf-8"))
                 != article((zensical / page).read_text(encoding="utf-8"))]
    assert different == []


def test_plain_properdocs_without_hooks_builds_the_same_pages(sites):
    _, hooks, _, _, plain = sites
    assert html_pages(plain) == html_pages(hooks)
    different = [page for page in html_pages(hooks)
                 if article((hooks / page).read_text(encoding="utf-8"))
                 != article((plain / page).read_text(encoding="utf-8"))]
    assert different == []


THEME_FRAGMENTS = re.compile(r'<header class="md-header.*?</header>|<script id="__config".*?</script>'
                             r'|<button type="button" class="md-top.*?</button>|<link rel="stylesheet"[^>]*>', re.DOTALL)


def test_fragments_the_hooks_render_once_are_materials(sites):
    """The hooks render the header's parts, Material's config script, stylesheet
    links and back-to-top button once per key (hooks/engine_work.py: Fragments);
    plain ProperDocs renders them on every page. Every page's are the same, the
    search page's own header link ("./") and the 404 page's absolute links included."""
    _, hooks, _, _, plain = sites
    pages = [page for page in html_pages(hooks) if not page.startswith("redigera/")]  # the web editor: its own page
    ours = {page: THEME_FRAGMENTS.findall((hooks / page).read_text(encoding="utf-8")) for page in pages}
    theirs = {page: THEME_FRAGMENTS.findall((plain / page).read_text(encoding="utf-8")) for page in pages}
    kinds = ('<header class="md-header', '<link rel="stylesheet"', '<button type="button" class="md-top',
             '<script id="__config"')
    assert all(any(f.startswith(kind) for f in found) for found in ours.values() for kind in kinds)
    assert any('action="./"' in found for found in ours["sok/index.html"] if found.startswith("<header"))
    assert [page for page in pages if ours[page] != theirs[page]] == []


def test_head_metadata_survives(sites):
    _, hooks, _, zensical, _ = sites
    item_pages = [p for p in html_pages(hooks) if p.startswith("rapporter/") and "/sida/" not in p
                  and p != "rapporter/index.html"]
    for page in [*item_pages[:5], "index.html", "principer/index.html", "rapporter/index.html", "sok/index.html"]:
        ours, theirs = head((hooks / page).read_text(encoding="utf-8")), head((zensical / page).read_text(encoding="utf-8"))
        assert theirs == ours, page
    assert head((hooks / item_pages[0]).read_text(encoding="utf-8"))["citation"]  # reports carry Scholar tags


def test_extra_files_are_the_same(sites):
    _, hooks, _, zensical, _ = sites
    for name in ("atom.xml", "api/items.json", "api/items.schema.json", "api/dcat.jsonld", "rapporter/atom.xml"):
        assert (zensical / name).read_bytes() == (hooks / name).read_bytes(), name
    citations = sorted(p.relative_to(hooks).as_posix() for p in hooks.rglob("citera.*"))
    assert citations
    for name in citations:
        assert (zensical / name).read_bytes() == (hooks / name).read_bytes(), name


def test_search_index_over_the_same_pages(sites):
    _, hooks, _, zensical, _ = sites
    run_pagefind(zensical)
    entry = lambda site: json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    ours, theirs = entry(hooks), entry(zensical)
    assert theirs["languages"].keys() == ours["languages"].keys()
    assert [v["page_count"] for v in theirs["languages"].values()] == [v["page_count"] for v in ours["languages"].values()]


def test_export_holds_sanitized_html_never_markdown(make_project, tmp_path):
    project = make_project({"reports/fet.md": report("Fet text", "2023", body="Det här är **viktigt**.\n")})
    exported = export_site(project, tmp_path / "export")
    page = (exported.target / "docs" / export_path("rapporter/fet.md")).read_text(encoding="utf-8")
    assert "<strong>viktigt</strong>" in page and "**viktigt**" not in page


def test_export_refuses_what_the_build_refuses(make_project, tmp_path):
    project = make_project({"reports/farlig.md": report("Farlig", "2023",
                                                         body='Text <img src="x" onerror="alert(1)">\n')})
    with pytest.raises(ContentError) as error:
        export_site(project, tmp_path / "export")
    assert "reports/farlig.md" in str(error.value)
    assert not (tmp_path / "export").exists()


def test_export_never_replaces_a_folder_that_is_not_an_export(make_project, tmp_path):
    from loft.engine.export import ExportError

    project = make_project({"reports/a.md": report("A", "2023")})
    (tmp_path / "annat").mkdir()
    (tmp_path / "annat" / "viktig.txt").write_text("behåll", encoding="utf-8")
    for target in (tmp_path / "annat", project, project / "site", project.parent):
        with pytest.raises(ExportError):
            export_site(project, target)
    assert (tmp_path / "annat" / "viktig.txt").read_text(encoding="utf-8") == "behåll"
    first = export_site(project, tmp_path / "ut")
    assert export_site(project, tmp_path / "ut").pages == first.pages  # an earlier export is replaced
