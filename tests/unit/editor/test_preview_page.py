"""The preview's error page (loft/editor/preview.py): one head with its policy,
loft check's summary and lines in the body."""

from loft.content.problems import Problem
from loft.editor.preview import error_page

PROBLEMS = [Problem("docs/nyheter/a.md", 5, 7, "date", "månad 13 finns inte (1–12)."),
            Problem("docs/nyheter/a.md", 9, 1, "text", "elementet <script> är inte tillåtet.")]


def test_the_error_page_has_one_head_and_its_policy_only_there():
    page = error_page(PROBLEMS)
    head, body = page.split("</head>", 1)
    assert page.count("<head>") == 1 and page.count("</head>") == 1
    assert head.count('http-equiv="Content-Security-Policy"') == 1
    assert "Content-Security-Policy" not in body


def test_the_error_page_says_how_many_problems_and_lists_each_escaped():
    body = error_page(PROBLEMS).split("</head>", 1)[1]
    assert "<p>Innehållet har 2 fel i 1 fil som måste rättas innan webbplatsen kan byggas:</p>" in body
    assert "docs/nyheter/a.md:9:1: text: elementet &lt;script&gt; är inte tillåtet." in body
    assert "<script>" not in body
