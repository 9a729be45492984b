"""A broken data file never gives a traceback.

For every data file and every entry in it, deleting a key, giving its value
another shape (a list, a text, a number or a mapping where it had another) or
emptying the file is, through `Project.load` and `loft check` alike, either
fine (an optional key) or a Problem naming the file and a line; never an
exception. Which keys must be there is what the dataclasses declare
(loft/content/data/declarations.py, loft/content/vocabulary.py), read here
through their specs; the data is the repository's own, read with plain YAML.
"""

from __future__ import annotations

import copy
import functools
import io
import re
from contextlib import redirect_stderr, redirect_stdout
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from harness import REPO, data_project
from loft.cli.main import main
from loft.content.data.declarations import AttachmentRules, ContentType, Facet, Metadata
from loft.content.data.fields import Mapping, Record, Records, specs
from loft.content.problems import ContentError
from loft.content.project import Project
from loft.content.vocabulary import FacetTerm, Language, Publisher

# Every data file and the dataclass of its entries (None: compounds.yml, a mapping of words).
FILES = {"types.yml": ContentType, "facets.yml": Facet, "principles.yml": FacetTerm,
         "municipalities.yml": FacetTerm, "publishers.yml": Publisher, "languages.yml": Language,
         "metadata.yml": Metadata, "attachments.yml": AttachmentRules, "compounds.yml": None}
# A value of each shape, and the shape of a value.
SHAPES = {"list": ["x"], "text": "x", "number": 7, "mapping": {"x": "y"}}
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LINE = re.compile(r"^data/(?P<file>[a-z]+\.yml):(?P<line>\d+):\d+: ")


def shape(value) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "number"
    return "text"


def _entry_class(kind):
    """The dataclass of a nested record's entries, if the kind holds records."""
    if isinstance(kind, Records):
        kind = kind.item
    if isinstance(kind, Mapping):
        kind = kind.value
    if isinstance(kind, Record):
        return kind.cls if isinstance(kind.cls, type) else kind.cls()
    return None


def key_paths(value, cls, path=()):
    """(path, required) of every key at every level, required as the dataclass declares."""
    if isinstance(value, list):
        for number, item in enumerate(value):
            yield from key_paths(item, cls, (*path, number))
        return
    if not isinstance(value, dict):
        return
    by_key = {spec.key or name: spec for name, spec in specs(cls).items()} if cls else {}
    for key, child in value.items():
        spec = by_key.get(key)
        yield (*path, key), bool(spec and spec.required)
        inner = _entry_class(spec.kind) if spec else None
        if inner is not None and isinstance(spec.kind, Mapping):
            for name, record in (child or {}).items():
                yield from key_paths(record, inner, (*path, key, name))
        elif inner is not None:
            yield from key_paths(child, inner, (*path, key))


@functools.cache
def _data(name: str):
    return yaml.load((REPO / "data" / name).read_text(encoding="utf-8"), Loader=LOADER)


def mutations() -> list[tuple]:
    """(file, what, path, shape, expect a problem) for every key of every entry of every
    file: deleted, and given each shape it does not have; and every file emptied."""
    found = []
    for name, cls in FILES.items():
        data = _data(name)
        found.append((name, "empty", (), "", True))
        for path, required in key_paths(data, cls):
            found.append((name, "delete", path, "", required))
            value = _at(data, path)
            found += [(name, "retype", path, other, True) for other in SHAPES if other != shape(value)]
    return found


def _at(data, path):
    for step in path:
        data = data[step]
    return data


