"""loft schema [--check]: the editors' JSON Schemas in schemas/, from data/."""

from __future__ import annotations

from loft.cli.output import err
from loft.content.project import Project
from loft.editor.schemas import stale_schemas, write_schemas

NAME = "schema"
HELP = "skriv JSON-scheman för front matter till schemas/"


def arguments(parser) -> None:
    parser.add_argument("--check", action="store_true", help="bara kontrollera att de är aktuella")


def run(args, project: Project) -> int:
    if args.check:
        stale = stale_schemas(project)
        for path in stale:
            err(f"{path}: stämmer inte med data/. Kör: make venv (eller loft schema)")
        return 1 if stale else 0
    for path in write_schemas(project):
        print(f"Skrev {path}")
    return 0
