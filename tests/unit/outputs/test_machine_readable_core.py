"""The machine-readable core without MkDocs: feeds, citations, JSON-LD, page descriptions."""

from __future__ import annotations

import json

import feedparser
import pytest

from helpers import news, report
from loft.build import SiteBuild
from loft.outputs.citations import Name
from loft.outputs.feeds import MAX_ENTRIES, all_feeds
from loft.outputs.head import first_paragraph, shorten
from loft.outputs.structured_data import script_json

BASE = {
    "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur"], ["kungsbacka"]),
    "materials/beta.md": report("Beta", "2023", ["systemsynsatt"], ["lidingo"]),
    "docs/nyheter/gamma.md": news("Gamma", "2021-08-16", municipalities=["enkoping"]),
}


def feed_entries(build: SiteBuild) -> dict[str, list[str]]:
    """feed path -> titles of its entries, as a feed reader sees them."""
    return {path: [e.title for e in feedparser.parse(xml).entries]
            for path, xml in build.machine.extra_files().items() if path.endswith("atom.xml")}


def test_a_new_item_appears_in_exactly_the_feeds_it_belongs_to(make_project):
    project = make_project(BASE)
    before = feed_entries(SiteBuild.create(project))
    (project / "reports/ny.md").write_text(
        report("Ny rapport", "2024-02-01", ["kultur", "anpassningsformaga"], ["knivsta"]), encoding="utf-8")
    after = feed_entries(SiteBuild.create(project))
    assert set(after) == set(before)
    changed = {path for path in after if after[path] != before[path]}
    assert changed == {"atom.xml", "rapporter/atom.xml", "principer/kultur/atom.xml",
                       "principer/anpassningsformaga/atom.xml", "kommuner/knivsta/atom.xml"}
    for path in changed:
        assert after[path] == ["Ny rapport", *before[path]], path  # newest first, nothing else moved


def test_feeds_are_bounded_newest_first_and_dated_by_their_newest_item(make_project):
    files = {f"reports/r{n:03d}.md": report(f"R{n:03d}", f"20{10 + n // 12:02d}-{n % 12 + 1:02d}-01")
             for n in range(MAX_ENTRIES + 10)}
    files["docs/nyheter/utkast.md"] = news("Utkast", "2099-01-01", ["kultur"], draft=True)
    build = SiteBuild.create(make_project(files), preview=True)  # the draft is in the index
    feeds = {feed.url: feed for feed in all_feeds(build.index, "LOFT kunskapsbank")}
    kultur = feedparser.parse(build.machine.extra_files()["principer/kultur/atom.xml"])
    assert len(kultur.entries) == MAX_ENTRIES == len(feeds["principer/kultur/atom.xml"].items)
    titles = [e.title for e in kultur.entries]
    assert "Utkast" not in titles  # drafts are previewed, never published
    assert titles == [f"R{n:03d}" for n in range(MAX_ENTRIES + 9, 9, -1)]
    assert kultur.feed.updated == kultur.entries[0].published
    empty = feedparser.parse(build.machine.extra_files()["kommuner/vasteras/atom.xml"])
    assert not empty.bozo and not empty.entries
    assert empty.feed.updated == kultur.feed.updated  # the site's newest date, not the build time


def test_machine_readable_files_are_the_same_for_the_same_sources(make_project):
    project = make_project(BASE)
    first = SiteBuild.create(project, site_url="https://example.se/").extra_files()
    second = SiteBuild.create(project, site_url="https://example.se/").extra_files()
    assert first == second


@pytest.mark.parametrize("text,inverted,apa,csl", [
    ("Anna Andersson", "Andersson, Anna", "Andersson, A.", {"family": "Andersson", "given": "Anna"}),
    ("Per-Olof  Berg", "Berg, Per-Olof", "Berg, P.-O.", {"family": "Berg", "given": "Per-Olof"}),
    ("Lind, Eva Maria", "Lind, Eva Maria", "Lind, E. M.", {"family": "Lind", "given": "Eva Maria"}),
    ("Amanda", "Amanda", "Amanda", {"literal": "Amanda"}),
])
def test_names_are_split_the_way_reference_formats_want(text, inverted, apa, csl):
    name = Name.parse(text)
    assert (name.inverted, name.apa, name.csl()) == (inverted, apa, csl)


