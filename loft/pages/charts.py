"""Overview charts: counts from the one SiteIndex, drawn as inline SVG.

`Tallies` counts everything the charts show in one pass over the items, once
per build; every chart reads counts from it, so no chart grows with the number
of items, only with the size of the vocabularies and the span of years.

`Charts` lays each chart out (what it counts, where each mark goes, where each
link leads) and templates/charts.html writes it as one line of HTML: an SVG
with <title> and <desc>, and the same numbers as a data table in <details>.
Colours are CSS classes (docs/assets/stylesheets/loft-charts.css) so the light
and dark schemes each get a palette with enough contrast; counts are printed,
so no reading depends on telling colours apart.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from loft.content.model import Facet
from loft.content.site_index import SiteIndex
from loft.content.urls import relative, search_url
from loft.content.vocabulary import Term
from loft.pages.listings import matrix_url
from loft.pages.wording import count_text
from loft.safety.templating import Templates

HEAT_LEVELS = 4  # steps of the heat map's sequential scale, besides "none"
SERIES_CLASSES = 7  # categorical palette (Okabe–Ito) in the stylesheet, cycled
FONT = 14  # px, the charts' text size: never scaled down (loft-charts.css), so 14 px everywhere
CHAR_WIDTH = 0.62  # average glyph width in em, to size label columns without fonts


def text_width(text: str, size: float = FONT) -> float:
    return len(text) * size * CHAR_WIDTH


def heat_level(count: int, maximum: int) -> int:
    """0 for no items, else 1..HEAT_LEVELS by the share of the largest count."""
    if count <= 0 or maximum <= 0:
        return 0
    return min(HEAT_LEVELS, math.ceil(count * HEAT_LEVELS / maximum))


def heat_ranges(maximum: int) -> list[tuple[int, int, int]]:
    """(level, lowest, highest count) of every level that some count can reach."""
    ranges = []
    for level in range(1, HEAT_LEVELS + 1):
        low = maximum * (level - 1) // HEAT_LEVELS + 1
        high = maximum * level // HEAT_LEVELS
        if low <= high:
            ranges.append((level, low, high))
    return ranges


class Tallies:
    """Every count the charts need, from one pass over the index's items."""

    def __init__(self, index: SiteIndex):
        self.index = index
        # (field a, term a, field b, term b) -> items tagged with both terms
        self._pairs: Counter[tuple[str, str, str, str]] = Counter()
        # facet field -> term id -> year -> items
        self._term_years: dict[str, dict[str, Counter[int]]] = {
            f.field: defaultdict(Counter) for f in index.facets
        }
        # year -> type id -> items
        self._year_types: dict[int, Counter[str]] = defaultdict(Counter)
        facets = index.facets
        for item in index.items:
            self._year_types[item.year][item.type.id] += 1
            for a, facet_a in enumerate(facets):
                terms_a = item.tags.get(facet_a.field, ())
                for term_id in terms_a:
                    self._term_years[facet_a.field][term_id][item.year] += 1
                for facet_b in facets[a + 1:]:
                    for term_a in terms_a:
                        for term_b in item.tags.get(facet_b.field, ()):
                            self._pairs[facet_a.field, term_a, facet_b.field, term_b] += 1
                            self._pairs[facet_b.field, term_b, facet_a.field, term_a] += 1

    def pair(self, facet_a: Facet, term_a: str, facet_b: Facet, term_b: str) -> int:
        """Items tagged with term_a (of facet_a) and term_b (of facet_b)."""
        return self._pairs[facet_a.field, term_a, facet_b.field, term_b]

    def term(self, facet: Facet, term_id: str) -> int:
        return self.index.count(facet, term_id)

    def term_year(self, facet: Facet, term_id: str, year: int) -> int:
        return self._term_years[facet.field][term_id][year]

    def year_type(self, year: int, type_id: str) -> int:
        return self._year_types[year][type_id]

    def year(self, year: int) -> int:
        return len(self.index.by_year.get(year, ()))

    @property
    def year_span(self) -> list[int]:
        """Every year from the first to the last with items, gaps included, oldest first."""
        if not self.index.years:
            return []
        return list(range(min(self.index.years), max(self.index.years) + 1))


@dataclass(frozen=True)
class Bar:
    label: str
    count: int


@dataclass(frozen=True)
class Cell:
    """A count in a chart and its table: where it leads and what a screen reader
    hears ("Kultur, Lidingö: 3 titlar"); level: its step on the heat scale."""

    count: int
    href: str
    label: str
    level: int = 0


