"""The `loft` command: a Swedish parser and one module per command.

Dispatch is declared: every command module sets its `run` as the parser's
default, so a command without a module cannot silently run another one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from loft.cli import check, diff, export, links, new, schema, search_index, values
from loft.cli.output import print_problems
from loft.content.problems import ContentError
from loft.content.project import Project

# In the order `loft --help` lists them.
COMMANDS = (check, new, values, schema, links, diff, export, search_index)

# argparse writes its messages in English. Editors read Swedish, so the parser
# below says them in Swedish through argparse's public methods only: its own
# -h, Swedish section titles in format_help, and error() translating the few
# messages a command line can produce (the rest pass through unchanged).
_ERRORS = (
    (r"the following arguments are required: (.*)", r"de här argumenten saknas: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ogiltigt val: \1 (välj bland \2)"),
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
    (r"not allowed with argument (.*)", r"kan inte kombineras med \1"),
    (r"expected one argument", r"ett värde behövs"),
    (r"^argument (.*?): ", r"argument \1: "),
)
_HEADINGS = {"usage: ": "användning: ", "positional arguments:": "argument:", "options:": "flaggor:"}


def _swedish_error(message: str) -> str:
    for english, swedish in _ERRORS:
        message = re.sub(english, swedish, message)
    return message


class SwedishParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="visa den här hjälpen och avsluta")

    def format_usage(self) -> str:
        return _swedish_headings(super().format_usage())

    def format_help(self) -> str:
        return _swedish_headings(super().format_help())

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {_swedish_error(message)}\n")


def _swedish_headings(text: str) -> str:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        for english, swedish in _HEADINGS.items():
            if line.startswith(english) and (english.endswith(" ") or line == english):
                lines[n] = swedish + line[len(english):]
    return "\n".join(lines)


def _find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
            return folder
    raise SystemExit("Hittar inte projektets rot (mappen med mkdocs.yml och data/). "
                     "Kör kommandot från repositoriets rot.")


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishParser(prog="loft", description="Verktyg för LOFT kunskapsbanks redaktörer.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    for command in COMMANDS:
        command_parser = sub.add_parser(command.NAME, help=command.HELP)
        command.arguments(command_parser)
        command_parser.set_defaults(func=command.run, needs_project=getattr(command, "NEEDS_PROJECT", True))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.needs_project:
        return args.func(args)
    try:
        project = Project.load(_find_root(Path.cwd()))
    except ContentError as error:
        print_problems(error.problems)
        return 1
    return args.func(args, project)
