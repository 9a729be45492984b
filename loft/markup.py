"""Script in content: found line by line, for items and the site's own pages.

Whatever an editor writes in Markdown ends up in every reader's browser, so
elements that run or embed code, inline event handlers and javascript: links
are rejected with the file, line and column. Code blocks (``` or ~~~ fences)
are left alone: there such markup is shown as text, never run.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem

TAG_PATTERN = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
HANDLER_PATTERN = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JS_URL_PATTERN = re.compile(r"javascript\s*:", re.IGNORECASE)
FENCE = re.compile(r"^\s*(```|~~~)")
RULES = (
    (TAG_PATTERN, "elementet <{0}> är inte tillåtet i innehåll"),
    (HANDLER_PATTERN, "händelseattribut (on...=) är inte tillåtna i innehåll"),
    (JS_URL_PATTERN, "länkar med javascript: är inte tillåtna"),
)
FIX = ("skript från innehållsfiler skulle köras i varje läsares webbläsare. Ta bort det; "
       "bädda in en video eller karta som en vanlig länk.")


def unsafe_markup(path: str, text: str, first_line: int = 1) -> list[Problem]:
    """One Problem per line of text (starting at first_line) that carries script."""
    if "<" not in text and "javascript" not in text.lower():
        return []  # nearly every text: skip the line-by-line scan that finds the place
    problems = []
    in_fence = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for pattern, what in RULES:
            match = pattern.search(line)
            if match:
                reason = what.format(*(g.lower() for g in match.groups()))
                problems.append(Problem(path, number, match.start() + 1, "text", f"{reason}: {FIX}"))
    return problems


def site_pages(root: Path, docs_dir: Path, item_folders: list[Path]) -> list[Path]:
    """The site's own Markdown pages in docs_dir (start page, Om LOFT, ...), items excluded."""
    item_folders = [f.resolve() for f in item_folders]
    return [
        path for path in sorted(docs_dir.resolve().rglob("*.md"))
        if not any(folder == path or folder in path.parents for folder in item_folders)
    ]


def check_site_pages(root: Path, docs_dir: Path, item_folders: list[Path]) -> list[Problem]:
    """Script checks over the site's own pages, which are not validated as items."""
    root = root.resolve()
    problems = []
    for path in site_pages(root, docs_dir, item_folders):
        try:
            display = path.relative_to(root).as_posix()
        except ValueError:
            display = path.as_posix()
        problems += unsafe_markup(display, path.read_text(encoding="utf-8-sig"))
    return problems


def project_page_problems(project, docs_dir: str = "docs") -> list[Problem]:
    """check_site_pages for a loft Project: its docs folder minus its item folders."""
    root = project.root
    return check_site_pages(root, root / docs_dir, [root / t.source for t in project.types])
