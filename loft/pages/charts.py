"""Overview charts: counts from the one SiteIndex, drawn as inline SVG.

`Tallies` counts everything the charts show in one pass over the items, once
per build; every chart reads counts from it, so no chart grows with the number
of items, only with the size of the vocabularies and the span of years.

`Charts` renders each chart as one line of HTML (safe inside Markdown): an SVG
with <title> and <desc>, and the same numbers as a data table in <details>.
Colours are CSS classes (docs/assets/stylesheets/loft-charts.css) so the light
and dark schemes each get a palette with enough contrast; counts are printed,
so no reading depends on telling colours apart.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape

from loft.content.model import Facet
from loft.content.site_index import SiteIndex
from loft.content.urls import relative, search_url
from loft.content.vocabulary import Term
from loft.pages.listings import matrix_url
from loft.pages.wording import count_text

HEAT_LEVELS = 4  # steps of the heat map's sequential scale, besides "none"
SERIES_CLASSES = 7  # categorical palette (Okabe–Ito) in the stylesheet, cycled
FONT = 14  # px, the charts' text size: never scaled down (loft-charts.css), so 14 px everywhere
CHAR_WIDTH = 0.62  # average glyph width in em, to size label columns without fonts
TABLE_SUMMARY = "Visa siffrorna som tabell"


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


class Charts:
    """Renders the overview charts of one build from its Tallies."""

    def __init__(self, index: SiteIndex):
        self.index = index
        self.tallies = Tallies(index)

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

        cell, gap = 44, 3
        label_w = max(text_width(r.label) for r in shown) + 14
        header_h = max(text_width(c.label) for c in cols.vocabulary) * 0.71 + 24
        total_w = 64
        # The row labels are a picture of their own that stays in place (sticky)
        # while the grid scrolls sideways; the grid's links name their row anyway.
        x0, y0 = 0, header_h
        width = len(cols.vocabulary) * cell + total_w + header_h * 0.5
        height = y0 + (len(shown) + 1) * cell + 8
        labels = [f'<svg xmlns="http://www.w3.org/2000/svg" class="loft-chart__svg" aria-hidden="true" '
                  f'focusable="false" width="{label_w:.0f}" height="{height:.0f}" '
                  f'viewBox="0 0 {label_w:.0f} {height:.0f}" font-size="{FONT}">']
        svg = [_svg_open(chart_id, width, height, role="group"),
               f'<title id="{chart_id}-title">{escape(title)}</title>',
               f'<desc id="{chart_id}-desc">{escape(desc)}</desc>']
        for j, col in enumerate(cols.vocabulary):
            x, y = x0 + j * cell + cell / 2, y0 - 8
            svg.append(f'<text class="loft-chart__label" transform="translate({x:g} {y:g}) rotate(-45)">'
                       f'{escape(col.label)}</text>')
        svg.append(f'<text class="loft-chart__label loft-chart__label--strong" x="{x0 + len(cols.vocabulary) * cell + total_w / 2:g}" '
                   f'y="{y0 - 8:g}" text-anchor="middle">Totalt</text>')
        for i, row in enumerate(shown):
            y = y0 + i * cell
            labels.append(f'<text class="loft-chart__label" x="{label_w - 10:g}" y="{y + cell / 2:g}" '
                          f'text-anchor="end" dominant-baseline="central">{escape(row.label)}</text>')
            for j, col in enumerate(cols.vocabulary):
                n = counts[i][j]
                svg.append(self._heat_cell(x0 + j * cell, y, cell, gap, n, maximum,
                                           cell_href(row, col), f"{row.label}, {col.label}: {count_text(n)}"))
            total = t.term(rows, row.id)
            svg.append(self._total_cell(x0 + len(cols.vocabulary) * cell, y, total_w, cell, total,
                                        relative(page_url, rows.term_url(row.id)),
                                        f"{row.label}, totalt: {count_text(total)}"))
        y = y0 + len(shown) * cell
        labels.append(f'<text class="loft-chart__label loft-chart__label--strong" x="{label_w - 10:g}" '
                      f'y="{y + cell / 2:g}" text-anchor="end" dominant-baseline="central">Totalt</text>')
        labels.append("</svg>")
        for j, col in enumerate(cols.vocabulary):
            total = t.term(cols, col.id)
            svg.append(self._total_cell(x0 + j * cell, y, cell, cell, total,
                                        relative(page_url, cols.term_url(col.id)),
                                        f"{col.label}, totalt: {count_text(total)}"))
        svg.append("</svg>")

        # The data table: the same numbers, the same links, for screen readers and keyboards.
        head = (f'<tr><th scope="col">{escape(rows.title)}</th>'
                + "".join(f'<th scope="col">{escape(c.label)}</th>' for c in cols.vocabulary)
                + '<th scope="col">Totalt</th></tr>')
        body = []
        for i, row in enumerate(shown):
            cells = "".join(
                f'<td>{_count_link(cell_href(row, col), n, f"{row.label}, {col.label}")}</td>'
                for col, n in zip(cols.vocabulary, counts[i]))
            total = t.term(rows, row.id)
            body.append(f'<tr><th scope="row">{escape(row.label)}</th>{cells}'
                        f'<td>{_count_link(relative(page_url, rows.term_url(row.id)), total, f"{row.label}, totalt")}</td></tr>')
        totals = "".join(
            f'<td>{_count_link(relative(page_url, cols.term_url(c.id)), t.term(cols, c.id), f"{c.label}, totalt")}</td>'
            for c in cols.vocabulary)
        body.append(f'<tr><th scope="row">Totalt</th>{totals}<td></td></tr>')
        table = _table(chart_id, title, head, "".join(body))
        legend = self._heat_legend(maximum, {heat_level(n, maximum) for row in counts for n in row})
        more = ""
        if len(shown) < len(rows.vocabulary):
            whole = relative(page_url, matrix_url(self.index))  # the whole matrix has a page of its own
            more = (f'<p class="loft-chart__more">Här visas de {len(shown)} {rows.title.lower()} som har mest '
                    f'material, av {len(rows.vocabulary)}. <a href="{escape(whole)}">Hela översikten med alla '
                    f'{rows.title.lower()}</a>.</p>')
        scroll = (f'<p class="loft-chart__hint" aria-hidden="true">Rutnätet är bredare än skärmen: '
                  f'svep i sidled för att se alla {cols.title.lower()}.</p>'
                  f'<div class="loft-chart__scroll" role="region" tabindex="0" '
                  f'aria-labelledby="{chart_id}-caption"><div class="loft-matrix">'
                  f'<div class="loft-matrix__labels">{"".join(labels)}</div>'
                  f'<div class="loft-matrix__grid">{"".join(svg)}</div></div></div>')
        return (f'<figure class="loft-chart loft-chart--matrix" id="{chart_id}">'
                f'<figcaption id="{chart_id}-caption" class="loft-chart__caption">{escape(title)}</figcaption>'
                f'<p class="loft-chart__help">Välj en ruta för att söka fram materialet för just den '
                f'kombinationen av {rows.singular} och {cols.singular}.</p>'
                f'{scroll}{legend}{table}{more}</figure>')

    @staticmethod
    def _heat_cell(x: float, y: float, size: float, gap: float, count: int, maximum: int,
                   href: str, label: str) -> str:
        level = heat_level(count, maximum)
        rect = (f'<rect class="loft-heat loft-heat--{level}" x="{x + gap:g}" y="{y + gap:g}" '
                f'width="{size - 2 * gap:g}" height="{size - 2 * gap:g}" rx="3"/>')
        if not count:  # a gap: nothing to find, so no link
            return rect
        text = (f'<text class="loft-heat__text loft-heat__text--{level}" x="{x + size / 2:g}" '
                f'y="{y + size / 2:g}" text-anchor="middle" dominant-baseline="central">{count}</text>')
        return f'<a href="{escape(href)}" aria-label="{escape(label)}">{rect}{text}</a>'

    @staticmethod
    def _total_cell(x: float, y: float, w: float, h: float, count: int, href: str, label: str) -> str:
        text = (f'<text class="loft-chart__total" x="{x + w / 2:g}" y="{y + h / 2:g}" '
                f'text-anchor="middle" dominant-baseline="central">{count}</text>')
        if not count:
            return text
        return f'<a href="{escape(href)}" aria-label="{escape(label)}">{text}</a>'

    @staticmethod
    def _heat_legend(maximum: int, levels: set[int] | None = None) -> str:
        """The classes of the heat map, only those that occur in it."""
        levels = set(range(HEAT_LEVELS + 1)) if levels is None else levels
        steps = "".join(
            f'<li><span class="loft-swatch loft-heat--{level}" aria-hidden="true"></span>'
            f'{low if low == high else f"{low}–{high}"}</li>'
            for level, low, high in heat_ranges(maximum) if level in levels)
        none = ('<li><span class="loft-swatch loft-heat--0" aria-hidden="true"></span>inget material</li>'
                if 0 in levels else "")
        return f'<ul class="loft-chart__legend" aria-label="Teckenförklaring">{none}{steps}</ul>'


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
        svg = [_svg_open(chart_id, width, height), f'<title id="{chart_id}-title">{escape(title)}</title>',
               f'<desc id="{chart_id}-desc">{escape(desc)}</desc>', _patterns(chart_id, len(types)),
               f'<line class="loft-chart__axis" x1="{left}" x2="{width - left:g}" '
               f'y1="{top + plot_h}" y2="{top + plot_h}"/>']
        for k, year in enumerate(years):
            x = left + k * slot + (slot - bar_w) / 2
            y = top + plot_h
            for s, ctype in enumerate(types):
                n = t.year_type(year, ctype.id)
                if not n:
                    continue
                h = plot_h * n / maximum
                y -= h
                svg.append(f'<rect class="loft-series loft-series--{s % SERIES_CLASSES}" '
                           f'fill="url(#{chart_id}-pattern-{s})" x="{x:g}" y="{y:.2f}" '
                           f'width="{bar_w:g}" height="{h:.2f}"/>')
            svg.append(f'<text class="loft-chart__total" x="{x + bar_w / 2:g}" y="{y - 6:.2f}" '
                       f'text-anchor="middle">{totals[k]}</text>')
            if k % label_every == 0 or k == len(years) - 1:
                svg.append(f'<text class="loft-chart__label" x="{x + bar_w / 2:g}" y="{top + plot_h + 18}" '
                           f'text-anchor="middle">{year}</text>')
        svg.append("</svg>")
        legend = "".join(
            f'<li><svg class="loft-swatch" width="16" height="16" aria-hidden="true" focusable="false">'
            f'<rect class="loft-series loft-series--{s % SERIES_CLASSES}" fill="url(#{chart_id}-pattern-{s})" '
            f'x="0.5" y="0.5" width="15" height="15"/></svg>{escape(ctype.plural)}</li>'
            for s, ctype in enumerate(types) if any(t.year_type(y, ctype.id) for y in years))
        head = ('<tr><th scope="col">År</th>'
                + "".join(f'<th scope="col">{escape(ty.plural)}</th>' for ty in types)
                + '<th scope="col">Totalt</th></tr>')
        body = "".join(
            f'<tr><th scope="row">{year}</th>'
            + "".join(f"<td>{t.year_type(year, ty.id)}</td>" for ty in types)
            + f"<td>{total}</td></tr>"
            for year, total in zip(reversed(years), reversed(totals)))
        return (f'<figure class="loft-chart loft-chart--years" id="{chart_id}">'
                f'<figcaption class="loft-chart__caption">{escape(title)}</figcaption>'
                f'<div class="loft-chart__frame">{"".join(svg)}</div>'
                f'<ul class="loft-chart__legend" aria-label="Teckenförklaring">{legend}</ul>'
                f'{_table(chart_id, title, head, body)}</figure>')

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
        row_h, fs = 28, FONT
        label_w = max((text_width(b.label) for b in bars), default=0) + 14
        plot_w = 130  # narrow enough that a chart with the principles fits a phone at full size
        width = label_w + plot_w + 48
        height = row_h * len(bars) + 4
        svg = [_svg_open(chart_id, width, height), f'<title id="{chart_id}-title">{escape(title)}</title>',
               f'<desc id="{chart_id}-desc">{escape(desc.strip())}</desc>',
               f'<line class="loft-chart__axis" x1="{label_w:g}" x2="{label_w:g}" y1="0" y2="{height}"/>']
        for i, bar in enumerate(bars):
            y = i * row_h + 2
            mid = y + row_h / 2
            svg.append(f'<text class="loft-chart__label" x="{label_w - 8:g}" y="{mid:g}" text-anchor="end" '
                       f'dominant-baseline="central">{escape(bar.label)}</text>')
            w = plot_w * bar.count / maximum if maximum else 0
            if bar.count:
                svg.append(f'<rect class="loft-bar" x="{label_w:g}" y="{y + 4:g}" width="{w:.2f}" '
                           f'height="{row_h - 8}"/>')
            svg.append(f'<text class="loft-chart__total" x="{label_w + w + 6:.2f}" y="{mid:g}" '
                       f'dominant-baseline="central">{bar.count}</text>')
        svg.append("</svg>")
        head = f'<tr><th scope="col">{escape(label_heading)}</th><th scope="col">Antal titlar</th></tr>'
        body = "".join(f'<tr><th scope="row">{escape(b.label)}</th><td>{b.count}</td></tr>' for b in bars)
        return (f'<figure class="loft-chart loft-chart--bars" id="{chart_id}">'
                f'<figcaption class="loft-chart__caption">{escape(title)}</figcaption>'
                f'<div class="loft-chart__frame">{"".join(svg)}</div>'
                f'{_table(chart_id, title, head, body)}</figure>')


# --- pieces ------------------------------------------------------------------
def _svg_open(chart_id: str, width: float, height: float, role: str = "img") -> str:
    # role="img" hides an SVG's inside from assistive technology; the matrix holds
    # links, so it is a group named and described by its own <title> and <desc>.
    naming = (f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc"' if role == "group"
              else f'aria-labelledby="{chart_id}-title {chart_id}-desc"')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="loft-chart__svg" role="{role}" {naming} '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'font-size="{FONT}">')


def _count_link(href: str, count: int, label: str) -> str:
    if not count:
        return "0"
    return f'<a href="{escape(href)}" aria-label="{escape(label)}: {escape(count_text(count))}">{count}</a>'


def _table(chart_id: str, title: str, head: str, body: str) -> str:
    # A scroll box of our own (Material's wrapper cut the matrix's table off), with
    # the first column fixed (loft-charts.css); focusable, so it scrolls by keyboard.
    return (f'<details class="loft-chart__data"><summary>{TABLE_SUMMARY}</summary>'
            f'<div class="loft-chart__table" role="region" tabindex="0" aria-labelledby="{chart_id}-table-caption">'
            f'<table class="loft-table" id="{chart_id}-table"><caption id="{chart_id}-table-caption">{escape(title)}</caption>'
            f'<thead>{head}</thead><tbody>{body}</tbody></table></div></details>')


# Patterns tell the series apart without colour: plain, hatched, dotted, crossed.
_PATTERN_NAMES = ("helfyllda", "med snedstreck", "med prickar", "med rutmönster")
_PATTERN_MARKS = ("", '<path d="M-1 1 l2 -2 M0 8 l8 -8 M7 9 l2 -2"/>',
                  '<circle cx="4" cy="4" r="1.6"/>', '<path d="M0 4 h8 M4 0 v8"/>')


def _pattern_name(series: int) -> str:
    return _PATTERN_NAMES[series % len(_PATTERN_NAMES)]


def _patterns(chart_id: str, count: int) -> str:
    defs = []
    for s in range(count):
        marks = _PATTERN_MARKS[s % len(_PATTERN_MARKS)]
        defs.append(f'<pattern id="{chart_id}-pattern-{s}" width="8" height="8" patternUnits="userSpaceOnUse">'
                    f'<rect class="loft-series__fill loft-series--{s % SERIES_CLASSES}" width="8" height="8"/>'
                    f'<g class="loft-series__marks">{marks}</g></pattern>')
    return f'<defs>{"".join(defs)}</defs>'
