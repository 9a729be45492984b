"""Properties of the index, the listings, the catalogue and the feeds for any corpus.

Hypothesis writes corpora the way editors do (helpers.report/news), with ties on
type and date, year-only and month-only dates, items without municipality,
folders with an attachment, and drafts. The expectations come from the corpus
as written (tests/expect.py), never from the build: every published item is in
the catalogue exactly once, has its page, appears in each listing of each of its
terms on exactly one page, counts add up across facets, the order is total and
stable, and drafts appear nowhere. Deterministic: the `loft` Hypothesis profile
(tests/conftest.py) derandomizes and bounds the examples.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from hypothesis import given
from hypothesis import strategies as st

import expect
from harness import data_project
from helpers import news, report
from loft.build import SiteBuild
from loft.outputs.catalogue import render_catalogue
from loft.outputs.feeds import render_feeds

FOLDERS = {"rapport": "reports", "mall": "materials", "nyhet": "docs/nyheter"}
SLUGS = ["alfa", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "my", "ny", "xi", "omikron", "pi", "rho", "sigma", "tau", "ypsilon"]
PRINCIPLES = ["kultur", "systemsynsatt", "anpassningsformaga"]
MUNICIPALITIES = ["kungsbacka", "lidingo", "enkoping"]
# Few dates, so that many items share one (and one type): ties are the rule here.
DATES = st.sampled_from(["2021", "2021-03", "2021-03-01", "2021-03-02", "2022", "2022-01-15"])


@st.composite
def items(draw):
    return {
        "type": draw(st.sampled_from(sorted(FOLDERS))),
        "date": draw(DATES),
        "principles": draw(st.lists(st.sampled_from(PRINCIPLES), min_size=1, max_size=3, unique=True)),
        "municipalities": draw(st.lists(st.sampled_from(MUNICIPALITIES), max_size=2, unique=True)),
        "draft": draw(st.integers(0, 3)) == 0,  # about one in four
        "folder": draw(st.booleans()),
    }


corpora = st.lists(st.tuples(st.sampled_from(SLUGS), items()), max_size=14,
                   unique_by=lambda pair: (pair[1]["type"], pair[0]))


def files_of(corpus) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for slug, spec in corpus:
        folder = FOLDERS[spec["type"]]
        title = f"{slug.capitalize()} {spec['type']}"
        make = news if spec["type"] == "nyhet" else report
        text = make(title, spec["date"], spec["principles"], spec["municipalities"],
                    draft=True if spec["draft"] else None)
        if spec["folder"] and spec["type"] != "nyhet":
            files[f"{folder}/{slug}/index.md"] = text
            files[f"{folder}/{slug}/{slug}.pdf"] = b"%PDF-1.4\n" + b"0" * 100
        else:
            files[f"{folder}/{slug}.md"] = text
    return files


def project(root: Path, files: dict[str, str | bytes]) -> Path:
    return data_project(root, files)


@given(corpus=corpora, page_size=st.integers(1, 4))
def test_every_published_item_is_listed_exactly_where_it_belongs(corpus, page_size):
    files = files_of(corpus)
    with tempfile.TemporaryDirectory() as folder:
        root = project(Path(folder), files)
        build = SiteBuild.create(root, page_size=page_size)
        sources = expect.source_items(root)
        published = expect.published(sources)
        drafts = {i.url for i in sources if i.draft}
        assert len(sources) == len(corpus)

        # The catalogue: every published item once, in the one total order, no draft.
        catalogue = json.loads(render_catalogue(build.index))["items"]
        assert [e["url"] for e in catalogue] == [i.url for i in published]
        assert [(e["type"], e["date"], e["principles"], e["municipalities"]) for e in catalogue] == [
            (i.type, i.date, list(i.tags["principles"]), list(i.tags["municipalities"])) for i in published]

        # Each item has its page; a draft has none.
        for item in published:
            src = item.url[:-1] + ("/index.md" if item.attachments else ".md")
            assert build.item(src) is not None, item.url
            assert item.title in build.page_markdown(src, "Brödtext.")
        assert not drafts & set(build.index.by_url)

        # Every listing: its pages in order, each item on exactly one page, newest first.
        expected = expect.listings(sources, root)
        pages: dict[str, list] = {}
        for listing in build.listings.values():
            pages.setdefault(listing.base_url, []).append(listing)
        assert set(pages) == set(expected)
        for base, urls in expected.items():
            got = sorted(pages[base], key=lambda listing: listing.page)
            assert [p.url for p in got] == expect.page_urls(base, len(urls), page_size), base
            shown = [i.url for p in got for i in p.items]
            assert shown == urls, base
            assert all(p.total == len(urls) and len(p.items) <= page_size for p in got), base

        # Counts add up across facets.
        totals = {base: pages[base][0].total for base in pages}
        n = len(published)
        assert sum(totals[f"{t['path']}/"] for t in expect.types(root)) == n
        assert sum(v for k, v in totals.items() if k.startswith("ar/")) == n
        for facet in expect.facets(root):
            assert sum(totals[f"{facet.path}/{t}/"] for t in facet.ids) == sum(
                len(i.tags[facet.field]) for i in published)
            for term in facet.ids:
                assert build.index.count(next(f for f in build.index.facets if f.field == facet.field),
                                         term) == len(expected[f"{facet.path}/{term}/"])

        # The feeds: newest first, no draft.
        feeds = {path: [urljoin("/" + path, e.link).lstrip("/") for e in feedparser.parse(text).entries]
                 for path, text in render_feeds(build.index, build.machine.meta).items()}
        assert feeds["atom.xml"] == [i.url for i in published]
        for base, urls in expected.items():
            if not base.startswith("ar/"):  # years have no feed
                assert feeds[base + "atom.xml"] == urls, base


@given(corpus=corpora)
def test_order_and_output_do_not_depend_on_the_order_files_were_written(corpus):
    files = files_of(corpus)
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        first = SiteBuild.create(project(Path(one), files), page_size=2)
        second = SiteBuild.create(project(Path(two), dict(reversed(list(files.items())))), page_size=2)
        assert render_catalogue(first.index) == render_catalogue(second.index)
        assert {k: [i.url for i in v.items] for k, v in first.listings.items()} == {
            k: [i.url for i in v.items] for k, v in second.listings.items()}
        keys = [i.sort_key for i in first.index.items]
        assert len(set(keys)) == len(keys)  # total: no two items compare equal
        assert Counter(i.url for i in first.index.items) == Counter(
            i.url for i in expect.published(expect.source_items(Path(one))))
