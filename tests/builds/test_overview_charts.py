"""The overview charts of the built site tell the same numbers as its content.

Every number is read back from the built HTML (SVG and data table) and compared
with a count over the content files themselves (tests/expect.py), not over the
build's api/items.json, which would lose whatever the build lost; every link is
followed to its target.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

import expect
from harness import REPO
from helpers import listed_titles, table_numbers

SVG = "{http://www.w3.org/2000/svg}"


def chart_svg(fig):
    """The chart itself: the matrix's row labels are a picture of their own (aria-hidden)."""
    return next(s for s in fig.iter(f"{SVG}svg") if s.get("aria-hidden") != "true")
FACETS = {f["path"]: f for f in yaml.safe_load((REPO / "data/facets.yml").read_text(encoding="utf-8"))}
TYPES = yaml.safe_load((REPO / "data/types.yml").read_text(encoding="utf-8"))


def vocabulary(path: str) -> list[dict]:
    return yaml.safe_load((REPO / "data" / FACETS[path]["vocabulary"]).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue() -> list[dict]:
    """The published items as the content files say, in the catalogue's shape."""
    return [{"title": i.title, "url": i.url, "type": i.type, "year": i.year, **i.tags}
            for i in expect.published(expect.source_items(REPO))]


def count(catalogue, **filters) -> int:
    """Items matching every filter: facet path -> term id, "ar" -> year, "typ" -> type."""
    def matches(item, key, value):
        if key == "ar":
            return item["year"] == int(value)
        if key == "typ":
            return item["type"] == value
        return value in item[FACETS[key]["field"]]
    return sum(1 for item in catalogue if all(matches(item, k, v) for k, v in filters.items()))


def figures(html: str) -> dict[str, ET.Element]:
    return {fig.get("id"): fig for fig in
            (ET.fromstring(m) for m in re.findall(r'<figure class="loft-chart.*?</figure>', html))}


def target(page_url: str, href: str) -> tuple[str, dict[str, list[str]]]:
    """Site path and query a relative link on the page at page_url leads to."""
    url = urlsplit(unescape(href))
    path = posixpath.normpath(posixpath.join("/" + page_url, url.path)).lstrip("/") + "/"
    return ("" if path == "/" else path), parse_qs(url.query)


@pytest.mark.parametrize("page_url", ["principer/", ""])
def test_matrix_counts_equal_the_catalogue(real_site, catalogue, page_url):
    fig = figures(real_site.read(page_url + "index.html"))["loft-matrix"]
    principles, municipalities = vocabulary("principer"), vocabulary("kommuner")
    svg = chart_svg(fig)
    cells = {}
    for a in svg.iter(f"{SVG}a"):
        path, query = target(page_url, a.get("href"))
        if path == "sok/":
            assert sorted(query) == ["kommuner", "principer"]
            assert all(len(v) == 1 for v in query.values())
            cells[query["principer"][0], query["kommuner"][0]] = int(a.find(f"{SVG}text").text)
    expected = {(p["id"], m["id"]): count(catalogue, principer=p["id"], kommuner=m["id"])
                for p in principles for m in municipalities}
    assert cells == {key: n for key, n in expected.items() if n}
    assert sum(1 for n in expected.values() if n) > 10  # the real site has material to show
    assert len(svg.findall(f".//{SVG}rect[@class='loft-heat loft-heat--0']")) == \
        sum(1 for n in expected.values() if not n)
    numbers = table_numbers(fig)
    for p in principles:
        for m in municipalities:
            assert numbers[p["label"], m["label"]] == str(expected[p["id"], m["id"]])
        assert numbers[p["label"], "Totalt"] == str(count(catalogue, principer=p["id"]))
    for m in municipalities:
        assert numbers["Totalt", m["label"]] == str(count(catalogue, kommuner=m["id"]))


def test_matrix_totals_lead_to_listings_of_exactly_those_items(real_site, catalogue):
    fig = figures(real_site.read("principer/index.html"))["loft-matrix"]
    followed = 0
    for a in chart_svg(fig).iter(f"{SVG}a"):
        path, query = target("principer/", a.get("href"))
        if path == "sok/":
            continue
        facet, term = path.strip("/").split("/")
        titles = listed_titles(real_site.read(path + "index.html"))
        field = FACETS[facet]["field"]
        assert sorted(titles) == sorted(i["title"] for i in catalogue if term in i[field])
        assert int(a.find(f"{SVG}text").text) == len(titles)
        followed += 1
    assert followed == len(vocabulary("principer")) + sum(
        1 for m in vocabulary("kommuner") if count(catalogue, kommuner=m["id"]))


def test_years_by_type_equal_the_catalogue(real_site, catalogue):
    fig = figures(real_site.read("ar/index.html"))["loft-years"]
    years = sorted({i["year"] for i in catalogue})
    span = list(range(years[0], years[-1] + 1))
    numbers = table_numbers(fig)
    assert {row for row, _ in numbers} == {str(y) for y in span}
    for year in span:
        for ctype in TYPES:
            assert numbers[str(year), ctype["plural"]] == str(count(catalogue, ar=year, typ=ctype["id"]))
        assert numbers[str(year), "Totalt"] == str(count(catalogue, ar=year))
    svg = chart_svg(fig)
    totals = [int(t.text) for t in svg.findall(f"{SVG}text[@class='loft-chart__total']")]
    assert totals == [count(catalogue, ar=y) for y in span]
    # One bar segment per year and type that has items.
    segments = svg.findall(f"{SVG}rect")
    assert len(segments) == sum(1 for y in span for t in TYPES if count(catalogue, ar=y, typ=t["id"]))


@pytest.mark.parametrize("facet_path", ["principer", "kommuner"])
def test_every_term_page_shows_its_spread(real_site, catalogue, facet_path):
    other_path = next(p for p in FACETS if p != facet_path)
    years = sorted({i["year"] for i in catalogue})
    span = list(range(years[0], years[-1] + 1))
    for term in vocabulary(facet_path):
        html = real_site.read(f"{facet_path}/{term['id']}/index.html")
        charts = figures(html)
        total = count(catalogue, **{facet_path: term["id"]})
        if not total:
            assert charts == {}, term["id"]
            continue
        assert set(charts) == {f"loft-spread-{other_path}", "loft-spread-years"}
        spread = table_numbers(charts[f"loft-spread-{other_path}"])
        assert spread == {(o["label"], "Antal titlar"): str(count(catalogue, **{facet_path: term["id"],
                                                                                        other_path: o["id"]}))
                          for o in vocabulary(other_path)}
        drawn = [int(t.text) for t in charts[f"loft-spread-{other_path}"].iter(f"{SVG}text")
                 if t.get("class") == "loft-chart__total"]
        assert drawn == [int(v) for v in spread.values()]
        by_year = table_numbers(charts["loft-spread-years"])
        assert by_year == {(str(y), "Antal titlar"): str(count(catalogue, **{facet_path: term["id"], "ar": y}))
                           for y in span}
        assert re.search(rf'<a href="#publicerat-material">Gå direkt till materialet \({total} '
                         r'(rapport|mall|nyhet)', html) or re.search(
            r'<a href="#publicerat-material">Gå direkt till materialet \(\d+ (rapport|mall|nyhet)', html)
        assert 'id="publicerat-material"' in html


def test_principle_pages_explain_the_principle(real_site):
    for principle in vocabulary("principer"):
        html = real_site.read(f"principer/{principle['id']}/index.html")
        first_paragraph = principle["description"].strip().split("\n\n")[0].split("\n")[0]
        assert first_paragraph in unescape(html), principle["id"]
        assert "Frågor för ledningsgruppen" in html
        summary = " ".join(principle["summary"].split())
        assert f'<p class="loft-lead">{summary}</p>' in unescape(html), principle["id"]
        for question in principle["questions"]:
            assert f"<li>{question}</li>" in unescape(html)


def test_every_chart_is_named_and_described(real_site):
    pages = ["index.html", "principer/index.html", "ar/index.html"] + [
        f"{p}/{t['id']}/index.html" for p in ("principer", "kommuner") for t in vocabulary(p)]
    checked = 0
    for page in pages:
        html = real_site.read(page)
        ids = re.findall(r'\bid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), page
        for fig in figures(html).values():
            svg = chart_svg(fig)
            title, desc = svg[0], svg[1]
            assert title.tag == f"{SVG}title" and title.text.strip() and desc.tag == f"{SVG}desc" and desc.text.strip()
            named_by = (svg.get("aria-labelledby") + " " + (svg.get("aria-describedby") or "")).split()
            assert sorted(named_by) == sorted([title.get("id"), desc.get("id")])
            assert svg.get("role") == ("group" if svg.find(f".//{SVG}a") is not None else "img")
            for a in svg.iter(f"{SVG}a"):
                assert a.get("aria-label"), page
            details = fig.find("details")
            assert details.find("summary").text == "Visa siffrorna som tabell"
            table = details.find(".//table")
            assert table.find("caption").text.strip()
            assert all(th.get("scope") in ("col", "row") for th in table.iter("th"))
            checked += 1
    assert checked > 10
