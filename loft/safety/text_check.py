"""Editors' text against the sanitizer's allow-list, before any build.

`loft check` converts each item's text and each site page under docs/ with the
site's Markdown dialect and reports what sanitizing would remove, through the
same `sanitizer.html_problems` that the build applies to the engine's HTML. The
build never converts twice: it finds the same problems in the pages it renders.
"""

from __future__ import annotations

import re
from pathlib import Path

from loft.content import frontmatter
from loft.safety import dialect
from loft.safety import sanitizer
from loft.safety.item_links import ItemAddresses, link_problems
from loft.content.model import Item
from loft.content.problems import Problem

# Text without any of these converts to nothing but allowed elements without
# attributes a reader could be harmed by (emphasis, lists, headings, code);
# only the rest is worth converting here. The build checks every page anyway.
_MAY_CARRY_MARKUP = re.compile(r"<|&|\]\(|\]:|\{|```|~~~")
# Stands for what the build puts after an item's text: it must come through.
_PROBE = "<!--loft-end-of-text-->"


def text_problems(path: str, body: str, body_line: int, item: Item | None = None,
                  addresses: ItemAddresses | None = None) -> list[Problem]:
    """item: the text's item, when it is one, for its links (loft/safety/item_links.py);
    addresses: every item, for its links to them."""
    if not _MAY_CARRY_MARKUP.search(body):
        return []  # no link either: one needs ]( or ]: or <
    html = dialect.render(f"{body}\n\n{_PROBE}\n")
    converted = html.replace(_PROBE, "")
    problems = sanitizer.html_problems(path, body, body_line, converted)
    if _PROBE not in html:
        problems.append(Problem(path, None, None, "text", sanitizer.LOST_BLOCK))
    if item is not None:
        problems += link_problems(item, sanitizer.sanitize(converted), body, body_line, addresses)
    return problems


def file_problems(path: Path, display: str, project=None, item: Item | None = None,
                  addresses: ItemAddresses | None = None) -> list[Problem]:
    """text_problems of one Markdown file, split the way the core splits it
    (as validation read it, when the project kept it: no second read). Unreadable
    or non-regular files are left to the file checks."""
    validated = project.validated.get(path) if project is not None else None
    if validated is not None:
        return text_problems(display, validated.body, validated.body_line, item, addresses)
    if path.is_symlink() or not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    front, _ = frontmatter.read(text, display, required=False)
    body, line = (front.body, front.body_line) if front is not None else (text, 1)
    return text_problems(display, body, line, item, addresses)


def item_problems(items: list[Item], project=None, addresses: ItemAddresses | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for item in items:
        problems += file_problems(item.source_path, item.source, project, item, addresses)
    return problems


def project_text_problems(project, site_pages: list[Path], items: list[Item] = (),
                          site_files: list[str] = ()) -> list[Problem]:
    """text_problems of every item (valid or not; the links of the valid ones,
    items) and of the site's own pages (found by loft/safety/inputs.py's walk of
    docs/, which follows no link)."""
    problems: list[Problem] = []
    by_path = {item.source_path: item for item in items}
    addresses = ItemAddresses(items, project.types, site_files)  # site_files: loft/safety/inputs.py
    for _, path, _ in project.sources():
        if path.suffix == ".md":
            problems += file_problems(path, project.display(path), project, by_path.get(path), addresses)
    for path in site_pages:
        problems += file_problems(path, project.display(path), project)
    return problems


def data_markdown_problems(project) -> list[Problem]:
    """Markdown fields in data/ reach pages too: what the sanitizer would remove
    from them is an error. Which fields are Markdown is what the dataclasses of
    data/ declare (loft/content/data/declarations.py, vocabulary.py): every one
    of them was noted, with where it stands, when data/ was read."""
    problems: list[Problem] = []
    for field in project.data.markdown:
        html = dialect.render(field.text)
        if sanitizer.find_unsafe(html):
            problems += [Problem(p.path, p.line, p.column, field.field, p.message)
                         for p in sanitizer.html_problems(field.path, field.source, field.line, html)]
    return problems
