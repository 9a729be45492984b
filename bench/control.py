"""The benchmark's controls: what plain Material costs without this project.

`write_control(project, target)` is today's control, the same pages: it is
`loft export` (loft/engine/export.py), the whole site as finished pages for a builder
without hooks, built by plain ProperDocs/Material (or by Zensical). Its output
is the same pages as the real build (tests/builds/test_control_equivalence.py,
tests/builds/test_export.py).

`write_theme_control(project, target)` is the second control, what a user would
get without this project: the same item files and site pages as ordinary
Markdown pages, no generated pages at all (no listings, overviews, facts,
search page), built by plain Material; the benchmark adds Pagefind to both.

`config_variant(config, target, hooks=...)` writes a copy of a mkdocs.yml
without the hooks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from loft.build import SiteBuild
from loft.engine.export import export_site


class _EnvTag:
    """An `!ENV ...` value of mkdocs.yml, carried through load and dump unchanged."""

    def __init__(self, node: yaml.Node):
        self.node = node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_constructor("!ENV", lambda loader, node: _EnvTag(node))
_ConfigDumper.add_representer(_EnvTag, lambda dumper, value: value.node)


def config_variant(config: Path, target: Path, hooks: bool = True, docs_dir: str | None = None) -> Path:
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    if not hooks:
        data.pop("hooks", None)
    if docs_dir:
        data["docs_dir"] = docs_dir
    target.write_text(yaml.dump(data, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return target


def write_control(project: Path, target: Path) -> Path:
    """The same pages as the real build, for a builder without hooks."""
    return export_site(Path(project), Path(target)).target


def write_theme_control(project: Path, target: Path) -> Path:
    """The item files and site pages as they are, with no generated page."""
    project, target = Path(project), Path(target)
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    build = SiteBuild.create(project)
    shutil.copytree(project / "docs", docs, ignore=shutil.ignore_patterns("nyheter"))
    for item in build.index.items:
        destination = docs / item.src_uri
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(item.source_path, destination)
        for extra in (*item.attachments, *item.assets):
            target_file = docs / item.url / extra.name
            target_file.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(extra.source, target_file)
    config = config_variant(project / "mkdocs.yml", target / "mkdocs.yml", hooks=False, docs_dir="docs")
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    # No listing pages: the nav keeps the site's own pages only.
    data["nav"] = [entry for entry in data.get("nav", [])
                   if (docs / next(iter(entry.values()))).is_file()]
    data.get("theme", {}).pop("custom_dir", None)  # Material as it comes, in Swedish
    data.get("theme", {})["language"] = "sv"
    config.write_text(yaml.dump(data, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return target
