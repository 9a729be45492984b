"""The search side of the core: compounds, what item pages tell Pagefind, the
search page and the listings' links to it. No MkDocs, no Pagefind run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from harness import REPO
from helpers import news, report
from loft.build import SiteBuild
from loft.pages.listings import all_listings
from loft.pages.renderer import PageRenderer
from loft.content.problems import ContentError
from loft.content.project import Project
from loft.content.urls import SEARCH_SRC_URI
from loft.search.compounds import Compounds
from loft.search.index import SearchIndex



@pytest.fixture
def project_root(tmp_path):
    shutil.copytree(REPO / "data", tmp_path / "data")
    files = {
        "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur", "systemsynsatt"], ["kungsbacka"],
                                  body="Om kommunledningens arbete och innovationsledning.\n"),
        "materials/gamma.md": report("Gamma", "2023-05", ["strategisk-inriktning"]),
        "docs/nyheter/delta.md": news("Delta", "2021-08-16", municipalities=["enkoping"]),
        "docs/nyheter/epsilon.md": news("Epsilon", "2022-03-01"),
    }
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def build(project_root):
    return SiteBuild.create(project_root)


# --- compounds ----------------------------------------------------------------
def test_compound_parts_are_found_inflected_and_inside_longer_words():
    compounds = Compounds({"innovationsledning": ("innovation", "ledning"),
                           "kommunledning": ("kommun", "ledning")})
    text = "Kommunledningsförvaltningen och INNOVATIONSLEDNINGEN."
    assert compounds.parts_in(text) == ["kommun", "ledning", "innovation"]
    assert compounds.parts_in("Inget här.") == []
    assert Compounds({}).parts_in("innovationsledning") == []


def test_the_repository_compound_list_loads_and_splits_the_domain_words():
    compounds, problems = Compounds.load(REPO)
    assert problems == []
    for word, part in [("innovationsledning", "ledning"), ("kommunledning", "ledning"),
                       ("innovationskultur", "kultur"), ("innovationsklimat", "klimat")]:
        assert part in compounds.parts[word]


def test_a_wrong_compound_entry_is_a_problem_in_swedish(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/compounds.yml").write_text("innovationsledning: ledning\nkommunledning: [kommun, ledning]\n",
                                                 encoding="utf-8")
    compounds, problems = Compounds.load(tmp_path)
    assert list(compounds.parts) == ["kommunledning"]
    assert len(problems) == 1
    assert problems[0].path == "data/compounds.yml"
    assert "\"innovationsledning\" ska följas av minst två delord" in problems[0].message


def test_a_missing_compound_file_means_no_compounds(tmp_path):
    compounds, problems = Compounds.load(tmp_path)
    assert len(compounds) == 0 and problems == []


def test_a_broken_compound_file_stops_the_build(project_root):
    (project_root / "data/compounds.yml").write_text("innovationsledning: [innovation\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        SiteBuild.create(project_root)
    assert "data/compounds.yml" in str(error.value) and "YAML-syntaxfel" in str(error.value)


# --- item pages -----------------------------------------------------------------
def test_an_item_page_carries_filters_metadata_sort_and_extra_words(build):
    item = build.index.by_url["rapporter/alfa/"]
    page = build.page_markdown(item.src_uri, "Om kommunledningens arbete och innovationsledning.\n")
    assert page.startswith('\n\n<nav class="loft-breadcrumbs"') and "\n# Alfa\n" in page
    assert "<div data-pagefind-body>" in page and page.rstrip().endswith("</div>")
    assert '<div hidden data-pagefind-ignore="index">' in page
    filters = re.findall(r'data-pagefind-filter="([^"]+)"', page)
    assert filters == ["typ:rapport", "ar:2022", "principer:kultur", "principer:systemsynsatt",
                       "kommuner:kungsbacka"]
    meta = dict(m.split(":", 1) for m in re.findall(r'data-pagefind-meta="([^"]+)"', page))
    assert meta["title"] == "Alfa" and meta["typ"] == "Rapport"
    assert meta["datum"] == "1 mars 2022" and meta["iso"] == "2022-03-01"
    assert meta["sammanfattning"] == "Sammanfattning av Alfa."
    words = re.search(r'data-search-words="([^"]+)"', page).group(1).split(" ")
    for word in ("Kultur", "Culture", "Systemsynsätt", "Kungsbacka", "kommun", "ledning", "innovation"):
        assert word in words
    # The extra words close the indexed part, after the item's own text.
    assert page.index("innovationsledning.") < page.index("data-search-words")


def test_the_sort_rank_follows_the_listing_order(build):
    search = SearchIndex(build.index)
    ranks = [int(re.search(r'data-pagefind-sort="nyast:(\d+)"', search.item_markup(i, "").open).group(1))
             for i in build.index.items]
    # Descending rank is exactly the index's newest-first order, ties included
    # (Alfa and Epsilon share a date).
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks)


# --- the search page ------------------------------------------------------------
def test_the_search_page_is_generated_with_options_in_a_stable_order(build, project_root):
    assert SEARCH_SRC_URI in build.generated_pages()
    page = build.page_markdown(SEARCH_SRC_URI, "")
    project = Project.load(project_root)
    for facet in project.facets:
        values = re.findall(rf'name="{facet.path}" value="([^"]+)"', page)
        assert values == [t.id for t in facet.vocabulary]
    assert re.findall(r'name="ar" value="(\d+)"', page) == ["2023", "2022", "2021"]
    assert re.findall(r'name="typ" value="([^"]+)"', page) == ["rapport", "mall", "nyhet"]
    assert 'data-names="kultur|Kultur|Culture"' in page
    assert 'data-bundle="../pagefind/"' in page
    assert '<script type="module" src="../assets/javascripts/loft-search.js"></script>' in page


def test_without_script_the_search_page_links_every_listing(build):
    page = build.page_markdown(SEARCH_SRC_URI, "")
    nojs = page[page.index('id="loft-search-nojs"'):]
    assert "<!-- loft:" not in nojs  # every block was filled in
    for href in ("../rapporter/", "../material/", "../nyheter/", "../principer/kultur/",
                 "../kommuner/kungsbacka/", "../ar/2023/"):
        assert f'href="{href}"' in nojs


def test_listings_link_to_the_search_with_their_filter(build):
    renderer = PageRenderer(build.index)
    links = {}
    for listing in all_listings(build.index):
        if listing.total:
            match = re.search(r'class="loft-search-link"><a href="([^"]+)">([^<]+)</a>',
                              renderer.listing_page(listing))
            links[listing.url] = match.groups()
    assert links["principer/kultur/"] == ("../../sok/?principer=kultur",
                                          "Sök och filtrera bland materialet märkt Kultur")
    assert links["kommuner/kungsbacka/"][0] == "../../sok/?kommuner=kungsbacka"
    assert links["ar/2022/"] == ("../../sok/?ar=2022", "Sök och filtrera bland materialet från 2022")
    assert links["rapporter/"] == ("../sok/?typ=rapport", "Sök och filtrera bland rapporter")
