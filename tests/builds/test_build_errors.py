"""A bad item stops the build, also without --strict, naming file, line and field."""

from __future__ import annotations

import pytest

from helpers import report

BAD_INPUTS = {
    "unknown value": ("reports/a.md", report("A", "2023", ["Kulturr"]),
                      ["reports/a.md:5:3: principles:", "Menade du Kultur?"]),
    "unknown key": ("materials/b.md", report("B", "2023", titel="x"),
                    ["materials/b.md:", "titel: okänt fält"]),
    "impossible date": ("reports/c.md", report("C", "2023-02-30"),
                        ["reports/c.md:3:7: date:", "28 dagar"]),
    "missing summary": ("reports/d.md", report("D", "2023", summary=None),
                        ["reports/d.md:", "summary: fältet saknas"]),
    "yaml syntax": ("docs/nyheter/e.md", "---\ntitle: Del 2: Fel\ndate: 2023\n---\n",
                    ["docs/nyheter/e.md:2:", "YAML-syntaxfel"]),
    "wrong type": ("reports/f.md", report("F", "2023", draft="kanske"),
                   ["reports/f.md:", "draft: ska vara true eller false"]),
    "part of a missing item": ("reports/h.md", report("H", "2023", continues="rapporter/finns-ej/"),
                               ["reports/h.md:7:12: continues:", "det finns inget objekt med adressen "
                                "\"rapporter/finns-ej/\""]),
    "bad ISBN": ("reports/i.md", report("I", "2023", identifiers={"isbn": "978-91-0"}),
                 ["reports/i.md:8:9: identifiers.isbn:", "är inget giltigt ISBN"]),
    "unknown publisher": ("reports/j.md", report("J", "2023", publishers=["Rise AB"]),
                          ["reports/j.md:8:3: publishers:", "Menade du RISE?"]),
    "script": ("reports/g.md", report("G", "2023").replace("Brödtext.", "<script>x()</script>"),
               ["reports/g.md:", "text:", "<script>"]),
    "link out of the site": ("reports/k.md", report("K", "2023").replace("Brödtext.", "![x](../../../../etc/passwd)"),
                             ["reports/k.md:", "text: länken ../../../../etc/passwd pekar utanför webbplatsen"]),
    "missing attachment": ("reports/l/index.md", report("L", "2023").replace("Brödtext.", "Se [PDF](l.pdf)."),
                           ["reports/l/index.md:", "text: länken l.pdf: filen l.pdf finns inte i reports/l/"]),
    "link to a missing item": ("reports/m.md", report("M", "2023").replace("Brödtext.", "Se [den](../okk/)."),
                               ["reports/m.md:", "text: länken ../okk/ leder till rapporter/okk/, men där finns "
                                "inget objekt. Menade du ../ok/?"]),
    "dead Markdown link": ("reports/n.md", report("N", "2023").replace("Brödtext.", "Se [den](o.md)."),
                           ["reports/n.md:", "text: länken o.md leder till en Markdown-fil som inte finns på "
                            "webbplatsen"]),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_fails_plain_build_with_file_and_field(make_project, build, name):
    path, text, needles = BAD_INPUTS[name]
    project = make_project({path: text, "reports/ok.md": report("OK", "2022")})
    result = build(project, strict=False)
    assert result.returncode != 0
    for needle in needles:
        assert needle in result.output, result.output
    assert "Traceback" not in result.output


def test_all_problems_reported_in_one_build(make_project, build):
    files = {path: text for path, text, _ in BAD_INPUTS.values()}
    result = build(make_project(files), strict=False)
    assert result.returncode != 0
    assert f"Innehållet har {len(files)} fel i {len(files)} filer" in result.output
    for path in files:
        assert path in result.output


def test_docs_page_colliding_with_a_generated_page(make_project, build):
    result = build(make_project({"docs/principer/index.md": "# Egen\n"}), strict=False)
    assert result.returncode != 0 and "docs/principer/index.md: fil: krockar med" in result.output
