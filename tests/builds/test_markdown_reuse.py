"""The hooks let the engine convert every page with one Markdown instance, reset
between pages (hooks/engine_work.py: ReusedMarkdown). Nothing one page defines may
reach another: abbreviations, footnotes, heading ids, reference links."""

from __future__ import annotations

import pytest

from helpers import item_md

# Each page defines what the other only uses, so whichever is converted second
# would show a leak.
FIRST = ("Texten nämner ABCX och KLMY.[^forsta] [^andra]\n\n## Gemensam rubrik\n\n"
         "Se [källan][ref1].\n\n*[ABCX]: Första sidans förkortning\n\n"
         "[^forsta]: Första sidans fotnot.\n\n[ref1]: https://example.org/forsta\n")
SECOND = ("Texten nämner ABCX och KLMY.[^andra] [^forsta]\n\n## Gemensam rubrik\n\n"
          "Se [källan][ref2] och [källan][ref1].\n\n*[KLMY]: Andra sidans förkortning\n\n"
          "[^andra]: Andra sidans fotnot.\n\n[ref2]: https://example.org/andra\n")
CORPUS = {
    "reports/forsta.md": item_md(FIRST, title="Första", date="2022-03-01", principles=["kultur"],
                                 summary="Den första."),
    "reports/andra.md": item_md(SECOND, title="Andra", date="2022-03-02", principles=["kultur"],
                                summary="Den andra."),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from harness import corpus_site

    return corpus_site(tmp_path_factory.mktemp("markdown-reuse"), CORPUS)


@pytest.mark.parametrize("page,own,other,own_ref,other_ref,own_note,other_note", [
    ("rapporter/forsta/", "ABCX", "KLMY", "forsta", "andra", "Första sidans fotnot", "Andra sidans fotnot"),
    ("rapporter/andra/", "KLMY", "ABCX", "andra", "forsta", "Andra sidans fotnot", "Första sidans fotnot"),
])
def test_no_page_sees_what_another_page_defined(site, page, own, other, own_ref, other_ref, own_note, other_note):
    html = site.read(page + "index.html")
    article = html[html.index("<article"):html.index("</article>")]
    assert "<abbr title=" in article and f">{own}</abbr>" in article
    assert f">{other}</abbr>" not in article  # the other page's abbreviation
    assert own_note in article
    assert other_note not in article
    assert f"[^{other_ref}]" in article  # a footnote defined elsewhere stays text
    assert f"https://example.org/{own_ref}" in article
    assert f"https://example.org/{other_ref}" not in article
    assert 'id="gemensam-rubrik"' in article  # ids counted per page, not _1 on the second
