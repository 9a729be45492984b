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
from loft import frontmatter
from loft.frontmatter_schema import build_schema, content_glob, generated_files, schema_path
from loft.project import Project

PROJECT = Project.load(REPO)
TYPES = {t.id: t for t in PROJECT.types}


def front_data(text: str) -> dict:
    """Front matter as an editor's YAML tooling sees it: dates stay text."""
    front, problems = frontmatter.read(text, "x.md")
    assert front is not None and not problems
    yaml_text = text.split("---\n")[1]
    data = yaml.safe_load(yaml_text) or {}
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}


def validator(type_id: str) -> jsonschema.Draft7Validator:
    schema = build_schema(PROJECT, TYPES[type_id])
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_committed_schemas_equal_the_generated_ones():
    for relative, text in generated_files(PROJECT).items():
        committed = REPO / relative
        assert committed.is_file(), f"{relative} saknas: kör loft schema"
        assert committed.read_text(encoding="utf-8") == text, f"{relative} är inaktuell: kör loft schema"


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


def test_required_fields_follow_the_type():
    assert set(validator("rapport").schema["required"]) == {"title", "date", "summary", "principles"}
    assert set(validator("nyhet").schema["required"]) == {"title", "date"}
    errors = [e.message for e in validator("mall").iter_errors({"title": "T", "date": 2023})]
    assert "'summary' is a required property" in errors and "'principles' is a required property" in errors


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
