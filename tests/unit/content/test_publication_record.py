"""Item pages as publication records (issue 12): publishers, language, where the
work is published, the parts of a series, identifiers, downloads, breadcrumbs;
from front matter to page, citation, JSON-LD and catalogue, without MkDocs."""

from __future__ import annotations

import json
import re

import pytest

from helpers import news, report
from loft.outputs.catalogue import catalogue_entries
from loft.outputs.open_data import items_schema
from loft.outputs.structured_data import item_jsonld
from loft.content.validation import isbn_valid

RISE_PAGE = "https://www.ri.se/sv/vad-vi-gor/projekt/loft-leda-och-organisera-fornyelse-och-transformation"
FIRST = report("Del ett", "2022", publishers=["rise", "Mälardalens universitet"], published_at=RISE_PAGE)
SECOND = report("Del två", "2022", publishers=["RISE"], continues="rapporter/del-ett/",
                identifiers={"isbn": "978-91-89757-01-1", "doi": "https://doi.org/10.1234/loft.2022.2",
                             "urn_nbn": "URN:NBN:SE:RI:DIVA-12345"})


def messages(problems) -> list[str]:
    return [p.format() for p in problems]


# --- validation: file:line:col, what is allowed, "Menade du" ------------------------
def test_the_record_fields_are_read(check):
    items, problems = check({"reports/del-ett.md": FIRST, "reports/del-tva.md": SECOND})
    assert problems == []
    first, second = sorted(items, key=lambda i: i.slug)
    assert first.publishers == ("rise", "mdu") and first.language == "sv" and first.published_at == RISE_PAGE
    assert second.continues == "rapporter/del-ett/"
    assert second.identifiers == {"isbn": "978-91-89757-01-1", "doi": "10.1234/loft.2022.2",
                                  "urn_nbn": "urn:nbn:se:ri:diva-12345"}


def test_an_unknown_publisher_or_language_names_the_place_the_values_and_a_guess(check):
    text = report("A", "2023", publishers=["Rise AB"], language="svenskt")
    _, problems = check({"reports/a.md": text})
    found = messages(problems)
    line = text.splitlines().index("- Rise AB") if "- Rise AB" in text.splitlines() else None
    assert any(re.match(r"reports/a\.md:\d+:\d+: publishers: okänd utgivare \"Rise AB\"\. Tillåtna värden: "
                        r"rise \(RISE\), .*Menade du RISE\?", m) for m in found), found
    assert any(re.match(r"reports/a\.md:\d+:11: language: okänt språk \"svenskt\"\. .*Menade du Svenska\?", m)
               for m in found), found
    del line


def test_swedish_keys_point_to_the_record_fields(check):
    _, problems = check({"reports/a.md": report("A", "2023", utgivare=["rise"], språk="sv")})
    found = messages(problems)
    assert any("utgivare: okänt fält" in m and m.endswith("Menade du publishers?") for m in found), found
    assert any("språk: okänt fält" in m and m.endswith("Menade du language?") for m in found), found


def test_published_at_must_be_https(check):
    _, problems = check({"reports/a.md": report("A", "2023", published_at="http://example.org/r.pdf")})
    assert [p.field for p in problems] == ["published_at"]
    assert "\"http://example.org/r.pdf\" är ingen fullständig https-adress" in problems[0].message
    assert problems[0].line is not None and problems[0].column is not None


@pytest.mark.parametrize("key,value,needle", [
    ("isbn", "978-91-89757-01-2", "är inget giltigt ISBN"),
    ("isbn", "12345", "är inget giltigt ISBN"),
    ("urn_nbn", "nbn:se:ri:diva-1", "är inget URN:NBN"),
    ("doi", "11.1/x", "är ingen DOI"),
])
def test_identifiers_are_checked_by_their_form(check, key, value, needle):
    _, problems = check({"reports/a.md": report("A", "2023", identifiers={key: value})})
    assert len(problems) == 1 and problems[0].field == f"identifiers.{key}", messages(problems)
    assert needle in problems[0].message and problems[0].line and problems[0].column


def test_an_unknown_identifier_key_gets_a_suggestion(check):
    _, problems = check({"reports/a.md": report("A", "2023", identifiers={"urn": "urn:nbn:se:x-1"})})
    assert problems[0].field == "identifiers.urn" and problems[0].message.endswith("Menade du urn_nbn?")


