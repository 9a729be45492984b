"""Chart data and chart markup from loft.pages.charts, without MkDocs.

Every count is checked against a brute-force count over the items, so the one
pass in Tallies cannot drift from what the index says.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from itertools import product
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

from harness import copy_machinery, write_files
from helpers import news, report, table_numbers
from loft.build import SiteBuild
from loft.pages.charts import HEAT_LEVELS, Charts, Tallies, heat_level, heat_ranges

SVG = "{http://www.w3.org/2000/svg}"

CORPUS = {
    "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur", "systemsynsatt"], ["kungsbacka", "lidingo"]),
    "reports/beta.md": report("Beta", "2023", ["kultur"], ["skelleftea"]),
    "reports/zeta.md": report("Zeta", "2019", ["kultur"], ["kungsbacka"]),
    "materials/gamma.md": report("Gamma", "2023-05", ["strategisk-inriktning", "kultur"], ["kungsbacka"]),
    "docs/nyheter/delta.md": news("Delta", "2021-08-16", municipalities=["enkoping"]),
    "docs/nyheter/eta.md": news("Eta", "2023-01-02", ["kultur"]),  # a principle, no municipality
}


def make_build(tmp_path, files=CORPUS, page_size: int = 50, **data) -> SiteBuild:
    root = copy_machinery(tmp_path / "project")
    for folder in ("reports", "materials", "docs/nyheter"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    write_files(root, files)
    for name, terms in data.items():
        (root / "data" / f"{name}.yml").write_text(yaml.safe_dump(terms, allow_unicode=True), encoding="utf-8")
    return SiteBuild.create(root, page_size=page_size)


@pytest.fixture
def site(tmp_path) -> SiteBuild:
    return make_build(tmp_path)


def figure(html: str, chart_id: str) -> ET.Element:
    """The chart's <figure>, parsed (the markup is well-formed XML by design)."""
    match = re.search(rf'<figure class="loft-chart[^"]*" id="{chart_id}">.*?</figure>', html)
    assert match, f"no chart {chart_id}"
    return ET.fromstring(match.group(0))


def test_tallies_equal_brute_force_counts(site):
    index, tallies = site.index, Tallies(site.index)
    principles, municipalities = index.facets
    for p, m in product(principles.vocabulary, municipalities.vocabulary):
        expected = sum(1 for i in index.items
                       if p.id in i.tags.get("principles", ()) and m.id in i.tags.get("municipalities", ()))
        assert tallies.pair(principles, p.id, municipalities, m.id) == expected
        assert tallies.pair(municipalities, m.id, principles, p.id) == expected
    assert tallies.pair(principles, "kultur", municipalities, "kungsbacka") == 3
    for facet in index.facets:
        for term, year in product(facet.vocabulary, range(2015, 2026)):
            expected = sum(1 for i in index.items if i.year == year and term.id in i.tags.get(facet.field, ()))
            assert tallies.term_year(facet, term.id, year) == expected
    for ctype, year in product(index.types, range(2015, 2026)):
        assert tallies.year_type(year, ctype.id) == sum(1 for i in index.items
                                                        if i.year == year and i.type.id == ctype.id)
    assert tallies.year_span == [2019, 2020, 2021, 2022, 2023]  # 2020 is a gap, still a year


@pytest.mark.parametrize("maximum", [1, 2, 3, 4, 5, 7, 13])
def test_heat_levels_cover_every_count_once(maximum):
    ranges = heat_ranges(maximum)
    assert heat_level(0, maximum) == 0
    for count in range(1, maximum + 1):
        level = heat_level(count, maximum)
        assert 1 <= level <= HEAT_LEVELS
        assert [lvl for lvl, low, high in ranges if low <= count <= high] == [level]
    assert heat_level(maximum, maximum) == HEAT_LEVELS


def test_matrix_cells_count_and_link_exactly_their_combination(site):
    index = site.index
    principles, municipalities = index.facets
    html = Charts(index).matrix("principer/")
    fig = figure(html, "loft-matrix")
    svg = next(s for s in fig.iter(f"{SVG}svg") if s.get("aria-hidden") != "true")
    links = {}
    for a in svg.iter(f"{SVG}a"):
        url = urlsplit(unescape(a.get("href")))
        count = int(a.find(f"{SVG}text").text)
        if url.path == "../sok/":
            query = parse_qsl(url.query)
            assert [k for k, _ in query] == ["principer", "kommuner"]
            links[dict(query)["principer"], dict(query)["kommuner"]] = count
            assert a.get("aria-label").endswith(f": {count} " + ("titel" if count == 1 else "titlar"))
    expected = {
        (p.id, m.id): sum(1 for i in index.items if p.id in i.tags.get("principles", ())
                          and m.id in i.tags.get("municipalities", ()))
        for p, m in product(principles.vocabulary, municipalities.vocabulary)
    }
    assert links == {key: n for key, n in expected.items() if n}  # gaps are no links
    gaps = svg.findall(f".//{SVG}rect[@class='loft-heat loft-heat--0']")
    assert len(gaps) == sum(1 for n in expected.values() if not n)
    # The table carries the same numbers, totals included.
    numbers = table_numbers(fig)
    for p, m in product(principles.vocabulary, municipalities.vocabulary):
        assert numbers[p.label, m.label] == str(expected[p.id, m.id])
    for p in principles.vocabulary:
        assert numbers[p.label, "Totalt"] == str(index.count(principles, p.id))
    for m in municipalities.vocabulary:
        assert numbers["Totalt", m.label] == str(index.count(municipalities, m.id))
    assert numbers["Kultur", "Totalt"] == "5"  # Eta has no municipality and still counts


