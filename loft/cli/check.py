"""loft check [FIL ...]: the build's own check of the content, without building."""

from __future__ import annotations

import os
from pathlib import Path

from loft.cli.output import err, print_problems
from loft.content.project import DATA_DIR, Project, lexical_resolve
from loft.safety.inputs import check_inputs

NAME = "check"
HELP = "kontrollera innehållet utan att bygga webbplatsen"


def arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="FIL", help="bara dessa filer eller mappar")


def _content_paths(project: Project, paths: list[str]) -> tuple[list[Path] | None, int]:
    """The paths to check: None means everything. Returns (paths, exit code if bad)."""
    sources = [project.root / t.source for t in project.types]
    data = project.root / DATA_DIR
    wanted: list[Path] = []
    for raw in paths:
        path = lexical_resolve(Path(raw))
        if not os.path.lexists(path):
            err(f"{raw}: finns inte.")
            return None, 2
        if path == project.root or path == data or data in path.parents:
            return None, 0  # the vocabularies changed: every item may be affected
        if not any(path == s or s in path.parents or path in s.parents for s in sources):
            folders = ", ".join(f"{t.source}/" for t in project.types)
            err(f"{raw}: är inget innehåll. Innehållet ligger i {folders} och data/.")
            return None, 2
        wanted.append(path)
    return (wanted or None), 0


def run(args, project: Project) -> int:
    only, code = _content_paths(project, args.paths) if args.paths else (None, 0)
    if code:
        return code
    # The build's own check (loft/safety/inputs.py); a whole check covers docs/ and data/ too.
    items, problems = check_inputs(project, only)
    if problems:
        print_problems(problems)
        return 1
    print(f"Inga fel: {len(items)} objekt kontrollerade.")
    return 0
