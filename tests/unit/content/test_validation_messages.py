"""Whole problem lines, written by hand: file, line, column, field and the full
Swedish message, for the shapes of mistake that the needle tests in
test_validation.py only sample."""

from __future__ import annotations

import yaml

from loft.safety.text_check import item_problems

HEAD = "---\n"


def report_with(*lines: str) -> str:
    return HEAD + "".join(line + "\n" for line in lines) + "---\n\nText.\n"


def formatted(check, text: str, path: str = "reports/a.md") -> list[str]:
    _, problems = check({path: text})
    return [p.format() for p in problems]


FORMAT_HELP = "Skriv datumet som ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ, till exempel 2023-05-15."


def test_every_required_field_missing(check):
    assert formatted(check, report_with("municipalities: [kungsbacka]")) == [
        "reports/a.md:1:1: title: fältet saknas men krävs för typen rapport. "
        "Lägg till en rubrik, till exempel title: Insikter om innovationsledning.",
        f"reports/a.md:1:1: date: fältet saknas men krävs för typen rapport. Lägg till ett datum. {FORMAT_HELP}",
        "reports/a.md:1:1: summary: fältet saknas men krävs för typen rapport. Lägg till en sammanfattning på "
        "ett stycke, till exempel summary: Rapporten beskriver hur kommuner leder förnyelse.",
        "reports/a.md:1:1: principles: fältet saknas men minst en princip krävs för typen rapport. Välj bland "
        "realisering-av-varde, framtidsinriktade-ledare eller strategisk-inriktning med flera "
        "(loft list principer). Skriv till exempel:\n      principles:\n        - realisering-av-varde",
    ]


def test_empty_fields_are_empty_not_missing(check):
    assert formatted(check, report_with("title:", "date: 2023", "summary: S.", "principles: [kultur]")) == [
        "reports/a.md:2:1: title: fältet är tomt men krävs för typen rapport. "
        "Lägg till en rubrik, till exempel title: Insikter om innovationsledning.",
    ]


def test_a_list_where_text_belongs(check):
    assert formatted(check, report_with("title:", "  - A", "  - B", "date: 2023", "summary: S.",
                                        "principles: [kultur]")) == [
        "reports/a.md:3:3: title: ska vara en text, inte en lista. Skriv title: följt av texten på samma rad.",
    ]


def test_a_mapping_where_text_belongs(check):
    assert formatted(check, report_with("title: T", "date: 2023", "summary:", "  kort: S.",
                                        "principles: [kultur]")) == [
        "reports/a.md:5:3: summary: ska vara en text, inte en samling av fält. "
        "Skriv summary: följt av texten på samma rad.",
    ]  # one problem per mistake: not also "summary is empty"


def test_a_mapping_where_a_list_belongs(check):
    assert formatted(check, report_with("title: T", "date: 2023", "summary: S.", "principles:",
                                        "  kultur: ja")) == [
        "reports/a.md:6:3: principles: ska vara en lista, inte en samling av fält.",
    ]


def test_a_date_that_is_a_list(check):
    assert formatted(check, report_with("title: T", "date: [2023]", "summary: S.", "principles: [kultur]")) == [
        f"reports/a.md:3:7: date: ska vara ett datum, inte en lista. {FORMAT_HELP}",
    ]


def test_empty_and_nested_list_values(check):
    assert formatted(check, report_with("title: T", "date: 2023", "summary: S.", "principles:", "  -",
                                        "  - [kultur]", "  - kultur")) == [
        "reports/a.md:6:4: principles: varje värde i listan ska vara en text; ett värde är tomt eller är själv "
        "en lista.",
        "reports/a.md:7:5: principles: varje värde i listan ska vara en text; ett värde är tomt eller är själv "
        "en lista.",
    ]


def test_null_list_values_are_reported_and_the_rest_is_kept(check):
    items, problems = check({"reports/a.md": report_with("title: T", "date: 2023", "summary: S.", "principles:",
                                                         "  - null", "  - kultur", "  - ''", "  - systemsynsatt")})
    assert [(p.line, p.column, p.field) for p in problems] == [(6, 5, "principles"), (8, 5, "principles")]
    assert items == [] or items[0].tags["principles"] == ("kultur", "systemsynsatt")


def test_unknown_key_lists_the_allowed_fields_in_order(check):
    assert formatted(check, report_with("title: T", "date: 2023", "summary: S.", "principles: [kultur]",
                                        "utkast: true")) == [
        "reports/a.md:6:1: utkast: okänt fält. Tillåtna fält: title, date, principles, municipalities, "
        "publishers, language, published_at, continues, identifiers, summary, authors, based_on, "
        "redirect_from, draft. Menade du draft?",
    ]


def test_draft_must_be_a_boolean(check):
    assert formatted(check, report_with("title: T", "date: 2023", "summary: S.", "principles: [kultur]",
                                        "draft: ja")) == [
        'reports/a.md:6:8: draft: ska vara true eller false, inte "ja". Skriv draft: true för ett '
        "utkast, annars ta bort raden.",
    ]