def test_matrix_keeps_vocabulary_order_and_is_named(site):
    index = site.index
    principles, municipalities = index.facets
    fig = figure(Charts(index).matrix(""), "loft-matrix")
    svg = next(s for s in fig.iter(f"{SVG}svg") if s.get("aria-hidden") != "true")
    assert svg.get("role") == "group"  # holds links: role="img" would hide them
    assert svg.get("aria-labelledby") == "loft-matrix-title" and svg.get("aria-describedby") == "loft-matrix-desc"
    assert svg[0].tag == f"{SVG}title" and svg[0].text and svg[1].tag == f"{SVG}desc" and svg[1].text
    labels = [t.text for t in svg.findall(f"{SVG}text[@class='loft-chart__label']")]
    assert labels == [m.label for m in municipalities.vocabulary]  # the columns
    # The row labels: a picture of their own, kept in view while the grid scrolls.
    rows = next(s for s in fig.iter(f"{SVG}svg") if s.get("aria-hidden") == "true")
    assert [t.text for t in rows.findall(f"{SVG}text[@class='loft-chart__label']")] == [
        p.label for p in principles.vocabulary]
    scroll = fig.find("div[@class='loft-chart__scroll']")
    assert scroll.get("tabindex") == "0" and scroll.get("role") == "region"
    table = fig.find(".//table")
    assert table.find("caption").text
    assert {th.get("scope") for th in table.iter("th")} == {"col", "row"}
    first_link = next(svg.iter(f"{SVG}a"))
    assert unescape(first_link.get("href")).startswith("sok/?principer=")  # relative to the start page


def test_a_long_vocabulary_makes_the_matrix_taller_not_wider(tmp_path):
    many = [{"id": f"kommun-{n:02d}", "label": f"Kommun {n}"} for n in range(1, 41)]
    files = {"reports/a.md": report("A", "2022", ["kultur"], ["kommun-07", "kommun-33"])}
    build = make_build(tmp_path, files, municipalities=many)
    charts = Charts(build.index)
    rows, cols = charts.matrix_facets()
    assert rows.field == "municipalities" and cols.field == "principles"
    fig = figure(charts.matrix("principer/"), "loft-matrix")
    svg = next(s for s in fig.iter(f"{SVG}svg") if s.get("aria-hidden") != "true")
    assert int(svg.get("width")) < 800 < int(svg.get("height"))
    hrefs = sorted(unescape(a.get("href")) for a in svg.iter(f"{SVG}a") if "sok/" in a.get("href"))
    # Whatever the orientation, the link names both filters.
    assert hrefs == ["../sok/?kommuner=kommun-07&principer=kultur", "../sok/?kommuner=kommun-33&principer=kultur"]


def test_the_start_page_matrix_shows_the_busiest_rows_and_links_the_whole(tmp_path):
    many = [{"id": f"kommun-{n:02d}", "label": f"Kommun {n}"} for n in range(1, 41)]
    files = {f"reports/r{n}.md": report(f"R{n}", "2022", ["kultur"], [f"kommun-{n:02d}"] * 1)
             for n in range(1, 41)}
    # Kommun 30..40 get one item more each, Kommun 05 two more: the busiest twelve.
    for n in [*range(30, 41), 5, 5]:
        files[f"reports/extra-{n}-{len(files)}.md"] = report(f"X{len(files)}", "2023", ["kultur"],
                                                             [f"kommun-{n:02d}"])
    build = make_build(tmp_path, files, municipalities=many)
    charts = Charts(build.index)
    html = charts.matrix("", max_rows=12)
    rows = ["".join(tr[0].itertext()) for tr in figure(html, "loft-matrix").find(".//table/tbody")][:-1]
    assert rows == ["Kommun 5", *(f"Kommun {n}" for n in range(30, 41))]  # vocabulary order kept
    assert 'Här visas de 12 kommuner som har mest material, av 40.' in html
    assert '<a href="principer/matris/">Hela översikten med alla kommuner</a>' in html
    # principer/ keeps every row, and so does a short vocabulary on the start page.
    full = figure(charts.matrix("principer/"), "loft-matrix").find(".//table/tbody")
    assert len(full) == 41 and "Hela översikten" not in charts.matrix("principer/")
    assert "Hela översikten" not in Charts(make_build(tmp_path / "small").index).matrix("", max_rows=12)