def test_isbn_check_digits():
    assert isbn_valid("978-91-89757-01-1") and isbn_valid("91-7153-654-X") and isbn_valid("0-8044-2957-X")
    assert not isbn_valid("978-91-89757-01-3") and not isbn_valid("91-7153-654-8")


def test_continuing_a_missing_item_is_a_clear_problem_with_a_guess(check):
    text = report("Två", "2023", continues="rapporter/del-et/")
    _, problems = check({"reports/del-ett.md": report("Ett", "2022"), "reports/tva.md": text})
    assert len(problems) == 1, messages(problems)
    line = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith("continues:"))
    assert problems[0].format().startswith(f"reports/tva.md:{line}:12: continues: det finns inget objekt "
                                       "med adressen \"rapporter/del-et/\".")
    assert problems[0].message.endswith("Menade du rapporter/del-ett/?")


def test_continues_to_nowhere_gets_an_example_from_this_site(check):
    # No address close to what was written: the example is an item that exists here
    # (the same type's), never a fixed address that may be gone.
    _, problems = check({"reports/forsta.md": report("Första", "2022"),
                         "reports/andra.md": report("Andra", "2023", continues="rapporter/xyz-helt-annat/")})
    assert [p.field for p in problems] == ["continues"], messages(problems)
    assert problems[0].message.endswith("till exempel rapporter/forsta/.")


def test_continues_alone_on_the_site_is_told_to_go(check):
    # Nothing else to continue: the fix is to remove the line.
    _, problems = check({"reports/ensam.md": report("Ensam", "2023", continues="rapporter/forsta/")})
    assert problems[0].message.endswith("ta bort raden continues."), messages(problems)


def test_continues_takes_the_file_path_too_and_refuses_loops_and_branches(check):
    items, problems = check({"reports/a.md": report("A", "2022"),
                             "reports/b.md": report("B", "2023", continues="reports/a.md")})
    assert problems == [] and {i.slug: i.continues for i in items}["b"] == "rapporter/a/"
    _, problems = check({"reports/c.md": report("C", "2023", continues="rapporter/a/")})
    assert any("fortsätter redan rapporter/a/" in p.message for p in problems), messages(problems)


def test_a_published_item_cannot_continue_a_draft(check):
    _, problems = check({"reports/a.md": report("A", "2022", draft=True),
                         "reports/b.md": report("B", "2023", continues="rapporter/a/")})
    assert [p.field for p in problems] == ["continues"] and "är ett utkast" in problems[0].message


# --- the page --------------------------------------------------------------------
def test_the_record_page_shows_series_from_both_ends_and_the_date_once(build_of):
    build = build_of({"reports/del-ett.md": FIRST, "reports/del-tva.md": SECOND})
    first = build.page_text("rapporter/del-ett.md")
    second = build.page_text("rapporter/del-tva.md")
    assert 'Del 1 av 2 – fortsätter i <a href="../del-tva/">Del två</a>' in first
    assert 'Del 2 av 2 – följer på <a href="../del-ett/">Del ett</a>' in second
    assert "<dt>Utgivare</dt><dd>RISE och Mälardalens universitet</dd>" in first
    assert "<dt>Språk</dt><dd>Svenska</dd>" in first
    assert first.count('<time datetime="2022">') == 1 and "<dt>År</dt>" not in first
    assert '<a href="https://doi.org/10.1234/loft.2022.2">10.1234/loft.2022.2</a>' in second
    assert "<dt>ISBN</dt><dd>978-91-89757-01-1</dd>" in second
    # No file here: "Ladda ner" leads, clearly labelled, to where the work is published.
    assert first.index("## Ladda ner") < first.index('class="loft-facts"')
    assert "Kunskapsbanken har ingen fil av materialet. Utgivarens sida:" in first
    assert f'href="{RISE_PAGE}"' in first and "(extern webbplats)" in first
    assert "## Ladda ner" not in build.page_text("rapporter/del-tva.md")


