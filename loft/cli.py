"""The `loft` command for editors: check content, list allowed values."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .markup import project_page_problems
from .problems import ContentError, format_report
from .project import Project


def _find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
            return folder
    raise SystemExit("Hittar inte projektets rot (mappen med mkdocs.yml och data/). "
                     "Kör kommandot från repositoriets rot.")


def cmd_check(project: Project, paths: list[str]) -> int:
    only = [Path(p) for p in paths] if paths else None
    if only:
        missing = [p for p in only if not p.exists()]
        if missing:
            print("\n".join(f"{p}: finns inte." for p in missing), file=sys.stderr)
            return 2
    items, problems = project.load_items(only)
    if only is None:  # a whole check covers the site's own pages too
        problems += project_page_problems(project)
    if problems:
        print(format_report(problems), file=sys.stderr)
        return 1
    print(f"Inga fel: {len(items)} objekt kontrollerade.")
    return 0


def cmd_list(project: Project, what: str) -> int:
    if what == "typer":
        for ctype in project.types:
            print(f"{ctype.id:<12} {ctype.label:<10} mapp: {ctype.source}/")
        return 0
    facet = next((f for f in project.facets if f.path == what), None)
    if facet is None:
        choices = ", ".join([*(f.path for f in project.facets), "typer"])
        print(f"Okänd lista \"{what}\". Välj bland: {choices}.", file=sys.stderr)
        return 2
    width = max((len(t.id) for t in facet.vocabulary), default=0) + 2
    for term in facet.vocabulary:
        extra = term.get("name_en") or term.get("official_name") or ""
        print(f"{term.id:<{width}}{term.label}" + (f"  ({extra})" if extra else ""))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loft", description="Verktyg för LOFT kunskapsbanks redaktörer.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    check = sub.add_parser("check", help="kontrollera innehållet utan att bygga webbplatsen")
    check.add_argument("paths", nargs="*", metavar="FIL", help="bara dessa filer eller mappar")
    listing = sub.add_parser("list", help="visa tillåtna värden")
    listing.add_argument("what", metavar="principer|kommuner|typer")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        project = Project.load(_find_root(Path.cwd()))
    except ContentError as error:
        print(str(error), file=sys.stderr)
        return 1
    if args.command == "check":
        return cmd_check(project, args.paths)
    return cmd_list(project, args.what)


if __name__ == "__main__":
    sys.exit(main())