def test_chart_size_depends_on_vocabularies_not_on_items(tmp_path):
    small = make_build(tmp_path / "small")
    files = dict(CORPUS)
    for n in range(300):
        files[f"reports/r{n}.md"] = report(f"R{n}", f"{2019 + n % 5}", ["kultur", "systemsynsatt"],
                                           ["kungsbacka", "knivsta"])
    large = make_build(tmp_path / "large", files)

    def sizes(build):
        charts = Charts(build.index)
        html = (charts.matrix("principer/") + charts.years_by_type("ar/")
                + charts.term_spread("principer/kultur/", build.index.facets[0],
                                     build.index.facets[0].vocabulary.by_id["kultur"]))
        return re.findall(r'<svg [^>]*width="(\d+)" height="(\d+)"', html), len(html)

    (small_sizes, small_len), (large_sizes, large_len) = sizes(small), sizes(large)
    assert small_sizes == large_sizes
    assert large_len < small_len * 1.2  # counts grow by digits, not by items


def test_years_by_type_counts_every_year_and_type(site):
    index = site.index
    fig = figure(Charts(index).years_by_type("ar/"), "loft-years")
    svg = next(s for s in fig.iter(f"{SVG}svg") if s.get("aria-hidden") != "true")
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "loft-years-title loft-years-desc"
    numbers = table_numbers(fig)
    for year in range(2019, 2024):
        for ctype in index.types:
            assert numbers[str(year), ctype.plural] == str(
                sum(1 for i in index.items if i.year == year and i.type.id == ctype.id))
        assert numbers[str(year), "Totalt"] == str(len(index.by_year.get(year, ())))
    totals = [t.text for t in svg.findall(f"{SVG}text[@class='loft-chart__total']")]
    assert totals == ["1", "0", "1", "1", "3"]  # 2019..2023, oldest first
    desc = svg.find(f"{SVG}desc").text
    assert "2023: 3 titlar" in desc and "2020: 0 titlar" in desc


def test_term_spread_shows_other_facets_and_years(site):
    index = site.index
    principles, municipalities = index.facets
    charts = Charts(index)
    html = charts.term_spread("kommuner/kungsbacka/", municipalities, municipalities.vocabulary.by_id["kungsbacka"])
    numbers = table_numbers(figure(html, "loft-spread-principer"))
    for p in principles.vocabulary:
        assert numbers[p.label, "Antal titlar"] == str(
            sum(1 for i in index.by_term["municipalities"]["kungsbacka"] if p.id in i.tags.get("principles", ())))
    years = table_numbers(figure(html, "loft-spread-years"))
    assert {k[0]: v for k, v in years.items()} == {"2019": "1", "2020": "0", "2021": "0", "2022": "1", "2023": "1"}
    # A term without items has no charts: the listing already says it is empty.
    assert charts.term_spread("kommuner/knivsta/", municipalities, municipalities.vocabulary.by_id["knivsta"]) == ""


def test_term_page_points_to_its_items_and_shows_the_charts(site, tmp_path):
    listing = site.listings["principer/kultur/index.md"]
    page = site.renderer.listing_page(listing)
    assert page.index("## Frågor för ledningsgruppen") < page.index("## Materialet i siffror") \
        < page.index("## Publicerat material")
    assert re.search(r"<a href=\"#publicerat-material\">Gå direkt till materialet \(\d+ [a-z]+(, \d+ [a-z]+)*( och \d+ [a-z]+)?\)</a>", page)
    assert 'id="loft-spread-kommuner"' in page and 'id="loft-spread-years"' in page
    assert "Nummer i standardens lista" in page
    # Only page 1 of a listing carries the intro and the charts.
    paged = make_build(tmp_path / "paged", page_size=2)
    first = paged.renderer.listing_page(paged.listings["principer/kultur/index.md"])
    second = paged.renderer.listing_page(paged.listings["principer/kultur/sida/2/index.md"])
    assert first.count('<figure class="loft-chart') == 2 and "loft-chart" not in second


def test_overviews_and_start_page_carry_their_charts(site):
    pages = {o.url: site.renderer.overview_page(o) for o in site.overviews.values()}
    assert 'id="loft-matrix"' in pages["principer/"]
    assert 'id="loft-years"' in pages["ar/"]
    assert "loft-chart" not in pages["kommuner/"]
    start = site.renderer.fill_blocks("", "# Start\n\n<!-- loft:matrix -->\n")
    assert 'id="loft-matrix"' in start and "<!-- loft:matrix -->" not in start