def test_a_pdf_shows_format_size_and_page_count(build_of):
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" \
          b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 34 >> endobj\n%%EOF\n"
    build = build_of({"reports/r/index.md": report("R", "2023"), "reports/r/rapporten.pdf": pdf})
    page = build.page_text("rapporter/r/index.md")
    assert re.search(r'<a class="loft-download__link" href="rapporten.pdf" download>Rapporten</a> '
                     r'<span class="loft-file-info">\(PDF, \d+ byte, 34 sidor\)</span>', page), page


def test_breadcrumbs_on_item_and_term_pages(build_of):
    build = build_of({"reports/a.md": report("A", "2023", ["kultur"])})
    item = build.page_text("rapporter/a.md")
    assert item.index('<nav class="loft-breadcrumbs" aria-label="Du är här"><ol><li><a href="../../">Start</a>'
                      '</li><li><a href="../">Rapporter</a></li></ol></nav>') < item.index("\n# A\n")
    term = build.renderer.listing_page(build.listings["principer/kultur/index.md"])
    assert '<li><a href="../">Principer</a></li></ol></nav>' in term


# --- citation, JSON-LD, catalogue ------------------------------------------------
def test_citations_carry_publishers_identifiers_and_the_permanent_url(build_of):
    build = build_of({"reports/del-ett.md": FIRST, "reports/del-tva.md": SECOND},
                     site_url="https://loft.example.se/")
    item = build.index.by_url["rapporter/del-tva/"]
    citations = build.machine.citations
    reference = citations.reference_html(item)
    assert '<span lang="en">RISE Research Institutes of Sweden AB</span>.' in reference
    assert "https://loft.example.se/rapporter/del-tva/" in reference
    assert "https://doi.org/10.1234/loft.2022.2" in reference
    ris = citations.ris(item)
    assert "SN  - 978-91-89757-01-1" in ris and "DO  - 10.1234/loft.2022.2" in ris
    assert "UR  - https://loft.example.se/rapporter/del-tva/" in ris
    csl = citations.csl(item)
    assert csl["ISBN"] == "978-91-89757-01-1" and csl["URL"] == "https://loft.example.se/rapporter/del-tva/"
    assert "citation_isbn" in dict(citations.scholar_tags(item))


def test_jsonld_has_publishers_language_series_and_identifiers(build_of):
    build = build_of({"reports/del-ett.md": FIRST, "reports/del-tva.md": SECOND})
    data = item_jsonld(build.index.by_url["rapporter/del-tva/"], build.index, build.machine.meta)
    assert data["publisher"] == [{"@type": "Organization", "name": "RISE Research Institutes of Sweden AB",
                                  "alternateName": "RISE", "url": "https://www.ri.se/"}]
    assert data["inLanguage"] == "sv" and data["isbn"] == "978-91-89757-01-1"
    assert data["isPartOf"]["@type"] == "CreativeWorkSeries" and data["position"] == 2
    assert [p["name"] for p in data["isPartOf"]["hasPart"]] == ["Del ett", "Del två"]
    first = item_jsonld(build.index.by_url["rapporter/del-ett/"], build.index, build.machine.meta)
    assert first["subjectOf"] == {"@type": "WebPage", "url": RISE_PAGE}


def test_catalogue_and_its_schema_carry_the_record(build_of):
    import jsonschema

    build = build_of({"reports/del-ett.md": FIRST, "reports/del-tva.md": SECOND,
                      "docs/nyheter/n.md": news("N", "2023-01")})
    entries = {e["url"]: e for e in catalogue_entries(build.index)}
    assert entries["rapporter/del-tva/"]["continues"] == "rapporter/del-ett/"
    assert entries["rapporter/del-ett/"]["publishers"] == ["rise", "mdu"]
    assert entries["rapporter/del-ett/"]["published_at"] == RISE_PAGE
    assert entries["nyheter/n/"]["identifiers"] == {"isbn": None, "urn_nbn": None, "doi": None}
    schema = items_schema(build.index, build.machine.meta)
    jsonschema.validate({"items": list(entries.values())}, schema, cls=jsonschema.Draft202012Validator)
    bad = {**entries["nyheter/n/"], "publishers": ["okand"]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"items": [bad]}, schema, cls=jsonschema.Draft202012Validator)
    assert json.dumps(schema)  # serialisable