def test_a_news_item_needs_only_title_and_date(check):
    # (An empty front matter is its own mistake: tests/adversarial.)
    assert formatted(check, "---\ndraft: false\n---\n\nText.\n", "docs/nyheter/n.md") == [
        "docs/nyheter/n.md:1:1: title: fältet saknas men krävs för typen nyhet. "
        "Lägg till en rubrik, till exempel title: Insikter om innovationsledning.",
        f"docs/nyheter/n.md:1:1: date: fältet saknas men krävs för typen nyhet. Lägg till ett datum. {FORMAT_HELP}",
    ]


def test_an_impossible_date_points_at_the_value(check):
    assert formatted(check, report_with("title: T", "date: 2023-02-30", "summary: S.", "principles: [kultur]")) == [
        'reports/a.md:3:7: date: "2023-02-30" finns inte: februari 2023 har 28 dagar.',
    ]


def test_null_date_and_draft(check):
    assert formatted(check, report_with("title: T", "date: ~", "summary: S.", "principles: [kultur]")) == [
        f"reports/a.md:3:1: date: fältet är tomt men krävs för typen rapport. Lägg till ett datum. {FORMAT_HELP}",
    ]
    items, problems = check({"reports/b.md": report_with("title: T", "date: 2023", "summary: S.",
                                                         "principles: [kultur]", "draft: null")})
    assert [p for p in problems if p.path == "reports/b.md"] == []
    assert [i.draft for i in items if i.slug == "b"] == [False]


def test_script_in_the_body_names_the_file(check):
    items, problems = check({"reports/a.md": report_with("title: T", "date: 2023", "summary: S.",
                                                         "principles: [kultur]") + "\n<script>alert(1)</script>\n"})
    assert problems == []  # the front matter is right; the text is judged as HTML (loft/safety/text_check.py)
    [problem] = item_problems(items)
    assert (problem.path, problem.line, problem.field) == ("reports/a.md", 10, "text")


def test_null_title_is_empty(check):
    assert formatted(check, report_with("title: ~", "date: 2023", "summary: S.", "principles: [kultur]")) == [
        "reports/a.md:2:1: title: fältet är tomt men krävs för typen rapport. "
        "Lägg till en rubrik, till exempel title: Insikter om innovationsledning.",
    ]


def test_one_value_where_a_list_belongs_points_at_the_value(check):
    assert formatted(check, report_with("title: T", "date: 2023", "summary: S.", "principles: kultur")) == [
        'reports/a.md:5:13: principles: ska vara en lista, inte en enstaka text ("kultur"). Skriv varje värde '
        "på en egen rad under principles: med ett bindestreck först, till exempel:\n      principles:\n"
        "        - kultur",
    ]


def test_markup_in_a_title_and_paragraphs_in_a_summary(check):
    assert formatted(check, report_with("title: A <b>B</b>", "date: 2023", 'summary: "S.\\n\\nMer."',
                                        "principles: [kultur]")) == [
        'reports/a.md:2:1: title: "A <b>B</b>" innehåller tecken som tolkas som HTML (< > eller &...;). '
        'Skriv texten utan dem, till exempel "mindre än" i stället för <.',
        "reports/a.md:4:1: summary: ska vara ett enda stycke utan tomma rader. Flytta resten av texten till "
        "sidans brödtext under front matter.",
    ]


def test_an_unknown_term_of_a_short_vocabulary_lists_every_value(check):
    [line] = formatted(check, report_with("title: T", "date: 2023", "summary: S.", "principles: [kulturr]"))
    assert line == (
        'reports/a.md:5:14: principles: okänd princip "kulturr". Tillåtna värden: '
        "realisering-av-varde (Realisering av värde), framtidsinriktade-ledare (Framtidsinriktade ledare), "
        "strategisk-inriktning (Strategisk inriktning), kultur (Kultur), "
        "utnyttjande-av-insikter (Utnyttjande av insikter), hantering-av-osakerhet (Hantering av osäkerhet), "
        "anpassningsformaga (Anpassningsförmåga), systemsynsatt (Systemsynsätt). Menade du Kultur?")


def _municipalities(project_dir, count: int) -> None:
    terms = [{"id": f"kommun-{n:02d}", "label": f"Kommun {n:02d}"} for n in range(count)]
    (project_dir / "data/municipalities.yml").write_text(yaml.safe_dump(terms, allow_unicode=True), encoding="utf-8")


def test_a_vocabulary_of_twelve_is_listed_and_of_thirteen_points_to_loft_list(check, project_dir):
    text = report_with("title: T", "date: 2023", "summary: S.", "principles: [kultur]", "municipalities: [Kommun 99]")
    _municipalities(project_dir, 12)
    [twelve] = formatted(check, text)
    assert twelve.startswith('reports/a.md:6:18: municipalities: okänd kommun "Kommun 99". Tillåtna värden: '
                             "kommun-00 (Kommun 00), kommun-01 (Kommun 01), ")
    assert twelve.count("(Kommun ") == 12
    _municipalities(project_dir, 13)
    [thirteen] = formatted(check, text)
    assert thirteen.startswith('reports/a.md:6:18: municipalities: okänd kommun "Kommun 99". '
                               "Se tillåtna värden med: loft list kommuner.")
