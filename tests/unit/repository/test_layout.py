"""The core's layout is its design: packages that are the parts, dependencies
that run one way, no engine inside, and a map (each package's docstring, the
README) that names what is there."""

from __future__ import annotations

import ast
from pathlib import Path

from harness import REPO

LOFT = REPO / "loft"
# Lowest first: a part may import the parts before it, never those after it.
LAYERS = ("content", "safety", "search", "pages", "outputs", "editor", "build", "engine", "cli")


def _part(path: Path) -> str:
    first = path.relative_to(LOFT).parts[0]
    return first.removesuffix(".py")


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def _modules():
    return [p for p in sorted(LOFT.rglob("*.py")) if "__pycache__" not in p.parts]


def test_every_module_belongs_to_a_part():
    loose = [p.name for p in LOFT.glob("*.py") if p.name not in ("__init__.py", "build.py")]
    assert loose == [], "a module in loft/ must sit in the package of its part"
    assert {p.name for p in LOFT.iterdir() if p.is_dir() and p.name != "__pycache__"} == (
        set(LAYERS) - {"build"})


def test_dependencies_run_one_way():
    wrong = []
    for path in _modules():
        if path.name == "__init__.py" and path.parent == LOFT:
            continue
        mine = LAYERS.index(_part(path))
        for module in _imports(path):
            assert not module.startswith("."), f"{path}: relative import {module}; write loft.<part>.<module>"
            bits = module.split(".")
            if bits[0] == "loft" and len(bits) > 1 and LAYERS.index(bits[1]) > mine:
                wrong.append(f"{path.relative_to(REPO)} imports {module}")
    assert wrong == []


def test_the_core_never_imports_an_engine():
    for path in _modules():
        for module in _imports(path):
            assert module.split(".")[0] not in ("mkdocs", "material", "properdocs"), (path, module)


def test_each_package_says_what_it_is_and_names_its_modules():
    for package in LOFT.iterdir():
        if not (package / "__init__.py").is_file():
            continue
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"{package.name}/__init__.py has no docstring"
        for module in package.glob("*.py"):
            if module.name not in ("__init__.py", "__main__.py"):
                assert f"`{module.stem}`" in doc, (
                    f"{package.name}/__init__.py does not name {module.stem}")


def test_the_readme_map_follows_the_tree():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for package in LAYERS:
        name = "loft/build.py" if package == "build" else f"loft/{package}/"
        assert name in readme, f"README's map lacks {name}"


def test_the_tests_mirror_the_packages():
    unit = REPO / "tests" / "unit"
    for package in set(LAYERS) - {"build"}:
        assert (unit / package).is_dir(), f"tests/unit/{package}/ is missing"
