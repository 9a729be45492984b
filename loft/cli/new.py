"""loft new TYP "Rubrik": a new item with every front-matter key explained.
TYP is a type's id in data/types.yml (`loft list typer`)."""

from __future__ import annotations

from loft.cli.output import err
from loft.content.project import Project
from loft.editor.scaffold import ScaffoldError, create

NAME = "new"
HELP = "skapa ett nytt objekt av en typ i data/types.yml (se loft list typer)"


def arguments(parser) -> None:
    parser.add_argument("type", metavar="TYP", help="typens id, se loft list typer")
    parser.add_argument("title", metavar="\"Rubrik\"")
    # A new item is a draft (draft: true) until its editor says otherwise: its empty
    # required fields then never break the preview (make serve) or the PR checks.
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--utkast", dest="draft", action="store_true", default=True,
                      help="skapa den som utkast, draft: true (standard)")
    mode.add_argument("--publicera", dest="draft", action="store_false",
                      help="skapa den klar för publicering, draft: false")


def run(args, project: Project) -> int:
    try:
        new = create(project, args.type, args.title, draft=args.draft)
    except ScaffoldError as error:
        err(f"loft new: {error}")
        return 1
    shown = project.display(new.path)
    print(f"Skapade {shown}")
    print("Fyll i fälten enligt kommentarerna i filen och skriv texten under front matter.")
    if args.draft:
        print("Objektet är ett utkast (draft: true): det syns i förhandsgranskningen men publiceras "
              "inte. Skriv draft: false när det är klart.")
    if new.folder is not None:
        print(f"Lägg PDF-filen och andra bilagor i mappen {project.display(new.folder)}/.")
    print(f"Kontrollera sedan med: loft check {shown}")
    return 0
