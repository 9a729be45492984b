"""Facets and types are data: the matrix, the start page, the scaffold and the
schemas follow the roles declared in data/ (`matrix`, `start_task`, `layout`),
never the order of the entries nor their names.

Each test reorders data/facets.yml and data/types.yml, and adds a fictional
facet (Teman, with a vocabulary of its own) in front of the real ones.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from harness import data_project
from helpers import item_md, report
from loft.build import SiteBuild
from loft.content.problems import ContentError
from loft.content.project import Project
from loft.editor import cms, scaffold
from loft.editor.schemas import build_schema

THEMES = [{"id": "styrning", "label": "Styrning", "summary": "Hur kommunen styr sitt förnyelsearbete."},
          {"id": "kompetens", "label": "Kompetens"}]
THEME_FACET = {"field": "teman", "vocabulary": "teman.yml", "path": "teman", "title": "Teman",
               "singular": "tema", "start_task": {"link": "Utgå från ett tema", "what": "{antal} teman"}}
CORPUS = {
    "reports/a.md": report("A", "2022", ["kultur"], ["kungsbacka"], teman=["styrning"]),
    "reports/b.md": report("B", "2023", ["kultur", "systemsynsatt"], ["lidingo"]),
    "materials/m.md": report("M", "2023", ["kultur"]),
    "docs/nyheter/n.md": item_md(title="N", date="2024-01-02"),
}


def _yaml(root, name):
    return yaml.safe_load((root / "data" / name).read_text(encoding="utf-8"))


def _write(root, name, data):
    (root / "data" / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def reordered(tmp_path, **roles) -> Project:
    """data/ with the fictional facet first, the real facets and the types in reverse
    order; roles: facet field -> its `matrix` (None: none)."""
    root = data_project(tmp_path, CORPUS)
    facets = [dict(THEME_FACET), *reversed(_yaml(root, "facets.yml"))]
    for facet in facets:
        if facet["field"] in roles:
            facet.pop("matrix", None)
            if roles[facet["field"]]:
                facet["matrix"] = roles[facet["field"]]
    _write(root, "facets.yml", facets)
    _write(root, "teman.yml", THEMES)
    _write(root, "types.yml", list(reversed(_yaml(root, "types.yml"))))
    return Project.load(root)


def test_the_declared_roles_not_the_order_pick_the_matrix(tmp_path):
    project = reordered(tmp_path)
    assert [f.field for f in project.facets] == ["teman", "municipalities", "principles"]
    build = SiteBuild.create(project.root)
    rows, columns = build.index.matrix_facets
    assert (rows.field, columns.field) == ("principles", "municipalities")
    matrix = build.overviews["principer/matris/index.md"]
    assert matrix.title == "Principer och kommuner: hela översikten" and matrix.facet is rows
    # The rows facet's overview shows the matrix; the others list their terms only.
    assert 'id="loft-matrix"' in build.page_markdown("principer/index.md")
    assert 'id="loft-matrix"' not in build.page_markdown("teman/index.md")
    assert 'id="loft-matrix"' not in build.page_markdown("kommuner/index.md")


def test_swapped_roles_move_the_matrix_to_the_other_facet(tmp_path):
    project = reordered(tmp_path, municipalities="rows", principles="columns")
    build = SiteBuild.create(project.root)
    assert "kommuner/matris/index.md" in build.overviews and "principer/matris/index.md" not in build.overviews
    assert 'id="loft-matrix"' in build.page_markdown("kommuner/index.md")
    assert 'id="loft-matrix"' not in build.page_markdown("principer/index.md")
    assert build.overviews["kommuner/matris/index.md"].title == "Kommuner och principer: hela översikten"


def test_a_fictional_facet_can_take_the_matrix(tmp_path):
    project = reordered(tmp_path, teman="columns", municipalities=None)
    build = SiteBuild.create(project.root)
    assert [f.field for f in build.index.matrix_facets] == ["principles", "teman"]
    assert "sok/?principer=kultur&amp;teman=styrning" in build.page_markdown("principer/matris/index.md")


def test_without_roles_there_is_no_matrix(tmp_path):
    project = reordered(tmp_path, principles=None, municipalities=None)
    build = SiteBuild.create(project.root)
    assert build.index.matrix_facets is None
    assert not any(uri.endswith("matris/index.md") for uri in build.overviews)
    assert build.renderer.blocks("")["matrix"] == ""


def test_matris_is_reserved_in_the_rows_facet_only(tmp_path):
    root = data_project(tmp_path)
    _write(root, "teman.yml", [*THEMES, {"id": "matris", "label": "Matris"}])
    _write(root, "facets.yml", [*_yaml(root, "facets.yml"), THEME_FACET])
    Project.load(root)  # a theme may be called matris while the principles are the rows
    facets = _yaml(root, "facets.yml")
    for facet in facets:
        facet.pop("matrix", None)
    facets[2]["matrix"], facets[0]["matrix"] = "rows", "columns"
    _write(root, "facets.yml", facets)
    with pytest.raises(ContentError) as raised:
        Project.load(root)
    assert [(p.path, p.field) for p in raised.value.problems] == [("data/teman.yml", "id")]
    assert raised.value.problems[0].message.startswith('id "matris" är upptaget: teman/matris/')


def test_the_start_page_tasks_are_the_declared_ones(tmp_path):
    project = reordered(tmp_path)
    build = SiteBuild.create(project.root)
    tasks = build.renderer.tasks("")
    links = re.findall(r'class="loft-task__link" href="([^"]*)">([^<]*)</a>', tasks)
    # Types in their (reversed) order, then the facets that declare a task: not the municipalities.
    assert links == [("material/", "Hämta workshopmallar"), ("rapporter/", "Läs rapporterna"),
                     ("teman/", "Utgå från ett tema"), ("principer/", "Utgå från en princip")]
    assert "Material för ert eget arbete (1 mall)" in tasks and "(2 rapporter)" in tasks
    assert "2 teman</span>" in tasks and "De 8 principerna för innovationsledning</span>" in tasks


def test_every_facet_has_its_block_beside_the_years(tmp_path):
    blocks = SiteBuild.create(reordered(tmp_path).root).renderer.blocks("")
    for field, title in (("municipalities", "Kommuner"), ("principles", "Principer"), ("teman", "Teman")):
        assert blocks[f"{field}-and-years"].startswith(f'<div class="loft-columns"><div><h3>{title}</h3>')
        assert blocks[field] in blocks[f"{field}-and-years"]


def _editor_paths(project) -> dict[str, str | None]:
    """Where the web editor saves a new item of each type, and whether it takes attachments."""
    collections = cms.config(project, cms.Settings())["collections"]
    return {c["name"]: (c.get("path"), any(f["name"] == cms.ATTACHMENTS_FIELD for f in c["fields"]))
            for c in collections}


def test_the_scaffold_and_the_web_editor_follow_each_types_layout(tmp_path):
    project = reordered(tmp_path)
    today = dt.date(2031, 2, 7)
    report_item = scaffold.create(project, "rapport", "Ny rapport", today)
    news_item = scaffold.create(project, "nyhet", "Ny nyhet", today)
    assert report_item.path == project.root / "reports/ny-rapport/index.md" and report_item.folder
    assert news_item.path == project.root / "docs/nyheter/2031-02-ny-nyhet.md" and news_item.folder is None
    assert _editor_paths(project) == {"nyhet": ("{{year}}-{{month}}-{{slug}}", False),
                                      "mall": ("{{slug}}/index", True), "rapport": ("{{slug}}/index", True)}
    # Another layout for news: a folder of its own, without the date.
    types = _yaml(project.root, "types.yml")
    next(t for t in types if t["id"] == "nyhet")["layout"] = "folder"
    next(t for t in types if t["id"] == "rapport")["layout"] = "file"
    _write(project.root, "types.yml", types)
    project = Project.load(project.root)
    assert scaffold.create(project, "nyhet", "Till en mapp", today).path == (
        project.root / "docs/nyheter/till-en-mapp/index.md")
    assert scaffold.create(project, "rapport", "En fil", today).path == project.root / "reports/en-fil.md"
    assert _editor_paths(project)["nyhet"] == ("{{slug}}/index", True)
    assert _editor_paths(project)["rapport"] == (None, False)


def test_english_names_are_offered_where_the_vocabulary_has_them(tmp_path):
    project = reordered(tmp_path)
    schema = build_schema(project, project.type_by_id["rapport"])["properties"]
    assert "eller engelskt namn" in schema["principles"]["description"]
    assert "eller engelskt namn" not in schema["municipalities"]["description"]
    assert "eller engelskt namn" not in schema["teman"]["description"]
