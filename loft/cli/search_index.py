"""loft search-index [MAPP]: the Pagefind index of a built site (the hooks run
it after every build; this is for a site built without them)."""

from __future__ import annotations

from pathlib import Path

from loft.cli.output import err
from loft.content.project import Project
from loft.search.pagefind import SearchIndexError, item_pages_glob, run_pagefind

NAME = "search-index"
HELP = "skapa sökindexet (Pagefind) för en byggd webbplats"


def arguments(parser) -> None:
    parser.add_argument("site", nargs="?", default="site", metavar="MAPP")


def run(args, project: Project) -> int:
    if not (Path(args.site) / "index.html").is_file():
        err(f"{args.site}: ingen byggd webbplats.")
        return 2
    try:
        print(run_pagefind(args.site, glob=item_pages_glob(t.path for t in project.types)).summary())
    except SearchIndexError as error:
        err(str(error))
        return 1
    return 0
