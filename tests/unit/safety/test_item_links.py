"""Links in an item's text that lead nowhere (loft/safety/item_links.py), as
`loft check` finds them (loft/safety/text_check.py) with line and column."""

import pytest

from helpers import news, report
from loft.content.project import Project
from loft.safety.text_check import text_problems

PDF = b"%PDF-1.4\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def items(make_project):
    project = make_project({
        "reports/med-bilagor/index.md": report("Med bilagor", "2024-03-01"),
        "reports/med-bilagor/rapport.pdf": PDF,
        "reports/med-bilagor/bilder/figur.png": PNG,
        "docs/nyheter/en-nyhet.md": news("En nyhet", "2024-05-01"),
    })
    loaded, problems = Project.load(project).load_items()
    assert not problems, problems
    return {item.slug: item for item in loaded}


def check(item, body: str) -> list[str]:
    return [p.format() for p in text_problems(item.source, body, 10, item)]


@pytest.mark.parametrize("link", [
    "[rapporten](rapport.pdf)", "![figur](bilder/figur.png)", "[citera](citera.bib)",
    "[sidan](./)", "[sidan](index.html#avsnitt)", "[avsnitt](#avsnitt)", "[sök](?q=kultur)",
    "[andra rapporter](../)", "[en sida som kanske finns](../../principer/kultur/)",
    "[annan webbplats](https://www.ri.se/)", "[e-post](mailto:info@example.org)",
    "[roten](/rapporter/)",
])
def test_links_that_can_lead_somewhere_are_left_alone(items, link):
    assert check(items["med-bilagor"], f"Se {link}.\n") == []


def test_a_missing_file_in_the_items_folder_is_named_with_line_and_column(items):
    [problem] = check(items["med-bilagor"], "Inledning.\n\nSe [bilagan](Rapport.pdf) här.\n")
    assert problem == ("reports/med-bilagor/index.md:12:14: text: länken Rapport.pdf: filen Rapport.pdf finns "
                       "inte i reports/med-bilagor/ (där finns bilder/figur.png, rapport.pdf). Lägg filen där "
                       "eller rätta namnet i länken; stora och små bokstäver räknas.")


def test_a_link_out_of_the_site_is_an_error_in_every_item(items):
    for slug in ("med-bilagor", "en-nyhet"):
        [problem] = check(items[slug], "![lösen](../../../../etc/passwd)\n")
        assert ":10:10: text: länken ../../../../etc/passwd pekar utanför webbplatsen" in problem


def test_an_item_without_a_folder_has_no_files_to_miss(items):
    # Its text may point at a file beside it in docs/, which the engine links by itself.
    assert check(items["en-nyhet"], "Se [bilden](bild.png).\n") == []
