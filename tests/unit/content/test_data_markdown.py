"""Markdown fields in data/: every one the dataclasses declare is checked against
the sanitizer's allow-list (named by file, line and field), and what is
published of them is inert whether or not the check ran.

Which fields are Markdown is read from the dataclasses (loft/content/data/
fields.py: the Markdown kind), so a new Markdown field is covered by adding it.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
import yaml

from harness import data_project
from helpers import report
from loft.build import SiteBuild
from loft.content.data.declarations import ContentType, Facet
from loft.content.data.fields import Markdown, TextList, specs
from loft.content.project import Project
from loft.content.vocabulary import FacetTerm, Language, Publisher
from loft.safety import dialect, inputs
from loft.safety.text_check import data_markdown_problems

HOSTILE = "Text <script>alert(1)</script> <img src=x onerror=alert(1)> [länk](javascript:alert(1))"
# The file each dataclass's entries are read from, and the entry to plant the text in.
WHERE = {ContentType: ("types.yml", 0), Facet: ("facets.yml", 0), FacetTerm: ("principles.yml", 3)}


def markdown_fields(cls) -> list[str]:
    """The YAML keys of cls that the dataclass declares as Markdown (text or list of texts)."""
    found = []
    for name, spec in specs(cls).items():
        kind = spec.kind.item if isinstance(spec.kind, TextList) else spec.kind
        if isinstance(kind, Markdown):
            found.append(spec.key or name)
    return found


def test_the_markdown_fields_are_those_of_the_dataclasses():
    assert {cls: markdown_fields(cls) for cls in WHERE} == {
        ContentType: ["intro"], Facet: ["intro"], FacetTerm: ["summary", "description", "questions"]}
    for cls in (Publisher, Language):  # plain text only: names are page text
        assert markdown_fields(cls) == []


def plant(root: Path, cls, key: str) -> int:
    """HOSTILE as the value of key in cls's entry (a list of it for a list field);
    returns the line where the key stands."""
    name, number = WHERE[cls]
    path = root / "data" / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    is_list = isinstance(specs(cls)[key].kind, TextList)
    data[number][key] = [HOSTILE] if is_list else HOSTILE
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    entry_line = text.splitlines().index(f"- {next(iter(data[number]))}: {next(iter(data[number].values()))}")
    lines = text.splitlines()
    return next(n for n in range(entry_line, len(lines)) if lines[n].lstrip("- ").startswith(f"{key}:")) + 1


@pytest.mark.parametrize("cls,key", [(cls, key) for cls in WHERE for key in markdown_fields(cls)])
def test_every_markdown_field_is_checked_at_its_line(tmp_path, cls, key):
    root = data_project(tmp_path)
    line = plant(root, cls, key)
    problems = data_markdown_problems(Project.load(root))
    name = WHERE[cls][0]
    found = {(p.path, p.field, p.message.split(" är inte tillåtet")[0].split(".")[0]) for p in problems}
    assert {(f"data/{name}", key, "elementet <script>"), (f"data/{name}", key, "händelseattributet onerror")} <= found
    assert all(p.line in (line, line + 1) for p in problems), [p.format() for p in problems]


def _inert(html: str) -> list[str]:
    """What in html could run: script elements, on* attributes, javascript: links
    (an lxml reading, independent of the sanitizer)."""
    bad = []
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter():
        if element.tag == "script":
            bad.append("script")
        for attribute, value in element.attrib.items():
            if attribute.startswith("on") or value.strip().lower().startswith("javascript:"):
                bad.append(f"{attribute}={value}")
    return bad


def published(build: SiteBuild, src_uri: str) -> str:
    """The page as published: its Markdown converted (the site's dialect), editor
    stretches sanitized, the core's blocks put back (SiteBuild.page_html)."""
    return build.page_html(src_uri, dialect.render(build.mkdocs_markdown(src_uri)))


def test_what_is_published_of_data_markdown_is_inert_even_unchecked(tmp_path, monkeypatch):
    root = data_project(tmp_path, {"reports/a.md": report("A", "2023", ["kultur", "systemsynsatt"])})
    for cls in WHERE:
        for key in markdown_fields(cls):
            plant(root, cls, key)
    # Another principle with only a summary: then the summary is its page's Markdown text.
    principles = root / "data/principles.yml"
    data = yaml.safe_load(principles.read_text(encoding="utf-8"))
    systems = next(t for t in data if t["id"] == "systemsynsatt")
    systems.pop("description")
    systems["summary"] = HOSTILE
    principles.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # Without the check (it is the message, not the defence), the build publishes.
    monkeypatch.setattr(inputs, "data_markdown_problems", lambda project: [])
    build = SiteBuild.create(root)
    pages = ["rapporter/index.md", "principer/index.md", "principer/kultur/index.md",
             "principer/systemsynsatt/index.md", "index.md"]
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs/index.md").write_text("# Start\n\n<!-- loft:principles -->\n", encoding="utf-8")
    for src_uri in pages:
        html = published(build, src_uri)
        assert "alert(1)" not in html or "&lt;script&gt;" in html, src_uri  # removed, or shown as text
        assert _inert(html) == [], src_uri
    kultur = published(build, "principer/kultur/index.md")
    assert "Text" in kultur  # the text itself stays
    # Term summaries the core renders itself (cards, the lead) are escaped text.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in build.renderer.term_cards("principer/",
                                                                                 build.index.facets[0])
    # In <head> the summary is an attribute value and a JSON-LD string: escaped both times.
    head = build.machine.head_html("principer/systemsynsatt/index.md")
    assert "<script>alert" not in head and "<img" not in head
    scripts = lxml.html.fragment_fromstring(head, create_parent="div").findall(".//script")
    assert scripts and all(s.get("type") == "application/ld+json" for s in scripts)
    assert any("alert(1)" in json.loads(s.text)["description"] for s in scripts if "description" in s.text)
