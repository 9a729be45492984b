"""Every mistake an editor can make gives one clear problem: file, line, field, fix."""

from __future__ import annotations

import pytest

from loft.content.problems import Problem
from loft.safety.text_check import item_problems

GOOD = """---
title: Insikter om innovation
date: 2023-05-15
principles:
  - kultur
municipalities:
  - kungsbacka
summary: En sammanfattning på ett stycke.
---

Text.
"""


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_a_good_report_has_no_problems(check):
    items, problems = check({"reports/insikter.md": GOOD})
    assert problems == []
    (item,) = items
    assert item.title == "Insikter om innovation"
    assert item.date.iso == "2023-05-15" and item.date.swedish == "15 maj 2023"
    assert item.tags == {"principles": ("kultur",), "municipalities": ("kungsbacka",)}
    assert item.url == "rapporter/insikter/"


@pytest.mark.parametrize("written,expected", [
    ("Kultur", "kultur"), ("KULTUR", "kultur"), ("Culture", "kultur"),
    ("systemsynsätt", "systemsynsatt"), ("Systems approach", "systemsynsatt"),
    ("Hantering av osakerhet", "hantering-av-osakerhet"),
])
def test_principles_by_id_label_or_english_name_in_any_case(check, written, expected):
    items, problems = check({"reports/a.md": GOOD.replace("  - kultur", f"  - {written}")})
    assert problems == []
    assert items[0].tags["principles"] == (expected,)


@pytest.mark.parametrize("written,expected", [
    ("Lidingö", "lidingo"), ("lidingo", "lidingo"), ("Lidingö stad", "lidingo"), ("SKELLEFTEÅ", "skelleftea"),
])
def test_municipalities_by_id_or_name(check, written, expected):
    items, problems = check({"reports/a.md": GOOD.replace("  - kungsbacka", f"  - {written}")})
    assert problems == []
    assert items[0].tags["municipalities"] == (expected,)


def test_unknown_municipality_names_line_value_and_closest(check):
    _, problems = check({"reports/a.md": GOOD.replace("  - kungsbacka", "  - Kungsbaka")})
    problem = only(problems)
    assert (problem.path, problem.line, problem.column, problem.field) == ("reports/a.md", 7, 5, "municipalities")
    assert '"Kungsbaka"' in problem.message and "Menade du Kungsbacka?" in problem.message
    assert "kungsbacka (Kungsbacka)" in problem.message  # what is allowed


def test_unknown_principle_suggests_the_closest(check):
    _, problems = check({"reports/a.md": GOOD.replace("  - kultur", "  - Kulturr")})
    problem = only(problems)
    assert problem.field == "principles" and problem.line == 5
    assert "okänd princip" in problem.message and "Menade du Kultur?" in problem.message


def test_unknown_key_suggests_the_right_one(check):
    _, problems = check({"reports/a.md": GOOD.replace("summary:", "sammanfattning:")})
    unknown = [p for p in problems if p.field == "sammanfattning"]
    assert len(unknown) == 1 and unknown[0].line == 8
    assert "okänt fält" in unknown[0].message and "Menade du summary?" in unknown[0].message
    # and the required field it replaced is reported as missing, in the same run
    assert any(p.field == "summary" and "saknas" in p.message for p in problems)


def test_misspelt_key_suggests_the_closest(check):
    _, problems = check({"reports/a.md": GOOD.replace("title:", "tittle:")})
    assert any(p.field == "tittle" and "Menade du title?" in p.message for p in problems)


@pytest.mark.parametrize("date,needle,format_help", [
    ("2023-02-30", '"2023-02-30" finns inte: februari 2023 har 28 dagar.', False),
    ("2024-02-30", "februari 2024 har 29 dagar.", False),
    ("2023-04-31", "april 2023 har 30 dagar.", False),
    ("2023-01-00", "januari 2023 har 31 dagar.", False),
    ("2023-13", "månad 13 finns inte (1–12)", True),
    ("2023-00", "månad 0 finns inte (1–12)", True),
    ("15 maj 2023", "inte ett datum i rätt form", True),
    ("23-05-15", "inte ett datum i rätt form", True),
    ("1023", "året 1023 är orimligt", True),
    ("2101", "året 2101 är orimligt", True),
])
def test_impossible_or_malformed_dates(check, date, needle, format_help):
    _, problems = check({"reports/a.md": GOOD.replace("2023-05-15", f'"{date}"')})
    problem = only(problems)
    assert problem.field == "date" and problem.line == 3
    assert needle in problem.message
    # A date of the right form that does not exist needs no lesson in the form.
    assert ("ÅÅÅÅ-MM-DD" in problem.message) is format_help