def test_reference_and_bibtex_escape_what_they_must(make_project):
    project = make_project({"reports/x.md": report("50 % & {mer} – #1", "2023-05-15", authors=["Anna Andersson", "Bo Berg", "Carl"])})
    build = SiteBuild.create(project)
    citations = build.machine.citations
    item = build.index.items[0]
    reference = citations.reference_html(item)
    assert reference.startswith("Andersson, A., Berg, B., &amp; Carl. (2023). <cite>50 % &amp; {mer} – #1</cite> [Rapport].")
    bib = citations.bibtex(item)
    assert r"title = {{50 \% \& \{mer\} – \#1}}" in bib
    assert "author = {Andersson, Anna and Berg, Bo and {Carl}}" in bib and "month = may" in bib
    assert dict(t for t in citations.scholar_tags(item))["citation_publication_date"] == "2023/05/15"


def test_script_json_cannot_close_its_script_and_stays_equal():
    data = {"name": 'A </script><script>alert(1)</script> & <!-- "b"'}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_first_paragraph_is_plain_prose():
    markdown = ("# Rubrik\n\n<!-- loft:latest -->\n\n- en lista\n\n"
                "Det här är **första** stycket med en [länk](om-loft.md) och `kod`.\n\nAndra stycket.")
    assert first_paragraph(markdown) == "Det här är första stycket med en länk och kod."
    assert first_paragraph("# Bara rubrik\n") == ""
    long = "ord " * 200
    assert len(shorten(long)) <= 300 and shorten(long).endswith(" …")
    assert shorten("kort text") == "kort text"


def test_every_kind_of_page_gets_its_own_description(make_project):
    build = SiteBuild.create(make_project(BASE), page_size=1)
    info = build.machine.page_info
    assert info("rapporter/alfa.md").description == "Sammanfattning av Alfa."
    assert info("rapporter/index.md").description.startswith("Rapporter från LOFT")
    assert info("kommuner/lidingo/index.md").description == (
        "Publicerat material om Lidingö i LOFT kunskapsbank: 1 titel, nyast först.")
    culture = build.project.facet_by_field["principles"].vocabulary.by_id["kultur"]
    assert info("principer/kultur/index.md").description == " ".join(culture.get("summary").split())
    assert info("ar/2023/index.md").description == (
        "Material som publicerades 2023 i LOFT kunskapsbank: 1 titel, nyast först.")
    assert info("principer/index.md").description.startswith("Standarden ISO 56002")
    assert info("om-loft.md", "Om LOFT", "# Om LOFT\n\nLOFT är ett partnerskap.\n").description == (
        "LOFT är ett partnerskap.")
    assert info("om-loft.md", "Om LOFT", "# Om LOFT\n", "Egen beskrivning.").description == "Egen beskrivning."


def test_mistakes_in_the_metadata_files_are_content_problems(make_project):
    from loft.content.problems import ContentError

    project = make_project(BASE)
    metadata = project / "data/metadata.yml"
    metadata.write_text(metadata.read_text(encoding="utf-8")
                        .replace("  municipalities:\n", "  kommunerna:\n")
                        .replace("    alternate_name: name_en\n", "    alternat_name: name_en\n"),
                        encoding="utf-8")
    types = project / "data/types.yml"
    types.write_text(types.read_text(encoding="utf-8").replace("bibtex: misc, ", ""), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        SiteBuild.create(project)
    messages = [p.message for p in raised.value.problems]
    assert len(messages) == 3
    assert any('"kommunerna" är ingen facett' in m and "municipalities" in m for m in messages)
    assert any(m.startswith("okänt fält i data/metadata.yml") and "Menade du alternate_name?" in m
               for m in messages)
    assert any(m.startswith("fältet saknas men krävs i data/types.yml") and "bibtex" in m for m in messages)
