"""Values from data/ reach the core's HTML escaped, whatever they hold.

The core's own HTML is never sanitized (it passes the engine as trusted blocks,
loft/safety/trusted.py), so its templates must escape every value
(loft/safety/templating.py). Each test renders pages from data with ordinary
values and from the same data with hostile ones, and reads the core's blocks
back with lxml: the hostile pages must have exactly the elements and
attributes of the ordinary ones, and the hostile text must come through as
text. The values are set on the index directly: data/ loading may refuse some
of them, and the templates must not depend on that.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from helpers import assert_same_markup, news, report, with_data
from loft.pages.listings import all_listings, all_overviews
from loft.pages.renderer import PageRenderer
from loft.safety.trusted import trusted

FILES = {
    "reports/alfa.md": report("Alfa", "2022-03-01", ["kultur", "systemsynsatt"], ["kungsbacka", "lidingo"]),
    "reports/beta.md": report("Beta", "2023", ["kultur"], ["skelleftea"]),
    "materials/gamma.md": report("Gamma", "2023-05", ["strategisk-inriktning", "kultur"], ["kungsbacka"]),
    "docs/nyheter/delta.md": news("Delta", "2021-08-16", ["kultur"], ["enkoping"]),
}
START = "# Start\n\n<!-- loft:latest -->\n\n<!-- loft:principles -->\n\n<!-- loft:municipalities-and-years -->\n"


@pytest.fixture
def index(build_of):
    return build_of(FILES).index


def pages(index) -> list[tuple[str, str]]:
    """(URL, source) of every generated page and item page, and the start page's
    blocks, in a stable order."""
    renderer = PageRenderer(index)
    out = [(listing.url, renderer.listing_page(listing)) for listing in all_listings(index)]
    out += [(overview.url, renderer.overview_page(overview)) for overview in all_overviews(index)]
    out += [(item.url, renderer.item_page(item, "Text.")) for item in index.items]
    return out + [("", renderer.fill_blocks("", START))]


def test_chart_titles_and_descriptions_escape_facet_titles_and_singulars(index):
    hostile = {"principles": {"title": "Prin<ciper", "singular": "prin<b>cip"},
               "municipalities": {"title": 'Kom"mun<er', "singular": "kom<i>mun"}}
    ordinary_charts = PageRenderer(index).charts
    hostile_charts = PageRenderer(with_data(index, facets=hostile)).charts
    # Three rows of eight: the matrix says how many it shows and links to the whole.
    assert_same_markup([("", trusted(ordinary_charts.matrix("", max_rows=3)))],
                       [("", trusted(hostile_charts.matrix("", max_rows=3)))],
                       "prin<ciper", "prin<b>cip", "kom<i>mun", 'kom"mun<er')
    assert "Hela översikten" in hostile_charts.matrix("", max_rows=3)
    assert_same_markup(pages(index), pages(with_data(index, facets=hostile)), "Prin<ciper")


def test_chart_ids_and_tag_classes_escape_facet_paths(index):
    hostile = {"municipalities": {"path": 'kommuner" data-x="1'}}
    assert_same_markup(pages(index), pages(with_data(index, facets=hostile)),
                       'loft-spread-kommuner" data-x="1', 'loft-tag--kommuner" data-x="1')


def test_counts_escape_the_types_count_nouns(index):
    hostile = {"rapport": {"count_nouns": ("rap<b>port", "rap<b>porter")}}
    assert_same_markup(pages(index), pages(with_data(index, types=hostile)), "2 rap<b>porter")


def test_term_details_escape_their_language(index):
    facet = next(f for f in index.facets if any(d.lang for d in f.details))  # principles' name_en
    details = tuple(replace(d, lang='en" onmouseover="x') if d.lang else d for d in facet.details)
    hostile = {facet.field: {"details": details}}
    assert_same_markup(pages(index), pages(with_data(index, facets=hostile)), 'en" onmouseover="x')
