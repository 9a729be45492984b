"""The web editor's configuration follows data/ and agrees with loft check."""

from __future__ import annotations

import re

import yaml

from loft.editor import cms
from loft.safety import csp
from loft.editor.schemas import DATE_PATTERN
from loft.safety.inputs import check_inputs
from loft.content.project import Project
from loft.editor.scaffold import create

SETTINGS = cms.Settings(repo="rise/loft-kunskapsbank", auth_url="https://inloggning.example.org",
                        local_backend="")


def test_config_follows_types_facets_vocabularies_and_required_fields(make_project):
    project = Project.load(make_project())
    config = cms.config(project, SETTINGS)
    assert config["locale"] == "sv" and config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "rise/loft-kunskapsbank",
                                 "branch": "main", "base_url": "https://inloggning.example.org"}
    assert "local_backend" not in config
    collections = {c["name"]: c for c in config["collections"]}
    assert list(collections) == [t.id for t in project.types]
    for ctype in project.types:
        collection = collections[ctype.id]
        assert collection["folder"] == ctype.source
        fields = {f["name"]: f for f in collection["fields"]}
        for facet in project.facets:
            field = fields[facet.field]
            assert [o["value"] for o in field["options"]] == [t.id for t in facet.vocabulary]
            assert [o["label"] for o in field["options"]] == [t.label for t in facet.vocabulary]
            assert field["required"] == (facet.field in ctype.required)
            assert field.get("min", 0) == (1 if facet.field in ctype.required else 0)
        assert fields["summary"]["required"] == ("summary" in ctype.required)
        assert fields["date"]["pattern"][0] == DATE_PATTERN
        assert fields["title"].get("required", True) and fields["date"].get("required", True)
    assert collections["rapport"]["path"] == "{{slug}}/index" and collections["rapport"]["media_folder"] == ""
    assert collections["nyhet"]["path"] == "{{year}}-{{month}}-{{slug}}"
    assert cms.ATTACHMENTS_FIELD in {f["name"] for f in collections["mall"]["fields"]}
    assert cms.ATTACHMENTS_FIELD not in {f["name"] for f in collections["nyhet"]["fields"]}


def test_form_fields_are_the_keys_loft_new_writes_in_its_order(make_project):
    project = Project.load(make_project())
    for ctype in project.types:
        new = create(project, ctype.id, f"Test {ctype.id}")
        # Every key, also the optional ones loft new writes commented out ("# language: sv").
        keys = re.findall(r"^(?:# )?([a-z_]+):", new.path.read_text(encoding="utf-8").split("---\n")[1], re.M)
        form = [f["name"] for f in cms.config(project, SETTINGS)["collections"][project.types.index(ctype)]["fields"]]
        assert [k for k in form if k not in (cms.ATTACHMENTS_FIELD, "body")] == keys


def test_a_new_municipality_in_data_is_in_the_form(make_project):
    root = make_project()
    path = root / "data/municipalities.yml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- id: provkommun\n  label: Provköping\n", encoding="utf-8")
    config = cms.config(Project.load(root), SETTINGS)
    options = [f for f in config["collections"][0]["fields"] if f["name"] == "municipalities"][0]["options"]
    assert {"label": "Provköping", "value": "provkommun"} in options


def test_date_pattern_and_one_paragraph_rule_agree_with_loft_check(make_project):
    root = make_project()
    project = Project.load(root)
    pattern = re.compile(DATE_PATTERN)
    paragraph = re.compile(cms.ONE_PARAGRAPH)
    for value, good in [("2024", True), ("2024-03", True), ("2024-03-15", True), ("2024-3", False),
                        ("15 maj 2024", False), ("2024-13", False)]:
        assert bool(pattern.match(value)) == good, value
        (root / "reports/d.md").write_text(
            f"---\ntitle: T\ndate: \"{value}\"\nsummary: S.\nprinciples: [kultur]\n---\n", encoding="utf-8")
        _, problems = check_inputs(project)
        assert (not problems) == good, (value, problems)
    assert paragraph.match("Ett stycke\nsom fortsätter.") and not paragraph.match("Ett.\n\nTvå.")


def test_editor_page_has_its_own_policy_and_says_what_it_sends():
    page = cms.page(SETTINGS, bundle=True)
    policy = cms.policy(SETTINGS)
    assert f'content="{policy}"' in page
    assert "'unsafe-eval'" in policy and "connect-src 'self' https://api.github.com blob:" in policy
    assert "default-src 'none'" in policy and "object-src 'none'" in policy and "form-action 'none'" in policy
    assert "127.0.0.1" not in policy  # the local backend only when asked for
    assert "127.0.0.1:8081" in cms.policy(cms.Settings(local_backend="http://127.0.0.1:8081/api/v1"))
    # The public pages' policy is untouched: none of the editor's allowances.
    public = csp.policy([])
    for allowance in ("'unsafe-eval'", "'unsafe-inline'", "api.github.com", "blob:"):
        assert allowance not in public
    assert '<script src="decap-cms.js"></script>' in page and "Vad skickas till GitHub?" in page
    assert "rise/loft-kunskapsbank" in page and '<meta name="robots" content="noindex, nofollow">' in page
    assert "decap-cms.js" not in cms.page(SETTINGS, bundle=False)
    assert "decap-cms.js" not in cms.page(cms.Settings(), bundle=True)  # not set up: no editor, a note


def test_config_is_valid_yaml_with_a_generated_note(make_project):
    text = cms.render_config(Project.load(make_project()), SETTINGS)
    assert text.startswith("# Genererad av loft/editor/cms.py")
    assert yaml.safe_load(text)["collections"]


def test_templates_for_the_web_interface_are_what_loft_new_writes(make_project, tmp_path):
    import datetime as dt

    from loft.editor.scaffold import render

    root = make_project()
    project = Project.load(root)
    written = cms.write(tmp_path / "site", project, SETTINGS)
    page = (tmp_path / "site/redigera/index.html").read_text(encoding="utf-8")
    for ctype in project.types:
        name = cms.template_name(ctype)
        assert f"redigera/{name}" in written and f'href="{name}"' in page
        text = (tmp_path / "site/redigera" / name).read_text(encoding="utf-8")
        scaffold = render(project, ctype, "Skriv rubriken här", dt.date(2000, 1, 1), draft=True)
        assert text == scaffold.replace("date: 2000-01-01", "date: ÅÅÅÅ-MM-DD")
        # Pasted as it is, the check names the date; with a date it passes as a draft.
        target = root / ctype.source / ("mall-test/index.md" if ctype.id != "nyhet" else "2025-01-mall-test.md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        _, problems = check_inputs(project)
        assert [p.field for p in problems] == ["date"], problems
        target.write_text(text.replace("ÅÅÅÅ-MM-DD", "2025-01-15"), encoding="utf-8")
        _, problems = check_inputs(project)
        assert problems == [], problems
        target.unlink()
        if ctype.id != "nyhet":
            target.parent.rmdir()