@pytest.mark.parametrize("date", ["1900", "2100-12-31", "2024-02-29", "2023-12", "2023-01-31"])
def test_dates_at_the_edges_are_accepted(check, date):
    items, problems = check({"reports/a.md": GOOD.replace("2023-05-15", f'"{date}"')})
    assert problems == [] and items[0].date.iso == date


@pytest.mark.parametrize("date,iso,swedish", [
    ("2023-05-15", "2023-05-15", "15 maj 2023"), ("2023-05", "2023-05", "maj 2023"), ("2022", "2022", "2022"),
])
def test_day_month_or_year(check, date, iso, swedish):
    items, problems = check({"reports/a.md": GOOD.replace("2023-05-15", date)})
    assert problems == []
    assert (items[0].date.iso, items[0].date.swedish, items[0].year) == (iso, swedish, int(iso[:4]))


@pytest.mark.parametrize("field", ["title", "date", "summary", "principles"])
def test_missing_required_field_for_a_report(check, field):
    lines = GOOD.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    _, problems = check({"reports/a.md": "\n".join(lines[:start] + lines[end:])})
    problem = only(problems)
    assert problem.field == field and "saknas" in problem.message and "rapport" in problem.message


def test_news_needs_neither_summary_nor_principles(check):
    items, problems = check({"docs/nyheter/n.md": "---\ntitle: Nyhet\ndate: 2021-08-16\n---\nText\n"})
    assert problems == [] and items[0].type.id == "nyhet" and items[0].url == "nyheter/n/"


def test_empty_required_values(check):
    _, problems = check({"reports/a.md": GOOD.replace("title: Insikter om innovation", "title:")
                         .replace("  - kultur\n", "").replace("principles:", "principles: []")})
    fields = sorted(p.field for p in problems)
    assert fields == ["principles", "title"]
    assert all("är tomt" in p.message for p in problems)


@pytest.mark.parametrize("replace,field,needle", [
    (("principles:\n  - kultur", "principles: kultur"), "principles", "ska vara en lista"),
    (("title: Insikter om innovation", "title:\n  - a\n  - b"), "title", "ska vara en text"),
    (("summary: En sammanfattning på ett stycke.", "summary: |\n  Ett.\n\n  Två."), "summary", "ett enda stycke"),
    (("---\n\nText", "draft: ja\n---\n\nText"), "draft", "true eller false"),
    (("municipalities:\n  - kungsbacka", "municipalities:\n  - [a, b]"), "municipalities", "ska vara en text"),
])
def test_wrong_types(check, replace, field, needle):
    _, problems = check({"reports/a.md": GOOD.replace(*replace, 1)})
    problem = only(problems)
    assert problem.field == field and needle in problem.message


def test_yaml_syntax_error_names_the_line(check):
    broken = GOOD.replace("title: Insikter om innovation", "title: Del 2: Insikter")
    _, problems = check({"reports/a.md": broken})
    problem = only(problems)
    assert problem.field == "front matter" and problem.line == 2
    assert "YAML-syntaxfel" in problem.message and "citattecken" in problem.message


def test_missing_or_unclosed_front_matter(check):
    _, problems = check({"reports/a.md": "Bara text\n", "reports/b.md": "---\ntitle: x\n"})
    messages = {p.path: p.message for p in problems}
    assert "börjar inte med front matter" in messages["reports/a.md"]
    assert "avslutas aldrig" in messages["reports/b.md"]


def test_duplicate_key(check):
    _, problems = check({"reports/a.md": GOOD.replace("date: 2023-05-15", "date: 2023-05-15\ndate: 2022")})
    problem = only(problems)
    assert problem.field == "date" and problem.line == 4 and "två gånger" in problem.message


