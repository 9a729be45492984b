"""What every command prints: problems one a line, errors on stderr."""

from __future__ import annotations

import sys

from loft.content.problems import Problem, in_order


def err(text: str) -> None:
    print(text, file=sys.stderr)


def print_problems(problems: list[Problem]) -> None:
    """One line a problem, file:line:column: field: message, then a summary."""
    problems = in_order(problems)
    for problem in problems:
        print(problem.format())
    files = len({p.path for p in problems})
    err(f"\n{len(problems)} fel i {files} {'fil' if files == 1 else 'filer'}. "
        "Rätta dem och kör loft check igen; webbplatsen byggs inte förrän alla är rättade.")
