"""Details of the core that the whole-site tests pass over: file formats, overview
pages, empty-listing texts, the tie-breaking order, URL helpers, page metadata
defaults and optional open-data settings. Expectations written by hand."""

from __future__ import annotations

import json

import yaml

from harness import REPO, data_project
from helpers import news, report
from loft.build import SiteBuild
from loft.content.model import _Reversed
from loft.content.urls import page_url, paginated, relative

CORPUS = {
    "reports/ab.md": report("Åb", "2022", ["kultur"], ["lidingo"]),
    "reports/aa.md": report("Aa", "2022", ["kultur"]),
    "docs/nyheter/n.md": news("N", "2023-01-10"),
}


def build_of(tmp_path, corpus=CORPUS, **options) -> SiteBuild:
    return SiteBuild.create(data_project(tmp_path, corpus), **options)


def test_json_files_are_indented_by_two_and_keep_swedish_letters(tmp_path):
    files = build_of(tmp_path).extra_files()
    catalogue = files["api/items.json"]
    assert catalogue.startswith('{\n  "items": [\n    {\n      "title": "N",\n')
    assert '"title": "Åb"' in catalogue and "\\u00c5" not in catalogue
    assert catalogue.endswith("\n  ]\n}\n")
    schema = files["api/items.schema.json"]
    assert schema.startswith('{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": ')
    assert "Publiceringsår" in schema and schema.endswith("}\n") and not schema.endswith("}\n\n")
    dcat = files["api/dcat.jsonld"]
    assert dcat.startswith('{\n  "@context": {\n    "dcat": ') and "Öppna data från" in dcat
    assert dcat.endswith("}\n") and "\\u" not in dcat


def test_overview_pages(tmp_path):
    build = build_of(tmp_path)
    facets = yaml.safe_load((REPO / "data/facets.yml").read_text(encoding="utf-8"))
    got = [(o.url, o.title, o.kind, o.intro, o.facet.field if o.facet else None) for o in build.overviews.values()]
    assert got == [
        *[(f"{f['path']}/", f["title"], "facet", f.get("intro", ""), f["field"]) for f in facets],
        ("ar/", "År", "years", "Allt publicerat material ordnat efter det år det gavs ut.", None),
        # The whole principle x municipality matrix has a page of its own (issue 12).
        ("principer/matris/", "Principer och kommuner: hela översikten", "matrix",
         "Hur mycket material som finns för varje kombination av princip och kommun, med alla "
         "principer och kommuner.", "principles"),
    ]
    assert [o.src_uri for o in build.overviews.values()] == ["principer/index.md", "kommuner/index.md", "ar/index.md",
                                                            "principer/matris/index.md"]


def test_listings_carry_their_kind_and_empty_text(tmp_path):
    build = build_of(tmp_path)
    facets = {f["path"]: f for f in yaml.safe_load((REPO / "data/facets.yml").read_text(encoding="utf-8"))}
    by_url = {l.url: l for l in build.listings.values()}
    rapporter, material = by_url["rapporter/"], by_url["material/"]
    assert (rapporter.kind, rapporter.filters, rapporter.title) == ("type", {"typ": "rapport"}, "Rapporter")
    assert material.empty == "Här finns inget publicerat material ännu." and material.items == []
    vasteras = by_url["kommuner/vasteras/"]
    assert (vasteras.kind, vasteras.filters) == ("term", {"kommuner": "vasteras"})
    assert vasteras.empty == facets["kommuner"]["empty"]
    assert by_url["principer/systemsynsatt/"].empty == facets["principer"]["empty"]
    year = by_url["ar/2022/"]
    assert (year.kind, year.year, year.title, year.filters) == ("year", 2022, "År 2022", {"ar": "2022"})


