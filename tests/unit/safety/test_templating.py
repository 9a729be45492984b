"""The templates of the core's HTML (loft/safety/templating.py): escaping on by
default and as html.escape's, line breaks joined, a misspelt name an error,
one compiled environment per project, and a project's overrides/loft/ first."""

from __future__ import annotations

import tomllib
from pathlib import Path

import jinja2
import pytest

from harness import REPO
from helpers import report
from loft.safety.templating import LOFT, PACKAGE_DIRS, Templates, make_environment


def render(source: str, **values) -> str:
    return make_environment(None).from_string(source).render(**values)


def test_every_value_is_escaped_as_html_escape_does():
    assert render("<p title=\"{{ v }}\">{{ v }}</p>", v="<a> & \"b\" 'c'") == (
        "<p title=\"&lt;a&gt; &amp; &quot;b&quot; &#x27;c&#x27;\">&lt;a&gt; &amp; &quot;b&quot; &#x27;c&#x27;</p>")
    assert render("{{ n }} {{ x }}", n=3, x=None) == "3 None"


def test_a_macros_output_is_markup_and_is_not_escaped_again():
    source = "{% macro b(t) %}<b>{{ t }}</b>{% endmacro %}<p>{{ b(v) }}</p>{% set x %}<i>{{ v }}</i>{% endset %}{{ x }}"
    assert render(source, v="1 < 2") == "<p><b>1 &lt; 2</b></p><i>1 &lt; 2</i>"


def test_line_breaks_and_their_indentation_are_not_output():
    source = "<ul>\n  {% for x in xs %}\n    <li>{{ x }}</li>\n  {% endfor %}\n</ul>{{ \"\\n\" }}end\n"
    assert render(source, xs=[1, 2]) == "<ul><li>1</li><li>2</li></ul>\nend"


def test_a_misspelt_name_fails_instead_of_printing_nothing():
    with pytest.raises(jinja2.UndefinedError):
        render("<p>{{ titel }}</p>", title="x")


def test_one_environment_per_project_and_the_parts_own_without_overrides(tmp_path):
    assert Templates.for_project(tmp_path) is Templates.package() is Templates.for_project(None)
    override = tmp_path / "overrides" / "loft" / "x.html"
    override.parent.mkdir(parents=True)
    override.write_text("a", encoding="utf-8")
    first = Templates.for_project(tmp_path)
    assert first is not Templates.package() and first is Templates.for_project(tmp_path)
    override.write_text("ab", encoding="utf-8")  # the preview's next build sees the change
    assert Templates.for_project(tmp_path) is not first


def test_a_projects_override_replaces_the_parts_template(build_of):
    override = ('{% macro card_list(cards, heading, shown) %}<ol class="egna">'
                '{% for item, href, summary, labels in cards %}<li><a href="{{ href }}">{{ item.title }}</a></li>'
                '{% endfor %}</ol>{% endmacro %}')
    build = build_of({"reports/a.md": report("A & B", "2022"), "overrides/loft/cards.html": override})
    page = build.page_markdown("rapporter/index.md")
    assert '<ol class="egna"><li><a href="a/">A &amp; B</a></li></ol>' in page
    assert 'class="loft-cards"' not in page
    assert 'class="loft-facts"' in build.page_markdown("rapporter/a.md", "")  # the others are the parts'


def test_template_names_are_unique_and_every_folder_is_package_data():
    names = [p.name for folder in PACKAGE_DIRS for p in Path(folder).glob("*.html")]
    assert names and len(names) == len(set(names))  # overrides/loft/<name> means one template
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    declared = data["tool"]["setuptools"]["package-data"]
    for folder in PACKAGE_DIRS:
        package = "loft." + Path(folder).parent.relative_to(LOFT).as_posix().replace("/", ".")
        assert declared.get(package) == ["templates/*.html"], package
