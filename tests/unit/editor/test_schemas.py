"""The JSON Schemas of the front matter: up to date, and agreeing with loft check."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from harness import REPO
from loft.content import frontmatter
from loft.editor.schemas import build_schema, content_glob, generated_files, schema_path
from loft.content.project import Project

PROJECT = Project.load(REPO)
TYPES = {t.id: t for t in PROJECT.types}


def front_data(text: str) -> dict:
    """Front matter as an editor's YAML tooling sees it: dates stay text."""
    front, problems = frontmatter.read(text, "x.md")
    assert front is not None and not problems
    yaml_text = text.split("---\n")[1]
    data = yaml.safe_load(yaml_text) or {}
    return _dates_as_text(data)


def _dates_as_text(value):
    """At any depth (based_on.date too), as YAML 1.2 tooling reads them."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def validator(type_id: str) -> jsonschema.Draft7Validator:
    schema = build_schema(PROJECT, TYPES[type_id])
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_schemas_are_generated_by_make_from_data_and_never_committed(tmp_path):
    """A municipality added on GitHub's web interface needs no manual `loft schema`:
    schemas/ is ignored by git and make writes it whenever a file in data/ changes."""
    assert "/schemas/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^\$\(SCHEMAS\): (.*)\n\t(.*)\n", makefile, re.M)
    assert rule and "$(wildcard data/*.yml)" in rule[1] and rule[2].endswith("loft schema")
    for target in ("venv", "serve", "build", "test"):
        assert re.search(rf"^{target}: .*\$\(SCHEMAS\)", makefile, re.M), target
    from loft.editor.schemas import write_schemas

    project = Project.load(REPO)
    project.root = tmp_path  # write into an empty folder: every schema is new
    assert sorted(write_schemas(project)) == sorted(generated_files(PROJECT))


def test_vscode_maps_each_schema_to_its_content_folder():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for ctype in PROJECT.types:
        assert mapping[schema_path(ctype)] == content_glob(ctype)


@pytest.mark.parametrize("ctype", PROJECT.types, ids=lambda t: t.id)
def test_schema_accepts_the_real_content(ctype):
    files = [path for _, path, _ in PROJECT.sources() if PROJECT.type_of(path) == ctype]
    assert files, f"inget innehåll av typen {ctype.id}"
    check = validator(ctype.id)
    for path in files:
        errors = [e.message for e in check.iter_errors(front_data(path.read_text(encoding="utf-8")))]
        assert errors == [], path


def test_schema_accepts_labels_and_english_names():
    data = {"title": "T", "date": 2023, "summary": "S",
            "principles": ["kultur", "Strategisk inriktning", "Systems approach"],
            "municipalities": ["lidingo", "Skellefteå", "Kungsbacka kommun"],
            "authors": ["Anna"], "draft": True}
    assert list(validator("rapport").iter_errors(data)) == []
    assert list(validator("nyhet").iter_errors({"title": "T", "date": "2021-08"})) == []


@pytest.mark.parametrize("change,word", [
    ({"principles": ["Kulture"]}, "Kulture"),
    ({"municipalities": ["Stockholm"]}, "Stockholm"),
    ({"date": "15 maj 2023"}, "15 maj 2023"),
    ({"date": "2023-13"}, "2023-13"),
    ({"date": 1800}, "1800"),
    ({"principles": "kultur"}, "kultur"),
    ({"principles": []}, "[]"),
    ({"summary": ""}, "''"),
    ({"draft": "ja"}, "ja"),
    ({"principer": ["kultur"]}, "principer"),
], ids=lambda v: str(v))
def test_schema_rejects_the_bad_examples(change, word):
    data = {"title": "T", "date": "2023-05-15", "summary": "S", "principles": ["kultur"], **change}
    errors = [e.message for e in validator("rapport").iter_errors(data)]
    assert errors and any(word in message for message in errors), errors


def test_required_fields_follow_the_type_except_in_drafts():
    assert set(validator("rapport").schema["required"]) == {"title", "date"}
    assert set(validator("rapport").schema["else"]["required"]) == {"summary", "principles"}
    assert "else" not in validator("nyhet").schema
    errors = [e.message for e in validator("mall").iter_errors({"title": "T", "date": 2023})]
    assert "'summary' is a required property" in errors and "'principles' is a required property" in errors
    # As loft new writes a draft: the keys with nothing under them.
    assert list(validator("rapport").iter_errors(
        {"title": "T", "date": 2023, "principles": None, "summary": None, "draft": True})) == []
    assert list(validator("rapport").iter_errors(
        {"title": "T", "date": 2023, "principles": None, "summary": None, "draft": False}))


@pytest.mark.parametrize("value", ["KULTUR", "kultur", "Kultur", "CULTURE", "strategisk  INRIKTNING",
                                   "Hantering av osakerhet", "HANTERING AV OSÄKERHET", "systems approach",
                                   "Systemsynsätt", "SYSTEMSYNSATT", " kultur "])
def test_schema_accepts_every_spelling_loft_check_accepts(value):
    assert PROJECT.facet_by_field["principles"].vocabulary.resolve(value) is not None  # loft check's rule
    data = {"title": "T", "date": 2023, "summary": "S", "principles": [value],
            "municipalities": ["LIDINGÖ", "lidingo", "Lidingo", "skelleftea"]}
    assert list(validator("rapport").iter_errors(data)) == []


def test_schema_and_loft_check_agree_on_case_variants_of_every_name():
    import itertools

    check = validator("rapport")
    for facet in PROJECT.facets:
        for term, change in itertools.product(facet.vocabulary, (str.upper, str.lower, str.title, str.swapcase)):
            for name in term.names():
                value = change(str(name))
                accepted = facet.vocabulary.resolve(value) is not None
                data = {"title": "T", "date": 2023, "summary": "S", "principles": ["kultur"], facet.field: [value]}
                assert (list(check.iter_errors(data)) == []) == accepted, value


def test_vscode_remark_accepts_kultur_in_capitals_and_flags_a_misspelling(tmp_path):
    """The real remark-cli with the project's .remarkrc.json, as VS Code's extension runs it."""
    import os
    import subprocess

    remark = REPO / "node_modules/.bin/remark"
    if not remark.exists():
        pytest.fail("node_modules saknas: kör make node (npm ci)")
    from loft.editor.schemas import write_schemas

    project = Project.load(REPO)
    project.root = tmp_path
    write_schemas(project)
    (tmp_path / ".remarkrc.json").write_bytes((REPO / ".remarkrc.json").read_bytes())
    os.symlink(REPO / "node_modules", tmp_path / "node_modules")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "stora.md").write_text("---\ntitle: T\ndate: 2023-05\nsummary: S\nprinciples:\n  - KULTUR\n"
                                      "municipalities:\n  - LIDINGÖ\n---\n\nText\n", encoding="utf-8")
    (reports / "utkast.md").write_text("---\ntitle: T\ndate: 2023\nprinciples:\nsummary: >-\n\n"
                                       "draft: true\n---\n\nText\n", encoding="utf-8")
    (reports / "fel.md").write_text("---\ntitle: T\ndate: 2023\nsummary: S\nprinciples:\n  - Kulture\n---\n",
                                    encoding="utf-8")

    def lint(name: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(remark), "--frail", "--no-stdout", "--no-color", f"reports/{name}"],
                              cwd=tmp_path, capture_output=True, text=True)

    for name in ("stora.md", "utkast.md"):
        done = lint(name)
        assert done.returncode == 0 and "no issues found" in done.stderr, done.stderr
    done = lint("fel.md")
    assert done.returncode == 1 and "6:5" in done.stderr and "frontmatter-schema" in done.stderr


def test_remark_maps_each_schema_to_its_content_folder():
    """VS Code's remark extension reads .remarkrc.json: live errors in Markdown front matter."""
    config = json.loads((REPO / ".remarkrc.json").read_text(encoding="utf-8"))
    plugins = {p[0] if isinstance(p, list) else p: (p[1] if isinstance(p, list) else None)
               for p in config["plugins"]}
    assert "remark-frontmatter" in plugins
    schemas = plugins["remark-lint-frontmatter-schema"]["schemas"]
    assert schemas == {f"./{schema_path(t)}": [f"./{content_glob(t)}"] for t in PROJECT.types}
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in package["devDependencies"].values())
    recommended = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "unifiedjs.vscode-remark" in recommended["recommendations"]
