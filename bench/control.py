"""The control of the benchmark: the same pages, built by plain Material.

`write_control(project, target)` asks the core for the Markdown of every page
the hooks would hand MkDocs (items, listings, overviews and the hand-written
pages with their generated blocks) and writes it as ordinary files into
target/docs, with the items' attachments beside them, and a copy of mkdocs.yml
without `hooks`. Building target then costs what Material costs for these pages;
the difference to the real build is what the hooks add.

`config_variant(config, target, hooks=...)` writes a copy of a mkdocs.yml
without the hooks. The control has no search: the site's search (Pagefind)
runs from the hooks, and Material's search plugin is off (`plugins: []`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from loft import frontmatter
from loft.build import PLACEHOLDER, SiteBuild


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


def _split_front(text: str) -> tuple[str, str]:
    """(front matter block including its --- lines, or "", body)."""
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 4)
    if end < 0:
        return "", text
    return text[:end + 5], text[end + 5:]


def write_control(project: Path, target: Path) -> Path:
    project, target = Path(project), Path(target)
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    build = SiteBuild.create(project)
    docs_source = project / "docs"

    # Hand-written pages and assets (the news folder holds items: written below).
    for source in sorted(docs_source.rglob("*")):
        relative = source.relative_to(docs_source)
        if source.is_dir() or relative.parts[0] == "nyheter":
            continue
        destination = docs / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            front, body = _split_front(source.read_text(encoding="utf-8"))
            destination.write_text(front + build.page_markdown(relative.as_posix(), body),
                                   encoding="utf-8")
        else:
            shutil.copy2(source, destination)

    for item in build.index.items:
        front, problems = frontmatter.read(item.source_path.read_text(encoding="utf-8"), item.source)
        assert front is not None and not problems, problems
        destination = docs / item.src_uri
        destination.parent.mkdir(parents=True, exist_ok=True)
        title = yaml.safe_dump({"title": item.title}, allow_unicode=True, width=1000)
        destination.write_text(f"---\n{title}---\n\n" + build.page_markdown(item.src_uri, front.body),
                               encoding="utf-8")
        for extra in (*item.attachments, *item.assets):
            target_file = docs / item.url / extra.name
            target_file.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(extra.source, target_file)

    for src_uri in build.generated_pages():
        destination = docs / src_uri
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(build.page_markdown(src_uri, PLACEHOLDER), encoding="utf-8")

    shutil.copytree(project / "overrides", target / "overrides")
    config_variant(project / "mkdocs.yml", target / "mkdocs.yml", hooks=False, docs_dir="docs")
    return target