def test_ties_read_a_to_o_and_compare_both_ways():
    assert _Reversed("rapporter/aa/") > _Reversed("rapporter/ab/")
    assert not _Reversed("rapporter/ab/") > _Reversed("rapporter/aa/")
    assert _Reversed("rapporter/ab/") < _Reversed("rapporter/aa/")
    assert not _Reversed("rapporter/aa/") < _Reversed("rapporter/ab/")
    assert sorted([_Reversed("b"), _Reversed("a"), _Reversed("c")]) == ["c", "b", "a"]


def test_same_date_items_sort_by_url(tmp_path):
    build = build_of(tmp_path)
    aa, ab = build.index.by_url["rapporter/aa/"], build.index.by_url["rapporter/ab/"]
    assert aa.sort_key > ab.sort_key and ab.sort_key < aa.sort_key  # newest first: aa before ab
    assert [i.url for i in build.index.items] == ["nyheter/n/", "rapporter/aa/", "rapporter/ab/"]


def test_url_helpers():
    assert page_url("om-loft.md") == "om-loft/"
    assert page_url("index.md") == ""
    assert page_url("nyheter/index.md") == "nyheter/"
    assert page_url("rapporter/x/index.md") == "rapporter/x/"
    assert paginated("rapporter/", 1) == "rapporter/" and paginated("rapporter/", 3) == "rapporter/sida/3/"
    # A file named like the page's own folder is a sibling, not the page itself.
    assert relative("principer/kultur/", "principer/kultur") == "../kultur"
    assert relative("ar/", "ar/atom.xml") == "atom.xml"
    assert relative("", "") == "./"


def test_page_metadata_defaults(tmp_path):
    machine = build_of(tmp_path).machine
    plain = machine.page_info("kontakt.md")
    assert (plain.url, plain.title) == ("kontakt/", "LOFT kunskapsbank")
    assert machine.page_info("kontakt.md", "Kontakt").description == "Kontakt – LOFT kunskapsbank."
    assert machine.head_html("kontakt.md") == machine.head_html("kontakt.md", plain)
    assert '<meta property="og:title" content="LOFT kunskapsbank">' in machine.head_html("kontakt.md")
    item = machine.head_html("rapporter/aa.md")
    assert '<meta property="og:title" content="Aa">' in item and 'og:type" content="article"' in item
    assert '<meta name="citation_title" content="Aa">' in item  # reports carry Google Scholar's tags


def test_open_data_without_licence_or_description(tmp_path):
    root = data_project(tmp_path, CORPUS)
    metadata = root / "data/metadata.yml"
    data = yaml.safe_load(metadata.read_text(encoding="utf-8"))
    data["open_data"].pop("licence", None)  # absent already until LOFT confirms one
    del data["open_data"]["description"]
    metadata.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    catalog, dataset = json.loads(SiteBuild.create(root).extra_files()["api/dcat.jsonld"])["@graph"]
    assert "dcterms:license" not in catalog
    assert all("dcterms:license" not in d for d in dataset["dcat:distribution"])
    assert dataset["dcterms:description"] == {"@value": "", "@language": "sv"}


def test_an_item_without_tags_is_listed_without_terms(tmp_path):
    """Item.tags defaults to no terms at all: the index, catalogue and terms() cope."""
    import dataclasses

    from loft.outputs.catalogue import catalogue_entries
    from loft.content.site_index import SiteIndex

    build = build_of(tmp_path)
    bare = dataclasses.replace(build.index.by_url["nyheter/n/"], tags={})
    index = SiteIndex([bare], build.project.types, build.project.facets)
    assert [bare.terms(f) for f in build.project.facets] == [[], []]
    assert all(items == [] for terms in index.by_term.values() for items in terms.values())
    [entry] = catalogue_entries(index)
    assert (entry["principles"], entry["municipalities"]) == ([], [])


def test_machine_readable_names_the_site_by_default(tmp_path):
    from loft.outputs.machine_readable import MachineReadable

    build = build_of(tmp_path)
    machine = MachineReadable(build.project, build.index, build.listings, build.overviews)
    assert "<title>LOFT kunskapsbank</title>" in machine.extra_files()["atom.xml"]
