"""Script in content is found with its file, line and column."""

from __future__ import annotations

import pytest

from loft.markup import check_site_pages, unsafe_markup

CASES = {
    "script": ('<script>alert("x")</script>', "<script>"),
    "iframe": ('<iframe src="https://example.org/karta"></iframe>', "<iframe>"),
    "object": ('<object data="film.swf"></object>', "<object>"),
    "embed": ('<embed src="film.swf">', "<embed>"),
    "händelseattribut": ('<img src="bild.png" alt="Bild" onerror="alert(1)">', "on...="),
    "javascript-länk": ("[Klicka](javascript:alert(1))", "javascript:"),
}


@pytest.mark.parametrize("name", CASES)
def test_each_kind_of_script_is_named_with_file_and_line(name):
    markup, named = CASES[name]
    text = f"# Rubrik\n\nEtt stycke.\n    {markup}\n"
    problems = unsafe_markup("docs/sida.md", text, first_line=5)
    assert len(problems) == 1
    problem = problems[0]
    # The column is where the offending markup starts: the tag, or the javascript: itself.
    column = 5 + (markup.index("javascript") if named == "javascript:" else 0)
    assert (problem.path, problem.line, problem.column) == ("docs/sida.md", 8, column)
    assert named in problem.message
    assert problem.format().startswith(f"docs/sida.md:8:{column}: text: ")


def test_upper_case_and_spaces_do_not_hide_script():
    problems = unsafe_markup("a.md", '< SCRIPT src="x.js">\n<a href="JavaScript :void(0)">x</a>\n<p ONCLICK = "x">y</p>')
    assert [p.line for p in problems] == [1, 2, 3]


def test_code_blocks_and_plain_words_are_allowed():
    text = ("Vi skriver om javascript och om skript i allmänhet.\n"
            "```html\n<script>visas som kod</script>\n```\n"
            "~~~\n<iframe></iframe>\n~~~\n"
            "Ordet online=bra och <em>betoning</em> är vanlig text.\n")
    assert unsafe_markup("a.md", text) == []


def test_site_pages_are_checked_and_items_are_left_to_item_validation(tmp_path):
    docs = tmp_path / "docs"
    (docs / "nyheter").mkdir(parents=True)
    (docs / "om.md").write_text("---\ntitle: Om\n---\n\n# Om\n\n<button onclick=\"x()\">Ok</button>\n",
                                encoding="utf-8")
    (docs / "del").mkdir()
    (docs / "del" / "karta.md").write_text("# Karta\n<iframe src=\"x\"></iframe>\n", encoding="utf-8")
    (docs / "ren.md").write_text("# Ren sida\n\nInget skript.\n", encoding="utf-8")
    (docs / "nyheter" / "nyhet.md").write_text("<script></script>\n", encoding="utf-8")
    problems = check_site_pages(tmp_path, docs, [docs / "nyheter"])
    assert [(p.path, p.line) for p in problems] == [("docs/del/karta.md", 2), ("docs/om.md", 7)]
    assert "händelseattribut" in problems[1].message and "<iframe>" in problems[0].message
