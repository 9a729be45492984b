"""The `loft` command for editors: check content, create items, list allowed values.

    loft check [FIL ...]          kontrollera innehållet (eller bara de här filerna/mapparna)
    loft new rapport|mall|nyhet "Rubrik" [--publicera]   (ett utkast om inte --publicera)
    loft list principer|kommuner|utgivare|sprak|typer
    loft schema [--check]         skriv om schemas/ från data/ (make gör det själv)
    loft links [site]             kontrollera länkarna i en byggd webbplats (utvecklare)
    loft diff GAMMAL NY           sidor som lagts till, ändrats och tagits bort mellan två byggen
    loft export MAPP              hela webbplatsen för en byggare utan hooks, t.ex. Zensical (utvecklare)
    loft search-index [site]      sökindex (Pagefind) för en byggd webbplats (utvecklare)

Run from the repository root (or any folder below it).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .inputs import check_inputs
from .problems import ContentError, Problem
from .project import DATA_DIR, Project, lexical_resolve


def _find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
            return folder
    raise SystemExit("Hittar inte projektets rot (mappen med mkdocs.yml och data/). "
                     "Kör kommandot från repositoriets rot.")


def _err(text: str) -> None:
    print(text, file=sys.stderr)


# --- check -----------------------------------------------------------------

def _content_paths(project: Project, paths: list[str]) -> tuple[list[Path] | None, int]:
    """The paths to check: None means everything. Returns (paths, exit code if bad)."""
    sources = [project.root / t.source for t in project.types]
    data = project.root / DATA_DIR
    wanted: list[Path] = []
    for raw in paths:
        path = lexical_resolve(Path(raw))
        if not os.path.lexists(path):
            _err(f"{raw}: finns inte.")
            return None, 2
        if path == project.root or path == data or data in path.parents:
            return None, 0  # the vocabularies changed: every item may be affected
        if not any(path == s or s in path.parents or path in s.parents for s in sources):
            folders = ", ".join(f"{t.source}/" for t in project.types)
            _err(f"{raw}: är inget innehåll. Innehållet ligger i {folders} och data/.")
            return None, 2
        wanted.append(path)
    return (wanted or None), 0


def cmd_check(project: Project, paths: list[str]) -> int:
    only, code = _content_paths(project, paths) if paths else (None, 0)
    if code:
        return code
    # The build's own check (loft/inputs.py); a whole check covers docs/ and data/ too.
    items, problems = check_inputs(project, only)
    if problems:
        print_problems(problems)
        return 1
    print(f"Inga fel: {len(items)} objekt kontrollerade.")
    return 0


def print_problems(problems: list[Problem]) -> None:
    """One line a problem, file:line:column: field: message, then a summary."""
    problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.field))
    for problem in problems:
        print(problem.format())
    files = len({p.path for p in problems})
    _err(f"\n{len(problems)} fel i {files} {'fil' if files == 1 else 'filer'}. "
         "Rätta dem och kör loft check igen; webbplatsen byggs inte förrän alla är rättade.")


# --- new -------------------------------------------------------------------

def cmd_new(project: Project, type_id: str, title: str, draft: bool) -> int:
    from .scaffold import FOLDER_TYPES, ScaffoldError, create

    try:
        new = create(project, type_id, title, draft=draft)
    except ScaffoldError as error:
        _err(f"loft new: {error}")
        return 1
    shown = project.display(new.path)
    print(f"Skapade {shown}")
    print("Fyll i fälten enligt kommentarerna i filen och skriv texten under front matter.")
    if draft:
        print("Objektet är ett utkast (draft: true): det syns i förhandsgranskningen men publiceras "
              "inte. Skriv draft: false när det är klart.")
    if type_id in FOLDER_TYPES and new.folder is not None:
        print(f"Lägg PDF-filen och andra bilagor i mappen {project.display(new.folder)}/.")
    print(f"Kontrollera sedan med: loft check {shown}")
    return 0


# --- list ------------------------------------------------------------------

def cmd_list(project: Project, what: str) -> int:
    if what == "typer":
        for ctype in project.types:
            print(f"{ctype.id:<12} {ctype.label:<10} mapp: {ctype.source}/")
        return 0
    record = {"utgivare": project.record.publishers, "sprak": project.record.languages,
              "språk": project.record.languages}.get(what)
    if record is not None:
        width = max((len(t.id) for t in record), default=0) + 2
        for term in record:
            extra = term.get("official_name") if term.get("official_name") not in (None, term.label) else ""
            print(f"{term.id:<{width}}{term.label}" + (f"  ({extra})" if extra else ""))
        return 0
    facet = next((f for f in project.facets if f.path == what), None)
    if facet is None:
        choices = ", ".join([*(f.path for f in project.facets), "utgivare", "sprak", "typer"])
        _err(f"Okänd lista \"{what}\". Välj bland: {choices}.")
        return 2
    width = max((len(t.id) for t in facet.vocabulary), default=0) + 2
    for term in facet.vocabulary:
        extra = term.get("name_en") or term.get("official_name") or ""
        print(f"{term.id:<{width}}{term.label}" + (f"  ({extra})" if extra else ""))
    return 0


# --- developer commands ----------------------------------------------------

def cmd_schema(project: Project, check_only: bool) -> int:
    from .frontmatter_schema import stale_schemas, write_schemas

    if check_only:
        stale = stale_schemas(project)
        for path in stale:
            _err(f"{path}: stämmer inte med data/. Kör: make venv (eller loft schema)")
        return 1 if stale else 0
    for path in write_schemas(project):
        print(f"Skrev {path}")
    return 0


def _site_url(root: Path) -> str | None:
    """site_url from mkdocs.yml, read without MkDocs (its !ENV and other tags ignored)."""
    import yaml

    class _Tolerant(yaml.SafeLoader):
        pass

    _Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    return config.get("site_url")


def cmd_links(project: Project, site: str, base: str | None) -> int:
    from .links import check_site, site_base

    folder = Path(site) if Path(site).is_absolute() else Path.cwd() / site
    if not folder.is_dir():
        _err(f"{site}: ingen byggd webbplats. Bygg först med: make build")
        return 2
    checked, broken = check_site(folder, base or site_base(_site_url(project.root)))
    for link in broken:
        print(link.format())
    if broken:
        _err(f"\n{len(broken)} trasiga interna länkar av {checked}.")
        return 1
    print(f"Inga trasiga länkar: {checked} interna länkar kontrollerade.")
    return 0


def cmd_diff(old: str, new: str, base: str | None) -> int:
    from .site_diff import compare, markdown

    for folder in (old, new):
        if not Path(folder).is_dir():
            _err(f"{folder}: ingen byggd webbplats. Bygg först med: make build")
            return 2
    print(markdown(compare(Path(old), Path(new)), base), end="")
    return 0


def cmd_export(project: Project, target: str) -> int:
    from .export import ExportError, export_site

    try:
        result = export_site(project.root, Path(target).absolute())
    except ContentError as error:
        print_problems(error.problems)
        return 1
    except ExportError as error:
        _err(f"loft export: {error}")
        return 2
    print(result.summary())
    return 0


def cmd_search_index(project: Project, site: str) -> int:
    from .search import SearchIndexError, item_pages_glob, run_pagefind

    if not (Path(site) / "index.html").is_file():
        _err(f"{site}: ingen byggd webbplats.")
        return 2
    try:
        print(run_pagefind(site, glob=item_pages_glob(t.path for t in project.types)).summary())
    except SearchIndexError as error:
        _err(str(error))
        return 1
    return 0


# argparse speaks English; editors read Swedish. Its messages go through gettext's
# `_` in the argparse module, so the few an editor can meet are translated there.
_ARGPARSE_SWEDISH = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "the following arguments are required: %s": "de här argumenten saknas: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "unrecognized arguments: %s": "okända argument: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
}


def _speak_swedish() -> None:
    import argparse as module

    module._ = lambda text: _ARGPARSE_SWEDISH.get(text, text)


def build_parser() -> argparse.ArgumentParser:
    _speak_swedish()
    parser = argparse.ArgumentParser(prog="loft", description="Verktyg för LOFT kunskapsbanks redaktörer.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    check = sub.add_parser("check", help="kontrollera innehållet utan att bygga webbplatsen")
    check.add_argument("paths", nargs="*", metavar="FIL", help="bara dessa filer eller mappar")
    new = sub.add_parser("new", help="skapa en ny rapport, mall eller nyhet")
    new.add_argument("type", metavar="rapport|mall|nyhet")
    new.add_argument("title", metavar="\"Rubrik\"")
    # A new item is a draft (draft: true) until its editor says otherwise: its empty
    # required fields then never break the preview (make serve) or the PR checks.
    mode = new.add_mutually_exclusive_group()
    mode.add_argument("--utkast", dest="draft", action="store_true", default=True,
                      help="skapa den som utkast, draft: true (standard)")
    mode.add_argument("--publicera", dest="draft", action="store_false",
                      help="skapa den klar för publicering, draft: false")
    listing = sub.add_parser("list", help="visa tillåtna värden")
    listing.add_argument("what", metavar="principer|kommuner|utgivare|sprak|typer")
    schema = sub.add_parser("schema", help="skriv JSON-scheman för front matter till schemas/")
    schema.add_argument("--check", action="store_true", help="bara kontrollera att de är aktuella")
    links = sub.add_parser("links", help="kontrollera interna länkar i en byggd webbplats")
    links.add_argument("site", nargs="?", default="site", metavar="MAPP")
    links.add_argument("--base", help="sökvägen webbplatsen publiceras under (standard: från site_url)")
    diff = sub.add_parser("diff", help="jämför två byggda webbplatser (Markdown, för en pull request)")
    diff.add_argument("old", metavar="GAMMAL", help="den byggda webbplatsen före ändringen")
    diff.add_argument("new", metavar="NY", help="den byggda webbplatsen efter ändringen")
    diff.add_argument("--base", help="adress där NY kan ses, för länkar till sidorna")
    export = sub.add_parser("export", help="skriv webbplatsen för en byggare utan hooks (till exempel Zensical)")
    export.add_argument("target", metavar="MAPP")
    search_index = sub.add_parser("search-index", help="skapa sökindexet (Pagefind) för en byggd webbplats")
    search_index.add_argument("site", nargs="?", default="site", metavar="MAPP")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "diff":  # two built sites: no project needed
        return cmd_diff(args.old, args.new, args.base)
    try:
        project = Project.load(_find_root(Path.cwd()))
    except ContentError as error:
        print_problems(error.problems)
        return 1
    if args.command == "check":
        return cmd_check(project, args.paths)
    if args.command == "new":
        return cmd_new(project, args.type, args.title, args.draft)
    if args.command == "schema":
        return cmd_schema(project, args.check)
    if args.command == "links":
        return cmd_links(project, args.site, args.base)
    if args.command == "export":
        return cmd_export(project, args.target)
    if args.command == "search-index":
        return cmd_search_index(project, args.site)
    return cmd_list(project, args.what)


if __name__ == "__main__":
    sys.exit(main())
