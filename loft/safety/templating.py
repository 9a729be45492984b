"""Templates of the core's HTML: Jinja2 with autoescape on, so a value is
escaped unless the template says otherwise.

The core's HTML is published unsanitized (it passes as trusted blocks,
`loft.safety.trusted`), so it must be correct by construction. Templates make
that the default: every `{{ value }}` is escaped, and only what is already safe
is marked `Markup` (the output of another template or macro). Nothing from
data/ or from editors is ever marked safe; `StrictUndefined` makes a misspelt
name fail the build instead of printing nothing.

Where they are: each part keeps its templates beside its code
(`loft/<part>/templates/*.html`; names are unique across parts). A project
overrides one by a file of the same name in `overrides/loft/`, the way
Material's partials are overridden in `overrides/`: the loader looks there
first, then in the parts' folders.

How they read: a template may be written over many lines. A line break, with
the spaces and tabs around it, is not output (`JoinLines`), so the HTML comes
out on one line as the core has always written it; `{{ "\\n" }}` writes a line
break where one is wanted, and words that need a space between them stay on
one line.

Escaping is html.escape's (quotes as `&quot;` and `&#x27;`), as the core's
hand-escaped HTML always was, so the pages stay byte for byte the same
(`escape_value`).

One environment per process and project (`Templates.for_project`): templates
are compiled once. A change under `overrides/loft/` (the preview's rebuilds)
gives a fresh environment, so the next build uses it.
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path
from typing import Any, Iterable

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from loft.content.urls import relative

LOFT = Path(__file__).resolve().parent.parent
# Every part's template folder (loft/pages/templates, ...); names are unique across them.
PACKAGE_DIRS = tuple(str(p) for p in sorted(LOFT.glob("*/templates")) if p.is_dir())
OVERRIDES = Path("overrides") / "loft"

_BREAK = re.compile(r"[ \t]*\n[ \t]*")


class JoinLines(Extension):
    """Drops every line break in a template's text, with the spaces and tabs
    around it, when the template is compiled (no cost when it renders)."""

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        for token in stream:
            if token.type == "data":
                token = Token(token.lineno, "data", _BREAK.sub("", token.value))
            yield token


def escape_value(value: Any) -> str:
    """What `{{ value }}` prints: safe markup (a macro's output) as it is, any
    other value as text escaped by html.escape (quotes too)."""
    if type(value) is str:
        # Most values need nothing; looking is cheaper than escaping them.
        if "&" in value or "<" in value or ">" in value or '"' in value or "'" in value:
            return escape(value)
        return value
    if type(value) is int:
        return str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


class _Template(Template):
    """A compiled template whose printed values are escaped by escape_value.

    Jinja's compiled code escapes every printed value with the name `escape`
    of its module (MarkupSafe's). That one spells quotes `&#34;` and `&#39;`,
    and it makes a Markup object of every value (rendering the pages of 1,000
    items took 0.1 s longer that way); escape_value is html.escape, as the
    core's HTML always was, and returns plain text (what is printed is joined
    as text anyway; a macro's output is still Markup)."""

    @classmethod
    def from_code(cls, environment, code, globals, uptodate=None):
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape_value
        return template


def _format(value: float, spec: str) -> str:
    """`{{ x|fmt("g") }}` is Python's format(x, "g"), for the charts' numbers."""
    return format(value, spec)


def make_environment(overrides: Path | None) -> Environment:
    loaders = [FileSystemLoader(str(overrides))] if overrides is not None else []
    env = Environment(
        loader=ChoiceLoader([*loaders, FileSystemLoader(list(PACKAGE_DIRS))]),
        autoescape=True,
        undefined=StrictUndefined,
        # JoinLines drops every line break and the indentation around it, so
        # trim_blocks and lstrip_blocks would add nothing (and trim_blocks would
        # leave the indentation after a tag's line break in the output).
        auto_reload=False,  # a changed override makes a new environment instead (for_project)
        extensions=[JoinLines],
    )
    env.template_class = _Template
    env.filters["fmt"] = _format
    # Every link is relative to the page it is on: relative(page_url, target).
    env.globals["relative"] = relative
    return env


class Templates:
    """The compiled templates of one project (its overrides first)."""

    # overrides folder -> (what was in it, its templates): the latest only
    _made: dict[str, tuple[tuple, Templates]] = {}

    def __init__(self, env: Environment):
        self.env = env

    @classmethod
    def for_project(cls, root: Path | str | None) -> Templates:
        """The project's templates, compiled once per process; root None: the
        parts' own templates only."""
        overrides = Path(root) / OVERRIDES if root is not None else None
        snapshot = _snapshot(overrides)
        if not snapshot:  # nothing overridden: the one environment of the parts' templates
            overrides = None
        made = cls._made.get(str(overrides))
        if made is None or made[0] != snapshot:
            made = cls._made[str(overrides)] = (snapshot, cls(make_environment(overrides)))
        return made[1]

    @classmethod
    def package(cls) -> Templates:
        return cls.for_project(None)

    def get(self, name: str) -> Template:
        return self.env.get_template(name)

    def macros(self, name: str) -> Any:
        """The macros of a template, to call from Python (each returns Markup)."""
        return self.get(name).module


def _snapshot(folder: Path | None) -> tuple:
    """Names, sizes and times of the override files: a change makes a new environment."""
    if folder is None or not folder.is_dir():
        return ()
    found = []
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(dirpath, name))
            found.append((os.path.join(dirpath, name), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))