def test_all_problems_of_all_files_are_reported_together(check):
    items, problems = check({
        "reports/a.md": GOOD.replace("  - kultur", "  - Kulturr"),
        "materials/b.md": GOOD.replace("2023-05-15", "2023-02-31"),
        "docs/nyheter/c.md": "---\ntitle: c\n---\n",
        "reports/ok.md": GOOD,
    })
    assert sorted(p.path for p in problems) == ["docs/nyheter/c.md", "materials/b.md", "reports/a.md"]
    assert [i.source for i in items] == ["reports/ok.md"]


def test_folder_item_with_attachments(check):
    items, problems = check({
        "reports/r/index.md": GOOD, "reports/r/rapport.pdf": b"%PDF-" + b"x" * 1999,
        "reports/r/bild.png": b"\x89PNG\r\n\x1a\n",
    })
    assert problems == []
    (item,) = items
    assert [(a.name, a.format, a.size) for a in item.attachments] == [("rapport.pdf", "PDF", 2004)]
    assert [a.name for a in item.assets] == ["bild.png"]
    assert item.src_uri == "rapporter/r/index.md" and item.url == "rapporter/r/"


def test_disallowed_attachment_type(check):
    _, problems = check({"reports/r/index.md": GOOD, "reports/r/program.exe": b"MZ"})
    problem = only(problems)
    assert problem.path == "reports/r/program.exe" and problem.field == "bilaga"
    assert ".exe" in problem.message and "pdf" in problem.message


def test_folder_without_index(check):
    _, problems = check({"reports/r/rapport.pdf": b"%PDF"})
    assert "saknar index.md" in only(problems).message


def test_stray_file_and_reserved_names(check):
    _, problems = check({"reports/rapport.pdf": b"%PDF", "reports/index.md": GOOD, "reports/sida.md": GOOD})
    by_path = {p.path: p.message for p in problems}
    assert "ingen Markdown-fil" in by_path["reports/rapport.pdf"]
    assert "reserverad" in by_path["reports/index.md"]
    assert "kan inte användas" in by_path["reports/sida.md"]


def test_two_items_with_the_same_address(check):
    _, problems = check({"reports/Min rapport.md": GOOD, "reports/min-rapport.md": GOOD})
    assert any("samma adress" in p.message for p in problems)


def test_drafts_are_read_and_marked(check):
    items, problems = check({"reports/a.md": GOOD.replace("---\n\nText", "draft: true\n---\n\nText")})
    assert problems == [] and items[0].draft is True


@pytest.mark.parametrize("body,needle", [
    ("<script>alert(1)</script>", "<script>"),
    ('<img src="x.png" onerror="alert(1)">', "onerror"),
    ("[klicka](javascript:alert(1))", "javascript:"),
    ('<iframe src="https://example.org"></iframe>', "<iframe>"),
])
def test_script_in_content_is_rejected_with_its_line(check, body, needle):
    items, problems = check({"reports/a.md": GOOD.replace("Text.", f"Text.\n\n{body}")})
    assert problems == []  # the front matter is fine: the text is judged as HTML
    problem = only(item_problems(items))
    assert problem.field == "text" and problem.line == 13 and needle in problem.message


def test_script_inside_a_code_block_is_only_text(check):
    items, problems = check({"reports/a.md": GOOD.replace("Text.", "```html\n<script>x</script>\n```")})
    assert problems == [] and item_problems(items) == []


def test_problem_format_is_file_line_column_field_message():
    problem = Problem("reports/a.md", 7, 5, "municipalities", "okänd kommun")
    assert problem.format() == "reports/a.md:7:5: municipalities: okänd kommun"


@pytest.mark.parametrize("title", ["A</title><script>alert(1)</script>", "Kostnad &lt;b&gt;", "x > y"])
def test_titles_are_plain_text(check, title):
    _, problems = check({"reports/a.md": GOOD.replace("title: Insikter om innovation", f"title: '{title}'")})
    problem = only(problems)
    assert problem.field == "title" and problem.line == 2 and "tolkas som HTML" in problem.message


def test_author_names_are_plain_text(check):
    _, problems = check({"reports/a.md": GOOD.replace("summary:", "authors:\n  - <b>Anna</b>\nsummary:")})
    problem = only(problems)
    assert problem.field == "authors" and problem.line == 9


def test_an_ampersand_in_a_title_is_fine(check):
    items, problems = check({"reports/a.md": GOOD.replace("Insikter om innovation", "Forskning & praktik")})
    assert problems == [] and items[0].title == "Forskning & praktik"
