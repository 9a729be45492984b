"""The real content says what its sources say, and credits them (issue 13).

The first tests read the content files only; those marked `build` look at the
built real site. Each guards a correction a machine can check: dates, `author`
versus `isBasedOn`, no personal contact details, the source named on retold
news, municipality tags the text supports, the site's own guidance marked as
such, and the pages agreeing with what LOFT has not yet confirmed.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml

from harness import REPO
from loft.content.project import Project

ITEMS, PROBLEMS = Project.load(REPO).load_items()
BY_SLUG = {item.slug: item for item in ITEMS}
MUNICIPALITIES = {t["id"]: t for t in yaml.safe_load((REPO / "data/municipalities.yml").read_text(encoding="utf-8"))}
CONTENT_FILES = sorted([*REPO.glob("reports/**/*.md"), *REPO.glob("materials/**/*.md"),
                        *REPO.glob("docs/**/*.md"), *REPO.glob("data/*.yml"), REPO / "README.md",
                        REPO / "mkdocs.yml"])
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Swedish phone numbers as the sources write them: 0171-62 62 16, 073-819 08 63.
PHONE = re.compile(r"(?<![\d-])0\d{1,3}[-–]\s?\d{2,3}(\s?\d{2}){1,2}(?![\d-])")
# Wordings the fact check found; none may come back.
REJECTED_WORDINGS = [
    "studiebesök om", "som värde som skapas", "börjar i en", "ge mycket tillbaka för pengarna",
    "så länge den i slutändan", "ordnade efter de åtta principerna", "för var och en av dem",
    "samarbeta kring tillämpad forskning och utveckling\nom hur", "i en\n   enskild kommun",
]


def text_of(item) -> str:
    body = item.source_path.read_text(encoding="utf-8")
    return " ".join(body.split())


def test_the_real_content_is_valid():
    assert PROBLEMS == [] and len(ITEMS) >= 7


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_personal_contact_details(path: Path):
    text = path.read_text(encoding="utf-8")
    assert not EMAIL.search(text), f"e-postadress: {EMAIL.search(text).group(0)}"
    assert not PHONE.search(text), f"telefonnummer: {PHONE.search(text).group(0)}"


def test_the_contact_patterns_find_what_the_sources_had():
    assert PHONE.search("Telefon 0171-62 62 16.") and PHONE.search("073-819 08 63, x")
    assert EMAIL.search("namn.efternamn@kommun.se")
    assert not PHONE.search("kommunkod \"0381\", 2021-08-16, 300 000 kronor, 2022–2024")


def test_every_news_item_credits_whoever_wrote_it():
    news = [i for i in ITEMS if i.type.id == "nyhet"]
    assert len(news) >= 3
    for item in news:
        source = item.based_on
        assert item.authors or (source and (source.publisher or source.authors)), (
            f"{item.source}: nyheten säger inte vem som skrev eller gav ut originalet (based_on)")


def test_original_authors_are_not_the_items_authors():
    for item in ITEMS:
        if item.based_on and item.based_on.authors:
            assert not set(item.authors) & set(item.based_on.authors), item.source


def test_a_retold_item_is_dated_no_more_precisely_than_its_original():
    for item in ITEMS:
        if item.based_on and item.based_on.date:
            assert item.date == item.based_on.date, item.source


def test_kungsbacka_news_is_dated_by_its_month_and_credits_its_writers():
    item = BY_SLUG["2023-05-partnerskapsdagar-i-kungsbacka"]
    assert item.date.iso == "2023-05"  # "förra veckan, den 15–16 maj": written the week after
    assert item.authors == () and item.based_on.authors == ("Amanda", "Anders", "Carl")
    assert "Efter ett inlägg av Amanda, Anders och Carl" in text_of(item)
    assert item.tags["municipalities"] == ("kungsbacka",)  # Lidingö is only the next venue


def test_digad_news_names_region_vasterbotten_and_the_original_date():
    item = BY_SLUG["2021-08-digad-digital-innovation-i-offentlig-sektor"]
    assert item.based_on.publisher == "Region Västerbotten" and item.based_on.date.iso == "2021-08-16"
    assert "Varför nyheten är märkt med" in text_of(item)  # the reason for its principle tags


def test_enkoping_news_keeps_the_proposal_and_the_old_address():
    item = BY_SLUG["2021-11-enkoping-foreslas-ga-med-i-loft"]
    assert "föreslås" in item.title
    assert item.redirect_from == ("nyheter/2021-11-enkoping-gar-med-i-loft/",)
    text = text_of(item)
    assert "Mälardalens högskola (i dag Mälardalens universitet)" in text
    assert "Mälardalens universitet (MDU)" not in text
    assert "2011-11-17" in text and "skrivfel" in text


def test_every_municipality_tag_is_named_in_the_items_text():
    """A tag means took part or is the subject; either way the text names the municipality."""
    for item in ITEMS:
        text = text_of(item)
        for term in item.tags.get("municipalities", ()):
            names = (MUNICIPALITIES[term]["label"], MUNICIPALITIES[term]["official_name"])
            assert any(name in text for name in names), f"{item.source}: {term} nämns inte i texten"


def test_templates_carry_no_municipalities_their_source_does_not_name():
    templates = [i for i in ITEMS if i.type.id == "mall"]
    assert templates and all(not i.tags.get("municipalities") for i in templates)


def test_every_municipality_page_has_material():
    tagged = {term for item in ITEMS for term in item.tags.get("municipalities", ())}
    assert set(MUNICIPALITIES) - tagged == set()


def test_reports_and_templates_say_where_the_document_is_and_mark_own_suggestions():
    for item in ITEMS:
        if item.type.id not in ("rapport", "mall"):
            continue
        body = item.source_path.read_text(encoding="utf-8")
        if not item.attachments:
            assert re.search(r"^## Var finns (rapporten|mallen)\?$", body, re.M), item.source
        for heading in re.findall(r"^##+ (.*)$", body, re.M):
            if re.search(r"förslag|så kan du använda|vem .* (passar|till för)|vad workshoppen", heading, re.I):
                assert heading.startswith("Kunskapsbankens förslag"), f"{item.source}: {heading}"


@pytest.mark.parametrize("path", [*REPO.glob("reports/**/*.md"), *REPO.glob("materials/**/*.md"),
                                  *REPO.glob("docs/**/*.md")], ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_rejected_wording_comes_back(path: Path):
    text = path.read_text(encoding="utf-8")
    assert [w for w in REJECTED_WORDINGS if w in text] == []


def test_om_loft_gives_template_figures_only_as_the_templates():
    text = (REPO / "docs/om-loft.md").read_text(encoding="utf-8")
    template = text[text.index("### Vad mallen för partneravtal säger"):]
    template = template[:template.index("\n## ")]
    outside = text.replace(template, "")
    for figure in ("75 000", "80 timmar"):
        assert figure in template and figure not in outside, figure
    assert "i en\nenskild kommun" not in text and "i en enskild kommun" not in " ".join(text.split())


def test_pages_say_what_loft_has_not_confirmed():
    meta = yaml.safe_load((REPO / "data/metadata.yml").read_text(encoding="utf-8"))
    pending = {name: field for name, field in meta["to_confirm"].items() if not field.get("confirmed")}
    statement, about = (" ".join(re.sub(r"<[^>]+>", "", (REPO / f"docs/{name}.md").read_text(encoding="utf-8")).split())
                        for name in ("tillganglighet", "om-webbplatsen"))
    if pending:
        assert "Inte bekräftat ännu" in statement and "inte bekräftat" in about
    if "responsible_body" in pending:
        assert "ingen juridisk person" in statement and "Partnerskapet LOFT" not in statement
        assert "RISE Research Institutes of Sweden AB" in statement and "Mälardalens universitet" in statement
    if "licence" in pending:
        assert not (meta.get("open_data") or {}).get("licence"), "licensen är inte bekräftad"
        assert "licens" in about


def test_statement_describes_the_documents_the_site_has():
    statement = " ".join((REPO / "docs/tillganglighet.md").read_text(encoding="utf-8").split())
    has_files = any(item.attachments for item in ITEMS)
    assert ("inga bifogade filer" in statement) != has_files


# --- the built site ----------------------------------------------------------------
def jsonld(html: str) -> dict:
    found = [f for f in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
             if '"@type":"BreadcrumbList"' not in f]  # the page's own, not its breadcrumbs
    return json.loads(found[0])


@pytest.mark.build
def test_retold_news_pages_show_the_source_and_is_based_on(real_site):
    html = real_site.read("nyheter/2023-05-partnerskapsdagar-i-kungsbacka/index.html")
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert "Datum maj 2023" in text and "Publicerad 15 maj 2023" not in text
    assert "Källa LOFT Partnerskapsdagar i Kungsbacka av Amanda, Anders och Carl" in text
    data = jsonld(html)
    assert "author" not in data
    assert [a["name"] for a in data["isBasedOn"]["author"]] == ["Amanda", "Anders", "Carl"]
    digad = jsonld(real_site.read("nyheter/2021-08-digad-digital-innovation-i-offentlig-sektor/index.html"))
    assert digad["isBasedOn"]["publisher"]["name"] == "Region Västerbotten"
    assert digad["isBasedOn"]["datePublished"] == "2021-08-16"
    items = json.loads(real_site.read("api/items.json"))["items"]
    retold = {e["title"]: e["based_on"] for e in items if e["based_on"]}
    assert retold["Partnerskapsdagar i Kungsbacka"]["authors"] == ["Amanda", "Anders", "Carl"]


@pytest.mark.build
def test_the_old_enkoping_address_leads_to_the_new_one(real_site):
    old = real_site.read("nyheter/2021-11-enkoping-gar-med-i-loft/index.html")
    assert '<meta name="robots" content="noindex">' in old
    assert 'http-equiv="refresh" content="0; url=../2021-11-enkoping-foreslas-ga-med-i-loft/"' in old
    assert '<link rel="canonical" href="../2021-11-enkoping-foreslas-ga-med-i-loft/">' in old
    assert (real_site.site / "nyheter/2021-11-enkoping-foreslas-ga-med-i-loft/index.html").is_file()
    sitemap = real_site.read("sitemap.xml")
    assert "enkoping-gar-med" not in sitemap and "enkoping-foreslas-ga-med-i-loft" in sitemap


@pytest.mark.build
def test_municipality_pages_of_eskilstuna_and_vasteras_list_the_enkoping_news(real_site):
    for term in ("eskilstuna", "vasteras"):
        html = real_site.read(f"kommuner/{term}/index.html")
        assert "Enköping föreslås gå med i LOFT" in html, term
