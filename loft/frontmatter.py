"""YAML front matter, read with the line and column of every key and value."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .problems import Problem

# libyaml's parser is about 15 times faster; positions are the same.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The line that ends the front matter: --- (or YAML's ...), trailing blanks allowed.
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t\r]*$", re.MULTILINE)


@dataclass
class FrontMatter:
    fields: dict[str, yaml.Node]  # key -> value node (keeps positions)
    key_lines: dict[str, tuple[int, int]]  # key -> (line, column), 1-based
    start_line: int  # line of the opening ---
    body: str
    body_line: int  # first line of the body


def node_position(node: yaml.Node, offset: int) -> tuple[int, int]:
    return node.start_mark.line + 1 + offset, node.start_mark.column + 1


def read(text: str, path: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Split and parse; the problems say what is wrong and how to fix it."""
    text = text.removeprefix("\ufeff")
    # Slices, not a split into lines: the body can be long and is kept whole.
    first_end = text.find("\n")
    first_line = text if first_end < 0 else text[:first_end]
    if first_line.strip() != "---":
        return None, [Problem(path, 1, 1, "front matter",
                              "filen börjar inte med front matter. Första raden ska vara --- "
                              "följd av fälten (title, date, ...) och en avslutande rad ---.")]
    closing = _CLOSING.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        return None, [Problem(path, 1, 1, "front matter",
                              "front matter avslutas aldrig. Lägg till en rad med bara --- "
                              "efter det sista fältet.")]
    end = text.count("\n", 0, closing.start())  # 0-based line of the closing ---
    yaml_text = text[first_end + 1:closing.start()]
    offset = 1  # YAML line 0 is file line 2
    try:
        root = yaml.compose(yaml_text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (None, None)
        detail = " ".join(filter(None, [error.context, error.problem]))
        return None, [Problem(path, line, column, "front matter",
                              f"YAML-syntaxfel ({detail}). Kontrollera indrag och kolon; "
                              "text som innehåller kolon (:) eller börjar med citattecken "
                              "ska skrivas inom citattecken, till exempel title: \"Del 2: Insikter\".")]
    body = text[closing.end() + 1:]
    if root is None:
        return FrontMatter({}, {}, 1, body, end + 2), []
    if not isinstance(root, yaml.MappingNode):
        return None, [Problem(path, 2, 1, "front matter",
                              "front matter ska bestå av fält i formen nyckel: värde, "
                              "till exempel title: Min rapport.")]
    fields: dict[str, yaml.Node] = {}
    key_lines: dict[str, tuple[int, int]] = {}
    problems: list[Problem] = []
    for key_node, value_node in root.value:
        key = str(key_node.value)
        line, column = node_position(key_node, offset)
        if key in fields:
            first = key_lines[key][0]
            problems.append(Problem(path, line, column, key,
                                    f"fältet förekommer två gånger (första gången på rad {first}). "
                                    "Ta bort det ena."))
            continue
        fields[key] = value_node
        key_lines[key] = (line, column)
    return FrontMatter(fields, key_lines, 1, body, end + 2), problems