def mutate(root: Path, name: str, what: str, path: tuple, new_shape: str) -> None:
    target = root / "data" / name
    if what == "empty":
        target.write_text("", encoding="utf-8")
        return
    data = copy.deepcopy(_data(name))
    parent = _at(data, path[:-1])
    if what == "delete":
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(SHAPES[new_shape])
    target.write_text(yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load_problems(root: Path) -> list:
    try:
        Project.load(root)
    except ContentError as error:
        return error.problems
    return []


MUTATIONS = mutations()


def test_the_mutations_cover_every_file_entry_and_key():
    files = {m[0] for m in MUTATIONS}
    assert files == set(FILES)
    # Each entry of a list file, e.g. every principle and every municipality, by its keys.
    for name in ("principles.yml", "municipalities.yml", "types.yml", "facets.yml"):
        entries = {m[2][0] for m in MUTATIONS if m[0] == name and m[2]}
        assert entries == set(range(len(_data(name)))), name
    # Nested keys too: a type's citation, a facet's details, the publisher's members.
    paths = {(m[0], *[p for p in m[2] if not isinstance(p, int)]) for m in MUTATIONS}
    assert {("types.yml", "citation", "bibtex"), ("facets.yml", "details", "label"),
            ("metadata.yml", "publisher", "members", "url"), ("metadata.yml", "schema_org", "principles",
                                                               "property")} <= paths
    assert len(MUTATIONS) > 500


def test_every_mutation_of_every_data_file_is_fine_or_a_problem_with_a_line():
    """Every file, entry and key, through Project.load: each key deleted and given one
    other shape (the shapes taken in turn; loft check below draws from all of them)."""
    one_shape = [m for m in MUTATIONS if m[1] != "retype"]
    retyped: dict[tuple, list] = {}
    for m in MUTATIONS:
        if m[1] == "retype":
            retyped.setdefault(m[:3], []).append(m)
    one_shape += [shapes[n % len(shapes)] for n, shapes in enumerate(retyped.values())]
    with tempfile.TemporaryDirectory() as folder:
        root = data_project(Path(folder))
        pristine = {name: (root / "data" / name).read_bytes() for name in FILES}
        failures = []
        for name, what, path, new_shape, expected in one_shape:
            mutate(root, name, what, path, new_shape)
            problems = load_problems(root)
            (root / "data" / name).write_bytes(pristine[name])
            if any(p.line is None or not p.path.startswith("data/") for p in problems):
                failures.append((name, what, path, new_shape, "a problem without a line"))
            if expected and not any(p.path == f"data/{name}" for p in problems):
                failures.append((name, what, path, new_shape, "no problem in the file"))
        assert failures == []


@given(mutation=st.sampled_from(MUTATIONS))
def test_loft_check_reports_a_broken_data_file_at_its_line(mutation):
    name, what, path, new_shape, expected = mutation
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as folder:
        root = data_project(Path(folder))
        mutate(root, name, what, path, new_shape)
        with pytest.MonkeyPatch.context() as patch, redirect_stdout(out), redirect_stderr(err):
            patch.chdir(root)
            code = main(["check"])
    out, err = out.getvalue(), err.getvalue()
    assert "Traceback" not in out + err
    lines = [line for line in out.splitlines() if line.startswith("data/")]
    if expected:
        assert code == 1
        assert any(LINE.match(line) and LINE.match(line)["file"] == name for line in lines), out
    assert all(LINE.match(line) for line in lines), out  # every data problem has its line
    assert code == (1 if lines else 0)


def test_a_missing_key_names_the_file_the_line_and_what_to_write(tmp_path):
    root = data_project(tmp_path)
    facets = root / "data/facets.yml"
    text = facets.read_text(encoding="utf-8")
    facets.write_text(text.replace("  title: Kommuner\n", "", 1), encoding="utf-8")
    line = text[:text.index("- field: municipalities")].count("\n") + 1
    assert [p.format() for p in load_problems(root)] == [
        f"data/facets.yml:{line}:3: title: fältet saknas men krävs i data/facets.yml. "
        "Skriv till exempel title: Principer."]


def test_a_wrong_shape_names_the_value_and_its_line(tmp_path):
    root = data_project(tmp_path)
    types = root / "data/types.yml"
    text = types.read_text(encoding="utf-8")
    types.write_text(text.replace("  plural: Material\n", "  plural:\n    - Material\n", 1), encoding="utf-8")
    line = text[:text.index("  plural: Material")].count("\n") + 2
    assert [p.format() for p in load_problems(root)] == [
        f"data/types.yml:{line}:5: plural: ska vara en text, inte en lista. Skriv plural: följt av "
        "texten på samma rad."]