class Charts:
    """Lays out the overview charts of one build from its Tallies."""

    def __init__(self, index: SiteIndex, templates: Templates | None = None):
        self.index = index
        self.tallies = Tallies(index)
        self._html = (templates or Templates.package()).macros("charts.html")

    # --- the principle × municipality matrix ------------------------------
    def matrix_facets(self) -> tuple[Facet, Facet] | None:
        """Rows and columns of the matrix: the two facets data/facets.yml declares.

        The facet with more terms becomes the rows, so a long vocabulary (say
        100 municipalities) makes the matrix taller, the way a page scrolls,
        while its width stays that of the shorter one.
        """
        if self.index.matrix_facets is None:
            return None
        first, second = self.index.matrix_facets
        return (second, first) if len(second.vocabulary) > len(first.vocabulary) else (first, second)

    def matrix(self, page_url: str, chart_id: str = "loft-matrix", max_rows: int | None = None) -> str:
        """The matrix with a link in every cell. With max_rows (the start page),
        only the rows with the most material, in vocabulary order, and a link to
        the whole matrix on the facet's overview: the page stays the same size
        however long the vocabulary grows."""
        facets = self.matrix_facets()
        if facets is None or not self.index.items:
            return ""
        rows, cols = facets
        t = self.tallies
        shown = list(rows.vocabulary)
        if max_rows is not None and len(shown) > max_rows:
            busiest = sorted(range(len(shown)), key=lambda i: -t.term(rows, shown[i].id))[:max_rows]
            shown = [shown[i] for i in sorted(busiest)]
        counts = [[t.pair(rows, r.id, cols, c.id) for c in cols.vocabulary] for r in shown]
        maximum = max((n for row in counts for n in row), default=0)
        title = f"{rows.title} och {cols.title.lower()}: antal titlar"
        desc = (f"Rutnät med en rad per {rows.singular} och en kolumn per {cols.singular}. "
                f"Varje ruta visar hur många titlar som är kopplade till både "
                f"{rows.singular}en och {cols.singular}en; ju kraftigare färg, desto fler. "
                f"Tomma rutor med streckad kant saknar material. "
                f"Totalt räknar varje titel en gång, även den som saknar {cols.singular}.")

        def cell_href(row: Term, col: Term) -> str:
            return search_url(page_url, {rows.path: row.id, cols.path: col.id})

        def total(facet: Facet, term: Term) -> Cell:
            n = t.term(facet, term.id)
            return Cell(n, relative(page_url, facet.term_url(term.id)), f"{term.label}, totalt: {count_text(n)}")

        cell, gap = 44, 3
        label_w = max(text_width(r.label) for r in shown) + 14
        header_h = max(text_width(c.label) for c in cols.vocabulary) * 0.71 + 24
        total_w = 64
        # The row labels are a picture of their own that stays in place (sticky)
        # while the grid scrolls sideways; the grid's links name their row anyway.
        x0, y0 = 0, header_h
        width = len(cols.vocabulary) * cell + total_w + header_h * 0.5
        height = y0 + (len(shown) + 1) * cell + 8
        grid = [(row, y0 + i * cell,
                 [Cell(n, cell_href(row, col), f"{row.label}, {col.label}: {count_text(n)}",
                       heat_level(n, maximum)) for col, n in zip(cols.vocabulary, counts[i])],
                 total(rows, row))
                for i, row in enumerate(shown)]
        more = None
        if len(shown) < len(rows.vocabulary):
            more = relative(page_url, matrix_url(self.index))  # the whole matrix has a page of its own
        col_totals = [total(cols, c) for c in cols.vocabulary]
        table = [(row.label, [*cells, row_total]) for row, _y, cells, row_total in grid]
        table.append(("Totalt", [*col_totals, None]))
        levels = {heat_level(n, maximum) for row in counts for n in row}
        chart = SimpleNamespace(  # what templates/charts.html's macros read, as c.<name>
            id=chart_id, title=title, desc=desc, width=width, height=height, font=FONT,
            rows=rows, cols=cols, shown=len(shown), cell=cell, gap=gap, label_w=label_w, total_w=total_w,
            x0=x0, y0=y0, total_x=x0 + len(cols.vocabulary) * cell, totals_y=y0 + len(shown) * cell,
            heads=[(x0 + j * cell + cell / 2, col.label) for j, col in enumerate(cols.vocabulary)],
            grid=grid, col_totals=col_totals, table=table, more=more,
            legend=[r for r in heat_ranges(maximum) if r[0] in levels], legend_none=0 in levels)
        return str(self._html.matrix(chart))

    # --- items per year, by type ------------------------------------------
    def years_by_type(self, page_url: str, chart_id: str = "loft-years") -> str:
        years = self.tallies.year_span
        if not years:
            return ""
        t = self.tallies
        types = self.index.types
        title = "Titlar per år och typ"
        totals = [t.year(y) for y in years]
        desc = ("Stapeldiagram med en stapel per år, "
                f"från {years[0]} till {years[-1]}. Varje stapel är delad efter typ: "
                + ", ".join(f"{ty.plural.lower()} {_pattern_name(k)}" for k, ty in enumerate(types))
                + ". Antalet står ovanför stapeln. "
                + "; ".join(f"{y}: {count_text(n)}" for y, n in zip(years, totals)) + ".")
        maximum = max(totals)
        plot_h, top, bottom, left = 160, 22, 28, 8
        slot = max(26, min(60, 520 / len(years)))
        bar_w = slot * 0.62
        width = left * 2 + slot * len(years)
        height = top + plot_h + bottom
        label_every = 1 if slot >= 40 else math.ceil(40 / slot)
        bars = []  # (year, left edge, parts, top, total, whether the year is written below)
        for k, year in enumerate(years):
            x = left + k * slot + (slot - bar_w) / 2
            y = top + plot_h
            parts = []  # (series, its colour class, top, height), stacked upwards
            for s, ctype in enumerate(types):
                n = t.year_type(year, ctype.id)
                if not n:
                    continue
                h = plot_h * n / maximum
                y -= h
                parts.append((s, s % SERIES_CLASSES, y, h))
            bars.append((year, x, parts, y, totals[k], k % label_every == 0 or k == len(years) - 1))
        series = [(s, s % SERIES_CLASSES, _pattern_mark(s)) for s in range(len(types))]  # fills
        legend = [(s, s % SERIES_CLASSES, ctype.plural)
                  for s, ctype in enumerate(types) if any(t.year_type(y, ctype.id) for y in years)]
        table = [(year, [t.year_type(year, ty.id) for ty in types], total)
                 for year, total in zip(reversed(years), reversed(totals))]
        chart = SimpleNamespace(
            id=chart_id, title=title, desc=desc, width=width, height=height, font=FONT,
            top=top, plot_h=plot_h, left=left, bar_w=bar_w, bars=bars, series=series, legend=legend,
            types=types, table=table)
        return str(self._html.years(chart))

    # --- one term's spread ------------------------------------------------
    def term_spread(self, page_url: str, facet: Facet, term: Term) -> str:
        """On a term's page: its items per term of every other facet, and per year."""
        t = self.tallies
        if not t.term(facet, term.id):
            return ""
        charts = []
        for other in self.index.facets:
            if other is facet:
                continue
            bars = [Bar(o.label, t.pair(facet, term.id, other, o.id)) for o in other.vocabulary]
            charts.append(self.bar_chart(
                f"loft-spread-{other.path}", f"{term.label}: titlar per {other.singular}",
                other.title, bars,
                f"{other.title} som {facet.singular}ens material är kopplat till"))
        bars = [Bar(str(y), t.term_year(facet, term.id, y)) for y in t.year_span]
        charts.append(self.bar_chart("loft-spread-years", f"{term.label}: titlar per år",
                                     "År", bars, f"År då material om {facet.singular}en publicerades"))
        return "".join(charts)

    def bar_chart(self, chart_id: str, title: str, label_heading: str, bars: list[Bar],
                  what: str) -> str:
        """Horizontal bars, one per label, with the count printed after each bar."""
        maximum = max((b.count for b in bars), default=0)
        with_items = [b for b in bars if b.count]
        without = [b.label for b in bars if not b.count]
        desc = (f"Liggande stapeldiagram. {what}: "
                + ("; ".join(f"{b.label} ({count_text(b.count)})" for b in with_items) or "inga")
                + ". " + (f"Inget material: {', '.join(without)}." if without else ""))
        row_h = 28
        label_w = max((text_width(b.label) for b in bars), default=0) + 14
        plot_w = 130  # narrow enough that a chart with the principles fits a phone at full size
        width = label_w + plot_w + 48
        height = row_h * len(bars) + 4
        rows = []  # (bar, top, middle, length)
        for i, bar in enumerate(bars):
            y = i * row_h + 2
            rows.append((bar, y, y + row_h / 2, plot_w * bar.count / maximum if maximum else 0))
        chart = SimpleNamespace(id=chart_id, title=title, desc=desc.strip(), width=width, height=height,
                                font=FONT, label_heading=label_heading, label_w=label_w, row_h=row_h, rows=rows)
        return str(self._html.bars(chart))


# Patterns tell the series apart without colour: plain, hatched, dotted, crossed
# (the marks are drawn in templates/charts.html, in this order).
_PATTERN_NAMES = ("helfyllda", "med snedstreck", "med prickar", "med rutmönster")


def _pattern_name(series: int) -> str:
    return _PATTERN_NAMES[series % len(_PATTERN_NAMES)]


def _pattern_mark(series: int) -> int:
    return series % len(_PATTERN_NAMES)
