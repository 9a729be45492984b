"""The one reader of data/ files: a bounded, safe read into YAML nodes.

Every data file is read like front matter (loft/content/frontmatter.py): only
a regular file, UTF-8, within the size cap of loft/content/files.py, with no
invisible control character, and its YAML events walked before anything is
composed (no nesting deeper than the bound, no anchor, alias or explicit tag).
What comes back is the node tree, so that every later check can name the line
and column of the value it is about; nothing is constructed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from loft.content import files
from loft.content import limits
from loft.content.frontmatter import compose
from loft.content.problems import Problem

DATA_DIR = "data"
# The field of a problem with a data file as a whole (missing, unreadable, not YAML).
FIELD = "data"
SYNTAX_FIX = ("Jämför med posterna runt omkring: indrag med två mellanslag (inte tabb), kolon efter "
              "fältnamnet och citattecken runt text som innehåller kolon.")


@dataclass(frozen=True)
class Source:
    """A data file as read: its path for messages, its text and its root node
    (None for a file with nothing in it)."""

    display: str
    text: str
    root: yaml.Node | None


def display_path(name: str) -> str:
    return f"{DATA_DIR}/{name}"


def read(root: Path, name: str, optional: bool = False) -> tuple[Source | None, list[Problem]]:
    """data/<name> as a node tree, or the problems that stop it from being read.
    An optional file that is not there is no problem and no source."""
    path = Path(root) / DATA_DIR / name
    display = display_path(name)
    kind, message = files.kind_problem(path)
    if message == files.MISSING:
        return None, [] if optional else [Problem(display, None, None, FIELD, "filen saknas.")]
    if kind != "file":
        return None, [Problem(display, None, None, FIELD, message or "filen är en mapp, inte en fil.")]
    text, problems = files.read_text(path, display)
    if text is None:
        return None, [_as_data(p) for p in problems]
    problems = [_as_data(p) for p in limits.control_characters(text, display)]
    if problems:
        return None, problems  # libyaml would stop at them with a traceback
    loader, node, problems = compose(text, display, 0, FIELD, SYNTAX_FIX)
    if problems:
        return None, problems
    loader.dispose()  # nothing is constructed: the checks read the nodes
    return Source(display, text, node), []


def _as_data(problem: Problem) -> Problem:
    return Problem(problem.path, problem.line, problem.column, FIELD, problem.message)
