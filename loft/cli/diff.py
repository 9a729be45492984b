"""loft diff GAMMAL NY: pages added, changed and removed between two builds
(Markdown for a pull request). Needs no project: two built sites."""

from __future__ import annotations

from pathlib import Path

from loft.cli.output import err
from loft.engine.site_diff import compare, markdown

NAME = "diff"
HELP = "jämför två byggda webbplatser (Markdown, för en pull request)"
NEEDS_PROJECT = False


def arguments(parser) -> None:
    parser.add_argument("old", metavar="GAMMAL", help="den byggda webbplatsen före ändringen")
    parser.add_argument("new", metavar="NY", help="den byggda webbplatsen efter ändringen")
    parser.add_argument("--base", help="adress där NY kan ses, för länkar till sidorna")


def run(args, project=None) -> int:
    for folder in (args.old, args.new):
        if not Path(folder).is_dir():
            err(f"{folder}: ingen byggd webbplats. Bygg först med: make build")
            return 2
    print(markdown(compare(Path(args.old), Path(args.new)), args.base), end="")
    return 0
