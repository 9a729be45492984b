"""Links in an item's text that lead nowhere (loft/safety/item_links.py), as
`loft check` finds them (loft/safety/text_check.py) with line and column."""

import pytest

from helpers import news, report
from loft.content.project import Project
from loft.safety.inputs import check_inputs
from loft.safety.item_links import ItemAddresses
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
    # Judged only with the site's items (a content folder holds nothing but items,
    # so no file can be beside it): test_a_file_another_item_lacks_... below.
    assert check(items["en-nyhet"], "Se [bilden](bild.png).\n") == []


# --- links to the site's items (ItemAddresses: loft check and the build) -----------
@pytest.fixture
def site(make_project):
    project = make_project({
        "reports/forsta-rapporten.md": report("Första rapporten", "2023-01-01"),
        "reports/med-bilagor/index.md": report("Med bilagor", "2024-03-01"),
        "reports/med-bilagor/rapport.pdf": PDF,
        "reports/ett-utkast.md": report("Ett utkast", "2024-04-01", draft=True),
        "docs/nyheter/en-nyhet.md": news("En nyhet", "2024-05-01"),
    })
    loaded_project = Project.load(project)
    loaded, problems = loaded_project.load_items()
    assert not problems, problems
    return {item.slug: item for item in loaded}, ItemAddresses(loaded, loaded_project.types)


def site_check(site, slug: str, body: str) -> list[str]:
    items, addresses = site
    item = items[slug]
    return [p.message for p in text_problems(item.source, body, 10, item, addresses)]


@pytest.mark.parametrize("link", [
    "[en annan rapport](../forsta-rapporten/)", "[utan snedstreck](../forsta-rapporten)",
    "[hennes PDF](../med-bilagor/rapport.pdf)", "[hennes referens](../med-bilagor/citera.ris)",
    "[som fil](../forsta-rapporten.md)", "[mappens fil](med-bilagor/index.md)",
    "[alla rapporter](../)", "[sida två](../sida/2/)", "[flödet](../atom.xml)",
    "[en nyhet](../../nyheter/en-nyhet/)", "[en princip](../../principer/kultur/)",
    "[en sida](../../om-loft.md)", "[roten](/rapporter/finns-inte/)",
])
def test_links_to_what_the_site_has_are_left_alone(site, link):
    assert site_check(site, "forsta-rapporten" if "forsta-rapporten" not in link else "med-bilagor",
                      f"Se {link}.\n") == []


def test_a_link_to_an_item_that_does_not_exist_is_named_with_the_closest(site):
    [message] = site_check(site, "med-bilagor", "Se [den](../forsta-raporten/).\n")
    assert message == ("länken ../forsta-raporten/ leder till rapporter/forsta-raporten/, men där finns inget "
                       "objekt. Menade du ../forsta-rapporten/?")
    [message] = site_check(site, "en-nyhet", "Se [mallen](../../material/ingen-sadan-mall/).\n")
    assert message.startswith("länken ../../material/ingen-sadan-mall/ leder till material/ingen-sadan-mall/, "
                              "men där finns inget objekt. Länka till ett objekt med sidans adress")


def test_a_markdown_link_must_name_an_items_file(site):
    [message] = site_check(site, "med-bilagor", "Se [den](../forsta-rapport.md).\n")
    assert message == ("länken ../forsta-rapport.md leder till en Markdown-fil som inte finns på webbplatsen. "
                       "Menade du ../forsta-rapporten/?")


def test_a_published_item_cannot_link_to_a_draft_but_a_draft_can(site):
    [message] = site_check(site, "forsta-rapporten", "Se [utkastet](../ett-utkast/).\n")
    assert message.startswith("länken ../ett-utkast/ leder till reports/ett-utkast.md, som är ett utkast")
    assert site_check(site, "ett-utkast", "Se [den](../forsta-rapporten/).\n") == []
    [message] = site_check(site, "forsta-rapporten", "Se [utkastet](ett-utkast.md).\n")
    assert "som är ett utkast och inte publiceras" in message


def test_a_file_another_item_lacks_and_a_file_of_an_item_without_a_folder(site):
    [message] = site_check(site, "forsta-rapporten", "Se [PDF](../med-bilagor/Rapport.pdf).\n")
    assert message == ("länken ../med-bilagor/Rapport.pdf: filen Rapport.pdf finns inte hos "
                       "reports/med-bilagor/index.md (där finns rapport.pdf). Rätta namnet i länken; stora och "
                       "små bokstäver räknas.")
    [message] = site_check(site, "en-nyhet", "Se [bilden](bild.png).\n")
    assert message.startswith("länken bild.png: objektet har ingen egen mapp, så det har inga bilagor.")


def test_loft_check_follows_the_engine_for_files_named_from_the_markdown_files_folder(make_project):
    # Before the engine converts the text, `../assets/x.css` from reports/a.md is the
    # engine's link to docs/assets/x.css (it makes it ../../assets/x.css): not an
    # item "assets" under rapporter/. The dead link beside it is still named.
    project = make_project({
        "reports/a.md": report("A", "2023").replace(
            "Brödtext.", "Se [stilen](../assets/x.css), [bilden](../bild.png) och [B](../ingen/)."),
        "docs/assets/x.css": "body { color: black; }\n",
        "docs/bild.png": PNG,
    })
    _, problems = check_inputs(Project.load(project))
    assert [p.message for p in problems] == [
        "länken ../ingen/ leder till rapporter/ingen/, men där finns inget objekt. Länka till ett objekt med "
        "sidans adress, som den står i webbläsarens adressfält (från ett objekt till ett annat av samma slag: "
        "../namnet-pa-objektet/)."]


def test_checking_one_file_judges_its_links_against_the_whole_site(make_project):
    # `loft check <fil>` (what `loft new` suggests): links to items it was not
    # asked about are found, dead ones named.
    project = make_project({
        "reports/forsta-rapporten.md": report("Första rapporten", "2023-01-01"),
        "docs/nyheter/en-nyhet.md": news("En nyhet", "2024-05-01").replace(
            "Brödtext.", "Se [den](../../rapporter/forsta-rapporten/) och [den](../../rapporter/forsta-rapport/)."),
    })
    _, problems = check_inputs(Project.load(project), only=[project / "docs/nyheter/en-nyhet.md"])
    assert [p.message for p in problems] == [
        "länken ../../rapporter/forsta-rapport/ leder till rapporter/forsta-rapport/, men där finns inget objekt. "
        "Menade du ../../rapporter/forsta-rapporten/?"]


def test_a_markdown_link_that_climbs_out_of_its_files_folder_is_read_from_the_page(site):
    # From docs/nyheter/en-nyhet.md the engine cannot follow ../../rapporter/x.md (out
    # of docs/), so it stays as written and the browser reads it from nyheter/en-nyhet/.
    [message] = site_check(site, "en-nyhet", "Se [den](../../rapporter/finns-ej.md).\n")
    assert message.startswith("länken ../../rapporter/finns-ej.md leder till en Markdown-fil som inte finns")
