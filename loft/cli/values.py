"""loft list VAD: the values an editor may write (terms, publishers, languages, types)."""

from __future__ import annotations

from loft.cli.output import err
from loft.content.project import Project

NAME = "list"
HELP = "visa tillåtna värden"


def arguments(parser) -> None:
    parser.add_argument("what", metavar="LISTA",
                        help="en facetts adress i data/facets.yml, utgivare, sprak eller typer")


def run(args, project: Project) -> int:
    what = args.what
    if what == "typer":
        for ctype in project.types:
            print(f"{ctype.id:<12} {ctype.label:<10} mapp: {ctype.source}/")
        return 0
    record = {"utgivare": project.record.publishers, "sprak": project.record.languages,
              "språk": project.record.languages}.get(what)
    if record is not None:
        width = max((len(t.id) for t in record), default=0) + 2
        for term in record:
            official = term.get("official_name", "")
            extra = official if official != term.label else ""
            print(f"{term.id:<{width}}{term.label}" + (f"  ({extra})" if extra else ""))
        return 0
    facet = next((f for f in project.facets if f.path == what), None)
    if facet is None:
        choices = ", ".join([*(f.path for f in project.facets), "utgivare", "sprak", "typer"])
        err(f"Okänd lista \"{what}\". Välj bland: {choices}.")
        return 2
    width = max((len(t.id) for t in facet.vocabulary), default=0) + 2
    for term in facet.vocabulary:
        extra = term.name_en or term.official_name
        print(f"{term.id:<{width}}{term.label}" + (f"  ({extra})" if extra else ""))
    return 0
