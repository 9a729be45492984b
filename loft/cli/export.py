"""loft export MAPP: the whole site for a builder without hooks (ENGINE.md)."""

from __future__ import annotations

from pathlib import Path

from loft.cli.output import err, print_problems
from loft.content.problems import ContentError
from loft.content.project import Project
from loft.engine.export import ExportError, export_site

NAME = "export"
HELP = "skriv webbplatsen för en byggare utan hooks (till exempel Zensical)"


def arguments(parser) -> None:
    parser.add_argument("target", metavar="MAPP")


def run(args, project: Project) -> int:
    try:
        result = export_site(project.root, Path(args.target).absolute())
    except ContentError as error:
        print_problems(error.problems)
        return 1
    except ExportError as error:
        err(f"loft export: {error}")
        return 2
    print(result.summary())
    return 0
